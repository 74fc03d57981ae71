/* cmd-list.c — what needs the user now, most urgent first (DESIGN §3).
 *
 * Evaluates every open process at "now" from the index (nothing is
 * parsed, nothing written), so it is right even when deadlines passed
 * since the last scan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "nmf/drafter.h"
#include "nmf/log.h"
#include "nmf/procstore.h"

enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

static const struct nmf_keyword color_keywords[] = {
    { "auto", COLOR_AUTO },
    { "always", COLOR_ALWAYS },
    { "never", COLOR_NEVER },
    { NULL, 0 },
};

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
    const char *next_step; /* what falls due then (static) */
    char *draft;       /* file of the draft, NULL when none */
    char *request;     /* for a reply: what was asked, one line */
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
    g_free (r->request);
    g_free (r->reason);
    g_free (r);
}

/* The file of our live draft for a due step, or NULL (DESIGN §5: a
 * deleted or sent draft is no draft). */
static char *
find_draft (GPtrArray *drafts, const struct nmf_due *d)
{
    g_autofree char *key = nmf_drafter_key (d);
    guint i;

    for (i = 0; i < drafts->len; i++) {
	const struct nmf_live_draft *x = drafts->pdata[i];

	if (strcmp (x->key, key) == 0 && access (x->file, F_OK) == 0)
	    return g_strdup (x->file);
    }
    return NULL;
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
    r->next_step = nmf_next_to_string (e->next_step);
    r->reason = g_strdup (e->reason);
    return r;
}

static gint
by_urgency (gconstpointer a, gconstpointer b)
{
    const struct row *x = *(const struct row *const *) a;
    const struct row *y = *(const struct row *const *) b;
    gint64 kx, ky;

    /* Questions of the employer first (they wait for the user), then
     * the other due steps, the oldest due first; then waiting ones by
     * the date of their next change. */
    if ((x->request != NULL) != (y->request != NULL))
	return x->request ? -1 : 1;
    if ((x->step != NULL) != (y->step != NULL))
	return x->step ? -1 : 1;
    kx = x->step ? x->due : (x->next ? x->next : G_MAXINT64);
    ky = y->step ? y->due : (y->next ? y->next : G_MAXINT64);
    if (kx != ky)
	return kx < ky ? -1 : 1;
    return g_strcmp0 (x->process, y->process);
}


/* Terminal width: the terminal's, else $COLUMNS, else no limit. */
static int
term_width (void)
{
    struct winsize ws;
    const char *cols = g_getenv ("COLUMNS");

    if (isatty (1) && ioctl (1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
	return ws.ws_col;
    if (cols && atoi (cols) > 0)
	return atoi (cols);
    return 0;
}

/* "overdue 3d", "due today", "due in 2d"; for waiting rows, the date of
 * the next step. */
static char *
due_text (const struct row *r, gint64 now)
{
    gint64 t = r->step ? r->due : r->next;
    g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
    g_autoptr (GDateTime) u = NULL;
    g_autoptr (GDateTime) lt = NULL;
    g_autoptr (GDateTime) ln = NULL;
    g_autoptr (GDateTime) un = g_date_time_new_from_unix_utc (now);
    int days;

    if (! t)
	return g_strdup ("-");
    u = g_date_time_new_from_unix_utc (t);
    lt = g_date_time_to_timezone (u, tz);
    ln = g_date_time_to_timezone (un, tz);
    if (! r->step)
	return g_date_time_format (lt, "%a %Y-%m-%d");
    /* A question of the employer's: due until its answer is late (a
     * business day, or the deadline it named), overdue from then. */
    if (r->request && r->late_at) {
	g_autoptr (GDateTime) lu = g_date_time_new_from_unix_utc (
	    now < r->late_at ? r->late_at - 1 : r->late_at);
	g_autoptr (GDateTime) ll = g_date_time_to_timezone (lu, tz);

	days = (int) ((g_date_time_to_unix (ln)
		       + g_date_time_get_utc_offset (ln) / G_USEC_PER_SEC)
			  / 86400
		      - (g_date_time_to_unix (ll)
			 + g_date_time_get_utc_offset (ll) / G_USEC_PER_SEC)
			    / 86400);
	if (now < r->late_at)
	    return days == 0 ? g_strdup ("due today")
			     : g_date_time_format (ll, "due by %a");
	return days > 0 ? g_strdup_printf ("overdue %dd", days)
			: g_strdup ("overdue");
    }
    days = (int) ((g_date_time_to_unix (ln) + g_date_time_get_utc_offset (ln)
		   / G_USEC_PER_SEC) / 86400
		  - (g_date_time_to_unix (lt) + g_date_time_get_utc_offset (lt)
		     / G_USEC_PER_SEC) / 86400);
    if (days > 0)
	return g_strdup_printf ("overdue %dd", days);
    if (days == 0)
	return g_strdup (t <= now ? "due today" : "later today");
    return g_strdup_printf ("due in %dd", -days);
}

/* Cut s to n display characters ("..." at the end). */
static char *
fit (const char *s, int n)
{
    glong len = g_utf8_strlen (s, -1);
    g_autofree char *head = NULL;

    if (n <= 0 || len <= n)
	return g_strdup (s);
    if (n <= 3)
	return g_utf8_substring (s, 0, n);
    head = g_utf8_substring (s, 0, n - 3);
    return g_strconcat (head, "...", NULL);
}

/* Pad to n display characters. */
static void
put_col (GString *line, const char *s, int n)
{
    glong len = g_utf8_strlen (s, -1);

    g_string_append (line, s);
    for (; len < n; len++)
	g_string_append_c (line, ' ');
}

struct cells {
    char *step, *due, *what, *who, *draft;
};

static void
print_text (GPtrArray *rows, gint64 now, gboolean color,
	    const char *mail_root)
{
    int width = term_width ();
    int w_what = 0, w_who = 0, w_draft = 0;
    struct cells *c;
    guint i;

    if (! rows->len) {
	printf ("Nothing needs you now.\n");
	return;
    }
    c = g_new0 (struct cells, rows->len);
    for (i = 0; i < rows->len; i++) {
	const struct row *r = rows->pdata[i];

	c[i].step = g_strdup (r->step ? r->step
				      : nmf_state_to_string (r->state));
	c[i].due = due_text (r, now);
	c[i].what = g_strdup_printf ("%s%s%s",
				     r->company ? r->company : "(company?)",
				     r->role ? ", " : "",
				     r->role ? r->role : "");
	if (r->step) {
	    c[i].who = g_strdup (r->to_name ? r->to_name : r->to_addr);
	    if (strcmp (r->step, "call") == 0)
		c[i].draft = g_strdup_printf ("no draft: call %s",
					      r->phone ? r->phone : "");
	    else if (r->request)
		c[i].draft = g_strdup_printf ("answer %s: %s", c[i].who,
					      r->request);
	    else if (r->draft) {
		gsize n = strlen (mail_root);

		c[i].draft = g_strdup (g_str_has_prefix (r->draft, mail_root)
					       && r->draft[n] == '/'
					   ? r->draft + n + 1
					   : r->draft);
	    } else {
		c[i].draft = g_strdup ("no draft yet");
	    }
	} else {
	    c[i].who = g_strdup (r->next_step ? r->next_step : "");
	    c[i].draft = g_strdup ("");
	}
	w_what = MAX (w_what, (int) g_utf8_strlen (c[i].what, -1));
	w_who = MAX (w_who, (int) g_utf8_strlen (c[i].who, -1));
	w_draft = MAX (w_draft, (int) g_utf8_strlen (c[i].draft, -1));
    }
    /* Fit the terminal: on a narrow one the draft's file name gives way
     * to a word ("draft", the number to call); then the company/role
     * column, then the person's. */
    if (width && width - (17 + 16 + 4 + w_draft + 2 + 24) < w_what + w_who
	&& width - (17 + 16 + 4 + w_draft + 2 + 24) < 40) {
	w_draft = 0;
	for (i = 0; i < rows->len; i++) {
	    const struct row *r = rows->pdata[i];
	    char *shortened;

	    if (! r->step)
		shortened = g_strdup ("");
	    else if (strcmp (r->step, "call") == 0)
		shortened = g_strdup_printf ("call %s", r->phone ? r->phone : "");
	    else
		shortened = g_strdup (r->draft ? "draft" : "no draft");
	    g_free (c[i].draft);
	    c[i].draft = shortened;
	    w_draft = MAX (w_draft, (int) g_utf8_strlen (shortened, -1));
	}
    }
    if (width) {
	int fixed = 17 + 16 + 2 + 2 + (w_draft ? w_draft + 2 : 0) + 24;
	int room = width - fixed;

	if (w_what + w_who > room) {
	    w_who = MIN (w_who, MAX (10, room / 3));
	    w_what = MAX (12, room - w_who);
	}
    }
    for (i = 0; i < rows->len; i++) {
	const struct row *r = rows->pdata[i];
	g_autofree char *what = fit (c[i].what, w_what);
	g_autofree char *who = fit (c[i].who, w_who);
	GString *line = g_string_new (NULL);
	const char *col_on = "", *col_off = "";

	if (color) {
	    if (r->step && g_str_has_prefix (c[i].due, "overdue"))
		col_on = "\033[31m";
	    else if (r->step)
		col_on = "\033[33m";
	    else if (r->state == NMF_STATE_OFFER)
		col_on = "\033[32m";
	    else
		col_on = "\033[2m";
	    col_off = "\033[0m";
	}
	g_string_append (line, col_on);
	put_col (line, c[i].step, 16);
	g_string_append_c (line, ' ');
	put_col (line, c[i].due, 15);
	g_string_append_c (line, ' ');
	g_string_append (line, col_off);
	put_col (line, what, w_what + 2);
	put_col (line, who, w_who + 2);
	if (w_draft)
	    put_col (line, c[i].draft, w_draft + 2);
	g_string_append_printf (line, "thread:%s", r->thread);
	printf ("%s\n", line->str);
	g_string_free (line, TRUE);
    }
    for (i = 0; i < rows->len; i++) {
	g_free (c[i].step);
	g_free (c[i].due);
	g_free (c[i].what);
	g_free (c[i].who);
	g_free (c[i].draft);
    }
    g_free (c);
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
	nmf_printer_kv_string (p, "request", r->request);
	nmf_printer_kv_string (p, "reason", r->reason);
	p->end (p);
    }
    p->end (p);
    p->finish (p);
    nmf_printer_free (&p);
}

static int list_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_list = {
    .name = "list",
    .summary = "what needs you now, most urgent first",
    .args = "",
    .about = "List the interview processes that need you, most urgent first: the\n"
	     "step that is due, since when, to whom, and the draft written for it.\n",
    .shared = NMF_SHARE_FORMAT | NMF_SHARE_NOW,
    .need = NMF_NEED_READ,
    .main = list_main,
};

static int
list_main (int argc, char **argv)
{
    int all = 0;
    g_autoptr (GPtrArray) pids = NULL;
    g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
    int color = COLOR_AUTO;
    const struct nmf_opt opts[] = {
	{ "all", NMF_OPT_BOOL, &all, NULL, NULL,
	  "also list processes that wait, offers, rejected\nand closed ones" },
	{ "color", NMF_OPT_KEYWORD, &color, color_keywords, NULL,
	  "colour the urgency (auto: on a terminal,\nunless NO_COLOR is set)" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    struct nmf_frame f;
    guint i, k;
    int ret = nmf_frame_open (&f, &nmf_cmd_list, opts, argc, argv);

    if (ret >= 0)
	return ret;
    pids = all ? nmf_store_all_processes (f.db)
	       : nmf_store_open_processes (f.db, f.cfg.keep_in_touch_days > 0);
    for (i = 0; i < pids->len; i++) {
	struct nmf_loaded *l = nmf_store_load (f.db, &f.cfg, pids->pdata[i],
					       NULL);
	g_autoptr (GPtrArray) drafts = NULL;
	struct nmf_eval e;

	if (! l)
	    continue;
	nmf_process_evaluate (l->proc, f.now, &f.cfg, f.tz, &e);
	if (e.due->len)
	    drafts = nmf_store_live_drafts (f.db, &f.cfg, l->proc->id);
	for (k = 0; k < e.due->len; k++) {
	    const struct nmf_due *d = e.due->pdata[k];
	    struct row *r = row_new (l, &e);

	    r->step = g_strdup (nmf_step_to_string (d->step));
	    r->to_name = g_strdup (d->to->name);
	    r->to_addr = g_strdup (d->to->addr);
	    r->phone = g_strdup (d->to->phone);
	    r->due = d->since;
	    r->late_at = d->late_at;
	    r->draft = find_draft (drafts, d);
	    r->request = g_strdup (d->what);
	    g_ptr_array_add (rows, r);
	}
	if (! e.due->len && all)
	    g_ptr_array_add (rows, row_new (l, &e));
	nmf_eval_release (&e);
	nmf_loaded_free (&l);
    }
    g_ptr_array_sort (rows, by_urgency);

    if (f.format == NMF_FORMAT_JSON)
	print_json (rows, f.now);
    else
	print_text (rows, f.now,
		    color == COLOR_ALWAYS
			|| (color == COLOR_AUTO && isatty (1)
			    && ! g_getenv ("NO_COLOR")),
		    nmf_db_mail_root (f.db));
    return nmf_frame_close (&f, NMF_EXIT_OK);
}
