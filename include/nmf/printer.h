/* printer.h — one output interface, several formats (notmuch's sprinter
 * idea).  Commands emit structure through it and never format JSON by
 * hand.
 */
#ifndef NMF_PRINTER_H
#define NMF_PRINTER_H

#include <stdio.h>

#include <glib.h>

struct nmf_printer {
    void (*begin_map) (struct nmf_printer *p);
    void (*begin_list) (struct nmf_printer *p);
    void (*end) (struct nmf_printer *p);
    void (*map_key) (struct nmf_printer *p, const char *key);
    void (*string) (struct nmf_printer *p, const char *s); /* NULL: null */
    void (*integer) (struct nmf_printer *p, gint64 n);
    void (*number) (struct nmf_printer *p, double d);
    void (*boolean) (struct nmf_printer *p, gboolean b);
    void (*null) (struct nmf_printer *p);
    /* Called once at the end: flush a final newline. */
    void (*finish) (struct nmf_printer *p);
    FILE *out;
    GArray *stack;     /* private: per level, items written so far */
    GString *closers;  /* private: JSON brackets to close, per level */
    int in_map_value;
};

enum nmf_format {
    NMF_FORMAT_TEXT,
    NMF_FORMAT_JSON,
};

/* A printer of the given format writing to out.  Free with
 * nmf_printer_free(). */
struct nmf_printer *
nmf_printer_new (enum nmf_format format, FILE *out);

void
nmf_printer_free (struct nmf_printer **p);

/* Convenience: key then string / integer / a time as ISO 8601 in UTC
 * (null for 0). */
void
nmf_printer_kv_string (struct nmf_printer *p, const char *key, const char *s);

void
nmf_printer_kv_int (struct nmf_printer *p, const char *key, gint64 n);

void
nmf_printer_kv_time (struct nmf_printer *p, const char *key, gint64 t);

/* ISO 8601 with offset ("2026-11-17T18:00:00Z"); g_free.  tz may be NULL
 * (UTC). */
char *
nmf_format_time (gint64 t, GTimeZone *tz);

#endif
