/* Tests of the GMime adapter (src/io/mime.c): real fixture files and
 * hostile bytes in memory.  Run from the top of the tree (make check). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <glib/gstdio.h>

#include "nmf/mime.h"

#include "mime-setup.h"


static struct nmf_message *
parse (const char *text)
{
    struct nmf_message *m = NULL;
    char *why = NULL;

    if (nmf_mime_parse_bytes (text, strlen (text), NULL, &m, &why))
	print_error ("parse failed: %s\n", why);
    g_free (why);
    return m;
}

static void
test_fixture_calendar (void **state)
{
    struct nmf_message *m = NULL;
    char *why = NULL;
    const struct nmf_event *ev;

    (void) state;
    assert_int_equal (nmf_mime_parse_file ("tests/e2e/fixtures/acme-invite.eml",
					   &m, &why),
		      NMF_OK);
    assert_string_equal (m->message_id,
			 "20261112150400.7f3a91c2@mail.acme-robotics.example");
    assert_string_equal (m->from->addr, "jordan.lee@acme-robotics.example");
    assert_string_equal (m->from->name, "Jordan Lee");
    assert_int_equal (m->to->len, 1);
    assert_int_equal (m->events->len, 1);
    ev = m->events->pdata[0];
    /* 10:00 America/Los_Angeles on 17 Nov 2026 is 18:00 UTC. */
    assert_int_equal (ev->start, 1794938400);
    assert_int_equal (ev->end, 1794942000);
    assert_non_null (strstr (m->body, "Priya"));
    assert_true (m->date > 0);
    nmf_message_free (&m);
}

static void
test_encoded_subject_and_qp (void **state)
{
    struct nmf_message *m = NULL;
    char *why = NULL;

    (void) state;
    assert_int_equal (nmf_mime_parse_file (
			  "tests/e2e/fixtures/globex-invite.eml", &m, &why),
		      NMF_OK);
    /* RFC 2047 subject with an en dash, decoded to UTF-8. */
    assert_string_equal (m->subject,
			 "Phone screen \xe2\x80\x93 Data Engineer role at Globex");
    assert_true (g_utf8_validate (m->body, -1, NULL));
    assert_int_equal (m->events->len, 1);
    nmf_message_free (&m);
}

static void
test_quotes_and_signature (void **state)
{
    struct nmf_message *m = parse (
	"From: Jo <jo@x.example>\n"
	"To: alex@example.net\n"
	"Subject: Re: hi\n"
	"Date: Tue, 17 Nov 2026 10:00:00 -0800\n"
	"\n"
	"Sounds good.\n"
	"-- \n"
	"Jo Lee, Recruiter\n"
	"+1 312 555 0147\n"
	"On Mon, 16 Nov 2026, Alex wrote:\n"
	"> Can we talk about the interview?\n");

    (void) state;
    assert_non_null (m);
    assert_string_equal (m->body, "Sounds good.");
    assert_non_null (strstr (m->signature, "555 0147"));
    assert_non_null (strstr (m->quoted, "Can we talk"));
    assert_null (strstr (m->body, "interview"));
    /* Date: with its offset. */
    assert_int_equal (m->date, 1794938400);
    assert_int_equal (m->date_offset, -480);
    nmf_message_free (&m);
}

static void
test_html_only (void **state)
{
    struct nmf_message *m = parse (
	"From: jo@x.example\n"
	"Subject: html\n"
	"Content-Type: text/html; charset=utf-8\n"
	"\n"
	"<html><head><style>p{}</style><script>x()</script></head><body>"
	"<p>We would like to <b>schedule</b> an interview.</p>"
	"<blockquote>old text</blockquote></body></html>\n");

    (void) state;
    assert_non_null (m);
    assert_true (m->flags & NMF_MSG_HTML_ONLY);
    assert_non_null (strstr (m->body, "We would like to schedule an interview."));
    assert_null (strstr (m->body, "x()"));
    assert_null (strstr (m->body, "p{}"));
    assert_null (strstr (m->body, "old text"));
    assert_non_null (strstr (m->quoted, "old text"));
    nmf_message_free (&m);
}

/* A schedule table: each cell a column of its row, not run into the
 * next ("Wrap-upRenata Solis"); a row is a line. */
static void
test_html_table (void **state)
{
    struct nmf_message *m = parse (
	"From: jo@x.example\n"
	"Subject: html\n"
	"Content-Type: text/html; charset=utf-8\n"
	"\n"
	"<html><body><p>Your schedule:</p><table>"
	"<tr><th>Time</th><th>Session</th><th>With</th></tr>"
	"<tr><td>9:30 AM</td><td>Wrap-up</td><td>Renata Solis</td></tr>"
	"<tr><td> 10:00 AM </td><td><b>Deep dive</b></td>"
	"<td>Femi Adeyemi, Staff Engineer</td></tr>"
	"</table></body></html>\n");

    (void) state;
    assert_non_null (m);
    assert_non_null (strstr (m->body, "Time\tSession\tWith\n"));
    assert_non_null (strstr (m->body, "9:30 AM\tWrap-up\tRenata Solis\n"));
    assert_non_null (strstr (m->body,
			     "10:00 AM\tDeep dive\tFemi Adeyemi, Staff "
			     "Engineer"));
    nmf_message_free (&m);
}

static void
test_flags (void **state)
{
    struct nmf_message *m = parse (
	"From: news@x.example\n"
	"List-Id: <tips.x.example>\n"
	"Precedence: bulk\n"
	"Auto-Submitted: auto-generated\n"
	"\n"
	"tips\n");

    (void) state;
    assert_true (m->flags & NMF_MSG_LIST);
    assert_true (m->flags & NMF_MSG_BULK);
    assert_true (m->flags & NMF_MSG_GENERATED);
    assert_false (m->flags & NMF_MSG_AUTO_REPLY);
    nmf_message_free (&m);
    m = parse ("From: jo@x.example\nAuto-Submitted: auto-replied\n\nout\n");
    assert_true (m->flags & NMF_MSG_AUTO_REPLY);
    nmf_message_free (&m);
    m = parse ("From: a@b.example\nAuto-Submitted: no\n\nhi\n");
    assert_false (m->flags & NMF_MSG_AUTO_REPLY);
    nmf_message_free (&m);
}

static void
test_hostile (void **state)
{
    struct nmf_message *m = NULL;
    char *why = NULL;
    GString *deep;
    int i;

    (void) state;
    /* Empty input is an error with a reason, not a crash. */
    assert_int_equal (nmf_mime_parse_bytes ("", 0, NULL, &m, &why),
		      NMF_ERR_PARSE);
    assert_non_null (why);
    g_free (why);
    why = NULL;
    assert_int_equal (nmf_mime_parse_file ("tests/no/such/file", &m, &why),
		      NMF_ERR_IO);
    g_free (why);
    why = NULL;
    assert_int_equal (nmf_mime_parse_file ("tests", &m, &why), NMF_ERR_IO);
    g_free (why);

    /* Binary garbage and NULs. */
    m = NULL;
    {
	char garbage[512];

	for (i = 0; i < (int) sizeof garbage; i++)
	    garbage[i] = (char) (i * 37 + 11);
	if (nmf_mime_parse_bytes (garbage, sizeof garbage, NULL, &m, &why)
	    == NMF_OK)
	    nmf_message_free (&m);
	else
	    g_free (why);
    }

    /* A display name with an encoded CR LF cannot smuggle a line break. */
    m = parse ("From: =?utf-8?q?Evil=0D=0ABcc=3A_x=40y?= <e@x.example>\n"
	       "Subject: =?utf-8?q?a=0D=0Ab?=\n"
	       "Date: Mon, 1 Jan 1900 00:00:00 +0000\n"
	       "\n"
	       "x\n");
    assert_non_null (m);
    assert_null (strchr (m->from->name, '\n'));
    assert_null (strchr (m->from->name, '\r'));
    assert_null (strchr (m->subject, '\n'));
    /* An absurd Date counts as missing. */
    assert_int_equal (m->date, 0);
    nmf_message_free (&m);

    /* Deep nesting is bounded. */
    deep = g_string_new ("From: a@b.example\n");
    for (i = 0; i < 300; i++)
	g_string_append_printf (deep,
				"Content-Type: multipart/mixed; boundary=b%d\n"
				"\n--b%d\n",
				i, i);
    g_string_append (deep, "Content-Type: text/plain\n\ndeep\n");
    m = NULL;
    if (nmf_mime_parse_bytes (deep->str, deep->len, NULL, &m, &why) == NMF_OK)
	nmf_message_free (&m);
    else
	g_free (why);
    g_string_free (deep, TRUE);
}

static void
test_addresses (void **state)
{
    GPtrArray *a;
    struct nmf_address *one;

    (void) state;
    a = nmf_mime_parse_addresses ("Jo <JO@X.example>, b@y.example, "
				  "team: c@z.example, d@z.example;");
    assert_int_equal (a->len, 4);
    assert_string_equal (a->pdata[0], "jo@x.example");
    assert_string_equal (a->pdata[3], "d@z.example");
    g_ptr_array_unref (a);
    a = nmf_mime_parse_addresses ("");
    assert_int_equal (a->len, 0);
    g_ptr_array_unref (a);
    one = nmf_mime_parse_address ("Priya Shah <priya@acme.example>");
    assert_string_equal (one->name, "Priya Shah");
    nmf_address_free (one);
    assert_null (nmf_mime_parse_address (NULL));
}

static void
test_read_headers (void **state)
{
    static const char *const names[] = { "list-id", "to", "precedence",
					 "subject", NULL };
    static const char text[]
	= "From: a@b.example\r\n"
	  "TO: =?utf-8?q?J=C3=BCrgen?= <j@x.example>,\r\n"
	  "\tSam <s@y.example>\r\n"
	  "Subject: first\r\n"
	  "Subject: second\r\n"
	  "List-Id: <dev.lists.example>\r\n"
	  "\r\n"
	  "Precedence: bulk\r\n"
	  "\r\n";
    g_autofree char *dir = g_dir_make_tmp ("nmf-hdr-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "m", NULL);
    g_autoptr (GHashTable) h = NULL;
    g_autofree char *to = NULL;

    (void) state;
    assert_true (g_file_set_contents (path, text, -1, NULL));
    h = nmf_mime_read_headers (path, names);
    assert_non_null (h);
    /* Case-blind names, folded lines joined, the first one wins, the
     * body is not read. */
    assert_string_equal (g_hash_table_lookup (h, "to"),
			 "=?utf-8?q?J=C3=BCrgen?= <j@x.example>,\tSam "
			 "<s@y.example>");
    assert_string_equal (g_hash_table_lookup (h, "subject"), "first");
    assert_string_equal (g_hash_table_lookup (h, "list-id"),
			 "<dev.lists.example>");
    assert_null (g_hash_table_lookup (h, "precedence"));
    to = nmf_mime_decode_header (g_hash_table_lookup (h, "to"));
    assert_non_null (strstr (to, "J\xc3\xbcrgen"));
    assert_null (nmf_mime_read_headers ("/nonexistent/mail", names));
    g_unlink (path);
    g_rmdir (dir);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_fixture_calendar),
	cmocka_unit_test (test_encoded_subject_and_qp),
	cmocka_unit_test (test_quotes_and_signature),
	cmocka_unit_test (test_html_only),
	cmocka_unit_test (test_html_table),
	cmocka_unit_test (test_flags),
	cmocka_unit_test (test_hostile),
	cmocka_unit_test (test_addresses),
	cmocka_unit_test (test_read_headers),
    };

    return cmocka_run_group_tests (tests, mime_setup, mime_teardown);
}
