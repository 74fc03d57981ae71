/* dates.c — English date/time expressions (see nmf/dates.h).
 *
 * The text is cut into tokens (words, numbers, clock times, numeric
 * dates, punctuation); small recursive-descent parsers recognise a date
 * phrase and a time phrase next to each other, in either order.  Pure:
 * the reference time and zone come in as arguments; zone names resolve
 * through GLib's GTimeZone.
 */
#include <stdlib.h>
#include <string.h>

#include "nmf/bizday.h"
#include "nmf/dates.h"
#include "nmf/text.h"

#include "nanp-zones.h"

enum tok_type {
    T_WORD,
    T_NUM,
    T_TIME,   /* h:mm or h.mm */
    T_DATE,   /* 2026-11-17 or 11/17[/2026] */
    T_PUNCT,
};

struct tok {
    enum tok_type type;
    gsize start;
    gsize end;
    char word[24];  /* lowercased word, or the punctuation character */
    int num;        /* T_NUM value; T_TIME hour */
    int minute;     /* T_TIME */
    int y, m, d;    /* T_DATE (y 0 when not given) */
    gboolean ordinal; /* T_NUM with st/nd/rd/th */
};

/* At most this many tokens are looked at: mail bodies are capped, and a
 * huge text must not cost more than linear work. */
#define MAX_TOKENS 20000

static GArray *
tokenize (const char *text)
{
    GArray *toks = g_array_new (FALSE, TRUE, sizeof (struct tok));
    const char *p = text;

    while (*p && toks->len < MAX_TOKENS) {
	struct tok t = { 0 };
	unsigned char c = (unsigned char) *p;

	if (g_ascii_isalpha (c)) {
	    const char *s = p;
	    gsize n;

	    while (g_ascii_isalpha (*p))
		p++;
	    /* "o'clock", "we'll": keep the apostrophe inside words. */
	    n = (gsize) (p - s);
	    t.type = T_WORD;
	    t.start = (gsize) (s - text);
	    t.end = (gsize) (p - text);
	    if (n >= sizeof t.word)
		n = sizeof t.word - 1;
	    for (gsize i = 0; i < n; i++)
		t.word[i] = g_ascii_tolower (s[i]);
	    g_array_append_val (toks, t);
	    continue;
	}
	if (g_ascii_isdigit (c)) {
	    const char *s = p;
	    long a = 0;
	    int digits = 0;

	    while (g_ascii_isdigit (*p) && digits < 9) {
		a = a * 10 + (*p - '0');
		p++;
		digits++;
	    }
	    while (g_ascii_isdigit (*p))
		p++;
	    t.start = (gsize) (s - text);
	    /* ISO date 2026-11-17. */
	    if (digits == 4 && p[0] == '-' && g_ascii_isdigit (p[1])
		&& g_ascii_isdigit (p[2]) && p[3] == '-'
		&& g_ascii_isdigit (p[4]) && g_ascii_isdigit (p[5])) {
		t.type = T_DATE;
		t.y = (int) a;
		t.m = (p[1] - '0') * 10 + (p[2] - '0');
		t.d = (p[4] - '0') * 10 + (p[5] - '0');
		p += 6;
	    } else if (digits <= 2 && (p[0] == ':' || p[0] == '.')
		       && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
		       && ! g_ascii_isdigit (p[3])
		       && ! (p[0] == '.' && p[3] == '.') && a <= 24) {
		t.type = T_TIME;
		t.num = (int) a;
		t.minute = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
	    } else if (digits <= 2 && p[0] == '/' && g_ascii_isdigit (p[1])) {
		/* 11/17 or 11/17/2026 (US order; day first when the first
		 * number cannot be a month). */
		long b = 0, y = 0;

		p++;
		while (g_ascii_isdigit (*p) && b < 100)
		    b = b * 10 + (*p++ - '0');
		if (*p == '/' && g_ascii_isdigit (p[1])) {
		    p++;
		    while (g_ascii_isdigit (*p) && y < 10000)
			y = y * 10 + (*p++ - '0');
		    if (y < 100)
			y += 2000;
		}
		t.type = T_DATE;
		t.y = (int) y;
		if (a > 12) {
		    t.d = (int) a;
		    t.m = (int) b;
		} else {
		    t.m = (int) a;
		    t.d = (int) b;
		}
	    } else {
		t.type = T_NUM;
		t.num = digits > 6 ? -1 : (int) a;
		if ((g_ascii_strncasecmp (p, "st", 2) == 0
		     || g_ascii_strncasecmp (p, "nd", 2) == 0
		     || g_ascii_strncasecmp (p, "rd", 2) == 0
		     || g_ascii_strncasecmp (p, "th", 2) == 0)
		    && ! g_ascii_isalpha (p[2])) {
		    t.ordinal = TRUE;
		    p += 2;
		}
	    }
	    t.end = (gsize) (p - text);
	    g_array_append_val (toks, t);
	    continue;
	}
	if (g_ascii_isspace (c)) {
	    p++;
	    continue;
	}
	t.type = T_PUNCT;
	t.start = (gsize) (p - text);
	if (c == 0xe2 && (unsigned char) p[1] == 0x80
	    && ((unsigned char) p[2] == 0x93 || (unsigned char) p[2] == 0x94)) {
	    /* En and em dashes are ranges like '-'. */
	    t.word[0] = '-';
	    p += 3;
	} else if (c >= 0x80) {
	    /* Other non-ASCII: a separator. */
	    t.word[0] = ' ';
	    /* Over the continuation bytes only: on invalid UTF-8 the lead
	     * byte's length (g_utf8_next_char) can step over the end. */
	    p++;
	    while (((unsigned char) *p & 0xc0) == 0x80)
		p++;
	} else {
	    t.word[0] = (char) c;
	    p++;
	}
	t.end = (gsize) (p - text);
	g_array_append_val (toks, t);
    }
    return toks;
}

#define TOK(i) (&g_array_index (toks, struct tok, (i)))

static gboolean
is_word (GArray *toks, guint i, const char *w)
{
    return i < toks->len && TOK (i)->type == T_WORD
	&& strcmp (TOK (i)->word, w) == 0;
}

static gboolean
is_punct (GArray *toks, guint i, char c)
{
    return i < toks->len && TOK (i)->type == T_PUNCT && TOK (i)->word[0] == c;
}

static int
weekday_of (GArray *toks, guint i)
{
    static const char *const names[][4] = {
	{ "monday", "mon", NULL, NULL },
	{ "tuesday", "tue", "tues", NULL },
	{ "wednesday", "wed", "weds", NULL },
	{ "thursday", "thu", "thur", "thurs" },
	{ "friday", "fri", NULL, NULL },
	{ "saturday", "sat", NULL, NULL },
	{ "sunday", "sun", NULL, NULL },
    };
    int d, k;

    if (i >= toks->len || TOK (i)->type != T_WORD)
	return 0;
    for (d = 0; d < 7; d++) {
	for (k = 0; k < 4 && names[d][k]; k++) {
	    if (strcmp (TOK (i)->word, names[d][k]) == 0)
		return d + 1;
	}
    }
    return 0;
}

static int
month_of (GArray *toks, guint i)
{
    static const char *const names[][3] = {
	{ "january", "jan", NULL },   { "february", "feb", NULL },
	{ "march", "mar", NULL },     { "april", "apr", NULL },
	{ "may", NULL, NULL },        { "june", "jun", NULL },
	{ "july", "jul", NULL },      { "august", "aug", NULL },
	{ "september", "sep", "sept" }, { "october", "oct", NULL },
	{ "november", "nov", NULL },  { "december", "dec", NULL },
    };
    int m, k;

    if (i >= toks->len || TOK (i)->type != T_WORD)
	return 0;
    for (m = 0; m < 12; m++) {
	for (k = 0; k < 3 && names[m][k]; k++) {
	    if (strcmp (TOK (i)->word, names[m][k]) == 0)
		return m + 1;
	}
    }
    return 0;
}

static gboolean
day_num (GArray *toks, guint i, int *d)
{
    if (i >= toks->len || TOK (i)->type != T_NUM)
	return FALSE;
    if (TOK (i)->num < 1 || TOK (i)->num > 31)
	return FALSE;
    *d = TOK (i)->num;
    return TRUE;
}

static gboolean
year_num (GArray *toks, guint i, int *y)
{
    if (i >= toks->len || TOK (i)->type != T_NUM || TOK (i)->ordinal)
	return FALSE;
    if (TOK (i)->num < 2000 || TOK (i)->num > 2100)
	return FALSE;
    *y = TOK (i)->num;
    return TRUE;
}

/* The reference: the message's local calendar date and its zone. */
struct ref {
    gint64 t;
    int offset;        /* minutes east */
    GTimeZone *tz;     /* fixed offset zone of the sender */
    const char *zone;  /* IANA zone of the sender, known from the text; or
			* NULL: then tz */
    GDate date;        /* local date of t */
};

/* A parsed date: an absolute calendar date. */
struct pdate {
    GDate date;
    gboolean explicit_date;
};

static void
date_from_ymd (GDate *d, int y, int m, int day)
{
    g_date_clear (d, 1);
    if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) y))
	g_date_set_dmy (d, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
}

/* Month and day without a year: the year that puts it closest ahead of
 * the reference (a December mail may speak of January). */
static void
date_infer_year (const struct ref *r, GDate *d, int m, int day)
{
    int y = g_date_get_year (&r->date);

    date_from_ymd (d, y, m, day);
    if (g_date_valid (d) && g_date_days_between (&r->date, d) < -60)
	date_from_ymd (d, y + 1, m, day);
}

/* Day of month day without a month: in the reference's month unless
 * that is over (or has no such day), then in the next. */
static void
date_day_of_month (const struct ref *r, GDate *d, int day)
{
    int y = g_date_get_year (&r->date);
    int m = g_date_get_month (&r->date);

    date_from_ymd (d, y, m, day);
    if (! g_date_valid (d) || g_date_days_between (&r->date, d) < -2) {
	if (++m > 12) {
	    m = 1;
	    y++;
	}
	date_from_ymd (d, y, m, day);
    }
}

/* The next date with weekday wd after the reference date; "next" on a
 * day of the same week moves a week on. */
static void
date_weekday (const struct ref *r, GDate *d, int wd, gboolean next)
{
    int today = g_date_get_weekday (&r->date);
    int ahead = (wd - today + 7) % 7;

    if (ahead == 0)
	ahead = 7;
    else if (next && wd > today)
	ahead += 7;
    *d = r->date;
    g_date_add_days (d, (guint) ahead);
}

/* date phrase at i; returns tokens consumed (0: none). */
static guint
parse_date (GArray *toks, guint i, const struct ref *r, struct pdate *out)
{
    guint j = i;
    int wd = 0, m = 0, day = 0, y = 0;
    gboolean next = FALSE;

    memset (out, 0, sizeof (*out));
    if (is_word (toks, j, "today") || is_word (toks, j, "tonight")) {
	out->date = r->date;
	return 1;
    }
    if (is_word (toks, j, "tomorrow")) {
	out->date = r->date;
	g_date_add_days (&out->date, 1);
	return 1;
    }
    if ((is_word (toks, j, "next") || is_word (toks, j, "this")
	 || is_word (toks, j, "coming"))
	&& weekday_of (toks, j + 1)) {
	next = is_word (toks, j, "next");
	j++;
    }
    wd = weekday_of (toks, j);
    if (wd) {
	j++;
	if (is_punct (toks, j, '.'))
	    j++;
	if (is_punct (toks, j, ','))
	    j++;
    }
    if (is_word (toks, j, "the") && day_num (toks, j + 1, &day)
	&& TOK (j + 1)->ordinal)
	j++;
    if ((m = month_of (toks, j))) {
	guint k = j + 1;

	if (is_punct (toks, k, '.'))
	    k++;
	if (day_num (toks, k, &day)) {
	    j = k + 1;
	    if (is_punct (toks, j, ',') && year_num (toks, j + 1, &y))
		j += 2;
	    else if (year_num (toks, j, &y))
		j++;
	    goto absolute;
	}
	m = 0;
    }
    if (day_num (toks, j, &day)) {
	guint k = j + 1;

	if (is_word (toks, k, "of") || is_punct (toks, k, '-'))
	    k++;
	if ((m = month_of (toks, k))) {
	    j = k + 1;
	    if (is_punct (toks, j, '.'))
		j++;
	    /* 18-Nov-2026 */
	    if (is_punct (toks, j, '-') && year_num (toks, j + 1, &y)) {
		j += 2;
		goto absolute;
	    }
	    if (is_punct (toks, j, ',') && year_num (toks, j + 1, &y))
		j += 2;
	    else if (year_num (toks, j, &y))
		j++;
	    goto absolute;
	}
    }
    /* "the 30th", "Wednesday, the 25th": the day of this month or the
     * next one. */
    if ((wd || (j > i && is_word (toks, j - 1, "the")))
	&& day_num (toks, j, &day) && TOK (j)->ordinal) {
	date_day_of_month (r, &out->date, day);
	if (! g_date_valid (&out->date))
	    return 0;
	out->explicit_date = TRUE;
	return j + 1 - i;
    }
    if (j < toks->len && TOK (j)->type == T_DATE) {
	y = TOK (j)->y;
	m = TOK (j)->m;
	day = TOK (j)->d;
	j++;
	goto absolute;
    }
    if (wd) {
	date_weekday (r, &out->date, wd, next);
	/* "Monday" alone is a date only as a whole word phrase; the
	 * caller needs a time next to it. */
	return (guint) (wd ? (j - i) : 0);
    }
    return 0;

absolute:
    if (y)
	date_from_ymd (&out->date, y, m, day);
    else
	date_infer_year (r, &out->date, m, day);
    if (! g_date_valid (&out->date))
	return 0;
    out->explicit_date = TRUE;
    return j - i;
}

/* Zones by the words people write. */
static const struct {
    const char *word;
    const char *iana;
} zones[] = {
    { "pt", "America/Los_Angeles" },   { "pst", "America/Los_Angeles" },
    { "pdt", "America/Los_Angeles" },  { "pacific", "America/Los_Angeles" },
    { "et", "America/New_York" },      { "est", "America/New_York" },
    { "edt", "America/New_York" },     { "eastern", "America/New_York" },
    { "ct", "America/Chicago" },       { "cst", "America/Chicago" },
    { "cdt", "America/Chicago" },      { "central", "America/Chicago" },
    { "mt", "America/Denver" },        { "mst", "America/Denver" },
    { "mdt", "America/Denver" },       { "mountain", "America/Denver" },
    { "gmt", "UTC" },                  { "utc", "UTC" },
    { "bst", "Europe/London" },        { "uk", "Europe/London" },
    { "london", "Europe/London" },     { "cet", "Europe/Berlin" },
    { "cest", "Europe/Berlin" },       { "berlin", "Europe/Berlin" },
    { "paris", "Europe/Paris" },       { "amsterdam", "Europe/Amsterdam" },
    { "madrid", "Europe/Madrid" },     { "eet", "Europe/Helsinki" },
    { "eest", "Europe/Helsinki" },     { "ist", "Asia/Kolkata" },
    /* AEST is +10 all year (Brisbane keeps it; Sydney in winter). */
    { "aest", "Australia/Brisbane" },  { "aedt", "Australia/Sydney" },
    { "sydney", "Australia/Sydney" },  { "jst", "Asia/Tokyo" },
    { "sgt", "Asia/Singapore" },       { "nzst", "Pacific/Auckland" },
    { "nzdt", "Pacific/Auckland" },    { "hkt", "Asia/Hong_Kong" },
    { "wet", "Europe/Lisbon" },        { "west", "Europe/Lisbon" },
};

const char *
nmf_dates_zone_name (const char *word)
{
    size_t i;

    for (i = 0; word && i < G_N_ELEMENTS (zones); i++) {
	if (g_ascii_strcasecmp (word, zones[i].word) == 0)
	    return zones[i].iana;
    }
    return NULL;
}

/* Cities whose name with "time" names a zone: "1:00 PM Houston time". */
static const struct {
    const char *first, *second; /* second word or NULL */
    const char *iana;
} cities[] = {
    { "houston", NULL, "America/Chicago" },
    { "dallas", NULL, "America/Chicago" },
    { "austin", NULL, "America/Chicago" },
    { "chicago", NULL, "America/Chicago" },
    { "denver", NULL, "America/Denver" },
    { "phoenix", NULL, "America/Phoenix" },
    { "seattle", NULL, "America/Los_Angeles" },
    { "san", "francisco", "America/Los_Angeles" },
    { "los", "angeles", "America/Los_Angeles" },
    { "boston", NULL, "America/New_York" },
    { "atlanta", NULL, "America/New_York" },
    { "toronto", NULL, "America/Toronto" },
    { "vancouver", NULL, "America/Vancouver" },
    { "dublin", NULL, "Europe/Dublin" },
    { "munich", NULL, "Europe/Berlin" },
    { "zurich", NULL, "Europe/Zurich" },
    { "singapore", NULL, "Asia/Singapore" },
    { "tokyo", NULL, "Asia/Tokyo" },
};

/* A city at i: tokens consumed, *iana set. */
static guint
city_zone (GArray *toks, guint i, const char **iana)
{
    size_t c;

    for (c = 0; c < G_N_ELEMENTS (cities); c++) {
	if (! is_word (toks, i, cities[c].first))
	    continue;
	if (cities[c].second && ! is_word (toks, i + 1, cities[c].second))
	    continue;
	*iana = cities[c].iana;
	return cities[c].second ? 2 : 1;
    }
    return 0;
}

/* A parsed time of day with optional end and zone. */
struct ptime {
    int h, min;
    gboolean has_end;
    int eh, emin;
    const char *zone;      /* IANA, or NULL */
    int zone_offset;       /* minutes, when fixed_offset */
    gboolean fixed_offset;
};

/* am/pm at i: returns tokens consumed, *pm set. */
static guint
parse_ampm (GArray *toks, guint i, int *pm)
{
    if (is_word (toks, i, "am") || is_word (toks, i, "pm")) {
	*pm = TOK (i)->word[0] == 'p';
	return 1 + (is_punct (toks, i + 1, '.') ? 1 : 0);
    }
    /* "a.m." / "p.m." */
    if ((is_word (toks, i, "a") || is_word (toks, i, "p"))
	&& is_punct (toks, i + 1, '.') && is_word (toks, i + 2, "m")) {
	*pm = TOK (i)->word[0] == 'p';
	return 3 + (is_punct (toks, i + 3, '.') ? 1 : 0);
    }
    return 0;
}

/* One clock time at i (no range).  *ampm: -1 none, 0 am, 1 pm. */
static guint
parse_clock (GArray *toks, guint i, int *h, int *min, int *ampm,
	     gboolean loose)
{
    guint j = i;
    int pm = 0;
    guint n;

    *ampm = -1;
    if (is_word (toks, j, "noon") || is_word (toks, j, "midday")) {
	*h = 12;
	*min = 0;
	*ampm = 1;
	return 1;
    }
    if (j >= toks->len)
	return 0;
    if (TOK (j)->type == T_TIME) {
	*h = TOK (j)->num;
	*min = TOK (j)->minute;
	j++;
    } else if (TOK (j)->type == T_NUM && ! TOK (j)->ordinal
	       && TOK (j)->num >= 0 && TOK (j)->num <= 12) {
	*h = TOK (j)->num;
	*min = 0;
	j++;
	n = parse_ampm (toks, j, &pm);
	if (! n && ! loose)
	    return 0;
    } else {
	return 0;
    }
    if (*min > 59 || *h > 24)
	return 0;
    n = parse_ampm (toks, j, &pm);
    if (n) {
	if (*h > 12 || *h == 0)
	    return 0;
	*ampm = pm;
	j += n;
    }
    return j - i;
}

static int
to_24h (int h, int ampm)
{
    if (ampm == 1 && h < 12)
	return h + 12;
    if (ampm == 0 && h == 12)
	return 0;
    return h;
}

/* A zone after a time: "PT", "(CET)", "Pacific Time", "GMT+1",
 * "UTC-05:00", "London time". */
static guint
parse_zone (GArray *toks, guint i, struct ptime *t)
{
    guint j = i;
    gboolean paren = FALSE;
    const char *iana;

    if (is_punct (toks, j, '(')) {
	paren = TRUE;
	j++;
    }
    if (j >= toks->len || TOK (j)->type != T_WORD)
	return 0;
    if (is_word (toks, j, "new") && is_word (toks, j + 1, "york")) {
	iana = "America/New_York";
	j += 2;
    } else if ((iana = nmf_dates_zone_name (TOK (j)->word))) {
	j++;
    } else {
	guint n = city_zone (toks, j, &iana);

	/* A city is a zone only as "Houston time". */
	if (! n || ! is_word (toks, j + n, "time"))
	    return 0;
	j += n;
    }
    t->zone = iana;
    t->fixed_offset = FALSE;
    /* "GMT+1", "UTC-05:00", "GMT +5:30" */
    if ((strcmp (iana, "UTC") == 0)
	&& (is_punct (toks, j, '+') || is_punct (toks, j, '-'))
	&& j + 1 < toks->len
	&& (TOK (j + 1)->type == T_NUM || TOK (j + 1)->type == T_TIME)) {
	int sign = is_punct (toks, j, '-') ? -1 : 1;
	int h = TOK (j + 1)->num, m = 0;

	if (TOK (j + 1)->type == T_TIME)
	    m = TOK (j + 1)->minute;
	else if (h >= 100) {
	    m = h % 100;
	    h /= 100;
	}
	if (h <= 14 && m < 60) {
	    t->fixed_offset = TRUE;
	    t->zone = NULL;
	    t->zone_offset = sign * (h * 60 + m);
	    j += 2;
	}
    }
    /* "Pacific Time", "Eastern Standard Time", "London time" */
    if (is_word (toks, j, "standard") || is_word (toks, j, "daylight"))
	j++;
    if (is_word (toks, j, "time"))
	j++;
    if (paren) {
	if (! is_punct (toks, j, ')'))
	    return 0;
	j++;
    }
    return j - i;
}

/* time phrase at i: "[at] 2:30 PM [- 3:30 PM] [PT]". */
static guint
parse_time (GArray *toks, guint i, struct ptime *out)
{
    guint j = i, n;
    int h, min, ampm, eh, emin, eampm;
    gboolean loose = FALSE;
    gboolean bare;

    memset (out, 0, sizeof (*out));
    if (is_word (toks, j, "at") || is_punct (toks, j, '@')
	|| is_word (toks, j, "from") || is_word (toks, j, "between")) {
	loose = is_word (toks, j, "at");
	j++;
    }
    n = parse_clock (toks, j, &h, &min, &ampm, TRUE);
    if (! n)
	return 0;
    bare = ampm < 0 && TOK (j)->type == T_NUM;
    j += n;
    /* Range: "-", "to", "until", "and" (after "between"). */
    if (is_punct (toks, j, '-') || is_word (toks, j, "to")
	|| is_word (toks, j, "until") || is_word (toks, j, "till")
	|| is_word (toks, j, "and")) {
	guint k = j + 1;

	n = parse_clock (toks, k, &eh, &emin, &eampm, TRUE);
	if (n && (eampm >= 0 || TOK (k)->type == T_TIME || ! bare)) {
	    if (ampm < 0 && eampm >= 0) {
		/* "2-3pm": the start shares the end's half of the day,
		 * unless that puts it after the end ("11-12pm"). */
		ampm = eampm;
		if (to_24h (h, ampm) > to_24h (eh, eampm))
		    ampm = 0;
	    }
	    if (eampm < 0 && ampm >= 0 && TOK (k)->type == T_NUM)
		eampm = ampm;
	    out->has_end = TRUE;
	    out->eh = to_24h (eh, eampm);
	    out->emin = emin;
	    j = k + n;
	    bare = bare && ampm < 0;
	}
    }
    /* A bare number is a time only after "at", and only at a plausible
     * office hour ("at 10"). */
    if (bare && ampm < 0) {
	if (! loose)
	    return 0;
	if (h >= 8 && h <= 11)
	    ampm = 0;
	else if (h >= 1 && h <= 6)
	    ampm = 1;
	else if (h != 12)
	    return 0;
    }
    /* "at 2:30" without am or pm is in office hours, so after noon (one
     * who writes the 24-hour clock says 14:30). */
    if (ampm < 0 && h >= 1 && h <= 6)
	ampm = 1;
    if (out->has_end && eampm < 0 && out->eh >= 1 && out->eh <= 6)
	out->eh += 12;
    out->h = to_24h (h, ampm);
    out->min = min;
    if (out->h > 23)
	return 0;
    j += parse_zone (toks, j, out);
    return j - i;
}

static GDateTime *
make_local (const struct ref *r, const GDate *d, int h, int min,
	    const struct ptime *t)
{
    g_autoptr (GTimeZone) tz = NULL;

    if (t->zone)
	tz = g_time_zone_new_identifier (t->zone);
    else if (t->fixed_offset)
	tz = g_time_zone_new_offset (t->zone_offset * 60);
    else if (r->zone)
	tz = g_time_zone_new_identifier (r->zone);
    if (! tz)
	tz = g_time_zone_ref (r->tz);
    return g_date_time_new (tz, g_date_get_year (d), g_date_get_month (d),
			    g_date_get_day (d), h, min, 0);
}

/* Words between a date and its time: "Tuesday, Nov 24 at 2pm",
 * "Date: 12/09/2026  Time: 3:00 PM", "18-Nov-2026 | 11:00". */
static gboolean
filler (GArray *toks, guint i)
{
    return is_punct (toks, i, ',') || is_word (toks, i, "on")
	|| is_word (toks, i, "at") || is_punct (toks, i, '@')
	|| is_punct (toks, i, '-') || is_word (toks, i, "from")
	|| is_punct (toks, i, ':') || is_punct (toks, i, '|')
	|| is_word (toks, i, "time") || is_word (toks, i, "start")
	|| is_word (toks, i, "starts") || is_word (toks, i, "starting")
	|| is_word (toks, i, "begins") || is_word (toks, i, "local")
	|| is_word (toks, i, "morning") || is_word (toks, i, "afternoon")
	|| is_word (toks, i, "evening");
}

/* Is the h:mm clock time at i offered, in the words of a question
 * or a proposal: "would 3:30 PM", "how about 10:30", "say 2:00", "around
 * 11:00", "does 9:30 work"?  Not "we talked about 3:30 PM". */
static gboolean
offer_of_time (GArray *toks, guint i)
{
    static const char *const cues[] = { "would", "say", "around", "does",
					NULL };
    int k;

    if (i == 0 || TOK (i)->type != T_TIME)
	return FALSE;
    for (k = 0; cues[k]; k++) {
	if (is_word (toks, i - 1, cues[k]))
	    return TRUE;
    }
    return i >= 2 && is_word (toks, i - 1, "about")
	   && (is_word (toks, i - 2, "how") || is_word (toks, i - 2, "what"));
}

static void
ref_init (struct ref *r, gint64 t, int offset)
{
    g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (t);
    g_autoptr (GDateTime) local = NULL;

    r->t = t;
    r->offset = offset;
    r->zone = NULL;
    r->tz = g_time_zone_new_offset (offset * 60);
    if (! r->tz)
	r->tz = g_time_zone_new_utc ();
    g_date_clear (&r->date, 1);
    if (! u)
	u = g_date_time_new_from_unix_utc (0);
    local = g_date_time_to_timezone (u, r->tz);
    g_date_set_dmy (&r->date, (GDateDay) g_date_time_get_day_of_month (local),
		    (GDateMonth) g_date_time_get_month (local),
		    (GDateYear) g_date_time_get_year (local));
}

static void
ref_release (struct ref *r)
{
    g_time_zone_unref (r->tz);
}

void
nmf_when_release (struct nmf_when *w)
{
    g_free (w->zone);
    memset (w, 0, sizeof (*w));
}

static void
when_free_cb (gpointer p)
{
    struct nmf_when *w = p;

    nmf_when_release (w);
    g_free (w);
}

static struct nmf_when *
add_when (GPtrArray *out, const struct ref *r, const struct pdate *d,
	  const struct ptime *t, gsize start, gsize end)
{
    g_autoptr (GDateTime) s = make_local (r, &d->date, t->h, t->min, t);
    struct nmf_when *w;

    if (! s)
	return NULL;
    w = g_new0 (struct nmf_when, 1);
    w->start = g_date_time_to_unix (s);
    if (t->has_end) {
	g_autoptr (GDateTime) e = make_local (r, &d->date, t->eh, t->emin, t);

	if (e && g_date_time_to_unix (e) > w->start)
	    w->end = g_date_time_to_unix (e);
    }
    if (t->zone)
	w->zone = g_strdup (t->zone);
    else if (! t->fixed_offset && r->zone)
	w->zone = g_strdup (r->zone);
    w->offset = start;
    w->length = end - start;
    w->explicit_date = d->explicit_date;
    g_ptr_array_add (out, w);
    return w;
}

/* Is offset the first thing on its line (after blanks and bullets)? */
static gboolean
line_start (const char *text, gsize offset)
{
    while (offset > 0 && strchr (" \t*-•>", text[offset - 1]))
	offset--;
    return offset == 0 || text[offset - 1] == '\n';
}

/* Does the line of token i go on with a word after it ("9:00 AM  Vince
 * Kaminski", "10:30 AM Lunch")? */
static gboolean
word_follows (const char *text, GArray *toks, guint i)
{
    if (i >= toks->len || TOK (i)->type != T_WORD || i == 0)
	return FALSE;
    return memchr (text + TOK (i - 1)->end, '\n',
		   TOK (i)->start - TOK (i - 1)->end) == NULL;
}

/* Does the next line after token i start with a clock time? */
static gboolean
next_line_time (const char *text, GArray *toks, guint i)
{
    guint q;
    struct ptime t;

    for (q = i; q < toks->len && q < i + 16; q++) {
	if (line_start (text, TOK (q)->start))
	    return TOK (q)->type == T_TIME && parse_time (toks, q, &t) > 0;
    }
    return FALSE;
}

/* Does a line end right after offset (blanks aside)? */
static gboolean
line_end (const char *text, gsize offset)
{
    while (text[offset] == ' ' || text[offset] == '\t' || text[offset] == '\r')
	offset++;
    return text[offset] == '\n' || text[offset] == '\0';
}

/* Does the line after offset end with an hour of the clock: "Zimin Lu
 * 10:00 - 10:30"? */
static gboolean
next_line_ends_in_time (const char *text, gsize offset)
{
    /* Compiled once (nmf_regex_match_jit keeps it). */
    return nmf_regex_match_jit (
	"^[^\\n]*\\n[ \\t]*[A-Za-z][^\\n]*?\\b\\d{1,2}(?::\\d{2})?[ \\t]*"
	"(?:[AaPp]\\.?[Mm]\\.?)?[ \\t]*(?:\\n|$)", text + offset, NULL);
}

/* Is there an empty line in text between from and to? */
static gboolean
blank_line_between (const char *text, gsize from, gsize to)
{
    gsize p, q;

    for (p = from; p < to; p++) {
	if (text[p] != '\n')
	    continue;
	for (q = p + 1; q < to && strchr (" \t>", text[q]); q++)
	    ;
	if (q < to && text[q] == '\n')
	    return TRUE;
    }
    return FALSE;
}

/* A time of a one-day schedule listed under its day, one line each:
 * the entry ends where the next one starts; the last lasts as long as
 * the one before it. */
static void
list_entry (struct nmf_when **prev, gboolean *prev_open, struct nmf_when *w,
	    gboolean open)
{
    if (! w)
	return;
    if (*prev && w->start > (*prev)->start) {
	if (*prev_open)
	    (*prev)->end = w->start;
	if (open)
	    w->end = w->start + (w->start - (*prev)->start);
    }
    *prev = w;
    *prev_open = open;
}

/* Whether the words before offset make the time a deadline, not an
 * appointment: "complete it by 4:59 PM on March 7", "reply before
 * Friday", "no later than noon", "due on the 9th", "deadline: May 1"
 * (not "stop by Tuesday at 2", a visit). */
static gboolean
deadline_before (const char *text, gsize offset)
{
    static const char cue[]
	= "(?i)\\b(?:by|before|until|till|no later than|due|deadline|"
	  "expires?|closes?)\\b(?:\\s+(?:on|at|is|the|end of(?: the)? day|"
	  "eod|cob|close of business))*[\\s:,]*"
	  /* the same time in another zone before this one: "by 4:59 PM
	   * ET/" */
	  "(?:\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*"
	  "(?:[a-z]{1,4}\\s*)?[/(]\\s*)?$";
    static const char visit[]
	= "(?i)\\b(?:come|coming|stop|stopping|drop|dropping|swing|pop|"
	  "pass)\\s+by(?:\\s+(?:on|at|the))*[\\s:,]*$";
    gsize from = offset > 60 ? offset - 60 : 0;
    g_autofree char *window = NULL;

    while (from > 0 && from < offset
	   && ((unsigned char) text[from] & 0xc0) == 0x80)
	from++;
    window = g_strndup (text + from, offset - from);
    return nmf_regex_match_jit (cue, window, NULL)
	   && ! nmf_regex_match_jit (visit, window, NULL);
}

static GPtrArray *
scan_in (const char *text, gint64 ref, int ref_offset, const char *zone)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (when_free_cb);
    g_autoptr (GArray) toks = NULL;
    struct ref r;
    struct pdate last;
    gboolean have_last = FALSE;
    struct nmf_when *list_prev = NULL;
    gboolean list_open = FALSE;
    struct pdate pending;       /* a day named without a time */
    guint pending_end = 0;      /* the token after it */
    gboolean have_pending = FALSE;
    guint i;

    memset (&last, 0, sizeof (last));
    memset (&pending, 0, sizeof (pending));

    if (! text || ! *text)
	return out;
    ref_init (&r, ref, ref_offset);
    r.zone = zone;
    toks = tokenize (text);
    for (i = 0; i < toks->len;) {
	struct pdate d;
	struct ptime t;
	struct nmf_when *w;
	guint n, k, m;

	/* Date, then time: "Tuesday, Nov 24 at 2:30 PM PT". */
	n = parse_date (toks, i, &r, &d);
	if (n) {
	    last = d;
	    have_last = TRUE;
	    list_prev = NULL;
	    pending = d;
	    pending_end = i + n;
	    have_pending = TRUE;
	    k = i + n;
	    while (k < i + n + 5 && filler (toks, k) && ! is_word (toks, k, "at")
		   && ! is_word (toks, k, "from"))
		k++;
	    m = parse_time (toks, k, &t);
	    if (m) {
		/* A day on its own line with a schedule under it
		 * ("Friday, April 28th:" then "1:00 PM  Name" lines) is a
		 * heading; otherwise the day came with its time and no
		 * itinerary hangs on it (its lines may be in another
		 * zone, "Time (CST)"). */
		gboolean heading = line_start (text, TOK (k)->start)
		    && TOK (k)->type == T_TIME
		    && memchr (text + TOK (i + n - 1)->end, '\n',
			       TOK (k)->start - TOK (i + n - 1)->end) != NULL;

		have_last = heading;
		have_pending = FALSE;
		w = add_when (out, &r, &d, &t, TOK (i)->start,
			      TOK (k + m - 1)->end);
		if (heading)
		    list_entry (&list_prev, &list_open, w, ! t.has_end);
		i = k + m;
		continue;
	    }
	}
	/* Time, then date: "10am PT on Thursday", "2-3pm tomorrow". */
	m = parse_time (toks, i, &t);
	if (m && (TOK (i)->type != T_WORD || is_word (toks, i, "at")
		  || is_word (toks, i, "from") || is_word (toks, i, "noon"))) {
	    k = i + m;
	    while (k < i + m + 2 && filler (toks, k))
		k++;
	    n = parse_date (toks, k, &r, &d);
	    if (n) {
		add_when (out, &r, &d, &t, TOK (i)->start,
			  TOK (k + n - 1)->end);
		list_prev = NULL;
		i = k + n;
		continue;
	    }
	}
	/* An itinerary line under its day: "10:00 - 10:45 AM  James
	 * Whitaker" after "on Tuesday, December 8": a range at the start
	 * of a line takes the date last named; so does a single time at
	 * the start of a line that names who or what ("9:00 AM  Vince
	 * Kaminski") in a list of such lines. */
	if (m && have_last && line_start (text, TOK (i)->start)
	    && (t.has_end
		|| (TOK (i)->type == T_TIME && word_follows (text, toks, i + m)
		    && (list_prev || next_line_time (text, toks, i + m))))) {
	    w = add_when (out, &r, &last, &t, TOK (i)->start,
			  TOK (i + m - 1)->end);
	    list_entry (&list_prev, &list_open, w, ! t.has_end);
	    i += m;
	    continue;
	}
	/* The same with the time at the end of the line, after who:
	 * "Vince Kaminski          9:00 - 9:30", "Zimin Lu, Director  -
	 * 9:30 AM", in a list of such lines. */
	if (m && have_last && TOK (i)->type == T_TIME
	    && ! line_start (text, TOK (i)->start)
	    && line_end (text, TOK (i + m - 1)->end)
	    && (list_prev || next_line_ends_in_time (text,
						     TOK (i + m - 1)->end))) {
	    w = add_when (out, &r, &last, &t, TOK (i)->start,
			  TOK (i + m - 1)->end);
	    list_entry (&list_prev, &list_open, w, ! t.has_end);
	    i += m;
	    continue;
	}
	/* "Vince can talk to you on Thursday.  He will call you at 10:30
	 * AM ET": a time after "at" takes the day named a little before
	 * it in the same paragraph, if that day has no time of its own;
	 * so does a time offered ("Thursday, May 4 is good.  Would 3:30
	 * PM be ok?"). */
	if (m && have_pending && (is_word (toks, i, "at") || is_punct (toks, i, '@')
				  || offer_of_time (toks, i))
	    && i - pending_end <= 30 && i >= pending_end
	    && ! blank_line_between (text, TOK (pending_end - 1)->end,
				     TOK (i)->start)) {
	    add_when (out, &r, &pending, &t, TOK (i)->start,
		      TOK (i + m - 1)->end);
	    have_pending = FALSE;
	    i += m;
	    continue;
	}
	i++;
    }
    ref_release (&r);
    for (i = 0; i < out->len; i++) {
	struct nmf_when *w = out->pdata[i];

	w->deadline = deadline_before (text, w->offset);
    }
    return out;
}

/* The text as valid UTF-8: itself, or a repaired copy kept in *copy (the
 * regular expressions assume UTF-8, and compiled ones would read past an
 * invalid sequence).  Mail text reaches us normalised, so the copy is
 * rare; offsets then count in the repaired text. */
static const char *
valid_utf8 (const char *text, char **copy)
{
    *copy = NULL;
    if (! text || g_utf8_validate (text, -1, NULL))
	return text;
    *copy = g_utf8_make_valid (text, -1);
    return *copy;
}

GPtrArray *
nmf_dates_scan (const char *text, gint64 ref, int ref_offset)
{
    g_autofree char *copy = NULL;

    return scan_in (valid_utf8 (text, &copy), ref, ref_offset, NULL);
}

/* "a 45-minute call", "one hour", "90 minutes", "half an hour". */
static gint64
duration_in (const char *folded)
{
    static const char pattern[]
	= "\\b(\\d+(?:\\.\\d+)?|an?|one|two|three|half an?|an hour and a "
	  "half)[ -]?(minutes?|mins?|hours?|hrs?)\\b";
    g_autoptr (GRegex) re = nmf_regex_new (pattern, 0, 0, NULL);
    g_autoptr (GMatchInfo) mi = NULL;

    if (! re || ! g_regex_match (re, folded, 0, &mi))
	return 0;
    for (; g_match_info_matches (mi); g_match_info_next (mi, NULL)) {
	g_autofree char *num = g_match_info_fetch (mi, 1);
	g_autofree char *unit = g_match_info_fetch (mi, 2);
	double n;

	if (g_str_has_prefix (num, "half"))
	    n = 0.5;
	else if (strcmp (num, "a") == 0 || strcmp (num, "an") == 0
		 || strcmp (num, "one") == 0)
	    n = 1;
	else if (strcmp (num, "two") == 0)
	    n = 2;
	else if (strcmp (num, "three") == 0)
	    n = 3;
	else
	    n = g_ascii_strtod (num, NULL);
	if (unit[0] == 'h')
	    n *= 60;
	/* "take a minute", "24 hours": not an interview's length. */
	if (n >= 10 && n <= 8 * 60)
	    return (gint64) (n * 60);
    }
    return 0;
}

static gboolean
cue_before (const char *folded_text, gsize offset)
{
    static const char *const cues[] = {
	"confirm", "scheduled", "booked", "set for", "is on", "see you",
	"invite for", "interview is", "take place", "will be on",
	"calendar invite", "locked in", "works for", NULL,
    };
    gsize from = offset > 100 ? offset - 100 : 0;
    g_autofree char *window = g_strndup (folded_text + from, offset - from);
    size_t i;

    for (i = 0; cues[i]; i++) {
	if (strstr (window, cues[i]))
	    return TRUE;
    }
    return FALSE;
}

/* Several times on one day, listed without "or" between them and
 * without words that offer a choice: an itinerary. */
static gboolean
itinerary (const char *lower, GPtrArray *ahead, int ref_offset)
{
    static const char *const choice[] = { "which of", "which one",
					  "options", "let me know which",
					  "prefer", "choose", "pick one",
					  "works best", "work best", NULL };
    gint64 day = -1;
    guint i;
    int k;

    for (k = 0; choice[k]; k++) {
	if (strstr (lower, choice[k]))
	    return FALSE;
    }
    for (i = 0; i < ahead->len; i++) {
	const struct nmf_when *w = ahead->pdata[i];
	gint64 d = (w->start + ref_offset * 60) / 86400;

	if (day >= 0 && d != day)
	    return FALSE;
	day = d;
	if (i + 1 < ahead->len) {
	    const struct nmf_when *n = ahead->pdata[i + 1];
	    gsize from = w->offset + w->length;

	    if (n->offset > from) {
		g_autofree char *between = g_strndup (lower + from,
						      n->offset - from);

		if (strstr (between, " or ") || strstr (between, "\nor "))
		    return FALSE;
	    }
	}
    }
    return TRUE;
}

/* DESIGN §5: an explicit date beats a vague one.  The one time of ahead
 * stated with a calendar date when every other time is a weekday or
 * relative day at the same hour of the day (one appointment said two
 * ways, "Tuesday at 2pm ... Tuesday, December 8, 2:00 PM", where the
 * weekday may resolve to another week); with vague set, only when vague
 * is one of those others.  NULL when there is not exactly one. */
static struct nmf_when *
explicit_of (GPtrArray *ahead, const struct nmf_when *vague)
{
    struct nmf_when *e = NULL;
    gboolean vague_seen = vague == NULL;
    guint i;

    for (i = 0; i < ahead->len; i++) {
	struct nmf_when *w = ahead->pdata[i];

	if (w->explicit_date) {
	    if (e && e->start != w->start)
		return NULL;
	    e = w;
	}
    }
    if (! e)
	return NULL;
    for (i = 0; i < ahead->len; i++) {
	const struct nmf_when *w = ahead->pdata[i];

	if (w->explicit_date)
	    continue;
	if ((w->start - e->start) % 86400 != 0)
	    return NULL;
	if (w == vague)
	    vague_seen = TRUE;
    }
    return vague_seen ? e : NULL;
}

/* The line of lower that starts at ls, without quote marks, bullets
 * and blanks in front: where it starts and its length. */
static const char *
line_at (const char *lower, gsize ls, gsize *len)
{
    const char *p = lower + ls;
    const char *e = strchr (p, '\n');

    if (! e)
	e = p + strlen (p);
    while (p < e && strchr (" \t>*", *p))
	p++;
    *len = (gsize) (e - p);
    return p;
}

static gboolean
starts_header (const char *line, gsize len, const char *const *keys)
{
    size_t k;

    for (k = 0; keys[k]; k++) {
	if (len >= strlen (keys[k])
	    && strncmp (line, keys[k], strlen (keys[k])) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* Start of the line after (dir 1) or before (dir -1) the line at ls,
 * skipping blank ones; (gsize) -1 when there is none within two. */
static gsize
line_near (const char *lower, gsize ls, int dir)
{
    int tries;

    for (tries = 0; tries < 3; tries++) {
	gsize len;

	if (dir > 0) {
	    const char *e = strchr (lower + ls, '\n');

	    if (! e)
		return (gsize) -1;
	    ls = (gsize) (e + 1 - lower);
	} else {
	    if (ls == 0)
		return (gsize) -1;
	    ls--;
	    while (ls > 0 && lower[ls - 1] != '\n')
		ls--;
	}
	line_at (lower, ls, &len);
	if (len)
	    return ls;
    }
    return (gsize) -1;
}

/* Is the line at ls the header of an earlier message, quoted or
 * forwarded: "Sent: Monday, ...", "Date: ..." among From:/To: lines,
 * Lotus Notes' "Name <addr> on 11/29/2000 09:52:02 AM" over "To:",
 * "----- Forwarded by ... on <date>", "On <date>, X wrote:"?  Its date
 * is when that message was written, never an interview time. */
static gboolean
header_line (const char *lower, gsize ls)
{
    static const char *const dated[] = { "sent:", "date:", "sent :",
					 "date :", NULL };
    static const char *const others[] = { "from:", "to:", "cc:",
					  "subject:", "sent:", "date:", NULL };
    static const char *const below[] = { "to:", "cc:", "subject:", NULL };
    gsize len, n;
    const char *line = line_at (lower, ls, &len);
    g_autofree char *copy = g_strndup (line, len);
    int dir;

    if (strstr (copy, "forwarded by") || strstr (copy, "original message")
	|| strstr (copy, "forwarded message") || strstr (copy, ">>>")
	|| (g_str_has_suffix (copy, "wrote:") && len < 300))
	return TRUE;
    if (starts_header (line, len, dated)) {
	for (dir = -1; dir <= 1; dir += 2) {
	    n = line_near (lower, ls, dir);
	    if (n != (gsize) -1) {
		const char *o = line_at (lower, n, &len);

		if (starts_header (o, len, others))
		    return TRUE;
	    }
	}
	return FALSE;
    }
    /* A line that carries a date and stands over "To:"/"cc:". */
    n = line_near (lower, ls, 1);
    if (n != (gsize) -1 && strpbrk (copy, "0123456789")) {
	const char *o = line_at (lower, n, &len);

	if (starts_header (o, len, below))
	    return TRUE;
    }
    return FALSE;
}

static gsize
line_of (const char *text, gsize offset)
{
    while (offset > 0 && text[offset - 1] != '\n')
	offset--;
    return offset;
}

/* Where the first header of an earlier message starts in lower (its
 * length when there is none).  Text below it was written before. */
static gsize
earlier_message_at (const char *lower)
{
    gsize ls = 0;

    for (;;) {
	const char *e;
	gsize len;

	line_at (lower, ls, &len);
	if (len && header_line (lower, ls))
	    return ls;
	e = strchr (lower + ls, '\n');
	if (! e)
	    return strlen (lower);
	ls = (gsize) (e + 1 - lower);
    }
}

gboolean
nmf_dates_interview (const char *text, gint64 ref, int ref_offset,
		     struct nmf_when *out, char **why)
{
    return nmf_dates_interview_in (text, ref, ref_offset, NULL, out, why);
}

static gboolean
interview_in (const char *text, gint64 ref, int ref_offset, const char *zone,
	      struct nmf_when *out, char **why)
{
    g_autoptr (GPtrArray) all = NULL;
    g_autoptr (GPtrArray) ahead = g_ptr_array_new ();
    g_autofree char *lower = NULL;
    g_autofree char *folded = NULL;
    struct nmf_when *pick = NULL;
    gsize earlier;
    gboolean new_text = FALSE;
    guint i;

    memset (out, 0, sizeof (*out));
    if (why)
	*why = NULL;
    if (! text || ! *text)
	return FALSE;
    /* Offsets of the scan refer to text; a lowercase copy keeps them. */
    lower = g_ascii_strdown (text, -1);
    all = scan_in (text, ref, ref_offset, zone);
    earlier = earlier_message_at (lower);
    /* Times in the new text come first: an earlier message below a
     * reply or forward header counts only when the new text has none. */
    for (i = 0; i < all->len; i++) {
	const struct nmf_when *w = all->pdata[i];

	if (w->offset < earlier && ! (ref && w->start < ref - 2 * 3600))
	    new_text = TRUE;
    }
    for (i = 0; i < all->len; i++) {
	struct nmf_when *w = all->pdata[i];
	guint k;
	gboolean dup = FALSE;

	/* A time before the message was written is not the interview,
	 * nor is a deadline. */
	if ((ref && w->start < ref - 2 * 3600) || w->deadline)
	    continue;
	if (new_text && w->offset >= earlier)
	    continue;
	if (header_line (lower, line_of (lower, w->offset)))
	    continue;
	for (k = 0; k < ahead->len; k++) {
	    if (((struct nmf_when *) ahead->pdata[k])->start == w->start)
		dup = TRUE;
	}
	if (! dup)
	    g_ptr_array_add (ahead, w);
    }
    if (! ahead->len)
	return FALSE;
    /* The words of an earlier message ("which of these times would you
     * prefer?") say nothing about the times of the new text. */
    if (new_text)
	lower[earlier] = '\0';
    if (ahead->len == 1) {
	pick = ahead->pdata[0];
    } else {
	for (i = 0; i < ahead->len && ! pick; i++) {
	    struct nmf_when *w = ahead->pdata[i];

	    if (cue_before (lower, w->offset))
		pick = w;
	}
	if (! pick && itinerary (lower, ahead, ref_offset)) {
	    /* Sessions of one day, one after the other: the interview runs
	     * from the first start to the last end. */
	    struct nmf_when *first = ahead->pdata[0];
	    gint64 end = 0;

	    for (i = 0; i < ahead->len; i++) {
		struct nmf_when *w = ahead->pdata[i];
		gint64 e = w->end ? w->end : w->start;

		if (w->start < first->start)
		    first = w;
		if (e > end)
		    end = e;
	    }
	    out->start = first->start;
	    out->end = end > first->start ? end : 0;
	    out->zone = first->zone ? g_strdup (first->zone) : NULL;
	    out->offset = first->offset;
	    out->length = first->length;
	    out->explicit_date = first->explicit_date;
	    if (why)
		*why = g_strdup ("an itinerary of one day");
	    return TRUE;
	}
	if (! pick)
	    pick = explicit_of (ahead, NULL);
	if (! pick) {
	    /* Several times and nothing says which: options to choose
	     * from, not an interview time. */
	    if (why)
		*why = g_strdup ("several times offered, none confirmed");
	    return FALSE;
	}
    }
    if (! pick->explicit_date && ahead->len > 1) {
	struct nmf_when *e = explicit_of (ahead, pick);

	if (e)
	    pick = e;
    }
    out->start = pick->start;
    out->end = pick->end;
    out->zone = pick->zone ? g_strdup (pick->zone) : NULL;
    out->offset = pick->offset;
    out->length = pick->length;
    out->explicit_date = pick->explicit_date;
    if (! out->end) {
	folded = nmf_text_fold (text);
	gint64 dur = duration_in (folded);

	if (dur)
	    out->end = out->start + dur;
    }
    if (why)
	*why = g_strndup (text + pick->offset, MIN (pick->length, 80));
    return TRUE;
}

/* ---- the sender's zone --------------------------------------------- */

static const char *
area_code_zone (const char *code)
{
    size_t z;

    for (z = 0; z < G_N_ELEMENTS (nanp_zones); z++) {
	const char *p = nanp_zones[z].codes;

	for (; *p; p += p[3] ? 4 : 3) {
	    if (strncmp (p, code, 3) == 0)
		return nanp_zones[z].iana;
	    if (! p[3])
		break;
	}
    }
    return NULL;
}

/* The zone of the first North American number in line: "713-853-5290",
 * "(713) 853-5290", "713/853-5290", "+1 713 853 5290". */
static const char *
phone_zone (const char *line)
{
    static const char pattern[]
	= "(?<![\\d-])(?:\\+?1[-. ]?)?\\(?([2-9]\\d\\d)\\)?[-. /]?\\s?"
	  "[2-9]\\d\\d[-. ]\\d{4}(?!\\d)";
    g_autoptr (GRegex) re = nmf_regex_new (pattern, 0, 0, NULL);
    g_autoptr (GMatchInfo) mi = NULL;

    if (! re || ! g_regex_match (re, line, 0, &mi))
	return NULL;
    for (; g_match_info_matches (mi); g_match_info_next (mi, NULL)) {
	g_autofree char *code = g_match_info_fetch (mi, 1);
	const char *z = area_code_zone (code);

	if (z)
	    return z;
    }
    return NULL;
}

/* "shirley.crenshaw@x" -> "shirley crenshaw"; a display name as it is.
 * NULL unless two words or more (a bare "jobs" names nobody). */
static char *
sender_words (const char *sender)
{
    const char *at = strchr (sender, '@');
    char *name = at ? g_strndup (sender, (gsize) (at - sender))
		    : g_strdup (sender);
    char *p;

    for (p = name; *p; p++) {
	if (*p == '.' || *p == '_' || *p == '"')
	    *p = ' ';
    }
    g_strstrip (name);
    if (! strchr (name, ' ') || strlen (name) < 5) {
	g_free (name);
	return NULL;
    }
    p = g_ascii_strdown (name, -1);
    g_free (name);
    return p;
}

const char *
nmf_dates_sender_zone (const char *const *parts, const char *sender)
{
    g_autofree char *name = NULL;
    size_t k;

    if (! parts || ! sender || ! (name = sender_words (sender)))
	return NULL;
    for (k = 0; parts[k]; k++) {
	g_auto (GStrv) lines = g_strsplit (parts[k], "\n", -1);
	guint i, j;

	for (i = 0; lines[i]; i++) {
	    g_autofree char *low = NULL;

	    if (strlen (lines[i]) > 60)
		continue;
	    low = g_ascii_strdown (lines[i], -1);
	    if (! strstr (low, name))
		continue;
	    /* The signature block under the name, up to a blank line. */
	    for (j = i + 1; lines[j] && j <= i + 6; j++) {
		const char *l = lines[j];
		const char *z;

		while (*l == '>' || *l == ' ' || *l == '\t')
		    l++;
		if (! *l || *l == '\r')
		    break;
		if ((z = phone_zone (l)))
		    return z;
	    }
	}
    }
    return NULL;
}

/* ---- timelines ------------------------------------------------------ */

static const char *const timeline_cues[] = {
    "get back to you", "get back to", "come back to you", "hear back",
    "hear from us", "hear from me", "let you know", "update you",
    "be in touch", "decision", "decide", "next steps", "reach out",
    "follow up with you", "respond", "update", "feedback", "news",
    "hear", "answer", "outcome", "contact", "notify", "inform",
    "in touch",
    NULL,
};

static int
number_word (GArray *toks, guint i)
{
    static const char *const words[] = { "zero", "one", "two", "three",
					 "four", "five", "six", "seven",
					 "eight", "nine", "ten" };
    size_t k;

    if (i >= toks->len)
	return -1;
    if (TOK (i)->type == T_NUM && ! TOK (i)->ordinal && TOK (i)->num >= 0
	&& TOK (i)->num < 100)
	return TOK (i)->num;
    if (TOK (i)->type != T_WORD)
	return -1;
    if (strcmp (TOK (i)->word, "a") == 0 || strcmp (TOK (i)->word, "an") == 0)
	return 1;
    for (k = 0; k < G_N_ELEMENTS (words); k++) {
	if (strcmp (TOK (i)->word, words[k]) == 0)
	    return (int) k;
    }
    return -1;
}

/* The date with weekday wd in the week after (next = 1) or of (0) the
 * reference's week (weeks start on Monday). */
static void
week_day (const struct ref *r, GDate *d, int wd, int next)
{
    int today = g_date_get_weekday (&r->date);

    *d = r->date;
    g_date_subtract_days (d, (guint) (today - 1));
    g_date_add_days (d, (guint) (7 * next + wd - 1));
}

/* How precisely a timeline expression names its day: a span or a week
 * ("within two weeks", "next week"), a named day ("by Friday"), a
 * calendar date ("by Monday, December 14"). */
enum precision { VAGUE, NAMED_DAY, CALENDAR_DATE };

/* Parse one timeline expression at token i; *prec says how precise. */
static gboolean
timeline_at (GArray *toks, guint i, const struct ref *r, unsigned mask,
	     GDate *out, enum precision *prec)
{
    guint j = i;
    int n;
    struct pdate pd;

    *prec = VAGUE;
    /* "within two weeks", "in the next 5 business days", "in a week",
     * "within a couple of weeks" */
    if (is_word (toks, j, "within") || is_word (toks, j, "in")) {
	gboolean business = FALSE;

	j++;
	if (is_word (toks, j, "the") && is_word (toks, j + 1, "next"))
	    j += 2;
	if (is_word (toks, j, "a") && is_word (toks, j + 1, "couple")) {
	    n = 2;
	    j += 2;
	    if (is_word (toks, j, "of"))
		j++;
	} else {
	    n = number_word (toks, j);
	    if (n <= 0)
		return FALSE;
	    j++;
	}
	if (is_word (toks, j, "business") || is_word (toks, j, "working")) {
	    business = TRUE;
	    j++;
	}
	*out = r->date;
	if (is_word (toks, j, "day") || is_word (toks, j, "days")) {
	    if (business)
		nmf_bizday_add_date (out, n, mask, NULL, NULL);
	    else
		g_date_add_days (out, (guint) n);
	    return TRUE;
	}
	if (is_word (toks, j, "week") || is_word (toks, j, "weeks")) {
	    g_date_add_days (out, (guint) (7 * n));
	    return TRUE;
	}
	return FALSE;
    }
    /* "early next week", "mid next week", "end of next week", "next
     * week", "end of the week", "end of this week" */
    if (is_word (toks, j, "early") && is_word (toks, j + 1, "next")
	&& is_word (toks, j + 2, "week")) {
	week_day (r, out, 2, 1);
	return TRUE;
    }
    if ((is_word (toks, j, "mid") || is_word (toks, j, "middle"))) {
	guint k = j + 1;

	if (is_punct (toks, k, '-'))
	    k++;
	if (is_word (toks, k, "of"))
	    k++;
	if (is_word (toks, k, "next") && is_word (toks, k + 1, "week")) {
	    week_day (r, out, 3, 1);
	    return TRUE;
	}
	return FALSE;
    }
    if (is_word (toks, j, "end") && is_word (toks, j + 1, "of")) {
	guint k = j + 2;

	if (is_word (toks, k, "the") || is_word (toks, k, "this"))
	    k++;
	if (is_word (toks, k, "next") && is_word (toks, k + 1, "week")) {
	    week_day (r, out, 5, 1);
	    return TRUE;
	}
	if (is_word (toks, k, "week")) {
	    week_day (r, out, 5, g_date_get_weekday (&r->date) > 5 ? 1 : 0);
	    return TRUE;
	}
	if (is_word (toks, k, "month")) {
	    *out = r->date;
	    g_date_set_day (out, g_date_get_days_in_month (
				     g_date_get_month (out),
				     g_date_get_year (out)));
	    return TRUE;
	}
	return FALSE;
    }
    if (is_word (toks, j, "next") && is_word (toks, j + 1, "week")) {
	week_day (r, out, 5, 1);
	return TRUE;
    }
    /* "by Friday", "by November 30", "before Tuesday, Nov 24", "on
     * Monday" */
    if (is_word (toks, j, "by") || is_word (toks, j, "before")
	|| is_word (toks, j, "on") || is_word (toks, j, "until")) {
	j++;
	if (is_word (toks, j, "the") && is_word (toks, j + 1, "end"))
	    return timeline_at (toks, j + 1, r, mask, out, prec);
	if (is_word (toks, j, "end"))
	    return timeline_at (toks, j, r, mask, out, prec);
	if (parse_date (toks, j, r, &pd)) {
	    *out = pd.date;
	    *prec = pd.explicit_date ? CALENDAR_DATE : NAMED_DAY;
	    return TRUE;
	}
	return FALSE;
    }
    return FALSE;
}

static gboolean
timeline (const char *text, gint64 ref, int ref_offset, unsigned weekend_mask,
	  gint64 *day, char **why)
{
    g_autoptr (GArray) toks = NULL;
    g_autofree char *lower = NULL;
    struct ref r;
    gboolean found = FALSE;
    enum precision best = VAGUE;
    guint i;

    *day = 0;
    if (why)
	*why = NULL;
    if (! text || ! *text)
	return FALSE;
    lower = g_ascii_strdown (text, -1);
    ref_init (&r, ref, ref_offset);
    toks = tokenize (text);

    /* DESIGN §5: an explicit date beats a vague one in the same message
     * ("we'll decide next week ... by Monday, December 14"): the most
     * precise expression wins, the first of equals. */
    for (i = 0; i < toks->len && best < CALENDAR_DATE; i++) {
	GDate d;
	gsize s_start, s_end, k;
	gboolean cue = FALSE;
	size_t c;
	enum precision prec;

	if (! timeline_at (toks, i, &r, weekend_mask, &d, &prec))
	    continue;
	if (found && prec <= best)
	    continue;
	/* The sentence around it must speak of an answer or decision. */
	s_start = TOK (i)->start;
	while (s_start > 0 && ! strchr (".!?\n", lower[s_start - 1]))
	    s_start--;
	s_end = TOK (i)->end;
	while (lower[s_end] && ! strchr (".!?\n", lower[s_end]))
	    s_end++;
	/* A sentence may wrap over two lines in plain text mail. */
	if (lower[s_end] == '\n' && lower[s_end + 1] && lower[s_end + 1] != '\n')
	    for (s_end++; lower[s_end] && ! strchr (".!?\n", lower[s_end]);
		 s_end++)
		;
	if (s_start > 0 && lower[s_start - 1] == '\n' && s_start > 1
	    && lower[s_start - 2] != '\n')
	    for (s_start -= 1; s_start > 0 && ! strchr (".!?\n", lower[s_start - 1]);
		 s_start--)
		;
	{
	    g_autofree char *sentence
		= g_strndup (lower + s_start, s_end - s_start);

	    for (c = 0; timeline_cues[c]; c++) {
		if (strstr (sentence, timeline_cues[c]))
		    cue = TRUE;
	    }
	    /* "let you know", "let shortlisted candidates know" */
	    if (! cue) {
		char *let = strstr (sentence, "let ");

		if (let && strstr (let, " know") && strstr (let, " know") - let < 40)
		    cue = TRUE;
	    }
	}
	if (! cue || ! g_date_valid (&d))
	    continue;
	/* A stated date may already have passed (a follow-up repeats it),
	 * but not by months. */
	if (g_date_days_between (&d, &r.date) > 31)
	    continue;
	{
	    g_autoptr (GDateTime) noon = g_date_time_new_utc (
		g_date_get_year (&d), g_date_get_month (&d),
		g_date_get_day (&d), 12, 0, 0);

	    *day = g_date_time_to_unix (noon);
	}
	if (why) {
	    k = TOK (i)->start;
	    g_free (*why);
	    *why = g_strndup (text + k, MIN ((gsize) 60, strlen (text + k)));
	}
	found = TRUE;
	best = prec;
    }
    ref_release (&r);
    return found;
}

gboolean
nmf_dates_interview_in (const char *text, gint64 ref, int ref_offset,
			const char *zone, struct nmf_when *out, char **why)
{
    g_autofree char *copy = NULL;

    return interview_in (valid_utf8 (text, &copy), ref, ref_offset, zone, out,
			 why);
}

gboolean
nmf_dates_timeline (const char *text, gint64 ref, int ref_offset,
		    unsigned weekend_mask, gint64 *day, char **why)
{
    g_autofree char *copy = NULL;

    return timeline (valid_utf8 (text, &copy), ref, ref_offset, weekend_mask,
		     day, why);
}

/* "2026-12-10T09:00" and "2026-12-10 09:00Z": ISO 8601 with the seconds
 * GLib needs; NULL when text is no such time.  g_free. */
static char *
iso_with_seconds (const char *text)
{
    g_autoptr (GRegex) re = nmf_regex_new (
	"^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})(:\\d{2}(?:[.,]\\d+)?)?"
	"(Z|[+-]\\d{2}(?::?\\d{2})?)?$", G_REGEX_CASELESS, 0, NULL);
    g_autoptr (GMatchInfo) mi = NULL;
    g_autofree char *d = NULL, *hm = NULL, *sec = NULL, *zone = NULL;

    if (! re || ! g_regex_match (re, text, 0, &mi))
	return NULL;
    d = g_match_info_fetch (mi, 1);
    hm = g_match_info_fetch (mi, 2);
    sec = g_match_info_fetch (mi, 3);
    zone = g_match_info_fetch (mi, 4);
    return g_strdup_printf ("%sT%s%s%s", d, hm,
			    sec && *sec ? sec : ":00", zone ? zone : "");
}

gboolean
nmf_dates_typed (const char *text, gint64 now, GTimeZone *tz, gint64 *out,
		 gboolean *has_time, char **why)
{
    g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
    g_autofree char *iso = iso_with_seconds (clean);
    g_autofree char *copy = NULL;
    const char *txt;
    g_autoptr (GArray) toks = NULL;
    g_autoptr (GDateTime) dt = NULL;
    struct ref r;
    struct pdate d = { 0 };
    struct ptime t = { 0 };
    guint j = 0, dated, timed = 0;

    *why = NULL;
    *has_time = FALSE;
    if (! *clean) {
	*why = g_strdup ("no date given");
	return FALSE;
    }
    if (iso) {
	dt = g_date_time_new_from_iso8601 (iso, tz);
	if (dt) {
	    *out = g_date_time_to_unix (dt);
	    *has_time = TRUE;
	    return TRUE;
	}
    }
    txt = valid_utf8 (clean, &copy);
    toks = tokenize (txt);
    /* The reference: now, in the user's zone. */
    {
	g_autoptr (GDateTime) u = g_date_time_new_from_unix_utc (now);
	g_autoptr (GDateTime) local = u ? g_date_time_to_timezone (u, tz)
				       : NULL;

	ref_init (&r, now, local ? (int) (g_date_time_get_utc_offset (local)
					  / G_TIME_SPAN_MINUTE)
				 : 0);
	g_time_zone_unref (r.tz);
	r.tz = g_time_zone_ref (tz);
    }
    dated = parse_date (toks, 0, &r, &d);
    if (dated) {
	j = dated;
	/* "friday, 10am"; parse_time reads "at" itself ("friday at
	 * 10"). */
	while (is_punct (toks, j, ','))
	    j++;
    } else {
	/* A time alone is today's. */
	d.date = r.date;
    }
    if (j < toks->len) {
	timed = parse_time (toks, j, &t);
	j += timed;
    }
    if (j < toks->len || (! dated && ! timed)) {
	guint bad = j < toks->len ? j : 0;
	int len = bad < toks->len ? (int) (TOK (bad)->end - TOK (bad)->start)
				  : 0;

	*why = g_strdup_printf (
	    "'%s' is not a date or time I understand (at '%.*s'; try "
	    "2026-12-10, 2026-12-10T09:00, friday, tomorrow 10am or dec 10)",
	    clean, len, len ? txt + TOK (bad)->start : "");
	ref_release (&r);
	return FALSE;
    }
    if (g_date_valid (&d.date))
	dt = make_local (&r, &d.date, timed ? t.h : 0, timed ? t.min : 0, &t);
    ref_release (&r);
    if (! dt) {
	*why = g_strdup_printf ("'%s' is no day of the calendar", clean);
	return FALSE;
    }
    *out = g_date_time_to_unix (dt);
    *has_time = timed > 0;
    return TRUE;
}
