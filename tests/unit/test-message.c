/* Unit tests of src/core/message.c: what `check -` is handed, a whole
 * message or a bare body (nmf_message_head_length). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/message.h"

struct hcase {
    const char *why;
    const char *text;
    const char *body;  /* what the body starts with; NULL: a bare body */
};

static const struct hcase cases[] = {
    { "empty", "", NULL },
    { "a bare body", "Hi Priya,\n\nThank you.\n", NULL },
    /* A body whose first line has a colon is still a body: no header
     * a mail has (From, To, Subject, Date, Message-ID) is among them. */
    { "a body that opens with a label", "Note: bring the slides\n\nBest\n",
      NULL },
    { "a body that opens with a blank line", "\nHi Priya,\n", NULL },
    { "a whole message", "From: a@b\nTo: c@d\nSubject: x\n\nHi Priya,\n",
      "Hi Priya," },
    { "CR LF line ends", "To: c@d\r\nSubject: x\r\n\r\nHi,\r\n", "Hi," },
    { "a folded header", "Subject: a long\n one\nTo: c@d\n\nBody\n", "Body" },
    { "message-mode's separator (notmuch-emacs's buffer)",
      "From: a@b\nTo: c@d\n--text follows this line--\nHi Sam,\n",
      "Hi Sam," },
    { "a space in a header name is no header",
      "Dear Sam, thanks: great\nTo: x\n\nBody\n", NULL },
    { "a continuation first is no header", " To: x\n\nBody\n", NULL },
    { "headers alone", "From: a@b\nTo: c@d\n", "" },
};

static void
test_head_length (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
	const struct hcase *c = &cases[i];
	gsize len = strlen (c->text), body_at = 99;
	gsize head = nmf_message_head_length (c->text, len, &body_at);

	if ((head == 0) != (c->body == NULL))
	    print_error ("case '%s': head %zu\n", c->why, (size_t) head);
	assert_true ((head == 0) == (c->body == NULL));
	if (c->body) {
	    assert_true (body_at <= len);
	    assert_true (strncmp (c->text + body_at, c->body,
				  strlen (c->body)) == 0);
	} else {
	    assert_int_equal (body_at, 0);
	}
    }
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_head_length),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
