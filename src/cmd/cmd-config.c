/* cmd-config.c — the settings you can see (issue 17): every followup.*
 * setting with its effective value, whether it is the default, and what
 * it means, from the one table of settings (src/core/config.c).  The
 * man page's list of settings is made from the same table (--man). */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "nmf/log.h"

/* Text for roff: a backslash and a minus escaped, no line starting with
 * a dot or a quote.  g_free. */
static char *
roff (const char *text)
{
    GString *out = g_string_new (NULL);
    const char *p;

    for (p = text; *p; p++) {
	if (*p == '\\')
	    g_string_append (out, "\\e");
	else if (*p == '-')
	    g_string_append (out, "\\-");
	else
	    g_string_append_c (out, *p);
    }
    return g_string_free (out, FALSE);
}

static void
print_man (void)
{
    const struct nmf_setting *s;

    for (s = nmf_settings; s->key; s++) {
	g_autofree char *key = roff (s->key);
	g_autofree char *meaning = roff (s->meaning);
	g_autofree char *deflt = roff (s->deflt);
	g_autofree char *more = s->more ? roff (s->more) : NULL;

	printf (".TP\n.B followup.%s\n%s", key, meaning);
	if (*s->deflt)
	    printf (" (default: \\fB%s\\fR)", deflt);
	printf (".\n");
	if (more)
	    printf ("%s\n", more);
    }
}

static int config_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_config = {
    .name = "config",
    .summary = "the settings, their values and what they mean",
    .args = "",
    .about = "Every followup.* setting with its effective value, whether it is\n"
	     "the default, and what it means.  Change one with 'notmuch config\n"
	     "set followup.KEY VALUE'; a bad value is shown with the reason.\n",
    .shared = NMF_SHARE_FORMAT,
    .need = NMF_NEED_NOTHING,
    .main = config_main,
};

static int
config_main (int argc, char **argv)
{
    int man = 0;
    const struct nmf_opt opts[] = {
	{ "man", NMF_OPT_BOOL, &man, NULL, NULL,
	  "print the list of settings for the man page\n(make man)" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    g_autoptr (GHashTable) raw = NULL;
    struct nmf_printer *p = NULL;
    const struct nmf_setting *s;
    struct nmf_frame f;
    int ret = nmf_frame_open (&f, &nmf_cmd_config, opts, argc, argv);

    if (ret >= 0)
	return ret;
    if (man) {
	print_man ();
	return nmf_frame_close (&f, NMF_EXIT_OK);
    }
    raw = nmf_db_config_raw ();
    if (! raw)
	return nmf_frame_close (&f, NMF_EXIT_ERROR);
    if (f.format == NMF_FORMAT_JSON) {
	p = nmf_printer_new (NMF_FORMAT_JSON, stdout);
	p->begin_list (p);
    }
    for (s = nmf_settings; s->key; s++) {
	const char *set = g_hash_table_lookup (raw, s->key);
	const char *value = set ? set : s->deflt;
	g_autofree char *why = NULL;
	struct nmf_config cfg;

	/* The value is read as the program reads it. */
	nmf_config_init (&cfg);
	if (set && nmf_config_set (&cfg, s->key, set, &why) != NMF_OK)
	    ret = NMF_EXIT_ERROR;
	else
	    g_clear_pointer (&why, g_free);
	nmf_config_release (&cfg);
	if (p) {
	    g_autofree char *key = g_strconcat ("followup.", s->key, NULL);

	    p->begin_map (p);
	    nmf_printer_kv_string (p, "key", key);
	    nmf_printer_kv_string (p, "value", value);
	    nmf_printer_kv_string (p, "default", s->deflt);
	    p->map_key (p, "is_default");
	    p->boolean (p, set == NULL);
	    nmf_printer_kv_string (p, "meaning", s->meaning);
	    nmf_printer_kv_string (p, "error", why);
	    p->end (p);
	    continue;
	}
	printf ("followup.%s = %s%s\n    %s\n", s->key,
		*value ? value : "(unset)",
		why ? "  (not valid)" : set ? "" : "  (default)", s->meaning);
	if (why)
	    printf ("    error: %s\n", why);
    }
    if (p) {
	p->end (p);
	p->finish (p);
	nmf_printer_free (&p);
    }
    return nmf_frame_close (&f, ret < 0 ? NMF_EXIT_OK : ret);
}
