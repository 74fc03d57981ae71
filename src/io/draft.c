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
    return g_strdup_printf ("followup.%08x%08x.%" G_GINT64_FORMAT "@%s",
			    g_random_int (), g_random_int (),
			    g_get_real_time (), domain);
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
    g_autofree char *step = NULL;
    g_autofree char *body = NULL;
    GString *refs = g_string_new (NULL);
    char *id;
    guint i;

    from_name = nmf_text_one_line (d->from_name ? d->from_name : "", 200);
    to_name = nmf_text_one_line (d->to_name ? d->to_name : "", 200);
    subject = nmf_text_one_line (d->subject ? d->subject : "", 400);
    step = nmf_text_one_line (d->step_header ? d->step_header : "", 400);

    g_mime_message_add_mailbox (msg, GMIME_ADDRESS_TYPE_FROM,
				*from_name ? from_name : NULL, d->from_addr);
    g_mime_message_add_mailbox (msg, GMIME_ADDRESS_TYPE_TO,
				*to_name ? to_name : NULL, d->to_addr);
    g_mime_message_set_subject (msg, subject, "utf-8");
    dt = g_date_time_new_from_unix_utc (d->date);
    g_mime_message_set_date (msg, dt);
    g_date_time_unref (dt);

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
    /* notmuch-emacs resumes a draft with this header without asking. */
    g_mime_object_set_header (GMIME_OBJECT (msg), "X-Notmuch-Emacs-Draft",
			      "True", NULL);
    if (*step)
	g_mime_object_set_header (GMIME_OBJECT (msg), "X-Notmuch-Followup",
				  step, NULL);
    g_mime_object_set_header (GMIME_OBJECT (msg), "User-Agent",
			      "notmuch-followup/" NMF_VERSION, NULL);

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
