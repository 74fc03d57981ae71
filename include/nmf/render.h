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

/* The same in its variant-th wording (the thank-you has four: one per
 * interviewer of a panel, so that their drafts differ). */
const char *
nmf_render_builtin_variant (const char *name, guint variant);

/* How the user writes a day (DESIGN §6): "Thursday, November 19"
 * (en_US, the default), "Thursday 19 November" (en_GB and the other
 * English locales outside North America), or a GLib format of the
 * user's own (followup.date_style). */
enum nmf_date_style {
    NMF_DATE_US = 0,
    NMF_DATE_GB,
};

/* The style of a locale name as LC_ALL, LC_TIME or LANG give it
 * ("en_GB.UTF-8" -> NMF_DATE_GB); NULL, "C", "POSIX" and the rest: US. */
enum nmf_date_style
nmf_date_style_of_locale (const char *locale);

/* The day of t as the user writes it in a letter sent at now, in tz:
 * "today", the weekday within the last six days ("Thursday"), else the
 * date ("Thursday, November 19"; "Thursday 19 November").  format, when
 * not NULL, is the user's own GLib format for the date.  With on, the
 * phrase "on Thursday" ("today" stays).  "" for t 0.  g_free. */
char *
nmf_day_text (gint64 t, gint64 now, GTimeZone *tz, enum nmf_date_style style,
	      const char *format, gboolean on);

/* The variables a template may use (NULL-terminated, static). */
const char *const *
nmf_render_variables (void);

#endif
