/* bizday.h — business-day arithmetic on calendar dates (pure).
 *
 * weekend_mask: bit d set means weekday d (1 = Monday .. 7 = Sunday, as
 * GLib numbers them) is not a business day.  holidays: sorted or not,
 * GDate values that are not business days either (may be NULL); country:
 * a code of nmf/holidays.h whose public holidays are none either (NULL:
 * none).
 */
#ifndef NMF_BIZDAY_H
#define NMF_BIZDAY_H

#include <glib.h>

/* TRUE when d is a business day. */
gboolean
nmf_bizday_is_business (const GDate *d, unsigned weekend_mask,
			const GArray *holidays, const char *country);

/* Move d forward by n business days (n >= 0): the n-th business day
 * after d.  n = 0 leaves d as is. */
void
nmf_bizday_add_date (GDate *d, int n, unsigned weekend_mask,
		     const GArray *holidays, const char *country);

/* The same on an instant: t moved to the n-th business day after its
 * date in zone tz, at the same time of day.  tz NULL means UTC. */
gint64
nmf_bizday_add (gint64 t, int n, unsigned weekend_mask,
		const GArray *holidays, const char *country, GTimeZone *tz);

#endif
