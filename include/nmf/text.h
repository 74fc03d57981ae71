/* text.h — pure helpers on message text (no I/O).
 */
#ifndef NMF_TEXT_H
#define NMF_TEXT_H

#include <glib.h>

/* Split a plain-text body into the new text, the quoted or forwarded
 * part, and the signature block.  Line ends are normalised to "\n".
 * The three results are newly allocated (g_free) and never NULL.
 *
 * Quoted: lines starting with '>', and everything from an attribution
 * line ("On ... wrote:"), an "-----Original Message-----", an Outlook
 * header block, a Lotus Notes reply header ("Name <addr> on 11/29/2000
 * 10:52 PM" above a "To:" line), a GroupWise ">>> ... >>>" line or a
 * forwarded-message marker (also Notes' "--- Forwarded by ... ---") on.
 * Signature: from a "-- " line on, up to the quoted tail. */
/* Whether the quoted part nmf_text_split gave starts with a forwarded
 * message (which is what the sender passes on, not an earlier reply). */
gboolean
nmf_text_is_forward (const char *quoted);

/* The line that says who wrote the earlier message the quoted part
 * (nmf_text_split's) starts with: an attribution ("On ..., Sam
 * <sam@example.org> wrote:"), the "From:" line of an Outlook or
 * forwarded header, a Lotus Notes or GroupWise header line; NULL when
 * the first lines name no author.  g_free the result. */
char *
nmf_text_quoted_author (const char *quoted);

/* The length in bytes of an invisible character at p (a zero-width
 * space or joiner, a byte order mark, a soft hyphen), 0 if none. */
gsize
nmf_text_invisible_at (const char *p);

void
nmf_text_split (const char *text, char **body, char **quoted,
		char **signature);

/* A lowercased copy of s with runs of white space folded to one space and
 * the ends trimmed; for matching phrases.  g_free the result. */
char *
nmf_text_fold (const char *s);

/* True when the folded haystack contains needle as a whole phrase (the
 * characters around it are not letters or digits).  needle is
 * lowercase. */
gboolean
nmf_text_has_phrase (const char *folded, const char *needle);

/* s on one line as nmf_text_one_line makes it, cut at a word to at most
 * max_chars characters with an ellipsis when it is longer (for
 * messages that quote a piece of text).  g_free. */
char *
nmf_text_excerpt (const char *s, gsize max_chars);

/* Make a header value safe to put back into a header or a one-line
 * display: control characters (CR, LF, NUL, TAB, ...) become spaces, runs
 * of spaces are folded, invalid UTF-8 is replaced, and the result is cut
 * to at most max_chars characters.  g_free the result. */
char *
nmf_text_one_line (const char *s, gsize max_chars);

/* Is the word of n bytes at w initials ("P.", "J.R.")?  Not a country's
 * ("U.S.", "U.K.", "E.U."). */
gboolean
nmf_text_is_initials (const char *w, gsize n);

/* The name to greet someone by: the first word of their name ("Priya"
 * of "Priya Shah"), the given name of "Shah, Priya", the whole name when
 * it opens with an initial ("P. K. Ramaswamy"), a courtesy title with the
 * last name ("Dr. Lind" of "Dr. Nora Lind").  "" for no name.  g_free
 * the result. */
char *
nmf_text_first_name (const char *name);

/* Re-wrap text so that no line is longer than width characters where a
 * space allows it; existing line breaks are kept.  g_free the result. */
char *
nmf_text_wrap (const char *text, guint width);

/* g_regex_new with a cache: each pattern is compiled once per process
 * (compiling was a quarter of a scan's instructions).  Returns a new
 * reference (g_regex_unref or g_autoptr as usual); NULL with *error set
 * when the pattern does not compile.  Thread-safe.  Only for the fixed
 * patterns of the program: the cache keeps every pattern it saw. */
GRegex *
nmf_regex_new (const char *pattern, GRegexCompileFlags compile_options,
	       GRegexMatchFlags match_options, GError **error);

/* Whether pattern (a fixed one, cached as above, no options) matches
 * text; *mi as g_regex_match gives it (may be NULL).  The match runs in
 * PCRE2's JIT, several times faster; a match the JIT gives up on (GLib
 * 2.74 reports its stack running out as "backtracking limit reached") is
 * run again by the interpreter, so the answer is always the
 * interpreter's. */
gboolean
nmf_regex_match_jit (const char *pattern, const char *text, GMatchInfo **mi);

/* Drop the cache (at exit, so that leak checkers see nothing). */
void
nmf_regex_cache_clear (void);

#endif
