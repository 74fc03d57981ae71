/* Unit tests of src/core/process.c: the thank-you part of the state
 * machine (DESIGN §5) as a table of (process, now) -> state, due. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/process.h"

#define H 3600
/* 2026-11-17 18:00 UTC: a Tuesday interview, one hour long. */
#define T0 ((gint64) 1794938400)

/* A sent message of the user's to one recipient. */
struct sent {
    gint64 at;
    const char *to;
    gboolean draft;
};

struct pcase {
    const char *why;
    int rounds;             /* 0, 1 or 2 rounds (second a week later) */
    int interviewers;       /* 1 or 2 in round 1 */
    struct sent sent[3];
    gint64 now;
    enum nmf_state state;
    guint due;
    gboolean late;          /* the first due item is late at now */
};

static const struct pcase cases[] = {
    { "no interview time: waiting", 0, 1, { { 0 } }, T0, NMF_STATE_WAITING,
      0, FALSE },
    { "before the interview: waiting", 1, 1, { { 0 } }, T0 - 24 * H,
      NMF_STATE_WAITING, 0, FALSE },
    /* DESIGN §5: never before the END of the interview. */
    { "during the interview: waiting", 1, 1, { { 0 } }, T0 + H / 2,
      NMF_STATE_WAITING, 0, FALSE },
    { "at its end: thank-you due", 1, 1, { { 0 } }, T0 + H,
      NMF_STATE_THANK_YOU, 1, FALSE },
    { "a day and more later: due and late", 1, 1, { { 0 } }, T0 + 26 * H,
      NMF_STATE_THANK_YOU, 1, TRUE },
    { "thanked by hand: waiting", 1, 1,
      { { T0 + 3 * H, "priya@acme.example", FALSE } }, T0 + 5 * H,
      NMF_STATE_WAITING, 0, FALSE },
    /* An unsent draft is not a thank-you. */
    { "only a draft: still due", 1, 1,
      { { T0 + 3 * H, "priya@acme.example", TRUE } }, T0 + 5 * H,
      NMF_STATE_THANK_YOU, 1, FALSE },
    /* Mail to the interviewer before the interview is no thank-you. */
    { "mail before the interview: still due", 1, 1,
      { { T0 - 48 * H, "priya@acme.example", FALSE } }, T0 + 5 * H,
      NMF_STATE_THANK_YOU, 1, FALSE },
    /* Each interviewer of a panel needs their own thank-you. */
    { "panel, one thanked", 1, 2,
      { { T0 + 3 * H, "priya@acme.example", FALSE } }, T0 + 5 * H,
      NMF_STATE_THANK_YOU, 1, FALSE },
    { "panel, both thanked", 1, 2,
      { { T0 + 3 * H, "priya@acme.example", FALSE },
	{ T0 + 4 * H, "sam@acme.example", FALSE } },
      T0 + 5 * H, NMF_STATE_WAITING, 0, FALSE },
    /* A second round is judged on its own. */
    { "round 1 thanked, round 2 done: due again", 2, 1,
      { { T0 + 3 * H, "priya@acme.example", FALSE } }, T0 + 7 * 24 * H + 2 * H,
      NMF_STATE_THANK_YOU, 1, FALSE },
    { "round 1 thanked, round 2 ahead: waiting", 2, 1,
      { { T0 + 3 * H, "priya@acme.example", FALSE } }, T0 + 3 * 24 * H,
      NMF_STATE_WAITING, 0, FALSE },
};

static struct nmf_process *
build (const struct pcase *c)
{
    struct nmf_process *p = nmf_process_new ("p1");
    GPtrArray *who = g_ptr_array_new_with_free_func (
	(GDestroyNotify) (void (*) (void)) nmf_person_free);
    int i;

    g_ptr_array_add (who, nmf_person_new ("Priya Shah", "priya@acme.example",
					  NULL));
    if (c->interviewers > 1)
	g_ptr_array_add (who, nmf_person_new ("Sam Patel", "sam@acme.example",
					      NULL));
    if (c->rounds >= 1)
	nmf_process_add_round (p, T0, T0 + H, who);
    if (c->rounds >= 2)
	nmf_process_add_round (p, T0 + 7 * 24 * H, T0 + 7 * 24 * H + H, who);
    for (i = 0; i < 3 && c->sent[i].to; i++) {
	struct nmf_pmsg *m = nmf_pmsg_new ("m", c->sent[i].at,
					   "alex@example.net");

	m->from_user = TRUE;
	m->is_draft = c->sent[i].draft;
	g_ptr_array_add (m->recipients, g_strdup (c->sent[i].to));
	g_ptr_array_add (p->msgs, m);
    }
    nmf_process_sort (p);
    g_ptr_array_unref (who);
    return p;
}

static void
test_table (void **state)
{
    struct nmf_config cfg;
    size_t i;

    (void) state;
    nmf_config_init (&cfg);
    cfg.thank_you_grace_hours = 0;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
	const struct pcase *c = &cases[i];
	struct nmf_process *p = build (c);
	struct nmf_eval e;

	nmf_process_evaluate (p, c->now, &cfg, &e);
	if (e.state != c->state || e.due->len != c->due)
	    print_error ("case '%s': state %s, %u due (%s)\n", c->why,
			 nmf_state_to_string (e.state), e.due->len, e.reason);
	assert_int_equal (e.state, c->state);
	assert_int_equal (e.due->len, c->due);
	assert_non_null (e.reason);
	if (c->due) {
	    const struct nmf_due *d = e.due->pdata[0];

	    assert_int_equal (d->step, NMF_STEP_THANK_YOU);
	    assert_int_equal (c->now >= d->late_at, c->late);
	}
	nmf_eval_release (&e);
	nmf_process_free (&p);
	assert_null (p);
    }
    nmf_config_release (&cfg);
}

static void
test_rounds_merge_and_sort (void **state)
{
    struct nmf_process *p = nmf_process_new ("p");
    const struct nmf_round *r;

    (void) state;
    nmf_process_add_round (p, 200, 260, NULL);
    nmf_process_add_round (p, 100, 160, NULL);
    nmf_process_add_round (p, 200, 300, NULL); /* same start: merge */
    assert_int_equal (p->rounds->len, 2);
    r = p->rounds->pdata[0];
    assert_int_equal (r->start, 100);
    r = p->rounds->pdata[1];
    assert_int_equal (r->end, 300);
    nmf_process_free (&p);
}

static void
test_state_names (void **state)
{
    enum nmf_state st;
    int i;

    (void) state;
    for (i = 0; i < NMF_STATE_COUNT; i++) {
	assert_true (nmf_state_from_string (nmf_state_to_string (i), &st));
	assert_int_equal (st, i);
    }
    assert_false (nmf_state_from_string ("nope", &st));
    assert_false (nmf_state_from_string (NULL, &st));
    assert_string_equal (nmf_state_to_string (NMF_STATE_THANK_YOU),
			 "thank-you");
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_table),
	cmocka_unit_test (test_rounds_merge_and_sort),
	cmocka_unit_test (test_state_names),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
