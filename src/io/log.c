/* log.c — stderr reporting (see include/nmf/log.h). */
#include <stdarg.h>
#include <stdio.h>

#include "nmf/log.h"

static int quiet;
static unsigned warnings;

static void
vreport (const char *kind, const char *fmt, va_list ap)
{
    fputs ("notmuch-followup: ", stderr);
    if (kind)
	fprintf (stderr, "%s: ", kind);
    vfprintf (stderr, fmt, ap);
    fputc ('\n', stderr);
}

void
nmf_error (const char *fmt, ...)
{
    va_list ap;

    va_start (ap, fmt);
    vreport ("error", fmt, ap);
    va_end (ap);
}

void
nmf_warn (const char *fmt, ...)
{
    va_list ap;

    warnings++;
    if (quiet)
	return;
    va_start (ap, fmt);
    vreport ("warning", fmt, ap);
    va_end (ap);
}

void
nmf_note (const char *fmt, ...)
{
    va_list ap;

    if (quiet)
	return;
    va_start (ap, fmt);
    vreport (NULL, fmt, ap);
    va_end (ap);
}

void
nmf_log_set_quiet (int q)
{
    quiet = q;
}

unsigned
nmf_log_warning_count (void)
{
    return warnings;
}
