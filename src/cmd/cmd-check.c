/* cmd-check.c — lint a draft before sending (DESIGN §3 check).
 *
 * Works on any mail file (or "-" for standard input: a whole message, or
 * a bare body): the text alone is checked for placeholders, pay questions
 * and feedback demands; when the draft belongs to a process in the
 * notmuch database (found by its Message-ID, else by the message it
 * answers), also for the same text as another draft or sent thank-you, a
 * follow-up before it is due, and a third follow-up.  Exit 1 with
 * findings, so that it can sit in a send hook; 2 when a draft could not
 * be read.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "nmf/classify.h"
#include "nmf/draftcheck.h"
#include "nmf/log.h"
#include "nmf/mime.h"
#include "nmf/procstore.h"

struct found {
    char *file;
    struct nmf_finding *f;
};

struct check {
    struct nmf_db *db;     /* NULL when there is no database */
    struct nmf_config cfg;
    gint64 now;
    GTimeZone *tz;         /* business days are counted in it, as in
                            * every command */
    GPtrArray *found;      /* of struct found * */
    unsigned errors;       /* drafts that could not be read */
};

static void
found_free (gpointer p)
{
    struct found *x = p;

    g_free (x->file);
    nmf_finding_free (x->f);
    g_free (x);
}

/* ---- what the process knows ------------------------------------------- */

struct draft_list {
    GPtrArray *files;   /* of char *: drafts and sent thank-yous */
    GPtrArray *names;   /* of char *: whom each is to */
    GPtrArray *ids;     /* of char *: their Message-IDs */
};

static int
draft_list_cb (struct nmf_dbmsg *m, void *data)
{
    struct draft_list *d = data;

    g_ptr_array_add (d->files, g_strdup (nmf_dbmsg_filename (m)));
    g_ptr_array_add (d->names, g_strdup (nmf_dbmsg_header (m, "to")));
    g_ptr_array_add (d->ids, g_strdup (nmf_dbmsg_id (m)));
    return 0;
}

static char *
body_of (const char *file)
{
    struct nmf_message *m = NULL;
    g_autofree char *why = NULL;
    char *body;

    if (nmf_mime_parse_file (file, &m, &why))
	return NULL;
    body = g_strdup (m->body);
    nmf_message_free (&m);
    return body;
}

/* The process a draft belongs to: the step we recorded for its
 * Message-ID (neomutt and aerc keep it), else the process of the message
 * it answers (notmuch-emacs gives a resumed draft a new Message-ID). */
static char *
process_of (struct check *c, const struct nmf_message *msg, char **step)
{
    const char *ids[] = { msg->message_id, msg->in_reply_to };
    char *pid = NULL;
    guint i;

    *step = NULL;
    for (i = 0; c->db && ! pid && i < G_N_ELEMENTS (ids); i++) {
	struct nmf_dbmsg *m = ids[i] ? nmf_db_find (c->db, ids[i]) : NULL;
	const char *key = m ? nmf_store_draft_key (m) : NULL;

	if (key && i == 0) {
	    const char *colon = strchr (key, ':');

	    if (colon) {
		pid = g_strndup (key, colon - key);
		*step = g_strndup (colon + 1, strcspn (colon + 1, ":"));
	    }
	} else if (m && nmf_store_process_of (m)) {
	    pid = g_strdup (nmf_store_process_of (m));
	}
	nmf_dbmsg_release (&m);
    }
    return pid;
}

/* Whether the other message (its To header) is to someone msg is to. */
static gboolean
same_person (const struct nmf_message *msg, const char *other_to)
{
    g_autoptr (GPtrArray) to = nmf_mime_parse_addresses (other_to);
    guint i, k;

    for (i = 0; i < to->len; i++) {
	for (k = 0; msg->to && k < msg->to->len; k++) {
	    const struct nmf_address *a = msg->to->pdata[k];

	    if (g_ascii_strcasecmp (a->addr, to->pdata[i]) == 0)
		return TRUE;
	}
    }
    return FALSE;
}

static void
check_one (struct check *c, const char *file, const char *text, gsize len)
{
    struct nmf_message *msg = NULL;
    struct nmf_draftcheck_ctx ctx = { 0 };
    g_autoptr (GPtrArray) findings
	= g_ptr_array_new_with_free_func (nmf_finding_free);
    g_autoptr (GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *why = NULL;
    g_autofree char *pid = NULL;
    g_autofree char *step = NULL;
    struct nmf_loaded *l = NULL;
    guint i;

    if (nmf_mime_parse_bytes (text, len, file, &msg, &why)) {
	nmf_error ("cannot parse '%s': %s", file, why);
	c->errors++;
	return;
    }
    ctx.now = c->now;
    pid = process_of (c, msg, &step);
    if (pid && c->db)
	l = nmf_store_load (c->db, &c->cfg, pid, NULL);
    if (l) {
	struct draft_list d = { g_ptr_array_new_with_free_func (g_free),
				g_ptr_array_new_with_free_func (g_free),
				g_ptr_array_new_with_free_func (g_free) };
	g_autofree char *pq = nmf_store_query_process (pid);
	g_autofree char *kq = nmf_store_query_kind (
	    NMF_KIND_CANDIDATE_THANK_YOU);
	g_autofree char *q = g_strdup_printf ("%s AND (tag:draft OR %s)", pq,
					      kq);
	struct nmf_eval e;
	gint64 last_word = 0;

	nmf_db_each_message (c->db, q, draft_list_cb, &d);
	for (i = 0; i < d.files->len; i++) {
	    g_autofree char *canon = g_canonicalize_filename (file, NULL);
	    char *b;

	    /* A draft is never a duplicate of itself: the same file, the
	     * same message (a copy piped from neomutt), or one to the same
	     * person (notmuch-emacs gives a resumed draft a new
	     * Message-ID).  DESIGN §1: the same text to several people. */
	    if (strcmp (d.files->pdata[i], canon) == 0
		|| (msg->message_id
		    && strcmp (d.ids->pdata[i], msg->message_id) == 0)
		|| same_person (msg, d.names->pdata[i]))
		continue;
	    b = body_of (d.files->pdata[i]);
	    if (b) {
		g_ptr_array_add (others, b);
		g_ptr_array_add (names, g_strdup (d.names->pdata[i]));
	    }
	}
	g_ptr_array_unref (d.files);
	g_ptr_array_unref (d.names);
	g_ptr_array_unref (d.ids);

	/* Is it a follow-up, and is it due? */
	ctx.is_follow_up = step && (strcmp (step, "check-in") == 0
				    || strcmp (step, "final") == 0);
	if (! step) {
	    struct nmf_classification k;

	    nmf_classify_message (msg, nmf_config_user_emails (&c->cfg), &k);
	    ctx.is_follow_up = k.kind == NMF_KIND_CANDIDATE_FOLLOWUP;
	    nmf_classification_release (&k);
	}
	nmf_process_evaluate (l->proc, c->now, &c->cfg, c->tz, &e);
	if (ctx.is_follow_up && e.state != NMF_STATE_CHECK_IN
	    && e.state != NMF_STATE_FINAL && e.next_change
	    && (e.next_step == NMF_NEXT_CHECK_IN
		|| e.next_step == NMF_NEXT_FINAL))
	    ctx.due = e.next_change;
	nmf_eval_release (&e);
	/* Follow-ups sent since the employer last wrote. */
	for (i = 0; i < l->proc->msgs->len; i++) {
	    const struct nmf_pmsg *m = l->proc->msgs->pdata[i];

	    if (! m->from_user && ! m->automated && ! m->is_draft)
		last_word = m->date;
	}
	for (i = 0; i < l->proc->msgs->len; i++) {
	    const struct nmf_pmsg *m = l->proc->msgs->pdata[i];

	    if (m->from_user && ! m->is_draft && m->date > last_word
		&& m->kind != NMF_KIND_CANDIDATE_THANK_YOU)
		ctx.sent_follow_ups++;
	}
	nmf_loaded_free (&l);
    }
    ctx.others = others;
    ctx.other_names = names;
    nmf_draftcheck (msg->body, &ctx, findings);
    for (i = 0; i < findings->len; i++) {
	struct found *x = g_new0 (struct found, 1);

	x->file = g_strdup (file);
	x->f = findings->pdata[i];
	findings->pdata[i] = NULL;
	g_ptr_array_add (c->found, x);
    }
    nmf_message_free (&msg);
}

static void
check_file (struct check *c, const char *file)
{
    g_autofree char *text = NULL;
    g_autofree char *whole = NULL;
    g_autoptr (GError) err = NULL;
    gsize len = 0, head, body_at, from_line = 0;

    if (strcmp (file, "-") == 0) {
	GString *in = g_string_new (NULL);
	char buf[65536];
	ssize_t n;

	while ((n = read (0, buf, sizeof buf)) > 0)
	    g_string_append_len (in, buf, n);
	len = in->len;
	text = g_string_free (in, FALSE);
    } else if (! g_file_get_contents (file, &text, &len, &err)) {
	nmf_error ("cannot read '%s': %s", file, err->message);
	c->errors++;
	return;
    }
    {
	g_autofree char *stripped = g_strstrip (g_strndup (text, len));

	if (! *stripped) {
	    nmf_error ("'%s' is empty: no draft to check",
		       strcmp (file, "-") == 0 ? "standard input" : file);
	    c->errors++;
	    return;
	}
    }
    /* An mbox "From " line (a client piping a message from an mbox) is
     * no header. */
    if (len > 5 && strncmp (text, "From ", 5) == 0 && memchr (text, '\n', len))
	from_line = (const char *) memchr (text, '\n', len) + 1 - text;
    /* A whole message (message-mode's separator line made the empty line
     * it stands for), else a bare body behind no headers. */
    head = nmf_message_head_length (text + from_line, len - from_line,
				    &body_at);
    {
	GString *w = g_string_new_len (text + from_line, head);

	body_at += from_line;
	g_string_append_c (w, '\n');
	g_string_append_len (w, text + body_at, len - body_at);
	len = w->len;
	whole = g_string_free (w, FALSE);
    }
    check_one (c, file, whole, len);
}

static void
print (struct check *c, int format)
{
    guint i;

    if (format == NMF_FORMAT_JSON) {
	struct nmf_printer *p = nmf_printer_new (NMF_FORMAT_JSON, stdout);

	p->begin_list (p);
	for (i = 0; i < c->found->len; i++) {
	    const struct found *x = c->found->pdata[i];

	    p->begin_map (p);
	    nmf_printer_kv_string (p, "file", x->file);
	    p->map_key (p, "line");
	    if (x->f->line)
		p->integer (p, x->f->line);
	    else
		p->null (p);
	    nmf_printer_kv_string (p, "code", x->f->code);
	    nmf_printer_kv_string (p, "message", x->f->message);
	    p->end (p);
	}
	p->end (p);
	p->finish (p);
	nmf_printer_free (&p);
	return;
    }
    for (i = 0; i < c->found->len; i++) {
	const struct found *x = c->found->pdata[i];

	if (x->f->line)
	    printf ("%s:%d: %s: %s\n", x->file, x->f->line, x->f->code,
		    x->f->message);
	else
	    printf ("%s: %s: %s\n", x->file, x->f->code, x->f->message);
    }
}

static int check_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_check = {
    .name = "check",
    .summary = "lint a draft before you send it",
    .args = "[FILE...]",
    .about = "Check a draft before you send it: unfilled placeholders, questions\n"
	     "about pay, demands for feedback, the same text as another draft or\n"
	     "thank-you of the process, a follow-up before it is due, a third\n"
	     "follow-up.  One finding per line; exit 1 when there are findings, 0\n"
	     "when the draft is clean, 2 on errors.  FILE '-' reads a whole message\n"
	     "(or a bare body) from standard input.\n",
    .shared = NMF_SHARE_FORMAT | NMF_SHARE_NOW,
    .need = NMF_NEED_NOTHING,
    .min_args = 0,
    .max_args = G_MAXUINT,
    .main = check_main,
};

static int
check_main (int argc, char **argv)
{
    const char *thread = NULL;
    const struct nmf_opt opts[] = {
	{ "thread", NMF_OPT_STRING, &thread, NULL, "THREAD",
	  "check every unsent draft of the process of\n"
	  "THREAD (any of its threads, a process id or a\nquery)" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    struct check c = { 0 };
    struct nmf_frame f;
    GPtrArray *args;
    guint i;
    int ret = nmf_frame_open (&f, &nmf_cmd_check, opts, argc, argv);

    if (ret >= 0)
	return ret;
    args = f.args;
    if (! args->len && ! thread)
	return nmf_frame_close (&f, nmf_frame_usage_error (&f,
							   "no draft given"));
    c.tz = f.tz;
    c.now = f.now;
    c.found = g_ptr_array_new_with_free_func (found_free);

    /* The database adds what the process knows; without one (no notmuch
     * setup, a draft from elsewhere) the text alone is checked. */
    {
	struct nmf_config pre;

	nmf_config_init (&pre);
	if (nmf_db_read_config_only (&pre, FALSE) == NMF_OK
	    && nmf_open_db (NMF_DB_READ_ONLY, &c.cfg, &c.db) == 0) {
	    nmf_config_release (&pre);
	} else {
	    c.db = NULL;
	    c.cfg = pre;
	}
    }
    if (thread) {
	struct nmf_resolve r = { 0 };

	if (! c.db) {
	    nmf_error ("check --thread needs the notmuch database");
	    ret = NMF_EXIT_ERROR;
	    goto out;
	}
	if (! nmf_resolve (c.db, thread, &r)) {
	    ret = NMF_EXIT_ERROR;
	    goto out;
	}
	if (r.pid) {
	    /* Every unsent draft of the process, in whichever thread. */
	    g_autoptr (GPtrArray) live = nmf_store_live_drafts (c.db, &c.cfg,
								r.pid);

	    for (i = 0; i < live->len; i++) {
		const struct nmf_live_draft *x = live->pdata[i];

		/* As list counts them: a draft whose file is gone is none. */
		if (! x->gone)
		    check_file (&c, x->file);
	    }
	} else {
	    g_autofree char *q = g_strdup_printf ("thread:%s AND tag:draft",
						  r.thread);
	    struct draft_list d = { g_ptr_array_new_with_free_func (g_free),
				    g_ptr_array_new_with_free_func (g_free),
				    g_ptr_array_new_with_free_func (g_free) };

	    nmf_db_each_message (c.db, q, draft_list_cb, &d);
	    for (i = 0; i < d.files->len; i++)
		check_file (&c, d.files->pdata[i]);
	    g_ptr_array_unref (d.files);
	    g_ptr_array_unref (d.names);
	    g_ptr_array_unref (d.ids);
	}
	nmf_resolve_release (&r);
    }
    for (i = 0; i < args->len; i++)
	check_file (&c, args->pdata[i]);
    print (&c, f.format);
    ret = c.found->len ? NMF_EXIT_FINDINGS
	  : c.errors   ? NMF_EXIT_ERROR
		       : NMF_EXIT_OK;
out:
    if (c.db)
	nmf_db_close (&c.db);
    nmf_config_release (&c.cfg);
    g_ptr_array_unref (c.found);
    return nmf_frame_close (&f, ret);
}
