/* extract.c — company, role, interviewers and interview time of one
 * message (see nmf/extract.h).  Pure: works on struct nmf_message.
 */
#include <string.h>

#include "nmf/classify.h"
#include "nmf/dates.h"
#include "nmf/extract.h"
#include "nmf/text.h"

struct nmf_person *
nmf_person_new (const char *name, const char *addr, const char *phone)
{
    struct nmf_person *p = g_new0 (struct nmf_person, 1);

    p->name = (name && *name) ? nmf_text_one_line (name, 200) : NULL;
    p->addr = g_ascii_strdown (addr ? addr : "", -1);
    p->phone = (phone && *phone) ? g_strdup (phone) : NULL;
    return p;
}

void
nmf_person_free (struct nmf_person *p)
{
    if (! p)
	return;
    g_free (p->name);
    g_free (p->addr);
    g_free (p->phone);
    g_free (p);
}

static void
person_free_cb (gpointer p)
{
    nmf_person_free (p);
}

/* Free-mail providers: their domain says nothing about an employer. */
static const char *const freemail[] = {
    "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com",
    "live.com", "icloud.com", "me.com", "aol.com", "proton.me",
    "protonmail.com", "gmx.de", "gmx.net", "web.de", "fastmail.com",
    "yandex.ru", "mail.ru", "qq.com", "163.com", NULL,
};

/* Second-level public suffixes where the name is one label further. */
static const char *const two_part_suffixes[] = {
    "co.uk", "ac.uk", "org.uk", "com.au", "net.au", "co.nz", "co.jp",
    "com.br", "co.in", "co.za", "com.mx", "com.sg", "com.cn", NULL,
};

static char *
titlecase_label (const char *label)
{
    GString *out = g_string_new (NULL);
    gboolean start = TRUE;
    const char *p;

    for (p = label; *p; p++) {
	if (*p == '-' || *p == '_') {
	    g_string_append_c (out, ' ');
	    start = TRUE;
	    continue;
	}
	g_string_append_c (out, start ? g_ascii_toupper (*p) : *p);
	start = FALSE;
    }
    return g_string_free (out, FALSE);
}

char *
nmf_extract_company_from_addr (const char *addr)
{
    const char *at = addr ? strrchr (addr, '@') : NULL;
    g_autofree char *domain = NULL;
    g_auto (GStrv) labels = NULL;
    guint n, i;
    int idx;

    if (! at || ! at[1])
	return NULL;
    domain = g_ascii_strdown (at + 1, -1);
    for (i = 0; freemail[i]; i++) {
	if (strcmp (domain, freemail[i]) == 0)
	    return NULL;
    }
    labels = g_strsplit (domain, ".", -1);
    n = g_strv_length (labels);
    if (n < 2)
	return NULL;
    idx = (int) n - 2;
    for (i = 0; two_part_suffixes[i]; i++) {
	gsize sl = strlen (two_part_suffixes[i]);
	gsize dl = strlen (domain);

	if (dl > sl && strcmp (domain + dl - sl, two_part_suffixes[i]) == 0
	    && domain[dl - sl - 1] == '.') {
	    idx = (int) n - 3;
	    break;
	}
    }
    if (idx < 0 || ! *labels[idx])
	return NULL;
    return titlecase_label (labels[idx]);
}

static gboolean
is_ats_domain_addr (const char *addr)
{
    /* nmf_address_is_robot is true for every ATS domain; a plain
     * person@employer address is not a robot. */
    const char *at = addr ? strrchr (addr, '@') : NULL;
    g_autofree char *probe = NULL;

    if (! at)
	return FALSE;
    probe = g_strconcat ("person", at, NULL);
    return nmf_address_is_robot (probe);
}

static char *
regex_group (const char *pattern, const char *text, int group)
{
    g_autoptr (GRegex) re = NULL;
    g_autoptr (GMatchInfo) mi = NULL;
    char *out = NULL;

    re = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
    if (! re)
	return NULL;
    if (g_regex_match (re, text, 0, &mi))
	out = g_match_info_fetch (mi, group);
    if (out) {
	g_strstrip (out);
	if (! *out) {
	    g_free (out);
	    out = NULL;
	}
    }
    return out;
}

static char *
company_from_subject (const char *subject)
{
    /* "... at Acme Robotics", "... with Globex" — capitalised words only,
     * so "at your convenience" is not a company. */
    g_autoptr (GRegex) re = NULL;
    g_autoptr (GMatchInfo) mi = NULL;
    char *out = NULL;

    re = g_regex_new ("\\b(?:at|with|from)\\s+((?:[A-Z0-9][\\w&.'-]*)"
		      "(?:\\s+(?:[A-Z0-9][\\w&.'-]*|&|of|and)){0,3})",
		      0, 0, NULL);
    if (re && g_regex_match (re, subject, 0, &mi))
	out = g_match_info_fetch (mi, 1);
    if (out) {
	/* Drop trailing punctuation. */
	gsize n = strlen (out);

	while (n && strchr (".,;:!?-", out[n - 1]))
	    out[--n] = '\0';
	if (! *out) {
	    g_free (out);
	    out = NULL;
	}
    }
    return out;
}

static char *
role_from_subject (const char *subject)
{
    static const char *const patterns[] = {
	"for the (.{2,60}?) (?:role|position|opening)",
	"(?:interview|screen|invitation|application)[^:]*: *(.{2,60}?) "
	"(?:role )?(?:at|with) ",
	"[-–—:] *(.{2,60}?) (?:role|position)\\b",
	"^(.{2,60}?) (?:role|position) at ",
	"(?:interview|screen)\\b.*\\s[-–—]\\s+(.{2,80})$",
	NULL,
    };
    int i;

    for (i = 0; patterns[i]; i++) {
	char *r = regex_group (patterns[i], subject, 1);

	if (r) {
	    /* "Platform Engineer, Wednesday 2 December": keep the title. */
	    g_autoptr (GRegex) tail = g_regex_new (
		",?\\s+(?:on\\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b.*$"
		"|,?\\s+\\d.*$",
		G_REGEX_CASELESS, 0, NULL);
	    char *cut = tail ? g_regex_replace_literal (tail, r, -1, 0, "", 0,
							NULL)
			     : NULL;

	    if (cut && *cut) {
		g_free (r);
		return cut;
	    }
	    g_free (cut);
	    return r;
	}
    }
    return NULL;
}

/* A phone number in a signature: 10 to 15 digits with the usual
 * separators, optionally starting with '+'. */
static char *
phone_from_text (const char *text)
{
    const char *p;

    if (! text)
	return NULL;
    for (p = text; *p; p++) {
	const char *q;
	int digits = 0;

	if (! (g_ascii_isdigit (*p) || *p == '+' || *p == '('))
	    continue;
	if (p > text && (g_ascii_isalnum (p[-1])))
	    continue;
	for (q = p; *q && (g_ascii_isdigit (*q) || strchr ("+()-. ", *q));
	     q++) {
	    if (g_ascii_isdigit (*q))
		digits++;
	}
	while (q > p && ! g_ascii_isdigit (q[-1]))
	    q--;
	if (digits >= 10 && digits <= 15)
	    return g_strndup (p, q - p);
	if (*q == '\0')
	    break;
	p = q;
    }
    return NULL;
}

static gboolean
has_person (GPtrArray *people, const char *addr)
{
    guint i;

    for (i = 0; i < people->len; i++) {
	struct nmf_person *p = people->pdata[i];

	if (g_ascii_strcasecmp (p->addr, addr) == 0)
	    return TRUE;
    }
    return FALSE;
}

static gboolean
is_resource (const char *addr)
{
    return strstr (addr, "resource.calendar") != NULL
	|| g_str_has_prefix (addr, "room") || strstr (addr, "conference");
}

static void
people_from_events (const struct nmf_message *msg,
		    const char *const *user_emails, struct nmf_extract *x)
{
    guint i, j;

    for (i = 0; i < msg->events->len; i++) {
	struct nmf_event *ev = msg->events->pdata[i];
	const char *org = ev->organizer ? ev->organizer->addr : NULL;
	guint others = 0;

	/* DESIGN §5: the organiser who only schedules is not an
	 * interviewer; when nobody else attends, the organiser runs the
	 * call. */
	for (j = 0; j < ev->attendees->len; j++) {
	    struct nmf_address *a = ev->attendees->pdata[j];

	    if (! nmf_address_in (a->addr, user_emails)
		&& ! (org && g_ascii_strcasecmp (a->addr, org) == 0)
		&& ! nmf_address_is_robot (a->addr) && ! is_resource (a->addr))
		others++;
	}
	for (j = 0; j < ev->attendees->len; j++) {
	    struct nmf_address *a = ev->attendees->pdata[j];

	    if (nmf_address_in (a->addr, user_emails)
		|| nmf_address_is_robot (a->addr) || is_resource (a->addr))
		continue;
	    if (others && org && g_ascii_strcasecmp (a->addr, org) == 0)
		continue;
	    if (! has_person (x->people, a->addr))
		g_ptr_array_add (x->people,
				 nmf_person_new (a->name, a->addr, NULL));
	}
	if (! others && org && ! nmf_address_in (org, user_emails)
	    && ! nmf_address_is_robot (org) && ! has_person (x->people, org))
	    g_ptr_array_add (x->people, nmf_person_new (ev->organizer->name,
							org, NULL));
    }
    if (x->people->len)
	g_ptr_array_add (x->evidence,
			 g_strdup ("people: calendar attendees other than the "
				   "user and the scheduling organiser"));
}

/* ---- names in text --------------------------------------------------- */

static gboolean
is_capitalised (const char *w)
{
    return g_ascii_isupper (w[0]) && w[1] && g_ascii_islower (w[1]);
}

/* Words that start a capitalised run but are no names. */
static gboolean
not_a_name (const char *w)
{
    static const char *const stop[] = {
	"The", "Our", "We", "You", "Your", "I", "Me", "Us", "Team", "Zoom",
	"Google", "Microsoft", "Teams", "Meet", "Hangouts", "Monday",
	"Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December", "Engineering",
	"Product", "Recruiting", "Talent", "Hiring", "Senior", "Staff",
	"Principal", "Head", "Director", "Manager", "Engineer", "Lead", "VP",
	"Chief", "HR", "People", "Data", "Design", "Sales", "Our", "Please",
	"Thanks", "Thank", "Best", "Regards", "Cheers", "Hi", "Hello", "Dear",
	"Phone", "Video", "Onsite", "Interview", "Call", "Round", "Panel",
	"Technical", "Final", "First", "Second", "Third", NULL,
    };
    int i;

    for (i = 0; stop[i]; i++) {
	if (strcmp (w, stop[i]) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* Up to three capitalised words at p: "Priya Shah", "Dana Wu".  Returns
 * the name (g_free) and sets *end; NULL when none. */
static char *
name_at (const char *p, const char **end)
{
    GString *name = g_string_new (NULL);
    int words = 0;

    while (*p == ' ')
	p++;
    while (words < 3) {
	const char *w = p;
	g_autofree char *word = NULL;

	while (g_ascii_isalpha (*p) || *p == '-' || *p == '\''
	       || (unsigned char) *p >= 0x80)
	    p++;
	if (p == w)
	    break;
	word = g_strndup (w, p - w);
	if (! is_capitalised (word) || not_a_name (word)) {
	    p = w;
	    break;
	}
	if (name->len)
	    g_string_append_c (name, ' ');
	g_string_append (name, word);
	words++;
	if (*p != ' ' || ! g_ascii_isupper (p[1]))
	    break;
	p++;
    }
    *end = p;
    if (! words) {
	g_string_free (name, TRUE);
	return NULL;
    }
    return g_string_free (name, FALSE);
}

/* Names listed after words that introduce the people of an interview:
 * "meet with Priya Shah (Engineering Manager) and Sam Patel", "you'll be
 * speaking with Dana", "Interviewers: A, B". */
static GPtrArray *
names_in (const char *body)
{
    static const char *const triggers[] = {
	"meet with ", "meeting with ", "speak with ", "speaking with ",
	"talk with ", "talking with ", "chat with ", "interview with ",
	"interviewing with ", "call with ", "conversation with ",
	"you'll meet ", "you will meet ", "you'll be meeting ",
	"you will be meeting ", "meet ", "interviewers: ", "interviewer: ",
	"panel: ", "panelists: ", "be joined by ", "joined by ", NULL,
    };
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    int t;

    for (t = 0; triggers[t]; t++) {
	const char *p = body;

	while ((p = strstr (p, triggers[t])) && out->len < 8) {
	    const char *q = p + strlen (triggers[t]);

	    p = q;
	    for (;;) {
		const char *end;
		char *n = name_at (q, &end);

		if (! n)
		    break;
		g_ptr_array_add (out, n);
		q = end;
		/* Skip "(Engineering Manager)" or ", our CTO," */
		while (*q == ' ')
		    q++;
		if (*q == '(') {
		    const char *close = strchr (q, ')');

		    if (! close || close - q > 80)
			break;
		    q = close + 1;
		}
		while (*q == ' ')
		    q++;
		if (*q == ',')
		    q++;
		while (*q == ' ')
		    q++;
		if (g_str_has_prefix (q, "and "))
		    q += 4;
		else if (g_str_has_prefix (q, "& "))
		    q += 2;
		else if (! g_ascii_isupper (*q))
		    break;
	    }
	}
    }
    return out;
}

/* The address among the message's headers that belongs to name: by
 * display name, or by a local part made of the name ("priya.shah",
 * "pshah", "priya"). */
static const struct nmf_address *
addr_for_name (const struct nmf_message *msg, const char *name)
{
    GPtrArray *lists[] = { msg->cc, msg->to, msg->reply_to };
    g_autofree char *lower = g_ascii_strdown (name, -1);
    g_auto (GStrv) parts = g_strsplit (lower, " ", -1);
    const char *first = parts[0];
    const char *last = parts[0] && parts[1] ? parts[g_strv_length (parts) - 1]
					    : NULL;
    size_t l;
    guint i;

    if (msg->from && msg->from->name
	&& g_ascii_strcasecmp (msg->from->name, name) == 0)
	return msg->from;
    for (l = 0; l < G_N_ELEMENTS (lists); l++) {
	for (i = 0; i < lists[l]->len; i++) {
	    const struct nmf_address *a = lists[l]->pdata[i];
	    g_autofree char *local = NULL;
	    const char *at = strchr (a->addr, '@');

	    if (a->name && g_ascii_strcasecmp (a->name, name) == 0)
		return a;
	    if (! at)
		continue;
	    local = g_strndup (a->addr, at - a->addr);
	    if (last && strstr (local, first) && strstr (local, last))
		return a;
	    if (last && local[0] == first[0] && strcmp (local + 1, last) == 0)
		return a;
	    if (! last && strcmp (local, first) == 0)
		return a;
	}
    }
    return NULL;
}

/* The sender speaks of the interview as their own call. */
static gboolean
sender_runs_call (const char *folded_body)
{
    static const char *const cues[] = {
	"speak with me", "talk with me", "chat with me", "meet with me",
	"call with me", "i'll call you", "i will call you", "i'll give you a "
	"call", "my calendar", "i'd like to schedule a call",
	"i would like to schedule a call", "i'd love to chat",
	"i'd like to chat", "look forward to speaking with you",
	"looking forward to speaking with you", "looking forward to our call",
	"look forward to our call", "talk to you then", "speak then",
	"i'll send you a calendar", "i will send you a calendar", NULL,
    };
    int i;

    for (i = 0; cues[i]; i++) {
	if (strstr (folded_body, cues[i]))
	    return TRUE;
    }
    return FALSE;
}

/* ---- company and role in text ---------------------------------------- */

/* Display names of ATS mail: "Acme Careers", "Acme Recruiting Team",
 * "Acme via Greenhouse", "Jordan from Acme", "Acme Hiring". */
static char *
company_from_display (const char *name)
{
    static const char *const suffixes[] = {
	" careers", " career", " recruiting team", " recruiting",
	" recruitment", " talent acquisition", " talent team", " talent",
	" hiring team", " hiring", " jobs", " hr", " people team", " team",
	" people", NULL,
    };
    g_autofree char *clean = NULL;
    g_autofree char *lower = NULL;
    char *via;
    int i;

    if (! name || ! *name)
	return NULL;
    clean = g_strdup (name);
    lower = g_ascii_strdown (clean, -1);
    via = strstr (lower, " via ");
    if (via) {
	clean[via - lower] = '\0';
	lower[via - lower] = '\0';
    }
    {
	char *from = strstr (lower, " from ");
	char *at = strstr (lower, " at ");
	char *pick = from ? from : at;

	if (pick) {
	    gsize skip = (gsize) (pick - lower) + (from ? 6 : 4);
	    char *rest = g_strdup (clean + skip);

	    g_free (clean);
	    clean = rest;
	    return g_strstrip (g_steal_pointer (&clean));
	}
    }
    for (i = 0; suffixes[i]; i++) {
	if (g_str_has_suffix (lower, suffixes[i])) {
	    clean[strlen (clean) - strlen (suffixes[i])] = '\0';
	    g_strstrip (clean);
	    if (*clean)
		return g_steal_pointer (&clean);
	}
    }
    if (via)
	return g_strstrip (g_steal_pointer (&clean));
    return NULL;
}

/* "on behalf of Acme", "role at Acme Robotics", "interest in Acme",
 * "position with Acme", "the Acme team" — capitalised names only. */
static char *
company_from_body (const char *body)
{
    static const char *const patterns[] = {
	"on behalf of ((?:[A-Z0-9][\\w&.'-]*)(?:\\s+(?:[A-Z0-9][\\w&.'-]*|&)){0,3})",
	"(?:role|position|opening|job|opportunity|career|careers) "
	"(?:at|with) ((?:[A-Z0-9][\\w&.'-]*)(?:\\s+(?:[A-Z0-9]"
	"[\\w&.'-]*|&)){0,3})",
	"(?:interview|team|here) at ((?:[A-Z0-9][\\w&.'-]*)(?:\\s+(?:[A-Z0-9]"
	"[\\w&.'-]*|&)){0,3})",
	"(?:interest in|applying to|applied to|application to|"
	"join|joining) ((?:[A-Z0-9][\\w&.'-]*)(?:\\s+(?:[A-Z0-9][\\w&.'-]*|&)){0,3})",
	NULL,
    };
    int i;

    for (i = 0; patterns[i]; i++) {
	g_autoptr (GRegex) re = g_regex_new (patterns[i], 0, 0, NULL);
	g_autoptr (GMatchInfo) mi = NULL;
	char *out = NULL;

	if (re && g_regex_match (re, body, 0, &mi))
	    out = g_match_info_fetch (mi, 1);
	if (out) {
	    gsize n = strlen (out);

	    while (n && strchr (".,;:!?-'", out[n - 1]))
		out[--n] = '\0';
	    /* "at Acme" but not "at The" or "at Our"; a weekday is no
	     * company. */
	    if (*out && ! not_a_name (out) && g_ascii_strncasecmp (out, "the ", 4)
		&& strcmp (out, "Us") && strcmp (out, "You"))
		return out;
	    g_free (out);
	}
    }
    return NULL;
}

/* A word that makes a phrase a job title. */
static gboolean
looks_like_title (const char *role)
{
    static const char *const words[] = {
	"engineer", "developer", "manager", "designer", "analyst",
	"scientist", "lead", "director", "architect", "specialist",
	"consultant", "coordinator", "administrator", "intern", "associate",
	"officer", "writer", "researcher", "sre", "product", "programmer",
	"head", "vp", "president", "accountant", "recruiter", "counsel",
	"strategist", "technician", "advocate", "representative", "owner",
	"principal", "staff", "marketing", "sales", "support", "devops",
	"qa", "tester", "editor", "nurse", "teacher", "operations", NULL,
    };
    g_autofree char *lower = g_ascii_strdown (role, -1);
    int i;

    if (strlen (role) > 80)
	return FALSE;
    for (i = 0; words[i]; i++) {
	if (nmf_text_has_phrase (lower, words[i]))
	    return TRUE;
    }
    return FALSE;
}

static char *
role_from_body (const char *body)
{
    static const char *const patterns[] = {
	"(?:for|about|regarding) (?:the|our|your application for the|a) "
	"([A-Z][\\w/&,.+ -]{1,60}?) (?:role|position|opening|opportunity|job)\\b",
	"(?:^|\\n)\\s*(?:role|position|job title|job)\\s*:\\s*([^\\n]{2,80})",
	"the ([A-Z][\\w/&.+ -]{1,60}?) (?:role|position|opening) (?:at|with)\\b",
	NULL,
    };
    int i;

    for (i = 0; patterns[i]; i++) {
	char *r = regex_group (patterns[i], body, 1);

	if (r && looks_like_title (r))
	    return r;
	g_free (r);
    }
    return NULL;
}

static void
add_person (struct nmf_extract *x, const char *name, const char *addr,
	    const char *const *user_emails)
{
    if (! addr || nmf_address_in (addr, user_emails)
	|| nmf_address_is_robot (addr) || has_person (x->people, addr))
	return;
    g_ptr_array_add (x->people, nmf_person_new (name, addr, NULL));
}

void
nmf_extract_message (const struct nmf_message *msg,
		     const char *const *user_emails, struct nmf_extract *x)
{
    static const char *const none[] = { NULL };
    g_autofree char *phone = NULL;
    g_autofree char *folded = NULL;
    g_autofree char *why = NULL;
    g_autofree char *subject_body = NULL;
    const char *from_addr;
    gboolean from_user;
    guint i;

    memset (x, 0, sizeof (*x));
    x->people = g_ptr_array_new_with_free_func (person_free_cb);
    x->evidence = g_ptr_array_new_with_free_func (g_free);
    if (! msg)
	return;
    if (! user_emails)
	user_emails = none;
    from_addr = msg->from ? msg->from->addr : NULL;
    from_user = from_addr && nmf_address_in (from_addr, user_emails);
    folded = nmf_text_fold (msg->body);
    subject_body = g_strconcat (msg->subject, "\n", msg->body, NULL);

    /* Interview time: the calendar part is authoritative; else the words
     * of the new text. */
    for (i = 0; i < msg->events->len; i++) {
	struct nmf_event *ev = msg->events->pdata[i];

	if (ev->start && ! (ev->method
			    && g_ascii_strcasecmp (ev->method, "CANCEL") == 0)) {
	    x->interview_start = ev->start;
	    x->interview_end = ev->end > ev->start ? ev->end : ev->start;
	    x->interview_tz = ev->tzid ? g_strdup (ev->tzid) : NULL;
	    g_ptr_array_add (x->evidence,
			     g_strdup ("interview time: calendar DTSTART/DTEND"));
	    break;
	}
    }
    if (! x->interview_start && msg->date && ! from_user) {
	struct nmf_when w;

	if (nmf_dates_interview (subject_body, msg->date, msg->date_offset, &w,
				 &why)) {
	    x->interview_start = w.start;
	    x->interview_end = w.end;
	    x->interview_tz = w.zone ? g_strdup (w.zone) : NULL;
	    g_ptr_array_add (x->evidence,
			     g_strdup_printf ("interview time: text '%s'", why));
	}
	nmf_when_release (&w);
	g_clear_pointer (&why, g_free);
    }
    if (msg->date) {
	gint64 day;

	if (nmf_dates_timeline (msg->body, msg->date, msg->date_offset,
				(1u << 6) | (1u << 7), &day, &why)) {
	    x->timeline = day;
	    g_ptr_array_add (x->evidence,
			     g_strdup_printf ("timeline: text '%s'", why));
	}
    }

    /* People: calendar attendees; else names the text introduces and the
     * headers give an address for; else the sender who runs the call. */
    people_from_events (msg, user_emails, x);
    if (! x->people->len && ! from_user) {
	g_autoptr (GPtrArray) names = names_in (msg->body);

	for (i = 0; i < names->len; i++) {
	    const struct nmf_address *a = addr_for_name (msg, names->pdata[i]);

	    if (a)
		add_person (x, a->name ? a->name : names->pdata[i], a->addr,
			    user_emails);
	}
	if (x->people->len)
	    g_ptr_array_add (x->evidence,
			     g_strdup ("people: named in the text, address "
				       "from the headers"));
    }
    if (! x->people->len && from_addr && ! from_user) {
	const struct nmf_address *who = msg->from;
	guint k;

	/* A robot sender with a person in Reply-To: that person. */
	for (k = 0; k < msg->reply_to->len && nmf_address_is_robot (who->addr);
	     k++) {
	    struct nmf_address *r = msg->reply_to->pdata[k];

	    if (! nmf_address_is_robot (r->addr))
		who = r;
	}
	if (! nmf_address_is_robot (who->addr)) {
	    add_person (x, who->name, who->addr, user_emails);
	    g_ptr_array_add (x->evidence,
			     g_strdup (sender_runs_call (folded)
					   ? "people: the sender runs the call"
					   : "people: the sender (nobody else "
					     "named)"));
	}
    }

    /* A phone number in the sender's signature belongs to the sender. */
    phone = phone_from_text (msg->signature);
    if (phone && from_addr) {
	for (i = 0; i < x->people->len; i++) {
	    struct nmf_person *p = x->people->pdata[i];

	    if (strcmp (p->addr, from_addr) == 0 && ! p->phone) {
		p->phone = g_strdup (phone);
		g_ptr_array_add (x->evidence,
				 g_strdup ("phone: sender's signature"));
	    }
	}
    }

    /* Company: the subject's "at X", the text's "on behalf of X" or "role
     * at X", an ATS display name, then the sender's own domain. */
    x->company = company_from_subject (msg->subject);
    if (x->company) {
	g_ptr_array_add (x->evidence, g_strdup ("company: subject"));
    } else if ((x->company = company_from_body (msg->body))) {
	g_ptr_array_add (x->evidence, g_strdup ("company: text"));
    } else if (msg->from && ! from_user
	       && (x->company = company_from_display (msg->from->name))) {
	g_ptr_array_add (x->evidence, g_strdup ("company: sender's name"));
    } else if (from_addr && ! from_user && ! is_ats_domain_addr (from_addr)) {
	x->company = nmf_extract_company_from_addr (from_addr);
	if (x->company)
	    g_ptr_array_add (x->evidence,
			     g_strdup ("company: sender's domain"));
    }
    x->role = role_from_subject (msg->subject);
    if (x->role && ! looks_like_title (x->role)) {
	g_free (x->role);
	x->role = NULL;
    }
    if (x->role) {
	g_ptr_array_add (x->evidence, g_strdup ("role: subject"));
    } else if ((x->role = role_from_body (msg->body))) {
	g_ptr_array_add (x->evidence, g_strdup ("role: text"));
    }
}

void
nmf_extract_release (struct nmf_extract *x)
{
    g_free (x->company);
    g_free (x->role);
    if (x->people)
	g_ptr_array_unref (x->people);
    g_free (x->interview_tz);
    if (x->evidence)
	g_ptr_array_unref (x->evidence);
    memset (x, 0, sizeof (*x));
}
