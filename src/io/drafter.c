/* drafter.c — one due step to one draft on disk and in the index (see
 * nmf/drafter.h). */
#include <string.h>

#include "nmf/draft.h"
#include "nmf/drafter.h"
#include "nmf/log.h"
#include "nmf/maildir.h"
#include "nmf/procstore.h"
#include "nmf/render.h"
#include "nmf/text.h"
#include "nmf/thanks.h"

char *
nmf_drafter_key (const struct nmf_due *due)
{
    return g_strdup_printf ("%s:%d:%s", nmf_step_to_string (due->step),
			    due->round, due->to->addr);
}

char *
nmf_drafter_folder (struct nmf_db *db, const struct nmf_config *cfg)
{
    return nmf_maildir_find_drafts (nmf_db_mail_root (db),
				    cfg->drafts_folder);
}

/* "on Tuesday" within the last six days, else "on 17 November", in the
 * user's local time zone. */
/* How this run writes days: followup.date_style, else the locale of
 * LC_ALL, LC_TIME or LANG: "us", "gb" or a GLib format.  g_free. */
static char *
date_style_now (const struct nmf_config *cfg)
{
    const char *const vars[] = { "LC_ALL", "LC_TIME", "LANG" };
    const char *locale = NULL;
    size_t i;

    if (cfg->date_style && strchr (cfg->date_style, '%'))
	return g_strdup (cfg->date_style);
    if (cfg->date_style)
	return g_strdup (g_ascii_strcasecmp (cfg->date_style, "us") == 0
			     ? "us" : "gb");
    for (i = 0; i < G_N_ELEMENTS (vars) && ! locale; i++) {
	const char *v = g_getenv (vars[i]);

	if (v && *v)
	    locale = v;
    }
    return g_strdup (nmf_date_style_of_locale (locale) == NMF_DATE_GB ? "gb"
									 : "us");
}

/* The day of start in style (date_style_now), in the local zone. */
static char *
interview_day (const char *style, gint64 start, gint64 now, gboolean on)
{
    g_autoptr (GTimeZone) tz = g_time_zone_new_local ();

    if (strchr (style, '%'))
	return nmf_day_text (start, now, tz, NMF_DATE_US, style, on);
    return nmf_day_text (start, now, tz,
			 strcmp (style, "gb") == 0 ? NMF_DATE_GB : NMF_DATE_US,
			 NULL, on);
}

/* The lower-case addresses whose thank-you for round is due or was
 * drafted (the set nmf_thanks_note_holder wants). */
static GHashTable *
thanked_in (const struct nmf_loaded *l, const GPtrArray *all_due, int round)
{
    GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
					     NULL);
    g_autofree char *prefix = g_strdup_printf (
	"%s:%d:", nmf_step_to_string (NMF_STEP_THANK_YOU), round);
    guint i;

    for (i = 0; all_due && i < all_due->len; i++) {
	const struct nmf_due *d = all_due->pdata[i];

	if (d->step == NMF_STEP_THANK_YOU && d->round == round)
	    g_hash_table_add (out, g_ascii_strdown (d->to->addr, -1));
    }
    for (i = 0; i < l->drafted->len; i++) {
	const char *key = l->drafted->pdata[i];

	if (g_str_has_prefix (key, prefix))
	    g_hash_table_add (out, g_ascii_strdown (key + strlen (prefix), -1));
    }
    return out;
}

/* What the user noted (`note`) for the draft of due, as a sentence: their
 * note for this person, else the one for everybody when this draft
 * carries it (a thank-you of a panel: one draft only, see
 * nmf_thanks_note_holder); "" when nothing.  g_free. */
static char *
note_for (struct nmf_db *db, const struct nmf_loaded *l,
	  const struct nmf_due *due, const struct nmf_round *r,
	  const GPtrArray *all_due)
{
    struct nmf_dbmsg *a = nmf_db_find (db, l->anchor_id);
    g_autofree char *note = NULL;

    if (! a)
	return g_strdup ("");
    note = nmf_store_note (a, due->to->addr);
    if (! note && due->step == NMF_STEP_THANK_YOU && r) {
	g_autoptr (GHashTable) writing = thanked_in (l, all_due, due->round);
	g_autoptr (GHashTable) noted = g_hash_table_new_full (
	    g_str_hash, g_str_equal, g_free, NULL);
	const char *holder;
	guint k;

	for (k = 0; k < r->interviewers->len; k++) {
	    const struct nmf_person *who = r->interviewers->pdata[k];
	    g_autofree char *own = *who->addr ? nmf_store_note (a, who->addr)
					      : NULL;

	    if (own)
		g_hash_table_add (noted, g_strdup (who->addr));
	}
	holder = nmf_thanks_note_holder (r, writing, noted);
	if (holder && g_ascii_strcasecmp (holder, due->to->addr) == 0)
	    note = nmf_store_note (a, NULL);
    } else if (! note)
	note = nmf_store_note (a, NULL);
    nmf_dbmsg_release (&a);
    return nmf_note_sentence (note);
}

static const struct nmf_round *
round_of (const struct nmf_process *p, int round)
{
    if (round < 1 || (guint) round > p->rounds->len)
	return NULL;
    return p->rounds->pdata[round - 1];
}

/* What a draft says, to compare two makings of it: addressee, subject
 * and body (not the date or the Message-ID).  g_free. */
static char *
made_of (const struct nmf_draft *d)
{
    g_autofree char *all = g_strdup_printf ("%s\n%s\n%s", d->to_addr,
					    d->subject ? d->subject : "",
					    d->body ? d->body : "");

    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, all, -1);
}

static enum nmf_status
draft_write (struct nmf_db *db, const struct nmf_config *cfg,
	     struct nmf_loaded *l, const struct nmf_due *due,
	     const GPtrArray *all_due, gint64 now, const char *drafts_folder,
	     char **path, const char *old_id, const char *old_file,
	     enum nmf_refresh *outcome);

enum nmf_status
nmf_drafter_write (struct nmf_db *db, const struct nmf_config *cfg,
		   struct nmf_loaded *l, const struct nmf_due *due,
		   const GPtrArray *all_due, gint64 now,
		   const char *drafts_folder, char **path)
{
    return draft_write (db, cfg, l, due, all_due, now, drafts_folder, path,
			NULL, NULL, NULL);
}

enum nmf_status
nmf_drafter_refresh (struct nmf_db *db, const struct nmf_config *cfg,
		     struct nmf_loaded *l, const struct nmf_due *due,
		     const GPtrArray *all_due, gint64 now, const char *id,
		     const char *file, enum nmf_refresh *outcome)
{
    *outcome = NMF_REFRESH_SAME;
    return draft_write (db, cfg, l, due, all_due, now, NULL, NULL, id, file,
			outcome);
}

static enum nmf_status
draft_write (struct nmf_db *db, const struct nmf_config *cfg,
	     struct nmf_loaded *l, const struct nmf_due *due,
	     const GPtrArray *all_due, gint64 now, const char *drafts_folder,
	     char **path, const char *old_id, const char *old_file,
	     enum nmf_refresh *outcome)
{
    g_autoptr (GHashTable) vars = g_hash_table_new_full (g_str_hash,
							 g_str_equal, NULL,
							 g_free);
    /* A thank-you speaks of its round; the other steps of the latest. */
    const struct nmf_round *r
	= due->step == NMF_STEP_THANK_YOU
	      ? round_of (l->proc, due->round)
	      : round_of (l->proc, (int) l->proc->rounds->len);
    g_autofree char *body = NULL;
    g_autofree char *why = NULL;
    g_autofree char *text = NULL;
    g_autofree char *msgid = NULL;
    g_autofree char *file = NULL;
    g_autofree char *fname = NULL;
    g_autofree char *name = NULL;
    g_autofree char *first = NULL;
    g_autofree char *key = nmf_drafter_key (due);
    g_autofree char *file_key = NULL;
    g_autofree char *subject = NULL;
    g_autofree char *fcc = NULL;
    struct nmf_draft d = { 0 };
    g_autoptr (GPtrArray) reply_refs = NULL;
    struct nmf_dbmsg *m = NULL;
    struct nmf_dbmsg *anchor = NULL;
    const char *tmpl;
    const char *tmpl_name;
    g_autofree char *user_path = NULL;
    g_autofree char *user_tmpl = NULL;
    gsize len = 0;
    int line = 0;
    guint variant = 0, k;
    const struct nmf_person *to_in_round = NULL;
    g_autofree char *style = NULL;
    g_autofree char *made = NULL;
    g_autofree char *sha = NULL;
    enum nmf_status st;

    /* A draft written before keeps its date: what it says of days is
     * said as of then, so that evaluating it again later changes
     * nothing unless what it is made of changed. */
    style = date_style_now (cfg);
    if (old_id) {
	struct nmf_dbmsg *was = nmf_db_find (db, old_id);
	g_autofree char *kept = was ? nmf_store_draft_style (was) : NULL;

	if (was && nmf_dbmsg_date (was) > 0)
	    now = nmf_dbmsg_date (was);
	/* ... in the style it was written in (the hook's environment may
	 * have another locale than the user's shell). */
	if (kept) {
	    g_free (style);
	    style = g_steal_pointer (&kept);
	}
	nmf_dbmsg_release (&was);
    }
    /* The thank-yous of a panel: each interviewer their own wording. */
    if (due->step == NMF_STEP_THANK_YOU)
	variant = nmf_thanks_variant (r, due->to->addr);
    /* What the invitation said of the person: their title, their part. */
    for (k = 0; r && k < r->interviewers->len && ! to_in_round; k++) {
	const struct nmf_person *who = r->interviewers->pdata[k];

	if (g_ascii_strcasecmp (who->addr, due->to->addr) == 0)
	    to_in_round = who;
    }
    if (path)
	*path = NULL;
    if (! cfg->primary_email) {
	nmf_error ("cannot write a draft: user.primary_email is not set in "
		   "the notmuch config");
	return NMF_ERR_CONFIG;
    }
    /* A template of the user's own overrides the built-in one. */
    user_path = g_build_filename (g_get_user_config_dir (), "notmuch-followup",
				  "templates", nmf_step_to_string (due->step),
				  NULL);
    {
	g_autofree char *with_ext = g_strconcat (user_path, ".txt", NULL);

	g_free (user_path);
	user_path = g_steal_pointer (&with_ext);
    }
    if (g_file_get_contents (user_path, &user_tmpl, NULL, NULL)) {
	tmpl = user_tmpl;
	tmpl_name = user_path;
    } else {
	tmpl = nmf_render_builtin_variant (nmf_step_to_string (due->step),
					   variant);
	tmpl_name = nmf_step_to_string (due->step);
    }
    if (! tmpl)
	return NMF_OK;

    first = nmf_text_first_name (due->to->name);
    g_hash_table_insert (vars, (gpointer) "first_name",
			 *first ? g_steal_pointer (&first)
				: g_strdup ("there"));
    g_hash_table_insert (vars, (gpointer) "name",
			 g_strdup (due->to->name ? due->to->name : ""));
    g_hash_table_insert (vars, (gpointer) "company",
			 g_strdup (l->proc->company ? l->proc->company : ""));
    g_hash_table_insert (vars, (gpointer) "role",
			 g_strdup (l->proc->role ? l->proc->role : ""));
    g_hash_table_insert (vars, (gpointer) "interview_day",
			 interview_day (style, r ? r->start : 0, now, FALSE));
    g_hash_table_insert (vars, (gpointer) "on_interview_day",
			 interview_day (style, r ? r->start : 0, now, TRUE));
    g_hash_table_insert (vars, (gpointer) "user_name",
			 g_strdup (cfg->user_name ? cfg->user_name : ""));
    g_hash_table_insert (vars, (gpointer) "user_first_name",
			 nmf_text_first_name (cfg->user_name ? cfg->user_name : ""));
    g_hash_table_insert (vars, (gpointer) "detail",
			 note_for (db, l, due, r, all_due));
    g_hash_table_insert (vars, (gpointer) "panel",
			 nmf_thanks_others (r, due->to->addr));
    g_hash_table_insert (vars, (gpointer) "title",
			 g_strdup (to_in_round && to_in_round->title
				       ? to_in_round->title : ""));
    g_hash_table_insert (vars, (gpointer) "part",
			 nmf_part_phrase (to_in_round ? to_in_round->part
						      : NULL));
    g_hash_table_insert (vars, (gpointer) "topic",
			 g_strdup (l->topic ? l->topic : ""));
    g_hash_table_insert (vars, (gpointer) "subject",
			 g_strdup (l->subject ? l->subject : ""));

    st = nmf_render (tmpl, vars, nmf_render_variables (), &body, &line, &why);
    if (st) {
	nmf_error ("template '%s', line %d: %s", tmpl_name, line, why);
	return st;
    }

    {
	char *wrapped = nmf_text_wrap (body, 72);

	g_free (body);
	body = wrapped;
    }
    /* A draft written again on request (redraft) gets a file of its
     * own: the deleted one may still be there, tagged deleted. */
    {
	struct nmf_dbmsg *a = nmf_db_find (db, l->anchor_id);
	guint again = a ? nmf_store_redrafts (a, key) : 0;

	nmf_dbmsg_release (&a);
	file_key = again ? g_strdup_printf ("%s %s %u", l->proc->id, key, again)
			 : g_strdup_printf ("%s %s", l->proc->id, key);
    }
    d.from_name = cfg->user_name;
    /* From the address the employer wrote to, when it is one of ours. */
    d.from_addr = l->user_addr ? l->user_addr : cfg->primary_email;
    d.to_name = due->to->name;
    d.to_addr = due->to->addr;
    d.in_reply_to = l->reply_id;
    d.references = l->reply_refs;
    /* A person's last word, in its own thread; a subject of our own when
     * that thread's is a machine's (src/core/fact.c). */
    {
	const char *target_id = nmf_process_draft_target (
	    l->proc, due, l->reply_id, &subject);
	struct nmf_dbmsg *target = target_id ? nmf_db_find (db, target_id)
					     : NULL;

	d.subject = subject;
	if (target) {
	    const char *refs = nmf_dbmsg_header (target, "references");
	    g_auto (GStrv) parts = g_strsplit_set (refs ? refs : "",
						   " \t\r\n", -1);

	    reply_refs = g_ptr_array_new_with_free_func (g_free);
	    for (k = 0; parts[k]; k++) {
		gsize n = strlen (parts[k]);

		if (n > 2 && parts[k][0] == '<' && parts[k][n - 1] == '>')
		    g_ptr_array_add (reply_refs,
				     g_strndup (parts[k] + 1, n - 2));
	    }
	    g_ptr_array_add (reply_refs, g_strdup (target_id));
	    d.in_reply_to = target_id;
	    d.references = reply_refs;
	    nmf_dbmsg_release (&target);
	}
    }
    d.date = now;
    d.body = body;
    if (cfg->draft_fcc)
	fcc = nmf_maildir_find_sent (nmf_db_mail_root (db), cfg->sent_folder);
    d.fcc = fcc;
    d.message_id = old_id;
    st = nmf_draft_build (&d, &text, &len, &msgid);
    if (st)
	return st;
    made = made_of (&d);
    sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text,
				       len);

    /* A draft we wrote before: rewrite it in place when it would read
     * otherwise and the user has not touched it. */
    if (old_file) {
	g_autofree char *had_sha = NULL;
	g_autofree char *had_made = NULL;
	g_autofree char *bytes = NULL;
	g_autofree char *now_sha = NULL;
	gsize blen = 0;

	m = nmf_db_find (db, old_id);
	if (! m)
	    return NMF_OK;
	nmf_store_draft_made (m, &had_sha, &had_made);
	if (! had_sha || g_strcmp0 (had_made, made) == 0) {
	    /* Written before we kept what it was made of, or the same. */
	    nmf_dbmsg_release (&m);
	    return NMF_OK;
	}
	if (g_file_get_contents (old_file, &bytes, &blen, NULL))
	    now_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
						   (const guchar *) bytes,
						   blen);
	if (! nmf_store_draft_sha_is (m, now_sha)) {
	    *outcome = NMF_REFRESH_EDITED;
	    nmf_dbmsg_release (&m);
	    return NMF_OK;
	}
	if (nmf_store_pushed (m)
	    && strcmp (nmf_store_pushed (m), "removed") != 0) {
	    *outcome = NMF_REFRESH_PUSHED;
	    nmf_dbmsg_release (&m);
	    return NMF_OK;
	}
	/* The new hash is recorded first (beside the old one), so that a
	 * crash between the rename and the end leaves a draft that is
	 * still known as ours. */
	st = nmf_store_add_draft_sha (m, sha);
	nmf_dbmsg_release (&m);
	if (! st)
	    st = nmf_maildir_replace (old_file, text, len, now_sha);
	if (st == NMF_ERR_CHANGED) {
	    /* The user saved it meanwhile: theirs. */
	    *outcome = NMF_REFRESH_EDITED;
	    return NMF_OK;
	}
	if (! st && (m = nmf_db_find (db, old_id)))
	    st = nmf_dbmsg_reindex (m);
	nmf_dbmsg_release (&m);
	/* notmuch wants a message looked up again after reindexing. */
	if (! st && (m = nmf_db_find (db, old_id)))
	    st = nmf_store_set_draft_made (m, sha, made);
	nmf_dbmsg_release (&m);
	if (! st)
	    *outcome = NMF_REFRESH_UPDATED;
	return st;
    }

    /* The file name is derived from the process and step, so that a run
     * killed after writing the file but before recording it finds the
     * file again instead of writing a second draft (DESIGN §8). */
    fname = g_compute_checksum_for_string (G_CHECKSUM_SHA1, file_key, -1);
    fname[20] = '\0';
    name = g_strdup_printf ("followup-%s", fname);
    file = nmf_maildir_lookup (drafts_folder, name);
    if (! file) {
	st = nmf_maildir_ensure (drafts_folder);
	if (! st)
	    st = nmf_maildir_write (drafts_folder, name, text, len, "DS",
				    &file);
	if (st)
	    return st;
    } else {
	/* Left by a run killed before it recorded it: what we keep is
	 * the hash of the bytes there. */
	g_autofree char *bytes = NULL;
	gsize blen = 0;

	if (g_file_get_contents (file, &bytes, &blen, NULL)) {
	    g_free (sha);
	    sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
					       (const guchar *) bytes, blen);
	}
    }

    /* Index, tag and record in one atomic section: a crash leaves either
     * an indexed draft recorded as written, or a file that the next run
     * finds by its name (derived from the process and step above). */
    st = nmf_db_begin_atomic (db);
    if (! st)
	st = nmf_db_index_file (db, file, &m);
    if (! st) {
	const char *add[] = { "followup", cfg->tag_interview, NULL };

	st = nmf_dbmsg_tag (m, add, NULL, NULL);
    }
    if (! st) {
	anchor = nmf_db_find (db, l->anchor_id);
	st = nmf_store_record_draft (m, anchor, l->proc->id, key);
    }
    if (! st)
	st = nmf_store_set_draft_made (m, sha, made);
    if (! st)
	st = nmf_store_set_draft_style (m, style);
    if (! st)
	st = nmf_db_end_atomic (db);
    nmf_dbmsg_release (&m);
    nmf_dbmsg_release (&anchor);
    if (st)
	return st;
    g_ptr_array_add (l->drafted, g_strdup (key));
    if (path)
	*path = g_steal_pointer (&file);
    return NMF_OK;
}
