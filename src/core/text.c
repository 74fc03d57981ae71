/* text.c — splitting and folding message text (see nmf/text.h). */
#include <string.h>

#include "nmf/text.h"

static gboolean
starts_with_ci (const char *s, const char *prefix)
{
    return g_ascii_strncasecmp (s, prefix, strlen (prefix)) == 0;
}

static gboolean
ends_with_wrote (const char *line)
{
    g_autofree char *t = g_strstrip (g_strdup (line));
    gsize n = strlen (t);

    return n >= 6 && g_ascii_strcasecmp (t + n - 6, "wrote:") == 0;
}

/* An attribution line that opens a quoted reply: "On <date>, <who>
 * wrote:" (possibly wrapped: the caller passes the next line too), also
 * "<who> <addr> wrote:" and the French and German forms. */
static int
attribution_lines (const char *line, const char *next)
{
    gsize n = strlen (line);

    if (n < 300 && (g_str_has_suffix (line, "a écrit :")
		    || g_str_has_suffix (line, "a écrit:")
		    || g_str_has_suffix (line, "schrieb:")
		    || g_str_has_suffix (line, "escribió:")))
	return 1;
    if (ends_with_wrote (line) && n < 300
	&& (starts_with_ci (line, "On ") || strchr (line, '@')
	    || strpbrk (line, "0123456789")))
	return 1;
    if (starts_with_ci (line, "On ") && next && ends_with_wrote (next)
	&& n < 200)
	return 2;
    return 0;
}

/* Outlook's reply header block: "From: ..." followed within three lines
 * by "Sent:"/"Date:" and "To:"/"Subject:". */
static gboolean
is_header_block (char **lines, int i)
{
    gboolean date = FALSE, other = FALSE;
    int k;

    if (! (starts_with_ci (lines[i], "From:")
	   || starts_with_ci (lines[i], "*From:*")))
	return FALSE;
    for (k = i + 1; k <= i + 4 && lines[k]; k++) {
	const char *l = lines[k];

	if (*l == '*')
	    l++;
	if (starts_with_ci (l, "Sent:") || starts_with_ci (l, "Date:"))
	    date = TRUE;
	if (starts_with_ci (l, "To:") || starts_with_ci (l, "Subject:"))
	    other = TRUE;
    }
    return date && other;
}

/* Lotus Notes' reply header: "Name <addr> on 11/29/2000 10:52:35 PM"
 * (the date may be wrapped onto the next line), then a "To:" line
 * within three lines. */
static gboolean
is_notes_header (char **lines, int i)
{
    static const char re[]
	= "\\bon \\d{1,2}/\\d{1,2}/\\d{2,4}(?: \\d{1,2}:\\d{2}(?::\\d{2})?"
	  " ?(?:[AaPp][Mm])?)?\\s*$";
    int k;

    if (! nmf_regex_match_jit (re, lines[i], NULL)) {
	/* "Name <addr> on" / "11/29/2000 10:52 AM" */
	g_autofree char *t = g_strstrip (g_strdup (lines[i]));

	if (! lines[i + 1] || ! g_str_has_suffix (t, " on")
	    || ! g_regex_match_simple ("^\\s*\\d{1,2}/\\d{1,2}/\\d{2,4}\\b",
				       lines[i + 1], 0, 0))
	    return FALSE;
    }
    for (k = i + 1; k <= i + 3 && lines[k]; k++) {
	g_autofree char *l = g_strstrip (g_strdup (lines[k]));

	if (starts_with_ci (l, "To:"))
	    return TRUE;
    }
    return FALSE;
}

static gboolean
is_quote_separator (const char *line)
{
    g_autofree char *t = g_strstrip (g_strdup (line));

    if (strstr (t, "Original Message") && t[0] == '-')
	return TRUE;
    if (g_str_has_prefix (t, "---------- Forwarded message"))
	return TRUE;
    if (g_str_has_prefix (t, "Begin forwarded message:"))
	return TRUE;
    /* Lotus Notes' forward: "------ Forwarded by Name on DATE -------" */
    if (t[0] == '-' && strstr (t, "- Forwarded by "))
	return TRUE;
    /* GroupWise's quote: ">>> Name <addr> 11/29/00 10:52 AM >>>" */
    if (g_str_has_prefix (t, ">>> ") && g_str_has_suffix (t, " >>>"))
	return TRUE;
    /* Outlook's reply separator: a line of underscores then a header
     * block. */
    if (strlen (t) >= 20 && strspn (t, "_") == strlen (t))
	return TRUE;
    return FALSE;
}

static gboolean
is_sig_delimiter (const char *line)
{
    return strcmp (line, "-- ") == 0 || strcmp (line, "--") == 0
	|| strcmp (line, "-- \r") == 0;
}

gboolean
nmf_text_is_forward (const char *quoted)
{
    g_autofree char *t = NULL;
    const char *nl;

    if (! quoted)
	return FALSE;
    nl = strchr (quoted, '\n');
    t = g_strstrip (g_strndup (quoted, nl ? (gsize) (nl - quoted)
					  : strlen (quoted)));
    return g_str_has_prefix (t, "---------- Forwarded message")
	   || g_str_has_prefix (t, "Begin forwarded message")
	   || (t[0] == '-' && strstr (t, "- Forwarded by ") != NULL);
}

/* The "From:" field of a header line alone: HTML mail made text may put
 * the whole header on one line ("From: Sam <s@x> Sent: Monday To: Alex
 * <a@y> Subject: Hi"), and the recipients are no author.  Takes t. */
static char *
header_from_only (char *t)
{
    static const char *const next[] = { " Sent:", " Date:", " To:", " Cc:",
					 " Subject:", " *Sent:*", " *To:*",
					 NULL };
    int k;

    for (k = 0; next[k]; k++) {
	char *at = strstr (t, next[k]);

	if (at)
	    *at = '\0';
    }
    return t;
}

char *
nmf_text_quoted_author (const char *quoted)
{
    g_auto (GStrv) lines = NULL;
    int i, seen = 0;

    if (! quoted || ! *quoted)
	return NULL;
    /* The header is in the first lines: split no more of a long thread
     * (the last piece, the rest unsplit, is never read as a line). */
    lines = g_strsplit (quoted, "\n", 16);
    for (i = 0; i < 15 && lines[i] && seen < 4; i++) {
	g_autofree char *t = g_strstrip (g_strdup (lines[i]));
	int att;

	if (! *t)
	    continue;
	seen++;
	if (g_str_has_prefix (t, ">>> ") && g_str_has_suffix (t, " >>>"))
	    return g_steal_pointer (&t);
	/* Quoted lines before any header: no one is named (a header
	 * inside them is of a message older still). */
	if (t[0] == '>')
	    return NULL;
	att = attribution_lines (t, lines[i + 1]);
	if (att == 2)
	    return g_strconcat (t, " ", lines[i + 1], NULL);
	if (att == 1)
	    return g_steal_pointer (&t);
	if (starts_with_ci (t, "From:") || starts_with_ci (t, "*From:*"))
	    return header_from_only (g_steal_pointer (&t));
	if (is_notes_header (lines, i))
	    /* "Name <addr> on" with the date on the next line; the line
	     * after the date is the recipients', never the author's. */
	    return g_str_has_suffix (t, " on")
		   ? g_strconcat (t, " ", lines[i + 1], NULL)
		   : g_steal_pointer (&t);
    }
    return NULL;
}

gsize
nmf_text_invisible_at (const char *p)
{
    const unsigned char *u = (const unsigned char *) p;

    /* U+200B..U+200D zero widths, U+2060 word joiner, U+FEFF BOM, U+034F
     * combining grapheme joiner, U+00AD soft hyphen. */
    if (u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0x8b && u[2] <= 0x8d)
	return 3;
    if (u[0] == 0xe2 && u[1] == 0x81 && u[2] == 0xa0)
	return 3;
    if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
	return 3;
    if (u[0] == 0xcd && u[1] == 0x8f)
	return 2;
    if (u[0] == 0xc2 && u[1] == 0xad)
	return 2;
    return 0;
}

void
nmf_text_split (const char *text, char **body, char **quoted,
		char **signature)
{
    GString *b = g_string_new (NULL);
    GString *q = g_string_new (NULL);
    GString *s = g_string_new (NULL);
    enum { IN_BODY, IN_SIG, IN_TAIL } state = IN_BODY;
    g_auto (GStrv) lines = NULL;
    g_autofree char *norm = NULL;
    int i;

    if (! text)
	text = "";
    /* Normalise CR LF and lone CR to LF, Unicode spaces (no-break,
     * narrow, thin: "with\u00a0Alexis", "11:30\u202fAM") to a space, and
     * drop the invisible characters HTML mail pads with. */
    {
	GString *n = g_string_sized_new (strlen (text));
	const char *p;
	gsize k;

	for (p = text; *p; p++) {
	    const unsigned char *u = (const unsigned char *) p;

	    if (*p == '\r') {
		g_string_append_c (n, '\n');
		if (p[1] == '\n')
		    p++;
	    } else if ((k = nmf_text_invisible_at (p)) > 0) {
		p += k - 1;
	    } else if (u[0] == 0xc2 && u[1] == 0xa0) {
		g_string_append_c (n, ' ');
		p++;
	    } else if (u[0] == 0xe2 && u[1] == 0x80
		       && (u[2] <= 0x8a || u[2] == 0xaf)) {
		g_string_append_c (n, ' ');
		p += 2;
	    } else {
		g_string_append_c (n, *p);
	    }
	}
	/* Bytes that are no UTF-8 (a charset that lied) become U+FFFD:
	 * every rule after this may take the text for UTF-8. */
	norm = g_utf8_make_valid (n->str, (gssize) n->len);
	g_string_free (n, TRUE);
    }
    lines = g_strsplit (norm, "\n", -1);

    for (i = 0; lines[i]; i++) {
	const char *line = lines[i];
	int att;

	if (state == IN_TAIL) {
	    g_string_append (q, line);
	    g_string_append_c (q, '\n');
	    continue;
	}
	att = attribution_lines (line, lines[i + 1]);
	if (att || is_quote_separator (line) || is_header_block (lines, i)
	    || is_notes_header (lines, i)) {
	    state = IN_TAIL;
	    g_string_append (q, line);
	    g_string_append_c (q, '\n');
	    continue;
	}
	if (line[0] == '>') {
	    g_string_append (q, line);
	    g_string_append_c (q, '\n');
	    continue;
	}
	if (state == IN_BODY && is_sig_delimiter (line)) {
	    state = IN_SIG;
	    continue;
	}
	if (state == IN_SIG) {
	    g_string_append (s, line);
	    g_string_append_c (s, '\n');
	} else {
	    g_string_append (b, line);
	    g_string_append_c (b, '\n');
	}
    }

    /* Trim trailing blank lines of each part. */
    while (b->len && (b->str[b->len - 1] == '\n' || b->str[b->len - 1] == ' '))
	g_string_truncate (b, b->len - 1);
    while (s->len && s->str[s->len - 1] == '\n')
	g_string_truncate (s, s->len - 1);
    while (q->len && q->str[q->len - 1] == '\n')
	g_string_truncate (q, q->len - 1);

    *body = g_string_free (b, FALSE);
    *quoted = g_string_free (q, FALSE);
    *signature = g_string_free (s, FALSE);
}

char *
nmf_text_fold (const char *s)
{
    GString *out;
    gboolean space = FALSE;
    g_autofree char *valid = NULL;
    g_autofree char *lower = NULL;
    const char *p;

    if (! s)
	return g_strdup ("");
    valid = g_utf8_make_valid (s, -1);
    lower = g_utf8_strdown (valid, -1);
    out = g_string_sized_new (strlen (lower));
    for (p = lower; *p; p++) {
	if (g_ascii_isspace (*p)) {
	    space = TRUE;
	    continue;
	}
	if (space && out->len)
	    g_string_append_c (out, ' ');
	space = FALSE;
	/* Fold typographic apostrophes so "we’ll" matches "we'll". */
	if ((unsigned char) p[0] == 0xe2 && (unsigned char) p[1] == 0x80
	    && ((unsigned char) p[2] == 0x98 || (unsigned char) p[2] == 0x99)) {
	    g_string_append_c (out, '\'');
	    p += 2;
	    continue;
	}
	g_string_append_c (out, *p);
    }
    return g_string_free (out, FALSE);
}

static gboolean
is_word_char (char c)
{
    return g_ascii_isalnum (c) || (unsigned char) c >= 0x80;
}

gboolean
nmf_text_has_phrase (const char *folded, const char *needle)
{
    const char *p;
    gsize n;

    if (! folded || ! needle || ! *needle)
	return FALSE;
    n = strlen (needle);
    for (p = strstr (folded, needle); p; p = strstr (p + 1, needle)) {
	gboolean left_ok = (p == folded) || ! is_word_char (p[-1])
	    || ! is_word_char (needle[0]);
	gboolean right_ok = ! is_word_char (p[n])
	    || ! is_word_char (needle[n - 1]);

	if (left_ok && right_ok)
	    return TRUE;
    }
    return FALSE;
}

char *
nmf_text_one_line (const char *s, gsize max_chars)
{
    g_autofree char *valid = NULL;
    GString *out;
    gboolean space = FALSE;
    const char *p;
    gsize chars = 0;

    if (! s)
	return g_strdup ("");
    valid = g_utf8_make_valid (s, -1);
    out = g_string_sized_new (strlen (valid));
    for (p = valid; *p && chars < max_chars; p = g_utf8_next_char (p)) {
	gunichar c = g_utf8_get_char (p);

	if (c < 0x20 || c == 0x7f || g_unichar_isspace (c)
	    || c == 0x2028 || c == 0x2029 || (c >= 0x80 && c < 0xa0)) {
	    space = TRUE;
	    continue;
	}
	if (space && out->len) {
	    g_string_append_c (out, ' ');
	    chars++;
	}
	space = FALSE;
	g_string_append_unichar (out, c);
	chars++;
    }
    return g_string_free (out, FALSE);
}

/* A courtesy title written before a name ("Dr.", "Ms", "Prof."). */
static gboolean
is_honorific (const char *w, gsize n)
{
    static const char *const titles[] = { "Dr", "Mr", "Ms", "Mrs", "Prof",
					  "Professor", NULL };
    int k;

    if (n && w[n - 1] == '.')
	n--;
    for (k = 0; titles[k]; k++) {
	if (strlen (titles[k]) == n && strncmp (w, titles[k], n) == 0)
	    return TRUE;
    }
    return FALSE;
}

gboolean
nmf_text_is_initials (const char *w, gsize n)
{
    static const char *const places[] = { "U.S.", "U.K.", "E.U.", "U.N.",
					  "N.A.", "U.S.A.", NULL };
    gsize i;
    int k;

    if (n < 2 || n > 6 || n % 2)
	return FALSE;
    for (i = 0; i < n; i += 2) {
	if (! g_ascii_isupper (w[i]) || w[i + 1] != '.')
	    return FALSE;
    }
    for (k = 0; places[k]; k++) {
	if (strlen (places[k]) == n && strncmp (w, places[k], n) == 0)
	    return FALSE;
    }
    return TRUE;
}

char *
nmf_text_first_name (const char *name)
{
    g_autofree char *clean = nmf_text_one_line (name ? name : "", 200);
    char *sp;

    /* "Shah, Priya" is written last name first. */
    sp = strchr (clean, ',');
    if (sp && sp[1] == ' ' && sp[2])
	return nmf_text_one_line (sp + 2, 100);
    sp = strchr (clean, ' ');
    /* "P. K. Ramaswamy", "J.R. Ewing": an initial greets no one. */
    if (sp && nmf_text_is_initials (clean, sp - clean))
	return g_strdup (clean);
    /* "Dr. Nora Lind" is greeted "Dr. Lind". */
    if (sp && is_honorific (clean, sp - clean))
	return g_strdup_printf ("%.*s %s", (int) (sp - clean), clean,
				strrchr (clean, ' ') + 1);
    if (sp)
	*sp = '\0';
    return g_strdup (clean);
}

char *
nmf_text_wrap (const char *text, guint width)
{
    /* Valid UTF-8 first: stepping by characters on invalid input could
     * step over the end. */
    g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
    g_auto (GStrv) lines = g_strsplit (valid, "\n", -1);
    GString *out = g_string_new (NULL);
    int i;

    for (i = 0; lines[i]; i++) {
	const char *p = lines[i];

	if (i)
	    g_string_append_c (out, '\n');
	while (g_utf8_strlen (p, -1) > (glong) width) {
	    /* The last space within width characters, else the first one
	     * after (a long word is not cut). */
	    const char *cut = NULL;
	    const char *q = p;
	    guint n = 0;

	    while (*q && n <= width) {
		if (*q == ' ')
		    cut = q;
		q = g_utf8_next_char (q);
		n++;
	    }
	    if (! cut)
		cut = strchr (q, ' ');
	    if (! cut)
		break;
	    g_string_append_len (out, p, cut - p);
	    g_string_append_c (out, '\n');
	    p = cut + 1;
	}
	g_string_append (out, p);
    }
    return g_string_free (out, FALSE);
}

static GMutex regex_lock;
static GHashTable *regex_cache; /* "flags:match:pattern" -> GRegex */

GRegex *
nmf_regex_new (const char *pattern, GRegexCompileFlags compile_options,
	       GRegexMatchFlags match_options, GError **error)
{
    g_autofree char *key = g_strdup_printf ("%x:%x:%s",
					    (unsigned) compile_options,
					    (unsigned) match_options, pattern);
    GRegex *re;

    g_mutex_lock (&regex_lock);
    if (! regex_cache)
	regex_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
					     (GDestroyNotify) g_regex_unref);
    re = g_hash_table_lookup (regex_cache, key);
    if (! re) {
	re = g_regex_new (pattern, compile_options, match_options, error);
	if (re)
	    g_hash_table_insert (regex_cache, g_steal_pointer (&key), re);
    }
    if (re)
	g_regex_ref (re);
    g_mutex_unlock (&regex_lock);
    return re;
}

/* Memcheck cannot follow JIT code (its word-wide reads look like
 * uninitialised jumps), and the interpreter gives the same answers: under
 * valgrind, when built where its header is, the interpreter alone. */
#if defined __has_include
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND() (RUNNING_ON_VALGRIND != 0)
#endif
#endif
#ifndef UNDER_VALGRIND
#define UNDER_VALGRIND() FALSE
#endif

gboolean
nmf_regex_match_jit (const char *pattern, const char *text, GMatchInfo **mi)
{
    g_autoptr (GRegex) jit = UNDER_VALGRIND ()
				 ? NULL
				 : nmf_regex_new (pattern, G_REGEX_OPTIMIZE, 0,
						  NULL);
    g_autoptr (GRegex) plain = NULL;
    g_autoptr (GError) err = NULL;

    if (mi)
	*mi = NULL;
    if (jit && g_regex_match_full (jit, text, -1, 0, 0, mi, &err))
	return TRUE;
    if (jit && ! err)
	return FALSE;
    if (mi)
	g_clear_pointer (mi, g_match_info_free);
    plain = nmf_regex_new (pattern, 0, 0, NULL);
    return plain && g_regex_match (plain, text, 0, mi);
}

void
nmf_regex_cache_clear (void)
{
    g_mutex_lock (&regex_lock);
    if (regex_cache)
	g_hash_table_destroy (regex_cache);
    regex_cache = NULL;
    g_mutex_unlock (&regex_lock);
}

char *
nmf_text_excerpt (const char *s, gsize max_chars)
{
    char *line = nmf_text_one_line (s, G_MAXSIZE);
    const char *cut, *space;
    char *out;

    if (max_chars < 2 || (gsize) g_utf8_strlen (line, -1) <= max_chars)
	return line;
    /* Room for the ellipsis; back to the last word that fits whole. */
    cut = g_utf8_offset_to_pointer (line, (glong) max_chars - 1);
    space = cut;
    while (space > line && *space != ' ')
	space--;
    if (space > line)
	cut = space;
    out = g_strdup_printf ("%.*s…", (int) (cut - line), line);
    g_free (line);
    return out;
}
