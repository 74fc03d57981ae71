/* weights-text.c — a weight table in text form (see nmf/weights.h).
 * Pure: parses a string; the caller reads the file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "nmf/weights.h"

static int
feature_index (const char *name)
{
    int f;

    for (f = 0; f < NMF_F_COUNT; f++) {
	if (strcmp (name, nmf_feature_name (f)) == 0)
	    return f;
    }
    return -1;
}

/* The numbers of one line into row (in the order of kinds). */
static gboolean
numbers (char **field, const enum nmf_kind *kinds, int nkinds, double *row,
	 char **why, const char *what)
{
    int i;

    for (i = 0; i < nkinds; i++) {
	char *end;
	double v;

	if (! field[i]) {
	    *why = g_strdup_printf ("%s: %d values for %d kinds", what, i,
				    nkinds);
	    return FALSE;
	}
	errno = 0;
	v = g_ascii_strtod (field[i], &end);
	if (errno || end == field[i] || *end) {
	    *why = g_strdup_printf ("%s: '%s' is not a number", what, field[i]);
	    return FALSE;
	}
	row[kinds[i]] = v;
    }
    if (field[i]) {
	*why = g_strdup_printf ("%s: more values than kinds", what);
	return FALSE;
    }
    return TRUE;
}

gboolean
nmf_weights_parse (const char *text, struct nmf_weights *w, char **why)
{
    g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
    enum nmf_kind kinds[NMF_KIND_COUNT];
    gboolean have[NMF_F_COUNT] = { FALSE };
    gboolean have_act = FALSE, have_bias = FALSE;
    int nkinds = 0;
    guint i;
    int f;

    memset (w, 0, sizeof (*w));
    for (i = 0; lines[i]; i++) {
	g_auto (GStrv) field = g_strsplit_set (g_strstrip (lines[i]), " \t",
					       -1);
	g_autoptr (GPtrArray) words = g_ptr_array_new ();
	guint k;

	for (k = 0; field[k]; k++) {
	    if (*field[k])
		g_ptr_array_add (words, field[k]);
	}
	g_ptr_array_add (words, NULL);
	if (! words->pdata[0] || *(char *) words->pdata[0] == '#')
	    continue;
	if (strcmp (words->pdata[0], "kinds") == 0) {
	    for (k = 1; words->pdata[k]; k++) {
		if (nkinds == NMF_KIND_COUNT
		    || ! nmf_kind_from_string (words->pdata[k],
					       &kinds[nkinds])) {
		    *why = g_strdup_printf ("line %u: '%s' is no kind", i + 1,
					    (char *) words->pdata[k]);
		    return FALSE;
		}
		nkinds++;
	    }
	    if (nkinds != NMF_KIND_COUNT) {
		*why = g_strdup_printf ("line %u: %d kinds, not %d", i + 1,
					nkinds, NMF_KIND_COUNT);
		return FALSE;
	    }
	    continue;
	}
	if (! nkinds) {
	    *why = g_strdup_printf ("line %u: no 'kinds' line before it",
				    i + 1);
	    return FALSE;
	}
	if (strcmp (words->pdata[0], "act") == 0) {
	    char *end;

	    w->act = words->pdata[1]
			 ? g_ascii_strtod (words->pdata[1], &end) : -1;
	    if (! words->pdata[1] || *end || w->act < 0 || w->act > 1) {
		*why = g_strdup_printf ("line %u: act must be from 0 to 1",
					i + 1);
		return FALSE;
	    }
	    have_act = TRUE;
	} else if (strcmp (words->pdata[0], "bias") == 0) {
	    g_autofree char *what = g_strdup_printf ("line %u", i + 1);

	    if (! numbers ((char **) words->pdata + 1, kinds, nkinds, w->bias,
			   why, what))
		return FALSE;
	    have_bias = TRUE;
	} else {
	    g_autofree char *what = g_strdup_printf ("line %u", i + 1);
	    double row[NMF_KIND_COUNT];
	    int k2;

	    f = feature_index (words->pdata[0]);
	    if (f < 0 || have[f]) {
		*why = g_strdup_printf ("line %u: '%s' is %s", i + 1,
					(char *) words->pdata[0],
					f < 0 ? "no feature" : "given twice");
		return FALSE;
	    }
	    if (! numbers ((char **) words->pdata + 1, kinds, nkinds, row, why,
			   what))
		return FALSE;
	    for (k2 = 0; k2 < NMF_KIND_COUNT; k2++)
		w->w[k2][f] = row[k2];
	    have[f] = TRUE;
	}
    }
    if (! have_act || ! have_bias) {
	*why = g_strdup_printf ("no '%s' line", have_act ? "bias" : "act");
	return FALSE;
    }
    for (f = 0; f < NMF_F_COUNT; f++) {
	if (! have[f]) {
	    *why = g_strdup_printf ("no weights for '%s'", nmf_feature_name (f));
	    return FALSE;
	}
    }
    return TRUE;
}
