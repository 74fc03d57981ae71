/* Unit tests of src/core/process.c: the thank-you part of the state
 * machine (DESIGN §5) as a table of (process, now) -> state, due. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/process.h"

/* The case tables below leave trailing fields out on purpose. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

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
    /* A thank-you not sent lapses 5 business days after the interview
     * (Tue 17 Nov 19:00 -> Tue 24 Nov 19:00): the process waits for its
     * check-in instead of showing a thank-you weeks overdue. */
    { "the fifth business day: still due", 1, 1, { { 0 } },
      T0 + 7 * 24 * H - 2 * H, NMF_STATE_THANK_YOU, 1, TRUE },
    { "after it: lapsed, waiting", 1, 1, { { 0 } }, T0 + 7 * 24 * H + 2 * H,
      NMF_STATE_WAITING, 0, FALSE },
    /* By position: mail to the interviewer after the interview ended,
     * or in its last half hour (interviews end early), is the
     * thank-you; in the middle of it ("running late") it is not. */
    { "mail during the interview: still due", 1, 1,
      { { T0 + 10 * 60, "priya@acme.example", FALSE } }, T0 + 5 * H,
      NMF_STATE_THANK_YOU, 1, FALSE },
    { "sent as it ends a little early: thanked", 1, 1,
      { { T0 + 40 * 60, "priya@acme.example", FALSE } }, T0 + 5 * H,
      NMF_STATE_WAITING, 0, FALSE },
    { "panel, one thanked, the other lapsed", 1, 2,
      { { T0 + 3 * H, "priya@acme.example", FALSE } },
      T0 + 7 * 24 * H + 2 * H, NMF_STATE_WAITING, 0, FALSE },
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

	nmf_process_evaluate (p, c->now, &cfg, NULL, &e);
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


/* ---- the cadence after the thank-you (DESIGN §5) ------------------- */

static gint64
at (const char *iso)
{
    GDateTime *d = g_date_time_new_from_iso8601 (iso, NULL);
    gint64 t = g_date_time_to_unix (d);

    g_date_time_unref (d);
    return t;
}

/* One event of a simulated process: 'i' the invitation (from Jo, the
 * recruiter), 'u' a mail of the user's to the address ('k' one whose
 * words read as a thank-you), 'q' an employer's mail that asks the
 * user something (with a deadline: its timeline), 'e' an employer
 * reply, 'a' an auto-reply, 'r' a rejection, 'o' an offer, 'n' an
 * invitation to a second round on the given day (interview 2026-11-30
 * 18:00Z). */
struct ev {
    char what;
    const char *when;
    const char *to;       /* for 'u' */
    const char *timeline; /* decision date stated, for 'i' and 'e' */
};

struct ccase {
    const char *why;
    struct ev evs[6];
    const char *phone;      /* the interviewer's phone, or NULL */
    const char *now;
    enum nmf_state state;
    enum nmf_step step;     /* the first due step, NMF_STEP_NONE: none */
    const char *to;         /* to whom it is due */
    const char *closed_by_user; /* "1" when the user closed it */
    const char *snooze;
    const char *decision_by;
    gboolean thanksgiving;  /* 26 Nov 2026 is a holiday */
};

#define THANKED { 'u', "2026-11-18T10:00:00Z", "priya@acme.example", NULL }
#define INVITE { 'i', "2026-11-12T15:00:00Z", NULL, NULL }

static const struct ccase ccases[] = {
    { "thanked; waiting for the check-in date", { INVITE, THANKED },
      NULL, "2026-11-20T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "7 business days after the interview: check-in to the recruiter",
      { INVITE, THANKED }, NULL, "2026-11-26T19:00:00Z",
      NMF_STATE_CHECK_IN, NMF_STEP_CHECK_IN, "jo@acme.example" },
    { "a day before: still waiting", { INVITE, THANKED }, NULL,
      "2026-11-26T18:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "a holiday moves the check-in a day", { INVITE, THANKED }, NULL,
      "2026-11-26T20:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE, NULL, NULL,
      NULL, NULL, TRUE },
    { "check-in sent: waiting for the final",
      { INVITE, THANKED, { 'u', "2026-11-27T10:00:00Z", "jo@acme.example",
			   NULL } },
      NULL, "2026-12-01T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "10 business days after the check-in: the final",
      { INVITE, THANKED, { 'u', "2026-11-27T10:00:00Z", "jo@acme.example",
			   NULL } },
      NULL, "2026-12-11T10:00:00Z", NMF_STATE_FINAL, NMF_STEP_FINAL,
      "jo@acme.example" },
    { "final sent, a phone number known: a call",
      { INVITE, THANKED,
	{ 'u', "2026-11-27T10:00:00Z", "jo@acme.example", NULL },
	{ 'u', "2026-12-11T12:00:00Z", "jo@acme.example", NULL } },
      "+1 312 555 0147", "2026-12-14T12:00:00Z", NMF_STATE_CALL,
      NMF_STEP_CALL, "jo@acme.example" },
    { "5 business days after the final with a phone: closed",
      { INVITE, THANKED,
	{ 'u', "2026-11-27T10:00:00Z", "jo@acme.example", NULL },
	{ 'u', "2026-12-11T12:00:00Z", "jo@acme.example", NULL } },
      "+1 312 555 0147", "2026-12-18T12:00:00Z", NMF_STATE_CLOSED,
      NMF_STEP_NONE },
    { "final sent, no phone: waiting, no more mail",
      { INVITE, THANKED,
	{ 'u', "2026-11-27T10:00:00Z", "jo@acme.example", NULL },
	{ 'u', "2026-12-11T12:00:00Z", "jo@acme.example", NULL } },
      NULL, "2026-12-14T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "10 business days after the final, no phone: closed",
      { INVITE, THANKED,
	{ 'u', "2026-11-27T10:00:00Z", "jo@acme.example", NULL },
	{ 'u', "2026-12-11T12:00:00Z", "jo@acme.example", NULL } },
      NULL, "2026-12-25T12:00:00Z", NMF_STATE_CLOSED, NMF_STEP_NONE },
    /* Steps count by position, whatever the words (doc/design.md). */
    { "a final in thank-you words is the final",
      { INVITE, THANKED,
	{ 'u', "2026-11-27T10:00:00Z", "jo@acme.example", NULL },
	{ 'k', "2026-12-11T12:00:00Z", "jo@acme.example", NULL } },
      NULL, "2026-12-14T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "a check-in in thank-you words is the check-in",
      { INVITE, THANKED,
	{ 'k', "2026-11-27T10:00:00Z", "jo@acme.example", NULL } },
      NULL, "2026-12-01T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "mail to someone outside the process is no step",
      { INVITE, THANKED,
	{ 'u', "2026-11-27T10:00:00Z", "friend@example.org", NULL } },
      NULL, "2026-11-27T12:00:00Z", NMF_STATE_CHECK_IN, NMF_STEP_CHECK_IN },
    { "mail to another address at the employer's domain counts",
      { INVITE, THANKED,
	{ 'u', "2026-11-27T10:00:00Z", "talent@acme.example", NULL } },
      NULL, "2026-12-01T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "a second note the same day is not the final",
      { INVITE, THANKED,
	{ 'u', "2026-11-27T10:00:00Z", "jo@acme.example", NULL },
	{ 'u', "2026-11-27T11:00:00Z", "priya@acme.example", NULL } },
      NULL, "2026-12-11T10:00:00Z", NMF_STATE_FINAL, NMF_STEP_FINAL },
    { "a note in the thank-you window is not the check-in",
      { INVITE, THANKED,
	{ 'u', "2026-11-19T10:00:00Z", "jo@acme.example", NULL } },
      NULL, "2026-11-26T19:00:00Z", NMF_STATE_CHECK_IN, NMF_STEP_CHECK_IN },
    { "an early check-in after the window counts",
      { INVITE, THANKED,
	{ 'u', "2026-11-25T10:00:00Z", "jo@acme.example", NULL } },
      NULL, "2026-11-27T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    /* The employer is waiting for the user (DESIGN §5). */
    { "the employer asks: a reply is due, to the one who asked",
      { INVITE, THANKED, { 'q', "2026-11-24T09:00:00Z", NULL, NULL } }, NULL,
      "2026-11-24T12:00:00Z", NMF_STATE_REPLY, NMF_STEP_REPLY,
      "jo@acme.example" },
    { "any mail of the user's to the process answers",
      { INVITE, THANKED, { 'q', "2026-11-24T09:00:00Z", NULL, NULL },
	{ 'u', "2026-11-24T15:00:00Z", "priya@acme.example", NULL } },
      NULL, "2026-11-25T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "mail to someone else does not",
      { INVITE, THANKED, { 'q', "2026-11-24T09:00:00Z", NULL, NULL },
	{ 'u', "2026-11-24T15:00:00Z", "friend@example.org", NULL } },
      NULL, "2026-11-25T12:00:00Z", NMF_STATE_REPLY, NMF_STEP_REPLY },
    { "it outranks the check-in",
      { INVITE, THANKED, { 'q', "2026-11-24T09:00:00Z", NULL, NULL } }, NULL,
      "2026-12-10T12:00:00Z", NMF_STATE_REPLY, NMF_STEP_REPLY },
    { "a thank-you due comes first",
      { INVITE, { 'q', "2026-11-17T20:00:00Z", NULL, NULL } }, NULL,
      "2026-11-17T21:00:00Z", NMF_STATE_THANK_YOU, NMF_STEP_THANK_YOU },
    { "a later word that asks nothing ends it",
      { INVITE, THANKED, { 'q', "2026-11-24T09:00:00Z", NULL, NULL },
	{ 'e', "2026-11-24T10:00:00Z", NULL, NULL } },
      NULL, "2026-11-24T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "an auto-reply asks nothing",
      { INVITE, THANKED, { 'a', "2026-11-24T09:00:00Z", NULL, NULL } }, NULL,
      "2026-11-24T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "a rejection is not outranked",
      { INVITE, THANKED, { 'q', "2026-11-24T09:00:00Z", NULL, NULL },
	{ 'r', "2026-11-25T09:00:00Z", NULL, NULL } },
      NULL, "2026-11-25T12:00:00Z", NMF_STATE_REJECTED,
      NMF_STEP_REJECTION_REPLY },
    { "before the interview: the employer asks for times",
      { { 'q', "2026-11-12T15:00:00Z", NULL, NULL } }, NULL,
      "2026-11-12T16:00:00Z", NMF_STATE_REPLY, NMF_STEP_REPLY },
    { "snoozed: the question waits too",
      { INVITE, THANKED, { 'q', "2026-11-24T09:00:00Z", NULL, NULL } }, NULL,
      "2026-11-24T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE, NULL, NULL,
      "2026-11-27T00:00:00Z" },
    { "an employer reply restarts the clock",
      { INVITE, THANKED, { 'e', "2026-11-24T09:00:00Z", NULL, NULL } }, NULL,
      "2026-11-27T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "... and the check-in falls due 7 business days after it",
      { INVITE, THANKED, { 'e', "2026-11-24T09:00:00Z", NULL, NULL } }, NULL,
      "2026-12-03T09:00:00Z", NMF_STATE_CHECK_IN, NMF_STEP_CHECK_IN,
      "jo@acme.example" },
    { "an out-of-office reply does not count",
      { INVITE, THANKED, { 'a', "2026-11-24T09:00:00Z", NULL, NULL } }, NULL,
      "2026-11-27T12:00:00Z", NMF_STATE_CHECK_IN, NMF_STEP_CHECK_IN },
    { "a stated decision date: wait for it plus 2 business days",
      { { 'i', "2026-11-12T15:00:00Z", NULL, "2026-11-30" }, THANKED }, NULL,
      "2026-12-01T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE },
    { "... then the check-in",
      { { 'i', "2026-11-12T15:00:00Z", NULL, "2026-11-30" }, THANKED }, NULL,
      "2026-12-02T13:00:00Z", NMF_STATE_CHECK_IN, NMF_STEP_CHECK_IN },
    { "a decision date said in person (note --decision-by)",
      { INVITE, THANKED }, NULL, "2026-12-01T12:00:00Z", NMF_STATE_WAITING,
      NMF_STEP_NONE, NULL, NULL, NULL, "2026-12-04" },
    { "rejection: one gracious answer due, to its sender",
      { INVITE, THANKED, { 'r', "2026-11-25T09:00:00Z", NULL, NULL } }, NULL,
      "2026-11-26T12:00:00Z", NMF_STATE_REJECTED, NMF_STEP_REJECTION_REPLY,
      "jo@acme.example" },
    { "rejection answered: closed",
      { INVITE, THANKED, { 'r', "2026-11-25T09:00:00Z", NULL, NULL },
	{ 'u', "2026-11-25T12:00:00Z", "jo@acme.example", NULL } },
      NULL, "2026-11-26T12:00:00Z", NMF_STATE_CLOSED, NMF_STEP_NONE },
    { "rejection unanswered for 10 business days: closed",
      { INVITE, THANKED, { 'r', "2026-11-25T09:00:00Z", NULL, NULL } }, NULL,
      "2026-12-09T10:00:00Z", NMF_STATE_CLOSED, NMF_STEP_NONE },
    { "offer: until the user closes", { INVITE, THANKED,
					{ 'o', "2026-11-25T09:00:00Z", NULL,
					  NULL } },
      NULL, "2027-01-20T12:00:00Z", NMF_STATE_OFFER, NMF_STEP_NONE },
    { "the user closed it", { INVITE, THANKED }, NULL,
      "2026-11-27T12:00:00Z", NMF_STATE_CLOSED, NMF_STEP_NONE, NULL, "1" },
    { "snoozed: nothing due before the date", { INVITE, THANKED }, NULL,
      "2026-11-27T12:00:00Z", NMF_STATE_WAITING, NMF_STEP_NONE, NULL, NULL,
      "2026-12-05T00:00:00Z" },
    { "a second round resets to thank-you after it",
      { INVITE, THANKED, { 'n', "2026-11-24T09:00:00Z", NULL, NULL } }, NULL,
      "2026-11-30T20:00:00Z", NMF_STATE_THANK_YOU, NMF_STEP_THANK_YOU,
      "sam@acme.example" },
    { "a rejection after the second round wins",
      { INVITE, THANKED, { 'n', "2026-11-24T09:00:00Z", NULL, NULL },
	{ 'r', "2026-12-02T09:00:00Z", NULL, NULL } },
      NULL, "2026-12-02T12:00:00Z", NMF_STATE_REJECTED,
      NMF_STEP_REJECTION_REPLY },
};

static gint64
noon (const char *day)
{
    g_autofree char *iso = g_strdup_printf ("%sT12:00:00Z", day);

    return at (iso);
}

static void
test_cadence (void **state)
{
    struct nmf_config cfg;
    GArray *holidays = g_array_new (FALSE, FALSE, sizeof (GDate));
    GDate h;
    size_t i;

    (void) state;
    nmf_config_init (&cfg);
    cfg.thank_you_grace_hours = 0;
    g_date_clear (&h, 1);
    g_date_set_dmy (&h, 26, 11, 2026);
    g_array_append_val (holidays, h);
    for (i = 0; i < sizeof ccases / sizeof ccases[0]; i++) {
	const struct ccase *c = &ccases[i];
	struct nmf_process *p = nmf_process_new ("p1");
	GPtrArray *who = g_ptr_array_new_with_free_func (
	    (GDestroyNotify) (void (*) (void)) nmf_person_free);
	struct nmf_eval e;
	int k;

	g_ptr_array_add (who, nmf_person_new ("Priya Shah",
					      "priya@acme.example", c->phone));
	nmf_process_add_round (p, T0, T0 + H, who);
	g_ptr_array_set_size (who, 0);
	g_ptr_array_add (who, nmf_person_new ("Sam Patel", "sam@acme.example",
					      NULL));
	for (k = 0; k < 6 && c->evs[k].what; k++) {
	    const struct ev *v = &c->evs[k];
	    struct nmf_pmsg *m;

	    if (v->what == 'u' || v->what == 'k') {
		m = nmf_pmsg_new ("u", at (v->when), "alex@example.net");
		m->from_user = TRUE;
		if (v->what == 'k')
		    m->kind = NMF_KIND_CANDIDATE_THANK_YOU;
		g_ptr_array_add (m->recipients, g_strdup (v->to));
	    } else {
		m = nmf_pmsg_new ("e", at (v->when), "jo@acme.example");
		m->from_name = g_strdup ("Jo Lee");
		m->kind = v->what == 'r'   ? NMF_KIND_REJECTION
			  : v->what == 'o' ? NMF_KIND_OFFER
			  : v->what == 'i' || v->what == 'n'
			      ? NMF_KIND_INTERVIEW_INVITE
			      : NMF_KIND_UNRELATED;
		m->automated = v->what == 'a';
		if (v->what == 'q') {
		    m->request = g_strdup ("Could you send two references?");
		    if (v->timeline)
			m->request_by = noon (v->timeline);
		} else if (v->timeline) {
		    m->timeline = noon (v->timeline);
		}
		if (v->what == 'n')
		    nmf_process_add_round (p, at ("2026-11-30T18:00:00Z"),
					   at ("2026-11-30T19:00:00Z"), who);
	    }
	    g_ptr_array_add (p->msgs, m);
	}
	nmf_process_sort (p);
	p->closed = c->closed_by_user != NULL;
	p->snoozed_until = c->snooze ? at (c->snooze) : 0;
	p->decision_by = c->decision_by ? noon (c->decision_by) : 0;

	cfg.holidays = c->thanksgiving ? holidays : NULL;
	nmf_process_evaluate (p, at (c->now), &cfg, NULL, &e);
	cfg.holidays = NULL;
	if (e.state != c->state
	    || (c->step == NMF_STEP_NONE) != (e.due->len == 0)
	    || (e.due->len
		&& ((const struct nmf_due *) e.due->pdata[0])->step != c->step))
	    print_error ("case '%s': %s, %u due (%s)\n", c->why,
			 nmf_state_to_string (e.state), e.due->len, e.reason);
	assert_int_equal (e.state, c->state);
	assert_non_null (e.reason);
	if (c->step == NMF_STEP_NONE) {
	    assert_int_equal (e.due->len, 0);
	} else {
	    const struct nmf_due *d = e.due->pdata[0];

	    assert_true (e.due->len >= 1);
	    assert_int_equal (d->step, c->step);
	    if (c->to)
		assert_string_equal (d->to->addr, c->to);
	}
	nmf_eval_release (&e);
	g_ptr_array_unref (who);
	nmf_process_free (&p);
    }
    g_array_unref (holidays);
    nmf_config_release (&cfg);
}

/* A Friday interview: the weekend does not count towards the check-in. */
/* The lapse is a setting (0: never), and the evaluation says when it
 * comes. */
static void
test_lapse_setting (void **state)
{
    struct nmf_config cfg;
    const struct pcase c = { "unthanked", 1, 1, { { 0 } }, 0,
			     NMF_STATE_THANK_YOU, 1, FALSE };
    struct nmf_process *p = build (&c);
    struct nmf_eval e;

    (void) state;
    nmf_config_init (&cfg);
    nmf_process_evaluate (p, T0 + 2 * H, &cfg, NULL, &e);
    assert_int_equal (e.state, NMF_STATE_THANK_YOU);
    assert_int_equal (e.next_step, NMF_NEXT_LAPSE);
    assert_int_equal (e.next_change, T0 + 7 * 24 * H + H);
    nmf_eval_release (&e);
    nmf_process_evaluate (p, T0 + 30 * 24 * H, &cfg, NULL, &e);
    assert_int_not_equal (e.state, NMF_STATE_THANK_YOU);
    assert_non_null (strstr (e.reason, "lapsed"));
    nmf_eval_release (&e);
    cfg.thankyou_lapse_days = 0;
    nmf_process_evaluate (p, T0 + 30 * 24 * H, &cfg, NULL, &e);
    assert_int_equal (e.state, NMF_STATE_THANK_YOU);
    assert_int_equal (e.next_step, NMF_NEXT_NONE);
    nmf_eval_release (&e);
    nmf_process_free (&p);
    nmf_config_release (&cfg);
}

/* The first scan of an old archive: a process with nothing newer than
 * the import horizon (60 days) when first seen starts closed; one seen
 * while it was young does not; new mail opens it again. */
static void
test_import_horizon (void **state)
{
    struct nmf_config cfg;
    const struct pcase c = { "old", 1, 1, { { 0 } }, 0,
			     NMF_STATE_THANK_YOU, 1, FALSE };
    struct nmf_process *p = build (&c);
    struct nmf_eval e;
    struct nmf_pmsg *m;
    gint64 march = T0 + 104 * 24 * H;   /* 1 March 2027 */

    (void) state;
    nmf_config_init (&cfg);
    nmf_process_evaluate (p, march, &cfg, NULL, &e);
    assert_int_equal (e.state, NMF_STATE_CLOSED);
    assert_int_equal (e.due->len, 0);
    assert_non_null (strstr (e.reason, "first scanned"));
    nmf_eval_release (&e);
    /* Seen the day after the interview: a live process grown old. */
    p->first_seen = T0 + 24 * H;
    nmf_process_evaluate (p, march, &cfg, NULL, &e);
    assert_int_not_equal (e.state, NMF_STATE_CLOSED);
    nmf_eval_release (&e);
    /* Off. */
    p->first_seen = march;
    cfg.import_horizon_days = 0;
    nmf_process_evaluate (p, march, &cfg, NULL, &e);
    assert_int_not_equal (e.state, NMF_STATE_CLOSED);
    nmf_eval_release (&e);
    /* The employer writes again in February. */
    cfg.import_horizon_days = 60;
    m = nmf_pmsg_new ("late", march - 20 * 24 * H, "priya@acme.example");
    m->kind = NMF_KIND_RECRUITER_OTHER;
    g_ptr_array_add (p->msgs, m);
    nmf_process_sort (p);
    nmf_process_evaluate (p, march, &cfg, NULL, &e);
    assert_int_not_equal (e.state, NMF_STATE_CLOSED);
    nmf_eval_release (&e);
    nmf_process_free (&p);
    nmf_config_release (&cfg);
}

/* An offer with an answer deadline: a decide step, with no draft, from
 * one business day before it (DESIGN §5). */
static void
test_offer_decide (void **state)
{
    struct nmf_config cfg;
    const struct pcase c = { "offer", 1, 1,
			     { { T0 + 3 * H, "priya@acme.example", FALSE } },
			     0, NMF_STATE_OFFER, 0, FALSE };
    struct nmf_process *p = build (&c);
    struct nmf_pmsg *m;
    struct nmf_eval e;
    /* The offer on Fri 20 Nov; answer by Tue 1 Dec (noon UTC). */
    gint64 offer_at = T0 + 3 * 24 * H;
    gint64 deadline = T0 + 14 * 24 * H - 6 * H;
    const struct nmf_due *d;

    (void) state;
    nmf_config_init (&cfg);
    m = nmf_pmsg_new ("offer", offer_at, "priya@acme.example");
    m->kind = NMF_KIND_OFFER;
    m->timeline = deadline;
    g_ptr_array_add (p->msgs, m);
    nmf_process_sort (p);
    nmf_process_evaluate (p, T0 + 5 * 24 * H, &cfg, NULL, &e);
    assert_int_equal (e.state, NMF_STATE_OFFER);
    assert_int_equal (e.due->len, 0);
    assert_int_equal (e.next_step, NMF_NEXT_DECIDE);
    /* Mon 30 Nov, one business day before Tue 1 Dec. */
    assert_int_equal (e.next_change, deadline - 24 * H);
    nmf_eval_release (&e);
    nmf_process_evaluate (p, deadline - 20 * H, &cfg, NULL, &e);
    assert_int_equal (e.state, NMF_STATE_OFFER);
    assert_int_equal (e.due->len, 1);
    d = e.due->pdata[0];
    assert_int_equal (d->step, NMF_STEP_DECIDE);
    assert_int_equal (d->late_at, deadline);
    assert_false (nmf_step_has_draft (d->step));
    assert_true (nmf_step_has_draft (NMF_STEP_THANK_YOU));
    assert_string_equal (nmf_step_to_string (d->step), "decide");
    nmf_eval_release (&e);
    /* No deadline: no step. */
    m->timeline = 0;
    nmf_process_evaluate (p, deadline - 20 * H, &cfg, NULL, &e);
    assert_int_equal (e.due->len, 0);
    nmf_eval_release (&e);
    nmf_process_free (&p);
    nmf_config_release (&cfg);
}

static void
test_friday_interview (void **state)
{
    struct nmf_config cfg;
    struct nmf_process *p = nmf_process_new ("p");
    GPtrArray *who = g_ptr_array_new_with_free_func (
	(GDestroyNotify) (void (*) (void)) nmf_person_free);
    struct nmf_pmsg *m;
    struct nmf_eval e;

    (void) state;
    nmf_config_init (&cfg);
    g_ptr_array_add (who, nmf_person_new ("Priya", "priya@acme.example",
					  NULL));
    /* Fri 20 Nov 2026 15:00-16:00Z; thanked the same evening. */
    nmf_process_add_round (p, at ("2026-11-20T15:00:00Z"),
			   at ("2026-11-20T16:00:00Z"), who);
    m = nmf_pmsg_new ("u", at ("2026-11-20T19:00:00Z"), "alex@example.net");
    m->from_user = TRUE;
    g_ptr_array_add (m->recipients, g_strdup ("priya@acme.example"));
    g_ptr_array_add (p->msgs, m);
    /* 7 business days: Mon 23 .. Tue 1 Dec. */
    nmf_process_evaluate (p, at ("2026-11-30T17:00:00Z"), &cfg, NULL, &e);
    assert_int_equal (e.state, NMF_STATE_WAITING);
    assert_int_equal (e.next_change, at ("2026-12-01T16:00:00Z"));
    assert_int_equal (e.next_step, NMF_NEXT_CHECK_IN);
    assert_string_equal (nmf_next_to_string (e.next_step), "check-in");
    nmf_eval_release (&e);
    nmf_process_evaluate (p, at ("2026-12-01T16:00:00Z"), &cfg, NULL, &e);
    assert_int_equal (e.state, NMF_STATE_CHECK_IN);
    nmf_eval_release (&e);
    /* A Friday-Saturday weekend moves it: Sun 22 .. Mon 30 Nov. */
    cfg.weekend_mask = (1u << 5) | (1u << 6);
    nmf_process_evaluate (p, at ("2026-11-30T16:00:00Z"), &cfg, NULL, &e);
    assert_int_equal (e.state, NMF_STATE_CHECK_IN);
    nmf_eval_release (&e);
    g_ptr_array_unref (who);
    nmf_process_free (&p);
    nmf_config_release (&cfg);
}

/* The user's corrections (note): move, cancel, not an interviewer, and
 * an address given for someone the mail named without one. */
struct scase {
    const char *why;
    char op;            /* 'm' move, 'c' cancel, 'd' drop, 'a' address */
    gint64 a, b;        /* move: from, to; cancel: start */
    const char *addr;
    gboolean changed;
    const char *expect; /* rounds: "START:addr,addr;..." in hours from T0 */
};

static const struct scase scases[] = {
    { "move round 2 a day later", 'm', T0 + 168 * H, T0 + 192 * H, NULL,
      TRUE, "0:priya@acme.example,;192:sam@acme.example;" },
    { "move round 2 before round 1: sorted again", 'm', T0 + 168 * H,
      T0 - 24 * H, NULL, TRUE,
      "-24:sam@acme.example;0:priya@acme.example,;" },
    { "move a round that is not there", 'm', T0 + 5 * H, T0, NULL, FALSE,
      "0:priya@acme.example,;168:sam@acme.example;" },
    { "cancel round 1", 'c', T0, 0, NULL, TRUE, "168:sam@acme.example;" },
    { "cancel a round that is not there", 'c', T0 + H, 0, NULL, FALSE,
      "0:priya@acme.example,;168:sam@acme.example;" },
    { "not an interviewer", 'd', 0, 0, "SAM@acme.example", TRUE,
      "0:priya@acme.example,;168:;" },
    { "someone who is nowhere", 'd', 0, 0, "kim@acme.example", FALSE,
      "0:priya@acme.example,;168:sam@acme.example;" },
    { "an address for the one named without one", 'a', 0, 0,
      "rachel@acme.example", TRUE,
      "0:priya@acme.example,rachel@acme.example;168:sam@acme.example;" },
};

static void
test_steering (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < sizeof scases / sizeof scases[0]; i++) {
	const struct scase *c = &scases[i];
	struct nmf_process *p = nmf_process_new ("p1");
	GPtrArray *who = g_ptr_array_new_with_free_func (
	    (GDestroyNotify) (void (*) (void)) nmf_person_free);
	g_autoptr (GString) got = g_string_new (NULL);
	gboolean changed = FALSE;
	guint k, j;

	g_ptr_array_add (who, nmf_person_new ("Priya Shah",
					      "priya@acme.example", NULL));
	g_ptr_array_add (who, nmf_person_new ("Rachel Green", "", NULL));
	nmf_process_add_round (p, T0, T0 + H, who);
	g_ptr_array_set_size (who, 0);
	g_ptr_array_add (who, nmf_person_new ("Sam Patel", "sam@acme.example",
					      NULL));
	nmf_process_add_round (p, T0 + 168 * H, T0 + 169 * H, who);
	g_ptr_array_set_size (who, 0);
	if (c->op == 'm')
	    changed = nmf_process_move_round (p, c->a, c->b, c->b + H);
	else if (c->op == 'c')
	    changed = nmf_process_cancel_round (p, c->a);
	else if (c->op == 'd')
	    changed = nmf_process_drop_interviewer (p, c->addr) > 0;
	else {
	    g_ptr_array_add (who, nmf_person_new ("Rachel Green", c->addr,
						  NULL));
	    nmf_process_add_round (p, T0, T0 + H, who);
	    changed = TRUE;
	}
	for (k = 0; k < p->rounds->len; k++) {
	    const struct nmf_round *r = p->rounds->pdata[k];

	    g_string_append_printf (got, "%" G_GINT64_FORMAT ":",
				    (r->start - T0) / H);
	    for (j = 0; j < r->interviewers->len; j++) {
		const struct nmf_person *x = r->interviewers->pdata[j];

		g_string_append_printf (got, "%s%s", j ? "," : "", x->addr);
	    }
	    g_string_append_c (got, ';');
	}
	if (strcmp (got->str, c->expect) != 0 || changed != c->changed)
	    print_error ("case '%s': %s (%d)\n", c->why, got->str, changed);
	assert_string_equal (got->str, c->expect);
	assert_int_equal (changed, c->changed);
	g_ptr_array_unref (who);
	nmf_process_free (&p);
    }
}

/* A reply is due at once and late after reply_overdue_days business
 * days, or at the deadline the request states; it has no draft. */
static void
test_reply_late (void **state)
{
    struct nmf_config cfg;
    size_t k;
    /* asked on Friday 27 Nov: late on Monday 30 Nov; with a deadline of
     * Wednesday 2 Dec, at the end of that day (UTC here). */
    static const struct {
	gint64 by;
	const char *late;
    } rows[] = {
	{ 0, "2026-11-30T09:00:00Z" },
	{ 1, "2026-12-03T00:00:00Z" },
    };

    (void) state;
    nmf_config_init (&cfg);
    for (k = 0; k < G_N_ELEMENTS (rows); k++) {
	struct nmf_process *p = nmf_process_new ("p1");
	struct nmf_pmsg *m = nmf_pmsg_new ("q", at ("2026-11-27T09:00:00Z"),
					   "jo@acme.example");
	struct nmf_eval e;
	const struct nmf_due *d;

	m->request = g_strdup ("Please confirm you can make Thursday.");
	m->request_by = rows[k].by ? noon ("2026-12-02") : 0;
	g_ptr_array_add (p->msgs, m);
	nmf_process_evaluate (p, at ("2026-11-27T10:00:00Z"), &cfg, NULL, &e);
	assert_int_equal (e.state, NMF_STATE_REPLY);
	assert_int_equal (e.due->len, 1);
	d = e.due->pdata[0];
	assert_int_equal (d->step, NMF_STEP_REPLY);
	assert_false (nmf_step_has_draft (d->step));
	assert_string_equal (d->what, "Please confirm you can make Thursday.");
	assert_string_equal (d->reply_to_id, "q");
	assert_int_equal (d->late_at, at (rows[k].late));
	assert_non_null (strstr (e.reason, "Please confirm"));
	nmf_eval_release (&e);
	/* Answered outside mail (note --answered): no step. */
	p->answered_at = at ("2026-11-27T09:30:00Z");
	nmf_process_evaluate (p, at ("2026-11-27T10:00:00Z"), &cfg, NULL, &e);
	assert_int_equal (e.state, NMF_STATE_WAITING);
	assert_int_equal (e.due->len, 0);
	nmf_eval_release (&e);
	nmf_process_free (&p);
    }
    nmf_config_release (&cfg);
}

/* A round whose end no message states lasts an hour: its thank-you is
 * not due while the interview may go on; a stated end, even a shorter
 * one, wins over the assumed one. */
static void
test_assumed_end (void **state)
{
    struct nmf_process *p = nmf_process_new ("p1");
    GPtrArray *who = g_ptr_array_new_with_free_func (
	(GDestroyNotify) (void (*) (void)) nmf_person_free);
    const struct nmf_round *r;
    struct nmf_config cfg;
    struct nmf_eval e;

    (void) state;
    nmf_config_init (&cfg);
    g_ptr_array_add (who, nmf_person_new ("Priya Shah", "priya@acme.example",
					  NULL));
    nmf_process_add_round (p, T0, 0, who);
    r = p->rounds->pdata[0];
    assert_true (r->end_assumed);
    assert_int_equal (r->end, T0 + NMF_ROUND_ASSUMED_LENGTH);
    nmf_process_evaluate (p, T0 + 20 * 60, &cfg, NULL, &e);
    assert_int_equal (e.due->len, 0);
    nmf_eval_release (&e);
    nmf_process_evaluate (p, T0 + H + 60, &cfg, NULL, &e);
    assert_int_equal (e.due->len, 1);
    nmf_eval_release (&e);
    /* Another message says it is a half-hour call. */
    nmf_process_add_round (p, T0, T0 + H / 2, who);
    assert_int_equal (p->rounds->len, 1);
    assert_false (r->end_assumed);
    assert_int_equal (r->end, T0 + H / 2);
    g_ptr_array_unref (who);
    nmf_process_free (&p);
    nmf_config_release (&cfg);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_table),
	cmocka_unit_test (test_rounds_merge_and_sort),
	cmocka_unit_test (test_state_names),
	cmocka_unit_test (test_cadence),
	cmocka_unit_test (test_friday_interview),
	cmocka_unit_test (test_lapse_setting),
	cmocka_unit_test (test_import_horizon),
	cmocka_unit_test (test_offer_decide),
	cmocka_unit_test (test_steering),
	cmocka_unit_test (test_reply_late),
	cmocka_unit_test (test_assumed_end),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
