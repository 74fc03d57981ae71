/* cmd-scan.c — what the post-new hook runs (DESIGN §3 scan).
 *
 * 1. Candidates: messages changed since the last run (notmuch lastmod)
 *    that the index says may be about interviews; only those are parsed.
 * 2. Each candidate is classified; a convincing invitation starts or
 *    feeds a process, stored as message properties.
 * 3. Every open process is evaluated at "now": its threads get the
 *    interview tag and exactly one state tag, and due drafts are written.
 * 4. The revision reached is stored, so the next run starts there.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "nmf/classify.h"
#include "nmf/drafter.h"
#include "nmf/employer.h"
#include "nmf/extract.h"
#include "nmf/join.h"
#include "nmf/log.h"
#include "nmf/maildir.h"
#include "nmf/mime.h"
#include "nmf/procstore.h"

/* DESIGN §8: the index finds candidates; only they are parsed.
 *
 * Phase 1: what the classifier needs to see before a message can start
 * or join a process (nmf_classify_prefilter_query: job context or an ATS
 * sender, and a word of an invitation, meeting, rejection or offer; each
 * of its phrases stands for one of its words, so the query is a superset
 * of what the classifier would take); calendar parts (the index does not
 * see inside them); every message of a thread that already belongs to a
 * process.
 * Phase 2: every other message in range of the threads that phase 1 tied
 * to a process — the user's "that time works for me" or the recruiter's
 * "see you then" need none of those words, and their thread may have
 * joined a process only in this very run.  A message in no such thread
 * cannot join a process (learn() gives one to a message without the
 * words only through its thread), so parsing it would change nothing:
 * `scan --no-prefilter` parses everything and must agree exactly
 * (tests/e2e/T180-prefilter.sh).
 *
 * The query costs Xapian a few tens of milliseconds whatever the range
 * (its common words have long posting lists), more than parsing a few
 * hundred messages: a range of at most PARSE_WHOLE_RANGE changed
 * messages (the hook after a normal `notmuch new`) is parsed whole. */
#define PARSE_WHOLE_RANGE 200

static char *
prefilter_query (void)
{
    g_autofree char *words = nmf_classify_prefilter_query ();

    return g_strdup_printf ("(mimetype:text/calendar OR "
			    "mimetype:application/ics OR attachment:ics OR "
			    "thread:{%s} OR %s)",
			    nmf_store_query_members (), words);
}

/* Threads per phase-2 query. */
#define THREADS_PER_QUERY 200

struct scan {
    struct nmf_engine e;    /* db, cfg, now, dry_run, report, ... */
    int quiet;
    int no_prefilter;       /* parse everything in range */
    char *range;            /* "lastmod:A..B", NULL: every message */
    unsigned long span;     /* B - A + 1: at least the changed messages */
    gboolean whole;         /* this run looks at every message */
    /* When the walk over the range visits every changed message (a
     * range parsed whole), it also notes what evaluate_all() would
     * otherwise ask the index for, range query by range query (each a
     * scan of the lastmod values of the whole database): */
    gboolean walked;        /* the notes below are complete */
    GPtrArray *range_pids;  /* processes of changed member or tagged mail */
    GPtrArray *range_rcpt;  /* recipients of the user's changed mail */
    GPtrArray *candidates;  /* of struct job * */
    GHashTable *seen;       /* the ids in candidates (borrowed) */
    GHashTable *thread_pid; /* thread id -> stored process id or NULL */
    GPtrArray *facts;       /* of struct nmf_fact *: learned this run */
    unsigned parsed;
};

static void
fact_free_cb (gpointer p)
{
    nmf_fact_free (p);
}

struct pending;

/* One candidate on its way through learn(): what the index says (main
 * thread), then the parsed and classified message (any thread). */
struct job {
    char *id;
    char *file;
    char *thread;
    char *pid;                 /* the message's process, may be NULL */
    gint64 date;
    gboolean skip;             /* not input: no file to read */
    const char *const *user_emails;
    enum nmf_status st;        /* of the parse */
    char *why;
    struct nmf_message *msg;
    struct nmf_classification c;
    gboolean classified;
    struct pending *pending;   /* of its chunk, when read by the pool */
};

/* Everything but the id (the key of scan.seen). */
static void
job_clear (struct job *j)
{
    g_clear_pointer (&j->file, g_free);
    g_clear_pointer (&j->thread, g_free);
    g_clear_pointer (&j->pid, g_free);
    g_clear_pointer (&j->why, g_free);
    if (j->classified)
	nmf_classification_release (&j->c);
    j->classified = FALSE;
    nmf_message_free (&j->msg);
    j->skip = TRUE;
}

static void
job_free (gpointer p)
{
    struct job *j = p;

    job_clear (j);
    g_free (j->id);
    g_free (j);
}

/* Main thread, while the query that found the candidate walks: what
 * the index knows of it (the message's metadata is loaded then anyway). */
static struct job *
job_new (struct scan *s, struct nmf_dbmsg *m)
{
    struct job *j = g_new0 (struct job, 1);

    j->id = g_strdup (nmf_dbmsg_id (m));
    j->user_emails = nmf_config_user_emails (&s->e.cfg);
    /* Our own drafts are never input; the user's drafts are no mail
     * yet.  The user said this thread is no interview: never again. */
    j->skip = nmf_store_draft_key (m)
	      || nmf_dbmsg_has_tag (m, "draft")
	      || nmf_store_is_ignored (m);
    if (j->skip)
	return j;
    j->file = g_strdup (nmf_dbmsg_filename (m));
    j->thread = g_strdup (nmf_dbmsg_thread (m));
    j->date = nmf_dbmsg_date (m);
    j->pid = g_strdup (nmf_store_process_of (m));
    return j;
}

static void add_pid (GPtrArray *pids, const char *pid);
static int recipients_cb (struct nmf_dbmsg *m, void *data);

/* The notes of a walk over the whole range (see scan.walked): what
 * evaluate_all()'s range queries would find of this message. */
static void
note_changed (struct scan *s, struct nmf_dbmsg *m)
{
    const char *pid = nmf_store_process_of (m);
    g_autoptr (GPtrArray) from
	= nmf_mime_parse_addresses (nmf_dbmsg_header (m, "from"));
    guint i;

    if (pid && *pid
	&& (nmf_store_is_member (m)
	    || nmf_dbmsg_has_tag (m, "followup")))
	add_pid (s->range_pids, pid);
    /* Mail from the user: any From address of theirs (as the query
     * from:"address" would find it). */
    for (i = 0; i < from->len; i++) {
	if (nmf_address_in (from->pdata[i],
			    nmf_config_user_emails (&s->e.cfg))) {
	    recipients_cb (m, s->range_rcpt);
	    break;
	}
    }
}

static int
collect_cb (struct nmf_dbmsg *m, void *data)
{
    struct scan *s = data;
    struct job *j;

    if (s->range_pids)
	note_changed (s, m);
    if (g_hash_table_contains (s->seen, nmf_dbmsg_id (m)))
	return 0;
    j = job_new (s, m);
    g_ptr_array_add (s->candidates, j);
    g_hash_table_add (s->seen, j->id);
    return 0;
}

/* Where this run looks: sets s->range (NULL: everywhere).  FALSE when
 * nothing changed since the last scan. */
static gboolean
find_range (struct scan *s, int all)
{
    const char *uuid = NULL;
    unsigned long rev = nmf_db_revision (s->e.db, &uuid);
    g_autofree char *stored = nmf_db_get_state (s->e.db, NMF_DB_KEY_LASTMOD);
    g_auto (GStrv) parts = NULL;
    unsigned long last;

    s->range = NULL;
    s->whole = TRUE;
    if (all || ! stored)
	return TRUE;
    parts = g_strsplit (stored, " ", 2);
    /* A different database (restored, recreated): start over. */
    if (! parts[0] || ! parts[1] || strcmp (parts[0], uuid) != 0)
	return TRUE;
    s->whole = FALSE;
    last = strtoul (parts[1], NULL, 10);
    if (last >= rev)
	return FALSE;
    s->range = g_strdup_printf ("lastmod:%lu..%lu", last + 1, rev);
    s->span = rev - last;
    return TRUE;
}

/* "RANGE AND (WHAT)", or WHAT alone; "*" stands for everything (it is
 * special to notmuch only as the whole query).  g_free. */
static char *
in_range (const struct scan *s, const char *what)
{
    if (! s->range)
	return g_strdup (what ? what : "*");
    if (! what)
	return g_strdup (s->range);
    return g_strdup_printf ("%s AND %s", s->range, what);
}

/* Phase 2: collect the messages in range of the threads this run tied to
 * a process that phase 1 did not name.  Returns nonzero on a database
 * error. */
static int
collect_thread_mates (struct scan *s)
{
    g_autoptr (GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr (GString) q = g_string_new (NULL);
    guint i, n = 0;
    int err = 0;

    for (i = 0; i <= s->facts->len && ! err; i++) {
	const struct nmf_fact *f
	    = i < s->facts->len ? s->facts->pdata[i] : NULL;

	if (f && f->pid && ! g_hash_table_contains (done, f->thread)) {
	    g_hash_table_add (done, f->thread);
	    g_string_append_printf (q, "%sthread:%s", n ? " OR " : "(",
				    f->thread);
	    n++;
	}
	if (n && (n == THREADS_PER_QUERY || ! f)) {
	    g_autofree char *query = NULL;

	    g_string_append_c (q, ')');
	    query = in_range (s, q->str);
	    err = nmf_db_each_message (s->e.db, query, collect_cb, s) != NMF_OK;
	    g_string_truncate (q, 0);
	    n = 0;
	}
    }
    return err;
}

static struct nmf_fact *
this_run_fact (struct scan *s, const char *thread)
{
    guint i;

    for (i = 0; i < s->facts->len; i++) {
	struct nmf_fact *o = s->facts->pdata[i];

	if (strcmp (o->thread, thread) == 0 && o->pid)
	    return o;
    }
    return NULL;
}

/* The first message of a thread, when it is not id: whether the user
 * wrote it inviting someone to an interview (the user hires). */
struct starter {
    const char *id;
    const char *const *user_emails;
    gboolean hires;
};

static int
starter_cb (struct nmf_dbmsg *m, void *data)
{
    struct starter *st = data;
    struct nmf_address *from;
    struct nmf_message *msg = NULL;
    g_autofree char *why = NULL;

    if (strcmp (nmf_dbmsg_id (m), st->id) == 0)
	return 1;
    from = nmf_mime_parse_address (nmf_dbmsg_header (m, "from"));
    if (from && nmf_address_in (from->addr, st->user_emails)
	&& ! nmf_mime_parse_file (nmf_dbmsg_filename (m), &msg, &why))
	st->hires = nmf_classify_user_invites (msg, st->user_emails);
    nmf_message_free (&msg);
    nmf_address_free (from);
    return 1;   /* the oldest message only */
}

static gboolean
user_started_hiring (struct scan *s, const char *thread, const char *id)
{
    struct starter st = { id, nmf_config_user_emails (&s->e.cfg), FALSE };
    g_autofree char *q = g_strdup_printf ("thread:%s", thread);

    nmf_db_each_message (s->e.db, q, starter_cb, &st);
    return st.hires;
}

/* Any thread: parse and classify (pure work on the job's own data). */
static void
job_read (struct job *j)
{
    if (j->skip)
	return;
    j->st = nmf_mime_parse_file (j->file, &j->msg, &j->why);
    if (j->st)
	return;
    nmf_classify_message (j->msg, j->user_emails, &j->c);
    j->classified = TRUE;
}

/* Record what a read candidate means for the processes (main thread, in
 * candidate order: facts of earlier candidates steer later ones). */
static void
learn (struct scan *s, struct job *j)
{
    const char *id = j->id;
    struct nmf_message *msg = j->msg;
    struct nmf_classification c;
    struct nmf_extract x;
    struct nmf_fact *f;
    const char *thread = j->thread;
    g_autofree char *pid = g_steal_pointer (&j->pid);
    g_autofree char *domain = NULL;
    g_autofree char *employer_pid = NULL;
    struct nmf_join_in in = { 0 };
    gint64 date = j->date;
    enum nmf_kind kind;
    gboolean anchor = FALSE;
    guint i;

    if (j->skip)
	return;
    if (j->st) {
	nmf_warn ("cannot parse '%s': %s", j->file, j->why);
	return;
    }
    s->parsed++;
    /* From here on, this function releases c and msg. */
    c = j->c;
    j->classified = FALSE;
    j->msg = NULL;
    kind = nmf_classification_acts_as (&c,
				       nmf_config_act_confidence (&s->e.cfg));

    /* Which process: the thread's; else, for an invitation, outcome or
     * next round in a new thread, an open process of the same employer
     * (never by sender address alone: one ATS sends for many). */
    if (! pid) {
	/* Stored processes do not change while candidates are learned
	 * (facts are stored after): ask once per thread. */
	const char *known;

	if (g_hash_table_lookup_extended (s->thread_pid, thread, NULL,
					  (gpointer *) &known)) {
	    pid = g_strdup (known);
	} else {
	    pid = nmf_store_thread_process (s->e.db, thread);
	    g_hash_table_insert (s->thread_pid, g_strdup (thread),
				 g_strdup (pid));
	}
    }
    if (! pid) {
	struct nmf_fact *o = this_run_fact (s, thread);

	if (o)
	    pid = g_strdup (o->pid);
    }
    /* Which process it joins is the core's rule (src/core/join.c); scan
     * gathers the inputs, the cheap ones first.  Most candidates end at
     * the first question: extraction (the costly part) only for the
     * rest. */
    in.kind = kind;
    in.from_user = c.from_user;
    in.thread_pid = pid;
    if (! nmf_join_may (&in)) {
	nmf_classification_release (&c);
	nmf_message_free (&msg);
	return;
    }
    {
	g_autofree char *q = g_strdup_printf (
	    "thread:%s AND %s", thread, nmf_store_query_ignored ());
	unsigned ignored = 0;

	in.thread_ignored = nmf_db_count (s->e.db, q, &ignored) == NMF_OK
			    && ignored;
    }
    /* Only a reply has an earlier message in its thread to look at. */
    if (nmf_join_needs_starter (&in)
	&& (msg->in_reply_to || (msg->references && msg->references->len)))
	in.user_hires = user_started_hiring (s, thread, id);
    if (in.thread_ignored || in.user_hires) {
	nmf_classification_release (&c);
	nmf_message_free (&msg);
	return;
    }
    nmf_extract_message (msg, nmf_config_user_emails (&s->e.cfg), &x);
    domain = nmf_employer_domain (msg);
    if (nmf_join_needs_employer (&in))
	employer_pid = nmf_store_find_employer (s->e.db, x.company, domain,
						x.role, s->facts);
    switch (nmf_join_decide (&in, employer_pid)) {
    case NMF_JOIN_THREAD:
	break;
    case NMF_JOIN_EMPLOYER:
	pid = g_steal_pointer (&employer_pid);
	break;
    case NMF_JOIN_START:
	pid = nmf_process_id_for (id);
	anchor = TRUE;
	break;
    case NMF_JOIN_NONE:
    default:
	nmf_extract_release (&x);
	nmf_classification_release (&c);
	nmf_message_free (&msg);
	return;
    }

    f = nmf_fact_new (id, thread);
    f->date = date;
    f->pid = g_steal_pointer (&pid);
    f->anchor = anchor;
    f->kind = kind;
    /* A scheduling robot's notice is not the employer's reply (DESIGN
     * §5); an outcome or invitation from one still is. */
    f->automated = c.automated
	|| (msg->from && nmf_address_is_robot (msg->from->addr)
	    && ! nmf_join_moves (kind));
    f->timeline = c.from_user ? 0 : x.timeline;
    if (! c.from_user) {
	f->request = g_strdup (x.request);
	f->request_by = x.request_by;
    }
    if (nmf_join_starts (kind) && x.interview_start) {
	f->start = x.interview_start;
	f->end = x.interview_end;
	for (i = 0; i < x.people->len; i++) {
	    struct nmf_person *p = x.people->pdata[i];

	    g_ptr_array_add (f->people, nmf_person_copy (p));
	}
    }
    for (i = 0; i < x.people->len && ! f->phone; i++) {
	struct nmf_person *p = x.people->pdata[i];

	if (p->phone)
	    f->phone = g_strdup_printf ("%s %s", p->addr, p->phone);
    }
    if (! c.from_user) {
	f->company = g_strdup (x.company);
	f->role = g_strdup (x.role);
	if (nmf_join_starts (kind))
	    f->topic = g_strdup (x.topic);
	f->domain = g_steal_pointer (&domain);
    }
    g_ptr_array_add (s->facts, f);

    nmf_extract_release (&x);
    nmf_classification_release (&c);
    nmf_message_free (&msg);
}

/* Candidates are read in chunks: parsing and classifying, most of the
 * time, go to a pool of threads, one per processor (libnotmuch objects
 * stay on the main thread), and learn() takes the results in candidate
 * order.  A chunk bounds the memory held by parsed messages. */
#define CHUNK 64
#define POOL_FROM 8

/* The jobs of a chunk still being read by the pool. */
struct pending {
    GMutex lock;
    GCond done;
    guint left;
};

struct chunk {
    struct job *jobs[CHUNK];
    guint first, n;   /* candidates [first, first + n) */
    struct pending p;
};

static void
read_cb (gpointer data, gpointer user)
{
    struct job *j = data;

    (void) user;
    job_read (j);
    g_mutex_lock (&j->pending->lock);
    if (--j->pending->left == 0)
	g_cond_signal (&j->pending->done);
    g_mutex_unlock (&j->pending->lock);
}

struct progress;
static void
progress_show (struct progress *p, guint done, guint total, gboolean last);

/* Hand candidates [first, first + n) to the pool (when there is one). */
static void
chunk_start (struct scan *s, struct chunk *c, GThreadPool *pool,
	     guint first, guint n)
{
    guint k;

    c->first = first;
    c->n = n;
    for (k = 0; k < n; k++) {
	c->jobs[k] = s->candidates->pdata[first + k];
	c->jobs[k]->pending = &c->p;
    }
    if (! pool)
	return;
    g_mutex_lock (&c->p.lock);
    for (k = 0; k < n; k++) {
	if (! c->jobs[k]->skip) {
	    c->p.left++;
	    g_thread_pool_push (pool, c->jobs[k], NULL);
	}
    }
    g_mutex_unlock (&c->p.lock);
}

static void
chunk_finish (struct scan *s, struct chunk *c, GThreadPool *pool,
	      struct progress *progress)
{
    guint k;

    if (pool) {
	g_mutex_lock (&c->p.lock);
	while (c->p.left)
	    g_cond_wait (&c->p.done, &c->p.lock);
	g_mutex_unlock (&c->p.lock);
    }
    for (k = 0; k < c->n; k++) {
	if (! pool)
	    job_read (c->jobs[k]);
	learn (s, c->jobs[k]);
	job_clear (c->jobs[k]);
	if (progress)
	    progress_show (progress, c->first + k + 1, s->candidates->len,
			   FALSE);
    }
}

/* learn() candidates [from, s->candidates->len).  Two chunks are in
 * flight: the pool reads the next while learn() takes the current one. */
static void
learn_all (struct scan *s, guint from, struct progress *progress)
{
    struct chunk *c = g_new0 (struct chunk, 2);
    GThreadPool *pool = NULL;
    guint threads = MIN (g_get_num_processors (), 8);
    guint len = s->candidates->len;
    guint i, cur = 0;

    /* Starting the threads costs less than parsing a few messages: the
     * hook's 50 new ones take 1.5 ms less on two processors (bench (c)).
     * A handful is read in place. */
    if (threads > 1 && len - from > POOL_FROM)
	pool = g_thread_pool_new (read_cb, NULL, (gint) threads, TRUE, NULL);
    for (i = 0; i < 2; i++) {
	g_mutex_init (&c[i].p.lock);
	g_cond_init (&c[i].p.done);
    }
    if (from < len)
	chunk_start (s, &c[cur], pool, from, MIN (CHUNK, len - from));
    for (i = from; i < len; i += c[cur].n, cur = 1 - cur) {
	guint next = i + c[cur].n;

	if (next < len)
	    chunk_start (s, &c[1 - cur], pool, next, MIN (CHUNK, len - next));
	chunk_finish (s, &c[cur], pool, progress);
    }
    if (pool)
	g_thread_pool_free (pool, FALSE, TRUE);
    for (i = 0; i < 2; i++) {
	g_mutex_clear (&c[i].p.lock);
	g_cond_clear (&c[i].p.done);
    }
    g_free (c);
}

/* `scan --all` on a terminal: "parsed 1200/20000 (850/s, 20 s left)" on
 * stderr, redrawn at most four times a second.  The clock here is only for
 * the display (monotonic), never for what is due. */
struct progress {
    gboolean on;
    gint64 started, shown;
};

static void
progress_show (struct progress *p, guint done, guint total, gboolean last)
{
    gint64 t = g_get_monotonic_time ();
    double secs, rate;

    if (! p->on || (! last && t - p->shown < 250000))
	return;
    p->shown = t;
    secs = (double) (t - p->started) / 1e6;
    rate = secs > 0 ? done / secs : 0;
    if (! last && rate > 0)
	nmf_progress ("scan: parsed %u/%u messages (%.0f/s, %.0f s left)",
		      done, total, rate, (total - done) / rate);
    else
	nmf_progress ("scan: parsed %u/%u messages (%.0f/s)", done, total,
		      rate);
    if (last)
	nmf_progress_done ();
}

/* "(from:"a@x" OR from:"b@y")" for the user's addresses, NULL when there
 * is none.  g_free. */
static char *
user_mail_query (const struct nmf_config *cfg)
{
    const char *const *emails = nmf_config_user_emails (cfg);
    GString *q = g_string_new ("(");
    guint i, n = 0;

    for (i = 0; emails && emails[i]; i++) {
	/* An address with a quote or space cannot be a search term. */
	if (strpbrk (emails[i], "\" ()"))
	    continue;
	g_string_append_printf (q, "%sfrom:\"%s\"", n++ ? " OR " : "",
				emails[i]);
    }
    g_string_append_c (q, ')');
    /* NULL: no usable address. */
    return g_string_free (q, n == 0);
}

static void
add_pid (GPtrArray *pids, const char *pid)
{
    guint k;

    for (k = 0; k < pids->len; k++) {
	if (strcmp (pids->pdata[k], pid) == 0)
	    return;
    }
    g_ptr_array_add (pids, g_strdup (pid));
}

static int
collect_pid_cb (struct nmf_dbmsg *m, void *data)
{
    const char *pid = nmf_store_process_of (m);

    if (pid)
	add_pid (data, pid);
    return 0;
}

/* The To, Cc and Bcc addresses of a message, onto a GPtrArray. */
static int
recipients_cb (struct nmf_dbmsg *m, void *data)
{
    static const char *const headers[] = { "to", "cc", "bcc", NULL };
    GPtrArray *out = data;
    guint i, k;

    for (k = 0; headers[k]; k++) {
	g_autoptr (GPtrArray) list
	    = nmf_mime_parse_addresses (nmf_dbmsg_header (m, headers[k]));

	for (i = 0; i < list->len; i++)
	    g_ptr_array_add (out, g_strdup (list->pdata[i]));
    }
    return 0;
}

/* Whether the previous evaluation still stands for this run: same
 * settings and program, and time has not gone backwards (--now).  Stores
 * this run's values for the next one. */
static gboolean
evaluations_stand (struct scan *s, gboolean *backwards)
{
    g_autofree char *fp = nmf_db_config_fingerprint (s->e.db);
    g_autofree char *stored = nmf_db_get_state (s->e.db, NMF_DB_KEY_EVALUATED);
    g_autofree char *value = g_strdup_printf ("%s %" G_GINT64_FORMAT, fp,
					      s->e.now);
    g_auto (GStrv) parts = stored ? g_strsplit (stored, " ", 2) : NULL;
    gboolean stand = parts && parts[0] && parts[1] && strcmp (parts[0], fp) == 0
		     && g_ascii_strtoll (parts[1], NULL, 10) <= s->e.now;

    *backwards = parts && parts[0] && parts[1]
		 && g_ascii_strtoll (parts[1], NULL, 10) > s->e.now;

    if (! s->e.dry_run && (! stored || strcmp (stored, value) != 0))
	nmf_db_set_state (s->e.db, NMF_DB_KEY_EVALUATED, value);
    return stand;
}

/* Evaluate the processes that may have moved: those this run learned
 * about, those with any message changed since the last scan (new mail,
 * the user's tags on a draft), and those whose recheck time has come
 * (the anchor's recheck time: when time alone can change them).  Everything with
 * --all, after a change of settings, or when --now went backwards.  A
 * scan with nothing new and nothing falling due therefore reads a few
 * anchors and writes nothing. */
static void
evaluate_all (struct scan *s, int all)
{
    gboolean keep = s->e.cfg.keep_in_touch_days > 0;
    gboolean backwards = FALSE;
    gboolean stand = evaluations_stand (s, &backwards) && ! all && ! s->whole;
    g_autoptr (GPtrArray) pids = NULL;
    guint i;

    /* The clock went back (an earlier --now than the last run's): what
     * that time implies comes back, also for processes that closed at
     * the later time (doc/design.md, "Time travel"). */
    pids = backwards ? nmf_store_all_processes (s->e.db)
	   : stand   ? nmf_store_processes_to_recheck (s->e.db, keep, s->e.now)
		     : nmf_store_open_processes (s->e.db, keep);

    /* Mail the user sent may answer a process also in a new thread
     * (DESIGN §5): the processes with one of its recipients among their
     * contacts (kept on the anchor by every evaluation). */
    if (stand && s->range) {
	g_autofree char *mine = user_mail_query (&s->e.cfg);
	g_autofree char *q = mine ? g_strdup_printf ("%s AND %s", s->range,
						     mine)
				  : NULL;
	g_autoptr (GPtrArray) to = g_ptr_array_new_with_free_func (g_free);
	g_autoptr (GPtrArray) more = NULL;

	gboolean known = q != NULL;

	if (known && s->walked) {
	    for (i = 0; i < s->range_rcpt->len; i++)
		g_ptr_array_add (to, g_strdup (s->range_rcpt->pdata[i]));
	} else if (known) {
	    known = nmf_db_each_message (s->e.db, q, recipients_cb, to)
		    == NMF_OK;
	}
	/* Not knowing whom the user wrote to: every open process. */
	if (! known) {
	    g_ptr_array_unref (pids);
	    pids = nmf_store_open_processes (s->e.db, keep);
	} else if (to->len) {
	    more = nmf_store_processes_of_contacts (s->e.db, keep, to);
	    for (i = 0; i < more->len; i++)
		add_pid (pids, more->pdata[i]);
	}
    }

    /* Processes this run started or fed (in a dry run not stored yet, or
     * closed ones that got new mail). */
    for (i = 0; i < s->facts->len; i++) {
	struct nmf_fact *f = s->facts->pdata[i];

	add_pid (pids, f->pid);
    }
    if (stand && s->range && s->walked) {
	for (i = 0; i < s->range_pids->len; i++)
	    add_pid (pids, s->range_pids->pdata[i]);
    } else if (stand && s->range) {
	g_autofree char *q = g_strdup_printf (
	    "%s AND (%s OR tag:followup)", s->range,
	    nmf_store_query_members ());

	nmf_db_each_message (s->e.db, q, collect_pid_cb, pids);
    }
    for (i = 0; i < pids->len; i++)
	nmf_engine_apply (&s->e, pids->pdata[i]);
}

static void
remember_position (struct scan *s)
{
    const char *uuid = NULL;
    unsigned long rev = nmf_db_revision (s->e.db, &uuid);
    g_autofree char *stored = nmf_db_get_state (s->e.db, NMF_DB_KEY_LASTMOD);
    g_autofree char *value = g_strdup_printf ("%s %lu", uuid, rev);

    /* No write when nothing moved: a no-op run leaves the database as
     * it was. */
    if (stored && strcmp (stored, value) == 0)
	return;
    nmf_db_set_state (s->e.db, NMF_DB_KEY_LASTMOD, value);
}

static int scan_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_scan = {
    .name = "scan",
    .summary = "process new mail: tag interview threads, write due drafts",
    .args = "",
    .about = "Process mail that changed since the last scan: recognise interview\n"
	     "processes, tag their threads, and write the drafts that are due.\n"
	     "Run by the notmuch post-new hook.\n",
    .shared = NMF_SHARE_DRY_RUN | NMF_SHARE_NOW | NMF_SHARE_QUIET,
    .need = NMF_NEED_WRITE,
    .main = scan_main,
};

static int
scan_main (int argc, char **argv)
{
    struct scan s = { 0 };
    struct progress progress = { 0 };
    int all = 0;
    const struct nmf_opt opts[] = {
	{ "all", NMF_OPT_BOOL, &all, NULL, NULL,
	  "look at every message again, not only changed ones" },
	{ "no-prefilter", NMF_OPT_BOOL, &s.no_prefilter, NULL, NULL,
	  "parse every message in range, not only those the\n"
	  "index names as candidates (slow; for checking)" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    struct nmf_frame f;
    guint i;
    int ret = nmf_frame_open (&f, &nmf_cmd_scan, opts, argc, argv);

    if (ret >= 0)
	return ret;
    ret = NMF_EXIT_OK;
    s.e.now = f.now;
    s.e.dry_run = f.dry_run;
    s.quiet = f.quiet;
    nmf_frame_take (&f, &s.e.db, &s.e.cfg);
    /* A look ahead writes the state of that time; say so once (a scan
     * at the real time later puts back what that time implies). */
    if (! s.e.dry_run && s.e.now > g_get_real_time () / G_USEC_PER_SEC + 3600)
	nmf_warn ("--now is ahead of the clock: this scan writes the tags "
		  "and drafts of that time (--dry-run only shows them)");

    s.candidates = g_ptr_array_new_with_free_func (job_free);
    s.seen = g_hash_table_new (g_str_hash, g_str_equal);
    s.thread_pid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
					  g_free);
    s.facts = g_ptr_array_new_with_free_func (fact_free_cb);
    nmf_engine_init (&s.e);
    s.e.facts = s.facts;
    /* A run killed while writing a draft leaves its tmp file (DESIGN §8):
     * ours carry a mark, others' are left alone. */
    if (! s.e.dry_run) {
	g_autofree char *drafts = nmf_drafter_folder (s.e.db, &s.e.cfg);

	nmf_maildir_clean_tmp (drafts);
    }

    if (find_range (&s, all)) {
	g_autofree char *filter = NULL;
	g_autofree char *query = NULL;
	gboolean whole = s.no_prefilter;
	guint first;

	/* Every change of a message takes a revision of its own: a short
	 * span of revisions needs no count. */
	if (! whole && s.range) {
	    unsigned changed = 0;

	    if (s.span <= PARSE_WHOLE_RANGE
		|| (nmf_db_count (s.e.db, s.range, &changed) == NMF_OK
		    && changed <= PARSE_WHOLE_RANGE))
		whole = TRUE;
	}
	if (! whole)
	    filter = prefilter_query ();
	query = in_range (&s, filter);
	if (whole && s.range) {
	    s.range_pids = g_ptr_array_new_with_free_func (g_free);
	    s.range_rcpt = g_ptr_array_new_with_free_func (g_free);
	}

	if (nmf_db_each_message (s.e.db, query, collect_cb, &s))
	    ret = NMF_EXIT_ERROR;
	else if (s.range_pids)
	    s.walked = TRUE;
	progress.on = all && ! s.quiet && isatty (STDERR_FILENO);
	progress.started = g_get_monotonic_time ();
	if (ret == NMF_EXIT_OK)
	    learn_all (&s, 0, &progress);
	first = s.candidates->len;
	if (ret == NMF_EXIT_OK && ! whole && collect_thread_mates (&s))
	    ret = NMF_EXIT_ERROR;
	if (ret == NMF_EXIT_OK)
	    learn_all (&s, first, NULL);
	if (s.candidates->len)
	    progress_show (&progress, s.candidates->len, s.candidates->len,
			   TRUE);
    }
    if (ret == NMF_EXIT_OK && ! s.e.dry_run) {
	for (i = 0; i < s.facts->len; i++)
	    nmf_store_fact (s.e.db, s.facts->pdata[i]);
    }
    if (ret == NMF_EXIT_OK)
	evaluate_all (&s, all);
    if (ret == NMF_EXIT_OK && ! s.e.dry_run)
	remember_position (&s);
    /* DESIGN §3: with followup.imap_push the drafts go up too; a network
     * failure is a warning, never a failed hook (the next run retries). */
    if (ret == NMF_EXIT_OK && ! s.e.dry_run && s.e.cfg.imap_push
	&& s.e.cfg.imap_url && nmf_push_drafts (s.e.db, &s.e.cfg, FALSE, s.quiet))
	nmf_warn ("the drafts were not pushed to %s this time; the next scan "
		  "tries again",
		  s.e.cfg.imap_url);

    if (nmf_db_close (&s.e.db))
	ret = NMF_EXIT_ERROR;
    if (! s.quiet && ! s.e.dry_run && (s.e.drafts || s.e.updated))
	printf ("notmuch-followup: %u draft%s written, %u updated:\n%s",
		s.e.drafts, s.e.drafts == 1 ? "" : "s", s.e.updated,
		s.e.report->str);
    /* Disk full, a read-only Drafts folder: the errors above name the
     * files; everything else was done, and the next scan writes them. */
    if (s.e.failed) {
	nmf_error ("%u draft%s could not be written; the next scan tries "
		   "again", s.e.failed, s.e.failed == 1 ? "" : "s");
	ret = NMF_EXIT_ERROR;
    }

    g_hash_table_unref (s.seen);
    g_hash_table_unref (s.thread_pid);
    g_ptr_array_unref (s.candidates);
    if (s.range_pids)
	g_ptr_array_unref (s.range_pids);
    if (s.range_rcpt)
	g_ptr_array_unref (s.range_rcpt);
    g_free (s.range);
    g_ptr_array_unref (s.facts);
    nmf_engine_release (&s.e);
    nmf_config_release (&s.e.cfg);
    return nmf_frame_close (&f, ret);
}
