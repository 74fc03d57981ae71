/* Unit tests of src/core/config.c: defaults and followup.* values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/config.h"

struct cfg_case {
    const char *why;
    const char *key;
    const char *value;
    enum nmf_status st;
};

static const struct cfg_case cases[] = {
    { "a number", "checkin_business_days", "5", NMF_OK },
    { "a lapse of 0: never", "thankyou_lapse_days", "0", NMF_OK },
    { "an import horizon", "import_horizon_days", "90", NMF_OK },
    { "a lapse out of range", "thankyou_lapse_days", "61", NMF_ERR_CONFIG },
    { "not a number", "checkin_business_days", "five", NMF_ERR_CONFIG },
    { "trailing junk", "final_business_days", "10d", NMF_ERR_CONFIG },
    { "out of range", "checkin_business_days", "0", NMF_ERR_CONFIG },
    { "empty", "checkin_business_days", "", NMF_ERR_CONFIG },
    { "weekend days", "weekend_days", "fri;sat", NMF_OK },
    { "not a weekday", "weekend_days", "sat;funday", NMF_ERR_CONFIG },
    { "every day off", "weekend_days", "mon;tue;wed;thu;fri;sat;sun",
      NMF_ERR_CONFIG },
    /* DESIGN §8: a drafts folder may not escape the mail root. */
    { "relative drafts", "drafts_folder", "Mail/Drafts", NMF_OK },
    { "absolute drafts", "drafts_folder", "/tmp/x", NMF_ERR_CONFIG },
    { "escaping drafts", "drafts_folder", "../x", NMF_ERR_CONFIG },
    { "escaping in the middle", "drafts_folder", "a/../../x",
      NMF_ERR_CONFIG },
    { "dots in a name are fine", "drafts_folder", "my..drafts", NMF_OK },
    /* The Fcc folder too: notmuch insert takes it relative to the root. */
    { "relative sent", "sent_folder", "[Gmail]/Sent Mail", NMF_OK },
    { "absolute sent", "sent_folder", "/home/me/sent", NMF_ERR_CONFIG },
    { "escaping sent", "sent_folder", "../sent", NMF_ERR_CONFIG },
    { "no Fcc", "draft_fcc", "false", NMF_OK },
    { "Fcc, yes", "draft_fcc", "yes", NMF_OK },
    { "Fcc, not a boolean", "draft_fcc", "sometimes", NMF_ERR_CONFIG },
    { "tag with a space", "tag_interview", "job hunt", NMF_ERR_CONFIG },
    { "tag starting with -", "tag_prefix", "-x", NMF_ERR_CONFIG },
    { "good tag", "tag_interview", "jobs", NMF_OK },
    { "lock timeout", "lock_timeout", "3", NMF_OK },
    /* Unknown keys are ignored so that newer configs keep working. */
    { "unknown key", "no_such_key", "x", NMF_OK },
};

static void
test_defaults (void **state)
{
    struct nmf_config c;

    (void) state;
    nmf_config_init (&c);
    assert_int_equal (c.checkin_business_days, 7);
    assert_int_equal (c.final_business_days, 10);
    assert_int_equal (c.decision_buffer_days, 2);
    assert_int_equal (c.thank_you_late_hours, 24);
    /* DESIGN §5: the thank-you falls due at the end of the interview. */
    assert_int_equal (c.thank_you_grace_hours, 0);
    assert_int_equal (c.call_business_days, 5);
    assert_int_equal (c.closing_business_days, 10);
    assert_int_equal (c.lock_timeout_ms, 10000);
    assert_int_equal (c.weekend_mask, (1u << 6) | (1u << 7));
    assert_string_equal (c.tag_interview, "interview");
    assert_string_equal (c.tag_prefix, "followup");
    /* DESIGN §6: drafts say where notmuch-emacs files the sent copy. */
    assert_true (c.draft_fcc);
    assert_null (c.sent_folder);
    assert_null (nmf_config_user_emails (&c)[0]);
    nmf_config_release (&c);
}

static void
test_values (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
	struct nmf_config c;
	char *why = NULL;
	enum nmf_status st;

	nmf_config_init (&c);
	st = nmf_config_set (&c, cases[i].key, cases[i].value, &why);
	if (st != cases[i].st)
	    print_error ("case '%s': got %d\n", cases[i].why, st);
	assert_int_equal (st, cases[i].st);
	if (st)
	    assert_non_null (why);
	g_free (why);
	nmf_config_release (&c);
    }
}

static void
test_applied (void **state)
{
    struct nmf_config c;
    char *why = NULL;

    (void) state;
    nmf_config_init (&c);
    assert_int_equal (nmf_config_set (&c, "weekend_days", "fri, sat", &why),
		      NMF_OK);
    assert_int_equal (c.weekend_mask, (1u << 5) | (1u << 6));
    assert_int_equal (nmf_config_set (&c, "lock_timeout", "3", &why), NMF_OK);
    assert_int_equal (c.lock_timeout_ms, 3000);
    assert_int_equal (nmf_config_set (&c, "drafts_folder", "Mail/Drafts",
				      &why),
		      NMF_OK);
    assert_string_equal (c.drafts_folder, "Mail/Drafts");
    assert_int_equal (nmf_config_set (&c, "sent_folder", "Sent Items", &why),
		      NMF_OK);
    assert_string_equal (c.sent_folder, "Sent Items");
    assert_int_equal (nmf_config_set (&c, "draft_fcc", "no", &why), NMF_OK);
    assert_false (c.draft_fcc);
    nmf_config_release (&c);
}

static void
test_user_emails (void **state)
{
    struct nmf_config c;
    const char *const *u;

    (void) state;
    nmf_config_init (&c);
    nmf_config_add_user_email (&c, "Alex@Example.NET");
    nmf_config_add_user_email (&c, "alex@example.net"); /* duplicate */
    nmf_config_add_user_email (&c, "");
    nmf_config_add_user_email (&c, NULL);
    nmf_config_add_user_email (&c, "a@m.example");
    u = nmf_config_user_emails (&c);
    assert_string_equal (u[0], "alex@example.net");
    assert_string_equal (u[1], "a@m.example");
    assert_null (u[2]);
    nmf_config_release (&c);
}

/* Every field a setting can change, as text. */
static char *
dump (const struct nmf_config *c)
{
    return g_strdup_printf (
	"%d %d %d %d %d %d %d %d %d %d %d %d %u %d %d %g %s %s %s %s %s %s %s "
	"%s %s %u",
	c->thank_you_grace_hours, c->thank_you_late_hours,
	c->thankyou_lapse_days, c->import_horizon_days, c->reply_overdue_days,
	c->checkin_business_days, c->decision_buffer_days,
	c->final_business_days, c->call_business_days,
	c->closing_business_days, c->keep_in_touch_days, c->lock_timeout_ms,
	c->weekend_mask, c->imap_push, c->draft_fcc, c->act_confidence,
	c->drafts_folder ? c->drafts_folder : "-",
	c->sent_folder ? c->sent_folder : "-",
	c->date_style ? c->date_style : "-", c->tag_interview, c->tag_prefix,
	c->imap_url ? c->imap_url : "-", c->imap_user ? c->imap_user : "-",
	c->imap_password_command ? c->imap_password_command : "-",
	c->holidays_country ? c->holidays_country : "-", c->holidays->len);
}

/* The table of settings says the defaults the program has: each one,
 * set as written there, changes nothing. */
static void
test_settings_table (void **state)
{
    const struct nmf_setting *row;
    struct nmf_config fresh;
    g_autofree char *want = NULL;

    (void) state;
    nmf_config_init (&fresh);
    want = dump (&fresh);
    for (row = nmf_settings; row->key; row++) {
	struct nmf_config c;
	g_autofree char *why = NULL;
	g_autofree char *got = NULL;

	assert_true (nmf_setting_find (row->key) == row);
	assert_non_null (row->meaning);
	nmf_config_init (&c);
	if (nmf_config_set (&c, row->key, row->deflt, &why) != NMF_OK)
	    fail_msg ("followup.%s: its default '%s' is refused: %s", row->key,
		      row->deflt, why);
	got = dump (&c);
	if (strcmp (got, want) != 0)
	    fail_msg ("followup.%s: its default '%s' is not the program's",
		      row->key, row->deflt);
	nmf_config_release (&c);
    }
    assert_null (nmf_setting_find ("lastmod"));
    nmf_config_release (&fresh);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_defaults),
	cmocka_unit_test (test_values),
	cmocka_unit_test (test_applied),
	cmocka_unit_test (test_user_emails),
	cmocka_unit_test (test_settings_table),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
