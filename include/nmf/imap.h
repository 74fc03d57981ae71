/* imap.h — drafts to an IMAP Drafts folder with libcurl (adapter).
 *
 * One connection (a curl easy handle) per push; every call reports what
 * failed with the server's own words when there are some.  The password
 * never reaches a log, argv or output: the protocol trace goes only to a
 * callback that keeps the server's lines, never the commands (which carry
 * the login).
 */
#ifndef NMF_IMAP_H
#define NMF_IMAP_H

#include <glib.h>

#include "nmf/status.h"

struct nmf_imap;

/* Prepare a connection to the mailbox URL ("imaps://host/Drafts",
 * "imap://127.0.0.1:1143/Drafts").  Plain imap:// is allowed to a
 * loopback host, else STARTTLS is required; TLS certificates are always
 * verified.  password NULL: ~/.netrc.  NMF_ERR_CONFIG with *why on a bad
 * URL. */
enum nmf_status
nmf_imap_open (const char *url, const char *user, const char *password,
	       struct nmf_imap **out, char **why);

/* Whether host (as in a URL, IPv6 without brackets) is this machine:
 * "localhost" or a loopback address literal. */
gboolean
nmf_imap_host_is_loopback (const char *host);

void
nmf_imap_close (struct nmf_imap **im);

/* Unload libcurl (loaded by the first nmf_imap_open) at the end of the
 * program. */
void
nmf_imap_shutdown (void);

/* APPEND the message; *uid is the server's APPENDUID when it reports one
 * (0 otherwise).  NMF_ERR_NET with *why (server and response) on failure. */
enum nmf_status
nmf_imap_append (struct nmf_imap *im, const char *data, gsize len,
		 guint64 *uid, guint64 *uidvalidity, char **why);

/* UID of the message with this Message-ID (without <>), 0 when none. */
enum nmf_status
nmf_imap_find (struct nmf_imap *im, const char *message_id, guint64 *uid,
	       char **why);

/* Add (\Draft) to message uid. */
enum nmf_status
nmf_imap_flag_draft (struct nmf_imap *im, guint64 uid, char **why);

/* RFC822.SIZE of message uid, 0 when it is gone. */
enum nmf_status
nmf_imap_size (struct nmf_imap *im, guint64 uid, guint64 *size, char **why);

/* Delete message uid (\Deleted, then UID EXPUNGE). */
enum nmf_status
nmf_imap_delete (struct nmf_imap *im, guint64 uid, char **why);

/* The password from a command (run without a shell; its first line).
 * NULL with *why when it fails. */
char *
nmf_imap_password_from_command (const char *command, char **why);

#endif
