/* draftcheck.h — lint a follow-up before it is sent (pure, no I/O).
 *
 * DESIGN §1 lists what to avoid in any follow-up: asking about salary,
 * demanding feedback, unfilled placeholders, the same text to every
 * interviewer, following up before the stated date, and more than two
 * follow-ups.  The checker reports each as a finding with the line it
 * is on.
 */
#ifndef NMF_DRAFTCHECK_H
#define NMF_DRAFTCHECK_H

#include <glib.h>

struct nmf_finding {
    int line;          /* 1-based line of the body, 0 for the whole text */
    const char *code;  /* "placeholder", "salary", "feedback", "duplicate",
                        * "too-early", "third-follow-up" (static) */
    char *message;     /* one sentence */
};

/* What the checker knows about the draft's process (all optional). */
struct nmf_draftcheck_ctx {
    gboolean is_follow_up;    /* a check-in or final follow-up */
    gint64 due;               /* when the step falls due (0: unknown) */
    gint64 now;
    unsigned sent_follow_ups; /* follow-ups the user already sent since
                               * the employer last wrote */
    GPtrArray *others;        /* of const char *: bodies of the other
                               * drafts and sent thank-yous of the process */
    GPtrArray *other_names;   /* of const char *: who each one is for */
};

/* Check body; findings (struct nmf_finding *) are appended to out, which
 * frees them with nmf_finding_free.  Returns the number added. */
guint
nmf_draftcheck (const char *body, const struct nmf_draftcheck_ctx *ctx,
		GPtrArray *out);

void
nmf_finding_free (gpointer f);

#endif
