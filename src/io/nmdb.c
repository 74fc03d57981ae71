/* nmdb.c — libnotmuch adapter (see nmf/nmdb.h).
 *
 * Object lifetimes follow notmuch.h: a query owns its messages; we
 * destroy each message inside loops so long scans stay small; strings
 * returned by libnotmuch belong to their object.
 */
#include <stdlib.h>
#include <string.h>

#include <notmuch.h>

#include "nmf/holidays.h"
#include "nmf/log.h"
#include "nmf/nmdb.h"

#if ! LIBNOTMUCH_CHECK_VERSION(5, 4, 0)
#error "notmuch-followup needs libnotmuch 5.4 (notmuch 0.32) or newer"
#endif

struct nmf_db {
    notmuch_database_t *nm;
    enum nmf_db_mode mode;
};

struct nmf_dbmsg {
    notmuch_message_t *nm;
    gboolean owned;        /* destroy on release */
};

static void
report (notmuch_database_t *nm, const char *what, notmuch_status_t st)
{
    const char *detail = nm ? notmuch_database_status_string (nm) : NULL;

    if (detail && *detail) {
	g_autofree char *d = g_strstrip (g_strdup (detail));

	nmf_error ("%s: %s (%s)", what, notmuch_status_to_string (st), d);
    } else {
	nmf_error ("%s: %s", what, notmuch_status_to_string (st));
    }
}

/* Opening read-write waits for Xapian's write lock without a bound
 * (libnotmuch asks Xapian to retry the lock).  To keep DESIGN §8's bounded
 * wait, the open runs in a worker thread and we stop waiting at the
 * deadline; a worker still blocked then is left behind: it has written
 * nothing, and the process exits soon after. */
struct opener {
    GMutex lock;
    GCond done_cond;
    gboolean done;
    gboolean abandoned;
    notmuch_database_mode_t mode;
    notmuch_database_t *nm;
    notmuch_status_t st;
    char *err;
};

static void
opener_free (struct opener *o)
{
    if (o->nm)
	notmuch_database_destroy (o->nm);
    free (o->err);
    g_mutex_clear (&o->lock);
    g_cond_clear (&o->done_cond);
    g_free (o);
}

/* A Xapian exception while opening: with a writer (notmuch new, notmuch
 * tag) committing meanwhile, the revision being read can be discarded
 * ("... call Xapian::Database::reopen()") or its blocks reused ("Expected
 * block N to be level 1, not 0"); opening again is the cure.  A database
 * that is really broken fails the same way every time, and the last
 * attempt's error is reported. */
static gboolean
revision_discarded (notmuch_status_t st, const char *err)
{
    (void) err;
    return st == NOTMUCH_STATUS_XAPIAN_EXCEPTION;
}

#define OPEN_ATTEMPTS 8

static gpointer
open_worker (gpointer data)
{
    struct opener *o = data;
    notmuch_database_t *nm = NULL;
    char *err = NULL;
    notmuch_status_t st;
    gboolean abandoned;
    int attempt;

    for (attempt = 1;; attempt++) {
	st = notmuch_database_open_with_config (NULL, o->mode, NULL, NULL,
						&nm, &err);
	if (! revision_discarded (st, err) || attempt == OPEN_ATTEMPTS)
	    break;
	if (nm)
	    notmuch_database_destroy (nm);
	nm = NULL;
	free (err);
	err = NULL;
	g_usleep (20000 * attempt);
    }
    g_mutex_lock (&o->lock);
    o->st = st;
    o->nm = nm;
    o->err = err;
    o->done = TRUE;
    abandoned = o->abandoned;
    g_cond_signal (&o->done_cond);
    g_mutex_unlock (&o->lock);
    if (abandoned)
	opener_free (o);
    return NULL;
}

enum nmf_status
nmf_db_open (enum nmf_db_mode mode, int lock_timeout_ms, struct nmf_db **db)
{
    struct opener *o = g_new0 (struct opener, 1);
    GThread *thread;
    gint64 deadline;
    enum nmf_status ret = NMF_OK;

    *db = NULL;
    g_mutex_init (&o->lock);
    g_cond_init (&o->done_cond);
    o->mode = mode == NMF_DB_READ_WRITE ? NOTMUCH_DATABASE_MODE_READ_WRITE
					: NOTMUCH_DATABASE_MODE_READ_ONLY;
    thread = g_thread_new ("nmf-open", open_worker, o);
    deadline = g_get_monotonic_time ()
	+ (gint64) (lock_timeout_ms > 0 ? lock_timeout_ms : 0) * 1000
	+ 2 * G_TIME_SPAN_SECOND; /* opening itself takes time */

    g_mutex_lock (&o->lock);
    while (! o->done) {
	if (! g_cond_wait_until (&o->done_cond, &o->lock, deadline))
	    break;
    }
    if (! o->done) {
	o->abandoned = TRUE;
	g_mutex_unlock (&o->lock);
	g_thread_unref (thread);
	nmf_error ("cannot open the notmuch database: it is locked by another "
		   "process (waited %d s); try again when 'notmuch new' or "
		   "the other writer has finished",
		   lock_timeout_ms / 1000);
	return NMF_ERR_LOCKED;
    }
    g_mutex_unlock (&o->lock);
    g_thread_join (thread);

    if (o->st) {
	g_autofree char *msg = o->err ? g_strstrip (g_strdup (o->err)) : NULL;

	if (o->st == NOTMUCH_STATUS_NO_CONFIG) {
	    nmf_error ("no notmuch configuration found; run 'notmuch setup' "
		       "first, or set NOTMUCH_CONFIG");
	    ret = NMF_ERR_CONFIG;
	} else {
	    nmf_error ("cannot open the notmuch database: %s%s%s",
		       notmuch_status_to_string (o->st), msg ? ": " : "",
		       msg ? msg : "");
	    ret = o->st == NOTMUCH_STATUS_NO_DATABASE ? NMF_ERR_CONFIG
						      : NMF_ERR_NOTMUCH;
	}
	opener_free (o);
	return ret;
    }
    *db = g_new0 (struct nmf_db, 1);
    (*db)->nm = o->nm;
    (*db)->mode = mode;
    o->nm = NULL;
    opener_free (o);
    return NMF_OK;
}

enum nmf_status
nmf_db_close (struct nmf_db **db)
{
    notmuch_status_t st;
    enum nmf_status ret = NMF_OK;

    if (! db || ! *db)
	return NMF_OK;
    /* Commit errors surface at close (STYLE §2.3). */
    st = notmuch_database_close ((*db)->nm);
    if (st) {
	report ((*db)->nm, "cannot close the notmuch database", st);
	ret = NMF_ERR_NOTMUCH;
    }
    notmuch_database_destroy ((*db)->nm);
    g_free (*db);
    *db = NULL;
    return ret;
}

static enum nmf_status
read_config (notmuch_database_t *nm, struct nmf_config *cfg, gboolean report)
{
    notmuch_config_values_t *vals;
    notmuch_config_pairs_t *pairs;
    const char *s;
    enum nmf_status ret = NMF_OK;

    s = notmuch_config_get (nm, NOTMUCH_CONFIG_USER_NAME);
    if (s && *s) {
	g_free (cfg->user_name);
	cfg->user_name = g_strdup (s);
    }
    s = notmuch_config_get (nm, NOTMUCH_CONFIG_PRIMARY_EMAIL);
    if (s && *s) {
	g_free (cfg->primary_email);
	cfg->primary_email = g_ascii_strdown (s, -1);
	nmf_config_add_user_email (cfg, s);
    }
    for (vals = notmuch_config_get_values (nm, NOTMUCH_CONFIG_OTHER_EMAIL);
	 vals && notmuch_config_values_valid (vals);
	 notmuch_config_values_move_to_next (vals))
	nmf_config_add_user_email (cfg, notmuch_config_values_get (vals));
    if (vals)
	notmuch_config_values_destroy (vals);

    for (pairs = notmuch_config_get_pairs (nm, NMF_CONFIG_SECTION);
	 pairs && notmuch_config_pairs_valid (pairs);
	 notmuch_config_pairs_move_to_next (pairs)) {
	const char *key = notmuch_config_pairs_key (pairs);
	const char *value = notmuch_config_pairs_value (pairs);
	g_autofree char *why = NULL;

	if (! g_str_has_prefix (key, NMF_CONFIG_SECTION))
	    continue;
	if (nmf_config_set (cfg, key + strlen (NMF_CONFIG_SECTION), value,
			    &why)) {
	    if (report)
		nmf_error ("bad configuration: %s", why);
	    ret = NMF_ERR_CONFIG;
	}
    }
    if (pairs)
	notmuch_config_pairs_destroy (pairs);
    /* Unset, the public holidays are the locale's territory's. */
    if (! cfg->holidays_country) {
	const char *const vars[] = { "LC_ALL", "LC_TIME", "LANG" };
	const char *locale = NULL;
	const char *code;
	gsize i;

	for (i = 0; i < G_N_ELEMENTS (vars) && ! locale; i++) {
	    const char *v = g_getenv (vars[i]);

	    if (v && *v)
		locale = v;
	}
	code = nmf_holidays_country_of_locale (locale);
	cfg->holidays_country = g_strdup (code ? code : "none");
    }
    return ret;
}

char *
nmf_db_config_fingerprint (struct nmf_db *db)
{
    static const char *const prefixes[] = { NMF_CONFIG_SECTION, "user.",
					    NULL };
    g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
    guint i;

    g_checksum_update (sum, (const guchar *) NMF_VERSION, -1);
    /* What evaluations store on anchors: a change makes scan evaluate
     * every process once.  2: the contacts of a process. */
    g_checksum_update (sum, (const guchar *) " store 2", -1);
    for (i = 0; prefixes[i]; i++) {
	notmuch_config_pairs_t *pairs;

	for (pairs = notmuch_config_get_pairs (db->nm, prefixes[i]);
	     pairs && notmuch_config_pairs_valid (pairs);
	     notmuch_config_pairs_move_to_next (pairs)) {
	    const char *key = notmuch_config_pairs_key (pairs);
	    const char *value = notmuch_config_pairs_value (pairs);

	    /* Our own bookkeeping in the database is no setting. */
	    if (! g_str_has_prefix (key, prefixes[i])
		|| strcmp (key, NMF_DB_KEY_LASTMOD) == 0
		|| strcmp (key, NMF_DB_KEY_EVALUATED) == 0)
		continue;
	    g_checksum_update (sum, (const guchar *) "\n", 1);
	    g_checksum_update (sum, (const guchar *) key, -1);
	    g_checksum_update (sum, (const guchar *) "=", 1);
	    g_checksum_update (sum, (const guchar *) (value ? value : ""), -1);
	}
	if (pairs)
	    notmuch_config_pairs_destroy (pairs);
    }
    return g_strndup (g_checksum_get_string (sum), 16);
}

enum nmf_status
nmf_db_read_config (struct nmf_db *db, struct nmf_config *cfg)
{
    return read_config (db->nm, cfg, TRUE);
}

/* notmuch_database_load_config, opened again when a writer discarded
 * the revision being read (see revision_discarded). */
static notmuch_status_t
load_config_retrying (notmuch_database_t **nm, char **err)
{
    notmuch_status_t st;
    int attempt;

    for (attempt = 1;; attempt++) {
	*nm = NULL;
	*err = NULL;
	st = notmuch_database_load_config (NULL, NULL, NULL, nm, err);
	if (! revision_discarded (st, *err) || attempt == OPEN_ATTEMPTS)
	    return st;
	if (*nm)
	    notmuch_database_destroy (*nm);
	free (*err);
	g_usleep (20000 * attempt);
    }
}

enum nmf_status
nmf_db_read_config_only (struct nmf_config *cfg, gboolean report)
{
    notmuch_database_t *nm = NULL;
    char *err = NULL;
    notmuch_status_t st;
    enum nmf_status ret;

    st = load_config_retrying (&nm, &err);
    free (err);
    if (st != NOTMUCH_STATUS_SUCCESS && st != NOTMUCH_STATUS_NO_DATABASE) {
	if (nm)
	    notmuch_database_destroy (nm);
	return NMF_ERR_CONFIG;
    }
    ret = read_config (nm, cfg, report);
    notmuch_database_destroy (nm);
    return ret;
}

enum nmf_status
nmf_db_config_hook_dir (char **dir)
{
    notmuch_database_t *nm = NULL;
    char *err = NULL;
    notmuch_status_t st;
    const char *s;

    *dir = NULL;
    st = load_config_retrying (&nm, &err);
    if (st != NOTMUCH_STATUS_SUCCESS && st != NOTMUCH_STATUS_NO_DATABASE) {
	g_autofree char *msg = err ? g_strstrip (g_strdup (err)) : NULL;

	nmf_error ("cannot read the notmuch configuration: %s%s%s",
		   notmuch_status_to_string (st), msg ? ": " : "",
		   msg ? msg : "");
	free (err);
	if (nm)
	    notmuch_database_destroy (nm);
	return NMF_ERR_CONFIG;
    }
    free (err);
    s = notmuch_config_get (nm, NOTMUCH_CONFIG_HOOK_DIR);
    if (! s || ! *s) {
	nmf_error ("notmuch names no hook directory (database.hook_dir); "
		   "run 'notmuch new' once first");
	notmuch_database_destroy (nm);
	return NMF_ERR_CONFIG;
    }
    *dir = g_strdup (s);
    notmuch_database_destroy (nm);
    return NMF_OK;
}

const char *
nmf_db_mail_root (struct nmf_db *db)
{
    const char *s = notmuch_config_get (db->nm, NOTMUCH_CONFIG_MAIL_ROOT);

    if (! s || ! *s)
	s = notmuch_database_get_path (db->nm);
    return s;
}

const char *
nmf_db_hook_dir (struct nmf_db *db)
{
    return notmuch_config_get (db->nm, NOTMUCH_CONFIG_HOOK_DIR);
}

unsigned long
nmf_db_revision (struct nmf_db *db, const char **uuid)
{
    const char *unused;

    return notmuch_database_get_revision (db->nm, uuid ? uuid : &unused);
}

char *
nmf_db_get_state (struct nmf_db *db, const char *key)
{
    char *value = NULL;
    char *copy;

    if (notmuch_database_get_config (db->nm, key, &value))
	return NULL;
    if (! value || ! *value) {
	free (value);
	return NULL;
    }
    copy = g_strdup (value);
    free (value);
    return copy;
}

enum nmf_status
nmf_db_set_state (struct nmf_db *db, const char *key, const char *value)
{
    notmuch_status_t st;

    st = notmuch_database_set_config (db->nm, key, value ? value : "");
    if (st) {
	report (db->nm, "cannot store the scan position", st);
	return NMF_ERR_NOTMUCH;
    }
    return NMF_OK;
}

static notmuch_query_t *
make_query (struct nmf_db *db, const char *query, enum nmf_status *ret)
{
    notmuch_query_t *q = NULL;
    notmuch_status_t st;

    st = notmuch_query_create_with_syntax (db->nm, query,
					   NOTMUCH_QUERY_SYNTAX_XAPIAN, &q);
    if (st) {
	g_autofree char *what = g_strdup_printf ("bad query '%s'", query);

	report (db->nm, what, st);
	*ret = NMF_ERR_NOTMUCH;
	return NULL;
    }
    notmuch_query_set_omit_excluded (q, NOTMUCH_EXCLUDE_FALSE);
    *ret = NMF_OK;
    return q;
}

static enum nmf_status
each_message (struct nmf_db *db, const char *query, notmuch_sort_t sort,
	      unsigned first, unsigned count,
	      int (*fn) (struct nmf_dbmsg *msg, void *data), void *data);

enum nmf_status
nmf_db_each_message (struct nmf_db *db, const char *query,
		     int (*fn) (struct nmf_dbmsg *msg, void *data),
		     void *data)
{
    return each_message (db, query, NOTMUCH_SORT_OLDEST_FIRST, 0, G_MAXUINT,
			 fn, data);
}

enum nmf_status
nmf_db_each_message_newest (struct nmf_db *db, const char *query,
			    int (*fn) (struct nmf_dbmsg *msg, void *data),
			    void *data)
{
    return each_message (db, query, NOTMUCH_SORT_NEWEST_FIRST, 0, G_MAXUINT,
			 fn, data);
}

enum nmf_status
nmf_db_each_message_newest_slice (struct nmf_db *db, const char *query,
				  unsigned first, unsigned count,
				  int (*fn) (struct nmf_dbmsg *msg, void *data),
				  void *data)
{
    return each_message (db, query, NOTMUCH_SORT_NEWEST_FIRST, first, count,
			 fn, data);
}

static enum nmf_status
each_message (struct nmf_db *db, const char *query, notmuch_sort_t sort,
	      unsigned first, unsigned count,
	      int (*fn) (struct nmf_dbmsg *msg, void *data), void *data)
{
    notmuch_query_t *q;
    notmuch_messages_t *msgs = NULL;
    notmuch_status_t st;
    enum nmf_status ret;
    unsigned pos = 0;

    q = make_query (db, query, &ret);
    if (! q)
	return ret;
    notmuch_query_set_sort (q, sort);
    st = notmuch_query_search_messages (q, &msgs);
    if (st) {
	g_autofree char *what = g_strdup_printf ("cannot search '%s'", query);

	report (db->nm, what, st);
	notmuch_query_destroy (q);
	return NMF_ERR_NOTMUCH;
    }
    /* Stepping over a position loads nothing (notmuch_messages_get
     * is what reads the document). */
    for (; notmuch_messages_valid (msgs) && pos < first; pos++)
	notmuch_messages_move_to_next (msgs);
    for (; notmuch_messages_valid (msgs) && count;
	 notmuch_messages_move_to_next (msgs)) {
	struct nmf_dbmsg m = { notmuch_messages_get (msgs), FALSE };
	int stop = fn (&m, data);

	if (count != G_MAXUINT)
	    count--;
	notmuch_message_destroy (m.nm);
	if (stop)
	    break;
    }
    notmuch_query_destroy (q);
    return NMF_OK;
}

enum nmf_status
nmf_db_count (struct nmf_db *db, const char *query, unsigned *count)
{
    notmuch_query_t *q;
    notmuch_status_t st;
    enum nmf_status ret;

    *count = 0;
    q = make_query (db, query, &ret);
    if (! q)
	return ret;
    st = notmuch_query_count_messages (q, count);
    notmuch_query_destroy (q);
    if (st) {
	report (db->nm, "cannot count messages", st);
	return NMF_ERR_NOTMUCH;
    }
    return NMF_OK;
}

struct nmf_dbmsg *
nmf_db_find (struct nmf_db *db, const char *message_id)
{
    notmuch_message_t *nm = NULL;
    struct nmf_dbmsg *m;

    if (! message_id
	|| notmuch_database_find_message (db->nm, message_id, &nm) || ! nm)
	return NULL;
    m = g_new0 (struct nmf_dbmsg, 1);
    m->nm = nm;
    m->owned = TRUE;
    return m;
}

void
nmf_dbmsg_release (struct nmf_dbmsg **msg)
{
    if (! msg || ! *msg)
	return;
    if ((*msg)->owned)
	notmuch_message_destroy ((*msg)->nm);
    g_free (*msg);
    *msg = NULL;
}

enum nmf_status
nmf_db_index_file (struct nmf_db *db, const char *path,
		   struct nmf_dbmsg **msg)
{
    notmuch_message_t *nm = NULL;
    notmuch_status_t st;

    *msg = NULL;
    st = notmuch_database_index_file (db->nm, path, NULL, &nm);
    if (st && st != NOTMUCH_STATUS_DUPLICATE_MESSAGE_ID) {
	g_autofree char *what = g_strdup_printf ("cannot index '%s'", path);

	report (db->nm, what, st);
	return NMF_ERR_NOTMUCH;
    }
    st = notmuch_message_maildir_flags_to_tags (nm);
    if (st) {
	g_autofree char *what
	    = g_strdup_printf ("cannot tag '%s' from its flags", path);

	report (db->nm, what, st);
	notmuch_message_destroy (nm);
	return NMF_ERR_NOTMUCH;
    }
    *msg = g_new0 (struct nmf_dbmsg, 1);
    (*msg)->nm = nm;
    (*msg)->owned = TRUE;
    return NMF_OK;
}

enum nmf_status
nmf_db_begin_atomic (struct nmf_db *db)
{
    notmuch_status_t st = notmuch_database_begin_atomic (db->nm);

    if (st) {
	report (db->nm, "cannot begin an atomic section", st);
	return NMF_ERR_NOTMUCH;
    }
    return NMF_OK;
}

enum nmf_status
nmf_db_end_atomic (struct nmf_db *db)
{
    notmuch_status_t st = notmuch_database_end_atomic (db->nm);

    if (st) {
	report (db->nm, "cannot end an atomic section", st);
	return NMF_ERR_NOTMUCH;
    }
    return NMF_OK;
}

const char *
nmf_dbmsg_id (struct nmf_dbmsg *msg)
{
    return notmuch_message_get_message_id (msg->nm);
}

const char *
nmf_dbmsg_thread (struct nmf_dbmsg *msg)
{
    return notmuch_message_get_thread_id (msg->nm);
}

const char *
nmf_dbmsg_filename (struct nmf_dbmsg *msg)
{
    return notmuch_message_get_filename (msg->nm);
}

GPtrArray *
nmf_dbmsg_filenames (struct nmf_dbmsg *msg)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    notmuch_filenames_t *fns;

    for (fns = notmuch_message_get_filenames (msg->nm);
	 fns && notmuch_filenames_valid (fns);
	 notmuch_filenames_move_to_next (fns))
	g_ptr_array_add (out, g_strdup (notmuch_filenames_get (fns)));
    if (fns)
	notmuch_filenames_destroy (fns);
    return out;
}

gint64
nmf_dbmsg_date (struct nmf_dbmsg *msg)
{
    return (gint64) notmuch_message_get_date (msg->nm);
}

const char *
nmf_dbmsg_header (struct nmf_dbmsg *msg, const char *name)
{
    const char *v = notmuch_message_get_header (msg->nm, name);

    return v ? v : "";
}

gboolean
nmf_dbmsg_has_tag (struct nmf_dbmsg *msg, const char *tag)
{
    notmuch_tags_t *tags;
    gboolean found = FALSE;

    for (tags = notmuch_message_get_tags (msg->nm);
	 tags && notmuch_tags_valid (tags); notmuch_tags_move_to_next (tags)) {
	if (strcmp (notmuch_tags_get (tags), tag) == 0) {
	    found = TRUE;
	    break;
	}
    }
    if (tags)
	notmuch_tags_destroy (tags);
    return found;
}

GPtrArray *
nmf_dbmsg_tags (struct nmf_dbmsg *msg)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    notmuch_tags_t *tags;

    for (tags = notmuch_message_get_tags (msg->nm);
	 tags && notmuch_tags_valid (tags); notmuch_tags_move_to_next (tags))
	g_ptr_array_add (out, g_strdup (notmuch_tags_get (tags)));
    if (tags)
	notmuch_tags_destroy (tags);
    return out;
}

const char *
nmf_dbmsg_property (struct nmf_dbmsg *msg, const char *key)
{
    const char *value = NULL;

    if (notmuch_message_get_property (msg->nm, key, &value))
	return NULL;
    return value;
}

GPtrArray *
nmf_dbmsg_properties (struct nmf_dbmsg *msg, const char *key)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    notmuch_message_properties_t *props;

    for (props = notmuch_message_get_properties (msg->nm, key, TRUE);
	 props && notmuch_message_properties_valid (props);
	 notmuch_message_properties_move_to_next (props))
	g_ptr_array_add (out,
			 g_strdup (notmuch_message_properties_value (props)));
    if (props)
	notmuch_message_properties_destroy (props);
    return out;
}

static enum nmf_status
prop_status (struct nmf_dbmsg *msg, const char *what, notmuch_status_t st)
{
    g_autofree char *w = NULL;

    if (! st)
	return NMF_OK;
    w = g_strdup_printf ("cannot %s on message '%s'", what,
			 nmf_dbmsg_id (msg));
    report (notmuch_message_get_database (msg->nm), w, st);
    return NMF_ERR_NOTMUCH;
}

enum nmf_status
nmf_dbmsg_freeze (struct nmf_dbmsg *msg)
{
    return prop_status (msg, "freeze", notmuch_message_freeze (msg->nm));
}

enum nmf_status
nmf_dbmsg_thaw (struct nmf_dbmsg *msg)
{
    return prop_status (msg, "write", notmuch_message_thaw (msg->nm));
}

enum nmf_status
nmf_dbmsg_set_property (struct nmf_dbmsg *msg, const char *key,
			const char *value, gboolean *changed)
{
    g_autoptr (GPtrArray) now = nmf_dbmsg_properties (msg, key);
    notmuch_status_t st;

    if (changed)
	*changed = FALSE;
    if (value && now->len == 1 && strcmp (now->pdata[0], value) == 0)
	return NMF_OK;
    if (! value && now->len == 0)
	return NMF_OK;
    if (changed)
	*changed = TRUE;
    st = notmuch_message_freeze (msg->nm);
    if (! st && now->len)
	st = notmuch_message_remove_all_properties (msg->nm, key);
    if (! st && value)
	st = notmuch_message_add_property (msg->nm, key, value);
    if (! st)
	st = notmuch_message_thaw (msg->nm);
    return prop_status (msg, "set a property", st);
}

enum nmf_status
nmf_dbmsg_add_property (struct nmf_dbmsg *msg, const char *key,
			const char *value, gboolean *changed)
{
    g_autoptr (GPtrArray) now = nmf_dbmsg_properties (msg, key);
    guint i;

    if (changed)
	*changed = FALSE;
    for (i = 0; i < now->len; i++) {
	if (strcmp (now->pdata[i], value) == 0)
	    return NMF_OK;
    }
    if (changed)
	*changed = TRUE;
    return prop_status (msg, "add a property",
			notmuch_message_add_property (msg->nm, key, value));
}

enum nmf_status
nmf_dbmsg_reindex (struct nmf_dbmsg *msg)
{
    return prop_status (msg, "index again",
			notmuch_message_reindex (msg->nm, NULL));
}

enum nmf_status
nmf_dbmsg_remove_property (struct nmf_dbmsg *msg, const char *key,
			   const char *value)
{
    g_autoptr (GPtrArray) now = nmf_dbmsg_properties (msg, key);
    guint i;

    for (i = 0; i < now->len; i++) {
	if (strcmp (now->pdata[i], value) == 0)
	    return prop_status (msg, "remove a property",
				notmuch_message_remove_property (msg->nm, key,
								 value));
    }
    return NMF_OK;
}

enum nmf_status
nmf_dbmsg_tag (struct nmf_dbmsg *msg, const char *const *add,
	       const char *const *remove, gboolean *changed)
{
    g_autoptr (GPtrArray) todo_add = g_ptr_array_new ();
    g_autoptr (GPtrArray) todo_rm = g_ptr_array_new ();
    notmuch_status_t st = NOTMUCH_STATUS_SUCCESS;
    guint i;

    if (changed)
	*changed = FALSE;
    for (; add && *add; add++) {
	if (! nmf_dbmsg_has_tag (msg, *add))
	    g_ptr_array_add (todo_add, (gpointer) *add);
    }
    for (; remove && *remove; remove++) {
	if (nmf_dbmsg_has_tag (msg, *remove))
	    g_ptr_array_add (todo_rm, (gpointer) *remove);
    }
    if (! todo_add->len && ! todo_rm->len)
	return NMF_OK;
    if (changed)
	*changed = TRUE;
    st = notmuch_message_freeze (msg->nm);
    for (i = 0; ! st && i < todo_rm->len; i++)
	st = notmuch_message_remove_tag (msg->nm, todo_rm->pdata[i]);
    for (i = 0; ! st && i < todo_add->len; i++)
	st = notmuch_message_add_tag (msg->nm, todo_add->pdata[i]);
    if (! st)
	st = notmuch_message_thaw (msg->nm);
    /* No tags_to_maildir_flags here: our tags map to no Maildir flag,
     * and DESIGN §8 forbids renaming the user's files. */
    return prop_status (msg, "change tags", st);
}

char *
nmf_db_quote (const char *s)
{
    GString *out = g_string_new ("\"");
    const char *p;

    for (p = s ? s : ""; *p; p++) {
	if (*p == '"')
	    g_string_append (out, "\"\"");
	else
	    g_string_append_c (out, *p);
    }
    g_string_append_c (out, '"');
    return g_string_free (out, FALSE);
}

GHashTable *
nmf_db_config_raw (void)
{
    notmuch_database_t *nm = NULL;
    notmuch_config_pairs_t *pairs;
    char *err = NULL;
    notmuch_status_t st = load_config_retrying (&nm, &err);
    GHashTable *out;

    if (st != NOTMUCH_STATUS_SUCCESS && st != NOTMUCH_STATUS_NO_DATABASE) {
	nmf_error ("cannot read the notmuch configuration%s%s",
		   err ? ": " : "", err ? err : "");
	free (err);
	if (nm)
	    notmuch_database_destroy (nm);
	return NULL;
    }
    free (err);
    out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    for (pairs = notmuch_config_get_pairs (nm, NMF_CONFIG_SECTION);
	 pairs && notmuch_config_pairs_valid (pairs);
	 notmuch_config_pairs_move_to_next (pairs)) {
	const char *key = notmuch_config_pairs_key (pairs);
	const char *value = notmuch_config_pairs_value (pairs);

	if (g_str_has_prefix (key, NMF_CONFIG_SECTION))
	    g_hash_table_insert (out,
				 g_strdup (key + strlen (NMF_CONFIG_SECTION)),
				 g_strdup (value ? value : ""));
    }
    if (pairs)
	notmuch_config_pairs_destroy (pairs);
    notmuch_database_destroy (nm);
    return out;
}
