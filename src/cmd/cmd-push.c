/* cmd-push.c — drafts on every device (DESIGN §3 push): upload each draft
 * of ours that is not on the server yet to the IMAP Drafts folder, flag it
 * \Draft, and record where it went (nmf_store_set_pushed) so that it goes
 * up once.  A draft that became obsolete is removed from the server, but
 * only when it is still there unchanged (same size).  Progress is kept
 * draft by draft: a failure half-way loses nothing, the next run goes on.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "engine.h"
#include "nmf/imap.h"
#include "nmf/log.h"


struct todo {
    char *id;
    char *file;
    char *pushed;    /* "UIDVALIDITY UID", or NULL */
    gboolean obsolete;
};

static void
todo_free (gpointer p)
{
    struct todo *t = p;

    g_free (t->id);
    g_free (t->file);
    g_free (t->pushed);
    g_free (t);
}

struct collect {
    GPtrArray *todos;
    char *obsolete_tag;
    const struct nmf_config *cfg;
};

static int
collect_cb (struct nmf_dbmsg *m, void *data)
{
    struct collect *c = data;
    const char *pushed = nmf_store_pushed (m);
    /* Sent or deleted by the user, or no longer due: off the server. */
    gboolean obsolete = nmf_dbmsg_has_tag (m, c->obsolete_tag)
	|| ! nmf_store_live_draft (m, c->cfg);
    struct todo *t;

    if (! nmf_store_draft_key (m))
	return 0;
    if (pushed && strcmp (pushed, "removed") == 0)
	return 0;
    /* Up: a live draft not pushed yet.  Down: an obsolete one that was. */
    if ((obsolete && ! pushed) || (! obsolete && pushed))
	return 0;
    t = g_new0 (struct todo, 1);
    t->id = g_strdup (nmf_dbmsg_id (m));
    t->file = g_strdup (nmf_dbmsg_filename (m));
    t->pushed = pushed ? g_strdup (pushed) : NULL;
    t->obsolete = obsolete;
    g_ptr_array_add (c->todos, t);
    return 0;
}

/* The size an IMAP server reports: every line end counted as CR LF. */
static guint64
imap_size (const char *data, gsize len)
{
    guint64 n = len;
    gsize i;

    for (i = 0; i < len; i++) {
	if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))
	    n++;
    }
    return n;
}

static enum nmf_status
record (struct nmf_db *db, const char *id, const char *value)
{
    struct nmf_dbmsg *m = nmf_db_find (db, id);
    enum nmf_status st;

    if (! m)
	return NMF_OK;
    /* One atomic section per draft: what was uploaded stays recorded even
     * if a later one fails or the run is killed. */
    st = nmf_db_begin_atomic (db);
    if (! st)
	st = nmf_store_set_pushed (m, value);
    if (! st)
	st = nmf_db_end_atomic (db);
    nmf_dbmsg_release (&m);
    return st;
}

enum nmf_status
nmf_push_drafts (struct nmf_db *db, const struct nmf_config *cfg,
		 gboolean dry_run, gboolean quiet)
{
    struct collect c = { g_ptr_array_new_with_free_func (todo_free), NULL,
			 cfg };
    struct nmf_imap *im = NULL;
    g_autofree char *password = NULL;
    g_autofree char *why = NULL;
    enum nmf_status st = NMF_OK;
    unsigned up = 0, down = 0;
    guint i;

    if (! cfg->imap_url) {
	nmf_error ("push: followup.imap_url is not set (e.g. notmuch config "
		   "set followup.imap_url imaps://mail.example.org/Drafts)");
	g_ptr_array_unref (c.todos);
	return NMF_ERR_CONFIG;
    }
    c.obsolete_tag = g_strdup_printf ("%s/obsolete", cfg->tag_prefix);
    st = nmf_db_each_message (db, "tag:draft AND tag:followup", collect_cb, &c);
    if (st || ! c.todos->len)
	goto out;
    if (dry_run) {
	for (i = 0; i < c.todos->len; i++) {
	    const struct todo *t = c.todos->pdata[i];

	    printf ("%s %s\n", t->obsolete ? "remove" : "upload", t->file);
	}
	goto out;
    }
    if (cfg->imap_password_command) {
	password = nmf_imap_password_from_command (cfg->imap_password_command,
						   &why);
	if (! password) {
	    nmf_error ("push: %s", why);
	    st = NMF_ERR_CONFIG;
	    goto out;
	}
    }
    g_clear_pointer (&why, g_free);
    st = nmf_imap_open (cfg->imap_url, cfg->imap_user, password, &im, &why);
    if (st) {
	nmf_error ("push: %s", why);
	goto out;
    }
    for (i = 0; i < c.todos->len && ! st; i++) {
	const struct todo *t = c.todos->pdata[i];
	g_autofree char *data = NULL;
	g_autoptr (GError) err = NULL;
	gsize len = 0;
	guint64 uid = 0, validity = 0;

	g_clear_pointer (&why, g_free);
	if (! g_file_get_contents (t->file, &data, &len, &err)) {
	    /* The user deleted it meanwhile: nothing to push. */
	    continue;
	}
	if (t->obsolete) {
	    guint64 size = 0;
	    char *sp = strchr (t->pushed, ' ');

	    uid = sp ? g_ascii_strtoull (sp + 1, NULL, 10) : 0;
	    if (! uid)
		continue;
	    st = nmf_imap_size (im, uid, &size, &why);
	    if (! st && size == imap_size (data, len))
		st = nmf_imap_delete (im, uid, &why);
	    if (! st) {
		/* Changed on the server (edited on the phone): left there. */
		st = record (db, t->id, "removed");
		down++;
	    }
	    continue;
	}
	/* A run killed after its APPEND but before recording it left the
	 * draft on the server: find it there instead of sending it twice. */
	st = nmf_imap_find (im, t->id, &uid, &why);
	if (! st && ! uid)
	    st = nmf_imap_append (im, data, len, &uid, &validity, &why);
	if (! st && ! uid)
	    st = nmf_imap_find (im, t->id, &uid, &why);
	if (! st && uid)
	    st = nmf_imap_flag_draft (im, uid, &why);
	if (! st) {
	    g_autofree char *v = g_strdup_printf ("%" G_GUINT64_FORMAT
						  " %" G_GUINT64_FORMAT,
						  validity, uid);

	    st = record (db, t->id, v);
	    up++;
	}
    }
    if (st && why)
	nmf_error ("push: %s", why);
    if (! quiet && (up || down))
	printf ("notmuch-followup: %u draft%s uploaded%s", up,
		up == 1 ? "" : "s", down ? "" : "\n");
    if (! quiet && down)
	printf (", %u obsolete one%s removed\n", down, down == 1 ? "" : "s");
out:
    nmf_imap_close (&im);
    g_free (c.obsolete_tag);
    g_ptr_array_unref (c.todos);
    return st;
}

static int push_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_push = {
    .name = "push",
    .summary = "upload the drafts to the IMAP Drafts folder",
    .args = "",
    .about = "Upload the drafts of notmuch-followup that are not on the server yet\n"
	     "to the IMAP folder followup.imap_url, flagged \\Draft, once each; take\n"
	     "obsolete ones off the server when they are unchanged there.\n",
    .shared = NMF_SHARE_DRY_RUN | NMF_SHARE_QUIET,
    .need = NMF_NEED_WRITE,
    .main = push_main,
};

static int
push_main (int argc, char **argv)
{
    struct nmf_frame f;
    int ret = nmf_frame_open (&f, &nmf_cmd_push, NULL, argc, argv);

    if (ret >= 0)
	return ret;
    ret = nmf_push_drafts (f.db, &f.cfg, f.dry_run, f.quiet)
	      ? NMF_EXIT_ERROR : NMF_EXIT_OK;
    return nmf_frame_close (&f, ret);
}
