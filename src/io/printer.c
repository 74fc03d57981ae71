/* printer.c — JSON and text back-ends of struct nmf_printer. */
#include <string.h>

#include "nmf/printer.h"

/* Shared nesting bookkeeping: stack holds, per open container, the number
 * of items written (maps count keys). */
static int
level_count (struct nmf_printer *p)
{
    return p->stack->len ? g_array_index (p->stack, int, p->stack->len - 1)
			 : 0;
}

static void
level_bump (struct nmf_printer *p)
{
    if (p->stack->len)
	g_array_index (p->stack, int, p->stack->len - 1)++;
}

/* ---- JSON ---------------------------------------------------------- */

static void
json_before_value (struct nmf_printer *p)
{
    if (p->in_map_value) {
	p->in_map_value = 0;
	return;
    }
    if (level_count (p))
	fputc (',', p->out);
    level_bump (p);
}

static void
json_escape (FILE *out, const char *s)
{
    g_autofree char *valid = g_utf8_make_valid (s, -1);
    const unsigned char *c;

    fputc ('"', out);
    for (c = (const unsigned char *) valid; *c; c++) {
	switch (*c) {
	case '"':
	    fputs ("\\\"", out);
	    break;
	case '\\':
	    fputs ("\\\\", out);
	    break;
	case '\n':
	    fputs ("\\n", out);
	    break;
	case '\r':
	    fputs ("\\r", out);
	    break;
	case '\t':
	    fputs ("\\t", out);
	    break;
	default:
	    if (*c < 0x20 || *c == 0x7f)
		fprintf (out, "\\u%04x", *c);
	    else
		fputc (*c, out);
	}
    }
    fputc ('"', out);
}

static void
json_open (struct nmf_printer *p, char open, char close)
{
    int zero = 0;

    json_before_value (p);
    fputc (open, p->out);
    g_array_append_val (p->stack, zero);
    g_string_append_c (p->closers, close);
}

static void
json_begin_map (struct nmf_printer *p)
{
    json_open (p, '{', '}');
}

static void
json_begin_list (struct nmf_printer *p)
{
    json_open (p, '[', ']');
}

static void
json_end (struct nmf_printer *p)
{
    if (! p->closers->len)
	return;
    fputc (p->closers->str[p->closers->len - 1], p->out);
    g_string_truncate (p->closers, p->closers->len - 1);
    g_array_set_size (p->stack, p->stack->len - 1);
}

static void
json_map_key (struct nmf_printer *p, const char *key)
{
    if (level_count (p))
	fputc (',', p->out);
    level_bump (p);
    json_escape (p->out, key);
    fputc (':', p->out);
    p->in_map_value = 1;
}

static void
json_string (struct nmf_printer *p, const char *s)
{
    json_before_value (p);
    if (! s)
	fputs ("null", p->out);
    else
	json_escape (p->out, s);
}

static void
json_integer (struct nmf_printer *p, gint64 n)
{
    json_before_value (p);
    fprintf (p->out, "%" G_GINT64_FORMAT, n);
}

static void
json_number (struct nmf_printer *p, double d)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    /* Four decimals: scripts compare a probability with the acting
     * confidence (tools/train.py); the text form keeps two. */
    json_before_value (p);
    fputs (g_ascii_formatd (buf, sizeof buf, "%.4f", d), p->out);
}

static void
json_boolean (struct nmf_printer *p, gboolean b)
{
    json_before_value (p);
    fputs (b ? "true" : "false", p->out);
}

static void
json_null (struct nmf_printer *p)
{
    json_before_value (p);
    fputs ("null", p->out);
}

static void
json_finish (struct nmf_printer *p)
{
    fputc ('\n', p->out);
}

/* ---- text ---------------------------------------------------------- */

/* A plain, line-oriented rendering for people: "key: value" with nesting
 * by indentation; list items of scalars are joined with ", ". */
static void
text_indent (struct nmf_printer *p)
{
    guint i;

    for (i = 1; i < p->stack->len; i++)
	fputs ("  ", p->out);
}

static void
text_begin (struct nmf_printer *p)
{
    int zero = 0;

    if (p->in_map_value) {
	fputc ('\n', p->out);
	p->in_map_value = 0;
    } else if (level_count (p)) {
	fputc ('\n', p->out);
    }
    level_bump (p);
    g_array_append_val (p->stack, zero);
}

static void
text_end (struct nmf_printer *p)
{
    if (p->stack->len)
	g_array_set_size (p->stack, p->stack->len - 1);
}

static void
text_map_key (struct nmf_printer *p, const char *key)
{
    if (level_count (p))
	fputc ('\n', p->out);
    level_bump (p);
    text_indent (p);
    fprintf (p->out, "%s: ", key);
    p->in_map_value = 1;
}

static void
text_scalar (struct nmf_printer *p, const char *s)
{
    if (p->in_map_value) {
	p->in_map_value = 0;
    } else {
	if (level_count (p))
	    fputc ('\n', p->out);
	level_bump (p);
	text_indent (p);
	fputs ("- ", p->out);
    }
    fputs (s, p->out);
}

static void
text_string (struct nmf_printer *p, const char *s)
{
    g_autofree char *valid = g_utf8_make_valid (s ? s : "", -1);

    text_scalar (p, s ? valid : "-");
}

static void
text_integer (struct nmf_printer *p, gint64 n)
{
    char buf[32];

    g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, n);
    text_scalar (p, buf);
}

static void
text_number (struct nmf_printer *p, double d)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    text_scalar (p, g_ascii_formatd (buf, sizeof buf, "%.2f", d));
}

static void
text_boolean (struct nmf_printer *p, gboolean b)
{
    text_scalar (p, b ? "yes" : "no");
}

static void
text_null (struct nmf_printer *p)
{
    text_scalar (p, "-");
}

static void
text_finish (struct nmf_printer *p)
{
    fputc ('\n', p->out);
}

struct nmf_printer *
nmf_printer_new (enum nmf_format format, FILE *out)
{
    struct nmf_printer *p = g_new0 (struct nmf_printer, 1);

    if (format == NMF_FORMAT_JSON) {
	p->begin_map = json_begin_map;
	p->begin_list = json_begin_list;
	p->end = json_end;
	p->map_key = json_map_key;
	p->string = json_string;
	p->integer = json_integer;
	p->number = json_number;
	p->boolean = json_boolean;
	p->null = json_null;
	p->finish = json_finish;
    } else {
	p->begin_map = text_begin;
	p->begin_list = text_begin;
	p->end = text_end;
	p->map_key = text_map_key;
	p->string = text_string;
	p->integer = text_integer;
	p->number = text_number;
	p->boolean = text_boolean;
	p->null = text_null;
	p->finish = text_finish;
    }
    p->out = out;
    p->stack = g_array_new (FALSE, TRUE, sizeof (int));
    p->closers = g_string_new (NULL);
    return p;
}

void
nmf_printer_free (struct nmf_printer **pp)
{
    if (! pp || ! *pp)
	return;
    g_array_unref ((*pp)->stack);
    g_string_free ((*pp)->closers, TRUE);
    g_free (*pp);
    *pp = NULL;
}

void
nmf_printer_kv_string (struct nmf_printer *p, const char *key, const char *s)
{
    p->map_key (p, key);
    p->string (p, s);
}

void
nmf_printer_kv_int (struct nmf_printer *p, const char *key, gint64 n)
{
    p->map_key (p, key);
    p->integer (p, n);
}

char *
nmf_format_time (gint64 t, GTimeZone *tz)
{
    g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (t);
    g_autoptr (GDateTime) local = NULL;

    if (! utc)
	return g_strdup ("");
    if (! tz)
	return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    local = g_date_time_to_timezone (utc, tz);
    return g_date_time_format_iso8601 (local);
}

void
nmf_printer_kv_time (struct nmf_printer *p, const char *key, gint64 t)
{
    p->map_key (p, key);
    if (! t) {
	p->null (p);
    } else {
	g_autofree char *s = nmf_format_time (t, NULL);

	p->string (p, s);
    }
}
