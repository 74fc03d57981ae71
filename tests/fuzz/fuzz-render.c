/* fuzz-render.c — libFuzzer target: template rendering and draft
 * building with hostile values.  The input is split at \x01 bytes: the
 * first piece is a template, the others the values of the template
 * variables in their order; every built-in template is also rendered with
 * those values, and a draft is built from the result with the values as
 * names, addresses and subject (CR, LF, NUL, invalid UTF-8, long text). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nmf/draft.h"
#include "nmf/mime.h"
#include "nmf/render.h"

#include "fuzz-mime-init.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *
piece (char **parts, guint n, guint i)
{
    return i < n ? parts[i] : "";
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    static const char *const builtins[] = { "thank-you", "check-in", "final",
					    "rejection-reply", "keep-in-touch",
					    NULL };
    const char *const *known = nmf_render_variables ();
    char *input = g_strndup ((const char *) data, size);
    char **parts = g_strsplit (input, "\001", -1);
    guint n = g_strv_length (parts);
    GHashTable *vars = g_hash_table_new (g_str_hash, g_str_equal);
    char *out = NULL, *why = NULL;
    int line = 0;
    guint i;

    for (i = 0; known[i]; i++)
	g_hash_table_insert (vars, (gpointer) known[i],
			     (gpointer) piece (parts, n, i + 1));
    if (nmf_render (parts[0] ? parts[0] : "", vars, known, &out, &line, &why)
	== NMF_OK)
	g_free (out);
    g_free (why);
    for (i = 0; builtins[i]; i++) {
	const char *t = nmf_render_builtin (builtins[i]);
	char *text = NULL, *msg = NULL, *mid = NULL;
	gsize len = 0;

	why = NULL;
	if (! t || nmf_render (t, vars, known, &text, &line, &why) != NMF_OK) {
	    g_free (why);
	    continue;
	}
	{
	    GPtrArray *refs = g_ptr_array_new ();
	    struct nmf_draft d = {
		.from_name = piece (parts, n, 1),
		.from_addr = "alex.morgan@example.net",
		.to_name = piece (parts, n, 2),
		.to_addr = piece (parts, n, 3),
		.subject = piece (parts, n, 4),
		.in_reply_to = piece (parts, n, 5),
		.references = refs,
		.date = 1794495840,
		.body = text,
		.fcc = piece (parts, n, 6),
	    };

	    g_ptr_array_add (refs, (gpointer) piece (parts, n, 5));
	    if (nmf_draft_build (&d, &msg, &len, &mid) == NMF_OK) {
		g_free (msg);
		g_free (mid);
	    }
	    g_ptr_array_unref (refs);
	}
	g_free (text);
    }
    g_hash_table_unref (vars);
    g_strfreev (parts);
    g_free (input);
    return 0;
}
