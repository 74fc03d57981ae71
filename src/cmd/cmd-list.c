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
    char *draft_id;    /* its Message-ID (to resume it in a mail client) */
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
    g_free (r->draft_id);
    g_free (r->request);
    g_free (r->reason);
    g_free (r);
}

/* Our live draft for a due step, or NULL (DESIGN §5: a deleted or sent
 * draft is no draft). */
static const struct nmf_live_draft *
find_draft (GPtrArray *drafts, const struct nmf_due *d)
{
    g_autofree char *key = nmf_drafter_key (d);
    guint i;

    for (i = 0; i < drafts->len; i++) {
	const struct nmf_live_draft *x = drafts->pdata[i];

	if (strcmp (x->key, key) == 0 && ! x->gone)
	    return x;
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

/* Days from the local date of a to that of b, in tz. */
static int
days_between (gint64 a, gint64 b, GTimeZone *tz)
{
    g_autoptr (GDateTime) ua = g_date_time_new_from_unix_utc (a);
    g_autoptr (GDateTime) ub = g_date_time_new_from_unix_utc (b);
    g_autoptr (GDateTime) la = g_date_time_to_timezone (ua, tz);
    g_autoptr (GDateTime) lb = g_date_time_to_timezone (ub, tz);
    GDate da, db;

    g_date_clear (&da, 1);
    g_date_clear (&db, 1);
    g_date_set_dmy (&da, (GDateDay) g_date_time_get_day_of_month (la),
		    (GDateMonth) g_date_time_get_month (la),
		    (GDateYear) g_date_time_get_year (la));
    g_date_set_dmy (&db, (GDateDay) g_date_time_get_day_of_month (lb),
		    (GDateMonth) g_date_time_get_month (lb),
		    (GDateYear) g_date_time_get_year (lb));
    return g_date_days_between (&da, &db);
}

/* When, relative to the step's own window: a step with a time from which
 * it is late (a thank-you 24 hours after the interview, a question's
 * deadline, an offer's) is "due today" or "due by Fri" until then and
 * "overdue 2d" after; one without ("check-in") is "due today" or "due
 * 3d" (for three days); something to come "in 2d".  For waiting rows,
 * the day of the next step. */
static char *
due_text (const struct row *r, gint64 now, GTimeZone *tz)
{
    gint64 t = r->step ? r->due : r->next;
    g_autoptr (GDateTime) u = NULL;
    g_autoptr (GDateTime) lt = NULL;
    int days;

    if (! t)
	return g_strdup ("-");
    u = g_date_time_new_from_unix_utc (t);
    lt = g_date_time_to_timezone (u, tz);
    if (! r->step)
	return g_date_time_format (lt, "%a %Y-%m-%d");
    if (t > now) {
	days = days_between (now, t, tz);
	return days ? g_strdup_printf ("in %dd", days)
		    : g_strdup ("later today");
    }
    if (r->late_at && now >= r->late_at) {
	days = days_between (r->late_at, now, tz);
	return days > 0 ? g_strdup_printf ("overdue %dd", days)
			: g_strdup ("overdue");
    }
    if (r->late_at) {
	/* Due until the end of its window: the last moment before. */
	g_autoptr (GDateTime) ul = g_date_time_new_from_unix_utc (r->late_at
								  - 1);
	g_autoptr (GDateTime) ll = g_date_time_to_timezone (ul, tz);

	days = days_between (now, r->late_at - 1, tz);
	return days == 0   ? g_strdup ("due today")
	       : days < 7 ? g_date_time_format (ll, "due by %a")
			  : g_date_time_format (ll, "due by %m-%d");
    }
    days = days_between (t, now, tz);
    return days > 0 ? g_strdup_printf ("due %dd", days)
		    : g_strdup ("due today");
}

/* The columns s takes on a terminal: wide characters (CJK, most emoji)
 * two, combining ones none. */
static int
cols (const char *s)
{
    int n = 0;

    for (; s && *s; s = g_utf8_next_char (s)) {
	gunichar c = g_utf8_get_char (s);

	n += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
    return n;
}

/* s in at most n columns, cut with an ellipsis.  g_free. */
static char *
fit (const char *s, int n)
{
    GString *out;
    const char *p;
    int used = 0;

    if (n <= 0 || cols (s) <= n)
	return g_strdup (s);
    out = g_string_new (NULL);
    for (p = s; *p; p = g_utf8_next_char (p)) {
	gunichar c = g_utf8_get_char (p);
	int w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

	if (used + w > n - 1)
	    break;
	g_string_append_unichar (out, c);
	used += w;
    }
    g_string_append (out, "…");
    return g_string_free (out, FALSE);
}

/* s, then blanks up to n columns. */
static void
put_col (GString *line, const char *s, int n)
{
    int len = cols (s);

    g_string_append (line, s);
    for (; len < n; len++)
	g_string_append_c (line, ' ');
}

/* The process id as list prints it, which every command that takes a
 * THREAD takes too: "p" and its first six hex digits. */
#define SHORT_ID 7

struct cells {
    char *step, *when, *id, *what, *who;
    char *note;    /* the draft's file, the question, the number to call */
    char *word;    /* the same in a word or two: "draft", "call 617..." */
    char *thread;
};

static void
cells_fill (struct cells *c, const struct row *r, gint64 now,
	    const char *mail_root, GTimeZone *tz)
{
    c->step = g_strdup (r->step ? r->step : nmf_state_to_string (r->state));
    c->when = due_text (r, now, tz);
    c->id = g_strndup (r->process, SHORT_ID);
    c->what = g_strdup_printf ("%s%s%s", r->company ? r->company : "(company?)",
			       r->role ? ", " : "", r->role ? r->role : "");
    c->thread = g_strdup_printf ("thread:%s", r->thread);
    if (! r->step) {
	c->who = g_strdup (r->next_step ? r->next_step : "");
	c->note = g_strdup ("");
	c->word = g_strdup ("");
	return;
    }
    c->who = g_strdup (r->to_name ? r->to_name : r->to_addr);
    if (strcmp (r->step, "call") == 0) {
	c->note = g_strdup_printf ("no draft: call %s",
				   r->phone ? r->phone : "");
	c->word = g_strdup_printf ("call %s", r->phone ? r->phone : "");
    } else if (r->request) {
	c->note = g_strdup_printf ("answer %s: %s", c->who, r->request);
	c->word = g_strdup_printf ("answer: %s", r->request);
    } else if (r->draft) {
	gsize n = strlen (mail_root);

	c->note = g_strdup (g_str_has_prefix (r->draft, mail_root)
				    && r->draft[n] == '/'
				? r->draft + n + 1
				: r->draft);
	c->word = g_strdup ("draft");
    } else {
	c->note = g_strdup ("no draft yet");
	c->word = g_strdup ("no draft");
    }
}

static void
cells_clear (struct cells *c)
{
    g_free (c->step);
    g_free (c->when);
    g_free (c->id);
    g_free (c->what);
    g_free (c->who);
    g_free (c->note);
    g_free (c->word);
    g_free (c->thread);
}

static int
widest (const struct cells *c, guint n, gsize field)
{
    int w = 0;
    guint i;

    for (i = 0; i < n; i++) {
	const char *s = *(char *const *) ((const char *) &c[i] + field);

	w = MAX (w, cols (s));
    }
    return w;
}

#define WIDEST(field) widest (c, rows->len, G_STRUCT_OFFSET (struct cells, field))

/* One line a step, the most useful columns first: step, when, process,
 * company and role, person, then the draft (or the question, or the
 * number to call) and the thread as room allows.  On a terminal (or with
 * COLUMNS) no line is wider than it: the thread goes first (unless
 * --thread), then the draft's file gives way to a word, then the person
 * and the company are cut with an ellipsis; without a width everything
 * is printed whole, for scripts. */
static void
print_text (GPtrArray *rows, gint64 now, gboolean color, gboolean thread,
	    const char *mail_root, GTimeZone *tz)
{
    int width = term_width ();
    int w_step, w_when, w_what, w_who, w_note, w_word, w_thread, room;
    gboolean show_thread = TRUE, use_word = FALSE, show_note = TRUE;
    struct cells *c;
    guint i;

    if (! rows->len) {
	printf ("Nothing needs you now.\n");
	return;
    }
    c = g_new0 (struct cells, rows->len);
    for (i = 0; i < rows->len; i++)
	cells_fill (&c[i], rows->pdata[i], now, mail_root, tz);
    w_step = WIDEST (step);
    w_when = WIDEST (when);
    w_what = WIDEST (what);
    w_who = WIDEST (who);
    w_note = WIDEST (note);
    w_word = WIDEST (word);
    w_thread = WIDEST (thread);
    if (width > 0) {
	/* What the fixed columns leave for the others. */
	room = width - (w_step + 2 + w_when + 2 + SHORT_ID + 2);
	if (! thread
	    && w_what + 2 + w_who + 2 + (w_note ? w_note + 2 : 0) + w_thread
		   > room)
	    show_thread = FALSE;
	if (show_thread)
	    room -= w_thread;
	if (w_what + 2 + w_who + 2 + (w_note ? w_note + 2 : 0) > room)
	    use_word = TRUE;
	if (use_word && w_what + 2 + w_who + 2 + (w_word ? w_word + 2 : 0)
			    > room) {
	    /* The person and the company give way before the word, down
	     * to a useful width; then the word goes. */
	    int keep = room - (w_word ? w_word + 2 : 0) - 4;

	    if (keep < 28) {
		show_note = FALSE;
		keep = room - 4;
	    }
	    if (w_what + w_who > keep) {
		int who = MIN (w_who, MAX (10, keep / 3));

		w_what = MAX (8, MIN (w_what, keep - who));
		w_who = MAX (6, keep - w_what);
	    }
	}
    }
    for (i = 0; i < rows->len; i++) {
	const struct row *r = rows->pdata[i];
	g_autofree char *what = fit (c[i].what, w_what);
	g_autofree char *who = fit (c[i].who, w_who);
	const char *note = use_word ? c[i].word : c[i].note;
	int w_n = use_word ? w_word : w_note;
	GString *line = g_string_new (NULL);
	const char *col_on = "", *col_off = "";

	if (color) {
	    if (r->step && g_str_has_prefix (c[i].when, "overdue"))
		col_on = "\033[31m";
	    else if (r->step)
		col_on = "\033[33m";
	    else if (r->state == NMF_STATE_OFFER)
		col_on = "\033[32m";
	    else
		col_on = "\033[2m";
	    col_off = "\033[0m";
	}
	put_col (line, c[i].step, w_step + 2);
	put_col (line, c[i].when, w_when + 2);
	put_col (line, c[i].id, SHORT_ID + 2);
	put_col (line, what, w_what + 2);
	put_col (line, who, w_who + 2);
	if (show_note && w_n) {
	    /* The last column: cut to what the line has left. */
	    int used = w_step + 2 + w_when + 2 + SHORT_ID + 2 + w_what + 2
		       + w_who + 2;
	    g_autofree char *n = width > 0 && ! show_thread
				     ? fit (note, MAX (1, width - used))
				     : g_strdup (note);

	    put_col (line, n, show_thread ? w_n + 2 : 0);
	}
	if (show_thread)
	    g_string_append (line, c[i].thread);
	/* No trailing blanks; never wider than the terminal. */
	while (line->len && line->str[line->len - 1] == ' ')
	    g_string_truncate (line, line->len - 1);
	if (width > 0 && cols (line->str) > width) {
	    g_autofree char *cut = fit (line->str, width);

	    g_string_assign (line, cut);
	}
	/* The colour marks the step and when it is due. */
	{
	    const char *rest = g_utf8_offset_to_pointer (
		line->str, MIN (w_step + 2 + w_when,
				(int) g_utf8_strlen (line->str, -1)));

	    printf ("%s%.*s%s%s\n", col_on, (int) (rest - line->str),
		    line->str, col_off, rest);
	}
	g_string_free (line, TRUE);
    }
    for (i = 0; i < rows->len; i++)
	cells_clear (&c[i]);
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
	nmf_printer_kv_string (p, "draft_id", r->draft_id);
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
    int all = 0, thread = 0;
    g_autoptr (GPtrArray) pids = NULL;
    g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
    int color = COLOR_AUTO;
    const struct nmf_opt opts[] = {
	{ "all", NMF_OPT_BOOL, &all, NULL, NULL,
	  "also list processes that wait, offers, rejected\nand closed ones" },
	{ "color", NMF_OPT_KEYWORD, &color, color_keywords, NULL,
	  "colour the urgency (auto: on a terminal,\nunless NO_COLOR is set)" },
	{ "thread", NMF_OPT_BOOL, &thread, NULL, NULL,
	  "always show the thread (else only when there\nis room)" },
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
	    {
		const struct nmf_live_draft *x = find_draft (drafts, d);

		r->draft = x ? g_strdup (x->file) : NULL;
		r->draft_id = x ? g_strdup (x->id) : NULL;
	    }
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
		    thread, nmf_db_mail_root (f.db), f.tz);
    return nmf_frame_close (&f, NMF_EXIT_OK);
}
