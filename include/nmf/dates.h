/* dates.h — English date and time expressions in mail text (pure).
 *
 * "Tuesday, Nov 24 at 2:30 PM PT", "tomorrow at 10am", "next Monday",
 * "Thursday 19th November, 14:00-15:00 GMT", "2026-11-17 10:00"; and
 * stated decision timelines: "we'll get back to you by Friday", "within
 * two weeks", "early next week".  Everything is resolved against the
 * message's own Date (ref, in UTC seconds) and the sender's zone offset
 * (ref_offset, minutes east of UTC), which is also the zone of a time
 * that names none.  Named zones ("PT", "CET", "London time") go through
 * GLib's zone database, so daylight saving time is right.  Text is
 * UTF-8; invalid bytes are read as U+FFFD (offsets then count in the
 * repaired text).
 */
#ifndef NMF_DATES_H
#define NMF_DATES_H

#include <glib.h>

struct nmf_when {
    gint64 start;       /* UTC seconds */
    gint64 end;         /* UTC seconds; 0 when neither an end nor a
                         * duration is stated */
    char *zone;         /* IANA name of a zone the text names, or NULL */
    gsize offset;       /* where the expression starts in the text */
    gsize length;       /* and its length in bytes */
    gboolean explicit_date; /* a calendar date, not a weekday/relative */
    gboolean deadline;  /* said as a deadline ("by 5 PM on Friday",
                         * "no later than the 9th"), not a time to meet */
};

void
nmf_when_release (struct nmf_when *w);

/* Every date-with-time expression in text, in order (struct nmf_when *;
 * g_ptr_array_unref). */
GPtrArray *
nmf_dates_scan (const char *text, gint64 ref, int ref_offset);

/* The interview time the text states: the one date-with-time expression
 * at or after ref (or the one introduced by "confirmed for", "scheduled
 * for", ...), with its end from a range or a stated duration ("a
 * 45-minute call").  FALSE when there is none, or when the text offers
 * several times to choose from.  *why (g_free, may be NULL) says which
 * words decided. */
gboolean
nmf_dates_interview (const char *text, gint64 ref, int ref_offset,
		     struct nmf_when *out, char **why);

/* The same, where a time that names no zone is in zone (an IANA name,
 * such as nmf_dates_sender_zone gives), not at ref_offset; zone NULL is
 * nmf_dates_interview. */
gboolean
nmf_dates_interview_in (const char *text, gint64 ref, int ref_offset,
			const char *zone, struct nmf_when *out, char **why);

/* The zone of the sender's office, from the telephone number in the
 * sender's signature: the lines under a line that names the sender
 * (sender: a display name, or an address whose local part spells one,
 * "shirley.crenshaw@...").  parts (NULL-terminated) are searched in
 * order.  Only North American area codes that lie in one zone count;
 * NULL when none is found.  The result is a static string. */
const char *
nmf_dates_sender_zone (const char *const *parts, const char *sender);

/* The decision date the text states, as the UTC seconds of noon on that
 * calendar day (so that its UTC date is the day meant).  weekend_mask as
 * in struct nmf_config (bit 1 = Monday .. bit 7 = Sunday) counts
 * "business days".  FALSE when the text states none. */
gboolean
nmf_dates_timeline (const char *text, gint64 ref, int ref_offset,
		    unsigned weekend_mask, gint64 *day, char **why);

/* A date or time as a user types it on the command line (--until,
 * --interview-at, --decision-by, --now), in zone tz (the user's): ISO
 * 8601 with or without seconds or a zone ("2026-12-10T09:00",
 * "2026-12-10 09:00:30Z"), a date alone ("2026-12-10", "dec 10",
 * "10 December 2026"), or simple English as mail writes it ("friday",
 * "next tuesday 14:00", "tomorrow 10am", "today 3pm"); a time without
 * am or pm from 1 to 6 o'clock is in the afternoon, as in mail.  A day
 * without a time is its start (00:00) and *has_time is FALSE.  A
 * weekday is the next one; a month and day without a year the coming
 * one (or one of the last 60 days, as in mail).  FALSE
 * with *why (g_free) naming what was not understood. */
gboolean
nmf_dates_typed (const char *text, gint64 now, GTimeZone *tz, gint64 *out,
		 gboolean *has_time, char **why);

/* The IANA zone for a zone word ("pt", "cet", "eastern"), or NULL. */
const char *
nmf_dates_zone_name (const char *word);

#endif
