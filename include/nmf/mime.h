/* mime.h — a mail file through GMime into a struct nmf_message
 * (adapter).
 */
#ifndef NMF_MIME_H
#define NMF_MIME_H

#include <glib.h>

#include "nmf/message.h"
#include "nmf/status.h"

/* Caps on how much of a huge or hostile message is read. */
#define NMF_MIME_MAX_FILE_BYTES (8u * 1024 * 1024)
#define NMF_MIME_MAX_TEXT_BYTES (256u * 1024)
#define NMF_MIME_MAX_PARTS 500u
#define NMF_MIME_MAX_DEPTH 32u
#define NMF_MIME_MAX_ATTENDEES 200u

/* Call once before any other function here, and nmf_mime_shutdown() at
 * the end (wraps g_mime_init/g_mime_shutdown). */
void
nmf_mime_init (void);

void
nmf_mime_shutdown (void);

/* Parse the file at path.  On success *out is a new message (free with
 * nmf_message_free) whose path is set.  On failure returns NMF_ERR_IO or
 * NMF_ERR_PARSE with a one-line reason in *why (g_free); the caller
 * names the file in its warning. */
enum nmf_status
nmf_mime_parse_file (const char *path, struct nmf_message **out, char **why);

/* The same from memory (len bytes); path is only recorded, may be NULL. */
enum nmf_status
nmf_mime_parse_bytes (const char *data, gsize len, const char *path,
		      struct nmf_message **out, char **why);

/* The addresses (lowercased addr-specs) in a header value such as "Jo
 * <jo@x.org>, b@y.org"; groups are flattened.  g_ptr_array_unref. */
GPtrArray *
nmf_mime_parse_addresses (const char *header_value);

/* The first mailbox of a header value, or NULL (nmf_address_free). */
struct nmf_address *
nmf_mime_parse_address (const char *header_value);

/* Some headers of a mail file, read from its header block only (up to
 * the first empty line, at most 256 KiB: much cheaper than parsing the
 * whole message as notmuch_message_get_header does for headers it does
 * not store).  names are lowercase; the result maps each name found to
 * its first raw value, unfolded, as valid UTF-8 (g_hash_table_unref).
 * NULL when the file cannot be read. */
GHashTable *
nmf_mime_read_headers (const char *path, const char *const *names);

/* A raw header value with its encoded words (RFC 2047) decoded.
 * g_free. */
char *
nmf_mime_decode_header (const char *raw);

#endif
