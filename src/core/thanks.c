/* thanks.c — what the thank-you to one person of a round says that is
 * theirs alone (see nmf/thanks.h). */
#include <string.h>

#include "nmf/extract.h"
#include "nmf/text.h"
#include "nmf/thanks.h"

guint
nmf_thanks_variant (const struct nmf_round *r, const char *addr)
{
    guint k, variant = 0;

    for (k = 0; r && addr && k < r->interviewers->len; k++) {
	const struct nmf_person *who = r->interviewers->pdata[k];

	if (g_ascii_strcasecmp (who->addr, addr) == 0)
	    return variant;
	if (*who->addr)
	    variant++;
    }
    return 0;
}

char *
nmf_thanks_others (const struct nmf_round *r, const char *addr)
{
    GString *out = g_string_new (NULL);
    guint i, n = 0, count = 0;

    for (i = 0; r && i < r->interviewers->len; i++) {
	const struct nmf_person *p = r->interviewers->pdata[i];

	if (g_ascii_strcasecmp (p->addr, addr) != 0)
	    count++;
    }
    for (i = 0; r && i < r->interviewers->len; i++) {
	const struct nmf_person *p = r->interviewers->pdata[i];
	g_autofree char *name = NULL;

	if (g_ascii_strcasecmp (p->addr, addr) == 0)
	    continue;
	name = nmf_text_one_line (p->name ? p->name : p->addr, 80);
	n++;
	if (n > 1)
	    g_string_append (out, n == count ? " and " : ", ");
	g_string_append (out, name);
    }
    return g_string_free (out, FALSE);
}

const char *
nmf_thanks_note_holder (const struct nmf_round *r, GHashTable *writing,
			GHashTable *noted)
{
    guint k;

    for (k = 0; r && k < r->interviewers->len; k++) {
	const struct nmf_person *who = r->interviewers->pdata[k];

	if (*who->addr && g_hash_table_contains (writing, who->addr)
	    && ! (noted && g_hash_table_contains (noted, who->addr)))
	    return who->addr;
    }
    return NULL;
}

char *
nmf_note_sentence (const char *note)
{
    char *out = nmf_text_one_line (note, 300);
    gsize n = strlen (out);
    char *sentence;

    if (! n)
	return out;
    /* The first letter, which may be more than one byte ("é"). */
    {
	gunichar c = g_utf8_get_char (out);
	g_autofree char *rest = g_strdup (g_utf8_next_char (out));
	char up[8] = { 0 };

	g_unichar_to_utf8 (g_unichar_toupper (c), up);
	g_free (out);
	out = g_strconcat (up, rest, NULL);
	n = strlen (out);
    }
    if (strchr (".!?", out[n - 1]))
	return out;
    sentence = g_strconcat (out, ".", NULL);
    g_free (out);
    return sentence;
}

/* Does the part name a thing one takes part in ("exercise", "chat"),
 * rather than a subject ("System Design", "Pairing")? */
static gboolean
is_event_noun (const char *lower)
{
    static const char *const nouns[] = {
	"interview", "session", "exercise", "chat", "review", "screen",
	"round", "discussion", "lunch", "coffee", "tour", "presentation",
	"demo", "debrief", "walkthrough", "call", "conversation", "meeting",
	"q&a", "deep dive", "case study", "intro", "introduction", "wrap-up",
	NULL,
    };
    int i;

    for (i = 0; nouns[i]; i++) {
	if (nmf_text_has_phrase (lower, nouns[i]))
	    return TRUE;
    }
    return FALSE;
}

char *
nmf_part_phrase (const char *part)
{
    g_autofree char *line = nmf_text_one_line (part, 60);
    g_auto (GStrv) words = g_strsplit (line, " ", -1);
    g_autofree char *lower = g_ascii_strdown (line, -1);
    GString *out;
    guint i;

    if (! *line)
	return g_strdup ("");
    out = g_string_new ("the ");
    /* Lower case, but an acronym stays one ("SQL", "API"). */
    for (i = 0; words[i]; i++) {
	const char *w = words[i];
	gboolean acronym = strlen (w) > 1 && g_ascii_isupper (w[0])
			   && g_ascii_isupper (w[1]);

	if (i)
	    g_string_append_c (out, ' ');
	if (acronym)
	    g_string_append (out, w);
	else {
	    g_autofree char *l = g_utf8_strdown (w, -1);

	    g_string_append (out, l);
	}
    }
    if (! is_event_noun (lower))
	g_string_append (out, " session");
    return g_string_free (out, FALSE);
}
