/* Unit tests of src/io/fanout.c: children hand their output back in
 * order; a failing or crashing child reads as NULL, never as data. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "nmf/fanout.h"

/* Child k writes "slice k" and, for a big k, more than a pipe holds. */
static gboolean
say (guint k, GString *out, void *data)
{
    const guint *fail = data;

    if (fail && k == fail[0])
	return FALSE;
    if (fail && k == fail[1])
	raise (SIGKILL);
    g_string_append_printf (out, "slice %u", k);
    if (k == 3) {
	guint i;

	for (i = 0; i < 300000; i++)
	    g_string_append_c (out, 'x');
    }
    return TRUE;
}

static void
test_outputs (void **state)
{
    struct nmf_fanout *f;
    guint k;

    (void) state;
    f = nmf_fanout_start (4, say, NULL);
    /* The parent's slice (0) is no child's. */
    assert_null (nmf_fanout_collect (f, 0));
    for (k = 1; k < 4; k++) {
	g_autofree char *want = g_strdup_printf ("slice %u", k);
	GBytes *b = nmf_fanout_collect (f, k);
	gsize len;
	const char *p;

	assert_non_null (b);
	p = g_bytes_get_data (b, &len);
	assert_true (len >= strlen (want));
	assert_memory_equal (p, want, strlen (want));
	assert_int_equal (len, strlen (want) + (k == 3 ? 300000 : 0));
	g_bytes_unref (b);
	/* Collected once only. */
	assert_null (nmf_fanout_collect (f, k));
    }
    assert_null (nmf_fanout_collect (f, 4));
    nmf_fanout_free (f);
}

static void
test_failures (void **state)
{
    guint fail[2] = { 1, 2 };
    struct nmf_fanout *f;
    GBytes *b;

    (void) state;
    f = nmf_fanout_start (3, say, fail);
    assert_null (nmf_fanout_collect (f, 1));   /* returned FALSE */
    assert_null (nmf_fanout_collect (f, 2));   /* killed */
    nmf_fanout_free (f);

    /* One process: no children at all. */
    f = nmf_fanout_start (1, say, NULL);
    assert_null (nmf_fanout_collect (f, 1));
    nmf_fanout_free (f);

    /* Freed without collecting: the children are reaped, even one
     * whose output fills the pipe. */
    f = nmf_fanout_start (4, say, NULL);
    b = nmf_fanout_collect (f, 1);
    assert_non_null (b);
    g_bytes_unref (b);
    nmf_fanout_free (f);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_outputs),
	cmocka_unit_test (test_failures),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
