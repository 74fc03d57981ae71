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
    struct nmf_engine e;
    struct nmf_resolve r;
};

static int
steer_open (struct steer *s, const char *opt_now, const char *arg)
{
    memset (s, 0, sizeof (*s));
    if (! nmf_now (opt_now, &s->e.now))
	return NMF_EXIT_ERROR;
    if (nmf_open_db (NMF_DB_READ_WRITE, &s->e.cfg, &s->e.db))
	return NMF_EXIT_ERROR;
    nmf_engine_init (&s->e);
    if (! nmf_resolve (s->e.db, arg, &s->r)) {
	nmf_engine_release (&s->e);
	nmf_db_close (&s->e.db);
	nmf_config_release (&s->e.cfg);
	return NMF_EXIT_ERROR;
    }
    return NMF_EXIT_OK;
}

static int
steer_close (struct steer *s, int ret)
{
    if (s->e.report && s->e.report->len)
	printf ("%s", s->e.report->str);
    nmf_engine_release (&s->e);
    if (nmf_db_close (&s->e.db))
	ret = NMF_EXIT_ERROR;
    nmf_config_release (&s->e.cfg);
    nmf_resolve_release (&s->r);
    return ret;
}

static int
need_process (struct steer *s, const char *arg)
{
    if (s->r.pid)
	return NMF_EXIT_OK;
    nmf_error ("'%s' is not part of an interview process", arg);
    return NMF_EXIT_ERROR;
}

static int
parse_args (int argc, char **argv, const struct nmf_opt *opts,
	    const char *usage, GPtrArray **args, guint min, guint max)
{
    int help = 0;

    if (nmf_opts_parse (opts, argc, argv, usage, args, &help) < 0)
	return NMF_EXIT_ERROR;
    if (help)
	return -1;
    if ((*args)->len < min || (*args)->len > max) {
	fprintf (stderr, "notmuch-followup: %s: %s\n\n%s", argv[0],
		 (*args)->len < min ? "which thread?" : "too many arguments",
		 usage);
	return NMF_EXIT_ERROR;
    }
    return NMF_EXIT_OK;
}

/* ---- close ----------------------------------------------------------- */

static const char close_usage[]
    = "usage: notmuch-followup close [--now=WHEN] THREAD\n"
      "\n"
      "You are done with this process: it is closed, tagged followup/closed,\n"
      "and nothing more falls due.  THREAD is thread:ID, a thread id, any\n"
      "notmuch query, or a process id as 'list' shows it.\n";

int
nmf_cmd_close (int argc, char **argv)
{
    const char *opt_now = NULL;
    const struct nmf_opt opts[] = {
	{ "now", NMF_OPT_STRING, &opt_now, NULL },
	{ NULL, 0, NULL, NULL },
    };
    g_autoptr (GPtrArray) args = NULL;
    struct steer s;
    struct nmf_dbmsg *a;
    int ret = parse_args (argc, argv, opts, close_usage, &args, 1, 1);

    if (ret)
	return ret < 0 ? NMF_EXIT_OK : ret;
    if ((ret = steer_open (&s, opt_now, args->pdata[0])))
	return ret;
    if ((ret = need_process (&s, args->pdata[0])))
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

static const char snooze_usage[]
    = "usage: notmuch-followup snooze --until=DATE [--now=WHEN] THREAD\n"
      "\n"
      "Nothing of this process falls due before DATE (ISO 8601; a date alone\n"
      "means midnight in your zone).  --until= with no date ends a snooze.\n";

int
nmf_cmd_snooze (int argc, char **argv)
{
    const char *opt_now = NULL, *until = NULL;
    const struct nmf_opt opts[] = {
	{ "until", NMF_OPT_STRING, &until, NULL },
	{ "now", NMF_OPT_STRING, &opt_now, NULL },
	{ NULL, 0, NULL, NULL },
    };
    g_autoptr (GPtrArray) args = NULL;
    g_autofree char *value = NULL;
    struct steer s;
    struct nmf_dbmsg *a;
    gint64 t = 0;
    int ret = parse_args (argc, argv, opts, snooze_usage, &args, 1, 1);

    if (ret)
	return ret < 0 ? NMF_EXIT_OK : ret;
    if (! until) {
	fprintf (stderr, "notmuch-followup: snooze: --until=DATE is "
			 "needed\n\n%s",
		 snooze_usage);
	return NMF_EXIT_ERROR;
    }
    if (*until && ! nmf_parse_time (until, &t)) {
	nmf_error ("--until: '%s' is not an ISO 8601 date", until);
	return NMF_EXIT_ERROR;
    }
    if ((ret = steer_open (&s, opt_now, args->pdata[0])))
	return ret;
    if ((ret = need_process (&s, args->pdata[0])))
	return steer_close (&s, ret);
    a = nmf_anchor_of (s.e.db, s.r.pid);
    if (! a || nmf_store_snooze (a, t))
	ret = NMF_EXIT_ERROR;
    nmf_dbmsg_release (&a);
    if (! ret) {
	nmf_engine_apply (&s.e, s.r.pid);
	printf (t ? "snoozed process %s until %s\n" : "process %s woken up\n",
		s.r.pid, until);
    }
    return steer_close (&s, ret);
}

/* ---- redraft --------------------------------------------------------- */

static const char redraft_usage[]
    = "usage: notmuch-followup redraft [--to=ADDR] [--now=WHEN] THREAD\n"
      "\n"
      "Write again, once, the draft of a step that is still due but whose\n"
      "draft you deleted (for one person with --to).  A draft that is\n"
      "still there is left as it is.\n";

int
nmf_cmd_redraft (int argc, char **argv)
{
    const char *opt_now = NULL, *to = NULL;
    const struct nmf_opt opts[] = {
	{ "to", NMF_OPT_STRING, &to, NULL },
	{ "now", NMF_OPT_STRING, &opt_now, NULL },
	{ NULL, 0, NULL, NULL },
    };
    g_autoptr (GPtrArray) args = NULL;
    g_autoptr (GPtrArray) live = NULL;
    struct nmf_loaded *l = NULL;
    struct nmf_dbmsg *a = NULL;
    struct nmf_eval e = { 0 };
    struct steer s;
    unsigned again = 0;
    guint i, k;
    int ret = parse_args (argc, argv, opts, redraft_usage, &args, 1, 1);

    if (ret)
	return ret < 0 ? NMF_EXIT_OK : ret;
    if ((ret = steer_open (&s, opt_now, args->pdata[0])))
	return ret;
    if ((ret = need_process (&s, args->pdata[0])))
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
	    there |= strcmp (x->key, key) == 0 && access (x->file, F_OK) == 0;
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

static const char ignore_usage[]
    = "usage: notmuch-followup ignore THREAD\n"
      "\n"
      "This is not an interview: the thread (and every thread of its\n"
      "process) loses the interview and followup/* tags and is never picked\n"
      "up again.  Your own tags and the mail files are left as they are.\n";

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

int
nmf_cmd_ignore (int argc, char **argv)
{
    const struct nmf_opt opts[] = { { NULL, 0, NULL, NULL } };
    g_autoptr (GPtrArray) args = NULL;
    struct threads t = { g_ptr_array_new_with_free_func (g_free) };
    struct untag u = { 0 };
    struct steer s;
    guint i;
    int k;
    int ret = parse_args (argc, argv, opts, ignore_usage, &args, 1, 1);

    if (ret) {
	g_ptr_array_unref (t.ids);
	return ret < 0 ? NMF_EXIT_OK : ret;
    }
    if ((ret = steer_open (&s, NULL, args->pdata[0]))) {
	g_ptr_array_unref (t.ids);
	return ret;
    }
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

static const char note_usage[]
    = "usage: notmuch-followup note [--to=ADDR] [--decision-by=DATE]\n"
      "           [--interview-at=WHEN[/END] [--round=N]] [--cancel-round=N]\n"
      "           [--interviewer='Name <addr>']... [--not-interviewer=ADDR]...\n"
      "           [--keep-in-touch='Name <addr>']... [--answered]\n"
      "           [--now=WHEN] THREAD [TEXT]\n"
      "\n"
      "Tell the process what happened outside mail.\n"
      "\n"
      "  TEXT               what you talked about; the next draft uses it as\n"
      "                     the specific detail (for one interviewer with --to)\n"
      "  --decision-by=DATE the decision date said in the interview\n"
      "  --interview-at=WHEN an interview arranged outside mail (ISO 8601;\n"
      "                     WHEN/END gives its end, else it lasts an hour);\n"
      "                     on a thread without a process this starts one\n"
      "  --round=N          with --interview-at: move round N (as show\n"
      "                     numbers them) to that time instead\n"
      "  --cancel-round=N   round N did not happen\n"
      "  --interviewer='Name <addr>'  who you met (repeatable)\n"
      "  --answered         you answered what the employer asked outside\n"
      "                     mail (a call, in person): the reply step ends\n"
      "  --not-interviewer=ADDR  someone taken for an interviewer who was\n"
      "                     none (repeatable): no thank-you goes to them\n"
      "  --keep-in-touch='Name <addr>'  stay in touch with them after the\n"
      "                     process closes (with followup.keep_in_touch_days)\n";

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

int
nmf_cmd_note (int argc, char **argv)
{
    const char *opt_now = NULL, *to = NULL, *decision = NULL, *at = NULL;
    g_autoptr (GPtrArray) who = g_ptr_array_new ();
    g_autoptr (GPtrArray) keep = g_ptr_array_new ();
    g_autoptr (GPtrArray) nots = g_ptr_array_new ();
    const char *opt_round = NULL, *opt_cancel = NULL;
    int answered = 0;
    const struct nmf_opt opts[] = {
	{ "answered", NMF_OPT_BOOL, &answered, NULL },
	{ "keep-in-touch", NMF_OPT_STRINGS, keep, NULL },
	{ "not-interviewer", NMF_OPT_STRINGS, nots, NULL },
	{ "round", NMF_OPT_STRING, &opt_round, NULL },
	{ "cancel-round", NMF_OPT_STRING, &opt_cancel, NULL },
	{ "to", NMF_OPT_STRING, &to, NULL },
	{ "decision-by", NMF_OPT_STRING, &decision, NULL },
	{ "interview-at", NMF_OPT_STRING, &at, NULL },
	{ "interviewer", NMF_OPT_STRINGS, who, NULL },
	{ "now", NMF_OPT_STRING, &opt_now, NULL },
	{ NULL, 0, NULL, NULL },
    };
    g_autoptr (GPtrArray) args = NULL;
    struct steer s;
    struct nmf_dbmsg *a = NULL;
    gint64 start = 0, end = 0, by = 0, moved_from = 0, cancelled = 0;
    int round_no = 0, cancel_no = 0;
    guint i;
    int ret = parse_args (argc, argv, opts, note_usage, &args, 1, 2);

    if (ret)
	return ret < 0 ? NMF_EXIT_OK : ret;
    if ((opt_round && ! parse_round_no ("--round", opt_round, &round_no))
	|| (opt_cancel
	    && ! parse_round_no ("--cancel-round", opt_cancel, &cancel_no)))
	return NMF_EXIT_ERROR;
    if (opt_round && ! at) {
	nmf_error ("--round=N moves round N: give its new time with "
		   "--interview-at");
	return NMF_EXIT_ERROR;
    }
    for (i = 0; i < nots->len; i++) {
	if (! strchr (nots->pdata[i], '@')) {
	    nmf_error ("--not-interviewer: '%s' is not an address",
		       (char *) nots->pdata[i]);
	    return NMF_EXIT_ERROR;
	}
    }
    if (decision) {
	g_autofree char *day = g_strndup (decision, 10);
	g_autofree char *iso = g_strconcat (day, "T12:00:00Z", NULL);

	if (! nmf_parse_time (iso, &by)) {
	    nmf_error ("--decision-by: '%s' is not a date (YYYY-MM-DD)",
		       decision);
	    return NMF_EXIT_ERROR;
	}
    }
    if (at) {
	g_auto (GStrv) parts = g_strsplit (at, "/", 2);

	if (! nmf_parse_time (parts[0], &start)
	    || (parts[1] && ! nmf_parse_time (parts[1], &end))) {
	    nmf_error ("--interview-at: '%s' is not an ISO 8601 time (or "
		       "START/END)",
		       at);
	    return NMF_EXIT_ERROR;
	}
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
	    return NMF_EXIT_ERROR;
	}
	nmf_address_free (p);
    }
    if (args->len == 1 && ! decision && ! at && ! who->len && ! keep->len
	&& ! nots->len && ! opt_cancel && ! answered) {
	fprintf (stderr, "notmuch-followup: note: nothing to note\n\n%s",
		 note_usage);
	return NMF_EXIT_ERROR;
    }
    if ((ret = steer_open (&s, opt_now, args->pdata[0])))
	return ret;

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
