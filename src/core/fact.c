/* fact.c — facts of a process, and the rounds, people and reply target
 * they make (doc/design.md, "Rounds, people and the reply target"). */
#include <stddef.h>
#include <string.h>

#include "nmf/fact.h"
#include "nmf/text.h"

const struct nmf_fact_field nmf_fact_text_fields[] = {
    /* A phone number the message no longer gives goes. */
    { "phone", offsetof (struct nmf_fact, phone), NMF_FACT_WRITE_ALWAYS },
    { "company", offsetof (struct nmf_fact, company),
      NMF_FACT_WRITE_IF_SET },
    { "role", offsetof (struct nmf_fact, role), NMF_FACT_WRITE_IF_SET },
    { "topic", offsetof (struct nmf_fact, topic), NMF_FACT_WRITE_IF_SET },
    /* What a message asks is read again with it: an old reading goes. */
    { "request", offsetof (struct nmf_fact, request),
      NMF_FACT_WRITE_ALWAYS },
    { "domain", offsetof (struct nmf_fact, domain),
      NMF_FACT_WRITE_ON_ANCHOR },
    { NULL, 0, 0 },
};

char **
nmf_fact_text (struct nmf_fact *f, const struct nmf_fact_field *field)
{
    return (char **) ((char *) f + field->offset);
}

static void
person_free_cb (gpointer p)
{
    nmf_person_free (p);
}

struct nmf_fact *
nmf_fact_new (const char *id, const char *thread)
{
    struct nmf_fact *f = g_new0 (struct nmf_fact, 1);

    f->id = g_strdup (id);
    f->thread = g_strdup (thread);
    f->people = g_ptr_array_new_with_free_func (person_free_cb);
    return f;
}

struct nmf_fact *
nmf_fact_copy (const struct nmf_fact *f)
{
    struct nmf_fact *copy = nmf_fact_new (f->id, f->thread);
    const struct nmf_fact_field *t;
    guint k;

    copy->pid = g_strdup (f->pid);
    copy->date = f->date;
    copy->anchor = f->anchor;
    copy->kind = f->kind;
    copy->start = f->start;
    copy->end = f->end;
    copy->timeline = f->timeline;
    copy->request_by = f->request_by;
    copy->automated = f->automated;
    for (t = nmf_fact_text_fields; t->name; t++)
	*nmf_fact_text (copy, t) = g_strdup (*nmf_fact_text (
	    (struct nmf_fact *) f, t));
    for (k = 0; k < f->people->len; k++) {
	struct nmf_person *p = f->people->pdata[k];

	g_ptr_array_add (copy->people, nmf_person_copy (p));
    }
    return copy;
}

void
nmf_fact_free (struct nmf_fact *f)
{
    const struct nmf_fact_field *t;

    if (! f)
	return;
    g_free (f->id);
    g_free (f->thread);
    g_free (f->pid);
    g_ptr_array_unref (f->people);
    for (t = nmf_fact_text_fields; t->name; t++)
	g_free (*nmf_fact_text (f, t));
    g_free (f);
}

/* Did a later message give another time before f's came?  Then f's
 * round never took place: it was rescheduled. */
static gboolean
rescheduled (const struct nmf_fact *f, const GPtrArray *facts)
{
    guint k;

    for (k = 0; f->start && k < facts->len; k++) {
	const struct nmf_fact *g = facts->pdata[k];

	if (g != f && g->start && g->date > f->date && g->date < f->start
	    && g->start != f->start)
	    return TRUE;
    }
    return FALSE;
}

const struct nmf_fact *
nmf_facts_assemble (struct nmf_process *p, const GPtrArray *facts,
		    const struct nmf_fact **latest)
{
    const struct nmf_fact *anchor = NULL, *last = NULL;
    guint i, k;

    if (latest)
	*latest = NULL;
    if (! facts || ! facts->len)
	return NULL;
    for (i = 0; i < facts->len; i++) {
	const struct nmf_fact *f = facts->pdata[i];

	if (f->anchor && ! anchor)
	    anchor = f;
	if (f->company && ! p->company)
	    p->company = g_strdup (f->company);
	if (f->role && ! p->role)
	    p->role = g_strdup (f->role);
	if (! f->start || rescheduled (f, facts))
	    continue;
	{
	    g_autoptr (GPtrArray) who = g_ptr_array_new_with_free_func (
		person_free_cb);
	    gsize n = f->phone ? strcspn (f->phone, " ") : 0;

	    /* A phone number from the invitation's signature ("ADDR PHONE")
	     * belongs to the interviewer who sent it. */
	    for (k = 0; k < f->people->len; k++) {
		const struct nmf_person *q = f->people->pdata[k];
		struct nmf_person *c = nmf_person_copy (q);

		if (! c->phone && f->phone && f->phone[n] && c->addr
		    && strlen (c->addr) == n
		    && strncmp (f->phone, c->addr, n) == 0)
		    c->phone = g_strdup (f->phone + n + 1);
		g_ptr_array_add (who, c);
	    }
	    nmf_process_add_round (p, f->start, f->end, who);
	}
	if (! last || f->start >= last->start)
	    last = f;
    }
    if (latest)
	*latest = last ? last : facts->pdata[facts->len - 1];
    return anchor ? anchor : facts->pdata[0];
}

/* Is m a person's word in the conversation: the employer's (not a
 * robot, not automated) or the user's own sent mail? */
static gboolean
persons_word (const struct nmf_pmsg *m)
{
    if (m->is_draft || ! m->id || ! *m->id)
	return FALSE;
    if (m->from_user)
	return m->recipients->len > 0;
    return ! m->automated && m->from && *m->from
	   && ! nmf_address_is_robot (m->from);
}

static gboolean
involves (const struct nmf_pmsg *m, const char *to)
{
    guint i;

    if (! to || ! *to)
	return FALSE;
    if (! m->from_user)
	return m->from && g_ascii_strcasecmp (m->from, to) == 0;
    for (i = 0; i < m->recipients->len; i++) {
	if (g_ascii_strcasecmp (m->recipients->pdata[i], to) == 0)
	    return TRUE;
    }
    return FALSE;
}

const char *
nmf_process_reply_target (const struct nmf_process *p, const char *to,
			  const char *fallback)
{
    const char *last = NULL;
    guint i;

    for (i = p->msgs->len; i > 0; i--) {
	const struct nmf_pmsg *m = p->msgs->pdata[i - 1];

	if (! persons_word (m))
	    continue;
	if (involves (m, to))
	    return m->id;
	/* The user's mail to someone else is no answer to the employer. */
	if (! last && ! m->from_user)
	    last = m->id;
    }
    return last ? last : fallback;
}

/* Subjects calendars and applicant-tracking systems write. */
static const char machine_subject_re[]
    = "(?i)^(?:(?:re|fwd?|aw|wg|tr)\\s*:\\s*)*(?:"
      /* calendars: Google, Outlook, Apple, Zoom, Calendly */
      "(?:updated |new |canceled |cancelled )?invitation(?: with note)?:|"
      "invitation from|updated invitation|"
      "(?:accepted|declined|tentative(?:ly accepted)?|canceled|cancelled|"
      "updated|new time proposed|event canceled|canceled event|"
      "cancelled event|reminder|confirmed|confirmation|rescheduled):|"
      "new event:|"
      /* applicant-tracking systems */
      "\\[action required\\]|action required|"
      "interview (?:confirmation|confirmed|scheduled|invitation from|"
      "request from|reminder|details|rescheduled|cancelled|canceled)|"
      "your (?:interview|application|candidacy|assessment)|"
      "thank you for (?:applying|your application|your interest)|"
      "thanks for applying|application (?:received|update|status)|"
      "update on your application|important information about your)"
      "|\\s@\\s.*\\b(?:19|20)\\d\\d\\b.*\\d(?:am|pm|:\\d\\d)";

gboolean
nmf_subject_is_machine (const char *subject)
{
    /* A subject is one line of at most a few hundred characters; the
     * pattern is read on that much only. */
    g_autofree char *line = subject ? nmf_text_one_line (subject, 300) : NULL;

    return line && nmf_regex_match_jit (machine_subject_re, line, NULL);
}

char *
nmf_draft_subject (enum nmf_step step, const char *answered_subject,
		   gboolean answered_robot, const char *role,
		   const char *company)
{
    g_autofree char *clean = nmf_text_one_line (
	answered_subject ? answered_subject : "", 300);
    g_autofree char *what = NULL;

    if (*clean && ! answered_robot && ! nmf_subject_is_machine (clean)) {
	if (g_ascii_strncasecmp (clean, "re:", 3) == 0)
	    return g_steal_pointer (&clean);
	return g_strdup_printf ("Re: %s", clean);
    }
    /* A subject of our own, in the user's words. */
    if (role && *role)
	what = g_strdup (role);
    else if (company && *company)
	what = g_strdup_printf ("%s", company);
    switch (step) {
    case NMF_STEP_THANK_YOU:
	return what ? g_strdup_printf ("Thank you \xe2\x80\x93 %s interview",
				       what)
		    : g_strdup ("Thank you for the interview");
    case NMF_STEP_CHECK_IN:
    case NMF_STEP_FINAL:
	return what ? g_strdup_printf ("Following up \xe2\x80\x93 %s%s", what,
				       role && *role ? " role" : "")
		    : g_strdup ("Following up");
    case NMF_STEP_REJECTION_REPLY:
	return what ? g_strdup_printf ("Thank you \xe2\x80\x93 %s", what)
		    : g_strdup ("Thank you");
    case NMF_STEP_KEEP_IN_TOUCH:
	return g_strdup ("Keeping in touch");
    default:
	return what ? g_strdup_printf ("%s", what) : g_strdup ("Hello");
    }
}

static const struct nmf_pmsg *
msg_by_id (const struct nmf_process *p, const char *id)
{
    guint i;

    for (i = 0; id && i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	if (m->id && strcmp (m->id, id) == 0)
	    return m;
    }
    return NULL;
}

const char *
nmf_process_draft_target (const struct nmf_process *p,
			  const struct nmf_due *due, const char *fallback,
			  char **subject)
{
    const struct nmf_pmsg *m = msg_by_id (p, due->reply_to_id);
    const char *id;
    gboolean robot;

    if (m && persons_word (m))
	id = m->id;
    else
	id = nmf_process_reply_target (p, due->to ? due->to->addr : NULL,
				       fallback);
    m = msg_by_id (p, id);
    robot = ! m || m->automated
	    || (! m->from_user && nmf_address_is_robot (m->from));
    *subject = nmf_draft_subject (due->step, m ? m->subject : NULL, robot,
				  p->role, p->company);
    return id;
}
