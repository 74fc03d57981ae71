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

void
nmf_usage_error (const char *cmd, const char *usage, const char *fmt, ...)
{
    va_list ap;

    fprintf (stderr, "notmuch-followup: %s%s", cmd ? cmd : "", cmd ? ": " : "");
    va_start (ap, fmt);
    vfprintf (stderr, fmt, ap);
    va_end (ap);
    fprintf (stderr, "\n\n%s", usage ? usage : "");
}

void
nmf_progress (const char *fmt, ...)
{
    va_list ap;

    if (quiet)
	return;
    fputc ('\r', stderr);
    va_start (ap, fmt);
    vfprintf (stderr, fmt, ap);
    va_end (ap);
    /* Clear what a longer line before left. */
    fputs ("\033[K", stderr);
}

void
nmf_progress_done (void)
{
    if (! quiet)
	fputc ('\n', stderr);
}
