/* cmd-show.c — one process as a timeline (DESIGN §3 show): its messages,
 * interview rounds in the user's zone, interviewers with phone numbers,
 * the decision date, what was sent, what is due next and why, the drafts;
 * a short connection note per interviewer and, for a due call, what to
 * say.  Reads only; nothing is written. */
#include <stdio.h>
#include <string.h>

#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "nmf/drafter.h"
#include "nmf/log.h"
#include "nmf/mime.h"
#include "nmf/text.h"

/* LinkedIn caps invitation notes at 300 characters. */
#define NOTE_MAX 300


struct draft_info {
    GPtrArray *keys;   /* of char *: "STEP:ROUND:ADDR" */
    GPtrArray *files;  /* of char * */
    GPtrArray *notes;  /* of char *: the user's notes, "ADDR TEXT" ("*":
			* for everybody) */
};

/* The file of our draft for a due step, or NULL. */
static const char *
draft_file (const struct draft_info *d, const struct nmf_due *u)
{
    g_autofree char *key = nmf_drafter_key (u);
    guint k;

    for (k = 0; k < d->keys->len; k++) {
	if (strcmp (d->keys->pdata[k], key) == 0)
	    return d->files->pdata[k];
    }
    return NULL;
}

static char *
when (gint64 t, GTimeZone *tz, const char *fmt)
{
    g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (t);
    g_autoptr (GDateTime) l = NULL;

    if (! t || ! u)
	return g_strdup ("-");
    l = g_date_time_to_timezone (u, tz);
    return g_date_time_format (l, fmt);
}

static char *
first_name (const struct nmf_person *p)
{
    g_autofree char *n = nmf_text_first_name (p->name);

    return *n ? g_steal_pointer (&n) : g_strdup ("there");
}

/* Our own words; at most NOTE_MAX characters. */
static char *
connection_note (const struct nmf_process *p, const struct nmf_person *who,
		 const char *user_name)
{
    g_autofree char *first = first_name (who);
    GString *s = g_string_new (NULL);
    char *out;

    g_string_append_printf (s, "Hi %s, thank you for the conversation", first);
    if (p->role)
	g_string_append_printf (s, " about the %s role", p->role);
    if (p->company)
	g_string_append_printf (s, " at %s", p->company);
    g_string_append (s, ". I enjoyed learning about your work and would be "
			"glad to stay connected.");
    if (user_name && *user_name)
	g_string_append_printf (s, " %s", user_name);
    out = nmf_text_one_line (s->str, NOTE_MAX);
    g_string_free (s, TRUE);
    return out;
}

static const char *const call_lines[] = {
    "who you are, and the role and interview you are calling about;",
    "that you wrote twice and wanted to hear whether the role is still open;",
    "that you remain interested, and thank them for their time.",
};

static const char *
direction (const struct nmf_pmsg *m)
{
    if (m->is_draft)
	return "draft";
    if (m->from_user)
	return "out";
    return m->automated ? "auto" : "in";
}

/* ", Staff Engineer, system design" for show: what the invitation said
 * of the person; "" when nothing.  g_free. */
static char *
person_about (const struct nmf_person *w)
{
    return g_strconcat (w->title ? ", " : "", w->title ? w->title : "",
			w->part ? ", " : "", w->part ? w->part : "", NULL);
}

static void
print_text (const struct nmf_loaded *l, const struct nmf_eval *e,
	    const struct draft_info *d, const struct nmf_config *cfg,
	    GTimeZone *tz)
{
    const struct nmf_process *p = l->proc;
    guint i, k;

    printf ("%s%s%s    process %s\n", p->company ? p->company : "(company?)",
	    p->role ? " - " : "", p->role ? p->role : "", p->id);
    printf ("state:    %s\n", nmf_state_to_string (e->state));
    printf ("why:      %s\n", e->reason ? e->reason : "");
    if (e->next_change && e->next_step != NMF_NEXT_NONE) {
	g_autofree char *t = when (e->next_change, tz, "%a %Y-%m-%d %H:%M");

	printf ("next:     %s on %s\n", nmf_next_to_string (e->next_step), t);
    }
    if (p->decision_by) {
	g_autofree char *t = when (p->decision_by, tz, "%a %Y-%m-%d");

	printf ("decision: %s (noted by you)\n", t);
    } else {
	for (i = p->msgs->len; i > 0; i--) {
	    const struct nmf_pmsg *m = p->msgs->pdata[i - 1];

	    if (m->timeline && ! m->from_user) {
		g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (
		    m->timeline);
		g_autofree char *t = g_date_time_format (u, "%a %Y-%m-%d");

		printf ("decision: %s (stated by the employer)\n", t);
		break;
	    }
	}
    }
    printf ("rounds:\n");
    if (! p->rounds->len)
	printf ("  (no interview time known)\n");
    for (i = 0; i < p->rounds->len; i++) {
	const struct nmf_round *r = p->rounds->pdata[i];
	g_autofree char *s = when (r->start, tz, "%a %d %b %Y %H:%M");
	g_autofree char *t = when (r->end, tz, "%H:%M %Z");

	printf ("  %u  %s-%s%s\n", i + 1, s, t,
		r->end_assumed ? " (end not stated: an hour assumed)" : "");
	for (k = 0; k < r->interviewers->len; k++) {
	    const struct nmf_person *w = r->interviewers->pdata[k];

	    g_autofree char *about = person_about (w);

	    if (*w->addr)
		printf ("     with %s <%s>%s%s%s\n", w->name ? w->name : "",
			w->addr, about, w->phone ? ", phone " : "",
			w->phone ? w->phone : "");
	    else
		printf ("     with %s%s (no address in the mail)\n",
			w->name ? w->name : "", about);
	}
    }
    printf ("timeline:\n");
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];
	g_autofree char *t = when (m->date, tz, "%Y-%m-%d %H:%M");
	g_autofree char *subj = nmf_text_one_line (m->subject, 60);
	g_autofree char *who = nmf_text_one_line (
	    m->from_user ? (m->recipients->len ? m->recipients->pdata[0] : "")
			 : (m->from_name ? m->from_name : m->from),
	    30);

	printf ("  %s  %-5s %-20s %s%s: %s\n", t, direction (m),
		m->kind != NMF_KIND_UNRELATED ? nmf_kind_to_string (m->kind)
					      : "",
		m->from_user ? "to " : "", who, subj);
    }
    printf ("due:\n");
    if (! e->due->len)
	printf ("  nothing now\n");
    for (i = 0; i < e->due->len; i++) {
	const struct nmf_due *u = e->due->pdata[i];
	g_autofree char *t = when (u->since, tz, "%a %Y-%m-%d %H:%M");
	const char *file = draft_file (d, u);
	printf ("  %s to %s <%s>, since %s\n", nmf_step_to_string (u->step),
		u->to->name ? u->to->name : "", u->to->addr, t);
	if (u->step == NMF_STEP_CALL) {
	    printf ("    call %s and say:\n", u->to->phone ? u->to->phone : "");
	    for (k = 0; k < G_N_ELEMENTS (call_lines); k++)
		printf ("      - %s\n", call_lines[k]);
	} else if (u->step == NMF_STEP_REPLY) {
	    g_autofree char *late = when (u->late_at, tz, "%a %Y-%m-%d %H:%M");

	    printf ("    asked: \"%s\"\n", u->what ? u->what : "");
	    printf ("    answer by %s (no draft: the answer is yours)\n",
		    late);
	} else if (u->step == NMF_STEP_DECIDE) {
	    g_autofree char *by = when (u->late_at, tz, "%a %Y-%m-%d");

	    printf ("    answer the offer by %s (no draft: the decision is "
		    "yours)\n", by);
	} else {
	    printf ("    %s%s\n", file ? "draft: " : "no draft yet",
		    file ? file : "");
	}
    }
    if (d->notes->len) {
	printf ("your notes (the drafts use them):\n");
	for (k = 0; k < d->notes->len; k++) {
	    const char *v = d->notes->pdata[k];
	    gsize n = strcspn (v, " ");

	    printf ("  %.*s: %s\n", n == 1 && *v == '*' ? 9 : (int) n,
		    n == 1 && *v == '*' ? "everybody" : v, v[n] ? v + n + 1 : "");
	}
    }
    if (d->files->len) {
	printf ("drafts:\n");
	for (k = 0; k < d->files->len; k++)
	    printf ("  %s  %s\n", (char *) d->keys->pdata[k],
		    (char *) d->files->pdata[k]);
    }
    printf ("connection notes (at most %d characters, to paste):\n", NOTE_MAX);
    for (i = 0; i < p->rounds->len; i++) {
	const struct nmf_round *r = p->rounds->pdata[i];

	for (k = 0; k < r->interviewers->len; k++) {
	    g_autofree char *note = connection_note (
		p, r->interviewers->pdata[k], cfg->user_name);
	    const struct nmf_person *w = r->interviewers->pdata[k];

	    printf ("  %s: %s\n", w->name ? w->name : w->addr, note);
	}
    }
}

static void
print_json (const struct nmf_loaded *l, const struct nmf_eval *e,
	    const struct draft_info *d, const struct nmf_config *cfg)
{
    const struct nmf_process *p = l->proc;
    struct nmf_printer *o = nmf_printer_new (NMF_FORMAT_JSON, stdout);
    guint i, k;

    o->begin_map (o);
    nmf_printer_kv_string (o, "process", p->id);
    nmf_printer_kv_string (o, "company", p->company);
    nmf_printer_kv_string (o, "role", p->role);
    nmf_printer_kv_string (o, "state", nmf_state_to_string (e->state));
    nmf_printer_kv_string (o, "reason", e->reason);
    nmf_printer_kv_time (o, "next_change", e->next_change);
    nmf_printer_kv_string (o, "next_step", nmf_next_to_string (e->next_step));
    nmf_printer_kv_time (o, "decision_by", p->decision_by);
    o->map_key (o, "threads");
    o->begin_list (o);
    for (i = 0; i < l->threads->len; i++)
	o->string (o, l->threads->pdata[i]);
    o->end (o);
    o->map_key (o, "rounds");
    o->begin_list (o);
    for (i = 0; i < p->rounds->len; i++) {
	const struct nmf_round *r = p->rounds->pdata[i];

	o->begin_map (o);
	nmf_printer_kv_time (o, "start", r->start);
	nmf_printer_kv_time (o, "end", r->end);
	o->map_key (o, "end_assumed");
	o->boolean (o, r->end_assumed);
	o->map_key (o, "interviewers");
	o->begin_list (o);
	for (k = 0; k < r->interviewers->len; k++) {
	    const struct nmf_person *w = r->interviewers->pdata[k];
	    g_autofree char *note = connection_note (p, w, cfg->user_name);

	    o->begin_map (o);
	    nmf_printer_kv_string (o, "name", w->name);
	    nmf_printer_kv_string (o, "addr", *w->addr ? w->addr : NULL);
	    nmf_printer_kv_string (o, "phone", w->phone);
	    nmf_printer_kv_string (o, "title", w->title);
	    nmf_printer_kv_string (o, "part", w->part);
	    nmf_printer_kv_string (o, "connection_note", note);
	    o->end (o);
	}
	o->end (o);
	o->end (o);
    }
    o->end (o);
    o->map_key (o, "messages");
    o->begin_list (o);
    for (i = 0; i < p->msgs->len; i++) {
	const struct nmf_pmsg *m = p->msgs->pdata[i];

	o->begin_map (o);
	nmf_printer_kv_string (o, "id", m->id);
	nmf_printer_kv_time (o, "date", m->date);
	nmf_printer_kv_string (o, "direction", direction (m));
	nmf_printer_kv_string (o, "kind", nmf_kind_to_string (m->kind));
	nmf_printer_kv_string (o, "from", m->from);
	nmf_printer_kv_string (o, "subject", m->subject);
	o->end (o);
    }
    o->end (o);
    o->map_key (o, "due");
    o->begin_list (o);
    for (i = 0; i < e->due->len; i++) {
	const struct nmf_due *u = e->due->pdata[i];
	const char *file = draft_file (d, u);
	o->begin_map (o);
	nmf_printer_kv_string (o, "step", nmf_step_to_string (u->step));
	o->map_key (o, "to");
	o->begin_map (o);
	nmf_printer_kv_string (o, "name", u->to->name);
	nmf_printer_kv_string (o, "addr", u->to->addr);
	nmf_printer_kv_string (o, "phone", u->to->phone);
	o->end (o);
	nmf_printer_kv_time (o, "since", u->since);
	nmf_printer_kv_time (o, "late_at", u->late_at);
	nmf_printer_kv_string (o, "draft", file);
	if (u->what)
	    nmf_printer_kv_string (o, "request", u->what);
	if (u->step == NMF_STEP_CALL) {
	    o->map_key (o, "call_script");
	    o->begin_list (o);
	    for (k = 0; k < G_N_ELEMENTS (call_lines); k++)
		o->string (o, call_lines[k]);
	    o->end (o);
	}
	o->end (o);
    }
    o->end (o);
    o->map_key (o, "drafts");
    o->begin_list (o);
    for (k = 0; k < d->files->len; k++) {
	o->begin_map (o);
	nmf_printer_kv_string (o, "step", d->keys->pdata[k]);
	nmf_printer_kv_string (o, "file", d->files->pdata[k]);
	o->end (o);
    }
    o->end (o);
    /* The user's notes: "to" is null for the one for everybody. */
    o->map_key (o, "notes");
    o->begin_list (o);
    for (k = 0; k < d->notes->len; k++) {
	const char *v = d->notes->pdata[k];
	gsize n = strcspn (v, " ");
	g_autofree char *to = g_strndup (v, n);

	o->begin_map (o);
	nmf_printer_kv_string (o, "to", strcmp (to, "*") ? to : NULL);
	nmf_printer_kv_string (o, "text", v[n] ? v + n + 1 : "");
	o->end (o);
    }
    o->end (o);
    o->end (o);
    o->finish (o);
    nmf_printer_free (&o);
}

static int show_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_show = {
    .name = "show",
    .summary = "one process as a timeline, and what is next",
    .args = "THREAD|PROCESS|-",
    .about = "One interview process as a timeline: messages, interview rounds,\n"
	     "interviewers (with the title and part the invitation gave), the\n"
	     "decision date, what was sent, what is due next and why, the drafts,\n"
	     "your notes, a connection note for each interviewer and, for a call,\n"
	     "what to say.  '-' reads a message on standard input and shows the\n"
	     "process it belongs to (its own, or the one of the message it\n"
	     "answers): for a mail client's pipe.\n",
    .shared = NMF_SHARE_FORMAT | NMF_SHARE_NOW,
    .need = NMF_NEED_READ,
    .min_args = 1,
    .max_args = 1,
    .too_few = "which thread or process?",
    .main = show_main,
};

/* "id:MSGID" for the message on standard input: its Message-ID when the
 * database has it, else the one it answers.  NULL (reported) when it has
 * neither.  g_free. */
static char *
query_of_stdin (struct nmf_db *db)
{
    GString *in = g_string_new (NULL);
    struct nmf_message *msg = NULL;
    g_autofree char *why = NULL;
    const char *ids[3] = { NULL, NULL, NULL };
    char buf[65536];
    char *q = NULL;
    ssize_t n;
    guint i;

    while ((n = read (0, buf, sizeof buf)) > 0)
	g_string_append_len (in, buf, n);
    if (nmf_mime_parse_bytes (in->str, in->len, NULL, &msg, &why)) {
	nmf_error ("cannot read the message on standard input: %s", why);
	g_string_free (in, TRUE);
	return NULL;
    }
    g_string_free (in, TRUE);
    ids[0] = msg->message_id;
    ids[1] = msg->in_reply_to;
    for (i = 0; i < G_N_ELEMENTS (ids) && ! q; i++) {
	struct nmf_dbmsg *m = ids[i] ? nmf_db_find (db, ids[i]) : NULL;

	if (m) {
	    g_autofree char *quoted = nmf_db_quote (ids[i]);

	    q = g_strconcat ("id:", quoted, NULL);
	}
	nmf_dbmsg_release (&m);
    }
    if (! q)
	nmf_error ("the message on standard input is not in the database, "
		   "nor the one it answers");
    nmf_message_free (&msg);
    return q;
}

static int
show_main (int argc, char **argv)
{
    struct nmf_frame f;
    struct nmf_resolve r = { 0 };
    struct nmf_loaded *l = NULL;
    struct draft_info d = { NULL, NULL, NULL };
    struct nmf_eval e;
    g_autofree char *from_stdin = NULL;
    const char *arg;
    int ret = nmf_frame_open (&f, &nmf_cmd_show, NULL, argc, argv);

    if (ret >= 0)
	return ret;
    ret = NMF_EXIT_OK;
    arg = f.args->pdata[0];
    if (strcmp (arg, "-") == 0) {
	from_stdin = query_of_stdin (f.db);
	if (! from_stdin)
	    return nmf_frame_close (&f, NMF_EXIT_ERROR);
	arg = from_stdin;
    }
    if (! nmf_resolve (f.db, arg, &r)) {
	ret = NMF_EXIT_ERROR;
	goto out;
    }
    if (! r.pid || ! (l = nmf_store_load (f.db, &f.cfg, r.pid, NULL))) {
	nmf_error ("'%s' is not part of an interview process", arg);
	ret = NMF_EXIT_ERROR;
	goto out;
    }
    nmf_process_evaluate (l->proc, f.now, &f.cfg, f.tz, &e);
    d.keys = g_ptr_array_new_with_free_func (g_free);
    d.files = g_ptr_array_new_with_free_func (g_free);
    {
	struct nmf_dbmsg *a = nmf_db_find (f.db, l->anchor_id);

	d.notes = a ? nmf_store_notes (a)
		    : g_ptr_array_new_with_free_func (g_free);
	nmf_dbmsg_release (&a);
    }
    {
	g_autoptr (GPtrArray) live = nmf_store_live_drafts (f.db, &f.cfg, r.pid);
	guint i;

	for (i = 0; i < live->len; i++) {
	    struct nmf_live_draft *x = live->pdata[i];

	    /* As list counts them: a draft whose file is gone is none. */
	    if (x->gone)
		continue;
	    g_ptr_array_add (d.keys, g_steal_pointer (&x->key));
	    g_ptr_array_add (d.files, g_steal_pointer (&x->file));
	}
    }
    if (f.format == NMF_FORMAT_JSON)
	print_json (l, &e, &d, &f.cfg);
    else
	print_text (l, &e, &d, &f.cfg, f.tz);
    nmf_eval_release (&e);
    g_ptr_array_unref (d.keys);
    g_ptr_array_unref (d.files);
    g_ptr_array_unref (d.notes);
out:
    nmf_loaded_free (&l);
    nmf_resolve_release (&r);
    return nmf_frame_close (&f, ret);
}
