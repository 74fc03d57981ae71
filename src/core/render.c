/* render.c — draft templates (see nmf/render.h).
 *
 * The built-in texts are our own words (DESIGN §1): short, specific, and
 * with a clearly marked line where only the user knows what to say.
 */
#include <string.h>

#include "nmf/render.h"

static const char *const variables[] = {
    "first_name", "name", "company", "role", "interview_day",
    "on_interview_day", "user_name", "user_first_name", "detail", "topic",
    "panel", "subject", "title", "part", NULL,
};

enum nmf_date_style
nmf_date_style_of_locale (const char *locale)
{
    static const char *const day_first[] = {
	"en_GB", "en_IE", "en_AU", "en_NZ", "en_ZA", "en_IN", "en_SG",
	"en_HK", "en_MT", "en_BW", "en_ZW", "en_NG", "en_DK", "en_IL", NULL,
    };
    int i;

    for (i = 0; locale && day_first[i]; i++) {
	if (g_str_has_prefix (locale, day_first[i]))
	    return NMF_DATE_GB;
    }
    return NMF_DATE_US;
}

char *
nmf_day_text (gint64 t, gint64 now, GTimeZone *tz, enum nmf_date_style style,
	      const char *format, gboolean on)
{
    g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr (GDateTime) u = t ? g_date_time_new_from_unix_utc (t) : NULL;
    g_autoptr (GDateTime) n = g_date_time_new_from_unix_utc (now);
    g_autoptr (GDateTime) when = NULL;
    g_autoptr (GDateTime) today = NULL;
    g_autofree char *day = NULL;

    if (! u || ! n)
	return g_strdup ("");
    when = g_date_time_to_timezone (u, tz ? tz : utc);
    today = g_date_time_to_timezone (n, tz ? tz : utc);
    if (g_date_time_get_year (when) == g_date_time_get_year (today)
	&& g_date_time_get_day_of_year (when)
	       == g_date_time_get_day_of_year (today))
	return g_strdup ("today");
    /* The drafts are English whatever the locale: the names too. */
    {
	static const char *const days[] = { "Monday", "Tuesday", "Wednesday",
					    "Thursday", "Friday", "Saturday",
					    "Sunday" };
	static const char *const months[] = {
	    "January", "February", "March", "April", "May", "June", "July",
	    "August", "September", "October", "November", "December",
	};
	const char *wd = days[(g_date_time_get_day_of_week (when) + 6) % 7];
	const char *mo = months[(g_date_time_get_month (when) + 11) % 12];
	int dd = g_date_time_get_day_of_month (when);

	/* "yesterday" reads oddly in a letter read later: the weekday. */
	if (now >= t && now - t < 6 * 24 * 3600)
	    day = g_strdup (wd);
	else if (format && *format)
	    day = g_date_time_format (when, format);
	else if (style == NMF_DATE_GB)
	    day = g_strdup_printf ("%s %d %s", wd, dd, mo);
	else
	    day = g_strdup_printf ("%s, %s %d", wd, mo, dd);
    }
    if (! day)
	day = g_strdup ("");
    return on ? g_strconcat ("on ", day, NULL) : g_steal_pointer (&day);
}

const char *const *
nmf_render_variables (void)
{
    return variables;
}

/* The thank-you, in four wordings: the interviewers of a panel each get
 * another one, so that no two of their drafts share a sentence (besides
 * the greeting and the sign-off).  {{detail}} is the user's own sentence
 * about the conversation (note); without one, a sentence on the part of
 * the interview the person ran ({{part}}: "the system design session"),
 * else on what the invitation said the interview would cover, else a
 * marked line.  {{title}} is the person's job title when the invitation
 * gave it. */
static const char thank_you_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "Thank you for speaking with me {{on_interview_day}}"
      "{{?role}} about the {{role}} role{{/role}}"
      "{{^role}}{{?company}} about the role{{/company}}{{/role}}"
      "{{?company}} at {{company}}{{/company}}."
      "{{?detail}} {{detail}}{{/detail}}"
      "{{^detail}}{{?part}} I especially enjoyed {{part}} with you."
      "{{/part}}{{^part}}{{?topic}} I especially enjoyed our discussion of "
      "{{topic}}.{{/topic}}{{/part}}{{/detail}}\n"
      "{{^detail}}{{^part}}{{^topic}}\n"
      "[Add one thing you and {{first_name}} talked about, then delete this "
      "line.]\n"
      "{{/topic}}{{/part}}{{/detail}}"
      "\n"
      "Our conversation made me even keener on the role."
      "{{?panel}} Please pass my thanks on to {{panel}} as well.{{/panel}}"
      " If I can send you anything else, just let me know.\n"
      "\n"
      "Best regards,\n"
      "{{user_name}}\n";

static const char thank_you_text_2[]
    = "Hi {{first_name}},\n"
      "\n"
      "Thanks so much for your time {{on_interview_day}}."
      "{{?detail}} {{detail}}{{/detail}}"
      "{{^detail}}{{?part}} I got a lot out of {{part}}.{{/part}}"
      "{{^part}}{{?topic}} I appreciated learning more about {{topic}}."
      "{{/topic}}{{/part}}{{/detail}}"
      " It was a pleasure to hear about your "
      "{{?title}}work as {{title}}{{/title}}"
      "{{^title}}part of the work{{/title}}"
      "{{?company}} at {{company}}{{/company}}.\n"
      "{{^detail}}{{^part}}{{^topic}}\n"
      "[Add something {{first_name}} told you about their work, then delete "
      "this line.]\n"
      "{{/topic}}{{/part}}{{/detail}}"
      "\n"
      "I'm excited about the{{?role}} {{role}}{{/role}} position and hope "
      "we speak again soon.\n"
      "\n"
      "Best regards,\n"
      "{{user_name}}\n";

static const char thank_you_text_3[]
    = "Hi {{first_name}},\n"
      "\n"
      "I wanted to say thank you for the interview {{on_interview_day}}."
      "{{?detail}} {{detail}}{{/detail}}"
      "{{^detail}}{{?part}} I came away from {{part}} with a lot to think "
      "about.{{/part}}"
      "{{^part}}{{?topic}} Talking through {{topic}} with you was a "
      "highlight for me.{{/topic}}{{/part}}{{/detail}}\n"
      "{{^detail}}{{^part}}{{^topic}}\n"
      "[Add a question or idea from your talk with {{first_name}}, then "
      "delete this line.]\n"
      "{{/topic}}{{/part}}{{/detail}}"
      "\n"
      "What I heard"
      "{{?company}} about {{company}}{{/company}} made me sure I would "
      "like to be part of the team.\n"
      "\n"
      "All the best,\n"
      "{{user_name}}\n";

static const char thank_you_text_4[]
    = "Hi {{first_name}},\n"
      "\n"
      "Thank you for making time for me {{on_interview_day}}; I came away "
      "with a much clearer picture of the team"
      "{{?company}} at {{company}}{{/company}}."
      "{{?detail}} {{detail}}{{/detail}}"
      "{{^detail}}{{?part}} I learned a great deal in {{part}}.{{/part}}"
      "{{^part}}{{?topic}} Your view of {{topic}} was especially useful."
      "{{/topic}}{{/part}}{{/detail}}\n"
      "{{^detail}}{{^part}}{{^topic}}\n"
      "[Add what stayed with you from {{first_name}}'s part of the "
      "interview, then delete this line.]\n"
      "{{/topic}}{{/part}}{{/detail}}"
      "\n"
      "I'm very interested in the{{?role}} {{role}}{{/role}} role and look "
      "forward to hearing about the next steps.\n"
      "\n"
      "Kind regards,\n"
      "{{user_name}}\n";

/* A polite check-in: short, no pressure, no questions about pay. */
static const char check_in_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "I hope your week is going well. I'm writing to ask whether there is "
      "any news on the"
      "{{?role}} {{role}}{{/role}} position"
      "{{?company}} at {{company}}{{/company}}"
      "{{?interview_day}}, following our conversation "
      "{{on_interview_day}}{{/interview_day}}.\n"
      "\n"
      "I'm still very interested, and happy to share anything that would "
      "help with your decision.\n"
      "\n"
      "Best regards,\n"
      "{{user_name}}\n";

/* The last follow-up: brief, and says it is the last. */
static const char final_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "I'm following up once more about the"
      "{{?role}} {{role}}{{/role}} position"
      "{{?company}} at {{company}}{{/company}}. "
      "I know these decisions take time, so this will be my last note for "
      "now. I remain interested, and if a short call would be easier, I'd "
      "be glad to arrange one.\n"
      "\n"
      "Thank you, and all the best,\n"
      "{{user_name}}\n";

/* After a rejection: thanks, no argument, the door left open. */
static const char rejection_reply_text[]
    = "Hi {{first_name}},\n"
      "\n"
      "Thank you for letting me know, and for the time you and the team "
      "gave me"
      "{{?company}} at {{company}}{{/company}}. "
      "Of course I'm disappointed, but I enjoyed learning about your work, "
      "and I would be glad to be considered for future roles that fit my "
      "background.\n"
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
      "{{?role}} about the {{role}} role{{/role}}, and I have kept "
      "following your work with interest.\n"
      "\n"
      "[Add a line about what you have been doing, then delete this "
      "line.]\n"
      "\n"
      "I would be glad to stay in touch.\n"
      "\n"
      "Best regards,\n"
      "{{user_name}}\n";

static const char *const thank_you_texts[] = {
    thank_you_text, thank_you_text_2, thank_you_text_3, thank_you_text_4,
};

const char *
nmf_render_builtin_variant (const char *name, guint variant)
{
    if (name && strcmp (name, "thank-you") == 0)
	return thank_you_texts[variant % G_N_ELEMENTS (thank_you_texts)];
    return nmf_render_builtin (name);
}

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
