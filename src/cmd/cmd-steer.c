/* cmd-steer.c — the user steers a process (DESIGN §3): note, ignore,
 * close, snooze.  What they say is kept in message properties on the
 * process's anchor (so it survives `scan --all` and `notmuch dump`), and
 * the process is brought in line at once: tags, and drafts that fall due. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "nmf/drafter.h"
#include "nmf/extract.h"
#include "nmf/log.h"
#include "nmf/mime.h"

/* ---- shared command frame -------------------------------------------- */

struct steer {
    struct nmf_frame f;
    struct nmf_engine e;
    struct nmf_resolve r;
};

static int
steer_close (struct steer *s, int ret)
{
    if (s->e.report && s->e.report->len)
	printf ("%s", s->e.report->str);
    nmf_engine_release (&s->e);
    if (s->e.db && nmf_db_close (&s->e.db))
	ret = NMF_EXIT_ERROR;
    nmf_config_release (&s->e.cfg);
    nmf_resolve_release (&s->r);
    return nmf_frame_close (&s->f, ret);
}

/* The frame (the database read-write), the engine on it, and the THREAD
 * argument resolved.  Returns -1 when the command goes on (it ends with
 * steer_close), else the exit status. */
static int
steer_open (struct steer *s, const struct nmf_cmd *cmd,
	    const struct nmf_opt *opts, int argc, char **argv)
{
    int ret;

    memset (s, 0, sizeof (*s));
    ret = nmf_frame_open (&s->f, cmd, opts, argc, argv);
    if (ret >= 0)
	return ret;
    ret = NMF_EXIT_OK;
    s->e.now = s->f.now;
    nmf_frame_take (&s->f, &s->e.db, &s->e.cfg);
    nmf_engine_init (&s->e);
    if (! nmf_resolve (s->e.db, s->f.args->pdata[0], &s->r))
	return steer_close (s, NMF_EXIT_ERROR);
    return -1;
}

static int
need_process (struct steer *s)
{
    if (s->r.pid)
	return NMF_EXIT_OK;
    nmf_error ("'%s' is not part of an interview process",
	       (char *) s->f.args->pdata[0]);
    return NMF_EXIT_ERROR;
}

#define THREAD_HELP \
    "THREAD is thread:ID, a thread id, any notmuch query, or a process\n" \
    "id as 'list' and 'show' print it.\n"

/* ---- close ----------------------------------------------------------- */

static int close_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_close = {
    .name = "close",
    .summary = "you are done with this process",
    .args = "THREAD",
    .about = "You are done with this process: it is closed, tagged followup/closed,\n"
	     "and nothing more falls due.\n" THREAD_HELP,
    .shared = NMF_SHARE_NOW,
    .need = NMF_NEED_WRITE,
    .min_args = 1,
    .max_args = 1,
    .too_few = "which thread?",
    .main = close_main,
};

static int
close_main (int argc, char **argv)
{
    struct steer s;
    struct nmf_dbmsg *a;
    int ret = steer_open (&s, &nmf_cmd_close, NULL, argc, argv);

    if (ret >= 0)
	return ret;
    ret = NMF_EXIT_OK;
    if ((ret = need_process (&s)))
	return steer_close (&s, ret);
    a = nmf_anchor_of (s.e.db, s.r.pid);
    /* When it was closed: keep-in-touch notes count from then. */
    if (! a || nmf_store_close (a, s.e.now))
	ret = NMF_EXIT_ERROR;
    nmf_dbmsg_release (&a);
    if (! ret) {
	nmf_engine_apply (&s.e, s.r.pid);
	printf ("closed process %s\n", s.r.pid);
    }
    return steer_close (&s, ret);
}

/* ---- snooze ---------------------------------------------------------- */

static int snooze_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_snooze = {
    .name = "snooze",
    .summary = "nothing of this process before a date",
    .args = "THREAD",
    .about = "Nothing of this process falls due before DATE (a date alone means\n"
	     "midnight in your zone).  --until= with no date ends a snooze.\n" THREAD_HELP,
    .shared = NMF_SHARE_NOW,
    .need = NMF_NEED_WRITE,
    .min_args = 1,
    .max_args = 1,
    .too_few = "which thread?",
    .main = snooze_main,
};

static int
snooze_main (int argc, char **argv)
{
    const char *until = NULL;
    const struct nmf_opt opts[] = {
	{ "until", NMF_OPT_STRING, &until, NULL, "DATE",
	  "the day or time (needed): 2026-12-10, friday,\n"
	  "2026-12-10T09:00, next tuesday 14:00" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    struct steer s;
    struct nmf_dbmsg *a;
    gint64 t = 0;
    int ret = steer_open (&s, &nmf_cmd_snooze, opts, argc, argv);

    if (ret >= 0)
	return ret;
    ret = NMF_EXIT_OK;
    if (! until)
	return steer_close (&s, nmf_frame_usage_error (&s.f,
						       "--until=DATE is "
						       "needed"));
    if (*until && ! nmf_frame_time (&s.f, "--until", until, &t, NULL))
	return steer_close (&s, NMF_EXIT_ERROR);
    if ((ret = need_process (&s)))
	return steer_close (&s, ret);
    a = nmf_anchor_of (s.e.db, s.r.pid);
    if (! a || nmf_store_snooze (a, t))
	ret = NMF_EXIT_ERROR;
    nmf_dbmsg_release (&a);
    if (! ret) {
	g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (t);
	g_autoptr (GDateTime) local = g_date_time_to_timezone (u, s.f.tz);
	g_autofree char *when = g_date_time_format (local,
						    "%a %Y-%m-%d %H:%M");

	nmf_engine_apply (&s.e, s.r.pid);
	if (t)
	    printf ("snoozed process %s until %s\n", s.r.pid, when);
	else
	    printf ("process %s woken up\n", s.r.pid);
    }
    return steer_close (&s, ret);
}

/* ---- redraft --------------------------------------------------------- */

static int redraft_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_redraft = {
    .name = "redraft",
    .summary = "write again a draft you deleted",
    .args = "THREAD",
    .about = "Write again, once, the draft of a step that is still due but whose\n"
	     "draft you deleted (for one person with --to).  A draft that is\n"
	     "still there is left as it is.\n" THREAD_HELP,
    .shared = NMF_SHARE_NOW,
    .need = NMF_NEED_WRITE,
    .min_args = 1,
    .max_args = 1,
    .too_few = "which thread?",
    .main = redraft_main,
};

static int
redraft_main (int argc, char **argv)
{
    const char *to = NULL;
    const struct nmf_opt opts[] = {
	{ "to", NMF_OPT_STRING, &to, NULL, "ADDR",
	  "only the draft to this person" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    g_autoptr (GPtrArray) live = NULL;
    struct nmf_loaded *l = NULL;
    struct nmf_dbmsg *a = NULL;
    struct nmf_eval e = { 0 };
    struct steer s;
    unsigned again = 0;
    guint i, k;
    int ret = steer_open (&s, &nmf_cmd_redraft, opts, argc, argv);

    if (ret >= 0)
	return ret;
    ret = NMF_EXIT_OK;
    if ((ret = need_process (&s)))
	return steer_close (&s, ret);
    l = nmf_store_load (s.e.db, &s.e.cfg, s.r.pid, NULL);
    a = nmf_anchor_of (s.e.db, s.r.pid);
    if (! l || ! a) {
	nmf_error ("cannot load process %s", s.r.pid);
	nmf_loaded_free (&l);
	nmf_dbmsg_release (&a);
	return steer_close (&s, NMF_EXIT_ERROR);
    }
    nmf_process_evaluate (l->proc, s.e.now, &s.e.cfg, s.e.tz, &e);
    live = nmf_store_live_drafts (s.e.db, &s.e.cfg, s.r.pid);
    for (i = 0; i < e.due->len && ! ret; i++) {
	const struct nmf_due *d = e.due->pdata[i];
	g_autofree char *key = nmf_drafter_key (d);
	const char *who = d->to->name ? d->to->name : d->to->addr;
	gboolean drafted = FALSE, there = FALSE;

	if (! nmf_step_has_draft (d->step)
	    || (to && g_ascii_strcasecmp (to, d->to->addr) != 0))
	    continue;
	for (k = 0; k < l->drafted->len; k++)
	    drafted |= strcmp (l->drafted->pdata[k], key) == 0;
	for (k = 0; k < live->len; k++) {
	    const struct nmf_live_draft *x = live->pdata[k];

	    /* Gone from disk before notmuch new noticed: no draft. */
	    there |= strcmp (x->key, key) == 0 && ! x->gone;
	}
	if (there) {
	    printf ("the %s draft for %s is there: left as it is\n",
		    nmf_step_to_string (d->step), who);
	} else if (drafted) {
	    if (nmf_store_forget_drafted (a, key))
		ret = NMF_EXIT_ERROR;
	    else
		again++;
	}
    }
    if (! again && ! ret)
	printf ("no deleted draft of a due step%s%s\n", to ? " for " : "",
		to ? to : "");
    nmf_eval_release (&e);
    nmf_loaded_free (&l);
    nmf_dbmsg_release (&a);
    if (again && ! ret)
	nmf_engine_apply (&s.e, s.r.pid);
    return steer_close (&s, ret);
}

/* ---- ignore ---------------------------------------------------------- */

struct untag {
    const struct nmf_config *cfg;
    GPtrArray *remove;
    unsigned count;
};

static int
untag_cb (struct nmf_dbmsg *m, void *data)
{
    struct untag *u = data;

    nmf_dbmsg_tag (m, NULL, (const char *const *) u->remove->pdata, NULL);
    nmf_store_ignore (m);
    u->count++;
    return 0;
}

struct threads {
    GPtrArray *ids;
};

static int
threads_cb (struct nmf_dbmsg *m, void *data)
{
    struct threads *t = data;
    const char *id = nmf_dbmsg_thread (m);
    guint i;

    for (i = 0; i < t->ids->len; i++) {
	if (strcmp (t->ids->pdata[i], id) == 0)
	    return 0;
    }
    g_ptr_array_add (t->ids, g_strdup (id));
    return 0;
}

static int ignore_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_ignore = {
    .name = "ignore",
    .summary = "this thread is no interview: untag it",
    .args = "THREAD",
    .about = "This is not an interview: the thread (and every thread of its\n"
	     "process) loses the interview and followup/* tags and is never picked\n"
	     "up again.  Your own tags and the mail files are left as they are.\n" THREAD_HELP,
    .need = NMF_NEED_WRITE,
    .min_args = 1,
    .max_args = 1,
    .too_few = "which thread?",
    .main = ignore_main,
};

static int
ignore_main (int argc, char **argv)
{
    struct threads t = { NULL };
    struct untag u = { 0 };
    struct steer s;
    guint i;
    int k;
    int ret = steer_open (&s, &nmf_cmd_ignore, NULL, argc, argv);

    if (ret >= 0)
	return ret;
    ret = NMF_EXIT_OK;
    t.ids = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (t.ids, g_strdup (s.r.thread));
    if (s.r.pid) {
	g_autofree char *q = nmf_store_query_process (s.r.pid);

	nmf_db_each_message (s.e.db, q, threads_cb, &t);
    }
    u.cfg = &s.e.cfg;
    u.remove = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (u.remove, g_strdup (s.e.cfg.tag_interview));
    for (k = 0; k < NMF_STATE_COUNT; k++)
	g_ptr_array_add (u.remove, nmf_engine_state_tag (&s.e.cfg, k));
    g_ptr_array_add (u.remove, NULL);
    nmf_db_begin_atomic (s.e.db);
    for (i = 0; i < t.ids->len; i++) {
	g_autofree char *q = g_strdup_printf ("thread:%s",
					      (char *) t.ids->pdata[i]);

	nmf_db_each_message (s.e.db, q, untag_cb, &u);
    }
    nmf_db_end_atomic (s.e.db);
    printf ("ignored %u message%s in %u thread%s; they will not be picked "
	    "up again\n",
	    u.count, u.count == 1 ? "" : "s", t.ids->len,
	    t.ids->len == 1 ? "" : "s");
    g_ptr_array_unref (u.remove);
    g_ptr_array_unref (t.ids);
    return steer_close (&s, NMF_EXIT_OK);
}

/* ---- note ------------------------------------------------------------ */

/* "N", a round number from 1. */
static gboolean
parse_round_no (const char *opt, const char *v, int *n)
{
    char *end = NULL;
    long x = strtol (v, &end, 10);

    if (! *v || *end || x < 1 || x > 1000) {
	nmf_error ("%s: '%s' is not a round number (1, 2, ...)", opt, v);
	return FALSE;
    }
    *n = (int) x;
    return TRUE;
}

static int note_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_note = {
    .name = "note",
    .summary = "tell a process what happened outside mail",
    .args = "THREAD [TEXT]",
    .about = "Tell the process what happened outside mail.  TEXT is what you\n"
	     "talked about: the next draft uses it as the specific detail (for\n"
	     "one interviewer with --to; without it, one draft of a panel).\n"
	     "Dates and times: 2026-12-10, 2026-12-10T09:00, friday, tomorrow\n"
	     "10am, next tuesday 14:00, dec 10 (in your zone).\n" THREAD_HELP,
    .shared = NMF_SHARE_NOW,
    .need = NMF_NEED_WRITE,
    .min_args = 1,
    .max_args = 2,
    .too_few = "which thread?",
    .main = note_main,
};

static int
note_main (int argc, char **argv)
{
    const char *to = NULL, *decision = NULL, *at = NULL;
    g_autoptr (GPtrArray) who = g_ptr_array_new ();
    g_autoptr (GPtrArray) keep = g_ptr_array_new ();
    g_autoptr (GPtrArray) nots = g_ptr_array_new ();
    const char *opt_round = NULL, *opt_cancel = NULL;
    int answered = 0;
    const struct nmf_opt opts[] = {
	{ "to", NMF_OPT_STRING, &to, NULL, "ADDR",
	  "TEXT is for this interviewer's draft" },
	{ "decision-by", NMF_OPT_STRING, &decision, NULL, "DATE",
	  "the decision date said in the interview" },
	{ "interview-at", NMF_OPT_STRING, &at, NULL, "WHEN[/END]",
	  "an interview arranged outside mail (it lasts an\n"
	  "hour unless END is given); on a thread without a\n"
	  "process this starts one" },
	{ "round", NMF_OPT_STRING, &opt_round, NULL, "N",
	  "with --interview-at: move round N (as show\n"
	  "numbers them) to that time instead" },
	{ "cancel-round", NMF_OPT_STRING, &opt_cancel, NULL, "N",
	  "round N did not happen" },
	{ "interviewer", NMF_OPT_STRINGS, who, NULL, "'Name <addr>'",
	  "who you met (repeatable)" },
	{ "not-interviewer", NMF_OPT_STRINGS, nots, NULL, "ADDR",
	  "someone taken for an interviewer who was none\n"
	  "(repeatable): no thank-you goes to them" },
	{ "keep-in-touch", NMF_OPT_STRINGS, keep, NULL, "'Name <addr>'",
	  "stay in touch with them after the process closes\n"
	  "(with followup.keep_in_touch_days)" },
	{ "answered", NMF_OPT_BOOL, &answered, NULL, NULL,
	  "you answered what the employer asked outside mail\n"
	  "(a call, in person): the reply step ends" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    struct steer s;
    struct nmf_dbmsg *a = NULL;
    gint64 start = 0, end = 0, by = 0, moved_from = 0, cancelled = 0;
    int round_no = 0, cancel_no = 0;
    guint i;
    int ret = steer_open (&s, &nmf_cmd_note, opts, argc, argv);
    GPtrArray *args;

    if (ret >= 0)
	return ret;
    ret = NMF_EXIT_OK;
    args = s.f.args;
    if ((opt_round && ! parse_round_no ("--round", opt_round, &round_no))
	|| (opt_cancel
	    && ! parse_round_no ("--cancel-round", opt_cancel, &cancel_no)))
	return steer_close (&s, NMF_EXIT_ERROR);
    if (opt_round && ! at) {
	nmf_error ("--round=N moves round N: give its new time with "
		   "--interview-at");
	return steer_close (&s, NMF_EXIT_ERROR);
    }
    for (i = 0; i < nots->len; i++) {
	if (! strchr (nots->pdata[i], '@')) {
	    nmf_error ("--not-interviewer: '%s' is not an address",
		       (char *) nots->pdata[i]);
	    return steer_close (&s, NMF_EXIT_ERROR);
	}
    }
    if (decision) {
	gint64 day;

	if (! nmf_frame_time (&s.f, "--decision-by", decision, &day, NULL))
	    return steer_close (&s, NMF_EXIT_ERROR);
	/* The day it names, as noon UTC of that date (a day, not an
	 * instant: DESIGN §5). */
	{
	    g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (day);
	    g_autoptr (GDateTime) local = g_date_time_to_timezone (u, s.f.tz);
	    g_autoptr (GDateTime) noon = g_date_time_new_utc (
		g_date_time_get_year (local), g_date_time_get_month (local),
		g_date_time_get_day_of_month (local), 12, 0, 0);

	    by = g_date_time_to_unix (noon);
	}
    }
    if (at) {
	g_auto (GStrv) parts = g_strsplit (at, "/", 2);

	if (! nmf_frame_time (&s.f, "--interview-at", parts[0], &start, NULL)
	    || (parts[1]
		&& ! nmf_frame_time (&s.f, "--interview-at", parts[1], &end,
				     NULL)))
	    return steer_close (&s, NMF_EXIT_ERROR);
	if (end <= start)
	    end = start + 3600;
    }
    for (i = 0; i < who->len + keep->len; i++) {
	const char *v = i < who->len ? who->pdata[i]
				     : keep->pdata[i - who->len];
	struct nmf_address *p = nmf_mime_parse_address (v);

	if (! p || ! strchr (p->addr, '@')) {
	    nmf_error ("'%s' is not 'Name <addr>'", v);
	    nmf_address_free (p);
	    return steer_close (&s, NMF_EXIT_ERROR);
	}
	nmf_address_free (p);
    }
    if (args->len == 1 && ! decision && ! at && ! who->len && ! keep->len
	&& ! nots->len && ! opt_cancel && ! answered)
	return steer_close (&s, nmf_frame_usage_error (&s.f,
						       "nothing to note"));

    if (! s.r.pid) {
	/* An interview arranged outside mail starts a process on this
	 * thread (DESIGN §3). */
	struct nmf_fact *f;

	if (! at) {
	    nmf_error ("'%s' is not part of an interview process; give "
		       "--interview-at to start one",
		       (char *) args->pdata[0]);
	    return steer_close (&s, NMF_EXIT_ERROR);
	}
	f = nmf_fact_new (s.r.first_id, s.r.thread);
	f->pid = nmf_process_id_for (s.r.first_id);
	f->anchor = TRUE;
	f->kind = NMF_KIND_INTERVIEW_INVITE;
	{
	    /* What the thread's first message says of the employer. */
	    struct nmf_dbmsg *m = nmf_db_find (s.e.db, s.r.first_id);
	    struct nmf_message *msg = NULL;
	    g_autofree char *why = NULL;

	    if (m && ! nmf_mime_parse_file (nmf_dbmsg_filename (m), &msg,
					    &why)) {
		struct nmf_extract x;

		nmf_extract_message (msg, nmf_config_user_emails (&s.e.cfg),
				     &x);
		f->company = g_strdup (x.company);
		f->role = g_strdup (x.role);
		nmf_extract_release (&x);
		nmf_message_free (&msg);
	    }
	    nmf_dbmsg_release (&m);
	}
	nmf_store_fact (s.e.db, f);
	s.r.pid = g_strdup (f->pid);
	nmf_fact_free (f);
    }
    /* Rounds are named as show numbers them: by the process as it
     * stands now. */
    if (round_no || cancel_no) {
	struct nmf_loaded *l = nmf_store_load (s.e.db, &s.e.cfg, s.r.pid,
					       NULL);
	guint n = l ? l->proc->rounds->len : 0;
	int bad = round_no > (int) n ? round_no
		  : cancel_no > (int) n ? cancel_no : 0;

	if (bad) {
	    nmf_error ("process %s has no round %d (it has %u)", s.r.pid, bad,
		       n);
	    nmf_loaded_free (&l);
	    return steer_close (&s, NMF_EXIT_ERROR);
	}
	if (round_no)
	    moved_from = ((const struct nmf_round *)
			      l->proc->rounds->pdata[round_no - 1])->start;
	if (cancel_no)
	    cancelled = ((const struct nmf_round *)
			     l->proc->rounds->pdata[cancel_no - 1])->start;
	nmf_loaded_free (&l);
    }
    a = nmf_anchor_of (s.e.db, s.r.pid);
    if (! a) {
	nmf_error ("cannot find the first message of process %s", s.r.pid);
	return steer_close (&s, NMF_EXIT_ERROR);
    }
    if (args->len == 2) {
	g_autofree char *text = g_strstrip (g_strdup (args->pdata[1]));

	ret = nmf_store_set_note (a, to, text);
    }
    if (! ret && by)
	ret = nmf_store_set_decision_by (a, by);
    if (! ret && answered)
	ret = nmf_store_answered (a, s.e.now);
    if (! ret && start && moved_from)
	ret = nmf_store_move_round (a, moved_from, start, end);
    else if (! ret && start)
	ret = nmf_store_add_round (a, start, end);
    if (! ret && cancelled)
	ret = nmf_store_cancel_round (a, cancelled);
    for (i = 0; ! ret && i < who->len; i++) {
	struct nmf_address *p = nmf_mime_parse_address (who->pdata[i]);

	ret = nmf_store_add_interviewer (a, p->addr, p->name);
	nmf_address_free (p);
    }
    for (i = 0; ! ret && i < nots->len; i++)
	ret = nmf_store_not_interviewer (a, nots->pdata[i]);
    for (i = 0; ! ret && i < keep->len; i++) {
	struct nmf_address *p = nmf_mime_parse_address (keep->pdata[i]);

	ret = nmf_store_keep_in_touch (a, p->addr, p->name);
	nmf_address_free (p);
    }
    nmf_dbmsg_release (&a);
    if (ret)
	return steer_close (&s, NMF_EXIT_ERROR);
    nmf_engine_apply (&s.e, s.r.pid);
    printf ("noted for process %s\n", s.r.pid);
    return steer_close (&s, NMF_EXIT_OK);
}
