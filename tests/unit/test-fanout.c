/* Unit tests of src/io/fanout.c: children hand their output back in
 * order; a failing or crashing child reads as NULL, never as data. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
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

/* Child k=1 tells its pid through the pipe, then waits for long. */
static gboolean
linger (guint k, GString *out, void *data)
{
    const int *fd = data;
    pid_t me = getpid ();

    (void) k;
    (void) out;
    if (write (*fd, &me, sizeof me) != sizeof me)
	return FALSE;
    sleep (30);
    return TRUE;
}

/* Dead, or a zombie nobody has reaped yet. */
static gboolean
gone (pid_t pid)
{
    g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
    g_autofree char *stat = NULL;
    const char *close_paren;

    if (! g_file_get_contents (path, &stat, NULL, NULL))
	return TRUE;
    close_paren = strrchr (stat, ')');
    return close_paren && close_paren[1] == ' ' && close_paren[2] == 'Z';
}

/* A child does not outlive its parent: killed or interrupted, the parent
 * takes its children with it. */
static void
test_parent_dies (void **state)
{
    int p[2];
    pid_t parent, child = 0;
    int i;

    (void) state;
    assert_int_equal (pipe (p), 0);
    parent = fork ();
    assert_true (parent >= 0);
    if (parent == 0) {
	close (p[0]);
	nmf_fanout_start (2, linger, &p[1]);
	sleep (30);   /* killed long before */
	_exit (0);
    }
    close (p[1]);
    assert_int_equal (read (p[0], &child, sizeof child), sizeof child);
    close (p[0]);
    kill (parent, SIGKILL);
    waitpid (parent, NULL, 0);
    for (i = 0; i < 500 && ! gone (child); i++)
	g_usleep (10000);
    assert_true (gone (child));
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_outputs),
	cmocka_unit_test (test_failures),
	cmocka_unit_test (test_parent_dies),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
