/* log.h — the only way the program talks to stderr.
 *
 * Messages follow git's habit: "notmuch-followup: warning: cannot parse
 * 'path': reason" — lowercase, no full stop, subject in single quotes.
 * Core modules never call these; adapters and commands do.
 */
#ifndef NMF_LOG_H
#define NMF_LOG_H

#include <glib.h>

/* Print "notmuch-followup: error: ..." on stderr. */
void
nmf_error (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

/* Print "notmuch-followup: warning: ..." unless quiet is set. */
void
nmf_warn (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

/* Print "notmuch-followup: ..." (a note) unless quiet is set. */
void
nmf_note (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

/* A command used wrongly: "notmuch-followup: CMD: ..." (without "CMD: "
 * when cmd is NULL), a blank line and the usage, on stderr. */
void
nmf_usage_error (const char *cmd, const char *usage, const char *fmt, ...)
    G_GNUC_PRINTF (3, 4);

/* A progress line that rewrites itself ("\rscan: parsed 10/20 ..."), on
 * stderr; progress_done ends it.  Not printed when quiet. */
void
nmf_progress (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

void
nmf_progress_done (void);

/* Silence warnings and notes (errors are always printed). */
void
nmf_log_set_quiet (int quiet);

/* Number of warnings printed so far (whether or not quiet). */
unsigned
nmf_log_warning_count (void);

#endif
