/* join.c — which process a message joins (doc/design.md, "Which
 * process a message joins"). */
#include "nmf/join.h"

gboolean
nmf_join_starts (enum nmf_kind kind)
{
    return kind == NMF_KIND_INTERVIEW_INVITE
	   || kind == NMF_KIND_INTERVIEW_CALENDAR;
}

gboolean
nmf_join_moves (enum nmf_kind kind)
{
    return nmf_join_starts (kind) || kind == NMF_KIND_REJECTION
	   || kind == NMF_KIND_OFFER;
}

gboolean
nmf_join_may (const struct nmf_join_in *in)
{
    /* Mail of a process's thread always counts (a reply, the user's own
     * thank-you); elsewhere only what moves a process, and never the
     * user's own mail (it joins through its thread or its people). */
    if (in->thread_pid)
	return TRUE;
    return ! in->from_user && nmf_join_moves (in->kind);
}

gboolean
nmf_join_needs_starter (const struct nmf_join_in *in)
{
    return ! in->thread_ignored && ! in->thread_pid && ! in->from_user
	   && nmf_join_moves (in->kind);
}

gboolean
nmf_join_needs_employer (const struct nmf_join_in *in)
{
    return nmf_join_needs_starter (in) && ! in->user_hires;
}

enum nmf_join
nmf_join_decide (const struct nmf_join_in *in, const char *employer_pid)
{
    /* New mail in a thread the user ignored stays ignored. */
    if (in->thread_ignored || ! nmf_join_may (in))
	return NMF_JOIN_NONE;
    if (in->thread_pid)
	return NMF_JOIN_THREAD;
    /* The user invited someone to an interview: the user hires, and the
     * candidate's answer ("Thursday at 10 works for me") is no
     * invitation of theirs. */
    if (in->user_hires)
	return NMF_JOIN_NONE;
    /* An invitation, outcome or next round in a new thread: the open
     * process of the same employer; else an invitation starts one. */
    if (employer_pid)
	return NMF_JOIN_EMPLOYER;
    if (nmf_join_starts (in->kind))
	return NMF_JOIN_START;
    return NMF_JOIN_NONE;
}
