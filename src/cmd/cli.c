/* cli.c — option table parsing and shared command glue. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "nmf/dates.h"
#include "nmf/log.h"

const struct nmf_keyword nmf_format_keywords[] = {
    { "text", NMF_FORMAT_TEXT },
    { "json", NMF_FORMAT_JSON },
    { NULL, 0 },
};

static const struct nmf_opt *
find_opt (const struct nmf_opt *opts, const char *name, gsize len)
{
    for (; opts->name; opts++) {
	if (strlen (opts->name) == len && strncmp (opts->name, name, len) == 0)
	    return opts;
    }
    return NULL;
}

/* The rows shared by the commands, in the order the usage shows them
 * after a command's own. */
static const struct {
    unsigned flag;
    const char *name;
    enum nmf_opt_type type;
    gsize offset;   /* of the int in struct nmf_frame; the --now string
		     * is kept aside */
    const char *arg;
    const char *help;
} shared_rows[] = {
    { NMF_SHARE_DRY_RUN, "dry-run", NMF_OPT_BOOL,
      G_STRUCT_OFFSET (struct nmf_frame, dry_run), NULL,
      "say what would be done; change nothing" },
    { NMF_SHARE_QUIET, "quiet", NMF_OPT_BOOL,
      G_STRUCT_OFFSET (struct nmf_frame, quiet), NULL, "print only errors" },
    { NMF_SHARE_FORMAT, "format", NMF_OPT_KEYWORD,
      G_STRUCT_OFFSET (struct nmf_frame, format), NULL,
      "output format (default text)" },
    { NMF_SHARE_NOW, "now", NMF_OPT_STRING, 0, "WHEN",
      "take WHEN as the current time" },
};

/* The command's rows and the shared ones it asks for, in one table;
 * --now goes to *now.  g_free. */
static struct nmf_opt *
all_rows (const struct nmf_cmd *cmd, const struct nmf_opt *opts,
	  struct nmf_frame *f, const char **now)
{
    GArray *rows = g_array_new (TRUE, TRUE, sizeof (struct nmf_opt));
    gsize i;

    for (; opts && opts->name; opts++)
	g_array_append_vals (rows, opts, 1);
    for (i = 0; i < G_N_ELEMENTS (shared_rows); i++) {
	struct nmf_opt o = { 0 };

	if (! (cmd->shared & shared_rows[i].flag))
	    continue;
	o.name = shared_rows[i].name;
	o.type = shared_rows[i].type;
	o.ptr = shared_rows[i].type == NMF_OPT_STRING
		    ? (void *) now
		    : (void *) ((char *) f + shared_rows[i].offset);
	o.keywords = shared_rows[i].type == NMF_OPT_KEYWORD
			 ? nmf_format_keywords : NULL;
	o.arg = shared_rows[i].arg;
	o.help = shared_rows[i].help;
	g_array_append_vals (rows, &o, 1);
    }
    return (struct nmf_opt *) (void *) g_array_free (rows, FALSE);
}

/* "--name=ARG", "--format=text|json" or "--flag".  g_free. */
static char *
spelled (const struct nmf_opt *o)
{
    GString *s = g_string_new ("--");
    const struct nmf_keyword *k;

    g_string_append (s, o->name);
    if (o->type == NMF_OPT_KEYWORD) {
	g_string_append_c (s, '=');
	for (k = o->keywords; k && k->name; k++)
	    g_string_append_printf (s, "%s%s", k == o->keywords ? "" : "|",
				    k->name);
    } else if (o->type != NMF_OPT_BOOL)
	g_string_append_printf (s, "=%s", o->arg ? o->arg : "VALUE");
    return g_string_free (s, FALSE);
}

static char *
usage_of (const struct nmf_cmd *cmd, const struct nmf_opt *rows)
{
    GString *u = g_string_new (NULL);
    g_autofree char *lead = g_strdup_printf ("usage: notmuch-followup %s",
					     cmd->name);
    gsize col = strlen (lead), width = 0;
    const struct nmf_opt *o;

    /* The synopsis, wrapped at 78 columns under the first option. */
    g_string_append (u, lead);
    for (o = rows; o->name; o++) {
	g_autofree char *sp = spelled (o);
	g_autofree char *item = g_strdup_printf (
	    "[%s]%s", sp, o->type == NMF_OPT_STRINGS ? "..." : "");

	if (col + 1 + strlen (item) > 78) {
	    g_string_append_printf (u, "\n%*s", (int) strlen (lead), "");
	    col = strlen (lead);
	}
	g_string_append_printf (u, " %s", item);
	col += 1 + strlen (item);
	width = MAX (width, strlen (sp));
    }
    if (cmd->args && *cmd->args) {
	if (col + 1 + strlen (cmd->args) > 78)
	    g_string_append_printf (u, "\n%*s", (int) strlen (lead), "");
	g_string_append_printf (u, " %s", cmd->args);
    }
    g_string_append_printf (u, "\n\n%s", cmd->about ? cmd->about : "");
    if (rows->name)
	g_string_append_c (u, '\n');
    /* One row each: the option, then its help in a column (on the next
     * line when the option is too long for it). */
    width = MIN (width, 20);
    for (o = rows; o->name; o++) {
	g_autofree char *sp = spelled (o);
	g_auto (GStrv) lines = g_strsplit (o->help ? o->help : "", "\n", -1);
	guint i;

	g_string_append_printf (u, "  %s", sp);
	if (strlen (sp) > width)
	    g_string_append_printf (u, "\n%*s", (int) width + 2, "");
	else
	    g_string_append_printf (u, "%*s", (int) (width - strlen (sp)), "");
	for (i = 0; lines[i]; i++)
	    g_string_append_printf (u, "%*s%s\n", i ? (int) width + 4 : 2, "",
				    lines[i]);
    }
    return g_string_free (u, FALSE);
}

char *
nmf_cmd_usage (const struct nmf_cmd *cmd, const struct nmf_opt *opts)
{
    struct nmf_frame f = { 0 };
    const char *now = NULL;
    g_autofree struct nmf_opt *rows = all_rows (cmd, opts, &f, &now);

    return usage_of (cmd, rows);
}

static int
set_value (const struct nmf_opt *o, const char *cmd, const char *usage,
	   const char *value)
{
    const struct nmf_keyword *k;
    char *end = NULL;
    gint64 n;

    switch (o->type) {
    case NMF_OPT_BOOL:
	*(int *) o->ptr = 1;
	return 0;
    case NMF_OPT_INT:
	n = g_ascii_strtoll (value, &end, 10);
	if (! *value || *end || n < 0 || n > G_MAXINT) {
	    nmf_usage_error (cmd, usage, "'%s' is not a whole number", value);
	    return -1;
	}
	*(int *) o->ptr = (int) n;
	return 0;
    case NMF_OPT_STRING:
	*(const char **) o->ptr = value;
	return 0;
    case NMF_OPT_STRINGS:
	g_ptr_array_add (o->ptr, (gpointer) value);
	return 0;
    case NMF_OPT_KEYWORD:
	for (k = o->keywords; k && k->name; k++) {
	    if (strcmp (k->name, value) == 0) {
		*(int *) o->ptr = k->value;
		return 0;
	    }
	}
	nmf_usage_error (cmd, usage, "'%s' is not a valid value here", value);
	return -1;
    }
    return -1;
}

/* Parse argv[1..] against rows.  Non-option arguments go to f->args
 * (borrowed).  Returns 0, 1 after --help, -1 on a usage error (reported
 * with the usage). */
static int
opts_parse (struct nmf_frame *f, const struct nmf_opt *rows, int argc,
	    char **argv)
{
    const char *cmd = f->cmd->name;
    int i;

    for (i = 1; i < argc; i++) {
	const char *a = argv[i];
	const char *eq;
	const struct nmf_opt *o;
	gsize len;

	if (strcmp (a, "--") == 0) {
	    for (i++; i < argc; i++)
		g_ptr_array_add (f->args, argv[i]);
	    break;
	}
	if (strcmp (a, "--help") == 0 || strcmp (a, "-h") == 0) {
	    fputs (f->usage, stdout);
	    return 1;
	}
	if (a[0] != '-' || a[1] == '\0') {
	    g_ptr_array_add (f->args, (gpointer) a);
	    continue;
	}
	eq = a[1] == '-' ? strchr (a + 2, '=') : NULL;
	len = eq ? (gsize) (eq - (a + 2)) : strlen (a + 2);
	o = a[1] == '-' ? find_opt (rows, a + 2, len) : NULL;
	if (! o) {
	    nmf_usage_error (cmd, f->usage, "unknown option '%s'", a);
	    return -1;
	}
	if (o->type == NMF_OPT_BOOL) {
	    if (eq) {
		nmf_usage_error (cmd, f->usage, "option '%s' takes no value",
				 a);
		return -1;
	    }
	    *(int *) o->ptr = 1;
	    continue;
	}
	if (! eq) {
	    if (i + 1 >= argc) {
		nmf_usage_error (cmd, f->usage, "option '%s' needs a value",
				 a);
		return -1;
	    }
	    eq = argv[++i] - 1; /* the value is the next argument */
	}
	if (set_value (o, cmd, f->usage, eq + 1) < 0)
	    return -1;
    }
    return 0;
}

int
nmf_frame_open (struct nmf_frame *f, const struct nmf_cmd *cmd,
		const struct nmf_opt *opts, int argc, char **argv)
{
    const char *now = NULL;
    g_autofree struct nmf_opt *rows = NULL;
    int r;

    memset (f, 0, sizeof (*f));
    f->cmd = cmd;
    f->format = NMF_FORMAT_TEXT;
    f->args = g_ptr_array_new ();
    f->tz = g_time_zone_new_local ();
    rows = all_rows (cmd, opts, f, &now);
    f->usage = usage_of (cmd, rows);
    r = opts_parse (f, rows, argc, argv);
    if (r)
	return nmf_frame_close (f, r > 0 ? NMF_EXIT_OK : NMF_EXIT_ERROR);
    if (f->args->len < cmd->min_args)
	return nmf_frame_close (
	    f, nmf_frame_usage_error (f, "%s",
				      cmd->too_few ? cmd->too_few
						   : "missing arguments"));
    if (f->args->len > cmd->max_args)
	return nmf_frame_close (
	    f, nmf_frame_usage_error (f, "unexpected argument '%s'",
				      (char *) f->args->pdata[cmd->max_args]));
    nmf_log_set_quiet (f->quiet);
    f->now = g_get_real_time () / G_USEC_PER_SEC;
    if (now && ! nmf_frame_time (f, "--now", now, &f->now, NULL))
	return nmf_frame_close (f, NMF_EXIT_ERROR);
    if (cmd->need != NMF_NEED_NOTHING
	&& nmf_open_db (cmd->need == NMF_NEED_WRITE && ! f->dry_run
			    ? NMF_DB_READ_WRITE
			    : NMF_DB_READ_ONLY,
			&f->cfg, &f->db))
	return nmf_frame_close (f, NMF_EXIT_ERROR);
    return -1;
}

int
nmf_frame_close (struct nmf_frame *f, int ret)
{
    if (f->db) {
	if (nmf_db_close (&f->db))
	    ret = NMF_EXIT_ERROR;
	nmf_config_release (&f->cfg);
    }
    g_clear_pointer (&f->args, g_ptr_array_unref);
    g_clear_pointer (&f->tz, g_time_zone_unref);
    g_clear_pointer (&f->usage, g_free);
    return ret;
}

void
nmf_frame_take (struct nmf_frame *f, struct nmf_db **db,
		struct nmf_config *cfg)
{
    *db = f->db;
    *cfg = f->cfg;
    f->db = NULL;
    memset (&f->cfg, 0, sizeof (f->cfg));
}

int
nmf_frame_usage_error (const struct nmf_frame *f, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start (ap, fmt);
    msg = g_strdup_vprintf (fmt, ap);
    va_end (ap);
    nmf_usage_error (f->cmd->name, f->usage, "%s", msg);
    return NMF_EXIT_ERROR;
}

gboolean
nmf_frame_time (const struct nmf_frame *f, const char *opt, const char *text,
		gint64 *out, gboolean *has_time)
{
    g_autofree char *why = NULL;
    gboolean timed = FALSE;
    /* --now itself is read from the wall clock. */
    gint64 from = f->now ? f->now : g_get_real_time () / G_USEC_PER_SEC;

    if (! nmf_dates_typed (text, from, f->tz, out, &timed, &why)) {
	nmf_error ("%s: %s", opt, why);
	return FALSE;
    }
    if (has_time)
	*has_time = timed;
    return TRUE;
}

int
nmf_open_db (enum nmf_db_mode mode, struct nmf_config *cfg,
	     struct nmf_db **db)
{
    enum nmf_status st;

    /* The lock timeout is a followup.* setting: for writing, open
     * read-only first (no lock needed) to read the configuration. */
    nmf_config_init (cfg);
    if (mode == NMF_DB_READ_WRITE) {
	st = nmf_db_open (NMF_DB_READ_ONLY, 0, db);
	if (! st && nmf_db_read_config (*db, cfg))
	    st = NMF_ERR_CONFIG;
	nmf_db_close (db);
	if (st) {
	    nmf_config_release (cfg);
	    return 2;
	}
	st = nmf_db_open (mode, cfg->lock_timeout_ms, db);
	if (st) {
	    nmf_config_release (cfg);
	    return 2;
	}
	return 0;
    }
    st = nmf_db_open (mode, 0, db);
    if (! st && nmf_db_read_config (*db, cfg)) {
	nmf_db_close (db);
	st = NMF_ERR_CONFIG;
    }
    if (st) {
	nmf_config_release (cfg);
	return 2;
    }
    return 0;
}
