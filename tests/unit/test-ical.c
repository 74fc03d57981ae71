/* test-ical.c — nmf_ical_parse (src/io/ical.c) against inline calendars.
 *
 * Bad input first, then one test per feature; the time-zone cases are a
 * table of (calendar, expected UTC start and end, expected TZID).  Epochs
 * were computed with "date -u -d ... +%s".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "nmf/ical.h"

#define CRLF "\r\n"

static void
event_free_cb (gpointer p)
{
    nmf_event_free (p);
}

static GPtrArray *
new_events (void)
{
    return g_ptr_array_new_with_free_func (event_free_cb);
}

/* Parse ics (len bytes), expect NMF_OK and return the events. */
static GPtrArray *
parse_len_ok (const char *ics, gsize len, guint max_attendees)
{
    GPtrArray *events = new_events ();
    char *why = NULL;
    enum nmf_status st;

    st = nmf_ical_parse (ics, len, max_attendees, events, &why);
    if (st)
	print_error ("unexpected failure: %s\n", why ? why : "(no reason)");
    assert_int_equal (st, NMF_OK);
    assert_null (why);
    return events;
}

static GPtrArray *
parse_ok (const char *ics, guint max_attendees)
{
    return parse_len_ok (ics, strlen (ics), max_attendees);
}

/* Parse ics, expect NMF_ERR_PARSE with a reason and no event. */
static void
expect_parse_error (const char *ics, gsize len)
{
    GPtrArray *events = new_events ();
    char *why = NULL;
    enum nmf_status st;

    st = nmf_ical_parse (ics, len, 10, events, &why);
    assert_int_equal (st, NMF_ERR_PARSE);
    assert_non_null (why);
    assert_true (*why != '\0');
    assert_int_equal (events->len, 0);
    g_free (why);
    g_ptr_array_unref (events);
}

static struct nmf_event *
event_at (GPtrArray *events, guint i)
{
    assert_true (i < events->len);
    return g_ptr_array_index (events, i);
}

static struct nmf_address *
attendee_at (struct nmf_event *ev, guint i)
{
    assert_true (i < ev->attendees->len);
    return g_ptr_array_index (ev->attendees, i);
}

/* --- bad input ---------------------------------------------------------- */

static void
test_null_and_empty (void **state)
{
    GPtrArray *events = new_events ();
    char *why = NULL;

    (void) state;
    /* No text at all is not a calendar. */
    assert_int_equal (nmf_ical_parse (NULL, 0, 10, events, &why),
		      NMF_ERR_PARSE);
    assert_non_null (why);
    g_clear_pointer (&why, g_free);
    /* A NULL pointer with a length must not be read. */
    assert_int_equal (nmf_ical_parse (NULL, 5, 10, events, &why),
		      NMF_ERR_PARSE);
    g_clear_pointer (&why, g_free);
    /* Zero length, even with valid text behind the pointer. */
    assert_int_equal (nmf_ical_parse ("BEGIN:VEVENT\nEND:VEVENT\n", 0, 10,
				      events, &why), NMF_ERR_PARSE);
    g_clear_pointer (&why, g_free);
    /* why is optional. */
    assert_int_equal (nmf_ical_parse ("junk", 4, 10, events, NULL),
		      NMF_ERR_PARSE);
    assert_int_equal (events->len, 0);
    /* No array to append to is the caller's bug, not a parse error. */
    assert_int_equal (nmf_ical_parse ("BEGIN:VEVENT\nEND:VEVENT\n", 24, 10,
				      NULL, &why), NMF_ERR_USAGE);
    assert_non_null (why);
    g_free (why);
    g_ptr_array_unref (events);
}

static void
test_garbage (void **state)
{
    static const char *const cases[] = {
	/* Plain prose. */
	"hello world\n",
	/* Binary bytes, invalid UTF-8. */
	"\x01\x02\x03\xff\xfe\x80\n",
	/* A lone END (libical would warn on stderr about it). */
	"END:VCALENDAR\n",
	/* A vCard is text/directory, not iCalendar. */
	"BEGIN:VCARD\nVERSION:3.0\nFN:Jane\nEND:VCARD\n",
	/* An unknown component only. */
	"BEGIN:X-FOO\nSUMMARY:x\nEND:X-FOO\n",
	/* Several unknown components (libical puts them under an XROOT). */
	"BEGIN:X-A\nEND:X-A\nBEGIN:X-B\nEND:X-B\n",
	/* HTML that mentions a calendar, no BEGIN at a line start. */
	"<html><body>BEGIN:VCALENDAR</body></html>\n",
	/* BEGIN without the colon is no delimiter. */
	"BEGIN\nVEVENT\nEND\n",
	/* Properties with no component around them. */
	"SUMMARY:orphan\nDTSTART:20240101T000000Z\n",
	/* Blank lines only. */
	"\r\n\r\n   \n",
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (cases); i++)
	expect_parse_error (cases[i], strlen (cases[i]));
    /* An embedded NUL ends the text: nothing calendar-like before it. */
    expect_parse_error ("junk\0BEGIN:VEVENT\nEND:VEVENT\n", 29);
}

/* Deep nesting would overflow the stack in libical's recursive free;
 * folding the BEGIN lines must not hide it. */
static void
test_deep_nesting (void **state)
{
    static const char *const begins[] = {
	"BEGIN:X-NEST\n",
	"BEG\r\n IN:X-NEST\r\n",
	"B\n\tEGIN \n :X-NEST\n",
    };
    size_t k;
    int i;

    (void) state;
    for (k = 0; k < G_N_ELEMENTS (begins); k++) {
	GString *s = g_string_new ("BEGIN:VCALENDAR\n");

	for (i = 0; i < 100000; i++)
	    g_string_append (s, begins[k]);
	for (i = 0; i < 100000; i++)
	    g_string_append (s, "END:X-NEST\n");
	g_string_append (s, "END:VCALENDAR\n");
	expect_parse_error (s->str, s->len);
	g_string_free (s, TRUE);
    }
}

/* A calendar with no VEVENT (here a VTODO) is fine and adds nothing. */
static void
test_no_vevent (void **state)
{
    GPtrArray *events;

    (void) state;
    events = parse_ok ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y//EN\n"
		       "METHOD:PUBLISH\nBEGIN:VTODO\nUID:t1\nEND:VTODO\n"
		       "END:VCALENDAR\n", 10);
    assert_int_equal (events->len, 0);
    g_ptr_array_unref (events);
}

/* --- a typical invitation ---------------------------------------------- */

static const char google_request[] =
    "BEGIN:VCALENDAR" CRLF
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN" CRLF
    "VERSION:2.0" CRLF
    "CALSCALE:GREGORIAN" CRLF
    "METHOD:REQUEST" CRLF
    "BEGIN:VEVENT" CRLF
    "DTSTART:20241105T180000Z" CRLF
    "DTEND:20241105T190000Z" CRLF
    "DTSTAMP:20241028T120000Z" CRLF
    "ORGANIZER;CN=Rita Recruiter:mailto:Rita.Recruiter@Example.COM" CRLF
    "UID:3k2j4h5g6f7d8s9a@google.com" CRLF
    "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;"
    "CN=Rita " CRLF
    " Recruiter;X-NUM-GUESTS=0:mailto:rita.recruiter@example.com" CRLF
    "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;"
    "CN=\"Doe, Jane\";X-NUM-GUESTS=0:MAILTO:Jane.Doe@Example.org" CRLF
    "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij" CRLF
    "CREATED:20241028T120000Z" CRLF
    "DESCRIPTION:Hi Jane\\,\\nlooking forward to our chat.\\n\\nRita" CRLF
    "LOCATION:Room 4\\; Building B" CRLF
    "URL:https://meet.example/abc-defg" CRLF
    "SEQUENCE:0" CRLF
    "STATUS:CONFIRMED" CRLF
    "SUMMARY:Interview: Jane Doe / Backend Engineer" CRLF
    "TRANSP:OPAQUE" CRLF
    "BEGIN:VALARM" CRLF
    "ACTION:DISPLAY" CRLF
    "DESCRIPTION:This is an event reminder" CRLF
    "TRIGGER:-P0DT0H10M0S" CRLF
    "END:VALARM" CRLF
    "END:VEVENT" CRLF
    "END:VCALENDAR" CRLF;

/* Google's REQUEST: UTC times, an organizer and two attendees, escaped
 * text, a folded line and a VALARM whose DESCRIPTION must not win. */
static void
test_google_request (void **state)
{
    GPtrArray *events;
    struct nmf_event *ev;
    struct nmf_address *a;

    (void) state;
    events = parse_ok (google_request, 10);
    assert_int_equal (events->len, 1);
    ev = event_at (events, 0);
    assert_string_equal (ev->method, "REQUEST");
    assert_string_equal (ev->summary,
			 "Interview: Jane Doe / Backend Engineer");
    assert_string_equal (ev->description,
			 "Hi Jane,\nlooking forward to our chat.\n\nRita");
    assert_string_equal (ev->location, "Room 4; Building B");
    /* URL: the meeting link. */
    assert_string_equal (ev->url, "https://meet.example/abc-defg");
    assert_string_equal (ev->uid, "3k2j4h5g6f7d8s9a@google.com");
    assert_string_equal (ev->status, "CONFIRMED");
    assert_int_equal (ev->start, 1730829600);
    assert_int_equal (ev->end, 1730833200);
    assert_null (ev->tzid);

    assert_non_null (ev->organizer);
    assert_string_equal (ev->organizer->name, "Rita Recruiter");
    assert_string_equal (ev->organizer->addr, "rita.recruiter@example.com");

    assert_int_equal (ev->attendees->len, 2);
    a = attendee_at (ev, 0);
    assert_string_equal (a->name, "Rita Recruiter");
    assert_string_equal (a->addr, "rita.recruiter@example.com");
    /* Upper-case scheme, quoted CN with a comma. */
    a = attendee_at (ev, 1);
    assert_string_equal (a->name, "Doe, Jane");
    assert_string_equal (a->addr, "jane.doe@example.org");
    g_ptr_array_unref (events);
}

/* len is honoured: what follows it (here a second event) is not read. */
static void
test_not_nul_terminated (void **state)
{
    GString *s = g_string_new (google_request);
    gsize len = s->len;
    GPtrArray *events;

    (void) state;
    g_string_append (s, "BEGIN:VEVENT\nUID:beyond-len\nEND:VEVENT\n");
    events = parse_len_ok (s->str, len, 10);
    assert_int_equal (events->len, 1);
    assert_string_equal (event_at (events, 0)->uid,
			 "3k2j4h5g6f7d8s9a@google.com");
    g_ptr_array_unref (events);
    g_string_free (s, TRUE);
}

/* --- time zones ---------------------------------------------------------- */

#define VTIMEZONE_LA                                                       \
    "BEGIN:VTIMEZONE\n"                                                    \
    "TZID:America/Los_Angeles\n"                                           \
    "X-LIC-LOCATION:America/Los_Angeles\n"                                 \
    "BEGIN:DAYLIGHT\n"                                                     \
    "TZOFFSETFROM:-0800\nTZOFFSETTO:-0700\nTZNAME:PDT\n"                   \
    "DTSTART:19700308T020000\n"                                            \
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\n"                              \
    "END:DAYLIGHT\n"                                                       \
    "BEGIN:STANDARD\n"                                                     \
    "TZOFFSETFROM:-0700\nTZOFFSETTO:-0800\nTZNAME:PST\n"                   \
    "DTSTART:19701101T020000\n"                                            \
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\n"                             \
    "END:STANDARD\n"                                                       \
    "END:VTIMEZONE\n"

/* As Outlook writes it: Windows zone name, rules from 1601. */
#define VTIMEZONE_OUTLOOK_PACIFIC                                          \
    "BEGIN:VTIMEZONE" CRLF                                                 \
    "TZID:Pacific Standard Time" CRLF                                      \
    "BEGIN:STANDARD" CRLF                                                  \
    "DTSTART:16010101T020000" CRLF                                         \
    "TZOFFSETFROM:-0700" CRLF                                              \
    "TZOFFSETTO:-0800" CRLF                                                \
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11" CRLF               \
    "END:STANDARD" CRLF                                                    \
    "BEGIN:DAYLIGHT" CRLF                                                  \
    "DTSTART:16010101T020000" CRLF                                         \
    "TZOFFSETFROM:-0800" CRLF                                              \
    "TZOFFSETTO:-0700" CRLF                                                \
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3" CRLF                \
    "END:DAYLIGHT" CRLF                                                    \
    "END:VTIMEZONE" CRLF

/* A VTIMEZONE libical would expand transition by transition for ever. */
#define VTIMEZONE_HOSTILE(tzid)                                            \
    "BEGIN:VTIMEZONE\nTZID:" tzid "\n"                                     \
    "BEGIN:STANDARD\nDTSTART:19700101T000000\n"                            \
    "TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nRRULE:FREQ=SECONDLY\n"          \
    "END:STANDARD\nEND:VTIMEZONE\n"

#define CAL(body) "BEGIN:VCALENDAR\nVERSION:2.0\nMETHOD:REQUEST\n" body \
    "END:VCALENDAR\n"
#define EVENT(times) "BEGIN:VEVENT\nUID:tz@test\n" times "END:VEVENT\n"

struct tz_case {
    const char *ics;
    gint64 start;
    gint64 end;
    const char *tzid;
};

static const struct tz_case tz_cases[] = {
    /* Olson TZID with its VTIMEZONE, November: PST = UTC-8. */
    { CAL (VTIMEZONE_LA
	   EVENT ("DTSTART;TZID=America/Los_Angeles:20241105T100000\n"
		  "DTEND;TZID=America/Los_Angeles:20241105T110000\n")),
      1730829600, 1730833200, "America/Los_Angeles" },
    /* Same zone in July: the DAYLIGHT rule applies, PDT = UTC-7. */
    { CAL (VTIMEZONE_LA
	   EVENT ("DTSTART;TZID=America/Los_Angeles:20240710T090000\n"
		  "DTEND;TZID=America/Los_Angeles:20240710T094500\n")),
      1720627200, 1720629900, "America/Los_Angeles" },
    /* Olson TZID and no VTIMEZONE: the system zone database (CET). */
    { CAL (EVENT ("DTSTART;TZID=Europe/Berlin:20240315T093000\n"
		  "DTEND;TZID=Europe/Berlin:20240315T103000\n")),
      1710491400, 1710495000, "Europe/Berlin" },
    /* Mozilla's prefixed TZID, no VTIMEZONE: the prefix is skipped. */
    { CAL (EVENT ("DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:"
		  "20241202T170000\n"
		  "DTEND;TZID=/mozilla.org/20050126_1/America/New_York:"
		  "20241202T173000\n")),
      1733176800, 1733178600, "/mozilla.org/20050126_1/America/New_York" },
    /* Outlook: Windows zone name resolved through its VTIMEZONE. */
    { CAL (VTIMEZONE_OUTLOOK_PACIFIC
	   EVENT ("DTSTART;TZID=Pacific Standard Time:20241112T060000" CRLF
		  "DTEND;TZID=Pacific Standard Time:20241112T070000" CRLF)),
      1731420000, 1731423600, "Pacific Standard Time" },
    /* The same Windows name without VTIMEZONE is unknown: taken as UTC,
     * TZID still recorded. */
    { CAL (EVENT ("DTSTART;TZID=Pacific Standard Time:20241112T060000\n"
		  "DTEND;TZID=Pacific Standard Time:20241112T070000\n")),
      1731391200, 1731394800, "Pacific Standard Time" },
    /* Google's odd offset TZIDs are unknown too (libical keeps the colon
     * in the TZID). */
    { CAL (EVENT ("DTSTART;TZID=GMT+05:30:20241112T060000\n")),
      1731391200, 1731391200, "GMT+05:30" },
    /* Floating time: taken as UTC, no TZID. */
    { CAL (EVENT ("DTSTART:20240603T150000\nDTEND:20240603T160000\n")),
      1717426800, 1717430400, NULL },
    /* All-day: DATE values are midnight UTC whatever the TZID says. */
    { CAL (EVENT ("DTSTART;VALUE=DATE:20240920\n"
		  "DTEND;VALUE=DATE:20240921\n")),
      1726790400, 1726876800, NULL },
    /* DURATION instead of DTEND. */
    { CAL (EVENT ("DTSTART:20241001T130000Z\nDURATION:PT1H30M\n")),
      1727787600, 1727793000, NULL },
    /* Neither DTEND nor DURATION: end = start. */
    { CAL (EVENT ("DTSTART:20250108T090000Z\n")),
      1736326800, 1736326800, NULL },
    /* No DTSTART at all: both unknown (0). */
    { CAL (EVENT ("SUMMARY:when?\nDURATION:PT1H\n")), 0, 0, NULL },
    /* DTEND in another zone than DTSTART: each uses its own TZID. */
    { CAL (EVENT ("DTSTART;TZID=America/Los_Angeles:20240710T090000\n"
		  "DTEND;TZID=America/New_York:20240710T190000\n")),
      1720627200, 1720652400, "America/Los_Angeles" },
    /* A VTIMEZONE that would make libical loop is ignored; its Olson
     * TZID still resolves through the system zone database. */
    { CAL (VTIMEZONE_HOSTILE ("America/Los_Angeles")
	   EVENT ("DTSTART;TZID=America/Los_Angeles:20241105T100000\n")),
      1730829600, 1730829600, "America/Los_Angeles" },
    /* ... and with a made-up TZID the time is taken as UTC. */
    { CAL (VTIMEZONE_HOSTILE ("Weird")
	   EVENT ("DTSTART;TZID=Weird:20241105T100000\n")),
      1730800800, 1730800800, "Weird" },
    /* A TZID that tries to leave the zone directory is only a name. */
    { CAL (EVENT ("DTSTART;TZID=../../../../etc/passwd:20241105T100000\n")),
      1730800800, 1730800800, "../../../../etc/passwd" },
};

static void
test_time_zones (void **state)
{
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (tz_cases); i++) {
	const struct tz_case *c = &tz_cases[i];
	GPtrArray *events;
	struct nmf_event *ev;

	print_message ("time zone case %zu\n", i);
	events = parse_ok (c->ics, 10);
	assert_int_equal (events->len, 1);
	ev = event_at (events, 0);
	assert_int_equal (ev->start, c->start);
	assert_int_equal (ev->end, c->end);
	if (c->tzid)
	    assert_string_equal (ev->tzid, c->tzid);
	else
	    assert_null (ev->tzid);
	g_ptr_array_unref (events);
    }
}

/* --- other features ------------------------------------------------------- */

/* A cancellation: METHOD from the VCALENDAR, STATUS from the VEVENT. */
static void
test_cancel (void **state)
{
    GPtrArray *events;
    struct nmf_event *ev;

    (void) state;
    events = parse_ok ("BEGIN:VCALENDAR\nVERSION:2.0\nMETHOD:CANCEL\n"
		       "BEGIN:VEVENT\nUID:3k2j4h5g6f7d8s9a@google.com\n"
		       "SEQUENCE:1\nDTSTART:20241105T180000Z\n"
		       "SUMMARY:Canceled: Interview\nSTATUS:CANCELLED\n"
		       "END:VEVENT\nEND:VCALENDAR\n", 10);
    assert_int_equal (events->len, 1);
    ev = event_at (events, 0);
    assert_string_equal (ev->method, "CANCEL");
    assert_string_equal (ev->status, "CANCELLED");
    assert_null (ev->organizer);
    assert_int_equal (ev->attendees->len, 0);
    g_ptr_array_unref (events);
}

/* A bare VEVENT: no calendar, so no METHOD; absent fields stay NULL. */
static void
test_bare_vevent (void **state)
{
    GPtrArray *events;
    struct nmf_event *ev;

    (void) state;
    events = parse_ok ("BEGIN:VEVENT\nUID:bare\nDTSTART:20241105T180000Z\n"
		       "END:VEVENT\n", 10);
    assert_int_equal (events->len, 1);
    ev = event_at (events, 0);
    assert_null (ev->method);
    assert_null (ev->summary);
    assert_null (ev->description);
    assert_null (ev->location);
    assert_null (ev->status);
    assert_string_equal (ev->uid, "bare");
    assert_int_equal (ev->start, 1730829600);
    g_ptr_array_unref (events);
}

/* Several top-level calendars and a bare VEVENT: all events, in order,
 * each with the method of its own calendar (none for the bare one). */
static void
test_several_calendars (void **state)
{
    GPtrArray *events;

    (void) state;
    events = parse_ok ("BEGIN:VCALENDAR\nMETHOD:REQUEST\n"
		       "BEGIN:VEVENT\nUID:a\nEND:VEVENT\n"
		       "BEGIN:VEVENT\nUID:b\nEND:VEVENT\nEND:VCALENDAR\n"
		       "BEGIN:VCALENDAR\nMETHOD:CANCEL\n"
		       "BEGIN:VEVENT\nUID:c\nEND:VEVENT\nEND:VCALENDAR\n"
		       "BEGIN:VEVENT\nUID:d\nEND:VEVENT\n", 10);
    assert_int_equal (events->len, 4);
    assert_string_equal (event_at (events, 0)->uid, "a");
    assert_string_equal (event_at (events, 0)->method, "REQUEST");
    assert_string_equal (event_at (events, 1)->uid, "b");
    assert_string_equal (event_at (events, 2)->uid, "c");
    assert_string_equal (event_at (events, 2)->method, "CANCEL");
    assert_string_equal (event_at (events, 3)->uid, "d");
    assert_null (event_at (events, 3)->method);
    g_ptr_array_unref (events);
}

/* What is and is not an address in ORGANIZER/ATTENDEE. */
static void
test_addresses (void **state)
{
    GPtrArray *events;
    struct nmf_event *ev;

    (void) state;
    events = parse_ok ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\n"
		       /* Outlook's placeholder organizer: no address. */
		       "ORGANIZER;CN=Nobody:invalid:nomail\n"
		       /* No scheme but an '@': kept. */
		       "ATTENDEE:Bob@Example.com\n"
		       /* A URN: not mail. */
		       "ATTENDEE;CN=Room 1:urn:uuid:1234\n"
		       /* mailto: with nothing after it. */
		       "ATTENDEE;CN=Empty:mailto:\n"
		       /* Mixed-case scheme, empty CN: no name. */
		       "ATTENDEE;CN=:MailTo:carol@example.net\n"
		       /* CN written into the value (a real train ticket). */
		       "ATTENDEE:CN=DAN:mailto:Dan@Example.com\n"
		       "END:VEVENT\nEND:VCALENDAR\n", 10);
    ev = event_at (events, 0);
    assert_null (ev->organizer);
    assert_int_equal (ev->attendees->len, 3);
    assert_null (attendee_at (ev, 0)->name);
    assert_string_equal (attendee_at (ev, 0)->addr, "bob@example.com");
    assert_null (attendee_at (ev, 1)->name);
    assert_string_equal (attendee_at (ev, 1)->addr, "carol@example.net");
    assert_null (attendee_at (ev, 2)->name);
    assert_string_equal (attendee_at (ev, 2)->addr, "dan@example.com");
    g_ptr_array_unref (events);
}

/* 10,000 attendees: only max_attendees are kept (the first ones), and
 * the events already in the array stay there. */
static void
test_attendee_cap (void **state)
{
    GString *s = g_string_new ("BEGIN:VCALENDAR\nMETHOD:REQUEST\n"
			       "BEGIN:VEVENT\nUID:many\n"
			       "ORGANIZER:mailto:boss@example.com\n");
    GPtrArray *events = new_events ();
    struct nmf_event *ev;
    char *why = NULL;
    guint i;

    (void) state;
    for (i = 0; i < 10000; i++)
	g_string_append_printf (s, "ATTENDEE;CN=Person %u:mailto:P%u@Example"
				".com\n", i, i);
    g_string_append (s, "END:VEVENT\nEND:VCALENDAR\n");

    g_ptr_array_add (events, nmf_event_new ());
    assert_int_equal (nmf_ical_parse (s->str, s->len, 5, events, &why),
		      NMF_OK);
    assert_int_equal (events->len, 2);
    ev = event_at (events, 1);
    assert_int_equal (ev->attendees->len, 5);
    for (i = 0; i < 5; i++) {
	char *name = g_strdup_printf ("Person %u", i);
	char *addr = g_strdup_printf ("p%u@example.com", i);

	assert_string_equal (attendee_at (ev, i)->name, name);
	assert_string_equal (attendee_at (ev, i)->addr, addr);
	g_free (name);
	g_free (addr);
    }
    assert_string_equal (ev->organizer->addr, "boss@example.com");

    /* A cap of zero keeps none. */
    assert_int_equal (nmf_ical_parse (s->str, s->len, 0, events, &why),
		      NMF_OK);
    assert_int_equal (events->len, 3);
    assert_int_equal (event_at (events, 2)->attendees->len, 0);
    g_ptr_array_unref (events);
    g_string_free (s, TRUE);
}

/* Invalid UTF-8 in the text comes out valid. */
static void
test_invalid_utf8 (void **state)
{
    GPtrArray *events;
    struct nmf_event *ev;

    (void) state;
    events = parse_ok ("BEGIN:VEVENT\nUID:u\xff\n"
		       "SUMMARY:Caf\xe9 chat\n"
		       "ATTENDEE;CN=J\xfcrgen:mailto:j@example.de\n"
		       "END:VEVENT\n", 10);
    ev = event_at (events, 0);
    assert_true (g_utf8_validate (ev->summary, -1, NULL));
    assert_true (g_str_has_prefix (ev->summary, "Caf"));
    assert_true (g_utf8_validate (ev->uid, -1, NULL));
    assert_true (g_utf8_validate (attendee_at (ev, 0)->name, -1, NULL));
    g_ptr_array_unref (events);
}

/* Damaged but readable parts still give their event. */
static void
test_damaged_but_readable (void **state)
{
    static const char *const cases[] = {
	/* Truncated: the END lines are missing. */
	"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:u1\nSUMMARY:cut",
	/* Leading UTF-8 byte-order mark and junk before BEGIN. */
	"\xEF\xBB\xBF" "Content-Type: text/calendar\n\n"
	"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:u1\nEND:VEVENT\nEND:VCALENDAR\n",
	/* Stray END lines before and after. */
	"END:VEVENT\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:u1\nEND:VEVENT\n"
	"END:VCALENDAR\nEND:VCALENDAR\n",
	/* Old Mac line ends: lone CRs. */
	"BEGIN:VCALENDAR\rBEGIN:VEVENT\rUID:u1\rEND:VEVENT\rEND:VCALENDAR\r",
	/* Folded delimiters (libical unfolds before it reads them). */
	"BEGIN:VCALENDAR\nBEG\n IN:VEVENT\nUID:u1\nEN\n D:VEVENT\n"
	"END:VCALENDAR\n",
	/* Lower-case delimiters and a bad DTSTART (ignored, start 0). */
	"begin:vcalendar\nbegin:vevent\nUID:u1\nDTSTART:tomorrow\n"
	"end:vevent\nend:vcalendar\n",
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (cases); i++) {
	GPtrArray *events;

	print_message ("damaged case %zu\n", i);
	events = parse_ok (cases[i], 10);
	assert_int_equal (events->len, 1);
	assert_string_equal (event_at (events, 0)->uid, "u1");
	g_ptr_array_unref (events);
    }
}

/* An 8 MB unfolded DESCRIPTION line: libical alone rescans a long line
 * once per 79 bytes (minutes of work); the parse must stay linear. */
static void
test_long_line (void **state)
{
    const gsize n = 8 * 1024 * 1024;
    GString *s = g_string_new ("BEGIN:VCALENDAR\nBEGIN:VEVENT\n"
			       "DESCRIPTION:");
    GPtrArray *events;
    struct nmf_event *ev;
    gsize i;

    (void) state;
    for (i = 0; i < n; i++)
	g_string_append_c (s, (char) ('a' + i % 26));
    g_string_append (s, "\nUID:long\nEND:VEVENT\nEND:VCALENDAR\n");
    events = parse_ok (s->str, 10);
    ev = event_at (events, 0);
    assert_string_equal (ev->uid, "long");
    assert_int_equal (strlen (ev->description), n);
    /* Byte for byte: refolding the line lost or added nothing. */
    for (i = 0; i < n; i++) {
	if (ev->description[i] != (char) ('a' + i % 26))
	    fail_msg ("description differs at byte %zu", (size_t) i);
    }
    g_ptr_array_unref (events);
    g_string_free (s, TRUE);
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_null_and_empty),
	cmocka_unit_test (test_garbage),
	cmocka_unit_test (test_deep_nesting),
	cmocka_unit_test (test_no_vevent),
	cmocka_unit_test (test_google_request),
	cmocka_unit_test (test_not_nul_terminated),
	cmocka_unit_test (test_time_zones),
	cmocka_unit_test (test_cancel),
	cmocka_unit_test (test_bare_vevent),
	cmocka_unit_test (test_several_calendars),
	cmocka_unit_test (test_addresses),
	cmocka_unit_test (test_attendee_cap),
	cmocka_unit_test (test_invalid_utf8),
	cmocka_unit_test (test_damaged_but_readable),
	cmocka_unit_test (test_long_line),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
