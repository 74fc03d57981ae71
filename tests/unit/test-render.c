/* Unit tests of src/core/render.c: variables, sections, errors, and the
 * built-in thank-you template. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/render.h"

static void
put (GHashTable *v, const char *key, const char *value)
{
    g_hash_table_insert (v, (gpointer) key, (gpointer) value);
}

static GHashTable *
vars_new (void)
{
    GHashTable *v = g_hash_table_new (g_str_hash, g_str_equal);

    put (v, "first_name", "Priya");
    put (v, "company", "Acme");
    put (v, "role", "");
    return v;
}

struct render_case {
    const char *why;
    const char *tmpl;
    const char *out; /* NULL: an error is expected */
    int line;        /* line of the error */
};

static const struct render_case cases[] = {
    { "empty template", "", "", 0 },
    { "plain text", "Hello", "Hello", 0 },
    { "variable", "Hi {{first_name}}!", "Hi Priya!", 0 },
    { "spaces inside braces", "Hi {{ first_name }}", "Hi Priya", 0 },
    { "unset known variable is empty", "[{{user_name}}]", "[]", 0 },
    { "section kept when set", "{{?company}}at {{company}}{{/company}}",
      "at Acme", 0 },
    { "section dropped when empty", "x{{?role}} as {{role}}{{/role}}y", "xy",
      0 },
    { "inverted section", "{{^role}}no role{{/role}}", "no role", 0 },
    { "unknown variable names its line", "a\nb {{salary}}", NULL, 2 },
    { "unclosed tag", "Hi {{first_name", NULL, 1 },
    { "unclosed section", "{{?role}}x", NULL, 1 },
    { "stray close", "x{{/role}}", NULL, 1 },
    /* A value is never re-expanded: braces in data stay text. */
    { "no re-expansion", "{{company}}", "Acme", 0 },
};

static void
test_cases (void **state)
{
    const char *known[] = { "first_name", "company", "role", "user_name",
			    NULL };
    GHashTable *v = vars_new ();
    size_t i;

    (void) state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
	char *out = NULL, *why = NULL;
	int line = -1;
	enum nmf_status st;

	st = nmf_render (cases[i].tmpl, v, known, &out, &line, &why);
	if (cases[i].out) {
	    if (st)
		print_error ("case '%s': %s\n", cases[i].why, why);
	    assert_int_equal (st, NMF_OK);
	    assert_string_equal (out, cases[i].out);
	} else {
	    assert_int_equal (st, NMF_ERR_PARSE);
	    assert_non_null (why);
	    assert_int_equal (line, cases[i].line);
	    assert_null (out);
	}
	g_free (out);
	g_free (why);
    }
    g_hash_table_unref (v);
}

static void
test_data_with_braces (void **state)
{
    const char *known[] = { "company", NULL };
    GHashTable *v = g_hash_table_new (g_str_hash, g_str_equal);
    char *out = NULL, *why = NULL;
    int line;

    (void) state;
    put (v, "company", "{{company}} Inc");
    assert_int_equal (nmf_render ("{{company}}", v, known, &out, &line, &why),
		      NMF_OK);
    assert_string_equal (out, "{{company}} Inc");
    g_free (out);
    g_hash_table_unref (v);
}

static void
test_builtin_thank_you (void **state)
{
    GHashTable *v = g_hash_table_new (g_str_hash, g_str_equal);
    char *out = NULL, *why = NULL;
    int line;

    (void) state;
    assert_null (nmf_render_builtin ("no-such"));
    put (v, "first_name", "Priya");
    put (v, "interview_day", "on Tuesday");
    put (v, "role", "Backend Engineer");
    put (v, "company", "Acme");
    put (v, "user_name", "Alex Morgan");
    assert_int_equal (nmf_render (nmf_render_builtin ("thank-you"), v,
				  nmf_render_variables (), &out, &line, &why),
		      NMF_OK);
    assert_non_null (strstr (out, "Hi Priya,"));
    assert_non_null (strstr (out, "on Tuesday about the Backend Engineer "
				  "role at Acme."));
    /* Without a detail the user gets a marked line to fill. */
    assert_non_null (strstr (out, "[Add one specific thing"));
    assert_non_null (strstr (out, "Alex Morgan\n"));
    g_free (out);

    put (v, "detail", "We talked about the telemetry pipeline.");
    assert_int_equal (nmf_render (nmf_render_builtin ("thank-you"), v,
				  nmf_render_variables (), &out, &line, &why),
		      NMF_OK);
    assert_non_null (strstr (out, "I enjoyed our conversation. We talked "
				  "about the telemetry pipeline."));
    assert_null (strstr (out, "[Add one"));
    g_free (out);
    g_hash_table_unref (v);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_cases),
	cmocka_unit_test (test_data_with_braces),
	cmocka_unit_test (test_builtin_thank_you),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
