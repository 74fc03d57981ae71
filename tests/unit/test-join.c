/* Unit tests of src/core/join.c: which process a message joins
 * (doc/design.md, "Which process a message joins"), as a table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/join.h"

#define INVITE NMF_KIND_INTERVIEW_INVITE
#define CALENDAR NMF_KIND_INTERVIEW_CALENDAR
#define REJECTION NMF_KIND_REJECTION
#define OFFER NMF_KIND_OFFER
#define THANKS NMF_KIND_CANDIDATE_THANK_YOU
#define OTHER NMF_KIND_RECRUITER_OTHER
#define NOTHING NMF_KIND_UNRELATED

static void
test_decide (void **state)
{
    static const struct {
	const char *why;
	enum nmf_kind kind;
	gboolean from_user;
	const char *thread_pid;
	gboolean ignored;
	const char *employer_pid;
	gboolean may, needs_employer;
	enum nmf_join want;
    } rows[] = {
	{ "an invitation in a new thread starts a process", INVITE, FALSE,
	  NULL, FALSE, NULL, TRUE, TRUE, NMF_JOIN_START },
	{ "a calendar invitation too", CALENDAR, FALSE, NULL, FALSE, NULL,
	  TRUE, TRUE, NMF_JOIN_START },
	{ "a next round in a new thread joins its employer's process",
	  INVITE, FALSE, NULL, FALSE, "p1", TRUE, TRUE, NMF_JOIN_EMPLOYER },
	{ "an ATS rejection in a new thread joins its employer's", REJECTION,
	  FALSE, NULL, FALSE, "p1", TRUE, TRUE, NMF_JOIN_EMPLOYER },
	{ "a rejection of no open process starts nothing", REJECTION, FALSE,
	  NULL, FALSE, NULL, TRUE, TRUE, NMF_JOIN_NONE },
	{ "an offer of no open process starts nothing", OFFER, FALSE, NULL,
	  FALSE, NULL, TRUE, TRUE, NMF_JOIN_NONE },
	{ "any mail in a process's thread joins it", OTHER, FALSE, "p1",
	  FALSE, NULL, TRUE, FALSE, NMF_JOIN_THREAD },
	{ "the user's thank-you in the thread joins it", THANKS, TRUE, "p1",
	  FALSE, NULL, TRUE, FALSE, NMF_JOIN_THREAD },
	{ "an invitation in a process's thread is of that process", INVITE,
	  FALSE, "p1", FALSE, "p2", TRUE, FALSE, NMF_JOIN_THREAD },
	{ "the user's mail in a new thread joins nothing here", THANKS, TRUE,
	  NULL, FALSE, NULL, FALSE, FALSE, NMF_JOIN_NONE },
	{ "other job mail in a new thread joins nothing", OTHER, FALSE, NULL,
	  FALSE, "p1", FALSE, FALSE, NMF_JOIN_NONE },
	{ "below the acting confidence: nothing", NOTHING, FALSE, NULL, FALSE,
	  NULL, FALSE, FALSE, NMF_JOIN_NONE },
	{ "an ignored thread stays ignored", INVITE, FALSE, "p1", TRUE, NULL,
	  TRUE, FALSE, NMF_JOIN_NONE },
	{ "an ignored thread starts nothing", INVITE, FALSE, NULL, TRUE, NULL,
	  TRUE, FALSE, NMF_JOIN_NONE },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	struct nmf_join_in in = { rows[i].kind, rows[i].from_user,
				  rows[i].thread_pid, rows[i].ignored, FALSE };
	enum nmf_join got = nmf_join_decide (&in, rows[i].employer_pid);

	if (got != rows[i].want || nmf_join_may (&in) != rows[i].may
	    || nmf_join_needs_employer (&in) != rows[i].needs_employer)
	    print_error ("case '%s': join %d may %d needs %d\n", rows[i].why,
			 got, nmf_join_may (&in),
			 nmf_join_needs_employer (&in));
	assert_int_equal (got, rows[i].want);
	assert_int_equal (nmf_join_may (&in), rows[i].may);
	assert_int_equal (nmf_join_needs_employer (&in),
			  rows[i].needs_employer);
    }
}

/* A thread the user started inviting someone to an interview: the
 * candidate's answer starts nothing and joins no employer's process; a
 * process already in the thread keeps its mail. */
static void
test_user_hires (void **state)
{
    struct nmf_join_in in = { INVITE, FALSE, NULL, FALSE, FALSE };

    (void) state;
    assert_true (nmf_join_needs_starter (&in));
    in.user_hires = TRUE;
    assert_false (nmf_join_needs_employer (&in));
    assert_int_equal (nmf_join_decide (&in, NULL), NMF_JOIN_NONE);
    assert_int_equal (nmf_join_decide (&in, "p1"), NMF_JOIN_NONE);
    in.thread_pid = "p1";
    assert_false (nmf_join_needs_starter (&in));
    assert_int_equal (nmf_join_decide (&in, NULL), NMF_JOIN_THREAD);
    /* The user's own mail never needs it. */
    in.thread_pid = NULL;
    in.user_hires = FALSE;
    in.from_user = TRUE;
    assert_false (nmf_join_needs_starter (&in));
}

static void
test_kinds (void **state)
{
    (void) state;
    assert_true (nmf_join_starts (INVITE));
    assert_true (nmf_join_starts (CALENDAR));
    assert_false (nmf_join_starts (REJECTION));
    assert_true (nmf_join_moves (REJECTION));
    assert_true (nmf_join_moves (OFFER));
    assert_false (nmf_join_moves (OTHER));
    assert_false (nmf_join_moves (THANKS));
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_decide),
	cmocka_unit_test (test_user_hires),
	cmocka_unit_test (test_kinds),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
