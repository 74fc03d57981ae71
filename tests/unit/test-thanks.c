/* Unit tests of src/core/thanks.c: what the thank-you to one person of a
 * panel says that is theirs alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/extract.h"
#include "nmf/thanks.h"

/* A process with one round of "Name|addr" people ("Name|" for someone
 * named without an address). */
static struct nmf_process *
panel (const char *const *people)
{
    struct nmf_process *p = nmf_process_new ("p1");
    g_autoptr (GPtrArray) who = g_ptr_array_new_with_free_func (
	(GDestroyNotify) (void (*) (void)) nmf_person_free);
    gsize i;

    for (i = 0; people[i]; i++) {
	g_auto (GStrv) nv = g_strsplit (people[i], "|", 2);

	g_ptr_array_add (who, nmf_person_new (nv[0], nv[1], NULL));
    }
    nmf_process_add_round (p, 1794938400, 1794942000, who);
    return p;
}

static GHashTable *
set_of (const char *words)
{
    GHashTable *s = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
					   NULL);
    g_auto (GStrv) each = g_strsplit (words, " ", -1);
    guint i;

    for (i = 0; each[i]; i++) {
	if (*each[i])
	    g_hash_table_add (s, g_strdup (each[i]));
    }
    return s;
}

static const char *const three[] = {
    "Ben Ortega|ben@x.example", "Rachel Green|", "Jenna Alvarez|jenna@x.example",
    "Priyanka Shah|priyanka@x.example", NULL,
};

static void
test_variant_and_others (void **state)
{
    struct nmf_process *p = panel (three);
    const struct nmf_round *r = p->rounds->pdata[0];
    g_autofree char *ben = nmf_thanks_others (r, "ben@x.example");
    g_autofree char *pri = nmf_thanks_others (r, "priyanka@x.example");

    (void) state;
    /* Someone without an address gets no draft and takes no wording. */
    assert_int_equal (nmf_thanks_variant (r, "ben@x.example"), 0);
    assert_int_equal (nmf_thanks_variant (r, "jenna@x.example"), 1);
    assert_int_equal (nmf_thanks_variant (r, "PRIYANKA@x.example"), 2);
    assert_int_equal (nmf_thanks_variant (r, "nobody@x.example"), 0);
    assert_int_equal (nmf_thanks_variant (NULL, "ben@x.example"), 0);
    assert_string_equal (ben, "Rachel Green, Jenna Alvarez and Priyanka Shah");
    assert_string_equal (pri, "Ben Ortega, Rachel Green and Jenna Alvarez");
    nmf_process_free (&p);
}

static void
test_note_holder (void **state)
{
    static const struct {
	const char *why;
	const char *writing;  /* thank-yous due or drafted */
	const char *noted;    /* people with a note of their own */
	const char *want;     /* NULL: nobody */
    } rows[] = {
	{ "the first of the panel", "ben@x.example jenna@x.example "
	  "priyanka@x.example", "", "ben@x.example" },
	{ "the first has a note of their own", "ben@x.example jenna@x.example "
	  "priyanka@x.example", "ben@x.example", "jenna@x.example" },
	{ "the first was thanked by hand", "jenna@x.example priyanka@x.example",
	  "", "jenna@x.example" },
	{ "each has a note of their own", "ben@x.example jenna@x.example",
	  "ben@x.example jenna@x.example", NULL },
	{ "nobody is thanked", "", "", NULL },
    };
    struct nmf_process *p = panel (three);
    const struct nmf_round *r = p->rounds->pdata[0];
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	g_autoptr (GHashTable) w = set_of (rows[i].writing);
	g_autoptr (GHashTable) n = set_of (rows[i].noted);
	const char *got = nmf_thanks_note_holder (r, w, n);

	if (g_strcmp0 (got, rows[i].want) != 0)
	    fail_msg ("%s: want %s, got %s", rows[i].why,
		      rows[i].want ? rows[i].want : "nobody",
		      got ? got : "nobody");
    }
    nmf_process_free (&p);
}

static void
test_note_sentence (void **state)
{
    static const char *const rows[][2] = {
	{ "we talked about your move to Rust",
	  "We talked about your move to Rust." },
	{ "Loved the demo!", "Loved the demo!" },
	{ "  two\n lines  ", "Two lines." },
	{ "écoute", "Écoute." },
	{ "", "" },
	{ NULL, "" },
    };
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	g_autofree char *got = nmf_note_sentence (rows[i][0]);

	assert_string_equal (got, rows[i][1]);
    }
}

static void
test_part_phrase (void **state)
{
    static const char *const rows[][2] = {
	{ "System Design", "the system design session" },
	{ "Coding exercise", "the coding exercise" },
	{ "SQL review", "the SQL review" },
	{ "Pairing", "the pairing session" },
	{ "Culture chat", "the culture chat" },
	{ "Hiring Manager Interview", "the hiring manager interview" },
	{ NULL, "" },
    };
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	g_autofree char *got = nmf_part_phrase (rows[i][0]);

	assert_string_equal (got, rows[i][1]);
    }
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_variant_and_others),
	cmocka_unit_test (test_note_holder),
	cmocka_unit_test (test_note_sentence),
	cmocka_unit_test (test_part_phrase),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
