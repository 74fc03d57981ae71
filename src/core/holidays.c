/* holidays.c — national public holidays by rule (see nmf/holidays.h). */
#include <string.h>

#include "nmf/holidays.h"

static const char *const known[] = { "us", "gb", "ca", "de", "fr", "au",
				     NULL };

static const char *
canonical (const char *code)
{
    int i;

    if (! code)
	return NULL;
    if (g_ascii_strcasecmp (code, "uk") == 0)
	return "gb";
    for (i = 0; known[i]; i++) {
	if (g_ascii_strcasecmp (code, known[i]) == 0)
	    return known[i];
    }
    return NULL;
}

gboolean
nmf_holidays_known (const char *code)
{
    return canonical (code) != NULL;
}

static GDate
ymd (int y, int m, int d)
{
    GDate g;

    g_date_clear (&g, 1);
    g_date_set_dmy (&g, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    return g;
}

/* Easter Sunday of year y (the anonymous Gregorian algorithm). */
static GDate
easter (int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;

    return ymd (y, month, day);
}

static GDate
shifted (GDate d, int days)
{
    if (days > 0)
	g_date_add_days (&d, (guint) days);
    else if (days < 0)
	g_date_subtract_days (&d, (guint) -days);
    return d;
}

/* The n-th weekday wd (1 Monday .. 7 Sunday) of month m; n = -1 the
 * last. */
static GDate
nth (int y, int m, int wd, int n)
{
    GDate d = ymd (y, m, 1);

    if (n < 0) {
	d = ymd (y, m, g_date_get_days_in_month ((GDateMonth) m,
						 (GDateYear) y));
	while ((int) g_date_get_weekday (&d) != wd)
	    g_date_subtract_days (&d, 1);
	return d;
    }
    while ((int) g_date_get_weekday (&d) != wd)
	g_date_add_days (&d, 1);
    g_date_add_days (&d, (guint) (7 * (n - 1)));
    return d;
}

/* US federal: Saturday to Friday, Sunday to Monday. */
static GDate
us_observed (GDate d)
{
    int wd = g_date_get_weekday (&d);

    return wd == 6 ? shifted (d, -1) : wd == 7 ? shifted (d, 1) : d;
}

/* Elsewhere: a weekend day to the next Monday. */
static GDate
to_monday (GDate d)
{
    int wd = g_date_get_weekday (&d);

    return wd == 6 ? shifted (d, 2) : wd == 7 ? shifted (d, 1) : d;
}

static void
add (GArray *out, int year, GDate d)
{
    if ((int) g_date_get_year (&d) == year)
	g_array_append_val (out, d);
}

/* Christmas and Boxing Day with their substitutes (GB, AU): each on a
 * weekend moves to the next working day free of the other. */
static void
christmas_boxing (GArray *out, int y)
{
    GDate xmas = ymd (y, 12, 25);
    int wd = g_date_get_weekday (&xmas);

    if (wd == 5) {          /* Fri: Boxing Day moves to Monday */
	add (out, y, xmas);
	add (out, y, ymd (y, 12, 28));
    } else if (wd == 6) {   /* Sat: Monday and Tuesday */
	add (out, y, ymd (y, 12, 27));
	add (out, y, ymd (y, 12, 28));
    } else if (wd == 7) {   /* Sun: Boxing Day Monday, Christmas Tuesday */
	add (out, y, ymd (y, 12, 26));
	add (out, y, ymd (y, 12, 27));
    } else {
	add (out, y, xmas);
	add (out, y, ymd (y, 12, 26));
    }
}

static gint
cmp_date (gconstpointer a, gconstpointer b)
{
    return g_date_compare (a, b);
}

GArray *
nmf_holidays_of (const char *code, int y)
{
    GArray *out = g_array_new (FALSE, TRUE, sizeof (GDate));
    const char *c = canonical (code);
    GDate e;

    if (! c || y < 1600 || y > 9000)
	return out;
    e = easter (y);
    if (strcmp (c, "us") == 0) {
	add (out, y, us_observed (ymd (y, 1, 1)));
	/* Next year's New Year's Day on a Saturday is kept on 31 Dec. */
	add (out, y, us_observed (ymd (y + 1, 1, 1)));
	add (out, y, nth (y, 1, 1, 3));    /* Martin Luther King Jr. Day */
	add (out, y, nth (y, 2, 1, 3));    /* Washington's Birthday */
	add (out, y, nth (y, 5, 1, -1));   /* Memorial Day */
	if (y >= 2021)  /* Juneteenth, a federal holiday since 2021 */
	    add (out, y, us_observed (ymd (y, 6, 19)));
	add (out, y, us_observed (ymd (y, 7, 4)));
	add (out, y, nth (y, 9, 1, 1));    /* Labor Day */
	add (out, y, nth (y, 10, 1, 2));   /* Columbus Day */
	add (out, y, us_observed (ymd (y, 11, 11)));
	add (out, y, nth (y, 11, 4, 4));   /* Thanksgiving */
	add (out, y, us_observed (ymd (y, 12, 25)));
    } else if (strcmp (c, "gb") == 0) {
	add (out, y, to_monday (ymd (y, 1, 1)));
	add (out, y, shifted (e, -2));
	add (out, y, shifted (e, 1));
	add (out, y, nth (y, 5, 1, 1));    /* Early May */
	add (out, y, nth (y, 5, 1, -1));   /* Spring */
	add (out, y, nth (y, 8, 1, -1));   /* Summer */
	christmas_boxing (out, y);
    } else if (strcmp (c, "ca") == 0) {
	GDate victoria = ymd (y, 5, 24);

	while (g_date_get_weekday (&victoria) != G_DATE_MONDAY)
	    g_date_subtract_days (&victoria, 1);
	add (out, y, to_monday (ymd (y, 1, 1)));
	add (out, y, shifted (e, -2));
	add (out, y, victoria);
	add (out, y, to_monday (ymd (y, 7, 1)));
	add (out, y, nth (y, 9, 1, 1));    /* Labour Day */
	add (out, y, nth (y, 10, 1, 2));   /* Thanksgiving */
	add (out, y, to_monday (ymd (y, 12, 25)));
    } else if (strcmp (c, "de") == 0) {
	add (out, y, ymd (y, 1, 1));
	add (out, y, shifted (e, -2));
	add (out, y, shifted (e, 1));
	add (out, y, ymd (y, 5, 1));
	add (out, y, shifted (e, 39));     /* Ascension */
	add (out, y, shifted (e, 50));     /* Whit Monday */
	add (out, y, ymd (y, 10, 3));
	add (out, y, ymd (y, 12, 25));
	add (out, y, ymd (y, 12, 26));
    } else if (strcmp (c, "fr") == 0) {
	add (out, y, ymd (y, 1, 1));
	add (out, y, shifted (e, 1));
	add (out, y, ymd (y, 5, 1));
	add (out, y, ymd (y, 5, 8));
	add (out, y, shifted (e, 39));
	add (out, y, shifted (e, 50));
	add (out, y, ymd (y, 7, 14));
	add (out, y, ymd (y, 8, 15));
	add (out, y, ymd (y, 11, 1));
	add (out, y, ymd (y, 11, 11));
	add (out, y, ymd (y, 12, 25));
    } else if (strcmp (c, "au") == 0) {
	add (out, y, to_monday (ymd (y, 1, 1)));
	add (out, y, to_monday (ymd (y, 1, 26)));  /* Australia Day */
	add (out, y, shifted (e, -2));
	add (out, y, shifted (e, 1));
	add (out, y, ymd (y, 4, 25));               /* Anzac Day */
	add (out, y, nth (y, 6, 1, 2));             /* King's Birthday */
	christmas_boxing (out, y);
    }
    g_array_sort (out, cmp_date);
    return out;
}

gboolean
nmf_holiday_is (const char *code, const GDate *d)
{
    g_autoptr (GArray) days = NULL;
    guint i;

    if (! canonical (code) || ! g_date_valid (d))
	return FALSE;
    days = nmf_holidays_of (code, g_date_get_year (d));
    for (i = 0; i < days->len; i++) {
	if (g_date_compare (&g_array_index (days, GDate, i), d) == 0)
	    return TRUE;
    }
    return FALSE;
}

const char *
nmf_holidays_country_of_locale (const char *locale)
{
    const char *us;
    char code[3];

    if (! locale)
	return NULL;
    us = strchr (locale, '_');
    if (! us || ! g_ascii_isalpha (us[1]) || ! g_ascii_isalpha (us[2]))
	return NULL;
    code[0] = g_ascii_tolower (us[1]);
    code[1] = g_ascii_tolower (us[2]);
    code[2] = '\0';
    return canonical (code);
}
