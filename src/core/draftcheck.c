/* draftcheck.c — what a careful friend would point out before sending
 * (see nmf/draftcheck.h). */
#include <string.h>

#include "nmf/draftcheck.h"
#include "nmf/text.h"

void
nmf_finding_free (gpointer p)
{
    struct nmf_finding *f = p;

    if (! f)
	return;
    g_free (f->message);
    g_free (f);
}

static void
add (GPtrArray *out, int line, const char *code, char *message)
{
    struct nmf_finding *f = g_new0 (struct nmf_finding, 1);

    f->line = line;
    f->code = code;
    f->message = message;
    g_ptr_array_add (out, f);
}

/* Patterns on one line each, with what they mean.  Quoted lines ("> ")
 * are the other side's words and are not checked. */
static const struct {
    const char *code;
    const char *re;
    const char *what;
} line_rules[] = {
    { "placeholder", "\\[[^\\]\\n]{2,80}\\]",
      "an unfilled placeholder: " },
    { "placeholder", "\\{\\{[^}\\n]{1,40}\\}\\}", "an unfilled placeholder: " },
    { "placeholder", "<(?:name|company|role|date|interviewer|title)>",
      "an unfilled placeholder: " },
    { "placeholder", "\\b(?:XXX+|TODO|TBD|FIXME|lorem ipsum)\\b",
      "an unfilled placeholder: " },
    { "salary",
      "\\b(?:salary|compensation|pay range|salary range|how much (?:does|"
      "would) (?:it|the role) pay|base pay|bonus|equity|stock options|"
      "benefits package|pay band)\\b",
      "speaks of pay (leave that until they make an offer): " },
    { "feedback",
      "\\b(?:(?:send|give|provide|share) me (?:some |detailed |your )?"
      "feedback|(?:i|i'd|i would) (?:like|need|expect) (?:some |detailed |"
      "your )?feedback|why (?:was i|wasn't i|i was|i wasn't) (?:not )?"
      "(?:selected|rejected|chosen|picked)|explain (?:why|the decision)|"
      "what did i do wrong)\\b",
      "asks for feedback (they owe you none, and asking puts them off): " },
};

static char *
fold_for_compare (const char *body)
{
    /* The greeting line names the person: leave it out, and fold white
     * space and case, so that "Hi Sam," and "Hi Dana," with the same text
     * compare equal. */
    const char *p = body ? body : "";
    const char *nl = strchr (p, '\n');
    g_autofree char *rest = NULL;

    if (nl && (g_ascii_strncasecmp (p, "hi ", 3) == 0
	       || g_ascii_strncasecmp (p, "hello ", 6) == 0
	       || g_ascii_strncasecmp (p, "dear ", 5) == 0
	       || g_ascii_strncasecmp (p, "hey ", 4) == 0))
	p = nl + 1;
    rest = g_strdup (p);
    return nmf_text_fold (rest);
}

guint
nmf_draftcheck (const char *body, const struct nmf_draftcheck_ctx *ctx,
		GPtrArray *out)
{
    g_auto (GStrv) lines = g_strsplit (body ? body : "", "\n", -1);
    guint before = out->len;
    size_t r;
    int i;

    for (i = 0; lines[i]; i++) {
	const char *l = lines[i];

	if (l[0] == '>')
	    continue;
	/* A signature or quoted tail ends what the user wrote. */
	if (strcmp (l, "-- ") == 0 || strcmp (l, "--") == 0)
	    break;
	for (r = 0; r < G_N_ELEMENTS (line_rules); r++) {
	    g_autoptr (GRegex) re = nmf_regex_new (line_rules[r].re,
						 G_REGEX_CASELESS, 0, NULL);
	    g_autoptr (GMatchInfo) mi = NULL;

	    if (re && g_regex_match (re, l, 0, &mi)) {
		g_autofree char *hit = g_match_info_fetch (mi, 0);
		g_autofree char *clean = nmf_text_excerpt (hit, 80);

		add (out, i + 1, line_rules[r].code,
		     g_strdup_printf ("%s'%s'", line_rules[r].what, clean));
	    }
	}
    }
    if (! ctx)
	return out->len - before;

    if (ctx->others) {
	g_autofree char *mine = fold_for_compare (body);
	guint k;

	for (k = 0; k < ctx->others->len && *mine; k++) {
	    g_autofree char *theirs = fold_for_compare (ctx->others->pdata[k]);

	    if (strcmp (mine, theirs) == 0) {
		const char *who = ctx->other_names && k < ctx->other_names->len
				      ? ctx->other_names->pdata[k]
				      : "another interviewer";

		add (out, 0, "duplicate",
		     g_strdup_printf ("the same text as the one to %s: write "
				      "each interviewer something of their own",
				      who));
		break;
	    }
	}
    }
    if (ctx->is_follow_up && ctx->due && ctx->now < ctx->due) {
	g_autoptr (GDateTime) d = g_date_time_new_from_unix_utc (ctx->due);
	g_autofree char *day = g_date_time_format (d, "%Y-%m-%d");

	add (out, 0, "too-early",
	     g_strdup_printf ("a follow-up before it is due (%s): give them "
			      "the time they asked for",
			      day));
    }
    if (ctx->is_follow_up && ctx->sent_follow_ups >= 2)
	add (out, 0, "third-follow-up",
	     g_strdup_printf ("you already sent %u follow-ups without an "
			      "answer: a third looks pushy; call, or let it "
			      "rest",
			      ctx->sent_follow_ups));
    return out->len - before;
}
