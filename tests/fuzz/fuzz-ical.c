/* fuzz-ical.c — libFuzzer target: calendar parts (libical and our
 * reading of VEVENTs, zones, organizer and attendees). */
#include <stdint.h>
#include <stdlib.h>

#include "nmf/ical.h"
#include "nmf/message.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
event_free_cb (gpointer p)
{
    nmf_event_free (p);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    GPtrArray *events = g_ptr_array_new_with_free_func (event_free_cb);
    char *why = NULL;

    nmf_ical_parse ((const char *) data, size, 50, events, &why);
    g_free (why);
    g_ptr_array_unref (events);
    return 0;
}
