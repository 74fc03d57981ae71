/* fuzz-dates.c — libFuzzer target: English date, time and timeline
 * expressions.  The first two bytes choose the sender's zone offset; the
 * rest is the text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nmf/dates.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    /* Thu 12 Nov 2026 15:04 UTC, the Date of a typical invitation. */
    const gint64 ref = 1794495840;
    int offset = 0;
    char *text;
    GPtrArray *all;
    struct nmf_when w = { 0 };
    char *why = NULL;
    gint64 day = 0;

    if (size >= 2) {
	/* -14:00 .. +14:00 in minutes */
	offset = (int) (((data[0] << 8) | data[1]) % 1681) - 840;
	data += 2;
	size -= 2;
    }
    text = g_strndup ((const char *) data, size);
    all = nmf_dates_scan (text, ref, offset);
    g_ptr_array_unref (all);
    if (nmf_dates_interview (text, ref, offset, &w, &why))
	nmf_when_release (&w);
    g_free (why);
    why = NULL;
    nmf_dates_timeline (text, ref, offset, (1u << 6) | (1u << 7), &day, &why);
    g_free (why);
    nmf_dates_zone_name (text);
    g_free (text);
    return 0;
}
