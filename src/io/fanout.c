/* fanout.c — child processes for slices of read-only work (fanout.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nmf/fanout.h"

struct child {
    pid_t pid;   /* 0: not running (fork failed, or collected) */
    int fd;      /* read end of its pipe, -1 when none */
};

struct nmf_fanout {
    guint n;
    struct child *c;   /* c[1 .. n-1] */
};

static gboolean
write_all (int fd, const char *p, gsize len)
{
    while (len) {
	ssize_t w = write (fd, p, len);

	if (w < 0 && errno == EINTR)
	    continue;
	if (w <= 0)
	    return FALSE;
	p += w;
	len -= (gsize) w;
    }
    return TRUE;
}

/* The child's side: never returns. */
static void G_GNUC_NORETURN
run_child (guint k, int fd, nmf_fanout_fn fn, void *data)
{
    GString *out = g_string_new (NULL);
    gboolean ok = fn (k, out, data);

    /* All at the end: the parent reads only after its own slice, and a
     * full pipe must not hold the child up meanwhile. */
    ok = ok && write_all (fd, out->str, out->len);
    _exit (ok ? 0 : 1);
}

struct nmf_fanout *
nmf_fanout_start (guint n, nmf_fanout_fn fn, void *data)
{
    struct nmf_fanout *f = g_new0 (struct nmf_fanout, 1);
    pid_t parent = getpid ();
    guint k;

    f->n = n;
    f->c = g_new0 (struct child, MAX (n, 1));
    for (k = 0; k < MAX (n, 1); k++)
	f->c[k].fd = -1;
    fflush (NULL);
    for (k = 1; k < n; k++) {
	int p[2];
	pid_t pid;

	if (pipe (p) < 0)
	    continue;
	pid = fork ();
	if (pid == 0) {
	    guint j;

	    /* Gone with the parent (killed, interrupted): no orphan goes on
	     * reading the database for nobody. */
	    prctl (PR_SET_PDEATHSIG, SIGKILL);
	    if (getppid () != parent)
		_exit (1);
	    close (p[0]);
	    /* Not its business: its siblings' pipes. */
	    for (j = 1; j < k; j++) {
		if (f->c[j].fd >= 0)
		    close (f->c[j].fd);
	    }
	    run_child (k, p[1], fn, data);
	}
	close (p[1]);
	if (pid < 0) {
	    close (p[0]);
	    continue;
	}
	f->c[k].pid = pid;
	f->c[k].fd = p[0];
    }
    return f;
}

static gboolean
reap (struct child *c)
{
    int status = 0;
    pid_t r;

    do
	r = waitpid (c->pid, &status, 0);
    while (r < 0 && errno == EINTR);
    c->pid = 0;
    return r > 0 && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

GBytes *
nmf_fanout_collect (struct nmf_fanout *f, guint k)
{
    struct child *c;
    GByteArray *buf;
    gboolean ok = TRUE;
    guint8 chunk[65536];

    if (! f || k == 0 || k >= f->n || ! f->c[k].pid)
	return NULL;
    c = &f->c[k];
    buf = g_byte_array_new ();
    for (;;) {
	ssize_t r = read (c->fd, chunk, sizeof chunk);

	if (r < 0 && errno == EINTR)
	    continue;
	if (r < 0)
	    ok = FALSE;
	if (r <= 0)
	    break;
	g_byte_array_append (buf, chunk, (guint) r);
    }
    close (c->fd);
    c->fd = -1;
    if (! reap (c) || ! ok) {
	g_byte_array_unref (buf);
	return NULL;
    }
    return g_byte_array_free_to_bytes (buf);
}

void
nmf_fanout_free (struct nmf_fanout *f)
{
    guint k;

    if (! f)
	return;
    for (k = 1; k < f->n; k++) {
	if (f->c[k].fd >= 0)
	    close (f->c[k].fd);
	/* A child whose pipe is closed gets EPIPE (or SIGPIPE) on its
	 * write and leaves. */
	if (f->c[k].pid)
	    reap (&f->c[k]);
    }
    g_free (f->c);
    g_free (f);
}
