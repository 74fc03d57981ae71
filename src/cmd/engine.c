/* engine.c — evaluate one process and bring the mail in line with it:
 * due drafts written, tags applied, the anchor's state kept (DESIGN §5,
 * §6).  Shared by scan and by the commands with which the user steers a
 * process (note, close, snooze). */
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "nmf/drafter.h"
#include "nmf/log.h"
#include "nmf/maildir.h"

char *
nmf_engine_state_tag (const struct nmf_config *cfg, enum nmf_state st)
{
    return g_strdup_printf ("%s/%s", cfg->tag_prefix,
			    nmf_state_to_string (st));
}

struct tag_ctx {
    struct nmf_engine *s;
    const char *const *add;
    const char *const *remove;
    unsigned changed;
};

static int
tag_cb (struct nmf_dbmsg *m, void *data)
{
    struct tag_ctx *t = data;
    gboolean changed = FALSE;

    if (nmf_dbmsg_tag (m, t->add, t->remove, &changed) == NMF_OK && changed)
	t->changed++;
    return 0;
}

static int
dry_tag_cb (struct nmf_dbmsg *m, void *data)
{
    struct tag_ctx *t = data;
    const char *const *p;

    for (p = t->add; *p; p++) {
	if (! nmf_dbmsg_has_tag (m, *p)) {
	    t->changed++;
	    return 0;
	}
    }
    for (p = t->remove; *p; p++) {
	if (nmf_dbmsg_has_tag (m, *p)) {
	    t->changed++;
	    return 0;
	}
    }
    return 0;
}

/* DESIGN §5: every message of the process's threads gets the interview
 * tag and exactly one state tag; other state tags of ours go. */
static void
apply_tags (struct nmf_engine *s, struct nmf_loaded *l, enum nmf_state state)
{
    g_autoptr (GPtrArray) remove = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *want = nmf_engine_state_tag (&s->cfg, state);
    const char *add[] = { s->cfg.tag_interview, want, NULL };
    guint i;
    int k;

    for (k = 0; k < NMF_STATE_COUNT; k++) {
	if (k != (int) state)
	    g_ptr_array_add (remove, nmf_engine_state_tag (&s->cfg, k));
    }
    g_ptr_array_add (remove, NULL);

    for (i = 0; i < l->threads->len; i++) {
	g_autofree char *q = g_strdup_printf ("thread:%s",
					      (char *) l->threads->pdata[i]);
	struct tag_ctx t = { s, add, (const char *const *) remove->pdata, 0 };

	if (s->dry_run) {
	    nmf_db_each_message (s->db, q, dry_tag_cb, &t);
	    if (t.changed)
		printf ("tag  thread:%s +%s +%s (%u message%s)\n",
			(char *) l->threads->pdata[i], add[0], add[1],
			t.changed, t.changed == 1 ? "" : "s");
	} else {
	    nmf_db_each_message (s->db, q, tag_cb, &t);
	}
	s->tagged += t.changed ? 1 : 0;
    }
}

/* The anchor keeps the evaluated state, and that the process is open
 * while it is not closed (so that closed ones cost nothing per run). */
static void
update_anchor (struct nmf_engine *s, struct nmf_loaded *l,
	       const struct nmf_eval *e, gboolean retry)
{
    struct nmf_dbmsg *a;
    gint64 recheck;

    if (s->dry_run)
	return;
    a = nmf_db_find (s->db, l->anchor_id);
    if (! a)
	return;
    /* A draft that could not be written: look again at the next run. */
    recheck = retry ? s->now
		    : nmf_process_recheck_at (l->proc, e, s->now, &s->cfg);
    /* One write, and none when nothing changed. */
    nmf_dbmsg_freeze (a);
    nmf_store_evaluated (a, e->state, recheck);
    nmf_store_mark_seen (a, s->now);
    nmf_store_contacts (a, l);
    nmf_dbmsg_thaw (a);
    nmf_dbmsg_release (&a);
}

/* Returns the number of due drafts that could not be written. */
static unsigned
draft_due (struct nmf_engine *s, struct nmf_loaded *l, const struct nmf_eval *e)
{
    unsigned failed = 0;
    g_autofree char *folder = NULL;
    g_autoptr (GPtrArray) live = NULL;
    guint i;

    for (i = 0; i < e->due->len; i++) {
	const struct nmf_due *d = e->due->pdata[i];
	g_autofree char *key = nmf_drafter_key (d);
	g_autofree char *path = NULL;
	enum nmf_status st;
	guint k;
	gboolean done = ! nmf_step_has_draft (d->step);

	/* DESIGN §6: one draft per step and person, ever; a deleted draft
	 * is not recreated.  A draft of ours still there follows what it
	 * is made of (a note, a corrected interviewer), unless edited. */
	for (k = 0; k < l->drafted->len; k++) {
	    if (strcmp (l->drafted->pdata[k], key) == 0)
		done = TRUE;
	}
	if (done && nmf_step_has_draft (d->step) && ! s->dry_run) {
	    if (! live)
		live = nmf_store_live_drafts (s->db, &s->cfg, l->proc->id);
	    for (k = 0; k < live->len; k++) {
		const struct nmf_live_draft *x = live->pdata[k];
		enum nmf_refresh how = NMF_REFRESH_SAME;

		enum nmf_status rst;

		if (strcmp (x->key, key) != 0)
		    continue;
		rst = nmf_drafter_refresh (s->db, &s->cfg, l, d, e->due, s->now,
					   x->id, x->file, &how);
		if (rst) {
		    /* Named by the error; the next run tries again. */
		    failed++;
		    if (rst == NMF_ERR_IO || rst == NMF_ERR_NOTMUCH)
			s->failed++;
		    continue;
		}
		if (how == NMF_REFRESH_UPDATED) {
		    s->updated++;
		    g_string_append_printf (
			s->report, "  %s draft for %s updated: %s\n",
			nmf_step_to_string (d->step),
			d->to->name ? d->to->name : d->to->addr, x->file);
		} else if (how == NMF_REFRESH_PUSHED) {
		    g_string_append_printf (
			s->report,
			"  %s draft for %s is on the IMAP Drafts folder: not "
			"changed (the note is in show): %s\n",
			nmf_step_to_string (d->step),
			d->to->name ? d->to->name : d->to->addr, x->file);
		} else if (how == NMF_REFRESH_EDITED) {
		    g_string_append_printf (
			s->report,
			"  %s draft for %s edited by you: not changed (the "
			"note is in show): %s\n",
			nmf_step_to_string (d->step),
			d->to->name ? d->to->name : d->to->addr, x->file);
		}
	    }
	}
	if (done)
	    continue;
	if (s->dry_run) {
	    printf ("draft %s to %s <%s> (process %s)\n",
		    nmf_step_to_string (d->step),
		    d->to->name ? d->to->name : "", d->to->addr, l->proc->id);
	    s->drafts++;
	    continue;
	}
	if (! folder) {
	    folder = nmf_drafter_folder (s->db, &s->cfg);
	    nmf_maildir_clean_tmp (folder);
	}
	st = nmf_drafter_write (s->db, &s->cfg, l, d, e->due, s->now, folder,
				&path);
	if (st) {
	    /* The error names the file or template; nothing is recorded,
	     * so the next run tries again.  A template error is the user's
	     * to fix and no failure of the run; disk and database errors
	     * are. */
	    failed++;
	    if (st == NMF_ERR_IO || st == NMF_ERR_NOTMUCH)
		s->failed++;
	} else if (path) {
	    s->drafts++;
	    g_string_append_printf (s->report, "  %s draft for %s: %s\n",
				    nmf_step_to_string (d->step),
				    d->to->name ? d->to->name : d->to->addr,
				    path);
	}
    }
    return failed;
}

struct obsolete_ctx {
    struct nmf_engine *s;
    const char *pid;
    GPtrArray *due_keys;   /* "PID:STEP:ROUND:ADDR" still due */
    char *tag;
};

static int
obsolete_cb (struct nmf_dbmsg *m, void *data)
{
    struct obsolete_ctx *o = data;
    const char *key = nmf_store_live_draft (m, &o->s->cfg);
    const char *add[] = { o->tag, NULL };
    guint i;

    /* A draft the user sent is mail, not a draft: never obsolete. */
    if (! key)
	return 0;
    for (i = 0; i < o->due_keys->len; i++) {
	if (strcmp (o->due_keys->pdata[i], key) != 0)
	    continue;
	/* Due again (a scan at an earlier time, a round moved back): the
	 * draft is live again. */
	if (! nmf_dbmsg_has_tag (m, o->tag))
	    return 0;
	if (o->s->dry_run)
	    printf ("tag  id:%s -%s\n", nmf_dbmsg_id (m), o->tag);
	else
	    nmf_dbmsg_tag (m, NULL, add, NULL);
	return 0;
    }
    if (o->s->dry_run) {
	if (! nmf_dbmsg_has_tag (m, o->tag))
	    printf ("tag  id:%s +%s\n", nmf_dbmsg_id (m), o->tag);
	return 0;
    }
    nmf_dbmsg_tag (m, add, NULL, NULL);
    return 0;
}

/* DESIGN §6: a draft left unsent whose step is no longer due (the
 * employer answered, the user wrote by hand) is tagged obsolete, never
 * deleted; one whose step is due again loses the tag. */
static void
mark_obsolete (struct nmf_engine *s, const char *pid, const struct nmf_eval *e)
{
    g_autofree char *p = nmf_store_query_process (pid);
    g_autofree char *q = g_strdup_printf ("%s AND tag:draft", p);
    struct obsolete_ctx o = { s, pid, g_ptr_array_new_with_free_func (g_free),
			      g_strdup_printf ("%s/obsolete",
					       s->cfg.tag_prefix) };
    guint i;

    for (i = 0; i < e->due->len; i++) {
	g_autofree char *key = nmf_drafter_key (e->due->pdata[i]);

	g_ptr_array_add (o.due_keys, g_strdup_printf ("%s:%s", pid, key));
    }
    nmf_db_each_message (s->db, q, obsolete_cb, &o);
    g_ptr_array_unref (o.due_keys);
    g_free (o.tag);
}

/* ---- finding the process the user means ------------------------------ */


/* What the messages of the user's THREAD argument belong to. */
struct resolve_walk {
    struct nmf_resolve *r;
    GPtrArray *pids;     /* distinct processes, in order */
    GPtrArray *threads;  /* distinct threads, in order */
};

static void
add_distinct (GPtrArray *a, const char *s)
{
    guint i;

    for (i = 0; i < a->len; i++) {
	if (strcmp (a->pdata[i], s) == 0)
	    return;
    }
    g_ptr_array_add (a, g_strdup (s));
}

static int
resolve_cb (struct nmf_dbmsg *m, void *data)
{
    struct resolve_walk *w = data;
    const char *pid = nmf_store_process_of (m);

    if (! w->r->thread) {
	w->r->thread = g_strdup (nmf_dbmsg_thread (m));
	w->r->first_id = g_strdup (nmf_dbmsg_id (m));
    }
    add_distinct (w->threads, nmf_dbmsg_thread (m));
    if (pid)
	add_distinct (w->pids, pid);
    return 0;
}

/* The process whose id starts with prefix ("p1ac2a1", as list prints
 * it); NULL (reported) when none or several do.  g_free. */
static char *
process_by_prefix (struct nmf_db *db, const char *prefix)
{
    g_autoptr (GPtrArray) all = nmf_store_all_processes (db);
    g_autoptr (GPtrArray) hits = g_ptr_array_new ();
    g_autoptr (GString) some = g_string_new (NULL);
    guint i;

    for (i = 0; i < all->len; i++) {
	if (g_str_has_prefix (all->pdata[i], prefix))
	    g_ptr_array_add (hits, all->pdata[i]);
    }
    if (hits->len == 1)
	return g_strdup (hits->pdata[0]);
    if (! hits->len) {
	nmf_error ("'%s' is no process (list shows their ids)", prefix);
	return NULL;
    }
    for (i = 0; i < hits->len && i < 5; i++)
	g_string_append_printf (some, "%s%s", i ? ", " : "",
				(char *) hits->pdata[i]);
    nmf_error ("'%s' is the start of %u process ids (%s): give more of it",
	       prefix, hits->len, some->str);
    return NULL;
}

/* THREAD may be "thread:ID", a bare thread id, "id:MSGID", any notmuch
 * query that names one process (or one thread), or a process id ("p"
 * and 12 hex digits) or its start of at least 4 hex digits, as list
 * prints it ("p1ac2a1"). */
gboolean
nmf_resolve (struct nmf_db *db, const char *arg, struct nmf_resolve *r)
{
    g_autofree char *q = NULL;
    g_autofree char *full = NULL;
    gsize n = strlen (arg);
    struct resolve_walk w = { r, NULL, NULL };
    gboolean ok = TRUE;

    memset (r, 0, sizeof (*r));
    if (n >= 5 && n <= 13 && arg[0] == 'p'
	&& strspn (arg + 1, "0123456789abcdef") == n - 1) {
	full = n == 13 ? g_strdup (arg) : process_by_prefix (db, arg);
	if (! full)
	    return FALSE;
	q = nmf_store_query_process (full);
    } else if (strchr (arg, ':') || strchr (arg, ' '))
	q = g_strdup (arg);
    else
	q = g_strdup_printf ("thread:%s", arg);
    w.pids = g_ptr_array_new_with_free_func (g_free);
    w.threads = g_ptr_array_new_with_free_func (g_free);
    if (nmf_db_each_message (db, q, resolve_cb, &w))
	ok = FALSE;
    else if (! r->thread) {
	nmf_error ("'%s' matches no message", arg);
	ok = FALSE;
    } else if (! full && (w.pids->len > 1
			  || (! w.pids->len && w.threads->len > 1))) {
	/* A query of many: say so rather than take the first. */
	GString *some = g_string_new (NULL);
	GPtrArray *of = w.pids->len ? w.pids : w.threads;
	guint i;

	for (i = 0; i < of->len && i < 5; i++)
	    g_string_append_printf (some, "%s%s", i ? ", " : "",
				    (char *) of->pdata[i]);
	nmf_error ("'%s' matches %u %s (%s%s): give one", arg, of->len,
		   w.pids->len ? "processes" : "threads", some->str,
		   of->len > 5 ? ", ..." : "");
	g_string_free (some, TRUE);
	ok = FALSE;
    } else if (w.pids->len)
	r->pid = g_strdup (w.pids->pdata[0]);
    /* Every message of that thread, for the process id. */
    if (ok && ! r->pid) {
	g_autofree char *tq = g_strdup_printf ("thread:%s", r->thread);

	g_ptr_array_set_size (w.pids, 0);
	nmf_db_each_message (db, tq, resolve_cb, &w);
	if (w.pids->len)
	    r->pid = g_strdup (w.pids->pdata[0]);
    }
    g_ptr_array_unref (w.pids);
    g_ptr_array_unref (w.threads);
    if (! ok)
	nmf_resolve_release (r);
    return ok;
}

void
nmf_resolve_release (struct nmf_resolve *r)
{
    g_clear_pointer (&r->pid, g_free);
    g_clear_pointer (&r->thread, g_free);
    g_clear_pointer (&r->first_id, g_free);
}

struct anchor_find {
    char *anchor;   /* carries the process state */
    char *oldest;   /* oldest member, if no anchor is marked */
};

static int
anchor_cb (struct nmf_dbmsg *m, void *data)
{
    struct anchor_find *f = data;

    if (! f->oldest)
	f->oldest = g_strdup (nmf_dbmsg_id (m));
    if (! f->anchor && nmf_store_is_anchor (m))
	f->anchor = g_strdup (nmf_dbmsg_id (m));
    return 0;
}

/* The anchor of process pid (release it): the message that carries its
 * state, else its oldest message. */
struct nmf_dbmsg *
nmf_anchor_of (struct nmf_db *db, const char *pid)
{
    g_autofree char *q = nmf_store_query_process (pid);
    struct anchor_find f = { NULL, NULL };
    struct nmf_dbmsg *m;

    nmf_db_each_message (db, q, anchor_cb, &f);
    m = nmf_db_find (db, f.anchor ? f.anchor : f.oldest);
    g_free (f.anchor);
    g_free (f.oldest);
    return m;
}

enum nmf_state
nmf_engine_apply (struct nmf_engine *s, const char *pid)
{
    struct nmf_loaded *l = nmf_store_load (s->db, &s->cfg, pid,
					   s->dry_run ? s->facts : NULL);
    struct nmf_eval e;
    enum nmf_state st;
    unsigned failed;

    if (! l)
	return NMF_STATE_CLOSED;
    /* The user's mail that joined from a new thread: its thread is the
     * process's from now on. */
    if (! s->dry_run)
	nmf_store_joined (s->db, l);
    nmf_process_evaluate (l->proc, s->now, &s->cfg, s->tz, &e);
    /* Drafts first: they join the thread and get its tags below. */
    failed = draft_due (s, l, &e);
    if (e.due->len && ! s->dry_run) {
	nmf_eval_release (&e);
	nmf_loaded_free (&l);
	l = nmf_store_load (s->db, &s->cfg, pid, NULL);
	if (! l)
	    return NMF_STATE_CLOSED;
	nmf_process_evaluate (l->proc, s->now, &s->cfg, s->tz, &e);
    }
    apply_tags (s, l, e.state);
    update_anchor (s, l, &e, failed > 0);
    mark_obsolete (s, pid, &e);
    st = e.state;
    nmf_eval_release (&e);
    nmf_loaded_free (&l);
    return st;
}

void
nmf_engine_init (struct nmf_engine *s)
{
    s->report = g_string_new (NULL);
    s->tz = g_time_zone_new_local ();
}

void
nmf_engine_release (struct nmf_engine *s)
{
    if (s->report)
	g_string_free (s->report, TRUE);
    if (s->tz)
	g_time_zone_unref (s->tz);
    s->report = NULL;
    s->tz = NULL;
}
