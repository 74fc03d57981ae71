/* join.h — which process a message joins (pure, no I/O).
 *
 * doc/design.md, "Which process a message joins".  Scan gathers what it
 * knows of a message (its kind as scan acts on it, its direction, its
 * thread's process, an open process of the same employer) and asks
 * here; it only reads and writes the index.
 */
#ifndef NMF_JOIN_H
#define NMF_JOIN_H

#include <glib.h>

#include "nmf/classify.h"

/* What scan knows of a message when it decides. */
struct nmf_join_in {
    enum nmf_kind kind;       /* as scan acts on it: unrelated below the
                               * acting confidence */
    gboolean from_user;
    const char *thread_pid;   /* the process of its thread (stored, or
                               * started earlier in this run), or NULL */
    gboolean thread_ignored;  /* the user ignores its thread */
    gboolean user_hires;      /* the user started its thread inviting
                               * someone to an interview */
};

enum nmf_join {
    NMF_JOIN_NONE = 0,        /* nothing to record */
    NMF_JOIN_THREAD,          /* the process of its thread */
    NMF_JOIN_EMPLOYER,        /* an open process of the same employer */
    NMF_JOIN_START,           /* a new process, anchored on it */
};

/* An invitation (mail or calendar) starts a process. */
gboolean
nmf_join_starts (enum nmf_kind kind);

/* An invitation, a rejection or an offer moves one, in any thread. */
gboolean
nmf_join_moves (enum nmf_kind kind);

/* Whether the message may join or start a process at all, the thread's
 * being ignored aside (scan asks the index about that only then, and
 * extracts only then). */
gboolean
nmf_join_may (const struct nmf_join_in *in);

/* Whether the decision needs to know who started the thread (the index
 * and the thread's first message): only when the message would start a
 * process or join its employer's from another thread. */
gboolean
nmf_join_needs_starter (const struct nmf_join_in *in);

/* Whether the decision needs an open process of the same employer
 * (a lookup in the index). */
gboolean
nmf_join_needs_employer (const struct nmf_join_in *in);

/* The decision; employer_pid is the open process of the same employer,
 * or NULL (never by a sender address alone). */
enum nmf_join
nmf_join_decide (const struct nmf_join_in *in, const char *employer_pid);

#endif
