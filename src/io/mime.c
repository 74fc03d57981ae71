/* mime.c — a mail file through GMime into a struct nmf_message.
 *
 * GMime ownership (gtk-doc): the parser takes its own reference on the
 * stream; construct_message returns a new reference; header and address
 * getters are "transfer none" (borrowed from the message);
 * g_mime_text_part_get_text returns a new string.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmime/gmime.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "nmf/ical.h"
#include "nmf/mime.h"
#include "nmf/text.h"

/* Headers kept verbatim (decoded) in msg->headers for the classifier. */
static const char *const kept_headers[] = {
    "list-id", "list-unsubscribe", "list-post", "precedence",
    "auto-submitted", "x-autoreply", "x-autorespond",
    "x-auto-response-suppress", "x-mailer", "return-path", "x-notmuch-followup",
    "x-notmuch-emacs-draft", "content-type", "x-campaign", "x-mailgun-tag",
    "feedback-id", "x-sg-eid", "organization", "x-original-sender",
};

void
nmf_mime_init (void)
{
    g_mime_init ();
    xmlInitParser ();
}

void
nmf_mime_shutdown (void)
{
    xmlCleanupParser ();
    g_mime_shutdown ();
}

/* Walk state: what we collect while visiting the MIME tree. */
struct walk {
    struct nmf_message *msg;
    GString *plain;     /* first text/plain body */
    GString *html;      /* first text/html body, used when no plain */
    guint parts;
    gboolean truncated;
};

static void
add_mailbox (GPtrArray *out, InternetAddress *ia, guint depth)
{
    if (INTERNET_ADDRESS_IS_MAILBOX (ia)) {
	const char *addr = internet_address_mailbox_get_addr (
	    INTERNET_ADDRESS_MAILBOX (ia));
	const char *name = internet_address_get_name (ia);
	g_autofree char *clean_name = NULL;
	g_autofree char *clean_addr = NULL;

	if (! addr || ! *addr)
	    return;
	clean_addr = nmf_text_one_line (addr, 320);
	clean_name = name ? nmf_text_one_line (name, 200) : NULL;
	g_ptr_array_add (out, nmf_address_new (clean_name, clean_addr));
    } else if (INTERNET_ADDRESS_IS_GROUP (ia) && depth < 4) {
	InternetAddressList *members = internet_address_group_get_members (
	    INTERNET_ADDRESS_GROUP (ia));
	int i, n = members ? internet_address_list_length (members) : 0;

	for (i = 0; i < n && out->len < 1000; i++)
	    add_mailbox (out, internet_address_list_get_address (members, i),
			 depth + 1);
    }
}

static void
add_list (GPtrArray *out, InternetAddressList *list)
{
    int i, n;

    if (! list)
	return;
    n = internet_address_list_length (list);
    for (i = 0; i < n && out->len < 1000; i++)
	add_mailbox (out, internet_address_list_get_address (list, i), 0);
}

static struct nmf_address *
first_address (InternetAddressList *list)
{
    g_autoptr (GPtrArray) tmp = g_ptr_array_new ();
    struct nmf_address *a = NULL;
    guint i;

    add_list (tmp, list);
    for (i = 0; i < tmp->len; i++) {
	if (i == 0)
	    a = tmp->pdata[i];
	else
	    nmf_address_free (tmp->pdata[i]);
    }
    return a;
}

static char *
decoded_msgid (const char *raw)
{
    char *id;
    char *clean;

    if (! raw)
	return NULL;
    id = g_mime_utils_decode_message_id (raw);
    if (! id)
	return NULL;
    clean = nmf_text_one_line (id, 998);
    g_free (id);
    if (! *clean) {
	g_free (clean);
	return NULL;
    }
    return clean;
}

/* HTML to text with libxml2's forgiving HTML parser: text nodes in
 * document order, block elements on their own lines, <blockquote> content
 * prefixed with "> " so nmf_text_split files it as quoted. */
static gboolean
is_block (const char *name)
{
    static const char *const blocks[] = {
	"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
	"table", "ul", "ol", "hr", "section", "article", "header", "footer",
	"blockquote", "pre", "title", "dd", "dt",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS (blocks); i++) {
	if (g_ascii_strcasecmp (name, blocks[i]) == 0)
	    return TRUE;
    }
    return FALSE;
}

static void
html_newline (GString *out, int quote)
{
    int i;

    while (out->len && out->str[out->len - 1] == ' ')
	g_string_truncate (out, out->len - 1);
    if (out->len && out->str[out->len - 1] != '\n')
	g_string_append_c (out, '\n');
    for (i = 0; i < quote; i++)
	g_string_append (out, "> ");
}

static void
html_walk (xmlNode *node, GString *out, int quote, guint depth)
{
    xmlNode *n;

    if (depth > 200 || out->len > NMF_MIME_MAX_TEXT_BYTES)
	return;
    for (n = node; n; n = n->next) {
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
	    const char *p;

	    if (! n->content)
		continue;
	    for (p = (const char *) n->content; *p; p++) {
		if (g_ascii_isspace (*p)) {
		    if (out->len && out->str[out->len - 1] != ' '
			&& out->str[out->len - 1] != '\n')
			g_string_append_c (out, ' ');
		} else {
		    g_string_append_c (out, *p);
		}
	    }
	} else if (n->type == XML_ELEMENT_NODE) {
	    const char *name = (const char *) n->name;
	    int q = quote;

	    if (g_ascii_strcasecmp (name, "script") == 0
		|| g_ascii_strcasecmp (name, "style") == 0
		|| g_ascii_strcasecmp (name, "head") == 0)
		continue;
	    if (g_ascii_strcasecmp (name, "blockquote") == 0)
		q++;
	    /* A table's cells stay columns of their row ("10:00 AM\tJane
	     * Doe\tEngineering Manager"), as a schedule reads, rather than
	     * running into one another. */
	    if ((g_ascii_strcasecmp (name, "td") == 0
		 || g_ascii_strcasecmp (name, "th") == 0)
		&& out->len && out->str[out->len - 1] != '\n') {
		while (out->len && out->str[out->len - 1] == ' ')
		    g_string_truncate (out, out->len - 1);
		if (out->len && out->str[out->len - 1] != '\t'
		    && out->str[out->len - 1] != '\n'
		    && out->str[out->len - 1] != ' ')
		    g_string_append_c (out, '\t');
	    }
	    if (is_block (name))
		html_newline (out, q);
	    html_walk (n->children, out, q, depth + 1);
	    if (is_block (name))
		html_newline (out, quote);
	}
    }
}

static char *
html_to_text (const char *html, gsize len)
{
    htmlDocPtr doc;
    GString *out = g_string_new (NULL);

    if (len > INT_MAX)
	len = INT_MAX;
    doc = htmlReadMemory (html, (int) len, NULL, "UTF-8",
			  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR
			      | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (doc) {
	html_walk (xmlDocGetRootElement (doc), out, 0, 0);
	xmlFreeDoc (doc);
    }
    return g_string_free (out, FALSE);
}

static void
take_text (GString **slot, GMimeTextPart *part, struct walk *w)
{
    char *text;
    char *valid;

    if (*slot)
	return;
    text = g_mime_text_part_get_text (part);
    if (! text)
	return;
    valid = g_utf8_make_valid (text, -1);
    g_free (text);
    *slot = g_string_new (valid);
    g_free (valid);
    if ((*slot)->len > NMF_MIME_MAX_TEXT_BYTES) {
	/* Cut on a character boundary. */
	const char *end = g_utf8_find_prev_char (
	    (*slot)->str, (*slot)->str + NMF_MIME_MAX_TEXT_BYTES);
	g_string_truncate (*slot, end ? (gsize) (end - (*slot)->str) : 0);
	w->truncated = TRUE;
    }
}

static void
take_calendar (GMimeTextPart *part, struct walk *w)
{
    g_autofree char *text = NULL;
    g_autofree char *why = NULL;

    if (w->msg->events->len >= 16)
	return;
    text = g_mime_text_part_get_text (part);
    if (! text)
	return;
    if (strlen (text) > 4 * NMF_MIME_MAX_TEXT_BYTES)
	return;
    /* A calendar part that does not parse is simply not used: the
     * message text may still say everything. */
    (void) nmf_ical_parse (text, strlen (text), NMF_MIME_MAX_ATTENDEES,
			   w->msg->events, &why);
}

static void
take_calendar_bytes (GMimePart *part, struct walk *w)
{
    GMimeDataWrapper *content = g_mime_part_get_content (part);
    GMimeStream *mem;
    GByteArray *bytes;
    g_autofree char *why = NULL;

    if (! content || w->msg->events->len >= 16)
	return;
    mem = g_mime_stream_mem_new ();
    if (g_mime_data_wrapper_write_to_stream (content, mem) >= 0) {
	bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
	if (bytes && bytes->len && bytes->len <= 4 * NMF_MIME_MAX_TEXT_BYTES)
	    (void) nmf_ical_parse ((const char *) bytes->data, bytes->len,
				   NMF_MIME_MAX_ATTENDEES, w->msg->events,
				   &why);
    }
    g_object_unref (mem);
}

static void
walk_part (GMimeObject *obj, struct walk *w, guint depth)
{
    GMimeContentType *ct;

    if (! obj || depth > NMF_MIME_MAX_DEPTH || w->parts >= NMF_MIME_MAX_PARTS) {
	w->truncated = TRUE;
	return;
    }
    w->parts++;

    if (GMIME_IS_MULTIPART (obj)) {
	GMimeMultipart *mp = GMIME_MULTIPART (obj);
	int i, n = g_mime_multipart_get_count (mp);

	for (i = 0; i < n && w->parts < NMF_MIME_MAX_PARTS; i++)
	    walk_part (g_mime_multipart_get_part (mp, i), w, depth + 1);
	return;
    }
    if (GMIME_IS_MESSAGE_PART (obj)) {
	/* An attached (forwarded) message: its text is not the sender's
	 * new words, so it is not read here. */
	return;
    }
    if (! GMIME_IS_TEXT_PART (obj)) {
	/* ATS mailers attach invitations as application/ics or as an
	 * octet-stream named *.ics. */
	const char *fn;

	ct = g_mime_object_get_content_type (obj);
	fn = GMIME_IS_PART (obj) ? g_mime_part_get_filename (GMIME_PART (obj))
				 : NULL;
	if (GMIME_IS_PART (obj)
	    && (g_mime_content_type_is_type (ct, "application", "ics")
		|| g_mime_content_type_is_type (ct, "application", "calendar")
		|| (fn && g_str_has_suffix (fn, ".ics"))))
	    take_calendar_bytes (GMIME_PART (obj), w);
	return;
    }

    ct = g_mime_object_get_content_type (obj);
    if (g_mime_content_type_is_type (ct, "text", "calendar")) {
	take_calendar (GMIME_TEXT_PART (obj), w);
	return;
    }
    if (g_mime_part_is_attachment (GMIME_PART (obj)))
	return;
    if (g_mime_content_type_is_type (ct, "text", "plain"))
	take_text (&w->plain, GMIME_TEXT_PART (obj), w);
    else if (g_mime_content_type_is_type (ct, "text", "html"))
	take_text (&w->html, GMIME_TEXT_PART (obj), w);
}

static void
keep_headers (GMimeMessage *gm, struct nmf_message *msg)
{
    GMimeHeaderList *hl = g_mime_object_get_header_list (GMIME_OBJECT (gm));
    int i, n = hl ? g_mime_header_list_get_count (hl) : 0;

    /* Hostile messages may carry thousands of headers; a bound keeps the
     * work linear in something small. */
    for (i = 0; i < n && i < 2000; i++) {
	GMimeHeader *h = g_mime_header_list_get_header_at (hl, i);
	const char *name = g_mime_header_get_name (h);
	const char *value = g_mime_header_get_value (h);
	g_autofree char *lower = NULL;
	size_t k;

	if (! name || ! value)
	    continue;
	lower = g_ascii_strdown (name, -1);
	for (k = 0; k < G_N_ELEMENTS (kept_headers); k++) {
	    if (strcmp (lower, kept_headers[k]) == 0
		&& ! g_hash_table_contains (msg->headers, lower)) {
		g_hash_table_insert (msg->headers, g_strdup (lower),
				     nmf_text_one_line (value, 2000));
		break;
	    }
	}
    }
}

static enum nmf_status
convert (GMimeMessage *gm, const char *path, struct nmf_message **out)
{
    struct nmf_message *msg = nmf_message_new ();
    struct walk w = { 0 };
    GDateTime *dt;
    const char *s;
    g_autofree char *text = NULL;

    w.msg = msg;
    msg->path = path ? g_strdup (path) : NULL;

    s = g_mime_message_get_message_id (gm);
    if (s && *s)
	msg->message_id = nmf_text_one_line (s, 998);
    msg->in_reply_to = decoded_msgid (
	g_mime_object_get_header (GMIME_OBJECT (gm), "In-Reply-To"));
    s = g_mime_object_get_header (GMIME_OBJECT (gm), "References");
    if (s) {
	GMimeReferences *refs = g_mime_references_parse (NULL, s);
	int i, n = refs ? g_mime_references_length (refs) : 0;

	for (i = 0; i < n && i < 200; i++)
	    g_ptr_array_add (msg->references,
			     nmf_text_one_line (
				 g_mime_references_get_message_id (refs, i),
				 998));
	if (refs)
	    g_mime_references_free (refs);
    }

    s = g_mime_message_get_subject (gm);
    g_free (msg->subject);
    msg->subject = nmf_text_one_line (s ? s : "", 1000);

    msg->from = first_address (g_mime_message_get_from (gm));
    msg->sender = first_address (g_mime_message_get_sender (gm));
    add_list (msg->to, g_mime_message_get_addresses (gm, GMIME_ADDRESS_TYPE_TO));
    add_list (msg->cc, g_mime_message_get_addresses (gm, GMIME_ADDRESS_TYPE_CC));
    add_list (msg->reply_to, g_mime_message_get_reply_to (gm));

    dt = g_mime_message_get_date (gm);
    if (dt) {
	gint64 t = g_date_time_to_unix (dt);

	/* DESIGN §8: an absurd Date is treated as missing. */
	if (g_date_time_get_year (dt) >= 1980
	    && g_date_time_get_year (dt) <= 2200) {
	    msg->date = t;
	    msg->date_offset
		= (int) (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_MINUTE);
	}
    }

    keep_headers (gm, msg);
    walk_part (g_mime_message_get_mime_part (gm), &w, 0);

    if (w.plain && w.plain->len) {
	text = g_string_free (w.plain, FALSE);
	w.plain = NULL;
    } else if (w.html) {
	text = html_to_text (w.html->str, w.html->len);
	msg->flags |= NMF_MSG_HTML_ONLY;
    } else {
	text = g_strdup ("");
    }
    if (w.plain)
	g_string_free (w.plain, TRUE);
    if (w.html)
	g_string_free (w.html, TRUE);

    g_free (msg->body);
    g_free (msg->quoted);
    g_free (msg->signature);
    nmf_text_split (text, &msg->body, &msg->quoted, &msg->signature);

    msg->flags |= nmf_header_flags (msg->headers,
				  msg->from ? msg->from->addr : NULL);
    if (w.truncated)
	msg->flags |= NMF_MSG_TRUNCATED;
    *out = msg;
    return NMF_OK;
}

enum nmf_status
nmf_mime_parse_bytes (const char *data, gsize len, const char *path,
		      struct nmf_message **out, char **why)
{
    GMimeStream *stream = NULL;
    GMimeParser *parser = NULL;
    GMimeMessage *gm = NULL;
    enum nmf_status st;

    *out = NULL;
    *why = NULL;
    if (! data || len == 0) {
	*why = g_strdup ("empty file");
	return NMF_ERR_PARSE;
    }
    stream = g_mime_stream_mem_new_with_byte_array (
	g_byte_array_append (g_byte_array_sized_new ((guint) len),
			     (const guint8 *) data, (guint) len));
    parser = g_mime_parser_new_with_stream (stream);
    g_object_unref (stream);
    g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
    gm = g_mime_parser_construct_message (parser, NULL);
    g_object_unref (parser);
    if (! gm) {
	*why = g_strdup ("not an email message");
	return NMF_ERR_PARSE;
    }
    st = convert (gm, path, out);
    g_object_unref (gm);
    return st;
}

enum nmf_status
nmf_mime_parse_file (const char *path, struct nmf_message **out, char **why)
{
    int fd;
    struct stat sb;
    GByteArray *buf = NULL;
    enum nmf_status st;
    gsize want;

    *out = NULL;
    *why = NULL;
    fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
	*why = g_strdup (g_strerror (errno));
	return NMF_ERR_IO;
    }
    if (fstat (fd, &sb) < 0 || ! S_ISREG (sb.st_mode)) {
	*why = g_strdup (S_ISDIR (sb.st_mode) ? "is a directory"
					      : "not a regular file");
	close (fd);
	return NMF_ERR_IO;
    }
    /* DESIGN §8: a huge file is read only up to a cap. */
    want = (gsize) sb.st_size;
    if (want > NMF_MIME_MAX_FILE_BYTES)
	want = NMF_MIME_MAX_FILE_BYTES;
    buf = g_byte_array_sized_new ((guint) want + 1);
    while (buf->len < want) {
	guint8 chunk[65536];
	gsize n = want - buf->len;
	ssize_t r;

	r = read (fd, chunk, n < sizeof chunk ? n : sizeof chunk);
	if (r < 0 && errno == EINTR)
	    continue;
	if (r < 0) {
	    *why = g_strdup (g_strerror (errno));
	    close (fd);
	    g_byte_array_unref (buf);
	    return NMF_ERR_IO;
	}
	if (r == 0)
	    break;
	g_byte_array_append (buf, chunk, (guint) r);
    }
    close (fd);
    st = nmf_mime_parse_bytes ((const char *) buf->data, buf->len, path, out,
			       why);
    if (st == NMF_OK && (gsize) sb.st_size > want)
	(*out)->flags |= NMF_MSG_TRUNCATED;
    g_byte_array_unref (buf);
    return st;
}

GPtrArray *
nmf_mime_parse_addresses (const char *header_value)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GPtrArray) addrs = NULL;
    InternetAddressList *list;
    guint i;

    if (! header_value || ! *header_value)
	return out;
    list = internet_address_list_parse (NULL, header_value);
    if (! list)
	return out;
    addrs = g_ptr_array_new_with_free_func ((GDestroyNotify) nmf_address_free);
    add_list (addrs, list);
    g_object_unref (list);
    for (i = 0; i < addrs->len; i++) {
	struct nmf_address *a = addrs->pdata[i];

	g_ptr_array_add (out, g_strdup (a->addr));
    }
    return out;
}

struct nmf_address *
nmf_mime_parse_address (const char *header_value)
{
    InternetAddressList *list;
    struct nmf_address *a;

    if (! header_value || ! *header_value)
	return NULL;
    list = internet_address_list_parse (NULL, header_value);
    if (! list)
	return NULL;
    a = first_address (list);
    g_object_unref (list);
    return a;
}

GHashTable *
nmf_mime_read_headers (const char *path, const char *const *names)
{
    enum { MAX_HEADER_BLOCK = 256 * 1024 };
    GHashTable *out;
    GString *block = g_string_new (NULL);
    g_auto (GStrv) lines = NULL;
    char buf[8192];
    ssize_t n;
    int fd;
    guint i;

    fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
	g_string_free (block, TRUE);
	return NULL;
    }
    /* Up to the end of the header block. */
    while (block->len < MAX_HEADER_BLOCK
	   && (n = read (fd, buf, sizeof buf)) != 0) {
	const char *end;

	if (n < 0) {
	    if (errno == EINTR)
		continue;
	    break;
	}
	g_string_append_len (block, buf, n);
	end = strstr (block->str, "\n\n");
	if (! end)
	    end = strstr (block->str, "\r\n\r\n");
	if (end) {
	    g_string_truncate (block, (gsize) (end - block->str) + 1);
	    break;
	}
    }
    close (fd);
    /* NUL bytes would end the text early: they are no header text. */
    for (i = 0; i < block->len; i++) {
	if (! block->str[i])
	    block->str[i] = ' ';
    }

    out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    lines = g_strsplit (block->str, "\n", -1);
    g_string_free (block, TRUE);
    for (i = 0; lines[i]; i++) {
	gsize len = strlen (lines[i]);

	if (len && lines[i][len - 1] == '\r')
	    lines[i][len - 1] = '\0';
    }
    for (i = 0; lines[i]; i++) {
	const char *colon = strchr (lines[i], ':');
	g_autofree char *name = NULL;
	GString *value;
	const char *const *want;
	guint k;

	if (! colon || lines[i][0] == ' ' || lines[i][0] == '\t')
	    continue;
	name = g_ascii_strdown (lines[i], colon - lines[i]);
	g_strstrip (name);
	for (want = names; *want && strcmp (*want, name) != 0; want++)
	    ;
	if (! *want || g_hash_table_contains (out, name))
	    continue;
	/* The value and its continuation lines, unfolded (RFC 5322: the
	 * line break goes, the white space stays). */
	value = g_string_new (colon + 1);
	for (k = i + 1; lines[k] && (lines[k][0] == ' ' || lines[k][0] == '\t');
	     k++)
	    g_string_append (value, lines[k]);
	g_strdelimit (value->str, "\r", ' ');
	g_strstrip (value->str);
	g_hash_table_insert (out, g_steal_pointer (&name),
			     g_utf8_make_valid (value->str, -1));
	g_string_free (value, TRUE);
    }
    return out;
}

char *
nmf_mime_decode_header (const char *raw)
{
    char *decoded = g_mime_utils_header_decode_text (NULL, raw ? raw : "");

    return decoded ? decoded : g_strdup (raw ? raw : "");
}
