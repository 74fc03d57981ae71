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
    put (v, "interview_day", "Tuesday");
    put (v, "on_interview_day", "on Tuesday");
    put (v, "role", "Backend Engineer");
    put (v, "company", "Acme");
    put (v, "user_name", "Alex Morgan");
    assert_int_equal (nmf_render (nmf_render_builtin ("thank-you"), v,
				  nmf_render_variables (), &out, &line, &why),
		      NMF_OK);
    assert_non_null (strstr (out, "Hi Priya,"));
    assert_non_null (strstr (out, "Thank you for speaking with me on Tuesday "
				  "about the Backend Engineer role at Acme."));
    /* Without a detail the user gets a marked line to fill. */
    assert_non_null (strstr (out, "[Add one thing you and Priya talked"));
    assert_non_null (strstr (out, "Alex Morgan\n"));
    g_free (out);

    /* The note is the user's own sentence, as the README shows it. */
    put (v, "detail", "I enjoyed hearing about your move to Rust.");
    assert_int_equal (nmf_render (nmf_render_builtin ("thank-you"), v,
				  nmf_render_variables (), &out, &line, &why),
		      NMF_OK);
    assert_non_null (strstr (out, "role at Acme. I enjoyed hearing about your "
				  "move to Rust."));
    assert_null (strstr (out, "[Add"));
    g_free (out);
    g_hash_table_unref (v);
}

/* The sentences of a draft body, without its greeting and sign-off. */
static GPtrArray *
sentences_of (const char *text)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
    guint n = g_strv_length (lines), i;

    /* Skip "Hi X," and the last two lines (sign-off and name). */
    for (i = 1; i + 3 < n; i++) {
	g_auto (GStrv) parts = g_regex_split_simple ("(?<=[.?!])\\s+",
						     lines[i], 0, 0);
	guint k;

	for (k = 0; parts[k]; k++) {
	    g_strstrip (parts[k]);
	    if (*parts[k])
		g_ptr_array_add (out, g_strdup (parts[k]));
	}
    }
    return out;
}

/* A panel's drafts differ by more than the name: the four wordings of
 * the thank-you, and the other steps, share no sentence. */
static void
test_no_twin_sentences (void **state)
{
    static const char *const steps[] = { "check-in", "final",
					 "rejection-reply", "keep-in-touch" };
    static const char *const names[] = { "Priya", "Sam", "Dana", "Ravi" };
    guint known, k, a, b;

    (void) state;
    /* What is known of the person: the topic; their title and part of
     * the interview; nothing (the marked lines). */
    for (known = 0; known < 3; known++) {
	g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_free);

	for (k = 0; k < 4 + G_N_ELEMENTS (steps); k++) {
	    GHashTable *v = g_hash_table_new (g_str_hash, g_str_equal);
	    g_autofree char *out = NULL;
	    g_autofree char *why = NULL;
	    int line;

	    put (v, "first_name", names[k % 4]);
	    put (v, "interview_day", "Tuesday");
	    put (v, "on_interview_day", "on Tuesday");
	    put (v, "role", "Backend Engineer");
	    put (v, "company", "Acme");
	    if (known == 0)
		put (v, "topic", "the ingestion pipeline");
	    if (known == 1) {
		put (v, "part", "the system design session");
		put (v, "title", "Staff Engineer");
	    }
	    put (v, "panel", "Sam Patel and Dana Wu");
	    put (v, "user_name", "Alex Morgan");
	    assert_int_equal (
		nmf_render (k < 4 ? nmf_render_builtin_variant ("thank-you", k)
				  : nmf_render_builtin (steps[k - 4]),
			    v, nmf_render_variables (), &out, &line, &why),
		NMF_OK);
	    if (known == 1 && k < 4)
		assert_non_null (strstr (out, "the system design session"));
	    g_ptr_array_add (all, g_steal_pointer (&out));
	    g_hash_table_unref (v);
	}
	for (a = 0; a < all->len; a++) {
	    g_autoptr (GPtrArray) sa = sentences_of (all->pdata[a]);

	    for (b = a + 1; b < all->len; b++) {
		g_autoptr (GPtrArray) sb = sentences_of (all->pdata[b]);
		guint i, j;

		for (i = 0; i < sa->len; i++) {
		    for (j = 0; j < sb->len; j++) {
			if (strcmp (sa->pdata[i], sb->pdata[j]) == 0)
			    print_error ("drafts %u and %u share '%s'\n", a,
					 b, (char *) sa->pdata[i]);
			assert_string_not_equal (sa->pdata[i], sb->pdata[j]);
		    }
		}
	    }
	}
    }
}

/* How the user writes a day: the locale, or the style they set. */
static void
test_day_text (void **state)
{
    /* Thu 19 Nov 2026 18:00 UTC; now a week or a day later. */
    const gint64 t = 1795111200, week = 7 * 86400, day = 86400;
    static const struct {
	const char *locale;
	enum nmf_date_style style;
    } locales[] = {
	{ "en_US.UTF-8", NMF_DATE_US }, { "en_GB.UTF-8", NMF_DATE_GB },
	{ "en_AU", NMF_DATE_GB },       { "C.UTF-8", NMF_DATE_US },
	{ NULL, NMF_DATE_US },          { "de_DE.UTF-8", NMF_DATE_US },
    };
    size_t i;
    char *s;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (locales); i++)
	assert_int_equal (nmf_date_style_of_locale (locales[i].locale),
			  locales[i].style);
    s = nmf_day_text (t, t + week, NULL, NMF_DATE_US, NULL, FALSE);
    assert_string_equal (s, "Thursday, November 19");
    g_free (s);
    s = nmf_day_text (t, t + week, NULL, NMF_DATE_GB, NULL, TRUE);
    assert_string_equal (s, "on Thursday 19 November");
    g_free (s);
    s = nmf_day_text (t, t + day, NULL, NMF_DATE_US, NULL, TRUE);
    assert_string_equal (s, "on Thursday");
    g_free (s);
    s = nmf_day_text (t, t + 3600, NULL, NMF_DATE_US, NULL, TRUE);
    assert_string_equal (s, "today");
    g_free (s);
    s = nmf_day_text (t, t + week, NULL, NMF_DATE_US, "%-d.%-m.", FALSE);
    assert_string_equal (s, "19.11.");
    g_free (s);
    s = nmf_day_text (0, t, NULL, NMF_DATE_US, NULL, TRUE);
    assert_string_equal (s, "");
    g_free (s);
}

/* Without a role, the company is where the role is, not where the
 * conversation was: "about the role at Harbor", never "today at Harbor". */
static void
test_no_role (void **state)
{
    GHashTable *v = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree char *out = NULL;
    g_autofree char *why = NULL;
    int line;

    (void) state;
    put (v, "first_name", "Omar");
    put (v, "on_interview_day", "today");
    put (v, "company", "Harbor");
    put (v, "user_name", "Alex Morgan");
    assert_int_equal (nmf_render (nmf_render_builtin_variant ("thank-you", 0),
				  v, nmf_render_variables (), &out, &line,
				  &why),
		      NMF_OK);
    assert_non_null (strstr (out, "speaking with me today about the role at "
				  "Harbor."));
    g_hash_table_unref (v);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_cases),
	cmocka_unit_test (test_data_with_braces),
	cmocka_unit_test (test_builtin_thank_you),
	cmocka_unit_test (test_no_twin_sentences),
	cmocka_unit_test (test_day_text),
	cmocka_unit_test (test_no_role),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
