/* Unit tests of src/core/employer.c: which employer a message is with
 * (doc/design.md, "Which process a message joins"), as tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/employer.h"

static void
test_company_key (void **state)
{
    static const struct {
	const char *in, *want;
    } rows[] = {
	{ "Acme Robotics, Inc.", "acmerobotics" },
	{ "acme robotics", "acmerobotics" },
	{ "ACME ROBOTICS LLC", "acmerobotics" },
	{ "Nordlicht Mobility GmbH", "nordlichtmobility" },
	{ "Café Zürich AG", "cafezurich" },
	{ "Procter & Gamble Co.", "procter&gamble" },
	/* The only word stays, even when it reads like a suffix. */
	{ "Co", "co" },
	{ "", "" },
	{ NULL, "" },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	g_autofree char *got = nmf_company_key (rows[i].in);

	assert_string_equal (got, rows[i].want);
    }
}

static void
test_same_employer (void **state)
{
    static const struct {
	const char *why;
	const char *ca, *da, *ra, *cb, *db, *rb;
	gboolean same;
    } rows[] = {
	{ "one name, two spellings", "Acme Robotics, Inc.", NULL, NULL,
	  "acme robotics", NULL, NULL, TRUE },
	{ "names differ, one domain", "Acme", "acme.example", NULL,
	  "Acme Robotics", "acme.example", NULL, TRUE },
	{ "names differ, no domain", "Acme", NULL, NULL, "Globex", NULL, NULL,
	  FALSE },
	{ "nothing known", NULL, NULL, NULL, NULL, NULL, NULL, FALSE },
	{ "the same role said shorter", "Acme", NULL, "Senior Data Engineer",
	  "Acme", NULL, "Data Engineer", TRUE },
	{ "another role: another application", "Acme", NULL,
	  "Data Engineer", "Acme", NULL, "Product Designer", FALSE },
	{ "a role on one side only", "Acme", NULL, "Data Engineer", "Acme",
	  NULL, NULL, TRUE },
	{ "domains compare without case", NULL, "Acme.Example", NULL, NULL,
	  "acme.example", NULL, TRUE },
	{ "an empty name is no match", "", NULL, NULL, "", NULL, NULL, FALSE },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	gboolean got = nmf_same_employer (rows[i].ca, rows[i].da, rows[i].ra,
					  rows[i].cb, rows[i].db, rows[i].rb);

	if (got != rows[i].same)
	    print_error ("case '%s': %d\n", rows[i].why, got);
	assert_int_equal (got, rows[i].same);
    }
}

static void
test_employer_domain (void **state)
{
    static const struct {
	const char *from, *want;
    } rows[] = {
	{ "priya.shah@acme-robotics.example", "acme-robotics.example" },
	{ "Priya.Shah@Acme.Example", "acme.example" },
	{ "jo@gmail.com", NULL },
	{ "no-reply@acme.example", NULL },
	{ "notifications@greenhouse.io", NULL },
	{ NULL, NULL },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	struct nmf_message *m = nmf_message_new ();
	g_autofree char *got = NULL;

	if (rows[i].from) {
	    g_autofree char *lower = g_ascii_strdown (rows[i].from, -1);

	    m->from = nmf_address_new (NULL, lower);
	}
	got = nmf_employer_domain (m);
	if (rows[i].want)
	    assert_string_equal (got, rows[i].want);
	else
	    assert_null (got);
	nmf_message_free (&m);
    }
    assert_null (nmf_employer_domain (NULL));
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_company_key),
	cmocka_unit_test (test_same_employer),
	cmocka_unit_test (test_employer_domain),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
