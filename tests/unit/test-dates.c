/* Unit tests of src/core/dates.c and src/core/bizday.c: date and time
 * expressions, interview times, decision timelines, business days.
 * Reference: a message dated Thu, 12 Nov 2026 15:04:00 -0800. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/bizday.h"
#include "nmf/dates.h"

#define REF ((gint64) 1794524640)
#define OFF (-480)

struct icase {
    const char *why;
    const char *text;
    gint64 start; /* 0: no interview time */
    gint64 end;   /* 0: none */
};

static const struct icase icases[] = {
    { "nothing", "Thanks for applying.", 0, 0 },
    { "weekday, month day, time, zone",
      "Would Tuesday, Nov 24 at 2:30 PM PT work for you?", 1795559400, 0 },
    { "calendar-style range with a zone word",
      "Interview: Tuesday, November 17, 10:00 - 11:00 AM Pacific Time",
      1794938400, 1794942000 },
    { "relative day, no zone: the sender's zone",
      "Let's talk tomorrow at 10am.", 1794592800, 0 },
    { "next weekday in CET", "How about next Monday at 3pm CET?", 1794837600,
      0 },
    { "day-first date with ordinal and a 24h range",
      "We have you down for Thursday 19th November, 14:00-15:00 GMT.",
      1795096800, 1795100400 },
    { "ISO date", "Onsite: 2026-12-02 10:00 CST, 2 hours", 1796227200,
      1796234400 },
    { "time first, then weekday", "Can you do 2pm ET on Friday?", 1794596400,
      0 },
    { "a shared pm in a range", "Friday 2-3pm ET", 1794596400, 1794600000 },
    { "year rolls over", "Your interview is on January 5 at 9am.",
      1799168400, 0 },
    { "duration sets the end", "A 45-minute video call on Tuesday, Nov 17 at "
      "10:00 AM PT.", 1794938400, 1794938400 + 45 * 60 },
    { "GMT offset", "Friday, November 20, 11:00 (GMT+5:30)", 1795152600, 0 },
    { "noon", "Monday at noon works.", 1794859200, 0 },
    { "a time in the past is no interview",
      "Thanks for meeting on Monday, November 9 at 2pm.", 0, 0 },
    { "options to choose from are not a time",
      "Are you free Tuesday, Nov 17 at 10am or Wednesday, Nov 18 at 2pm?", 0,
      0 },
    { "the confirmed one of several",
      "You asked about Tuesday, Nov 17 at 10am; I've confirmed Wednesday, "
      "Nov 18 at 2pm PT.", 1795039200, 0 },
    { "numbers that are not times", "Order 12345, 3 items, $20.50 total.", 0,
      0 },
    /* ATS notices put date and time on labelled lines. */
    { "labelled lines, US date, GMT offset",
      "Interview Date: 12/09/2026\nTime: 3:00 PM - 4:00 PM (GMT-05:00) "
      "Eastern Time", 1796846400, 1796850000 },
    { "dd-Mon-yyyy", "Date : 18-Nov-2026\nTime : 11:00 AM IST\nDuration : "
      "1 hour", 1794979800, 1794983400 },
    /* An onsite itinerary: one day, several sessions. */
    { "itinerary", "9:30 AM - 10:15 AM on Thursday, Dec 3: coding\n"
      "10:30 AM - 11:30 AM on Thursday, Dec 3: design\n", 1796319000,
      1796326200 },
    /* A city names its zone with "time". */
    { "a city's time", "Wednesday, December 2 - 1:00 PM Houston time.",
      1796238000, 0 },
    { "a city without 'time' is no zone",
      "Wednesday, December 2 - 1:00 PM Houston office.", 1796238000 + 7200,
      0 },
    /* The headers of earlier messages carry when those were written. */
    { "a Lotus Notes reply header is no time",
      "See you then.\n\nJane Roe <jane@example.org> on 11/12/2026 "
      "04:52:02 PM\nTo: hr@example.com\nSubject: Re: call\n\nThanks", 0,
      0 },
    { "an Outlook Sent: line is no time",
      "Thanks.\n\n-----Original Message-----\nFrom: Ann\nSent: Friday, "
      "November 13, 2026 9:47 AM\nTo: Bob\n\nHello", 0, 0 },
    { "a forwarding line is no time",
      "FYI\n---- Forwarded by Ann Lee on 11/13/2026 09:03 AM ----\n", 0, 0 },
    { "the new text's time beats the earlier message's offers",
      "I have scheduled the call for 2:00 PM on Monday, November 16.\n\n"
      "Jane <jane@example.org> on 11/12/2026 05:40 PM\nTo: hr@example.com\n"
      "\nI would prefer 9am to 10am on Tuesday or Wednesday.", 1794866400,
      0 },
    { "an earlier message counts when the new text has no time",
      "See below.\n\n-----Original Message-----\nFrom: Ann\nTo: Bob\n"
      "\nYour interview is on Monday, November 16 at 2:00 PM.", 1794866400,
      0 },
    /* A day's schedule, one time a line under the day. */
    { "single times listed under a day named before",
      "Please come in on Tuesday, November 17.\n\n9:00 AM  Ann Lee\n"
      "9:30 AM  Bob Ray\n", 1794934800, 1794938400 },
    { "a day as a heading, afternoon times without am/pm",
      "Friday, November 20th:\n\n1:00 PM  Ann Lee\n1:30 PM  Bob Ray\n"
      "2:00  Cy Dow\n", 1795208400, 1795213800 },
    /* Office hours: h:mm without am or pm is after noon up to 6. */
    { "h:mm without am/pm after 'at'", "Could you do Friday at 2:30?",
      1794609000, 0 },
    { "a range without am/pm", "Thursday, Nov 19 from 1:00 to 2:30",
      1795122000, 1795127400 },
    { "a part of the day between day and time",
      "We will call you tomorrow morning at 10:00.", 1794592800, 0 },
    /* A day of the month alone. */
    { "the ordinal day of this month", "Let's talk on the 18th at 3 pm.",
      1795042800, 0 },
    { "weekday and a day already past: next month",
      "Wednesday, the 2nd at 11am", 1796238000, 0 },
    /* A day named a little before "at <time>". */
    { "the day in the sentence before",
      "Vince can talk to you on Monday. He will call you at 10:30 AM ET.",
      1794843000, 0 },
    { "a time offered after the day", "Monday is a good day for the "
      "interview.  Would 3:30 PM ET be ok with you?", 1794861000, 0 },
    { "a time said of something else is not offered",
      "Monday works.  I teach until 3:30 PM ET.", 0, 0 },
    { "nor a time talked about",
      "Monday works.  We talked about 3:30 PM ET being late.", 0, 0 },
    { "how about a time", "Monday is free for the call.  How about "
      "3:30 PM ET?", 1794861000, 0 },
    { "not across a paragraph", "See you Monday.\n\nOur office opens at "
      "9:00 AM.", 0, 0 },
    { "one time at a line start is no list",
      "Monday, November 16 works.\n9:00 AM is early for me.", 0, 0 },
    /* Who first, the time at the end of the line, under a day. */
    { "itinerary with the times at the ends of the lines",
      "Friday, November 20th:\n\nAnn Lee        9:00 - 9:30\n"
      "Bob Ray        9:30 - 10:00\n", 1795194000, 1795197600 },
    { "titles, a dash, then the time",
      "Your schedule for Friday, November 20th:\n\nAnn Lee, Director  -  "
      "9:00 AM\nBob Ray, VP  -  9:30 AM\n", 1795194000, 1795197600 },
    { "one time at a line end is no list",
      "Friday, November 20th works.\nMy train gets in by 9:00 AM\n", 0, 0 },
    /* A deadline is no time to meet; a visit "by" a place is one. */
    { "a deadline is no interview",
      "Please complete the assessment by 5:00 PM ET on Friday.", 0, 0 },
    { "the deadline said again in another zone",
      "Please complete it by 4:59 PM ET/1:59 PM PT on Friday.", 0, 0 },
    { "or in brackets", "Please reply by 5 PM ET (2 PM PT) on Friday.", 0,
      0 },
    { "nor one said with 'no later than'",
      "Send your answers no later than Friday at 2pm ET.", 0, 0 },
    { "the interview, not the deadline to confirm it",
      "Please confirm by Thursday at noon. Your interview is on Friday at "
      "2pm ET.", 1794596400, 0 },
    { "coming by is a visit", "Could you come by on Friday at 2pm ET?",
      1794596400, 0 },
};

static void
test_interview (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < sizeof icases / sizeof icases[0]; i++) {
	const struct icase *c = &icases[i];
	struct nmf_when w;
	char *why = NULL;
	gboolean found = nmf_dates_interview (c->text, REF, OFF, &w, &why);

	if (found != (c->start != 0) || (found && w.start != c->start)
	    || (found && w.end != c->end))
	    print_error ("case '%s': found=%d start=%" G_GINT64_FORMAT
			 " end=%" G_GINT64_FORMAT " (%s)\n",
			 c->why, found, w.start, w.end, why ? why : "");
	assert_int_equal (found, c->start != 0);
	if (found) {
	    assert_int_equal (w.start, c->start);
	    assert_int_equal (w.end, c->end);
	}
	nmf_when_release (&w);
	g_free (why);
    }
}

/* The sender's zone: a telephone number under the sender's name. */
static void
test_sender_zone (void **state)
{
    static const struct {
	const char *why;
	const char *part1, *part2;
	const char *sender;
	const char *zone;
    } cases[] = {
	{ "no text", "", NULL, "jane.roe@example.com", NULL },
	{ "signature under the name from the address",
	  "Regards,\n\nJane Roe\nRecruiting\n713-555-0100\n", NULL,
	  "jane.roe@example.com", "America/Chicago" },
	{ "display name, parenthesised area code",
	  "Jane Roe\n(415) 555-0100", NULL, "Jane Roe", "America/Los_Angeles" },
	{ "a one-word sender names nobody", "Jobs\n212-555-0100", NULL,
	  "jobs@example.com", NULL },
	{ "a number not under the name", "Call me at 212-555-0100.\n\nJane Roe",
	  NULL, "Jane Roe", NULL },
	{ "the block ends at a blank line", "Jane Roe\n\n212-555-0100", NULL,
	  "Jane Roe", NULL },
	{ "a toll-free number has no zone", "Jane Roe\n800-555-0100", NULL,
	  "Jane Roe", NULL },
	{ "the sender's signature quoted in an earlier message", "Jane Roe",
	  "> Jane Roe\n> Recruiter\n> 212/555-0100", "Jane Roe",
	  "America/New_York" },
    };
    size_t i;

    (void) state;
    assert_null (nmf_dates_sender_zone (NULL, "Jane Roe"));
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
	const char *parts[] = { cases[i].part1, cases[i].part2, NULL };
	const char *z = nmf_dates_sender_zone (parts, cases[i].sender);

	if ((z == NULL) != (cases[i].zone == NULL)
	    || (z && strcmp (z, cases[i].zone) != 0))
	    print_error ("case '%s': %s\n", cases[i].why, z ? z : "(null)");
	if (cases[i].zone)
	    assert_string_equal (z, cases[i].zone);
	else
	    assert_null (z);
    }
}

/* A time that names no zone is in the zone given, not at the offset. */
static void
test_interview_in_zone (void **state)
{
    struct nmf_when w;

    (void) state;
    assert_true (nmf_dates_interview_in ("Your interview is on Friday, "
					 "November 20 at 1:00 PM.",
					 REF, OFF, "America/Chicago", &w,
					 NULL));
    assert_int_equal (w.start, 1795201200);
    assert_string_equal (w.zone, "America/Chicago");
    nmf_when_release (&w);
    /* A zone the text names still wins. */
    assert_true (nmf_dates_interview_in ("Friday, November 20 at 1:00 PM PT",
					 REF, OFF, "America/Chicago", &w,
					 NULL));
    assert_int_equal (w.start, 1795208400);
    nmf_when_release (&w);
}

struct tcase {
    const char *why;
    const char *text;
    const char *day; /* YYYY-MM-DD or NULL */
};

/* Thursday 12 Nov 2026 is the reference day. */
static const struct tcase tcases[] = {
    { "none", "Thank you for your time today.", NULL },
    { "by a weekday", "We'll get back to you by Friday.", "2026-11-13" },
    { "within weeks", "You will hear back from us within two weeks.",
      "2026-11-26" },
    { "within business days", "We aim to make a decision within 5 business "
      "days.", "2026-11-19" },
    { "early next week", "We expect to have an update for you early next "
      "week.", "2026-11-17" },
    { "end of next week", "We will let you know by the end of next week.",
      "2026-11-20" },
    { "end of the week", "Expect a decision by end of the week.",
      "2026-11-13" },
    { "next week", "The team will decide next week.", "2026-11-20" },
    { "an explicit date", "We will get back to you by November 30.",
      "2026-11-30" },
    { "in a couple of weeks", "You'll hear back in a couple of weeks.",
      "2026-11-26" },
    { "wrapped sentence", "We plan to share our decision with all\ncandidates "
      "by Wednesday, Nov 25.", "2026-11-25" },
    /* A date with no answer or decision in its sentence is no timeline. */
    { "no cue", "The office is closed next week.", NULL },
    /* A follow-up may repeat a date that has passed. */
    { "a past date", "You said you would let me know by November 2.",
      "2026-11-02" },
    { "months back is no timeline", "We will let you know by August 2, 2026.",
      NULL },
    { "let someone know", "We will let shortlisted candidates know by "
      "Friday.", "2026-11-13" },
};

static void
test_timeline (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < sizeof tcases / sizeof tcases[0]; i++) {
	const struct tcase *c = &tcases[i];
	gint64 day = 0;
	char *why = NULL;
	gboolean found = nmf_dates_timeline (c->text, REF, OFF,
					     (1u << 6) | (1u << 7), &day, &why);
	char got[16] = "";

	if (found) {
	    GDateTime *dt = g_date_time_new_from_unix_utc (day);
	    char *s = g_date_time_format (dt, "%Y-%m-%d");

	    g_strlcpy (got, s, sizeof got);
	    g_free (s);
	    g_date_time_unref (dt);
	}
	if (found != (c->day != NULL) || (found && strcmp (got, c->day)))
	    print_error ("case '%s': found=%d day=%s\n", c->why, found, got);
	assert_int_equal (found, c->day != NULL);
	if (found)
	    assert_string_equal (got, c->day);
	g_free (why);
    }
}

static void
test_scan_and_zones (void **state)
{
    GPtrArray *all;

    (void) state;
    all = nmf_dates_scan (NULL, REF, OFF);
    assert_int_equal (all->len, 0);
    g_ptr_array_unref (all);
    all = nmf_dates_scan ("Tuesday at 10am; Wednesday at 4pm.", REF, OFF);
    assert_int_equal (all->len, 2);
    g_ptr_array_unref (all);
    assert_string_equal (nmf_dates_zone_name ("PDT"), "America/Los_Angeles");
    assert_string_equal (nmf_dates_zone_name ("cet"), "Europe/Berlin");
    assert_null (nmf_dates_zone_name ("xyz"));
    assert_null (nmf_dates_zone_name (NULL));
}

static void
test_hostile_text (void **state)
{
    GString *big = g_string_new (NULL);
    struct nmf_when w;
    GPtrArray *all;
    int i;

    (void) state;
    /* Long runs of numbers, colons and dates stay linear and bounded. */
    for (i = 0; i < 50000; i++)
	g_string_append (big, "12:30 1/2 2026-13-45 Monday, ");
    all = nmf_dates_scan (big->str, REF, OFF);
    assert_true (all->len < 30000);
    g_ptr_array_unref (all);
    assert_false (nmf_dates_interview ("\xff\xfe 99:99 pm 31/31", REF, OFF, &w,
				       NULL));
    nmf_when_release (&w);
    g_string_free (big, TRUE);
}

struct bcase {
    const char *why;
    int y, m, d, n;
    int ey, em, ed;
};

static const struct bcase bcases[] = {
    { "zero days", 2026, 11, 12, 0, 2026, 11, 12 },
    { "Thursday + 1 = Friday", 2026, 11, 12, 1, 2026, 11, 13 },
    { "Friday + 1 = Monday", 2026, 11, 13, 1, 2026, 11, 16 },
    { "Saturday + 1 = Monday", 2026, 11, 14, 1, 2026, 11, 16 },
    { "Thursday + 7 crosses a weekend", 2026, 11, 12, 7, 2026, 11, 23 },
    { "across a month", 2026, 11, 27, 3, 2026, 12, 2 },
};

static void
test_bizday (void **state)
{
    GArray *holidays = g_array_new (FALSE, FALSE, sizeof (GDate));
    GDate h;
    size_t i;

    (void) state;
    for (i = 0; i < sizeof bcases / sizeof bcases[0]; i++) {
	const struct bcase *c = &bcases[i];
	GDate d;

	g_date_clear (&d, 1);
	g_date_set_dmy (&d, c->d, c->m, c->y);
	nmf_bizday_add_date (&d, c->n, (1u << 6) | (1u << 7), NULL, NULL);
	if (g_date_get_day (&d) != c->ed)
	    print_error ("case '%s'\n", c->why);
	assert_int_equal (g_date_get_year (&d), c->ey);
	assert_int_equal (g_date_get_month (&d), c->em);
	assert_int_equal (g_date_get_day (&d), c->ed);
    }
    /* A holiday (Thanksgiving, Thu 26 Nov) is skipped. */
    g_date_clear (&h, 1);
    g_date_set_dmy (&h, 26, 11, 2026);
    g_array_append_val (holidays, h);
    {
	GDate d;

	g_date_clear (&d, 1);
	g_date_set_dmy (&d, 25, 11, 2026);
	nmf_bizday_add_date (&d, 1, (1u << 6) | (1u << 7), holidays, NULL);
	assert_int_equal (g_date_get_day (&d), 27);
    }
    /* A Friday-Saturday weekend. */
    {
	GDate d;

	g_date_clear (&d, 1);
	g_date_set_dmy (&d, 12, 11, 2026);
	nmf_bizday_add_date (&d, 1, (1u << 5) | (1u << 6), NULL, NULL);
	assert_int_equal (g_date_get_day (&d), 15);
    }
    /* On instants: same time of day, in the given zone (the DST change
     * in between keeps 10:00 local). */
    {
	GTimeZone *la = g_time_zone_new_identifier ("America/Los_Angeles");
	/* Fri 30 Oct 2026 10:00 PDT = 17:00Z; + 1 business day = Mon 2 Nov
	 * 10:00 PST = 18:00Z. */
	gint64 t = nmf_bizday_add (1793379600, 1, (1u << 6) | (1u << 7), NULL,
				   NULL, la);

	assert_int_equal (t, 1793379600 + 3 * 86400 + 3600);
	g_time_zone_unref (la);
    }
    g_array_unref (holidays);
}

/* Dates as a user types them, in New York on Sunday 6 December 2026 at
 * 10:00 (15:00 UTC). */
static void
test_typed (void **state)
{
    static const struct {
	const char *typed;
	const char *want;   /* UTC, ISO 8601; NULL: refused */
	gboolean timed;
    } rows[] = {
	{ "2026-12-10T09:00", "2026-12-10T14:00:00Z", TRUE },
	{ "2026-12-10T09:00:00Z", "2026-12-10T09:00:00Z", TRUE },
	{ "2026-12-10 09:00", "2026-12-10T14:00:00Z", TRUE },
	{ "2026-12-10T09:00+01:00", "2026-12-10T08:00:00Z", TRUE },
	{ "2026-07-01T09:00", "2026-07-01T13:00:00Z", TRUE },
	{ "2026-12-10", "2026-12-10T05:00:00Z", FALSE },
	{ "friday", "2026-12-11T05:00:00Z", FALSE },
	{ "Friday", "2026-12-11T05:00:00Z", FALSE },
	{ "next tuesday 14:00", "2026-12-08T19:00:00Z", TRUE },
	{ "tomorrow 10am", "2026-12-07T15:00:00Z", TRUE },
	{ "today 3pm", "2026-12-06T20:00:00Z", TRUE },
	{ "friday at 10", "2026-12-11T15:00:00Z", TRUE },
	{ "dec 10", "2026-12-10T05:00:00Z", FALSE },
	{ "10 December 2026", "2026-12-10T05:00:00Z", FALSE },
	{ "jan 5 9:30am", "2027-01-05T14:30:00Z", TRUE },
	{ "3pm", "2026-12-06T20:00:00Z", TRUE },
	{ "fridya", NULL, FALSE },
	{ "friday 25:00", NULL, FALSE },
	{ "2026-13-40", NULL, FALSE },
	{ "", NULL, FALSE },
	{ "soon", NULL, FALSE },
    };
    g_autoptr (GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
    const gint64 now = 1796569200; /* 2026-12-06T15:00:00Z */
    gsize i;

    (void) state;
    assert_non_null (ny);
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	gint64 t = 0;
	gboolean timed = FALSE;
	g_autofree char *why = NULL;
	gboolean ok = nmf_dates_typed (rows[i].typed, now, ny, &t, &timed,
				       &why);

	if (! rows[i].want) {
	    if (ok)
		fail_msg ("'%s' taken as %" G_GINT64_FORMAT, rows[i].typed, t);
	    assert_non_null (why);
	    continue;
	}
	if (! ok)
	    fail_msg ("'%s' refused: %s", rows[i].typed, why);
	{
	    g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (t);
	    g_autofree char *got = g_date_time_format_iso8601 (u);

	    if (strcmp (got, rows[i].want) != 0 || timed != rows[i].timed)
		fail_msg ("'%s': want %s%s, got %s%s", rows[i].typed,
			  rows[i].want, rows[i].timed ? "" : " (a day)", got,
			  timed ? "" : " (a day)");
	}
    }
    {
	gint64 t;
	gboolean timed;
	g_autofree char *why = NULL;

	assert_false (nmf_dates_typed ("fridya 10am", now, ny, &t, &timed,
				       &why));
	assert_non_null (strstr (why, "'fridya'"));
    }
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_interview),
	cmocka_unit_test (test_sender_zone),
	cmocka_unit_test (test_interview_in_zone),
	cmocka_unit_test (test_timeline),
	cmocka_unit_test (test_scan_and_zones),
	cmocka_unit_test (test_hostile_text),
	cmocka_unit_test (test_bizday),
	cmocka_unit_test (test_typed),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
