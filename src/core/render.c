/* render.c — draft templates (see nmf/render.h).
 *
 * The built-in texts are our own words (DESIGN §1): short, specific, and
 * with a clearly marked line where only the user knows what to say.
 */
#include <string.h>

#include "nmf/render.h"

static const char *const variables[] = {
    "first_name", "name", "company", "role", "interview_day", "user_name",
    "user_first_name", "detail", "topic", "panel", "subject", NULL,
};

const char *const *
nmf_render_variables (void)
{
    return variables;
}

static const char thank_you_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "Thank you for taking the time to speak with me {{interview_day}}"
      "{{?role}} about the {{role}} role{{/role}}"
      "{{?company}} at {{company}}{{/company}}. "
      "I enjoyed our conversation.{{?detail}} {{detail}}{{/detail}}"
      "{{^detail}}{{?topic}} I especially appreciated hearing more about "
      "{{topic}}.{{/topic}}{{/detail}}"
      "{{?panel}} It was good to meet you together with {{panel}}."
      "{{/panel}}\n"
      "{{^detail}}{{^topic}}\n"
      "[Add one specific thing you talked about, then delete this line.]\n"
      "{{/topic}}{{/detail}}"
      "\n"
      "It left me even more interested in joining the team. If there is\n"
      "anything else I can send you, I am happy to do so.\n"
      "\n"
      "Best regards,\n"
      "{{user_name}}\n";

/* A polite check-in: short, no pressure, no questions about pay. */
static const char check_in_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "I hope you are well. I wanted to check in on the"
      "{{?role}} {{role}}{{/role}} position"
      "{{?company}} at {{company}}{{/company}}"
      "{{?interview_day}} after our conversation {{interview_day}}{{/interview_day}}. "
      "I am still very interested in the role, and I would be glad to hear "
      "whether there is any news on the next steps or the timeline.\n"
      "\n"
      "Thank you again for your time.\n"
      "\n"
      "Best regards,\n"
      "{{user_name}}\n";

/* The last follow-up: brief, and says it is the last. */
static const char final_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "I am following up once more on the"
      "{{?role}} {{role}}{{/role}} position"
      "{{?company}} at {{company}}{{/company}}. "
      "I understand these decisions take time, so this will be my last "
      "note for now. I remain interested, and if a short phone call would "
      "be easier, I am happy to arrange one.\n"
      "\n"
      "Thank you, and all the best,\n"
      "{{user_name}}\n";

/* After a rejection: thanks, no argument, the door left open. */
static const char rejection_reply_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "Thank you for letting me know, and for the time you and the team "
      "gave me during the process"
      "{{?company}} at {{company}}{{/company}}. "
      "I enjoyed learning about your work, and I would be glad to be "
      "considered for future roles that fit my background.\n"
      "\n"
      "I wish you and the team every success.\n"
      "\n"
      "Best regards,\n"
      "{{user_name}}\n";

/* Months later: light, no request. */
static const char keep_in_touch_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "I hope all is well with you and the team"
      "{{?company}} at {{company}}{{/company}}. "
      "We spoke a while ago"
      "{{?role}} about the {{role}} role{{/role}}, and I have kept following "
      "your work with interest. "
      "[Add a line about what you have been doing, then delete this line.]\n"
      "\n"
      "I would be glad to stay in touch.\n"
      "\n"
      "Best regards,\n"
      "{{user_name}}\n";

const char *
nmf_render_builtin (const char *name)
{
    if (! name)
	return NULL;
    if (strcmp (name, "thank-you") == 0)
	return thank_you_text;
    if (strcmp (name, "check-in") == 0)
	return check_in_text;
    if (strcmp (name, "final") == 0)
	return final_text;
    if (strcmp (name, "rejection-reply") == 0)
	return rejection_reply_text;
    if (strcmp (name, "keep-in-touch") == 0)
	return keep_in_touch_text;
    return NULL;
}

static gboolean
known_name (const char *name, const char *const *known)
{
    for (; known && *known; known++) {
	if (strcmp (name, *known) == 0)
	    return TRUE;
    }
    return FALSE;
}

static int
line_of (const char *start, const char *p)
{
    int line = 1;

    for (; start < p; start++) {
	if (*start == '\n')
	    line++;
    }
    return line;
}

enum nmf_status
nmf_render (const char *tmpl, GHashTable *vars, const char *const *known,
	    char **out, int *line, char **why)
{
    GString *o = g_string_new (NULL);
    const char *p = tmpl ? tmpl : "";
    /* Name of the section being skipped, or NULL when copying. */
    g_autofree char *skipping = NULL;
    GPtrArray *open = g_ptr_array_new_with_free_func (g_free);
    enum nmf_status st = NMF_OK;

    *out = NULL;
    *line = 0;
    *why = NULL;
    while (*p) {
	const char *end;
	g_autofree char *tag = NULL;
	char kind;
	const char *name;
	const char *value;

	if (p[0] != '{' || p[1] != '{') {
	    if (! skipping)
		g_string_append_c (o, *p);
	    p++;
	    continue;
	}
	end = strstr (p + 2, "}}");
	if (! end || memchr (p + 2, '\n', end - (p + 2))) {
	    *line = line_of (tmpl, p);
	    *why = g_strdup ("'{{' without a closing '}}' on the same line");
	    st = NMF_ERR_PARSE;
	    goto out;
	}
	tag = g_strndup (p + 2, end - (p + 2));
	g_strstrip (tag);
	kind = (tag[0] == '?' || tag[0] == '^' || tag[0] == '/') ? tag[0] : 0;
	name = kind ? tag + 1 : tag;
	if (! known_name (name, known)) {
	    *line = line_of (tmpl, p);
	    *why = g_strdup_printf ("unknown variable '%s'", name);
	    st = NMF_ERR_PARSE;
	    goto out;
	}
	value = vars ? g_hash_table_lookup (vars, name) : NULL;
	if (kind == '?' || kind == '^') {
	    gboolean set = value && *value;

	    g_ptr_array_add (open, g_strdup (name));
	    if (! skipping && ((kind == '?') != set))
		skipping = g_strdup (name);
	} else if (kind == '/') {
	    if (! open->len
		|| strcmp (open->pdata[open->len - 1], name) != 0) {
		*line = line_of (tmpl, p);
		*why = g_strdup_printf ("'{{/%s}}' closes no open section",
					name);
		st = NMF_ERR_PARSE;
		goto out;
	    }
	    g_ptr_array_remove_index (open, open->len - 1);
	    if (skipping && strcmp (skipping, name) == 0) {
		g_free (skipping);
		skipping = NULL;
	    }
	} else if (! skipping && value) {
	    g_string_append (o, value);
	}
	p = end + 2;
    }
    if (open->len) {
	*line = line_of (tmpl, p);
	*why = g_strdup_printf ("section '%s' is never closed",
				(char *) open->pdata[open->len - 1]);
	st = NMF_ERR_PARSE;
    }
out:
    g_ptr_array_unref (open);
    if (st) {
	g_string_free (o, TRUE);
	return st;
    }
    *out = g_string_free (o, FALSE);
    return NMF_OK;
}
