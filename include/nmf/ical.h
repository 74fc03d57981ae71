/* ical.h — text/calendar parts through libical (adapter).
 */
#ifndef NMF_ICAL_H
#define NMF_ICAL_H

#include <glib.h>

#include "nmf/message.h"
#include "nmf/status.h"

/* Parse the iCalendar text (len bytes, need not be NUL-terminated) and
 * append one struct nmf_event per VEVENT to events (which must free its
 * elements with nmf_event_free).  DTSTART/DTEND honour TZID (VTIMEZONE in
 * the part, else the system zone database), UTC and floating times
 * (floating = UTC); an all-day DATE gives midnight UTC.  DTEND missing:
 * DURATION, else start.  ORGANIZER and ATTENDEE become addresses (the
 * "mailto:" stripped, CN as the name).  At most max_attendees attendees
 * are kept per event.
 *
 * Returns NMF_OK (possibly with no event), or NMF_ERR_PARSE with a
 * one-line reason in *why (g_free) when the text is not iCalendar. */
enum nmf_status
nmf_ical_parse (const char *text, gsize len, guint max_attendees,
		GPtrArray *events, char **why);

/* One to-do of the agenda. */
struct nmf_todo {
    char *uid;          /* stable across runs */
    char *summary;
    char *description;  /* may be NULL */
    gint64 due;         /* UTC seconds */
};

/* A VCALENDAR (PRODID notmuch-followup, METHOD PUBLISH) with one VTODO per
 * element of todos (struct nmf_todo *), DTSTAMP now.  g_free. */
char *
nmf_ical_write_todos (GPtrArray *todos, gint64 now);

#endif
