/* cmd-list.c — what needs the user now, most urgent first (DESIGN §3).
 *
 * Evaluates every open process at "now" from the index (nothing is
 * parsed, nothing written), so it is right even when deadlines passed
 * since the last scan.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "nmf/drafter.h"
#include "nmf/log.h"
#include "nmf/procstore.h"

static const char usage[]
    = "usage: notmuch-followup list [--all] [--format=text|json] "
      "[--now=WHEN]\n"
      "\n"
      "List the interview processes that need you, most urgent first: the\n"
      "step that is due, since when, to whom, and the draft written for it.\n"
      "\n"
      "  --all               also list processes that wait for the employer\n"
      "  --format=text|json  output format (default text)\n"
      "  --now=WHEN          take WHEN (ISO 8601) as the current time\n";

struct row {
    char *process;
    char *thread;
    char *company;
    char *role;
    enum nmf_state state;
    char *step;        /* NULL when nothing is due */
    char *to_name;
    char *to_addr;
    char *phone;       /* for a call */
    gint64 due;        /* since when it is due; 0 when not due */
    gint64 late_at;
    gint64 next;       /* next scheduled change when waiting */
    char *draft;       /* file of the draft, NULL when none */
    char *reason;
};

static void
row_free (gpointer data)
{
    struct row *r = data;

    g_free (r->process);
    g_free (r->thread);
    g_free (r->company);
    g_free (r->role);
    g_free (r->step);
    g_free (r->to_name);
    g_free (r->to_addr);
    g_free (r->phone);
    g_free (r->draft);
    g_free (r->reason);
    g_free (r);
}

struct draft_find {
    char *path;
};

static int
draft_cb (struct nmf_dbmsg *m, void *data)
{
    struct draft_find *f = data;
    g_autoptr (GPtrArray) files = NULL;
    guint i;

    /* DESIGN §5: a draft the user deleted (file gone, or notmuch-emacs's
     * "deleted" tag) is no draft. */
    if (nmf_dbmsg_has_tag (m, "deleted"))
	return 0;
    files = nmf_dbmsg_filenames (m);
    for (i = 0; i < files->len; i++) {
	if (access (files->pdata[i], F_OK) == 0) {
	    f->path = g_strdup (files->pdata[i]);
	    return 1;
	}
    }
    return 0;
}

static char *
find_draft (struct nmf_db *db, const char *pid, const struct nmf_due *d)
{
    g_autofree char *key = nmf_drafter_key (d);
    g_autofree char *value = g_strdup_printf ("%s=%s:%s", NMF_PROP_DRAFT, pid,
					      key);
    g_autofree char *quoted = nmf_db_quote (value);
    g_autofree char *q = g_strdup_printf ("property:%s", quoted);
    struct draft_find f = { NULL };

    nmf_db_each_message (db, q, draft_cb, &f);
    return f.path;
}

static struct row *
row_new (struct nmf_loaded *l, const struct nmf_eval *e)
{
    struct row *r = g_new0 (struct row, 1);

    r->process = g_strdup (l->proc->id);
    r->thread = g_strdup (l->threads->len ? l->threads->pdata[0] : "");
    r->company = g_strdup (l->proc->company);
    r->role = g_strdup (l->proc->role);
    r->state = e->state;
    r->next = e->next_change;
    r->reason = g_strdup (e->reason);
    return r;
}

static gint
by_urgency (gconstpointer a, gconstpointer b)
{
    const struct row *x = *(const struct row *const *) a;
    const struct row *y = *(const struct row *const *) b;
    gint64 kx, ky;

    /* Due steps first, the oldest due first; then waiting ones by the
     * date of their next change. */
    if ((x->step != NULL) != (y->step != NULL))
	return x->step ? -1 : 1;
    kx = x->step ? x->due : (x->next ? x->next : G_MAXINT64);
    ky = y->step ? y->due : (y->next ? y->next : G_MAXINT64);
    if (kx != ky)
	return kx < ky ? -1 : 1;
    return g_strcmp0 (x->process, y->process);
}

static char *
local_time (gint64 t)
{
    g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
    g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (t);
    g_autoptr (GDateTime) local = NULL;

    if (! utc)
	return g_strdup ("?");
    local = g_date_time_to_timezone (utc, tz);
    return g_date_time_format (local, "%a %d %b %H:%M");
}

static void
print_text (GPtrArray *rows, gint64 now)
{
    guint i;

    if (! rows->len) {
	printf ("Nothing needs you now.\n");
	return;
    }
    for (i = 0; i < rows->len; i++) {
	const struct row *r = rows->pdata[i];
	g_autofree char *what = NULL;

	what = g_strdup_printf ("%s%s%s", r->company ? r->company : "(company?)",
				r->role ? ", " : "", r->role ? r->role : "");
	if (r->step) {
	    g_autofree char *since = local_time (r->due);
	    const char *late = r->late_at && now >= r->late_at ? " (late)" : "";

	    printf ("%-10s %s\n", r->step, what);
	    printf ("           to %s <%s>, due since %s%s\n",
		    r->to_name ? r->to_name : "", r->to_addr, since, late);
	    if (strcmp (r->step, "call") == 0) {
		/* DESIGN §1: a call, once; no draft.  What to say. */
		printf ("           call %s and say:\n", r->phone ? r->phone : "");
		printf ("             - who you are and which role you met them "
			"about;\n");
		printf ("             - that you wrote twice and wanted to hear "
			"whether the role is still open;\n");
		printf ("             - that you remain interested, and thank "
			"them for their time.\n");
	    } else {
		printf ("           %s%s\n",
			r->draft ? "draft: " : "no draft yet",
			r->draft ? r->draft : "");
	    }
	} else {
	    printf ("%-10s %s\n", nmf_state_to_string (r->state), what);
	    printf ("           %s\n", r->reason);
	}
	printf ("           thread:%s\n", r->thread);
    }
}

static void
print_json (GPtrArray *rows, gint64 now)
{
    struct nmf_printer *p = nmf_printer_new (NMF_FORMAT_JSON, stdout);
    guint i;

    p->begin_list (p);
    for (i = 0; i < rows->len; i++) {
	const struct row *r = rows->pdata[i];

	p->begin_map (p);
	nmf_printer_kv_string (p, "process", r->process);
	nmf_printer_kv_string (p, "thread", r->thread);
	nmf_printer_kv_string (p, "company", r->company);
	nmf_printer_kv_string (p, "role", r->role);
	nmf_printer_kv_string (p, "state", nmf_state_to_string (r->state));
	nmf_printer_kv_string (p, "step", r->step);
	p->map_key (p, "to");
	if (r->to_addr) {
	    p->begin_map (p);
	    nmf_printer_kv_string (p, "name", r->to_name);
	    nmf_printer_kv_string (p, "addr", r->to_addr);
	    nmf_printer_kv_string (p, "phone", r->phone);
	    p->end (p);
	} else {
	    p->null (p);
	}
	nmf_printer_kv_time (p, "due", r->due);
	p->map_key (p, "late");
	p->boolean (p, r->step && r->late_at && now >= r->late_at);
	nmf_printer_kv_time (p, "next_change", r->next);
	nmf_printer_kv_string (p, "draft", r->draft);
	nmf_printer_kv_string (p, "reason", r->reason);
	p->end (p);
    }
    p->end (p);
    p->finish (p);
    nmf_printer_free (&p);
}

int
nmf_cmd_list (int argc, char **argv)
{
    int format = NMF_FORMAT_TEXT;
    int all = 0;
    int help = 0;
    const char *opt_now = NULL;
    g_autoptr (GPtrArray) args = NULL;
    g_autoptr (GPtrArray) pids = NULL;
    g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
    const struct nmf_opt opts[] = {
	{ "all", NMF_OPT_BOOL, &all, NULL },
	{ "format", NMF_OPT_KEYWORD, &format, nmf_format_keywords },
	{ "now", NMF_OPT_STRING, &opt_now, NULL },
	{ NULL, 0, NULL, NULL },
    };
    struct nmf_config cfg;
    struct nmf_db *db = NULL;
    g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
    gint64 now;
    guint i, k;

    if (nmf_opts_parse (opts, argc, argv, usage, &args, &help) < 0)
	return NMF_EXIT_ERROR;
    if (help)
	return NMF_EXIT_OK;
    if (args->len) {
	nmf_error ("list: unexpected argument '%s'", (char *) args->pdata[0]);
	return NMF_EXIT_ERROR;
    }
    if (! nmf_now (opt_now, &now))
	return NMF_EXIT_ERROR;
    if (nmf_open_db (NMF_DB_READ_ONLY, &cfg, &db))
	return NMF_EXIT_ERROR;

    pids = nmf_store_open_processes (db, cfg.keep_in_touch_days > 0);
    for (i = 0; i < pids->len; i++) {
	struct nmf_loaded *l = nmf_store_load (db, &cfg, pids->pdata[i], NULL);
	struct nmf_eval e;

	if (! l)
	    continue;
	nmf_process_evaluate_full (l->proc, now, &cfg, cfg.holidays, tz, &e);
	for (k = 0; k < e.due->len; k++) {
	    const struct nmf_due *d = e.due->pdata[k];
	    struct row *r = row_new (l, &e);

	    r->step = g_strdup (nmf_step_to_string (d->step));
	    r->to_name = g_strdup (d->to->name);
	    r->to_addr = g_strdup (d->to->addr);
	    r->phone = g_strdup (d->to->phone);
	    r->due = d->since;
	    r->late_at = d->late_at;
	    r->draft = find_draft (db, l->proc->id, d);
	    g_ptr_array_add (rows, r);
	}
	if (! e.due->len && all)
	    g_ptr_array_add (rows, row_new (l, &e));
	nmf_eval_release (&e);
	nmf_loaded_free (&l);
    }
    g_ptr_array_sort (rows, by_urgency);

    if (format == NMF_FORMAT_JSON)
	print_json (rows, now);
    else
	print_text (rows, now);

    nmf_db_close (&db);
    nmf_config_release (&cfg);
    return NMF_EXIT_OK;
}
