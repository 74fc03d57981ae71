/* Unit tests of src/core/fact.c: the rounds, people, company and reply
 * target the facts of a process make (doc/design.md, "Rounds, people
 * and the reply target"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/fact.h"
#include "nmf/procstore.h"

#define H 3600
#define D (24 * H)
/* 2026-11-17 18:00 UTC. */
#define T0 ((gint64) 1794938400)

static struct nmf_fact *
fact (const char *id, gint64 date, gint64 start, const char *who)
{
    struct nmf_fact *f = nmf_fact_new (id, id);

    f->date = date;
    f->start = start;
    f->end = start ? start + H : 0;
    if (who)
	g_ptr_array_add (f->people, nmf_person_new (NULL, who, NULL));
    return f;
}

static GPtrArray *
facts_new (void)
{
    return g_ptr_array_new_with_free_func ((GDestroyNotify) (void (*) (void))
					   nmf_fact_free);
}

/* A later message gives another time before the first came: one round,
 * the new one.  A second round after the first took place stays. */
static void
test_reschedule (void **state)
{
    static const struct {
	const char *why;
	gint64 first_start, second_date, second_start;
	guint rounds;
	gint64 want_first;
    } rows[] = {
	{ "moved before it came", T0, T0 - 2 * D, T0 + D, 1, T0 + D },
	{ "moved earlier", T0, T0 - 2 * D, T0 - D, 1, T0 - D },
	{ "a next round after the first", T0, T0 + D, T0 + 7 * D, 2, T0 },
	{ "the same time said again", T0, T0 - D, T0, 1, T0 },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	g_autoptr (GPtrArray) facts = facts_new ();
	struct nmf_process *p = nmf_process_new ("p");
	const struct nmf_fact *latest;
	const struct nmf_round *r;

	g_ptr_array_add (facts, fact ("a", T0 - 5 * D, rows[i].first_start,
				      "ana@acme.example"));
	g_ptr_array_add (facts, fact ("b", rows[i].second_date,
				      rows[i].second_start,
				      "ben@acme.example"));
	((struct nmf_fact *) facts->pdata[0])->anchor = TRUE;
	assert_ptr_equal (nmf_facts_assemble (p, facts, &latest),
			  facts->pdata[0]);
	if (p->rounds->len != rows[i].rounds)
	    print_error ("case '%s': %u rounds\n", rows[i].why,
			 p->rounds->len);
	assert_int_equal (p->rounds->len, rows[i].rounds);
	r = p->rounds->pdata[0];
	assert_int_equal (r->start, rows[i].want_first);
	/* The facts themselves are not changed. */
	assert_int_equal (((struct nmf_fact *) facts->pdata[0])->start,
			  rows[i].first_start);
	nmf_process_free (&p);
    }
}

static void
test_phone_and_names (void **state)
{
    g_autoptr (GPtrArray) facts = facts_new ();
    struct nmf_process *p = nmf_process_new ("p");
    struct nmf_fact *f = fact ("a", T0 - 5 * D, T0, "ana@acme.example");
    struct nmf_fact *g = fact ("b", T0 - 4 * D, 0, NULL);
    const struct nmf_fact *latest;
    const struct nmf_round *r;
    const struct nmf_person *who;

    (void) state;
    g_ptr_array_add (f->people, nmf_person_new (NULL, "ben@acme.example",
						NULL));
    /* The signature's phone is Ana's, who sent the invitation. */
    f->phone = g_strdup ("ana@acme.example +1 555 0100");
    g->company = g_strdup ("Acme");
    g->role = g_strdup ("Data Engineer");
    g_ptr_array_add (facts, g);
    g_ptr_array_add (facts, f);
    /* No fact is an anchor: the first is. */
    assert_ptr_equal (nmf_facts_assemble (p, facts, &latest), g);
    assert_ptr_equal (latest, f);
    assert_string_equal (p->company, "Acme");
    assert_string_equal (p->role, "Data Engineer");
    r = p->rounds->pdata[0];
    assert_int_equal (r->interviewers->len, 2);
    who = r->interviewers->pdata[0];
    assert_string_equal (who->phone, "+1 555 0100");
    who = r->interviewers->pdata[1];
    assert_null (who->phone);
    nmf_process_free (&p);
    assert_null (nmf_facts_assemble (p = nmf_process_new ("q"), NULL,
				     &latest));
    assert_null (latest);
    nmf_process_free (&p);
}

/* A draft answers a person's last word: the employer's people (not a
 * robot's notice, not a draft), or the user's own mail to them; the last
 * one from or to the draft's addressee first; else the invitation. */
static void
test_reply_target (void **state)
{
    struct nmf_process *p = nmf_process_new ("p");
    struct nmf_pmsg *m;

    (void) state;
    assert_string_equal (nmf_process_reply_target (p, NULL, "inv"), "inv");
    m = nmf_pmsg_new ("employer", T0 - D, "ana@acme.example");
    g_ptr_array_add (p->msgs, m);
    m = nmf_pmsg_new ("robot", T0, "no-reply@ats.example");
    m->automated = TRUE;
    g_ptr_array_add (p->msgs, m);
    m = nmf_pmsg_new ("ats", T0 + H / 2, "no-reply@greenhouse.io");
    g_ptr_array_add (p->msgs, m);
    m = nmf_pmsg_new ("draft", T0 + 2 * H, "ana@acme.example");
    m->is_draft = TRUE;
    g_ptr_array_add (p->msgs, m);
    nmf_process_sort (p);
    assert_string_equal (nmf_process_reply_target (p, NULL, "inv"),
			 "employer");
    /* The user's own mail to Sam: a draft to Sam answers it; a draft to
     * Ana still answers Ana. */
    m = nmf_pmsg_new ("mine", T0 + H, "alex@example.net");
    m->from_user = TRUE;
    g_ptr_array_add (m->recipients, g_strdup ("sam@acme.example"));
    g_ptr_array_add (p->msgs, m);
    nmf_process_sort (p);
    assert_string_equal (nmf_process_reply_target (p, "sam@acme.example",
						   "inv"),
			 "mine");
    assert_string_equal (nmf_process_reply_target (p, "ana@acme.example",
						   "inv"),
			 "employer");
    assert_string_equal (nmf_process_reply_target (p, NULL, "inv"),
			 "employer");
    nmf_process_free (&p);
}

/* The step's own message (a rejection) is answered when a person wrote
 * it; a robot's rejection is not: the person's last word is, under a
 * subject of our own. */
static void
test_draft_target (void **state)
{
    struct nmf_process *p = nmf_process_new ("p");
    struct nmf_pmsg *m;
    struct nmf_due due = { 0 };
    struct nmf_person *to = nmf_person_new ("Ana Ruiz", "ana@acme.example",
					    NULL);
    g_autofree char *subject = NULL;
    const char *id;

    (void) state;
    p->role = g_strdup ("Staff Data Engineer");
    m = nmf_pmsg_new ("invite", T0 - D, "ana@acme.example");
    m->subject = g_strdup ("Invitation: Ana Ruiz <> Acme: Technical "
			   "interview @ Wed Dec 2, 2026 3pm - 4pm (EST)");
    g_ptr_array_add (p->msgs, m);
    m = nmf_pmsg_new ("lever", T0 + D, "no-reply@hire.lever.co");
    m->subject = g_strdup ("Your application to Acme");
    m->kind = NMF_KIND_REJECTION;
    g_ptr_array_add (p->msgs, m);
    nmf_process_sort (p);
    due.step = NMF_STEP_REJECTION_REPLY;
    due.to = to;
    due.reply_to_id = (char *) "lever";
    id = nmf_process_draft_target (p, &due, "invite", &subject);
    assert_string_equal (id, "invite");
    assert_string_equal (subject, "Thank you \xe2\x80\x93 Staff Data Engineer");
    g_clear_pointer (&subject, g_free);
    /* A person's word with a subject of their own: "Re:" it. */
    m = nmf_pmsg_new ("ana", T0 + 2 * D, "ana@acme.example");
    m->subject = g_strdup ("Re: next steps");
    g_ptr_array_add (p->msgs, m);
    nmf_process_sort (p);
    due.step = NMF_STEP_CHECK_IN;
    due.reply_to_id = NULL;
    id = nmf_process_draft_target (p, &due, "invite", &subject);
    assert_string_equal (id, "ana");
    assert_string_equal (subject, "Re: next steps");
    nmf_person_free (to);
    nmf_process_free (&p);
}

/* Machine subjects, and the subjects of our own that replace them. */
static void
test_subjects (void **state)
{
    static const struct {
	const char *s;
	gboolean machine;
    } rows[] = {
	{ "Invitation: Daniela Ortiz <> Orbital Freight: Technical interview "
	  "@ Wed Dec 2, 2026 3pm - 4pm (EST) (daniela.ortiz@orbital.example)",
	  TRUE },
	{ "Updated invitation: Panel Interview @ Thu Nov 19, 2026 1pm - 2pm",
	  TRUE },
	{ "Re: Updated: Panel Interview: Alex Morgan", TRUE },
	{ "Accepted: Technical interview", TRUE },
	{ "Canceled: Onsite loop", TRUE },
	{ "Interview Confirmation: Analytics Engineer at Lumen Health", TRUE },
	{ "[Action Required] Complete your assessment", TRUE },
	{ "Thank you for applying to Kite", TRUE },
	{ "Your application to Acme Robotics", TRUE },
	{ "Re: Backend Engineer at Acme Robotics - next steps", FALSE },
	{ "Interview invitation: Backend Engineer at Acme Robotics", FALSE },
	{ "Great talking today", FALSE },
	{ "Lunch @ the usual place?", FALSE },
	{ "", FALSE },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	if (nmf_subject_is_machine (rows[i].s) != rows[i].machine)
	    print_error ("'%s'\n", rows[i].s);
	assert_int_equal (nmf_subject_is_machine (rows[i].s), rows[i].machine);
    }
    {
	g_autofree char *a = nmf_draft_subject (
	    NMF_STEP_THANK_YOU, rows[0].s, FALSE, "Staff Data Engineer", NULL);
	g_autofree char *b = nmf_draft_subject (
	    NMF_STEP_CHECK_IN, rows[0].s, FALSE, "Staff Data Engineer", NULL);
	g_autofree char *c = nmf_draft_subject (
	    NMF_STEP_FINAL, "Re: Re: next steps", FALSE, NULL, NULL);
	g_autofree char *d = nmf_draft_subject (
	    NMF_STEP_THANK_YOU, "next steps", TRUE, NULL, "Acme Robotics");

	assert_string_equal (a, "Thank you \xe2\x80\x93 Staff Data Engineer "
				"interview");
	assert_string_equal (b, "Following up \xe2\x80\x93 Staff Data Engineer "
				"role");
	assert_string_equal (c, "Re: Re: next steps");
	assert_string_equal (d, "Thank you \xe2\x80\x93 Acme Robotics interview");
    }
}

/* The table names each text field as the store's key for it (the keys
 * of nmf/procstore.h: what `notmuch dump` files hold, so they never
 * change). */
static void
test_text_fields (void **state)
{
    static const char *const keys[] = { "followup.phone", "followup.company",
					"followup.role", "followup.topic",
					"followup.request", "followup.domain",
					NULL };
    struct nmf_fact *f = nmf_fact_new ("a", "t");
    struct nmf_fact *c;
    const struct nmf_fact_field *t;
    int n = 0;

    (void) state;
    for (t = nmf_fact_text_fields; t->name; t++, n++) {
	g_autofree char *key = g_strconcat ("followup.", t->name, NULL);

	assert_non_null (keys[n]);
	assert_string_equal (key, keys[n]);
	*nmf_fact_text (f, t) = g_strdup (t->name);
    }
    assert_null (keys[n]);
    /* A copy has every one of them. */
    c = nmf_fact_copy (f);
    for (t = nmf_fact_text_fields; t->name; t++)
	assert_string_equal (*nmf_fact_text (c, t), t->name);
    assert_string_equal (c->company, "company");
    nmf_fact_free (c);
    nmf_fact_free (f);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_reschedule),
	cmocka_unit_test (test_phone_and_names),
	cmocka_unit_test (test_reply_target),
	cmocka_unit_test (test_draft_target),
	cmocka_unit_test (test_subjects),
	cmocka_unit_test (test_text_fields),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
