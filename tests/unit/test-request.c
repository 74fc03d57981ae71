/* Unit tests of src/core/request.c: does a message ask the user for
 * something (DESIGN §5, "The employer is waiting for the user")?  The
 * sentences are our own, written in the shapes recruiters use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/request.h"

static void
test_sentences (void **state)
{
    static const struct {
	const char *s;
	gboolean asks;
    } rows[] = {
	/* availability and picking a time */
	{ "Could you send me two or three times that work for you next "
	  "week?", TRUE },
	{ "Please let me know your availability for a 30-minute call.", TRUE },
	{ "Let me know what times work best on Thursday or Friday.", TRUE },
	{ "Does Tuesday at 2pm ET work for you?", TRUE },
	{ "Would either of these slots work: Monday 10am or Wednesday 3pm?",
	  TRUE },
	{ "What days are you free next week?", TRUE },
	{ "Please use the link below to pick a time that suits you.", TRUE },
	{ "You can book a slot with the hiring manager via this Calendly "
	  "link to schedule it.", TRUE },
	{ "I'd love to set up a time to chat about the role.", TRUE },
	/* confirmations */
	{ "Please confirm you can make Thursday at 10.", TRUE },
	{ "Can you confirm the address you would like the laptop sent to?",
	  TRUE },
	/* documents and information */
	{ "Can you share two references from your last role?", TRUE },
	{ "Please send over your updated resume and a writing sample.", TRUE },
	{ "We will need a copy of your transcript before the panel.", TRUE },
	{ "What are your salary expectations for this position?", TRUE },
	{ "Please complete the attached form and return it by Friday.", TRUE },
	/* a question put to the reader */
	{ "Are you still interested in the position?", TRUE },
	{ "Do you have time for a quick call tomorrow?", TRUE },
	{ "Just checking in: have you had a chance to look at the offer?",
	  TRUE },
	{ "Please send me your availability, and let me know if you have "
	  "any questions.", TRUE },
	/* closers and offers that ask nothing */
	{ "Let me know if you have any questions.", FALSE },
	{ "Please don't hesitate to reach out if you need anything.", FALSE },
	{ "Feel free to contact me with any questions.", FALSE },
	{ "If you need to reschedule, just reply to this email.", FALSE },
	{ "Should you have any questions, please let me know.", FALSE },
	{ "Looking forward to speaking with you on Tuesday!", FALSE },
	{ "I look forward to hearing from you.", FALSE },
	{ "Hope you had a great weekend!", FALSE },
	{ "How was your trip?", FALSE },
	{ "Please click the link below to join the meeting.", FALSE },
	{ "Please find attached the agenda for the day.", FALSE },
	{ "Please note that parking is available on site.", FALSE },
	/* information only */
	{ "Your interview is confirmed for Tuesday, November 24 at 10:00 AM.",
	  FALSE },
	{ "We will be in touch by the end of next week.", FALSE },
	{ "The team enjoyed meeting you.", FALSE },
	{ "Did you know that 70% of candidates never follow up?", FALSE },
	{ "Ready to take the next step in your career?", FALSE },
	{ "I wanted to see whether you had a chance to look at the "
	  "exercise.", TRUE },
	{ "Please review the offer letter and send it back signed.", TRUE },
	{ "To book your onsite, share three dates that suit you.", TRUE },
	{ "Is the 14th still good for the team lunch?", TRUE },
	{ "Use the link in this email to choose a time for the panel.", TRUE },
	{ "Please let me know of any dietary needs before Friday.", TRUE },
	/* closers and offers again */
	{ "Please call me if you have any questions.", FALSE },
	{ "Please let me know if this time does not work for you.", FALSE },
	{ "If you do not see the invite, please check your spam folder.",
	  FALSE },
	{ "Is there anything else I can help you with?", FALSE },
	/* a question mark in a link is no question */
	{ "You can read about the team here: https://x.example/team?ref=mail",
	  FALSE },
	{ "", FALSE },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	const char *rule = nmf_request_sentence (rows[i].s);

	if ((rule != NULL) != rows[i].asks)
	    print_error ("'%s': %s\n", rows[i].s, rule ? rule : "no request");
	assert_int_equal (rule != NULL, rows[i].asks);
    }
}

static struct nmf_message *
mail (const char *from, const char *to, const char *cc, const char *body)
{
    struct nmf_message *m = nmf_message_new ();

    m->from = nmf_address_new (NULL, from);
    if (to)
	g_ptr_array_add (m->to, nmf_address_new (NULL, to));
    if (cc)
	g_ptr_array_add (m->cc, nmf_address_new (NULL, cc));
    g_free (m->body);
    m->body = g_strdup (body);
    /* Tue 24 Nov 2026 15:00 UTC */
    m->date = 1795964400;
    return m;
}

static const char *const user[] = { "alex@example.net", NULL };

static void
test_messages (void **state)
{
    static const char ask[]
	= "Hi Alex,\n\nThanks for your time today. The team would like to\n"
	  "move forward. Could you send me two or three times that work\n"
	  "for you next week? Let me know if you have any questions.\n\n"
	  "Best,\nJo\n";
    static const char inform[]
	= "Hi Alex,\n\nYou're all set for Tuesday at 10am with Priya.\n"
	  "Let me know if you have any questions.\n\nJo\n";
    static const char listed[]
	= "Hi Alex,\n\nBefore the onsite we need a few things from you:\n"
	  "- please send your references\n- a copy of your ID\n\nJo\n";
    static const char deadline[]
	= "Hi Alex,\n\nPlease confirm your attendance by Friday.\n\nJo\n";
    struct {
	struct nmf_message *m;
	gboolean asks;
	const char *what;      /* the start of what was asked */
	gboolean by;           /* a deadline is stated */
    } rows[] = {
	{ mail ("jo@acme.example", "alex@example.net", NULL, ask), TRUE,
	  "Could you send me two or three times", FALSE },
	{ mail ("jo@acme.example", "alex@example.net", NULL, inform), FALSE,
	  NULL, FALSE },
	{ mail ("jo@acme.example", "alex@example.net", NULL, listed), TRUE,
	  "Before the onsite we need a few things", FALSE },
	{ mail ("jo@acme.example", "alex@example.net", NULL, deadline), TRUE,
	  "Please confirm your attendance by Friday.", TRUE },
	/* the user's own mail, a robot's, mail the user is copied on */
	{ mail ("alex@example.net", "jo@acme.example", NULL, ask), FALSE,
	  NULL, FALSE },
	{ mail ("no-reply@greenhouse.io", "alex@example.net", NULL, ask),
	  FALSE, NULL, FALSE },
	{ mail ("jo@acme.example", "sam@acme.example", "alex@example.net",
		ask),
	  FALSE, NULL, FALSE },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	struct nmf_request r;
	gboolean got = nmf_request_find (rows[i].m, user, &r);

	if (got != rows[i].asks)
	    print_error ("row %zu: %s\n", i, r.what ? r.what : "nothing");
	assert_int_equal (got, rows[i].asks);
	if (got) {
	    assert_non_null (r.rule);
	    if (! g_str_has_prefix (r.what, rows[i].what))
		print_error ("row %zu: asked '%s'\n", i, r.what);
	    assert_true (g_str_has_prefix (r.what, rows[i].what));
	    assert_int_equal (r.by != 0, rows[i].by);
	}
	nmf_request_release (&r);
	nmf_message_free (&rows[i].m);
    }
    {
	/* An auto-reply asks nothing, whatever it says. */
	struct nmf_message *m = mail ("jo@acme.example", "alex@example.net",
				      NULL, ask);
	struct nmf_request r;

	m->flags = NMF_MSG_AUTO_REPLY;
	assert_false (nmf_request_find (m, user, &r));
	nmf_request_release (&r);
	nmf_message_free (&m);
    }
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_sentences),
	cmocka_unit_test (test_messages),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
