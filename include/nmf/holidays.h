/* holidays.h — national public holidays by rule (pure).
 *
 * For the countries a job search is most often in: "us" (federal), "gb"
 * (England and Wales bank holidays), "ca" (the federal statutory days
 * most provinces keep too), "de" (nationwide), "fr" and "au" (national),
 * with the
 * days a holiday on a weekend moves to where the country moves it.
 * Easter-based days come from the Gregorian computus.
 */
#ifndef NMF_HOLIDAYS_H
#define NMF_HOLIDAYS_H

#include <glib.h>

/* Is code ("us", "gb", ...; "uk" is "gb") a country we know? */
gboolean
nmf_holidays_known (const char *code);

/* The public holidays of country code observed in year (GDate, in
 * order; g_array_unref); empty for an unknown code. */
GArray *
nmf_holidays_of (const char *code, int year);

/* Is d a public holiday of country code? */
gboolean
nmf_holiday_is (const char *code, const GDate *d);

/* The country of a locale's territory ("en_US.UTF-8" is "us",
 * "de_DE@euro" "de"), or NULL when it is none we know. */
const char *
nmf_holidays_country_of_locale (const char *locale);

#endif
