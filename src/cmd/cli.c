/* cli.c — option table parsing and shared command glue. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
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

static int G_GNUC_PRINTF (3, 4)
usage_error (const char *cmd, const char *usage, const char *fmt, ...)
{
    va_list ap;

    fprintf (stderr, "notmuch-followup: %s: ", cmd);
    va_start (ap, fmt);
    vfprintf (stderr, fmt, ap);
    va_end (ap);
    fprintf (stderr, "\n\n%s", usage);
    return -1;
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
	if (! *value || *end || n < 0 || n > G_MAXINT)
	    return usage_error (cmd, usage, "'%s' is not a whole number",
				value);
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
	return usage_error (cmd, usage, "'%s' is not a valid value here",
			    value);
    }
    return -1;
}

int
nmf_opts_parse (const struct nmf_opt *opts, int argc, char **argv,
		const char *usage, GPtrArray **args, int *help)
{
    const char *cmd = argv[0];
    int i;

    *help = 0;
    *args = g_ptr_array_new ();
    for (i = 1; i < argc; i++) {
	const char *a = argv[i];
	const char *eq;
	const struct nmf_opt *o;
	gsize len;

	if (strcmp (a, "--") == 0) {
	    for (i++; i < argc; i++)
		g_ptr_array_add (*args, argv[i]);
	    break;
	}
	if (strcmp (a, "--help") == 0 || strcmp (a, "-h") == 0) {
	    fputs (usage, stdout);
	    *help = 1;
	    return 0;
	}
	if (a[0] != '-' || a[1] == '\0') {
	    g_ptr_array_add (*args, (gpointer) a);
	    continue;
	}
	if (a[1] != '-')
	    goto unknown;
	eq = strchr (a + 2, '=');
	len = eq ? (gsize) (eq - (a + 2)) : strlen (a + 2);
	o = find_opt (opts, a + 2, len);
	if (! o)
	    goto unknown;
	if (o->type == NMF_OPT_BOOL) {
	    if (eq)
		goto bad_value;
	    set_value (o, cmd, usage, NULL);
	    continue;
	}
	if (! eq) {
	    if (i + 1 >= argc) {
		g_ptr_array_unref (*args);
		*args = NULL;
		return usage_error (cmd, usage, "option '%s' needs a value", a);
	    }
	    eq = argv[++i] - 1; /* value is the next argument */
	}
	if (set_value (o, cmd, usage, eq + 1) < 0) {
	    g_ptr_array_unref (*args);
	    *args = NULL;
	    return -1;
	}
	continue;
    unknown:
	g_ptr_array_unref (*args);
	*args = NULL;
	return usage_error (cmd, usage, "unknown option '%s'", a);
    bad_value:
	g_ptr_array_unref (*args);
	*args = NULL;
	return usage_error (cmd, usage, "option '%s' takes no value", a);
    }
    return 0;
}

gboolean
nmf_parse_time (const char *s, gint64 *out)
{
    g_autoptr (GTimeZone) local = g_time_zone_new_local ();
    g_autoptr (GDateTime) dt = NULL;

    if (! s || ! *s)
	return FALSE;
    dt = g_date_time_new_from_iso8601 (s, local);
    if (! dt && strlen (s) == 10) {
	/* A date alone: midnight in the local zone. */
	g_autofree char *full = g_strconcat (s, "T00:00:00", NULL);

	dt = g_date_time_new_from_iso8601 (full, local);
    }
    if (! dt)
	return FALSE;
    *out = g_date_time_to_unix (dt);
    return TRUE;
}

gboolean
nmf_now (const char *opt_now, gint64 *now)
{
    if (opt_now) {
	if (! nmf_parse_time (opt_now, now)) {
	    nmf_error ("--now: '%s' is not an ISO 8601 date and time "
		       "(e.g. 2026-11-20T09:00:00Z)", opt_now);
	    return FALSE;
	}
	return TRUE;
    }
    *now = g_get_real_time () / G_USEC_PER_SEC;
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
