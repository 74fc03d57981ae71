/* message.c — life cycle of struct nmf_message (see nmf/message.h). */
#include <string.h>

#include "nmf/message.h"

struct nmf_address *
nmf_address_new (const char *name, const char *addr)
{
    struct nmf_address *a = g_new0 (struct nmf_address, 1);

    a->name = (name && *name) ? g_strdup (name) : NULL;
    a->addr = g_ascii_strdown (addr ? addr : "", -1);
    return a;
}

void
nmf_address_free (struct nmf_address *a)
{
    if (! a)
	return;
    g_free (a->name);
    g_free (a->addr);
    g_free (a);
}

struct nmf_address *
nmf_address_copy (const struct nmf_address *a)
{
    if (! a)
	return NULL;
    return nmf_address_new (a->name, a->addr);
}

static void
address_free_cb (gpointer p)
{
    nmf_address_free (p);
}

struct nmf_event *
nmf_event_new (void)
{
    struct nmf_event *ev = g_new0 (struct nmf_event, 1);

    ev->attendees = g_ptr_array_new_with_free_func (address_free_cb);
    return ev;
}

void
nmf_event_free (struct nmf_event *ev)
{
    if (! ev)
	return;
    g_free (ev->method);
    g_free (ev->summary);
    g_free (ev->description);
    g_free (ev->location);
    g_free (ev->url);
    g_free (ev->uid);
    g_free (ev->status);
    g_free (ev->tzid);
    nmf_address_free (ev->organizer);
    g_ptr_array_unref (ev->attendees);
    g_free (ev);
}

static void
event_free_cb (gpointer p)
{
    nmf_event_free (p);
}

struct nmf_message *
nmf_message_new (void)
{
    struct nmf_message *m = g_new0 (struct nmf_message, 1);

    m->references = g_ptr_array_new_with_free_func (g_free);
    m->subject = g_strdup ("");
    m->to = g_ptr_array_new_with_free_func (address_free_cb);
    m->cc = g_ptr_array_new_with_free_func (address_free_cb);
    m->reply_to = g_ptr_array_new_with_free_func (address_free_cb);
    m->body = g_strdup ("");
    m->quoted = g_strdup ("");
    m->signature = g_strdup ("");
    m->events = g_ptr_array_new_with_free_func (event_free_cb);
    m->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
					g_free);
    return m;
}

void
nmf_message_free (struct nmf_message **msg)
{
    struct nmf_message *m;

    if (! msg || ! *msg)
	return;
    m = *msg;
    g_free (m->path);
    g_free (m->message_id);
    g_free (m->in_reply_to);
    g_ptr_array_unref (m->references);
    g_free (m->subject);
    nmf_address_free (m->from);
    nmf_address_free (m->sender);
    g_ptr_array_unref (m->to);
    g_ptr_array_unref (m->cc);
    g_ptr_array_unref (m->reply_to);
    g_free (m->body);
    g_free (m->quoted);
    g_free (m->signature);
    g_ptr_array_unref (m->events);
    g_hash_table_unref (m->headers);
    g_free (m);
    *msg = NULL;
}

const char *
nmf_message_header (const struct nmf_message *msg, const char *name)
{
    if (! msg || ! name)
	return NULL;
    return g_hash_table_lookup (msg->headers, name);
}

gboolean
nmf_address_in (const char *addr, const char *const *addrs)
{
    if (! addr || ! addrs)
	return FALSE;
    for (; *addrs; addrs++) {
	if (g_ascii_strcasecmp (addr, *addrs) == 0)
	    return TRUE;
    }
    return FALSE;
}

gsize
nmf_message_head_length (const char *text, gsize len, gsize *body_at)
{
    static const char *const known[] = { "from:", "to:", "subject:", "date:",
					 "message-id:", NULL };
    gboolean mail_header = FALSE;
    gsize at = 0;

    *body_at = 0;
    while (at < len) {
	const char *line = text + at;
	const char *nl = memchr (line, '\n', len - at);
	gsize n = nl ? (gsize) (nl - line) : len - at;
	gsize k;
	int i;

	if (n && line[n - 1] == '\r')
	    n--;
	if (n == 0 || (n == 26 && memcmp (line, "--text follows this line--",
					  26) == 0)) {
	    if (! mail_header || at == 0)
		return 0;
	    *body_at = nl ? (gsize) (nl - text) + 1 : len;
	    return at;
	}
	if (line[0] == ' ' || line[0] == '\t') {
	    if (at == 0)
		return 0;       /* a continuation needs a header first */
	} else {
	    for (k = 0; k < n && line[k] != ':'; k++) {
		if (line[k] <= ' ' || line[k] >= 0x7f)
		    return 0;   /* no header name: a body */
	    }
	    if (k == 0 || k == n)
		return 0;
	    for (i = 0; known[i]; i++) {
		if (g_ascii_strncasecmp (line, known[i], strlen (known[i])) == 0)
		    mail_header = TRUE;
	    }
	}
	if (! nl)
	    break;
	at = (gsize) (nl - text) + 1;
    }
    /* Headers alone, no body. */
    if (! mail_header)
	return 0;
    *body_at = len;
    return len;
}

static const char *
header_of (GHashTable *h, const char *name)
{
    return h ? g_hash_table_lookup (h, name) : NULL;
}

unsigned
nmf_header_flags (GHashTable *h, const char *from)
{
    unsigned f = 0;
    const char *v;

    /* RFC 3834: "auto-replied" answers a message (out of office);
     * "auto-generated" is any machine-made mail (ATS notices, receipts),
     * which may still be the employer's word. */
    v = header_of (h, "auto-submitted");
    if (v && g_ascii_strncasecmp (v, "auto-replied", 12) == 0)
	f |= NMF_MSG_AUTO_REPLY;
    else if (v && g_ascii_strncasecmp (v, "no", 2) != 0)
	f |= NMF_MSG_GENERATED;
    if (header_of (h, "x-autoreply") || header_of (h, "x-autorespond"))
	f |= NMF_MSG_AUTO_REPLY;
    v = header_of (h, "precedence");
    if (v) {
	if (g_ascii_strncasecmp (v, "auto_reply", 10) == 0)
	    f |= NMF_MSG_AUTO_REPLY;
	else if (g_ascii_strncasecmp (v, "bulk", 4) == 0
		 || g_ascii_strncasecmp (v, "list", 4) == 0
		 || g_ascii_strncasecmp (v, "junk", 4) == 0)
	    f |= NMF_MSG_BULK;
    }
    if (header_of (h, "list-id") || header_of (h, "list-unsubscribe")
	|| header_of (h, "list-post"))
	f |= NMF_MSG_LIST;
    v = header_of (h, "content-type");
    if (v && strstr (v, "report") && strstr (v, "delivery-status"))
	f |= NMF_MSG_BOUNCE;
    if (from
	&& (g_str_has_prefix (from, "mailer-daemon@")
	    || g_str_has_prefix (from, "postmaster@")))
	f |= NMF_MSG_BOUNCE;
    return f;
}
