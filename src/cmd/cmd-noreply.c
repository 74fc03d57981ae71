/* cmd-noreply.c — threads that wait for a reply, any mail (DESIGN §3).
 *
 * One pass over the messages newest first: the first message seen of a
 * thread is its last word.  --awaiting=me: someone else wrote last and the
 * user has not answered (lists, bulk, automated mail and notes to self
 * left out); --awaiting=them: the user wrote last and nobody answered.
 * The index does the heavy lifting; only candidate messages' list headers
 * are read from their files, from the header block alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nmf/classify.h"
#include "nmf/fanout.h"
#include "nmf/log.h"
#include "nmf/mime.h"
#include "nmf/text.h"

enum { AWAIT_ME, AWAIT_THEM };

static const struct nmf_keyword awaiting_keywords[] = {
    { "me", AWAIT_ME },
    { "them", AWAIT_THEM },
    { NULL, 0 },
};

struct row {
    char *thread;
    gint64 date;
    char *from;
    char *to;
    char *subject;
};

static void
row_free (gpointer p)
{
    struct row *r = p;

    if (! r)
	return;
    g_free (r->thread);
    g_free (r->from);
    g_free (r->to);
    g_free (r->subject);
    g_free (r);
}

struct walk {
    const struct nmf_config *cfg;
    int awaiting;
    gint64 before;       /* only messages older than this (older-than) */
    GHashTable *seen;    /* threads whose last word was seen */
    GPtrArray *rows;
    GString *out;        /* in a child: its findings, for the parent */
};

/* The headers noreply reads from a message's file (notmuch stores none
 * of them). */
static const char *const file_headers[] = {
    "list-id", "list-unsubscribe", "list-post", "auto-submitted",
    "precedence", "x-autoreply", "x-autorespond", "sender", "content-class",
    "content-type", "to", NULL,
};

static const char *
hdr (GHashTable *h, const char *name)
{
    const char *v = h ? g_hash_table_lookup (h, name) : NULL;

    return v ? v : "";
}

/* The row for a thread's last word m, or NULL when it waits for nobody
 * (as --awaiting asks). */
static struct row *
judge (struct walk *w, struct nmf_dbmsg *m, const char *thread)
{
    const char *const *mine = nmf_config_user_emails (w->cfg);
    g_autoptr (GHashTable) h = NULL;
    g_autofree char *to = NULL;
    struct nmf_address *from;
    gboolean from_user;
    struct row *r;

    if (w->before && nmf_dbmsg_date (m) > w->before)
	return NULL;
    /* From is in the index; the rest only from the file's header block
     * (one small read, not a parse of the whole message). */
    from = nmf_mime_parse_address (nmf_dbmsg_header (m, "from"));
    if (! from)
	return NULL;
    from_user = nmf_address_in (from->addr, mine);
    if ((w->awaiting == AWAIT_ME) == from_user) {
	nmf_address_free (from);
	return NULL;
    }
    h = nmf_mime_read_headers (nmf_dbmsg_filename (m), file_headers);
    if (from_user) {
	/* A note to self awaits nobody. */
	g_autoptr (GPtrArray) rcpt = nmf_mime_parse_addresses (hdr (h, "to"));
	guint i;
	gboolean other = FALSE;

	for (i = 0; i < rcpt->len; i++) {
	    if (! nmf_address_in (rcpt->pdata[i], mine))
		other = TRUE;
	}
	if (! other) {
	    nmf_address_free (from);
	    return NULL;
	}
    } else if (nmf_expects_no_answer (h, from->addr,
				      nmf_dbmsg_header (m, "subject"))) {
	nmf_address_free (from);
	return NULL;
    }
    r = g_new0 (struct row, 1);
    r->thread = g_strdup (thread);
    r->date = nmf_dbmsg_date (m);
    r->from = from->name ? g_strdup_printf ("%s <%s>", from->name, from->addr)
			 : g_strdup (from->addr);
    to = nmf_mime_decode_header (hdr (h, "to"));
    r->to = nmf_text_one_line (to, 200);
    r->subject = nmf_text_one_line (nmf_dbmsg_header (m, "subject"), 200);
    nmf_address_free (from);
    return r;
}

/* A slice's findings as a child hands them back: for each thread whose
 * last word (in the slice) it saw, in order, NUL-terminated fields:
 * thread, "-" (waits for nobody) or "+" then date, from, to, subject. */
static void
put_field (GString *out, const char *s)
{
    g_string_append (out, s ? s : "");
    g_string_append_c (out, '\0');
}

static int
walk_cb (struct nmf_dbmsg *m, void *data)
{
    struct walk *w = data;
    const char *thread = nmf_dbmsg_thread (m);
    struct row *r;

    if (g_hash_table_contains (w->seen, thread))
	return 0;
    /* Drafts are nobody's last word yet. */
    if (nmf_dbmsg_has_tag (m, "draft"))
	return 0;
    g_hash_table_add (w->seen, g_strdup (thread));
    r = judge (w, m, thread);
    if (w->out) {
	put_field (w->out, thread);
	if (r) {
	    g_autofree char *date = g_strdup_printf ("%" G_GINT64_FORMAT,
						     r->date);

	    put_field (w->out, "+");
	    put_field (w->out, date);
	    put_field (w->out, r->from);
	    put_field (w->out, r->to);
	    put_field (w->out, r->subject);
	    row_free (r);
	} else {
	    put_field (w->out, "-");
	}
    } else if (r) {
	g_ptr_array_add (w->rows, r);
    }
    return 0;
}

/* The next NUL-terminated field at *p, or NULL when there is none. */
static const char *
next_field (const char **p, const char *end)
{
    const char *f = *p;
    const char *z = f < end ? memchr (f, '\0', (gsize) (end - f)) : NULL;

    if (! z)
	return NULL;
    *p = z + 1;
    return f;
}

/* Take a child's findings after the slices before it: a thread already
 * seen there had its last word earlier.  FALSE when they do not parse
 * (nothing is taken then). */
static gboolean
merge (struct walk *w, GBytes *b)
{
    gsize len;
    const char *start = g_bytes_get_data (b, &len);
    const char *end = start + len;
    g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
    g_autoptr (GPtrArray) threads = g_ptr_array_new ();
    const char *p;
    guint i;

    /* Check the whole first, then take it. */
    for (p = start; p < end;) {
	const char *thread = next_field (&p, end);
	const char *mark = next_field (&p, end);
	struct row *r = NULL;

	if (! thread || ! mark)
	    return FALSE;
	if (strcmp (mark, "+") == 0) {
	    const char *date = next_field (&p, end);
	    const char *from = next_field (&p, end);
	    const char *to = next_field (&p, end);
	    const char *subject = next_field (&p, end);

	    if (! subject)
		return FALSE;
	    r = g_new0 (struct row, 1);
	    r->thread = g_strdup (thread);
	    r->date = g_ascii_strtoll (date, NULL, 10);
	    r->from = g_strdup (from);
	    r->to = g_strdup (to);
	    r->subject = g_strdup (subject);
	} else if (strcmp (mark, "-") != 0) {
	    return FALSE;
	}
	g_ptr_array_add (threads, (gpointer) thread);
	g_ptr_array_add (rows, r);
    }
    for (i = 0; i < threads->len; i++) {
	const char *thread = threads->pdata[i];

	if (g_hash_table_contains (w->seen, thread))
	    continue;
	g_hash_table_add (w->seen, g_strdup (thread));
	if (rows->pdata[i])
	    g_ptr_array_add (w->rows, g_steal_pointer (&rows->pdata[i]));
    }
    return TRUE;
}

/* The whole walk: with more than PARALLEL_FROM messages and more than
 * one processor, the newest-first order is cut in slices, one per
 * process (the parent takes the newest); looking up each message's
 * thread (Xapian's term lists) is most of the time and divides well. */
#define PARALLEL_FROM 10000
#define MAX_WORKERS 4

struct slices {
    struct walk *w;        /* the parent's, for settings */
    const char *query;
    unsigned long revision;
    unsigned total, n;
};

static void
slice_bounds (const struct slices *sl, guint k, unsigned *first,
	      unsigned *count)
{
    *first = (unsigned) ((guint64) sl->total * k / sl->n);
    /* The last slice goes to the end (the count may have grown). */
    *count = k + 1 == sl->n
		 ? G_MAXUINT
		 : (unsigned) ((guint64) sl->total * (k + 1) / sl->n) - *first;
}

/* In a child: a database of its own, at the parent's revision (else the
 * slices would not fit together: the parent then does this one). */
static gboolean
child_slice (guint k, GString *out, void *data)
{
    const struct slices *sl = data;
    struct nmf_config cfg;
    struct nmf_db *db = NULL;
    struct walk w = *sl->w;
    unsigned first, count;
    gboolean ok;
    const char *fail = g_getenv ("NMF_TEST_SLICE_FAIL");

    if (fail && (guint) atoi (fail) == k)
	return FALSE;
    if (nmf_open_db (NMF_DB_READ_ONLY, &cfg, &db))
	return FALSE;
    w.cfg = &cfg;
    w.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    w.rows = NULL;
    w.out = out;
    slice_bounds (sl, k, &first, &count);
    ok = nmf_db_revision (db, NULL) == sl->revision
	 && nmf_db_each_message_newest_slice (db, sl->query, first, count,
					      walk_cb, &w)
		== NMF_OK;
    g_hash_table_unref (w.seen);
    nmf_db_close (&db);
    nmf_config_release (&cfg);
    return ok;
}

static enum nmf_status
walk_all (struct nmf_db *db, const char *query, struct walk *w)
{
    struct slices sl = { w, query, 0, 0, 1 };
    struct nmf_fanout *f = NULL;
    enum nmf_status st = NMF_OK;
    guint k;

    /* The tests cut even a small mailbox, in as many slices as they ask
     * (NMF_TEST_SLICES), and can make one child fail (NMF_TEST_SLICE_FAIL):
     * the output must not change. */
    const char *test = g_getenv ("NMF_TEST_SLICES");
    unsigned from = test ? 0 : PARALLEL_FROM;

    sl.n = test ? (guint) CLAMP (atoi (test), 1, 16)
		: MIN (g_get_num_processors (), MAX_WORKERS);
    if (sl.n > 1 && nmf_db_count (db, query, &sl.total) == NMF_OK
	&& sl.total > from) {
	sl.revision = nmf_db_revision (db, NULL);
	f = nmf_fanout_start (sl.n, child_slice, &sl);
    } else {
	sl.n = 1;
	sl.total = 0;
    }
    for (k = 0; k < sl.n && st == NMF_OK; k++) {
	g_autoptr (GBytes) b = k ? nmf_fanout_collect (f, k) : NULL;
	unsigned first, count;

	if (b && merge (w, b))
	    continue;
	/* The parent's own slice, or a child's that did not come back. */
	slice_bounds (&sl, k, &first, &count);
	st = nmf_db_each_message_newest_slice (db, query, first, count,
					       walk_cb, w);
    }
    nmf_fanout_free (f);
    return st;
}

static gint
oldest_first (gconstpointer a, gconstpointer b)
{
    const struct row *x = *(const struct row *const *) a;
    const struct row *y = *(const struct row *const *) b;

    return (x->date > y->date) - (x->date < y->date);
}

static int noreply_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_noreply = {
    .name = "noreply",
    .summary = "threads (any mail) still waiting for an answer",
    .args = "[QUERY]",
    .about = "Threads where the other side wrote last and you have not answered\n"
	     "(--awaiting=me, the default), or where you wrote last and nobody\n"
	     "answered (--awaiting=them), oldest first, with their age in days,\n"
	     "of the last 30 days (before --older-than's) unless --since or --all\n"
	     "says otherwise.  Lists, bulk and automated mail, auto-replies,\n"
	     "calendar and tracking-system notices and no-reply senders wait for\n"
	     "no answer.  QUERY narrows the search (notmuch syntax: tag:work,\n"
	     "from:example.com).\n",
    .shared = NMF_SHARE_FORMAT | NMF_SHARE_NOW,
    .need = NMF_NEED_READ,
    .max_args = G_MAXUINT,
    .main = noreply_main,
};

static int
noreply_main (int argc, char **argv)
{
    int awaiting = AWAIT_ME, older = 0, everything = 0;
    const char *since = NULL;
    const struct nmf_opt opts[] = {
	{ "awaiting", NMF_OPT_KEYWORD, &awaiting, awaiting_keywords, NULL,
	  "whose answer is missing (default me)" },
	{ "older-than", NMF_OPT_INT, &older, NULL, "N",
	  "only threads waiting more than N days" },
	{ "since", NMF_OPT_STRING, &since, NULL, "DAYS|DATE",
	  "only threads whose last word came since then:\n"
	  "a number of days (default 30) or a date" },
	{ "all", NMF_OPT_BOOL, &everything, NULL, NULL,
	  "every thread, however old" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    g_autofree char *query = NULL;
    g_autofree char *joined = NULL;
    struct walk w = { 0 };
    struct nmf_frame f;
    GPtrArray *args;
    gint64 now, from = 0;
    int format;
    guint i;
    int ret = nmf_frame_open (&f, &nmf_cmd_noreply, opts, argc, argv);

    if (ret >= 0)
	return ret;
    args = f.args;
    now = f.now;
    format = f.format;
    /* The window: the last 30 days unless told otherwise. */
    if (everything && since)
	return nmf_frame_close (&f, nmf_frame_usage_error (
					&f, "--since and --all exclude each "
					    "other"));
    if (! everything) {
	/* --older-than=N without --since: the 30 days before those N. */
	if (! since)
	    from = now - (30 + (gint64) older) * 86400;
	else if (*since && strspn (since, "0123456789") == strlen (since))
	    from = now - g_ascii_strtoll (since, NULL, 10) * 86400;
	else if (! nmf_frame_time (&f, "--since", since, &from, NULL))
	    return nmf_frame_close (&f, NMF_EXIT_ERROR);
    }
    g_ptr_array_add (args, NULL);
    joined = g_strjoinv (" ", (char **) args->pdata);
    /* Messages after "now" (a --now in the past) are not seen yet. */
    /* ("(*)" is no "everything" to Xapian: a range alone is.) */
    query = g_strdup_printf ("%s%s%sdate:@%" G_GINT64_FORMAT
			     "..@%" G_GINT64_FORMAT,
			     *joined ? "(" : "", joined, *joined ? ") AND " : "",
			     MAX (from, 0), now);
    w.cfg = &f.cfg;
    w.awaiting = awaiting;
    w.before = older ? now - (gint64) older * 86400 : 0;
    w.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    w.rows = g_ptr_array_new_with_free_func (row_free);
    if (walk_all (f.db, query, &w)) {
	g_hash_table_unref (w.seen);
	g_ptr_array_unref (w.rows);
	return nmf_frame_close (&f, NMF_EXIT_ERROR);
    }
    g_ptr_array_sort (w.rows, oldest_first);

    if (format == NMF_FORMAT_JSON) {
	struct nmf_printer *p = nmf_printer_new (NMF_FORMAT_JSON, stdout);

	p->begin_list (p);
	for (i = 0; i < w.rows->len; i++) {
	    const struct row *r = w.rows->pdata[i];

	    p->begin_map (p);
	    nmf_printer_kv_string (p, "thread", r->thread);
	    nmf_printer_kv_time (p, "date", r->date);
	    nmf_printer_kv_int (p, "age_days", (now - r->date) / 86400);
	    nmf_printer_kv_string (p, "from", r->from);
	    nmf_printer_kv_string (p, "to", r->to);
	    nmf_printer_kv_string (p, "subject", r->subject);
	    nmf_printer_kv_string (p, "awaiting",
				   awaiting == AWAIT_ME ? "me" : "them");
	    p->end (p);
	}
	p->end (p);
	p->finish (p);
	nmf_printer_free (&p);
    } else {
	for (i = 0; i < w.rows->len; i++) {
	    const struct row *r = w.rows->pdata[i];
	    g_autoptr (GDateTime) d = g_date_time_new_from_unix_utc (r->date);
	    g_autofree char *day = g_date_time_format (d, "%Y-%m-%d");
	    g_autofree char *who = nmf_text_one_line (
		awaiting == AWAIT_ME ? r->from : r->to, 32);
	    g_autofree char *subj = nmf_text_one_line (r->subject, 50);

	    printf ("%4" G_GINT64_FORMAT "d  %s  %-32s  %-50s  thread:%s\n",
		    (now - r->date) / 86400, day, who, subj, r->thread);
	}
    }
    g_hash_table_unref (w.seen);
    g_ptr_array_unref (w.rows);
    return nmf_frame_close (&f, NMF_EXIT_OK);
}
