/* fanout.h — a piece of read-only work split across child processes.
 *
 * libnotmuch makes no promise about threads, even with one database
 * object per thread; a forked child with a database of its own is
 * independent for certain.  A command that walks the whole index
 * (noreply) gives each child a slice: the child does its part, hands its
 * findings back as bytes and exits; the parent does its own slice
 * meanwhile and then collects.  A child that fails (no fork, an error, a
 * crash) is reported as such, and the parent does that slice itself:
 * the answer never depends on the children.
 */
#ifndef NMF_FANOUT_H
#define NMF_FANOUT_H

#include <glib.h>

struct nmf_fanout;

/* In child k (1 .. n-1): append the findings to out; FALSE on failure. */
typedef gboolean (*nmf_fanout_fn) (guint k, GString *out, void *data);

/* Start n - 1 children running fn.  Returns in the parent only.  The
 * parent's stdio buffers are flushed first (a child never flushes them
 * again: it leaves with _exit). */
struct nmf_fanout *
nmf_fanout_start (guint n, nmf_fanout_fn fn, void *data);

/* Wait for child k and return what it wrote (g_bytes_unref), or NULL
 * when it could not run or did not succeed. */
GBytes *
nmf_fanout_collect (struct nmf_fanout *f, guint k);

/* Reap the children not collected and free. */
void
nmf_fanout_free (struct nmf_fanout *f);

#endif
