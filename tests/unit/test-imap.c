/* Unit tests of the IMAP adapter's pure decisions (src/io/imap.c): which
 * hosts may be reached without TLS, and which URLs are accepted.  The
 * conversation with a server is tested end to end against Dovecot in
 * tests/e2e/T170-push.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/imap.h"

static void
test_loopback (void **state)
{
    (void) state;
    assert_true (nmf_imap_host_is_loopback ("127.0.0.1"));
    assert_true (nmf_imap_host_is_loopback ("127.0.0.2"));
    assert_true (nmf_imap_host_is_loopback ("localhost"));
    assert_true (nmf_imap_host_is_loopback ("LocalHost"));
    assert_true (nmf_imap_host_is_loopback ("::1"));
    /* Everything else needs TLS: names that merely look local, too. */
    assert_false (nmf_imap_host_is_loopback ("127.example.org"));
    assert_false (nmf_imap_host_is_loopback ("localhost.example.org"));
    assert_false (nmf_imap_host_is_loopback ("10.0.0.1"));
    assert_false (nmf_imap_host_is_loopback ("192.168.1.10"));
    assert_false (nmf_imap_host_is_loopback ("mail.example.org"));
    assert_false (nmf_imap_host_is_loopback ("::"));
    assert_false (nmf_imap_host_is_loopback (""));
    assert_false (nmf_imap_host_is_loopback (NULL));
}

static void
test_urls (void **state)
{
    static const char *bad[] = {
	"", "mail.example.org/Drafts", "https://mail.example.org/Drafts",
	"imaps://mail.example.org", "imaps://mail.example.org/", NULL,
    };
    static const char *good[] = {
	"imaps://mail.example.org/Drafts", "imap://127.0.0.1:1143/Drafts",
	"imap://mail.example.org/INBOX.Drafts", NULL,
    };
    (void) state;
    for (int i = 0; bad[i]; i++) {
	struct nmf_imap *im = NULL;
	char *why = NULL;
	assert_int_equal (nmf_imap_open (bad[i], NULL, NULL, &im, &why),
			  NMF_ERR_CONFIG);
	assert_null (im);
	assert_non_null (strstr (why, "followup.imap_url"));
	g_free (why);
    }
    for (int i = 0; good[i]; i++) {
	struct nmf_imap *im = NULL;
	char *why = NULL;
	assert_int_equal (nmf_imap_open (good[i], "alex", NULL, &im, &why),
			  NMF_OK);
	assert_non_null (im);
	assert_null (why);
	nmf_imap_close (&im);
	assert_null (im);
    }
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_loopback),
	cmocka_unit_test (test_urls),
    };
    int rc;

    rc = cmocka_run_group_tests (tests, NULL, NULL);
    nmf_imap_shutdown ();
    return rc;
}
