/* Unit tests of the name rules in src/io/maildir.c: which mail files are
 * drafts (DESIGN §5 "Sent means"), and where the sent folder is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/maildir.h"

struct dcase {
    const char *why;
    const char *file;
    const char *configured;
    gboolean draft;
};

static const struct dcase drafts[] = {
    { "ours, in Drafts with D and S", "/m/Drafts/cur/followup-1:2,DS", NULL,
      TRUE },
    { "a sent copy that kept the Message-ID", "/m/Sent/cur/17.R1.vm:2,S",
      NULL, FALSE },
    { "the D flag anywhere", "/m/Archive/cur/17.x:2,DS", NULL, TRUE },
    { "a drafts folder without flags (sync off)", "/m/drafts/new/17.x", NULL,
      TRUE },
    { "Gmail's", "/m/[Gmail]/Drafts/cur/17.x:2,S", NULL, TRUE },
    { "INBOX.Drafts (Courier/Dovecot layout)", "/m/.INBOX.Drafts/cur/1:2,",
      NULL, TRUE },
    { "a configured folder", "/m/Mail/Entwuerfe/cur/1:2,S", "Mail/Entwuerfe",
      TRUE },
    { "only the configured one's name", "/m/Other/Entwuerfe/cur/1:2,S",
      "Mail/Entwuerfe", FALSE },
    { "a folder merely named like it", "/m/Drafts-old-2019/cur/1:2,S", NULL,
      FALSE },
    { "a D in the unique part is no flag", "/m/Sent/cur/1.D.host:2,S", NULL,
      FALSE },
    { "the inbox", "/m/INBOX/cur/1:2,", NULL, FALSE },
};

static void
test_file_is_draft (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < sizeof drafts / sizeof drafts[0]; i++) {
	gboolean got = nmf_maildir_file_is_draft (drafts[i].file,
						  drafts[i].configured);

	if (got != drafts[i].draft)
	    print_error ("case '%s'\n", drafts[i].why);
	assert_int_equal (got, drafts[i].draft);
    }
}

static void
test_find_sent (void **state)
{
    g_autofree char *root = g_dir_make_tmp ("nmf-maildir-XXXXXX", NULL);
    g_autofree char *sent = NULL;
    g_autofree char *got = NULL;
    const char *const subs[] = { "cur", "new", "tmp" };
    size_t i;

    (void) state;
    assert_non_null (root);
    /* Nothing there: notmuch-emacs's default. */
    got = nmf_maildir_find_sent (root, NULL);
    assert_string_equal (got, "sent");
    g_free (got);
    /* Configured wins, as given. */
    got = nmf_maildir_find_sent (root, "Mail/Sent Items");
    assert_string_equal (got, "Mail/Sent Items");
    g_free (got);
    /* Gmail's, relative to the root. */
    for (i = 0; i < 3; i++) {
	g_autofree char *d = g_build_filename (root, "[Gmail]", "Sent Mail",
					       subs[i], NULL);

	assert_int_equal (g_mkdir_with_parents (d, 0700), 0);
    }
    got = nmf_maildir_find_sent (root, NULL);
    assert_string_equal (got, "[Gmail]/Sent Mail");
    g_free (got);
    /* A flat Sent comes first. */
    sent = g_build_filename (root, "Sent", "cur", NULL);
    assert_int_equal (g_mkdir_with_parents (sent, 0700), 0);
    got = nmf_maildir_find_sent (root, NULL);
    assert_string_equal (got, "Sent");
    {
	g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", root);

	assert_int_equal (system (cmd), 0);
    }
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_file_is_draft),
	cmocka_unit_test (test_find_sent),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
