/* process.c — the follow-up state machine (see nmf/process.h).
 *
 * DESIGN §5: a process is waiting before its interview; the thank-you
 * falls due at the END of an interview (never before it) and stays due
 * until every interviewer of that round has had one from the user,
 * written from our draft or by hand.
 */
#include <string.h>

#include "nmf/bizday.h"
#include "nmf/process.h"

static const char *const state_names[NMF_STATE_COUNT] = {
    [NMF_STATE_WAITING] = "waiting",     [NMF_STATE_THANK_YOU] = "thank-you",
    [NMF_STATE_REPLY] = "reply",
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

gboolean
nmf_step_has_draft (enum nmf_step step)
{
    return step != NMF_STEP_NONE && step != NMF_STEP_DECIDE
	   && step != NMF_STEP_REPLY;
}

const char *
nmf_next_to_string (enum nmf_next next)
{
    switch (next) {
    case NMF_NEXT_THANK_YOU:
	return "thank-you";
    case NMF_NEXT_CHECK_IN:
	return "check-in";
    case NMF_NEXT_FINAL:
	return "final";
    case NMF_NEXT_CLOSED:
	return "closed";
    case NMF_NEXT_SNOOZE_ENDS:
	return "snooze";
    case NMF_NEXT_LAPSE:
	return "lapse";
    case NMF_NEXT_DECIDE:
	return "decide";
    case NMF_NEXT_NONE:
	break;
    }
    return NULL;
}

const char *
nmf_step_to_string (enum nmf_step step)
{
    switch (step) {
    case NMF_STEP_THANK_YOU:
	return "thank-you";
    case NMF_STEP_CHECK_IN:
	return "check-in";
    case NMF_STEP_FINAL:
	return "final";
    case NMF_STEP_CALL:
	return "call";
    case NMF_STEP_REJECTION_REPLY:
	return "rejection-reply";
    case NMF_STEP_KEEP_IN_TOUCH:
	return "keep-in-touch";
    case NMF_STEP_DECIDE:
	return "decide";
    case NMF_STEP_REPLY:
	return "reply";
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
    p->keep_in_touch = g_ptr_array_new_with_free_func (person_free_cb);
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
    g_ptr_array_unref (p->keep_in_touch);
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
    g_free (m->from_name);
    g_free (m->subject);
    g_free (m->reply_to);
    g_free (m->phone);
    g_free (m->request);
    g_ptr_array_unref (m->recipients);
    g_free (m);
}

/* Someone of the round named without an address, by name. */
static struct nmf_person *
named_only (const struct nmf_round *r, const char *name)
{
    guint i;

    for (i = 0; name && i < r->interviewers->len; i++) {
	struct nmf_person *p = r->interviewers->pdata[i];

	if (! *p->addr && p->name && g_ascii_strcasecmp (p->name, name) == 0)
	    return p;
    }
    return NULL;
}

/* who in the round already: by address, or by name for someone the mail
 * named without an address; NULL when not there. */
static struct nmf_person *
same_person (const struct nmf_round *r, const struct nmf_person *who)
{
    guint i;

    for (i = 0; i < r->interviewers->len; i++) {
	struct nmf_person *p = r->interviewers->pdata[i];

	if (*who->addr ? g_ascii_strcasecmp (p->addr, who->addr) == 0
		       : (! *p->addr && p->name && who->name
			  && g_ascii_strcasecmp (p->name, who->name) == 0))
	    return p;
    }
    return NULL;
}

/* What another message says of a person of the round that the round
 * does not know yet: a phone number, a title, a part. */
static void
fill_in (struct nmf_person *p, const struct nmf_person *who)
{
    if (! p->phone && who->phone)
	p->phone = g_strdup (who->phone);
    if (! p->title && who->title)
	p->title = g_strdup (who->title);
    if (! p->part && who->part)
	p->part = g_strdup (who->part);
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
	    /* A stated end wins over an assumed one, and a later one over
	     * an earlier one. */
	    if (end > start && (r->end_assumed || end > r->end)) {
		r->end = end;
		r->end_assumed = FALSE;
	    }
	    break;
	}
    }
    if (! r) {
	r = g_new0 (struct nmf_round, 1);
	r->start = start;
	r->end_assumed = end <= start;
	r->end = end > start ? end : start + NMF_ROUND_ASSUMED_LENGTH;
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
	struct nmf_person *named = same_person (r, who);

	if (named) {
	    fill_in (named, who);
	    continue;
	}
	/* Someone the mail named without an address, now with one (the
	 * user's note --interviewer): the same person. */
	named = *who->addr ? named_only (r, who->name) : NULL;
	if (named) {
	    g_free (named->addr);
	    named->addr = g_strdup (who->addr);
	    fill_in (named, who);
	    continue;
	}
	g_ptr_array_add (r->interviewers, nmf_person_copy (who));
    }
}

gboolean
nmf_process_move_round (struct nmf_process *p, gint64 from, gint64 start,
			gint64 end)
{
    struct nmf_round *r;
    guint i;

    for (i = 0; i < p->rounds->len; i++) {
	r = p->rounds->pdata[i];
	if (r->start != from)
	    continue;
	g_ptr_array_steal_index (p->rounds, i);
	nmf_process_add_round (p, start, end > start ? end : start,
			       r->interviewers);
	round_free_cb (r);
	return TRUE;
    }
    return FALSE;
}

gboolean
nmf_process_cancel_round (struct nmf_process *p, gint64 start)
{
    guint i;

    for (i = 0; i < p->rounds->len; i++) {
	struct nmf_round *r = p->rounds->pdata[i];

	if (r->start == start) {
	    g_ptr_array_steal_index (p->rounds, i);
	    round_free_cb (r);
	    return TRUE;
	}
    }
    return FALSE;
}

guint
nmf_process_drop_interviewer (struct nmf_process *p, const char *addr)
{
    guint i, k, n = 0;

    for (i = 0; addr && *addr && i < p->rounds->len; i++) {
	struct nmf_round *r = p->rounds->pdata[i];

	for (k = r->interviewers->len; k > 0; k--) {
	    const struct nmf_person *who = r->interviewers->pdata[k - 1];

	    if (g_ascii_strcasecmp (who->addr, addr) == 0) {
		g_ptr_array_remove_index (r->interviewers, k - 1);
		n++;
	    }
	}
    }
    return n;
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
    g_free (d->reply_to_id);
    g_free (d->what);
    g_free (d);
}

/* The first mail the user sent to addr at or after since (not a draft),
 * or NULL. */
static const struct nmf_pmsg *
user_mail_to (const struct nmf_process *p, const char *addr, gint64 since)
{
    guint i, j;

    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (! m->from_user || m->is_draft || m->date < since)
	    continue;
	for (j = 0; j < m->recipients->len; j++) {
	    if (g_ascii_strcasecmp (m->recipients->pdata[j], addr) == 0)
		return m;
	}
    }
    return NULL;
}

/* An employer's message that speaks for the employer: not the user's,
 * not automated (auto-reply, bounce, bulk, scheduling robot). */
static gboolean
employer_word (const struct nmf_pmsg *m)
{
    return ! m->from_user && ! m->automated && ! m->is_draft;
}

static const char *
domain_of (const char *addr)
{
    const char *at = addr ? strrchr (addr, '@') : NULL;

    return at && at[1] ? at + 1 : NULL;
}

/* Is addr a person of the process: someone of the employer who wrote
 * (or their Reply-To), an interviewer, someone the user keeps in touch
 * with, or anyone at the own mail domain of an employer's person who
 * wrote (not free mail, not a robot's)?  doc/design.md, "Steps count
 * by position". */
static gboolean
process_person (const struct nmf_process *p, const char *addr)
{
    const char *dom = domain_of (addr);
    guint i, j;

    if (! addr || ! *addr)
	return FALSE;
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];
	const char *md;

	if (m->from_user || m->is_draft)
	    continue;
	if ((m->from && g_ascii_strcasecmp (m->from, addr) == 0)
	    || (m->reply_to && g_ascii_strcasecmp (m->reply_to, addr) == 0))
	    return TRUE;
	md = domain_of (m->from);
	if (dom && md && ! m->automated && ! nmf_address_is_robot (m->from)
	    && ! nmf_domain_is_freemail (md)
	    && g_ascii_strcasecmp (md, dom) == 0)
	    return TRUE;
    }
    for (i = 0; i < p->rounds->len; i++) {
	const struct nmf_round *r = p->rounds->pdata[i];

	for (j = 0; j < r->interviewers->len; j++) {
	    const struct nmf_person *who = r->interviewers->pdata[j];

	    if (g_ascii_strcasecmp (who->addr, addr) == 0)
		return TRUE;
	}
    }
    for (i = 0; i < p->keep_in_touch->len; i++) {
	const struct nmf_person *who = p->keep_in_touch->pdata[i];

	if (g_ascii_strcasecmp (who->addr, addr) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* Did the user send m (not a draft) to a person of the process?  A
 * message whose recipients are not known counts. */
static gboolean
user_step_mail (const struct nmf_process *p, const struct nmf_pmsg *m)
{
    guint j;

    if (! m->from_user || m->is_draft)
	return FALSE;
    if (! m->recipients->len)
	return TRUE;
    for (j = 0; j < m->recipients->len; j++) {
	if (process_person (p, m->recipients->pdata[j]))
	    return TRUE;
    }
    return FALSE;
}

/* A thank-you may leave this long before the interview's planned end
 * (interviews end early). */
#define THANKS_EARLY (30 * 60)

/* The evaluation context: settings and the counting zone. */
struct ctx {
    const struct nmf_process *p;
    const struct nmf_config *cfg;
    const GArray *holidays;
    GTimeZone *tz;
    gint64 now;
    struct nmf_eval *out;
    gint64 closed_at;     /* when the process closed, once it has */
};

static gint64
bizdays (struct ctx *c, gint64 t, int n)
{
    return nmf_bizday_add (t, n, c->cfg->weekend_mask, c->holidays,
			   c->cfg->holidays_country, c->tz);
}

static char *
day_text (struct ctx *c, gint64 t)
{
    g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (t);
    g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr (GDateTime) l = NULL;

    if (! u)
	return g_strdup ("?");
    l = g_date_time_to_timezone (u, c->tz ? c->tz : utc);
    return g_date_time_format (l, "%a %Y-%m-%d %H:%M");
}

static void
add_due (struct ctx *c, enum nmf_step step, int round,
	 const struct nmf_person *to, gint64 since, gint64 late_at,
	 const char *reply_to_id)
{
    struct nmf_due *d = g_new0 (struct nmf_due, 1);

    d->step = step;
    d->round = round;
    d->to = nmf_person_copy (to);
    d->since = since;
    d->late_at = late_at;
    d->reply_to_id = reply_to_id ? g_strdup (reply_to_id) : NULL;
    g_ptr_array_add (c->out->due, d);
}

static void
state (struct ctx *c, enum nmf_state st, gint64 next,
       enum nmf_next next_step, char *reason)
{
    c->out->state = st;
    c->out->next_change = next;
    c->out->next_step = next_step;
    g_free (c->out->reason);
    c->out->reason = reason;
}

/* The person to write to about the process as a whole: the last person of
 * the employer who wrote (a robot's Reply-To person will do), else the
 * first interviewer of the latest round.  Returns a new person or NULL. */
static struct nmf_person *
contact (const struct nmf_process *p, gint64 before)
{
    const struct nmf_round *r;
    guint i, j;

    for (i = p->msgs->len; i > 0; i--) {
	const struct nmf_pmsg *m = p->msgs->pdata[i - 1];

	if (! employer_word (m) || m->date > before)
	    continue;
	if (m->from && *m->from && ! nmf_address_is_robot (m->from))
	    return nmf_person_new (m->from_name, m->from, m->phone);
	if (m->reply_to && ! nmf_address_is_robot (m->reply_to))
	    return nmf_person_new (NULL, m->reply_to, NULL);
    }
    for (i = p->rounds->len; i > 0; i--) {
	r = p->rounds->pdata[i - 1];
	for (j = 0; j < r->interviewers->len; j++) {
	    const struct nmf_person *who = r->interviewers->pdata[j];

	    /* Someone named without an address cannot be written to. */
	    if (*who->addr)
		return nmf_person_copy (who);
	}
    }
    return NULL;
}

/* A phone number to suggest a call on: an interviewer's, else the
 * contact's. */
static const char *
known_phone (const struct nmf_process *p, const struct nmf_person *to)
{
    guint i, k;

    if (to && to->phone)
	return to->phone;
    for (i = p->rounds->len; i > 0; i--) {
	const struct nmf_round *r = p->rounds->pdata[i - 1];

	for (k = 0; k < r->interviewers->len; k++) {
	    const struct nmf_person *who = r->interviewers->pdata[k];

	    if (who->phone)
		return who->phone;
	}
    }
    for (i = p->msgs->len; i > 0; i--) {
	const struct nmf_pmsg *m = p->msgs->pdata[i - 1];

	if (employer_word (m) && m->phone)
	    return m->phone;
    }
    return NULL;
}

/* After a rejection: one gracious answer is due, until the user has
 * written or closing_business_days have passed. */
static void
after_rejection (struct ctx *c, const struct nmf_pmsg *rej)
{
    gint64 close_at = bizdays (c, rej->date, c->cfg->closing_business_days);
    g_autofree char *when = day_text (c, rej->date);
    struct nmf_person *to = NULL;
    guint i;

    for (i = 0; i < c->p->msgs->len; i++) {
	const struct nmf_pmsg *m = c->p->msgs->pdata[i];

	if (m->from_user && ! m->is_draft && m->date > rej->date) {
	    c->closed_at = m->date;
	    state (c, NMF_STATE_CLOSED, 0, NMF_NEXT_NONE,
		   g_strdup_printf ("rejected on %s; you answered", when));
	    return;
	}
    }
    if (c->now >= close_at) {
	c->closed_at = close_at;
	state (c, NMF_STATE_CLOSED, 0, NMF_NEXT_NONE,
	       g_strdup_printf ("rejected on %s; closed after %d business "
				"days", when, c->cfg->closing_business_days));
	return;
    }
    state (c, NMF_STATE_REJECTED, close_at, NMF_NEXT_CLOSED,
	   g_strdup_printf ("rejected on %s; a gracious answer is due",
			    when));
    if (rej->from && *rej->from && ! nmf_address_is_robot (rej->from))
	to = nmf_person_new (rej->from_name, rej->from, NULL);
    else if (rej->reply_to && ! nmf_address_is_robot (rej->reply_to))
	to = nmf_person_new (NULL, rej->reply_to, NULL);
    else
	to = contact (c->p, rej->date);
    if (to)
	add_due (c, NMF_STEP_REJECTION_REPLY, 1, to, rej->date, 0, rej->id);
    nmf_person_free (to);
}

/* An offer with a stated answer deadline: a decide step (no draft) from
 * one business day before it, due to the person who made the offer. */
static void
decide (struct ctx *c, const struct nmf_pmsg *offer)
{
    g_autofree char *d = NULL;
    struct nmf_person *to;
    gint64 from;

    if (! offer->timeline || offer->timeline < offer->date)
	return;
    from = bizdays (c, offer->timeline, -1);
    d = day_text (c, offer->timeline);
    if (c->now < from) {
	c->out->next_change = from;
	c->out->next_step = NMF_NEXT_DECIDE;
	return;
    }
    to = nmf_person_new (offer->from_name, offer->from, NULL);
    add_due (c, NMF_STEP_DECIDE, 1, to, from, offer->timeline, offer->id);
    nmf_person_free (to);
    g_free (c->out->reason);
    c->out->reason = g_strdup_printf ("offer to answer by %s", d);
}

/* The check-in, final follow-up and call after all thank-yous of the last
 * round were sent.  DESIGN §5. */
static void
cadence (struct ctx *c, const struct nmf_round *r, int round_no,
	 gint64 thanks_done, gint64 thanks_window)
{
    const struct nmf_process *p = c->p;
    gint64 clock = r->end;
    gint64 decision = 0;
    gint64 due, t1 = 0, t2 = 0;
    const struct nmf_pmsg *reply = NULL;
    g_autofree char *why_due = NULL;
    struct nmf_person *to = NULL;
    int cycle = 1;
    guint i;

    /* The clock starts at the interview's end and restarts at every word
     * of the employer after it. */
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (m->date > c->now || m->date <= r->end || ! employer_word (m))
	    continue;
	clock = m->date;
	reply = m;
	cycle++;
	if (m->timeline)
	    decision = m->timeline;
    }
    /* A decision date stated before the interview (in the invitation) or
     * said in person counts too, unless a later reply replaced it. */
    if (! decision) {
	for (i = 0; i < p->msgs->len; i++) {
	    const struct nmf_pmsg *m = p->msgs->pdata[i];

	    if (employer_word (m) && m->timeline && m->date <= c->now)
		decision = m->timeline;
	}
	if (p->decision_by)
	    decision = p->decision_by;
    }
    if (decision && decision < clock - 86400 && reply)
	decision = 0; /* an old date the employer has since talked past */

    if (decision) {
	g_autofree char *d = day_text (c, decision);

	due = bizdays (c, decision, c->cfg->decision_buffer_days);
	why_due = g_strdup_printf ("the decision date %s passed %d business "
				   "days ago",
				   d, c->cfg->decision_buffer_days);
    } else {
	g_autofree char *d = day_text (c, clock);

	due = bizdays (c, clock, c->cfg->checkin_business_days);
	why_due = g_strdup_printf ("%d business days since %s (%s)",
				   c->cfg->checkin_business_days,
				   reply ? "the employer's last reply"
					 : "the interview",
				   d);
    }
    /* The user's own mail to a person of the process since the clock
     * started counts by position, whatever its words (doc/design.md,
     * "Steps count by position"): the first message is the check-in, one
     * sent at least a business day later the final.  Mail inside the
     * thank-you window belongs to the thank-you, unless it answers an
     * employer's reply or the check-in was already due. */
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (m->date > c->now || m->date <= clock || m->date <= thanks_done
	    || ! user_step_mail (p, m))
	    continue;
	if (! reply && m->date < thanks_window && m->date < due)
	    continue;
	if (! t1)
	    t1 = m->date;
	else if (! t2 && m->date >= bizdays (c, t1, 1))
	    t2 = m->date;
    }
    to = contact (p, c->now);
    if (! to) {
	state (c, NMF_STATE_WAITING, 0, NMF_NEXT_NONE,
	       g_strdup ("waiting; nobody of the employer to write to"));
	return;
    }

    if (! t1) {
	if (c->now < due) {
	    g_autofree char *d = day_text (c, due);

	    state (c, NMF_STATE_WAITING, due, NMF_NEXT_CHECK_IN,
		   g_strdup_printf ("waiting for the employer; a check-in "
				    "falls due on %s", d));
	} else {
	    state (c, NMF_STATE_CHECK_IN, 0, NMF_NEXT_NONE,
		   g_strdup_printf ("no word from the employer: %s",
				    why_due));
	    add_due (c, NMF_STEP_CHECK_IN, cycle, to, due, 0,
		     reply ? reply->id : NULL);
	}
	nmf_person_free (to);
	return;
    }
    /* The check-in was sent at t1. */
    due = bizdays (c, t1, c->cfg->final_business_days);
    if (! t2) {
	if (c->now < due) {
	    g_autofree char *d = day_text (c, due);

	    state (c, NMF_STATE_WAITING, due, NMF_NEXT_FINAL,
		   g_strdup_printf ("check-in sent; the final follow-up falls "
				    "due on %s", d));
	} else {
	    g_autofree char *d = day_text (c, t1);

	    state (c, NMF_STATE_FINAL, 0, NMF_NEXT_NONE,
		   g_strdup_printf ("no answer to the check-in of %s in %d "
				    "business days",
				    d, c->cfg->final_business_days));
	    add_due (c, NMF_STEP_FINAL, cycle, to, due, 0,
		     reply ? reply->id : NULL);
	}
	nmf_person_free (to);
	return;
    }
    /* The final follow-up was sent at t2: one call suggestion when a
     * number is known, then stop (more mail looks pushy). */
    {
	const char *phone = known_phone (p, to);
	gint64 end;

	if (phone) {
	    end = bizdays (c, t2, c->cfg->call_business_days);
	    if (c->now < end) {
		state (c, NMF_STATE_CALL, end, NMF_NEXT_CLOSED,
		       g_strdup_printf ("final follow-up sent without an "
					"answer; a call to %s is worth a try",
					phone));
		if (! to->phone)
		    to->phone = g_strdup (phone);
		add_due (c, NMF_STEP_CALL, cycle, to, t2, 0, NULL);
		nmf_person_free (to);
		return;
	    }
	} else {
	    end = bizdays (c, t2, c->cfg->closing_business_days);
	    if (c->now < end) {
		state (c, NMF_STATE_WAITING, end, NMF_NEXT_CLOSED,
		       g_strdup ("final follow-up sent; no more mail, "
				 "waiting before closing"));
		nmf_person_free (to);
		return;
	    }
	}
	c->closed_at = end;
	state (c, NMF_STATE_CLOSED, 0, NMF_NEXT_NONE,
	       g_strdup ("no answer after the final follow-up; closed"));
    }
    (void) round_no;
    nmf_person_free (to);
}

/* The end of the date of day (noon UTC of it) in the user's zone: the
 * first instant of the next day there. */
static gint64
end_of_date (struct ctx *c, gint64 day)
{
    g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (day);
    g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr (GDateTime) start = NULL;
    g_autoptr (GDateTime) next = NULL;

    if (! u)
	return day;
    start = g_date_time_new (c->tz ? c->tz : utc, g_date_time_get_year (u),
			     g_date_time_get_month (u),
			     g_date_time_get_day_of_month (u), 0, 0, 0);
    next = start ? g_date_time_add_days (start, 1) : NULL;
    return next ? g_date_time_to_unix (next) : day;
}

/* DESIGN §5, "The employer is waiting for the user": the last word of a
 * person of the employer asks the user something and the user has not
 * written to the process since.  It outranks waiting, check-in, final
 * and call; a thank-you due comes first (sending it also answers); an
 * outcome (rejected, offer) or a closed process is not outranked.  Due
 * at once, late after reply_overdue_days business days or at the
 * deadline the request states; no draft. */
static void
asked (struct ctx *c)
{
    const struct nmf_process *p = c->p;
    const struct nmf_pmsg *last = NULL;
    struct nmf_person *to;
    g_autofree char *d = NULL;
    gint64 late;
    guint i;

    if (c->out->state != NMF_STATE_WAITING
	&& c->out->state != NMF_STATE_CHECK_IN
	&& c->out->state != NMF_STATE_FINAL
	&& c->out->state != NMF_STATE_CALL)
	return;
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (m->date <= c->now && employer_word (m) && *m->from
	    && ! nmf_address_is_robot (m->from))
	    last = m;
    }
    if (! last || ! last->request || p->answered_at >= last->date)
	return;
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (m->date > last->date && m->date <= c->now && user_step_mail (p, m))
	    return;
    }
    late = last->request_by ? end_of_date (c, last->request_by)
			    : bizdays (c, last->date, c->cfg->reply_overdue_days);
    d = day_text (c, last->date);
    to = nmf_person_new (last->from_name, last->from, last->phone);
    g_ptr_array_set_size (c->out->due, 0);
    state (c, NMF_STATE_REPLY, 0, NMF_NEXT_NONE,
	   g_strdup_printf ("%s asked on %s: %s",
			    last->from_name ? last->from_name : last->from, d,
			    last->request));
    add_due (c, NMF_STEP_REPLY, 1, to, last->date, late, last->id);
    ((struct nmf_due *) c->out->due->pdata[0])->what = g_strdup (last->request);
    nmf_person_free (to);
}

/* DESIGN §1: after a process closed, a light note every keep_in_touch_days
 * to the people the user chose, unless the user wrote to them lately. */
static void
keep_in_touch (struct ctx *c)
{
    const struct nmf_process *p = c->p;
    gint64 period = (gint64) c->cfg->keep_in_touch_days * 86400;
    gint64 cycles;
    guint i;

    if (c->out->state != NMF_STATE_CLOSED || ! period || ! c->closed_at
	|| ! p->keep_in_touch->len || c->now < c->closed_at + period)
	return;
    cycles = (c->now - c->closed_at) / period;
    for (i = 0; i < p->keep_in_touch->len; i++) {
	const struct nmf_person *who = p->keep_in_touch->pdata[i];
	gint64 since = c->closed_at + cycles * period;

	if (user_mail_to (p, who->addr, since - period))
	    continue;
	add_due (c, NMF_STEP_KEEP_IN_TOUCH, (int) cycles, who, since, 0,
		 NULL);
    }
    if (c->out->due->len) {
	g_free (c->out->reason);
	c->out->reason = g_strdup_printf ("closed; time for a keep-in-touch "
					  "note (every %d days)",
					  c->cfg->keep_in_touch_days);
    }
}

/* The last thing that happened by now: a message (not a draft) or the
 * end of a round; 0 when nothing did. */
static gint64
last_activity (const struct nmf_process *p, gint64 now)
{
    gint64 last = 0;
    guint i;

    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (! m->is_draft && m->date <= now && m->date > last)
	    last = m->date;
    }
    for (i = 0; i < p->rounds->len; i++) {
	const struct nmf_round *r = p->rounds->pdata[i];
	gint64 end = r->end ? r->end : r->start;

	if (end <= now && end > last)
	    last = end;
    }
    return last;
}

/* The steps without the employer's questions: see nmf_process_evaluate. */
static void
evaluate_steps (struct ctx *c, const struct nmf_process *p, gint64 now,
		const struct nmf_config *cfg, struct nmf_eval *out)
{
    const struct nmf_round *r = NULL;
    const struct nmf_pmsg *rejection = NULL, *offer = NULL;
    gint64 due_at, lapse_at, thanks_done = 0;
    guint i, lapsed = 0;
    int round_no = 0;

    if (p->closed) {
	c->closed_at = p->closed_at;
	state (c, NMF_STATE_CLOSED, 0, NMF_NEXT_NONE,
	       g_strdup ("you closed this process"));
	keep_in_touch (c);
	return;
    }
    /* The first scan of an old archive: a process with nothing newer than
     * the import horizon when scan first saw it starts closed, and stays
     * so until new mail comes. */
    {
	gint64 seen = p->first_seen && p->first_seen < now ? p->first_seen
							   : now;
	gint64 last = last_activity (p, now);

	if (cfg->import_horizon_days && last
	    && last < seen - (gint64) cfg->import_horizon_days * 86400) {
	    g_autofree char *d = day_text (c, last);

	    state (c, NMF_STATE_CLOSED, 0, NMF_NEXT_NONE,
		   g_strdup_printf ("an old process: nothing since %s, more "
				    "than %d days before it was first "
				    "scanned",
				    d, cfg->import_horizon_days));
	    return;
	}
    }

    /* The latest round that has started by now; a later one is ahead. */
    for (i = 0; i < p->rounds->len; i++) {
	const struct nmf_round *x = p->rounds->pdata[i];

	if (x->start <= now) {
	    r = x;
	    round_no = (int) i + 1;
	} else if (! out->next_change) {
	    out->next_change = x->start;
	}
    }
    /* The employer's last decisive word: a rejection or an offer, unless
     * a round started after it (a new round resets the clock). */
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (m->date > now || m->from_user || m->is_draft)
	    continue;
	if (m->kind == NMF_KIND_REJECTION) {
	    rejection = m;
	    offer = NULL;
	} else if (m->kind == NMF_KIND_OFFER) {
	    offer = m;
	    rejection = NULL;
	}
    }
    if (rejection && ! (r && r->start > rejection->date)) {
	after_rejection (c, rejection);
	keep_in_touch (c);
	return;
    }
    if (offer && ! (r && r->start > offer->date)) {
	g_autofree char *d = day_text (c, offer->date);

	state (c, NMF_STATE_OFFER, 0, NMF_NEXT_NONE,
	       g_strdup_printf ("offer received on %s; close the process "
				"when you have decided",
				d));
	decide (c, offer);
	return;
    }

    if (! r) {
	if (p->rounds->len) {
	    const struct nmf_round *next = p->rounds->pdata[0];
	    g_autofree char *d = day_text (c, next->start);

	    state (c, NMF_STATE_WAITING, next->end, NMF_NEXT_THANK_YOU,
		   g_strdup_printf ("interview on %s", d));
	} else {
	    state (c, NMF_STATE_WAITING, 0, NMF_NEXT_NONE,
		   g_strdup ("no interview time known yet"));
	}
	return;
    }

    due_at = r->end + (gint64) cfg->thank_you_grace_hours * 3600;
    if (now < due_at) {
	state (c, NMF_STATE_WAITING, due_at, NMF_NEXT_THANK_YOU,
	       g_strdup ("interview in progress; the thank-you falls due "
			 "when it ends"));
	return;
    }

    /* A thank-you not sent lapses thankyou_lapse_days business days after
     * the interview: a note two weeks late does more harm than none, and
     * the process goes on to its check-in. */
    lapse_at = cfg->thankyou_lapse_days
		   ? bizdays (c, r->end, cfg->thankyou_lapse_days) : 0;

    /* DESIGN §5: a thank-you to each interviewer of the round, written by
     * hand or from our draft. */
    for (i = 0; i < r->interviewers->len; i++) {
	const struct nmf_person *who = r->interviewers->pdata[i];
	/* Any mail to them after their interview ended (an interview
	 * that ends a little early too) is their thank-you. */
	const struct nmf_pmsg *sent = user_mail_to (
	    p, who->addr, MAX (r->start, r->end - THANKS_EARLY));

	/* Named in the mail without an address: no draft can go to them,
	 * and no sent mail can be told apart as theirs. */
	if (! *who->addr)
	    continue;
	if (sent) {
	    if (sent->date > thanks_done)
		thanks_done = sent->date;
	    continue;
	}
	if (lapse_at && now >= lapse_at) {
	    lapsed++;
	    continue;
	}
	add_due (c, NMF_STEP_THANK_YOU, round_no, who, due_at,
		 r->end + (gint64) cfg->thank_you_late_hours * 3600, NULL);
    }
    if (out->due->len) {
	state (c, NMF_STATE_THANK_YOU, lapse_at,
	       lapse_at ? NMF_NEXT_LAPSE : NMF_NEXT_NONE,
	       g_strdup_printf ("round %d ended and %u interviewer%s had no "
				"thank-you yet",
				round_no, out->due->len,
				out->due->len == 1 ? " has" : "s have"));
	return;
    }
    cadence (c, r, round_no, thanks_done,
	     lapse_at ? lapse_at
		      : r->end + (gint64) cfg->thank_you_late_hours * 3600);
    if (lapsed) {
	/* Say so: the thank-you was not forgotten by us. */
	g_autofree char *d = day_text (c, lapse_at);
	char *why = g_strdup_printf ("%s (the thank-you%s not sent lapsed "
				     "on %s)", out->reason,
				     lapsed == 1 ? "" : "s", d);

	g_free (out->reason);
	out->reason = why;
    }
    keep_in_touch (c);
}

void
nmf_process_evaluate (const struct nmf_process *p, gint64 now,
		      const struct nmf_config *cfg, GTimeZone *tz,
		      struct nmf_eval *out)
{
    struct ctx c = { p, cfg, cfg->holidays, tz, now, out, 0 };

    memset (out, 0, sizeof (*out));
    out->due = g_ptr_array_new_with_free_func (due_free_cb);
    out->state = NMF_STATE_WAITING;
    evaluate_steps (&c, p, now, cfg, out);
    asked (&c);
    if (out->state == NMF_STATE_CLOSED || out->state == NMF_STATE_REJECTED
	|| out->state == NMF_STATE_OFFER)
	return;
    /* "Not before this date": due steps wait, the state says why. */
    if (p->snoozed_until > now && out->due->len) {
	g_autofree char *d = day_text (&c, p->snoozed_until);

	g_ptr_array_set_size (out->due, 0);
	state (&c, NMF_STATE_WAITING, p->snoozed_until, NMF_NEXT_SNOOZE_ENDS,
	       g_strdup_printf ("snoozed until %s", d));
    }
}

void
nmf_eval_release (struct nmf_eval *e)
{
    g_free (e->reason);
    if (e->due)
	g_ptr_array_unref (e->due);
    memset (e, 0, sizeof (*e));
}

/* Consider t as the next instant of change when it is after now and
 * earlier than the best so far. */
static void
sooner (gint64 *best, gint64 t, gint64 now)
{
    if (t > now && (! *best || t < *best))
	*best = t;
}

gint64
nmf_process_recheck_at (const struct nmf_process *p, const struct nmf_eval *e,
			gint64 now, const struct nmf_config *cfg)
{
    gint64 best = 0;
    guint i;

    sooner (&best, e->next_change, now);
    sooner (&best, p->snoozed_until, now);
    sooner (&best, p->decision_by, now);
    /* A round ahead starts, ends, and its thank-you falls due; mail dated
     * after now counts once now passes it. */
    for (i = 0; i < p->rounds->len; i++) {
	const struct nmf_round *r = p->rounds->pdata[i];

	sooner (&best, r->start, now);
	sooner (&best, r->end, now);
	sooner (&best, r->end + (gint64) cfg->thank_you_grace_hours * 3600,
		now);
    }
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	sooner (&best, m->date, now);
    }
    /* Keep-in-touch cycles are counted from a closing date the evaluation
     * derives; look again daily rather than repeat that reasoning. */
    if (cfg->keep_in_touch_days > 0 && p->keep_in_touch->len)
	sooner (&best, now + 86400, now);
    return best;
}
