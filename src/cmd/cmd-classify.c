/* cmd-classify.c — how messages are understood, and why (DESIGN §3).
 * Reads files directly; needs no database. */
#include <stdio.h>

#include "cli.h"
#include "nmf/classify.h"
#include "nmf/extract.h"
#include "nmf/log.h"
#include "nmf/mime.h"
#include "nmf/text.h"
#include "nmf/weights.h"

static void
print_one (struct nmf_printer *p, const char *file,
	   const struct nmf_classification *c, const struct nmf_extract *x,
	   const double *features, const gboolean *allowed, double act,
	   const char *error)
{
    enum nmf_kind acts_as = nmf_classification_acts_as (c, act);
    guint i;

    p->begin_map (p);
    nmf_printer_kv_string (p, "file", file);
    nmf_printer_kv_string (p, "kind", nmf_kind_to_string (c->kind));
    p->map_key (p, "confidence");
    p->number (p, c->confidence);
    p->map_key (p, "act");
    p->boolean (p, acts_as != NMF_KIND_UNRELATED);
    nmf_printer_kv_string (p, "acts_as", nmf_kind_to_string (acts_as));
    p->map_key (p, "unrelated_probability");
    p->number (p, c->unrelated_p);
    nmf_printer_kv_string (p, "fallback", nmf_kind_to_string (c->fallback));
    p->map_key (p, "evidence");
    p->begin_list (p);
    {
	/* One line each, and each once (two rules may quote the same
	 * phrase; a quote may hold a line break). */
	g_autoptr (GHashTable) said = g_hash_table_new_full (
	    g_str_hash, g_str_equal, g_free, NULL);
	const GPtrArray *lists[] = { c->evidence, x->evidence };
	guint k;

	for (k = 0; k < G_N_ELEMENTS (lists); k++) {
	    for (i = 0; lists[k] && i < lists[k]->len; i++) {
		char *line = nmf_text_one_line (lists[k]->pdata[i], 300);

		if (g_hash_table_contains (said, line)) {
		    g_free (line);
		    continue;
		}
		p->string (p, line);
		g_hash_table_add (said, line);
	    }
	}
    }
    p->end (p);
    nmf_printer_kv_string (p, "company", x->company);
    nmf_printer_kv_string (p, "role", x->role);
    nmf_printer_kv_string (p, "topic", x->topic);
    p->map_key (p, "people");
    p->begin_list (p);
    for (i = 0; x->people && i < x->people->len; i++) {
	const struct nmf_person *who = x->people->pdata[i];

	p->begin_map (p);
	nmf_printer_kv_string (p, "name", who->name);
	/* Someone the text names without an address: null. */
	nmf_printer_kv_string (p, "addr", *who->addr ? who->addr : NULL);
	nmf_printer_kv_string (p, "phone", who->phone);
	nmf_printer_kv_string (p, "title", who->title);
	nmf_printer_kv_string (p, "part", who->part);
	p->end (p);
    }
    p->end (p);
    nmf_printer_kv_time (p, "interview_start", x->interview_start);
    nmf_printer_kv_time (p, "interview_end", x->interview_end);
    /* The decision date is a day, not an instant. */
    p->map_key (p, "timeline");
    if (x->timeline) {
	g_autoptr (GDateTime) d = g_date_time_new_from_unix_utc (x->timeline);
	g_autofree char *day = g_date_time_format (d, "%Y-%m-%d");

	p->string (p, day);
    } else {
	p->null (p);
    }
    /* What it asks the user for (DESIGN §5, the reply step). */
    nmf_printer_kv_string (p, "request", x->request);
    nmf_printer_kv_time (p, "request_by", x->request_by);
    if (features) {
	p->map_key (p, "features");
	p->begin_map (p);
	for (i = 0; i < NMF_F_COUNT; i++) {
	    p->map_key (p, nmf_feature_name (i));
	    p->number (p, features[i]);
	}
	p->end (p);
	p->map_key (p, "allowed");
	p->begin_list (p);
	for (i = 0; i < NMF_KIND_COUNT; i++) {
	    if (allowed[i])
		p->string (p, nmf_kind_to_string (i));
	}
	p->end (p);
    }
    if (error)
	nmf_printer_kv_string (p, "error", error);
    p->end (p);
}

static int classify_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_classify = {
    .name = "classify",
    .summary = "show how messages are understood, and why",
    .args = "FILE...",
    .about = "Print, for each mail file, its kind, the confidence, whether scan\n"
	     "would act on it and as which kind, the evidence (which rules fired,\n"
	     "and what each is worth) and what was extracted: company, role,\n"
	     "people, interview time, stated timeline, and what it asks you for.\n"
	     "Needs no database.\n",
    .shared = NMF_SHARE_FORMAT,
    .need = NMF_NEED_NOTHING,
    .min_args = 1,
    .max_args = G_MAXUINT,
    .too_few = "no file given",
    .main = classify_main,
};

static int
classify_main (int argc, char **argv)
{
    int with_features = 0;
    double features[NMF_F_COUNT];
    gboolean allowed[NMF_KIND_COUNT];
    const char *weights_file = NULL;
    struct nmf_weights table;
    const struct nmf_weights *w = &nmf_weights_fitted;
    double act;
    g_autoptr (GPtrArray) users = g_ptr_array_new ();
    const struct nmf_opt opts[] = {
	{ "user", NMF_OPT_STRINGS, users, NULL, "ADDR",
	  "one of your addresses (repeatable); default:\n"
	  "user.primary_email and user.other_email" },
	{ "features", NMF_OPT_BOOL, &with_features, NULL, NULL,
	  "also the evidence as numbers (what make train\n"
	  "fits the weights on)" },
	{ "weights", NMF_OPT_STRING, &weights_file, NULL, "FILE",
	  "weigh the evidence with this table (text form,\n"
	  "as make train writes for its held-out folds)" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    struct nmf_config cfg;
    struct nmf_printer *p;
    struct nmf_frame f;
    unsigned readable = 0;
    guint i;
    int ret = nmf_frame_open (&f, &nmf_cmd_classify, opts, argc, argv);
    GPtrArray *args;
    int format;

    if (ret >= 0)
	return ret;
    args = f.args;
    format = f.format;
    nmf_config_init (&cfg);
    if (users->len) {
	for (i = 0; i < users->len; i++)
	    nmf_config_add_user_email (&cfg, users->pdata[i]);
    } else {
	/* No config is fine here: direction is then unknown. */
	(void) nmf_db_read_config_only (&cfg, TRUE);
    }

    act = nmf_config_act_confidence (&cfg);
    if (weights_file) {
	g_autofree char *text = NULL;
	g_autofree char *why = NULL;
	g_autoptr (GError) err = NULL;

	if (! g_file_get_contents (weights_file, &text, NULL, &err)) {
	    nmf_error ("classify: cannot read '%s': %s", weights_file,
		       err->message);
	    nmf_config_release (&cfg);
	    return nmf_frame_close (&f, NMF_EXIT_ERROR);
	}
	if (! nmf_weights_parse (text, &table, &why)) {
	    nmf_error ("classify: '%s': %s", weights_file, why);
	    nmf_config_release (&cfg);
	    return nmf_frame_close (&f, NMF_EXIT_ERROR);
	}
	w = &table;
	act = table.act;
    }
    p = nmf_printer_new (format, stdout);
    if (format == NMF_FORMAT_JSON)
	p->begin_list (p);
    for (i = 0; i < args->len; i++) {
	const char *file = args->pdata[i];
	struct nmf_message *msg = NULL;
	struct nmf_classification c;
	struct nmf_extract x;
	g_autofree char *why = NULL;

	if (format == NMF_FORMAT_TEXT && i)
	    fputs ("\n", stdout);
	if (nmf_mime_parse_file (file, &msg, &why)) {
	    nmf_warn ("cannot parse '%s': %s", file, why);
	    nmf_classify_message (NULL, NULL, &c);
	    nmf_extract_message (NULL, NULL, &x);
	    print_one (p, file, &c, &x, NULL, NULL, act, why);
	} else {
	    readable++;
	    nmf_classify_with (msg, nmf_config_user_emails (&cfg), w, &c);
	    nmf_extract_message (msg, nmf_config_user_emails (&cfg), &x);
	    if (with_features)
		nmf_classify_features (msg, nmf_config_user_emails (&cfg),
				       features, allowed);
	    print_one (p, file, &c, &x, with_features ? features : NULL,
		       allowed, act, NULL);
	}
	nmf_classification_release (&c);
	nmf_extract_release (&x);
	nmf_message_free (&msg);
	if (format == NMF_FORMAT_TEXT)
	    p->finish (p);
    }
    if (format == NMF_FORMAT_JSON) {
	p->end (p);
	p->finish (p);
    }
    nmf_printer_free (&p);
    nmf_config_release (&cfg);
    return nmf_frame_close (&f, readable ? NMF_EXIT_OK : NMF_EXIT_ERROR);
}
