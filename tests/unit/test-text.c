/* Unit tests of src/core/text.c: splitting, folding, one-line cleaning,
 * wrapping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/text.h"

struct split_case {
    const char *why;
    const char *in;
    const char *body;
    const char *quoted;
    const char *sig;
};

static const struct split_case split_cases[] = {
    /* NULL and empty input give three empty strings. */
    { "null", NULL, "", "", "" },
    { "empty", "", "", "", "" },
    /* Plain text stays whole. */
    { "plain", "Hello\nthere\n", "Hello\nthere", "", "" },
    /* CR LF is normalised. */
    { "crlf", "Hi\r\nyou\r\n", "Hi\nyou", "", "" },
    /* HTML mail's no-break and narrow spaces are spaces; its invisible
     * padding (zero-width, soft hyphen, joiner) goes; bytes that are no
     * UTF-8 become U+FFFD. */
    { "unicode spaces", "with\xc2\xa0" "Alexis at 11:30\xe2\x80\xaf" "AM\n",
      "with Alexis at 11:30 AM", "", "" },
    { "invisible padding", "Hi\xe2\x80\x8c\xcd\x8f Sam\xc2\xad\xef\xbb\xbf\n",
      "Hi Sam", "", "" },
    { "no UTF-8", "caf\xe9 time\n", "caf\xef\xbf\xbd time", "", "" },
    /* "-- " starts the signature. */
    { "sig", "Hi\n-- \nJo\n+1 555 0100\n", "Hi", "", "Jo\n+1 555 0100" },
    /* Inline '>' lines are quoted; the reply around them stays. */
    { "inline quote", "Yes.\n> Can you come?\nSee you.\n", "Yes.\nSee you.",
      "> Can you come?", "" },
    /* A Gmail attribution starts the quoted tail, even when wrapped over
     * two lines. */
    { "attribution", "Thanks!\n\nOn Tue, Nov 17, 2026 at 9:00 AM Priya Shah "
      "<p@x.example>\nwrote:\n> old\n",
      "Thanks!", "On Tue, Nov 17, 2026 at 9:00 AM Priya Shah <p@x.example>\n"
      "wrote:\n> old", "" },
    /* Outlook's separator line. */
    { "outlook", "Sure\n-----Original Message-----\nFrom: x\nold text\n",
      "Sure", "-----Original Message-----\nFrom: x\nold text", "" },
    /* A forwarded block is quoted, not new text. */
    { "forward", "FYI\n---------- Forwarded message ---------\nFrom: y\n",
      "FYI", "---------- Forwarded message ---------\nFrom: y", "" },
    /* Outlook's header block without a separator line. */
    { "outlook header block", "Fine by me.\n\nFrom: Jo Lee <jo@x.example>\n"
      "Sent: Monday, November 16, 2026 9:00 AM\nTo: Alex\nSubject: Re: x\n"
      "old\n", "Fine by me.", "From: Jo Lee <jo@x.example>\nSent: Monday, "
      "November 16, 2026 9:00 AM\nTo: Alex\nSubject: Re: x\nold", "" },
    /* "From:" in the new text alone starts nothing. */
    { "a From: line alone", "From: the team\nWelcome!\n",
      "From: the team\nWelcome!", "", "" },
    /* Attribution without "On", with an address. */
    { "address attribution", "Yes.\nJo Lee <jo@x.example> wrote:\n> q\n",
      "Yes.", "Jo Lee <jo@x.example> wrote:\n> q", "" },
    /* "wrote:" in prose without a date or address is new text. */
    { "prose wrote", "Here is what she wrote:\nhello\n",
      "Here is what she wrote:\nhello", "", "" },
    /* Lotus Notes' reply header, the date on the same line or the next
     * (written by us after the shape of Notes mail of 2000). */
    { "notes header", "Friday works.\n\nJo Lee <jo@x.example> on "
      "11/29/2000 10:52:35 PM\nTo: Alex Morgan/HOU/ECT@ECT\ncc:\nold\n",
      "Friday works.", "Jo Lee <jo@x.example> on 11/29/2000 10:52:35 PM\n"
      "To: Alex Morgan/HOU/ECT@ECT\ncc:\nold", "" },
    { "notes header wrapped", "Fine.\nJo Lee <jo@x.example> on\n"
      "11/29/2000 10:52 AM\n\nTo: Alex\nold\n", "Fine.",
      "Jo Lee <jo@x.example> on\n11/29/2000 10:52 AM\n\nTo: Alex\nold",
      "" },
    /* A date "on 11/29/2000" in prose, with no "To:" below, is text. */
    { "notes date in prose", "We met on 11/29/2000\nand talked.\n",
      "We met on 11/29/2000\nand talked.", "", "" },
    { "notes forward", "FYI\n---------------------- Forwarded by Jo Lee/HOU "
      "on 11/29/2000 10:52 AM ---------------------------\nold\n", "FYI",
      "---------------------- Forwarded by Jo Lee/HOU on 11/29/2000 10:52 AM"
      " ---------------------------\nold", "" },
    { "groupwise", "Yes.\n>>> Jo Lee <jo@x.example> 11/29/00 10:52AM >>>\n"
      "old\n", "Yes.", ">>> Jo Lee <jo@x.example> 11/29/00 10:52AM >>>\nold",
      "" },
    /* A signature followed by a quote: the quote is not signature. */
    { "sig then quote", "Ok\n-- \nJo\nOn Mon, A wrote:\n> q\n", "Ok",
      "On Mon, A wrote:\n> q", "Jo" },
};

static void
test_is_forward (void **state)
{
    (void) state;
    assert_true (nmf_text_is_forward ("---------- Forwarded message ---------\n"
				      "From: y"));
    assert_true (nmf_text_is_forward ("Begin forwarded message:\n"));
    assert_true (nmf_text_is_forward ("------ Forwarded by Jo Lee/HOU on "
				      "11/29/2000 10:52 AM ------\nold"));
    assert_false (nmf_text_is_forward ("On Mon, Jo wrote:\n> Forwarded by"));
    assert_false (nmf_text_is_forward (""));
    assert_false (nmf_text_is_forward (NULL));
}

static void
test_split (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < sizeof split_cases / sizeof split_cases[0]; i++) {
	const struct split_case *c = &split_cases[i];
	char *b, *q, *s;

	nmf_text_split (c->in, &b, &q, &s);
	if (strcmp (b, c->body) || strcmp (q, c->quoted) || strcmp (s, c->sig))
	    print_error ("case '%s': body='%s' quoted='%s' sig='%s'\n", c->why,
			 b, q, s);
	assert_string_equal (b, c->body);
	assert_string_equal (q, c->quoted);
	assert_string_equal (s, c->sig);
	g_free (b);
	g_free (q);
	g_free (s);
    }
}

static void
test_fold_and_phrase (void **state)
{
    char *f;

    (void) state;
    f = nmf_text_fold ("  We\xe2\x80\x99ll   SCHEDULE\tthe\nInterview ");
    assert_string_equal (f, "we'll schedule the interview");
    /* Whole phrases only: "interview" is not found in "interviewer". */
    assert_true (nmf_text_has_phrase (f, "interview"));
    assert_false (nmf_text_has_phrase ("the interviewer", "interview"));
    assert_true (nmf_text_has_phrase ("a phone screen.", "phone screen"));
    assert_false (nmf_text_has_phrase (NULL, "x"));
    assert_false (nmf_text_has_phrase ("x", ""));
    g_free (f);
    f = nmf_text_fold (NULL);
    assert_string_equal (f, "");
    g_free (f);
}

static void
test_one_line (void **state)
{
    char *s;

    (void) state;
    /* CR, LF, NUL-free control characters and tabs become one space. */
    s = nmf_text_one_line ("Priya\r\nBcc: evil@x\t Shah", 100);
    assert_string_equal (s, "Priya Bcc: evil@x Shah");
    g_free (s);
    /* Invalid UTF-8 is replaced, never passed on. */
    s = nmf_text_one_line ("caf\xc3 x", 100);
    assert_true (g_utf8_validate (s, -1, NULL));
    g_free (s);
    /* The length cap counts characters. */
    s = nmf_text_one_line ("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 2);
    assert_string_equal (s, "\xc3\xa9\xc3\xa9");
    g_free (s);
    s = nmf_text_one_line (NULL, 10);
    assert_string_equal (s, "");
    g_free (s);
}

/* Who wrote the earlier message a reply quotes: the quoted part as
 * nmf_text_split gives it, through its body. */
static void
test_quoted_author (void **state)
{
    static const struct {
	const char *text;
	const char *want;   /* a part of the author line; NULL: none */
	const char *never;  /* what the line must not carry, or NULL */
    } rows[] = {
	{ "Sure.\n\nOn Mon, Nov 16, 2026 at 9:00 AM Sam Lee <sam@x.example> "
	  "wrote:\n> Can we talk?\n", "sam@x.example", NULL },
	{ "Sure.\n\nOn Mon, Nov 16, 2026 at 9:00 AM Sam Lee\n"
	  "<sam@x.example> wrote:\n> Can we talk?\n", "sam@x.example", NULL },
	/* An Outlook header: the author, never the recipients. */
	{ "Sure.\n\n-----Original Message-----\nFrom: Sam Lee "
	  "<sam@x.example>\nSent: Monday\nTo: Kim <kim@y.example>\n"
	  "Subject: Hi\n\nCan we talk?\n", "From: Sam Lee", "kim@" },
	/* The same header flattened onto one line by HTML mail. */
	{ "Sure.\n\n________________________________\nFrom: Sam Lee "
	  "<sam@x.example> Sent: Monday To: Kim <kim@y.example> Subject: Hi\n"
	  "\nCan we talk?\n", "sam@x.example", "kim@" },
	/* Lotus Notes: the date on the author's line, or wrapped onto the
	 * next; the "To:" line after it is the recipients'. */
	{ "Sure.\n\nsam@x.example on 10/13/2000 08:47:57 AM\n"
	  "To: kim@y.example\ncc:\nSubject: Hi\n\nCan we talk?\n",
	  "sam@x.example on", "kim@" },
	{ "Sure.\n\n\"Sam Lee\" <sam@x.example> on\n10/13/2000 08:47 AM\n"
	  "To: kim@y.example\nSubject: Hi\n\nCan we talk?\n",
	  "sam@x.example> on 10/13/2000", "kim@" },
	{ "FYI\n\n---------- Forwarded message ---------\nFrom: Sam Lee "
	  "<sam@x.example>\nDate: Mon\nSubject: Hi\nTo: kim@y.example\n\n"
	  "Can we talk?\n", "From: Sam Lee", "kim@" },
	/* Quoted lines with no header: nobody is named, not even the
	 * author of an older message quoted within, first line or not. */
	{ "Sure.\n\n> Can we talk?\n> On Monday Kim <kim@y.example> "
	  "wrote:\n>> Hi\n", NULL, NULL },
	{ "Sure.\n\n> On Monday Kim <kim@y.example> wrote:\n>> Hi\n",
	  NULL, NULL },
	{ "No quote at all.\n", NULL, NULL },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	g_autofree char *body = NULL, *quoted = NULL, *sig = NULL;
	g_autofree char *got = NULL;

	nmf_text_split (rows[i].text, &body, &quoted, &sig);
	got = nmf_text_quoted_author (quoted);
	if (rows[i].want == NULL) {
	    assert_null (got);
	    continue;
	}
	assert_non_null (got);
	if (! strstr (got, rows[i].want)
	    || (rows[i].never && strstr (got, rows[i].never)))
	    print_error ("row %zu: '%s'\n", i, got);
	assert_non_null (strstr (got, rows[i].want));
	if (rows[i].never)
	    assert_null (strstr (got, rows[i].never));
    }
    assert_null (nmf_text_quoted_author (NULL));
}

/* The name a greeting uses. */
static void
test_first_name (void **state)
{
    static const struct {
	const char *name, *want;
    } rows[] = {
	{ "Priya Shah", "Priya" },
	{ "Shah, Priya", "Priya" },
	{ "Priya", "Priya" },
	{ "P. K. Ramaswamy", "P. K. Ramaswamy" },
	{ "J.R. Ewing", "J.R. Ewing" },
	{ "U.S. Operations", "U.S." },
	{ "Dr. Nora Lind", "Dr. Lind" },
	{ "Prof Amelia Hart", "Prof Hart" },
	{ "", "" },
	{ NULL, "" },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	g_autofree char *got = nmf_text_first_name (rows[i].name);

	assert_string_equal (got, rows[i].want);
    }
}

static void
test_wrap (void **state)
{
    char *s;

    (void) state;
    s = nmf_text_wrap ("aaa bbb ccc ddd", 7);
    assert_string_equal (s, "aaa bbb\nccc ddd");
    g_free (s);
    /* Existing breaks stay; a word longer than the width is not cut. */
    s = nmf_text_wrap ("short\nabcdefghijkl x", 5);
    assert_string_equal (s, "short\nabcdefghijkl\nx");
    g_free (s);
    s = nmf_text_wrap ("", 10);
    assert_string_equal (s, "");
    g_free (s);
}

/* The JIT's answer is the interpreter's, even where the JIT gives up. */
static void
test_regex_jit (void **state)
{
    GString *deep = g_string_new (NULL);
    GMatchInfo *mi = NULL;
    char *hit;
    int i;

    (void) state;
    assert_true (nmf_regex_match_jit ("\\bno(?:t|pe)\\b", "well, nope.", &mi));
    hit = g_match_info_fetch (mi, 0);
    assert_string_equal (hit, "nope");
    g_free (hit);
    g_match_info_free (mi);
    assert_false (nmf_regex_match_jit ("\\bnot\\b", "knot", NULL));
    /* A repeated group over 400 kB: too deep for GLib's JIT stack. */
    for (i = 0; i < 200000; i++)
	g_string_append (deep, "ab");
    g_string_append_c (deep, 'x');
    assert_true (nmf_regex_match_jit ("^(?:ab|cd)*x$", deep->str, NULL));
    assert_true (nmf_regex_match_jit ("(a|b)*x", deep->str, &mi));
    g_match_info_free (mi);
    g_string_append_c (deep, 'y');
    assert_false (nmf_regex_match_jit ("^(?:ab|cd)*x$", deep->str, NULL));
    g_string_free (deep, TRUE);
    nmf_regex_cache_clear ();
}

/* A quoted piece of text is cut at a word, with an ellipsis. */
static void
test_excerpt (void **state)
{
    g_autofree char *whole = nmf_text_excerpt ("[Add one thing, then delete "
					       "this line.]", 80);
    g_autofree char *cut = nmf_text_excerpt ("[Add one thing you and Priya "
					     "talked about, then delete this "
					     "line.]", 40);
    g_autofree char *oneword = nmf_text_excerpt ("Supercalifragilistic", 8);
    g_autofree char *lines = nmf_text_excerpt ("two\nlines", 80);

    (void) state;
    assert_string_equal (whole, "[Add one thing, then delete this line.]");
    assert_string_equal (cut, "[Add one thing you and Priya talked…");
    assert_string_equal (oneword, "Superca…");
    assert_string_equal (lines, "two lines");
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_split),
	cmocka_unit_test (test_is_forward),
	cmocka_unit_test (test_fold_and_phrase),
	cmocka_unit_test (test_one_line),
	cmocka_unit_test (test_first_name),
	cmocka_unit_test (test_quoted_author),
	cmocka_unit_test (test_regex_jit),
	cmocka_unit_test (test_wrap),
	cmocka_unit_test (test_excerpt),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
