/* render.h — fill a draft template (pure, no I/O).
 *
 * Syntax: {{name}} is replaced by the variable's value; {{?name}}...{{/name}}
 * keeps its text only when the variable is set and not empty;
 * {{^name}}...{{/name}} only when it is empty or unset.  Sections do not
 * nest with the same name.  Everything else is copied as is.
 */
#ifndef NMF_RENDER_H
#define NMF_RENDER_H

#include <glib.h>

#include "nmf/status.h"

/* Render tmpl with vars (name -> value, both char *).  Only names in
 * known (NULL-terminated) are allowed: an unknown name, an unclosed tag or
 * section is NMF_ERR_PARSE with *line set to its 1-based line and *why to
 * a reason (g_free).  On success *out is the text (g_free). */
enum nmf_status
nmf_render (const char *tmpl, GHashTable *vars, const char *const *known,
	    char **out, int *line, char **why);

/* The built-in template called name ("thank-you", ...), or NULL. */
const char *
nmf_render_builtin (const char *name);

/* The variables a template may use (NULL-terminated, static). */
const char *const *
nmf_render_variables (void);

#endif
