/* message.h — one mail message as the rest of the program sees it.
 *
 * The GMime adapter (mime.h) turns a file into a struct nmf_message; the
 * pure core (classify, extract, process) reads only this struct.  All
 * strings are UTF-8, owned by the struct and released by
 * nmf_message_free().  Addresses are stored lowercased in addr.
 */
#ifndef NMF_MESSAGE_H
#define NMF_MESSAGE_H

#include <glib.h>

struct nmf_address {
    char *name; /* display name, may be NULL */
    char *addr; /* lowercased addr-spec, never NULL */
};

/* One VEVENT of a text/calendar part. */
struct nmf_event {
    char *method;       /* of the enclosing VCALENDAR: REQUEST, CANCEL, ... */
    char *summary;
    char *description;
    char *location;
    char *url;          /* URL property (a meeting link), or NULL */
    char *uid;
    char *status;       /* CONFIRMED, CANCELLED, ... or NULL */
    gint64 start;       /* seconds since the epoch, UTC; 0 when unknown */
    gint64 end;         /* 0 when unknown */
    char *tzid;         /* TZID of DTSTART, NULL for UTC or floating */
    struct nmf_address *organizer;     /* NULL when absent */
    GPtrArray *attendees;               /* of struct nmf_address * */
};

/* Flags read from the headers that say who or what sent the message. */
enum nmf_msg_flags {
    NMF_MSG_AUTO_REPLY = 1 << 0, /* Auto-Submitted: auto-replied,
                                  * X-Autoreply, ... */
    NMF_MSG_BULK = 1 << 1,       /* Precedence: bulk/list/junk */
    NMF_MSG_LIST = 1 << 2,       /* List-Id or List-Unsubscribe */
    NMF_MSG_BOUNCE = 1 << 3,     /* delivery status notification */
    NMF_MSG_HTML_ONLY = 1 << 4,  /* body text came from text/html */
    NMF_MSG_TRUNCATED = 1 << 5,  /* body text was capped */
    NMF_MSG_GENERATED = 1 << 6,  /* Auto-Submitted: auto-generated */
};

struct nmf_message {
    char *path;            /* file it came from, may be NULL */
    char *message_id;      /* without angle brackets, may be NULL */
    char *in_reply_to;     /* without angle brackets, may be NULL */
    GPtrArray *references; /* of char *, without angle brackets */
    char *subject;         /* decoded, "" when absent */
    struct nmf_address *from;    /* NULL when absent or unparsable */
    struct nmf_address *sender;  /* Sender:, NULL when absent */
    GPtrArray *to;         /* of struct nmf_address * */
    GPtrArray *cc;
    GPtrArray *reply_to;
    gint64 date;           /* Date: in UTC seconds; 0 when missing/absurd */
    int date_offset;       /* Date:'s zone offset in minutes east of UTC */
    unsigned flags;        /* enum nmf_msg_flags */
    char *body;            /* the new text: quotes and signature removed */
    char *quoted;          /* quoted or forwarded text, "" when none */
    char *signature;       /* signature block, "" when none */
    GPtrArray *events;     /* of struct nmf_event * from text/calendar */
    GHashTable *headers;   /* lowercased name -> decoded value, selected
                            * headers only (see mime.c) */
};

/* A new, empty message (all arrays allocated, strings NULL or "").
 * Free with nmf_message_free(). */
struct nmf_message *
nmf_message_new (void);

/* Release msg and everything it owns; NULL-safe, sets *msg to NULL. */
void
nmf_message_free (struct nmf_message **msg);

/* A new address; name may be NULL, addr is lowercased.  Free with
 * nmf_address_free(). */
struct nmf_address *
nmf_address_new (const char *name, const char *addr);

void
nmf_address_free (struct nmf_address *a);

/* A deep copy of a (NULL gives NULL). */
struct nmf_address *
nmf_address_copy (const struct nmf_address *a);

/* A new empty event; free with nmf_event_free(). */
struct nmf_event *
nmf_event_new (void);

void
nmf_event_free (struct nmf_event *ev);

/* The value of a selected header (lowercase name), or NULL.  Borrowed. */
const char *
nmf_message_header (const struct nmf_message *msg, const char *name);

/* True when addr (any case) is in the NULL-terminated list addrs. */
gboolean
nmf_address_in (const char *addr, const char *const *addrs);

/* What the headers say of a message (lower-case name -> value, as
 * nmf_message's headers and nmf_mime_read_headers keep them; may be
 * NULL), as NMF_MSG_* flags: auto-reply, bulk, list, bounce, generated.
 * from: the sender's address, may be NULL. */
unsigned
nmf_header_flags (GHashTable *headers, const char *from);

/* What a text handed to `check -` is (DESIGN §3 check): a whole message
 * (a block of header lines, with From, To, Subject, Date or Message-ID
 * among them, ending in an empty line or in message-mode's
 * "--text follows this line--"), or a bare body.  Returns the length of
 * the header block without its end line (0 for a bare body); *body_at is
 * where the body starts. */
gsize
nmf_message_head_length (const char *text, gsize len, gsize *body_at);

#endif
