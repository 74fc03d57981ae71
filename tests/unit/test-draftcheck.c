/* Unit tests of src/core/draftcheck.c: each finding, and clean text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/draftcheck.h"

struct dcase {
    const char *why;
    const char *body;
    const char *code;  /* the one finding expected, NULL: clean */
    int line;
};

static const struct dcase cases[] = {
    { "clean", "Hi Priya,\n\nThank you for your time today.\n\nBest,\nAlex",
      NULL, 0 },
    { "our marked line", "Hi,\n[Add one specific thing you talked about]\n",
      "placeholder", 2 },
    { "a template variable", "Best,\n{{user_name}}\n", "placeholder", 2 },
    { "a name placeholder", "Dear <name>,\n", "placeholder", 1 },
    { "TODO", "TODO: mention the demo\n", "placeholder", 1 },
    { "salary question", "What is the salary range for the role?\n",
      "salary", 1 },
    { "compensation", "Could we talk about compensation?\n", "salary", 1 },
    { "feedback demand", "Please send me detailed feedback.\n", "feedback",
      1 },
    { "why rejected", "Can you explain why I wasn't selected?\n", "feedback",
      1 },
    /* Their words, quoted, are not the user's. */
    { "quoted salary", "Thanks!\n> The salary range is listed below.\n",
      NULL, 0 },
    /* After the signature line nothing is checked. */
    { "signature", "Thanks!\n-- \n[company logo]\n", NULL, 0 },
    { "null body", NULL, NULL, 0 },
};

static void
test_text (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
	GPtrArray *out = g_ptr_array_new_with_free_func (nmf_finding_free);
	guint n = nmf_draftcheck (cases[i].body, NULL, out);

	if ((cases[i].code == NULL) != (n == 0))
	    print_error ("case '%s': %u findings\n", cases[i].why, n);
	if (cases[i].code) {
	    const struct nmf_finding *f = out->pdata[0];

	    assert_int_equal (n, 1);
	    assert_string_equal (f->code, cases[i].code);
	    assert_int_equal (f->line, cases[i].line);
	    assert_non_null (f->message);
	} else {
	    assert_int_equal (n, 0);
	}
	g_ptr_array_unref (out);
    }
}

static void
test_context (void **state)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (nmf_finding_free);
    GPtrArray *others = g_ptr_array_new ();
    GPtrArray *names = g_ptr_array_new ();
    struct nmf_draftcheck_ctx ctx = { 0 };
    const struct nmf_finding *f;

    (void) state;
    /* The same text to two interviewers, greetings aside. */
    g_ptr_array_add (others, (gpointer) "Hi Sam,\nThank you for your time.\n");
    g_ptr_array_add (names, (gpointer) "Sam Patel");
    ctx.others = others;
    ctx.other_names = names;
    assert_int_equal (nmf_draftcheck ("Hi Dana,\nThank you for  your time.\n",
				      &ctx, out),
		      1);
    f = out->pdata[0];
    assert_string_equal (f->code, "duplicate");
    assert_non_null (strstr (f->message, "Sam Patel"));
    g_ptr_array_set_size (out, 0);
    assert_int_equal (nmf_draftcheck ("Hi Dana,\nGreat to meet you.\n", &ctx,
				      out),
		      0);

    /* A follow-up before it is due, and a third one. */
    ctx.others = NULL;
    ctx.is_follow_up = TRUE;
    ctx.now = 1000;
    ctx.due = 2000;
    assert_int_equal (nmf_draftcheck ("Any news?\n", &ctx, out), 1);
    f = out->pdata[0];
    assert_string_equal (f->code, "too-early");
    g_ptr_array_set_size (out, 0);
    ctx.now = 3000;
    ctx.sent_follow_ups = 2;
    assert_int_equal (nmf_draftcheck ("Any news?\n", &ctx, out), 1);
    f = out->pdata[0];
    assert_string_equal (f->code, "third-follow-up");
    g_ptr_array_set_size (out, 0);
    ctx.sent_follow_ups = 1;
    assert_int_equal (nmf_draftcheck ("Any news?\n", &ctx, out), 0);

    g_ptr_array_unref (out);
    g_ptr_array_unref (others);
    g_ptr_array_unref (names);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_text),
	cmocka_unit_test (test_context),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
