/* bizday.c — business days (see nmf/bizday.h). */
#include "nmf/bizday.h"
#include "nmf/holidays.h"

gboolean
nmf_bizday_is_business (const GDate *d, unsigned weekend_mask,
			const GArray *holidays, const char *country)
{
    guint i;

    if (weekend_mask & (1u << g_date_get_weekday (d)))
	return FALSE;
    for (i = 0; holidays && i < holidays->len; i++) {
	if (g_date_compare (&g_array_index (holidays, GDate, i), d) == 0)
	    return FALSE;
    }
    return ! nmf_holiday_is (country, d);
}

void
nmf_bizday_add_date (GDate *d, int n, unsigned weekend_mask,
		     const GArray *holidays, const char *country)
{
    int guard = 0;

    /* A mask with every day set would never end: treat as no weekend. */
    if ((weekend_mask & 0xfe) == 0xfe)
	weekend_mask = 0;
    while (n > 0 && guard++ < 100000) {
	g_date_add_days (d, 1);
	if (nmf_bizday_is_business (d, weekend_mask, holidays, country))
	    n--;
    }
    /* Backwards: "one business day before the deadline". */
    while (n < 0 && guard++ < 100000) {
	g_date_subtract_days (d, 1);
	if (nmf_bizday_is_business (d, weekend_mask, holidays, country))
	    n++;
    }
}

gint64
nmf_bizday_add (gint64 t, int n, unsigned weekend_mask,
		const GArray *holidays, const char *country, GTimeZone *tz)
{
    g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (t);
    g_autoptr (GDateTime) local = NULL;
    g_autoptr (GDateTime) moved = NULL;
    GDate d;

    if (! u)
	return t;
    local = g_date_time_to_timezone (u, tz ? tz : utc);
    g_date_clear (&d, 1);
    g_date_set_dmy (&d, (GDateDay) g_date_time_get_day_of_month (local),
		    (GDateMonth) g_date_time_get_month (local),
		    (GDateYear) g_date_time_get_year (local));
    nmf_bizday_add_date (&d, n, weekend_mask, holidays, country);
    moved = g_date_time_new (tz ? tz : utc, g_date_get_year (&d),
			     g_date_get_month (&d), g_date_get_day (&d),
			     g_date_time_get_hour (local),
			     g_date_time_get_minute (local),
			     g_date_time_get_second (local));
    return moved ? g_date_time_to_unix (moved) : t;
}
