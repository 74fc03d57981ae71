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

/* Silence warnings and notes (errors are always printed). */
void
nmf_log_set_quiet (int quiet);

/* Number of warnings printed so far (whether or not quiet). */
unsigned
nmf_log_warning_count (void);

#endif
