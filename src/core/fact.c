/* fact.c — facts of a process, and the rounds, people and reply target
 * they make (doc/design.md, "Rounds, people and the reply target"). */
#include <stddef.h>
#include <string.h>

#include "nmf/fact.h"

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

	g_ptr_array_add (copy->people,
			 nmf_person_new (p->name, p->addr, p->phone));
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
		struct nmf_person *c = nmf_person_new (q->name, q->addr,
						       q->phone);

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

const char *
nmf_process_reply_target (const struct nmf_process *p, const char *fallback)
{
    guint i;

    for (i = p->msgs->len; i > 0; i--) {
	const struct nmf_pmsg *m = p->msgs->pdata[i - 1];

	if (! m->from_user && ! m->automated && ! m->is_draft && m->id
	    && *m->id)
	    return m->id;
    }
    return fallback;
}
