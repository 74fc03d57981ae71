/* maildir.h — crash-safe writes into a Maildir (adapter).
 *
 * DESIGN §6, §8: a draft is written to tmp/, fsync'ed, renamed into cur/
 * with its flags, and the directory fsync'ed, so a crash at any moment
 * leaves either no draft or a whole one.  Nothing here ever modifies,
 * moves or deletes an existing mail file.
 */
#ifndef NMF_MAILDIR_H
#define NMF_MAILDIR_H

#include <glib.h>

#include "nmf/status.h"

/* The absolute path of the Drafts Maildir under mail_root: configured
 * (relative to mail_root) when not NULL; else an existing folder with a
 * usual drafts name (Drafts, drafts, .Drafts, INBOX.Drafts,
 * [Gmail]/Drafts, any case); else mail_root/Drafts.  The folder is not
 * created here.  g_free the result. */
char *
nmf_maildir_find_drafts (const char *mail_root, const char *configured);

/* Where the user's sent mail is filed, as a folder name relative to
 * mail_root (what notmuch insert --folder takes): configured when not
 * NULL; else an existing folder with a usual sent name (Sent, .Sent,
 * INBOX.Sent, Sent Items, [Gmail]/Sent Mail, any case); else "sent",
 * notmuch-emacs's own default.  g_free the result. */
char *
nmf_maildir_find_sent (const char *mail_root, const char *configured);

/* Whether the mail file lies in a drafts folder (configured, relative to
 * the mail root, or one with a usual drafts name) or carries the Maildir
 * D (draft) flag.  Looks at the name only. */
gboolean
nmf_maildir_file_is_draft (const char *file, const char *configured);

/* Create folder and its cur/, new/, tmp/ when missing (mode 0700). */
enum nmf_status
nmf_maildir_ensure (const char *folder);

/* Write len bytes of data as a new message in folder/cur with the
 * Maildir info flags (e.g. "DS"); *path is the final file name (g_free).
 * name is the unique part of the file name (no '/' or ':'); NULL makes
 * one up from the time, pid and a random number.  Errors (NMF_ERR_IO)
 * are reported naming the file; nothing partial is left behind. */
enum nmf_status
nmf_maildir_write (const char *folder, const char *name, const char *data,
		   gsize len, const char *flags, char **path);

/* Replace the message file `file` (in a Maildir's cur/ or new/) with len
 * bytes of data, atomically: written in the Maildir's tmp/, synced, then
 * renamed over it (a crash leaves the old file or the new one, and at
 * most a tmp file of ours that nmf_maildir_clean_tmp removes). */
/* expect (may be NULL): the SHA-256 the file must still have just before
 * the rename; NMF_ERR_CHANGED (nothing replaced, nothing reported) when
 * it has not: someone saved it meanwhile. */
enum nmf_status
nmf_maildir_replace (const char *file, const char *data, gsize len,
		     const char *expect);

/* The path of a message in folder/cur or folder/new whose unique part is
 * name (whatever its flags), or NULL.  g_free. */
char *
nmf_maildir_lookup (const char *folder, const char *name);

/* Remove tmp/ files this program left behind in folder (a crash between
 * write and rename); other programs' tmp files are left alone. */
void
nmf_maildir_clean_tmp (const char *folder);

#endif
