/* Unit tests of src/core/holidays.c against the published public
 * holidays of 2025-2027 (US OPM federal holidays, GOV.UK bank holidays of
 * England and Wales, the Canadian statutory days, the German, French and
 * Australian national ones). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/bizday.h"
#include "nmf/holidays.h"

static const struct {
    const char *country;
    int year;
    const char *days;   /* MM-DD, in order */
} published[] = {
    { "us", 2025, "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-11 "
		  "11-27 12-25" },
    { "us", 2026, "01-01 01-19 02-16 05-25 06-19 07-03 09-07 10-12 11-11 "
		  "11-26 12-25" },
    { "us", 2027, "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 "
		  "11-25 12-24 12-31" },
    { "gb", 2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26" },
    { "gb", 2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28" },
    { "gb", 2027, "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28" },
    { "ca", 2025, "01-01 04-18 05-19 07-01 09-01 10-13 12-25" },
    { "ca", 2026, "01-01 04-03 05-18 07-01 09-07 10-12 12-25" },
    { "ca", 2027, "01-01 03-26 05-24 07-01 09-06 10-11 12-27" },
    { "de", 2025, "01-01 04-18 04-21 05-01 05-29 06-09 10-03 12-25 12-26" },
    { "de", 2026, "01-01 04-03 04-06 05-01 05-14 05-25 10-03 12-25 12-26" },
    { "de", 2027, "01-01 03-26 03-29 05-01 05-06 05-17 10-03 12-25 12-26" },
    { "fr", 2025, "01-01 04-21 05-01 05-08 05-29 06-09 07-14 08-15 11-01 "
		  "11-11 12-25" },
    { "fr", 2026, "01-01 04-06 05-01 05-08 05-14 05-25 07-14 08-15 11-01 "
		  "11-11 12-25" },
    { "fr", 2027, "01-01 03-29 05-01 05-06 05-08 05-17 07-14 08-15 11-01 "
		  "11-11 12-25" },
    { "au", 2025, "01-01 01-27 04-18 04-21 04-25 06-09 12-25 12-26" },
    { "au", 2026, "01-01 01-26 04-03 04-06 04-25 06-08 12-25 12-28" },
    { "au", 2027, "01-01 01-26 03-26 03-29 04-25 06-14 12-27 12-28" },
};

static void
test_published (void **state)
{
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (published); i++) {
	g_autoptr (GArray) days = nmf_holidays_of (published[i].country,
						   published[i].year);
	GString *got = g_string_new (NULL);
	guint k;

	for (k = 0; k < days->len; k++) {
	    const GDate *d = &g_array_index (days, GDate, k);

	    g_string_append_printf (got, "%s%02d-%02d", k ? " " : "",
				    g_date_get_month (d),
				    g_date_get_day (d));
	}
	if (strcmp (got->str, published[i].days) != 0)
	    fail_msg ("%s %d: want %s, got %s", published[i].country,
		      published[i].year, published[i].days, got->str);
	g_string_free (got, TRUE);
    }
}

static void
test_country_of_locale (void **state)
{
    (void) state;
    assert_string_equal (nmf_holidays_country_of_locale ("en_US.UTF-8"), "us");
    assert_string_equal (nmf_holidays_country_of_locale ("en_GB"), "gb");
    assert_string_equal (nmf_holidays_country_of_locale ("de_DE@euro"), "de");
    assert_string_equal (nmf_holidays_country_of_locale ("fr_CA.UTF-8"), "ca");
    assert_null (nmf_holidays_country_of_locale ("C.UTF-8"));
    assert_null (nmf_holidays_country_of_locale ("pt_BR.UTF-8"));
    assert_null (nmf_holidays_country_of_locale (NULL));
    assert_true (nmf_holidays_known ("UK"));
    assert_false (nmf_holidays_known ("none"));
}

/* Business days skip them: seven business days after Tuesday 17 November
 * 2026 are Thursday the 26th, and Friday the 27th in the US
 * (Thanksgiving); five after Monday 21 December 2026 are the 30th in
 * England (Christmas, and Boxing Day moved to Monday the 28th). */
static void
test_business_days (void **state)
{
    const unsigned weekend = (1u << 6) | (1u << 7);
    GDate d;

    (void) state;
    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 17, G_DATE_NOVEMBER, 2026);
    nmf_bizday_add_date (&d, 7, weekend, NULL, NULL);
    assert_int_equal (g_date_get_day (&d), 26);
    g_date_set_dmy (&d, 17, G_DATE_NOVEMBER, 2026);
    nmf_bizday_add_date (&d, 7, weekend, NULL, "us");
    assert_int_equal (g_date_get_day (&d), 27);
    g_date_set_dmy (&d, 21, G_DATE_DECEMBER, 2026);
    nmf_bizday_add_date (&d, 5, weekend, NULL, "gb");
    assert_int_equal (g_date_get_day (&d), 30);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_published),
	cmocka_unit_test (test_country_of_locale),
	cmocka_unit_test (test_business_days),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
