/* draft.c — a draft built with GMime (see nmf/draft.h). */
#include <string.h>

#include <gmime/gmime.h>

#include "nmf/draft.h"
#include "nmf/text.h"

/* A Message-ID from someone's mail, kept only when it is a plausible
 * id-left@id-right made of visible ASCII; otherwise NULL. */
static char *
clean_msgid (const char *id)
{
    const char *p;

    if (! id || ! *id || strlen (id) > 900 || ! strchr (id, '@'))
	return NULL;
    for (p = id; *p; p++) {
	if (*p <= ' ' || *p >= 0x7f || *p == '<' || *p == '>' || *p == '"'
	    || *p == '\\')
	    return NULL;
    }
    return g_strdup (id);
}

static char *
new_message_id (const char *from_addr)
{
    const char *at = from_addr ? strrchr (from_addr, '@') : NULL;
    g_autofree char *domain = NULL;
    char *p;

    domain = g_strdup (at && at[1] ? at + 1 : "localhost");
    for (p = domain; *p; p++) {
	if (! g_ascii_isalnum (*p) && *p != '.' && *p != '-')
	    *p = '-';
    }
    /* The shape many mail clients use; nothing names the tool. */
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%08x%08x@%s",
			    g_get_real_time (), g_random_int (),
			    g_random_int (), domain);
}

enum nmf_status
nmf_draft_build (const struct nmf_draft *d, char **out, gsize *len,
		 char **message_id)
{
    GMimeMessage *msg = g_mime_message_new (TRUE);
    GMimeTextPart *part = NULL;
    GMimeFormatOptions *fo = NULL;
    GDateTime *dt = NULL;
    g_autofree char *from_name = NULL;
    g_autofree char *to_name = NULL;
    g_autofree char *subject = NULL;
    g_autofree char *irt = NULL;
    g_autofree char *fcc = NULL;
    g_autofree char *body = NULL;
    GString *refs = g_string_new (NULL);
    char *id;
    guint i;

    from_name = nmf_text_one_line (d->from_name ? d->from_name : "", 200);
    to_name = nmf_text_one_line (d->to_name ? d->to_name : "", 200);
    subject = nmf_text_one_line (d->subject ? d->subject : "", 400);
    fcc = nmf_text_one_line (d->fcc ? d->fcc : "", 400);

    g_mime_message_add_mailbox (msg, GMIME_ADDRESS_TYPE_FROM,
				*from_name ? from_name : NULL, d->from_addr);
    g_mime_message_add_mailbox (msg, GMIME_ADDRESS_TYPE_TO,
				*to_name ? to_name : NULL, d->to_addr);
    g_mime_message_set_subject (msg, subject, "utf-8");
    /* DESIGN §6: the Date header carries the user's zone. */
    dt = g_date_time_new_from_unix_local (d->date);
    g_mime_message_set_date (msg, dt);
    g_date_time_unref (dt);

    id = clean_msgid (d->message_id);
    if (! id)
	id = new_message_id (d->from_addr);
    g_mime_message_set_message_id (msg, id);

    irt = clean_msgid (d->in_reply_to);
    for (i = 0; d->references && i < d->references->len; i++) {
	g_autofree char *r = clean_msgid (d->references->pdata[i]);

	if (r)
	    g_string_append_printf (refs, "%s<%s>", refs->len ? " " : "", r);
    }
    if (irt) {
	g_autofree char *bracketed = g_strdup_printf ("<%s>", irt);

	if (! strstr (refs->str, bracketed))
	    g_string_append_printf (refs, "%s%s", refs->len ? " " : "",
				    bracketed);
	g_mime_object_set_header (GMIME_OBJECT (msg), "In-Reply-To",
				  bracketed, NULL);
    }
    if (refs->len)
	g_mime_object_set_header (GMIME_OBJECT (msg), "References", refs->str,
				  NULL);
    g_string_free (refs, TRUE);
    /* notmuch-emacs resumes a message tagged draft without asking, but
     * adds no Fcc to it: the draft says where the sent copy goes, in the
     * form notmuch insert takes ("folder", quoted when it has spaces).
     * No X-Notmuch-Emacs-Draft: neomutt and aerc would send it along. */
    if (*fcc) {
	g_autofree char *value = NULL;

	if (strpbrk (fcc, " \t\"\\")) {
	    GString *q = g_string_new ("\"");
	    const char *p;

	    for (p = fcc; *p; p++) {
		if (*p == '"' || *p == '\\')
		    g_string_append_c (q, '\\');
		g_string_append_c (q, *p);
	    }
	    g_string_append_c (q, '"');
	    value = g_string_free (q, FALSE);
	} else {
	    value = g_strdup (fcc);
	}
	g_mime_object_set_header (GMIME_OBJECT (msg), "Fcc", value, NULL);
    }

    body = g_utf8_make_valid (d->body ? d->body : "", -1);
    part = g_mime_text_part_new_with_subtype ("plain");
    g_mime_text_part_set_text (part, body);
    g_mime_text_part_set_charset (part, "utf-8");
    g_mime_part_set_content_encoding (
	GMIME_PART (part),
	g_mime_part_get_best_content_encoding (
	    GMIME_PART (part), GMIME_ENCODING_CONSTRAINT_7BIT));
    g_mime_message_set_mime_part (msg, GMIME_OBJECT (part));
    g_object_unref (part);

    fo = g_mime_format_options_new ();
    g_mime_format_options_set_newline_format (fo, GMIME_NEWLINE_FORMAT_UNIX);
    *out = g_mime_object_to_string (GMIME_OBJECT (msg), fo);
    *len = strlen (*out);
    g_mime_format_options_free (fo);
    g_object_unref (msg);
    *message_id = id;
    return NMF_OK;
}
