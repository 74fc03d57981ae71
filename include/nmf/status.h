/* status.h — the one error type of notmuch-followup.
 *
 * Every adapter and command returns an enum nmf_status; zero is success,
 * so "if (st)" reads as "if it failed" (as notmuch_status_t does).
 */
#ifndef NMF_STATUS_H
#define NMF_STATUS_H

enum nmf_status {
    NMF_OK = 0,
    NMF_ERR_NOMEM,
    NMF_ERR_IO,
    NMF_ERR_PARSE,
    NMF_ERR_NOTMUCH,
    NMF_ERR_LOCKED,
    NMF_ERR_NET,
    NMF_ERR_CONFIG,
    NMF_ERR_USAGE,
    NMF_ERR_CHANGED,    /* a file changed under us: left alone */
};

/* A short lowercase description of st; a static string, never NULL. */
const char *
nmf_status_to_string (enum nmf_status st);

/* Exit codes of the program (DESIGN §3, documented in the man page). */
enum nmf_exit {
    NMF_EXIT_OK = 0,
    NMF_EXIT_FINDINGS = 1,
    NMF_EXIT_ERROR = 2,
};

#endif
