/* nmdb.h — the notmuch database, config, tags and properties (adapter).
 *
 * A thin layer over libnotmuch that keeps notmuch_* types out of the
 * commands.  Strings returned by nmf_dbmsg_* accessors belong to the
 * message and stay valid until it is released (or the callback that
 * received it returns): g_strdup what you keep.
 *
 * Errors are reported here, once, as "notmuch-followup: error: <what>:
 * <notmuch's reason>"; callers only propagate the status.
 */
#ifndef NMF_NMDB_H
#define NMF_NMDB_H

#include <glib.h>

#include "nmf/config.h"
#include "nmf/status.h"

struct nmf_db;
struct nmf_dbmsg;

enum nmf_db_mode {
    NMF_DB_READ_ONLY,
    NMF_DB_READ_WRITE,
};

/* Open the database named by the notmuch configuration (NOTMUCH_CONFIG,
 * NOTMUCH_PROFILE, `notmuch --config` dispatch are honoured).  In
 * read-write mode, wait at most lock_timeout_ms for another writer to
 * release the lock (DESIGN §8), then return NMF_ERR_LOCKED.  Other
 * failures: NMF_ERR_CONFIG (no config), NMF_ERR_NOTMUCH.  Close with
 * nmf_db_close(). */
enum nmf_status
nmf_db_open (enum nmf_db_mode mode, int lock_timeout_ms, struct nmf_db **db);

/* Close (committing changes) and free; NULL-safe; sets *db to NULL.
 * Returns NMF_ERR_NOTMUCH when the commit failed. */
enum nmf_status
nmf_db_close (struct nmf_db **db);

/* Fill cfg (already nmf_config_init'ed) from the notmuch config: user.*
 * and followup.* keys.  A bad followup value is reported and gives
 * NMF_ERR_CONFIG. */
/* A short digest of the user.* and followup.* settings and the program's
 * version: when it changes, earlier evaluations may no longer hold.
 * g_free. */
char *
nmf_db_config_fingerprint (struct nmf_db *db);

enum nmf_status
nmf_db_read_config (struct nmf_db *db, struct nmf_config *cfg);

/* Read the notmuch configuration without a database (for commands such
 * as classify that need only the user's addresses).  NMF_ERR_CONFIG when
 * no config file exists (never reported) or a value is bad (reported when
 * report is set). */
enum nmf_status
nmf_db_read_config_only (struct nmf_config *cfg, gboolean report);

/* The hook directory notmuch uses, from the configuration alone (the
 * database need not exist yet).  *dir: g_free.  Errors are reported. */
enum nmf_status
nmf_db_config_hook_dir (char **dir);

/* The followup.* values of the notmuch config as they are written (key
 * after "followup." -> value, both g_free), without the database; NULL
 * (reported) when there is no notmuch configuration. */
GHashTable *
nmf_db_config_raw (void);

/* The mail root and the hook directory as notmuch resolves them
 * (database.mail_root, database.hook_dir with notmuch's defaults). */
const char *
nmf_db_mail_root (struct nmf_db *db);

const char *
nmf_db_hook_dir (struct nmf_db *db);

/* The current lastmod revision and the database UUID (borrowed; uuid
 * may be NULL). */
unsigned long
nmf_db_revision (struct nmf_db *db, const char **uuid);

/* Values the program keeps in the database itself (not the config
 * file): notmuch_database_get/set_config under the given key.  get
 * returns NULL when unset (g_free otherwise). */
char *
nmf_db_get_state (struct nmf_db *db, const char *key);

/* The keys of scan's bookkeeping in the database (no settings): the
 * lastmod up to which mail was read, and the fingerprint of the settings
 * the processes were last evaluated with. */
#define NMF_DB_KEY_LASTMOD "followup.lastmod"
#define NMF_DB_KEY_EVALUATED "followup.evaluated"

enum nmf_status
nmf_db_set_state (struct nmf_db *db, const char *key, const char *value);

/* Call fn for each message matching query (notmuch syntax; no excluded
 * tags applied), oldest first.  fn returns 0 to go on, non-zero to stop.
 * The message is valid only during the call. */
enum nmf_status
nmf_db_each_message (struct nmf_db *db, const char *query,
		     int (*fn) (struct nmf_dbmsg *msg, void *data),
		     void *data);

/* The same, newest first. */
enum nmf_status
nmf_db_each_message_newest (struct nmf_db *db, const char *query,
			    int (*fn) (struct nmf_dbmsg *msg, void *data),
			    void *data);

/* The same, newest first, for the messages at positions [first,
 * first + count) of that order only (count G_MAXUINT: to the end).  The
 * ones before first are stepped over without being loaded. */
enum nmf_status
nmf_db_each_message_newest_slice (struct nmf_db *db, const char *query,
				  unsigned first, unsigned count,
				  int (*fn) (struct nmf_dbmsg *msg, void *data),
				  void *data);

/* Number of messages matching query. */
enum nmf_status
nmf_db_count (struct nmf_db *db, const char *query, unsigned *count);

/* Find a message by Message-ID; NULL when absent.  Release with
 * nmf_dbmsg_release(). */
struct nmf_dbmsg *
nmf_db_find (struct nmf_db *db, const char *message_id);

void
nmf_dbmsg_release (struct nmf_dbmsg **msg);

/* Index a new file (it must be under the mail root), apply its Maildir
 * flags as tags, and return the message (release it).  A file already
 * indexed is not an error. */
enum nmf_status
nmf_db_index_file (struct nmf_db *db, const char *path,
		   struct nmf_dbmsg **msg);

enum nmf_status
nmf_db_begin_atomic (struct nmf_db *db);

enum nmf_status
nmf_db_end_atomic (struct nmf_db *db);

/* Accessors (borrowed strings, see above). */
const char *
nmf_dbmsg_id (struct nmf_dbmsg *msg);

const char *
nmf_dbmsg_thread (struct nmf_dbmsg *msg);

/* The first file name of the message. */
const char *
nmf_dbmsg_filename (struct nmf_dbmsg *msg);

/* All file names (g_ptr_array_unref; strings owned by the array). */
GPtrArray *
nmf_dbmsg_filenames (struct nmf_dbmsg *msg);

gint64
nmf_dbmsg_date (struct nmf_dbmsg *msg);

/* A header ("from", "to", "cc", "subject", ...); "" when absent. */
const char *
nmf_dbmsg_header (struct nmf_dbmsg *msg, const char *name);

gboolean
nmf_dbmsg_has_tag (struct nmf_dbmsg *msg, const char *tag);

/* The tags (g_ptr_array_unref). */
GPtrArray *
nmf_dbmsg_tags (struct nmf_dbmsg *msg);

/* First value of a property, or NULL. */
const char *
nmf_dbmsg_property (struct nmf_dbmsg *msg, const char *key);

/* All values of a property (g_ptr_array_unref; strings owned by it). */
GPtrArray *
nmf_dbmsg_properties (struct nmf_dbmsg *msg, const char *key);

/* Group several changes to one message into one database write: changes
 * between freeze and thaw are written at the thaw (they nest). */
enum nmf_status
nmf_dbmsg_freeze (struct nmf_dbmsg *msg);

enum nmf_status
nmf_dbmsg_thaw (struct nmf_dbmsg *msg);

/* Make value the only value of key (no write when it already is).
 * value NULL removes the key.  *changed (may be NULL) tells whether
 * the database was written. */
enum nmf_status
nmf_dbmsg_set_property (struct nmf_dbmsg *msg, const char *key,
			const char *value, gboolean *changed);

/* Add value to key's values unless present. */
enum nmf_status
nmf_dbmsg_add_property (struct nmf_dbmsg *msg, const char *key,
			const char *value, gboolean *changed);

/* Index msg's file again (its content changed: a draft rewritten in
 * place, same Message-ID). */
enum nmf_status
nmf_dbmsg_reindex (struct nmf_dbmsg *msg);

/* Remove value from key's values, if present. */
enum nmf_status
nmf_dbmsg_remove_property (struct nmf_dbmsg *msg, const char *key,
			   const char *value);

/* Add the tags in add and remove those in remove (NULL-terminated, either
 * may be NULL), writing only when something differs.  File names are never
 * changed (no Maildir flag sync): DESIGN §8, the user's files stay as they
 * are; our tags have no Maildir flag anyway. */
enum nmf_status
nmf_dbmsg_tag (struct nmf_dbmsg *msg, const char *const *add,
	       const char *const *remove, gboolean *changed);

/* Quote a string for a notmuch query term: "a b" -> "\"a b\"". */
char *
nmf_db_quote (const char *s);

#endif
