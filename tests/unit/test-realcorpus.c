/* Robustness: every message of the shared real-world corpus
 * (../shared/corpus/real/: parser torture, charsets, calendar invites,
 * bounces, S/MIME, deep nesting) goes through the GMime adapter, the
 * classifier and the extractor without a crash, a leak (make check-asan)
 * or invalid output.  Set NMF_REAL_CORPUS to use another directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/classify.h"
#include "nmf/extract.h"
#include "nmf/mime.h"

#include "mime-setup.h"

static const char *const users[] = { "alex.morgan@example.net", NULL };

struct counts {
    unsigned files, parsed, failed, events, kinds[8];
    gint64 worst_us;
    char *worst;
};

static void
check_utf8 (const char *what, const char *s)
{
    if (s && ! g_utf8_validate (s, -1, NULL))
	fail_msg ("%s is not valid UTF-8", what);
}

static void
one (struct counts *n, const char *path)
{
    struct nmf_message *m = NULL;
    struct nmf_classification c;
    struct nmf_extract x;
    char *why = NULL;
    gint64 t0 = g_get_monotonic_time ();
    gint64 took;
    guint i;

    n->files++;
    if (nmf_mime_parse_file (path, &m, &why)) {
	n->failed++;
	/* A failure names a reason. */
	assert_non_null (why);
	g_free (why);
	return;
    }
    n->parsed++;
    n->events += m->events->len;
    check_utf8 ("subject", m->subject);
    check_utf8 ("body", m->body);
    check_utf8 ("quoted", m->quoted);
    check_utf8 ("signature", m->signature);
    assert_null (strchr (m->subject, '\n'));
    nmf_classify_message (m, users, &c);
    nmf_extract_message (m, users, &x);
    n->kinds[c.kind]++;
    assert_true (c.confidence >= 0 && c.confidence <= 1);
    for (i = 0; i < c.evidence->len; i++)
	check_utf8 ("evidence", c.evidence->pdata[i]);
    check_utf8 ("company", x.company);
    check_utf8 ("role", x.role);
    for (i = 0; i < x.people->len; i++) {
	const struct nmf_person *p = x.people->pdata[i];

	check_utf8 ("person", p->name);
	assert_null (strchr (p->addr, '\n'));
    }
    nmf_classification_release (&c);
    nmf_extract_release (&x);
    nmf_message_free (&m);
    took = g_get_monotonic_time () - t0;
    if (took > n->worst_us) {
	n->worst_us = took;
	g_free (n->worst);
	n->worst = g_strdup (path);
    }
}

static void
walk (struct counts *n, const char *dir)
{
    GDir *d = g_dir_open (dir, 0, NULL);
    const char *name;

    if (! d)
	return;
    while ((name = g_dir_read_name (d))) {
	g_autofree char *path = g_build_filename (dir, name, NULL);

	if (g_file_test (path, G_FILE_TEST_IS_DIR))
	    walk (n, path);
	else if (! g_str_has_suffix (name, ".md")
		 && strcmp (name, "README") != 0)
	    one (n, path);
    }
    g_dir_close (d);
}

static void
test_real_corpus (void **state)
{
    const char *dir = g_getenv ("NMF_REAL_CORPUS");
    struct counts n = { 0 };
    int k;

    (void) state;
    if (! dir)
	dir = "../shared/corpus/real";
    if (! g_file_test (dir, G_FILE_TEST_IS_DIR))
	fail_msg ("the real-world corpus '%s' is missing (it lives in "
		  "shared/ beside the project; set NMF_REAL_CORPUS)", dir);
    walk (&n, dir);
    printf ("real corpus: %u files, %u parsed, %u refused with a reason, "
	    "%u calendar events; slowest %.1f ms (%s)\n",
	    n.files, n.parsed, n.failed, n.events, n.worst_us / 1000.0,
	    n.worst ? n.worst : "-");
    printf ("  kinds:");
    for (k = 0; k < 8; k++)
	if (n.kinds[k])
	    printf (" %s=%u", nmf_kind_to_string (k), n.kinds[k]);
    printf ("\n");
    g_free (n.worst);
    assert_true (n.files >= 500);
    assert_true (n.parsed >= n.files * 9 / 10);
}


int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_real_corpus),
    };

    return cmocka_run_group_tests (tests, mime_setup, mime_teardown);
}
