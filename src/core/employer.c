/* employer.c — who a process is with (doc/design.md, "Which process a
 * message joins"). */
#include <string.h>

#include "nmf/classify.h"
#include "nmf/employer.h"

char *
nmf_company_key (const char *company)
{
    static const char *const suffixes[] = { "inc", "llc", "ltd", "gmbh",
					    "plc", "corp", "co", "ag", "sa",
					    NULL };
    g_autofree char *ascii = g_str_to_ascii (company ? company : "", "C");
    g_autofree char *lower = g_ascii_strdown (ascii, -1);
    g_auto (GStrv) words = g_regex_split_simple ("[^a-z0-9&]+", lower, 0, 0);
    GString *out = g_string_new (NULL);
    guint n = g_strv_length (words);
    guint i;
    int k;

    /* Legal suffixes at the end go, but never the name's only word. */
    while (n > 0) {
	gboolean legal = ! *words[n - 1];

	for (k = 0; suffixes[k] && ! legal; k++)
	    legal = strcmp (words[n - 1], suffixes[k]) == 0;
	if (! legal || n == 1)
	    break;
	n--;
    }
    for (i = 0; i < n; i++)
	g_string_append (out, words[i]);
    return g_string_free (out, FALSE);
}

gboolean
nmf_same_employer (const char *company_a, const char *domain_a,
		   const char *role_a, const char *company_b,
		   const char *domain_b, const char *role_b)
{
    gboolean same = FALSE;

    if (company_a && company_b) {
	g_autofree char *ka = nmf_company_key (company_a);
	g_autofree char *kb = nmf_company_key (company_b);

	same = *ka && strcmp (ka, kb) == 0;
    }
    if (! same && domain_a && domain_b)
	same = g_ascii_strcasecmp (domain_a, domain_b) == 0;
    if (same && role_a && role_b) {
	g_autofree char *ra = nmf_company_key (role_a);
	g_autofree char *rb = nmf_company_key (role_b);

	if (*ra && *rb && ! strstr (ra, rb) && ! strstr (rb, ra))
	    same = FALSE;
    }
    return same;
}

char *
nmf_employer_domain (const struct nmf_message *msg)
{
    const char *at;

    if (! msg || ! msg->from || nmf_address_is_robot (msg->from->addr))
	return NULL;
    at = strrchr (msg->from->addr, '@');
    if (! at || nmf_domain_is_freemail (at + 1))
	return NULL;
    return g_ascii_strdown (at + 1, -1);
}
