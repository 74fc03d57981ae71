/* process.c — the follow-up state machine (see nmf/process.h).
 *
 * DESIGN §5: a process is waiting before its interview; the thank-you
 * falls due at the END of an interview (never before it) and stays due
 * until every interviewer of that round has had one from the user,
 * written from our draft or by hand.
 */
#include <string.h>

#include "nmf/process.h"

static const char *const state_names[NMF_STATE_COUNT] = {
    [NMF_STATE_WAITING] = "waiting",     [NMF_STATE_THANK_YOU] = "thank-you",
    [NMF_STATE_CHECK_IN] = "check-in",   [NMF_STATE_FINAL] = "final",
    [NMF_STATE_CALL] = "call",           [NMF_STATE_REJECTED] = "rejected",
    [NMF_STATE_OFFER] = "offer",         [NMF_STATE_CLOSED] = "closed",
};

const char *
nmf_state_to_string (enum nmf_state st)
{
    if ((unsigned) st < NMF_STATE_COUNT)
	return state_names[st];
    return "waiting";
}

gboolean
nmf_state_from_string (const char *name, enum nmf_state *st)
{
    int i;

    for (i = 0; i < NMF_STATE_COUNT; i++) {
	if (name && strcmp (name, state_names[i]) == 0) {
	    *st = i;
	    return TRUE;
	}
    }
    return FALSE;
}

const char *
nmf_step_to_string (enum nmf_step step)
{
    switch (step) {
    case NMF_STEP_THANK_YOU:
	return "thank-you";
    case NMF_STEP_NONE:
	break;
    }
    return "none";
}

static void
pmsg_free_cb (gpointer p)
{
    nmf_pmsg_free (p);
}

static void
person_free_cb (gpointer p)
{
    nmf_person_free (p);
}

static void
round_free_cb (gpointer p)
{
    struct nmf_round *r = p;

    g_ptr_array_unref (r->interviewers);
    g_free (r);
}

struct nmf_process *
nmf_process_new (const char *id)
{
    struct nmf_process *p = g_new0 (struct nmf_process, 1);

    p->id = g_strdup (id ? id : "");
    p->rounds = g_ptr_array_new_with_free_func (round_free_cb);
    p->msgs = g_ptr_array_new_with_free_func (pmsg_free_cb);
    return p;
}

void
nmf_process_free (struct nmf_process **pp)
{
    struct nmf_process *p;

    if (! pp || ! *pp)
	return;
    p = *pp;
    g_free (p->id);
    g_free (p->company);
    g_free (p->role);
    g_ptr_array_unref (p->rounds);
    g_ptr_array_unref (p->msgs);
    g_free (p);
    *pp = NULL;
}

struct nmf_pmsg *
nmf_pmsg_new (const char *id, gint64 date, const char *from)
{
    struct nmf_pmsg *m = g_new0 (struct nmf_pmsg, 1);

    m->id = g_strdup (id ? id : "");
    m->date = date;
    m->from = g_ascii_strdown (from ? from : "", -1);
    m->recipients = g_ptr_array_new_with_free_func (g_free);
    return m;
}

void
nmf_pmsg_free (struct nmf_pmsg *m)
{
    if (! m)
	return;
    g_free (m->id);
    g_free (m->from);
    g_ptr_array_unref (m->recipients);
    g_free (m);
}

static gboolean
has_interviewer (const struct nmf_round *r, const char *addr)
{
    guint i;

    for (i = 0; i < r->interviewers->len; i++) {
	const struct nmf_person *p = r->interviewers->pdata[i];

	if (g_ascii_strcasecmp (p->addr, addr) == 0)
	    return TRUE;
    }
    return FALSE;
}

void
nmf_process_add_round (struct nmf_process *p, gint64 start, gint64 end,
		       GPtrArray *interviewers)
{
    struct nmf_round *r = NULL;
    guint i;

    for (i = 0; i < p->rounds->len; i++) {
	struct nmf_round *x = p->rounds->pdata[i];

	if (x->start == start) {
	    r = x;
	    if (end > r->end)
		r->end = end;
	    break;
	}
    }
    if (! r) {
	r = g_new0 (struct nmf_round, 1);
	r->start = start;
	r->end = end > start ? end : start;
	r->interviewers = g_ptr_array_new_with_free_func (person_free_cb);
	for (i = 0; i < p->rounds->len; i++) {
	    struct nmf_round *x = p->rounds->pdata[i];

	    if (x->start > start)
		break;
	}
	g_ptr_array_insert (p->rounds, (gint) i, r);
    }
    for (i = 0; interviewers && i < interviewers->len; i++) {
	const struct nmf_person *who = interviewers->pdata[i];

	if (! has_interviewer (r, who->addr))
	    g_ptr_array_add (r->interviewers,
			     nmf_person_new (who->name, who->addr, who->phone));
    }
}

static gint
by_date (gconstpointer a, gconstpointer b)
{
    const struct nmf_pmsg *x = *(const struct nmf_pmsg *const *) a;
    const struct nmf_pmsg *y = *(const struct nmf_pmsg *const *) b;

    return (x->date > y->date) - (x->date < y->date);
}

void
nmf_process_sort (struct nmf_process *p)
{
    g_ptr_array_sort (p->msgs, by_date);
}

static void
due_free_cb (gpointer p)
{
    struct nmf_due *d = p;

    nmf_person_free (d->to);
    g_free (d);
}

/* Did the user write to addr (sent, not a draft) at or after since? */
static gboolean
user_wrote_to (const struct nmf_process *p, const char *addr, gint64 since)
{
    guint i, j;

    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (! m->from_user || m->is_draft || m->date < since)
	    continue;
	for (j = 0; j < m->recipients->len; j++) {
	    if (g_ascii_strcasecmp (m->recipients->pdata[j], addr) == 0)
		return TRUE;
	}
    }
    return FALSE;
}

void
nmf_process_evaluate (const struct nmf_process *p, gint64 now,
		      const struct nmf_config *cfg, struct nmf_eval *out)
{
    const struct nmf_round *r = NULL;
    gint64 due_at;
    guint i;
    int round_no = 0;

    memset (out, 0, sizeof (*out));
    out->due = g_ptr_array_new_with_free_func (due_free_cb);
    out->state = NMF_STATE_WAITING;

    /* The latest round that has started by now; a later one is ahead. */
    for (i = 0; i < p->rounds->len; i++) {
	const struct nmf_round *x = p->rounds->pdata[i];

	if (x->start <= now) {
	    r = x;
	    round_no = (int) i + 1;
	} else if (! out->next_change) {
	    out->next_change = x->end;
	}
    }
    if (! r) {
	if (p->rounds->len) {
	    const struct nmf_round *next = p->rounds->pdata[0];
	    g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (next->start);
	    g_autofree char *when = g_date_time_format (dt, "%Y-%m-%d %H:%M UTC");

	    out->reason = g_strdup_printf ("interview scheduled for %s", when);
	} else {
	    out->reason = g_strdup ("no interview time known yet");
	}
	return;
    }

    due_at = r->end + (gint64) cfg->thank_you_grace_hours * 3600;
    if (now < due_at) {
	out->reason = g_strdup ("interview in progress; the thank-you falls "
				"due when it ends");
	out->next_change = due_at;
	return;
    }

    for (i = 0; i < r->interviewers->len; i++) {
	const struct nmf_person *who = r->interviewers->pdata[i];
	struct nmf_due *d;

	/* A thank-you written by hand counts like one from our draft. */
	if (user_wrote_to (p, who->addr, r->start))
	    continue;
	d = g_new0 (struct nmf_due, 1);
	d->step = NMF_STEP_THANK_YOU;
	d->round = round_no;
	d->to = nmf_person_new (who->name, who->addr, who->phone);
	d->since = due_at;
	d->late_at = r->end + (gint64) cfg->thank_you_late_hours * 3600;
	g_ptr_array_add (out->due, d);
    }
    if (out->due->len) {
	out->state = NMF_STATE_THANK_YOU;
	out->reason = g_strdup_printf (
	    "round %d ended and %u interviewer%s had no thank-you yet",
	    round_no, out->due->len, out->due->len == 1 ? " has" : "s have");
	return;
    }
    out->reason = g_strdup_printf ("every interviewer of round %d has been "
				   "thanked; waiting for the employer",
				   round_no);
}

void
nmf_eval_release (struct nmf_eval *e)
{
    g_free (e->reason);
    if (e->due)
	g_ptr_array_unref (e->due);
    memset (e, 0, sizeof (*e));
}
