/* ical.c — text/calendar parts through libical (see nmf/ical.h).
 *
 * The text is first copied into a cleaned buffer (prepare_text), then
 * handed to icalparser_parse_string, and every VEVENT of the resulting
 * tree becomes a struct nmf_event.
 *
 * The cleaning step is what keeps libical's work bounded and quiet on
 * hostile input.  It reads logical (unfolded) lines as libical does and:
 * stops at a NUL byte; drops a leading UTF-8 BOM and every line outside
 * a BEGIN/END pair; makes every line end (CR LF, LF, lone CR) an LF;
 * refuses components nested deeper than MAX_DEPTH (libical builds and
 * frees trees recursively); folds physical lines longer than FOLD_AT
 * (libical's string reader rescans a line for its newline every 79
 * bytes: an unfolded 20 MB line took 45 s); drops stray END lines
 * (libical prints a warning on stderr for them); and closes components
 * a truncated part left open, so that what was read is kept.
 *
 * Times: a TZID is looked up first among the VTIMEZONEs of the enclosing
 * VCALENDAR, then in the system zone database (Olson names such as
 * "America/Los_Angeles", also behind a "/vendor/prefix/" as Mozilla and
 * libical write them).  A VTIMEZONE whose rules would make libical expand
 * an unbounded number of transitions (anything but FREQ=YEARLY with small
 * BY lists) is ignored.  A TZID found nowhere ("Pacific Standard Time"
 * without its VTIMEZONE, "GMT+05:30") is taken as UTC; the TZID is still
 * recorded in the event.  DATE values are midnight UTC whatever their
 * TZID.
 *
 * libical is told once that its errors are not fatal (it would abort()
 * otherwise), and icalerrno is cleared before and after each parse.
 */
#include <string.h>

#include <libical/ical.h>

#include "nmf/ical.h"

/* Calendar parts larger than this are refused rather than parsed. */
#define MAX_TEXT_BYTES (64u * 1024 * 1024)

/* Deepest nesting of BEGIN blocks accepted (VCALENDAR > VEVENT > VALARM
 * is 3 in practice). */
#define MAX_DEPTH 16

/* Physical lines longer than this are folded before parsing. */
#define FOLD_AT 2048

/* A usable VTIMEZONE has at most this many STANDARD/DAYLIGHT blocks and
 * RRULEs in all. */
#define MAX_OBSERVANCES 32
#define MAX_TZ_RRULES 32

/* How many "/"-separated prefixes of a TZID are tried against the
 * system zone database. */
#define MAX_TZID_PREFIXES 4

/* Everything the walk over one parsed tree needs. */
struct walk {
    guint max_attendees;
    GPtrArray *events;
};

/* Zone look-ups of one container (VCALENDAR, XROOT or none): TZID ->
 * icaltimezone *, or NULL when the TZID is unknown.  The zones belong to
 * libical (the container or the built-in cache). */
struct zones {
    icalcomponent *container;
    GHashTable *cache;
};

static void
ensure_libical_quiet (void)
{
    static gsize done = 0;

    if (g_once_init_enter (&done)) {
	/* Errors must never abort the process.  This is the library's
	 * default on Debian, but make sure. */
	icalerror_set_errors_are_fatal (0);
	g_once_init_leave (&done, 1);
    }
}

static void
set_why (char **why, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
set_why (char **why, const char *fmt, ...)
{
    va_list ap;

    if (! why)
	return;
    va_start (ap, fmt);
    *why = g_strdup_vprintf (fmt, ap);
    va_end (ap);
}

/* --- cleaning the text ------------------------------------------------ */

/* Whether a logical line is a component delimiter as libical reads it:
 * "BEGIN" or "END" (any case), optional blanks, then ':' or ';'.  The
 * line is fed piece by piece (it may be folded); the answer is known
 * after a few bytes. */
enum delim_state { DELIM_PENDING, DELIM_NO, DELIM_YES };

struct delim {
    enum delim_state state;
    int kind;		/* 1 for BEGIN, -1 for END */
    gsize matched;	/* bytes of the keyword seen so far */
};

static void
delim_feed (struct delim *d, const char *s, gsize n)
{
    gsize i;

    for (i = 0; i < n && d->state == DELIM_PENDING; i++) {
	char c = g_ascii_toupper (s[i]);
	const char *keyword;

	if (d->matched == 0) {
	    if (c == 'B') {
		d->kind = 1;
	    } else if (c == 'E') {
		d->kind = -1;
	    } else {
		d->state = DELIM_NO;
		break;
	    }
	}
	keyword = d->kind > 0 ? "BEGIN" : "END";
	if (d->matched < strlen (keyword)) {
	    if (c == keyword[d->matched])
		d->matched++;
	    else
		d->state = DELIM_NO;
	} else if (c == ':' || c == ';') {
	    d->state = DELIM_YES;
	} else if (! g_ascii_isspace (c)) {
	    d->state = DELIM_NO;
	}
    }
}

/* The end of the physical line starting at p (at an LF, a CR or stop). */
static const char *
line_end (const char *p, const char *stop)
{
    while (p < stop && *p != '\n' && *p != '\r')
	p++;
    return p;
}

/* The start of the physical line after the one ending at end. */
static const char *
next_line (const char *end, const char *stop)
{
    if (end < stop && *end == '\r' && end + 1 < stop && end[1] == '\n')
	end++;
    return end < stop ? end + 1 : stop;
}

/* Append one physical line to out, folded every FOLD_AT bytes, and an
 * LF. */
static void
append_folded (GString *out, const char *line, gsize len)
{
    while (len > FOLD_AT) {
	g_string_append_len (out, line, FOLD_AT);
	g_string_append (out, "\n ");
	line += FOLD_AT;
	len -= FOLD_AT;
    }
    g_string_append_len (out, line, len);
    g_string_append_c (out, '\n');
}

/* Copy text into *out as described at the top of this file, one logical
 * line (a line and its continuations) at a time.  Line ends become LF.
 * Returns NMF_OK or NMF_ERR_PARSE with *why set. */
static enum nmf_status
prepare_text (const char *text, gsize len, GString **out, char **why)
{
    GString *buf = NULL;
    const char *p;
    const char *stop;
    int depth = 0;
    gboolean seen_begin = FALSE;
    enum nmf_status st = NMF_OK;

    len = strnlen (text, len);
    stop = text + len;
    p = text;
    if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
	p += 3;

    buf = g_string_sized_new (len + 64);
    while (p < stop) {
	const char *start = p;
	const char *end = line_end (p, stop);
	struct delim d = { DELIM_PENDING, 0, 0 };
	gsize unfolded = (gsize) (end - p);
	gboolean keep;
	int kind;

	/* Find the logical line.  As in libical, a line that starts with
	 * a blank continues the previous one, minus that blank, unless
	 * the previous one is empty. */
	delim_feed (&d, p, unfolded);
	p = next_line (end, stop);
	while (p < stop && (*p == ' ' || *p == '\t') && unfolded > 0) {
	    end = line_end (p, stop);
	    delim_feed (&d, p + 1, (gsize) (end - p) - 1);
	    unfolded += (gsize) (end - p) - 1;
	    p = next_line (end, stop);
	}

	kind = d.state == DELIM_YES ? d.kind : 0;
	if (kind > 0) {
	    if (++depth > MAX_DEPTH) {
		set_why (why, "components nested deeper than %d levels",
			 MAX_DEPTH);
		st = NMF_ERR_PARSE;
		goto out;
	    }
	    seen_begin = TRUE;
	    keep = TRUE;
	} else if (kind < 0) {
	    /* An END with nothing open is dropped. */
	    keep = depth > 0;
	    if (keep)
		depth--;
	} else {
	    /* Lines outside any component mean nothing to libical. */
	    keep = depth > 0;
	}
	if (! keep)
	    continue;

	/* Copy its physical lines [start, p). */
	while (start < p) {
	    end = line_end (start, p);
	    append_folded (buf, start, (gsize) (end - start));
	    start = next_line (end, p);
	}
    }

    if (! seen_begin) {
	set_why (why, "not iCalendar: no BEGIN line");
	st = NMF_ERR_PARSE;
	goto out;
    }
    /* Close what a truncated part left open.  libical pops the innermost
     * component whatever name END gives. */
    for (; depth > 0; depth--)
	g_string_append (buf, "END:X-NMF-UNTERMINATED\n");

  out:
    if (st) {
	g_string_free (buf, TRUE);
	buf = NULL;
    }
    *out = buf;
    return st;
}

/* --- strings ---------------------------------------------------------- */

/* A valid UTF-8 copy of s with blanks trimmed, or NULL when s is NULL. */
static char *
clean_string (const char *s)
{
    char *v;

    if (! s)
	return NULL;
    v = g_utf8_make_valid (s, -1);
    return g_strstrip (v);
}

/* The value of the first kind property of comp as text (escapes
 * undone), or NULL. */
static char *
prop_text (icalcomponent *comp, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property (comp, kind);
    icalvalue *v;
    const char *s;

    if (! p)
	return NULL;
    v = icalproperty_get_value (p);
    if (! v)
	return NULL;
    if (icalvalue_isa (v) == ICAL_TEXT_VALUE)
	s = icalvalue_get_text (v);
    else
	s = icalproperty_get_value_as_string (p);
    if (! s)
	return NULL;
    return g_utf8_make_valid (s, -1);
}

/* Like prop_text, upper-cased and trimmed; NULL when empty. */
static char *
prop_keyword (icalcomponent *comp, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property (comp, kind);
    const char *s;
    char *v;
    char *up;

    if (! p || ! icalproperty_get_value (p))
	return NULL;
    s = icalproperty_get_value_as_string (p);
    v = clean_string (s);
    if (! v || ! *v) {
	g_free (v);
	return NULL;
    }
    up = g_ascii_strup (v, -1);
    g_free (v);
    return up;
}

/* An address from an ORGANIZER or ATTENDEE property, or NULL when it
 * holds none: what follows the last "mailto:" (any case; some senders
 * write "ORGANIZER:CN=X:mailto:x@y"), CN is the name.  A value without
 * "mailto:" is kept only when it has an '@': "invalid:nomail" (Outlook)
 * and "urn:uuid:..." are not addresses. */
static struct nmf_address *
prop_address (icalproperty *p)
{
    icalvalue *v = icalproperty_get_value (p);
    icalparameter *cn;
    const char *raw;
    struct nmf_address *a = NULL;
    char *value = NULL;
    char *lower = NULL;
    char *name = NULL;
    const char *addr;
    const char *scheme;

    if (! v)
	goto out;
    raw = icalvalue_get_caladdress (v);
    if (! raw)
	goto out;
    value = clean_string (raw);
    lower = g_ascii_strdown (value, -1);
    scheme = g_strrstr (lower, "mailto:");
    addr = value;
    if (scheme) {
	addr = value + (scheme - lower) + 7;
	while (g_ascii_isspace (*addr))
	    addr++;
    } else if (! strchr (addr, '@')) {
	goto out;
    }
    if (! *addr)
	goto out;
    cn = icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER);
    if (cn)
	name = clean_string (icalparameter_get_cn (cn));
    a = nmf_address_new (name, addr);

  out:
    g_free (value);
    g_free (lower);
    g_free (name);
    return a;
}

/* --- time zones ------------------------------------------------------- */

static int
by_count (const short *by, int size)
{
    int n = 0;

    while (n < size && by[n] != ICAL_RECURRENCE_ARRAY_MAX)
	n++;
    return n;
}

/* Whether libical can expand rule with a handful of transitions a year.
 * Real VTIMEZONEs say "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" or, vzic style,
 * "BYMONTHDAY=8,9,10,11,12,13,14;BYDAY=SU". */
static gboolean
rrule_is_bounded (const struct icalrecurrencetype *r)
{
    return r->freq == ICAL_YEARLY_RECURRENCE
	&& by_count (r->by_second, ICAL_BY_SECOND_SIZE) == 0
	&& by_count (r->by_minute, ICAL_BY_MINUTE_SIZE) == 0
	&& by_count (r->by_hour, ICAL_BY_HOUR_SIZE) == 0
	&& by_count (r->by_year_day, ICAL_BY_YEARDAY_SIZE) == 0
	&& by_count (r->by_week_no, ICAL_BY_WEEKNO_SIZE) == 0
	&& by_count (r->by_month, ICAL_BY_MONTH_SIZE) <= 1
	&& by_count (r->by_day, ICAL_BY_DAY_SIZE) <= 1
	&& by_count (r->by_month_day, ICAL_BY_MONTHDAY_SIZE) <= 7;
}

static gboolean
vtimezone_is_bounded (icalcomponent *vtz)
{
    icalcomponent *sub;
    int observances = 0;
    int rrules = 0;

    if (! vtz)
	return FALSE;
    for (sub = icalcomponent_get_first_component (vtz, ICAL_ANY_COMPONENT);
	 sub; sub = icalcomponent_get_next_component (vtz,
						      ICAL_ANY_COMPONENT)) {
	icalproperty *p;

	if (++observances > MAX_OBSERVANCES)
	    return FALSE;
	for (p = icalcomponent_get_first_property (sub, ICAL_RRULE_PROPERTY);
	     p; p = icalcomponent_get_next_property (sub,
						     ICAL_RRULE_PROPERTY)) {
	    struct icalrecurrencetype r;

	    if (++rrules > MAX_TZ_RRULES)
		return FALSE;
	    r = icalproperty_get_rrule (p);
	    if (! rrule_is_bounded (&r))
		return FALSE;
	}
    }
    return TRUE;
}

/* Whether name looks like a zoneinfo file name: letters, digits and
 * "_+-/", not starting with "/" (so no "..", no absolute path: the
 * look-up never leaves the zone directory). */
static gboolean
is_olson_like (const char *name)
{
    const char *p;

    if (! *name || *name == '/' || strlen (name) > 64)
	return FALSE;
    for (p = name; *p; p++) {
	if (! g_ascii_isalnum (*p) && ! strchr ("_+-/", *p))
	    return FALSE;
	if (*p == '/' && p[1] == '/')
	    return FALSE;
    }
    return TRUE;
}

/* The system zone for tzid, trying "a/b/America/New_York", then
 * "b/America/New_York", "America/New_York"... */
static icaltimezone *
system_zone (const char *tzid)
{
    const char *name = tzid;
    int i;

    while (*name == '/')
	name++;
    for (i = 0; i <= MAX_TZID_PREFIXES && *name; i++) {
	const char *slash;

	if (is_olson_like (name)) {
	    icaltimezone *z = icaltimezone_get_builtin_timezone (name);

	    if (z)
		return z;
	}
	slash = strchr (name, '/');
	if (! slash)
	    break;
	name = slash + 1;
    }
    return NULL;
}

static icaltimezone *
zones_lookup (struct zones *zs, const char *tzid)
{
    gpointer found;
    icaltimezone *z = NULL;

    if (g_hash_table_lookup_extended (zs->cache, tzid, NULL, &found))
	return found;
    if (zs->container)
	z = icalcomponent_get_timezone (zs->container, tzid);
    if (z && ! vtimezone_is_bounded (icaltimezone_get_component (z)))
	z = NULL;
    if (! z)
	z = system_zone (tzid);
    g_hash_table_insert (zs->cache, g_strdup (tzid), z);
    return z;
}

/* Seconds since the epoch of tt taken as UTC, or 0 when it is no real
 * date. */
static gint64
utc_epoch (struct icaltimetype tt)
{
    GDateTime *dt;
    gint64 t;

    if (tt.is_date)
	tt.hour = tt.minute = tt.second = 0;
    if (tt.second > 59)
	tt.second = 59;
    dt = g_date_time_new_utc (tt.year, tt.month, tt.day, tt.hour, tt.minute,
			      tt.second);
    if (! dt)
	return 0;
    t = g_date_time_to_unix (dt);
    g_date_time_unref (dt);
    return t;
}

/* The time of a DTSTART/DTEND property in UTC seconds; *ok says whether
 * there was one.  *tzid (if not NULL) gets the TZID of a local time. */
static gint64
prop_time (icalproperty *p, struct zones *zs, gboolean *ok, char **tzid)
{
    icalvalue *v;
    icalparameter *param;
    struct icaltimetype tt;
    const char *zname = NULL;

    *ok = FALSE;
    if (! p)
	return 0;
    v = icalproperty_get_value (p);
    if (! v)
	return 0;
    switch (icalvalue_isa (v)) {
    case ICAL_DATETIME_VALUE:
	tt = icalvalue_get_datetime (v);
	break;
    case ICAL_DATE_VALUE:
	tt = icalvalue_get_date (v);
	break;
    default:
	return 0;
    }
    if (icaltime_is_null_time (tt))
	return 0;

    param = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
    if (param)
	zname = icalparameter_get_tzid (param);
    if (zname && *zname && ! icaltime_is_utc (tt)) {
	if (tzid)
	    *tzid = clean_string (zname);
	if (! tt.is_date) {
	    icaltimezone *z = zones_lookup (zs, zname);

	    /* Unknown zones stay as they are: taken as UTC. */
	    if (z)
		icaltimezone_convert_time (&tt, z,
					   icaltimezone_get_utc_timezone ());
	}
    }
    *ok = TRUE;
    return utc_epoch (tt);
}

/* DURATION in seconds (negative for "-P..."), computed here because
 * icaldurationtype_as_int overflows an int on large values. */
static gint64
duration_seconds (const struct icaldurationtype *d)
{
    gint64 s = (gint64) d->weeks * 7 * 86400 + (gint64) d->days * 86400
	+ (gint64) d->hours * 3600 + (gint64) d->minutes * 60 + d->seconds;

    return d->is_neg ? -s : s;
}

/* --- events ----------------------------------------------------------- */

static void
add_event (struct walk *w, icalcomponent *vevent, const char *method,
	   struct zones *zs)
{
    struct nmf_event *ev = nmf_event_new ();
    icalproperty *p;
    gboolean has_start;
    gboolean has_end;

    ev->method = g_strdup (method);
    ev->summary = prop_text (vevent, ICAL_SUMMARY_PROPERTY);
    ev->description = prop_text (vevent, ICAL_DESCRIPTION_PROPERTY);
    ev->location = prop_text (vevent, ICAL_LOCATION_PROPERTY);
    ev->url = prop_text (vevent, ICAL_URL_PROPERTY);
    ev->uid = prop_text (vevent, ICAL_UID_PROPERTY);
    ev->status = prop_keyword (vevent, ICAL_STATUS_PROPERTY);

    p = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
    ev->start = prop_time (p, zs, &has_start, &ev->tzid);
    p = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY);
    ev->end = prop_time (p, zs, &has_end, NULL);
    if (! has_end && has_start) {
	icalvalue *v;

	ev->end = ev->start;
	p = icalcomponent_get_first_property (vevent, ICAL_DURATION_PROPERTY);
	v = p ? icalproperty_get_value (p) : NULL;
	if (v && icalvalue_isa (v) == ICAL_DURATION_VALUE) {
	    struct icaldurationtype d = icalvalue_get_duration (v);

	    ev->end = ev->start + duration_seconds (&d);
	}
    }

    p = icalcomponent_get_first_property (vevent, ICAL_ORGANIZER_PROPERTY);
    if (p)
	ev->organizer = prop_address (p);

    for (p = icalcomponent_get_first_property (vevent, ICAL_ATTENDEE_PROPERTY);
	 p && ev->attendees->len < w->max_attendees;
	 p = icalcomponent_get_next_property (vevent, ICAL_ATTENDEE_PROPERTY)) {
	struct nmf_address *a = prop_address (p);

	if (a)
	    g_ptr_array_add (ev->attendees, a);
    }

    g_ptr_array_add (w->events, ev);
}

/* Every VEVENT directly inside container (a VCALENDAR, or the XROOT
 * libical makes when there are several top-level components), in
 * document order.  The method comes from a VCALENDAR; the VCALENDARs of
 * an XROOT are walked in turn. */
static void
walk_container (struct walk *w, icalcomponent *container)
{
    struct zones zs = { container, NULL };
    icalcomponent_kind ckind = icalcomponent_isa (container);
    char *method = NULL;
    icalcomponent *c;

    zs.cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    if (ckind == ICAL_VCALENDAR_COMPONENT)
	method = prop_keyword (container, ICAL_METHOD_PROPERTY);
    for (c = icalcomponent_get_first_component (container, ICAL_ANY_COMPONENT);
	 c; c = icalcomponent_get_next_component (container,
						  ICAL_ANY_COMPONENT)) {
	icalcomponent_kind kind = icalcomponent_isa (c);

	if (kind == ICAL_VEVENT_COMPONENT)
	    add_event (w, c, method, &zs);
	else if (kind == ICAL_VCALENDAR_COMPONENT
		 && ckind == ICAL_XROOT_COMPONENT)
	    walk_container (w, c);
    }
    g_free (method);
    g_hash_table_unref (zs.cache);
}

static void
walk_bare_event (struct walk *w, icalcomponent *vevent)
{
    struct zones zs = { NULL, NULL };

    zs.cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    add_event (w, vevent, NULL, &zs);
    g_hash_table_unref (zs.cache);
}

/* Whether a top-level component of this kind is iCalendar at all. */
static gboolean
is_calendar_kind (icalcomponent_kind kind)
{
    switch (kind) {
    case ICAL_VCALENDAR_COMPONENT:
    case ICAL_VEVENT_COMPONENT:
    case ICAL_VTODO_COMPONENT:
    case ICAL_VJOURNAL_COMPONENT:
    case ICAL_VFREEBUSY_COMPONENT:
    case ICAL_VTIMEZONE_COMPONENT:
	return TRUE;
    default:
	return FALSE;
    }
}

enum nmf_status
nmf_ical_parse (const char *text, gsize len, guint max_attendees,
		GPtrArray *events, char **why)
{
    struct walk w = { max_attendees, events };
    GString *buf = NULL;
    icalcomponent *root = NULL;
    icalcomponent *c;
    gboolean any = FALSE;
    enum nmf_status st = NMF_OK;

    if (! events) {
	set_why (why, "no array for the events");
	return NMF_ERR_USAGE;
    }
    if (! text || len == 0) {
	set_why (why, "empty calendar");
	return NMF_ERR_PARSE;
    }
    if (len > MAX_TEXT_BYTES) {
	set_why (why, "calendar too large (%" G_GSIZE_FORMAT " bytes)", len);
	return NMF_ERR_PARSE;
    }

    ensure_libical_quiet ();
    st = prepare_text (text, len, &buf, why);
    if (st)
	goto out;

    icalerror_clear_errno ();
    root = icalparser_parse_string (buf->str);
    if (! root) {
	set_why (why, "not iCalendar: %s",
		 icalerrno != ICAL_NO_ERROR ? icalerror_perror ()
		 : "no complete component");
	st = NMF_ERR_PARSE;
	goto out;
    }

    switch (icalcomponent_isa (root)) {
    case ICAL_VCALENDAR_COMPONENT:
	walk_container (&w, root);
	break;
    case ICAL_VEVENT_COMPONENT:
	walk_bare_event (&w, root);
	break;
    case ICAL_XROOT_COMPONENT:
	/* Several top-level components: VCALENDARs and bare VEVENTs. */
	for (c = icalcomponent_get_first_component (root, ICAL_ANY_COMPONENT);
	     c; c = icalcomponent_get_next_component (root,
						      ICAL_ANY_COMPONENT))
	    any = any || is_calendar_kind (icalcomponent_isa (c));
	if (! any) {
	    set_why (why, "not iCalendar: no calendar component");
	    st = NMF_ERR_PARSE;
	    goto out;
	}
	walk_container (&w, root);
	break;
    default:
	/* A lone VTODO and the like: iCalendar, but no event. */
	if (! is_calendar_kind (icalcomponent_isa (root))) {
	    set_why (why, "not iCalendar: no calendar component");
	    st = NMF_ERR_PARSE;
	}
	break;
    }

  out:
    if (root)
	icalcomponent_free (root);
    if (buf)
	g_string_free (buf, TRUE);
    icalerror_clear_errno ();
    return st;
}
