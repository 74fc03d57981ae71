/* extract.c — company, role, interviewers and interview time of one
 * message (see nmf/extract.h).  Pure: works on struct nmf_message.
 */
#include <string.h>

#include "nmf/classify.h"
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

void
nmf_extract_message (const struct nmf_message *msg,
		     const char *const *user_emails, struct nmf_extract *x)
{
    static const char *const none[] = { NULL };
    g_autofree char *phone = NULL;
    const char *from_addr;
    guint i;

    memset (x, 0, sizeof (*x));
    x->people = g_ptr_array_new_with_free_func (person_free_cb);
    x->evidence = g_ptr_array_new_with_free_func (g_free);
    if (! msg)
	return;
    if (! user_emails)
	user_emails = none;
    from_addr = msg->from ? msg->from->addr : NULL;

    /* Interview time: the calendar part is authoritative. */
    for (i = 0; i < msg->events->len; i++) {
	struct nmf_event *ev = msg->events->pdata[i];

	if (ev->start) {
	    x->interview_start = ev->start;
	    x->interview_end = ev->end > ev->start ? ev->end : ev->start;
	    x->interview_tz = ev->tzid ? g_strdup (ev->tzid) : NULL;
	    g_ptr_array_add (x->evidence,
			     g_strdup ("interview time: calendar DTSTART/DTEND"));
	    break;
	}
    }

    people_from_events (msg, user_emails, x);
    if (! x->people->len && from_addr
	&& ! nmf_address_in (from_addr, user_emails)) {
	const struct nmf_address *who = msg->from;
	guint k;

	/* A robot sender with a person in Reply-To: write to the person. */
	for (k = 0; k < msg->reply_to->len && nmf_address_is_robot (who->addr);
	     k++) {
	    struct nmf_address *r = msg->reply_to->pdata[k];

	    if (! nmf_address_is_robot (r->addr))
		who = r;
	}
	if (! nmf_address_is_robot (who->addr)) {
	    g_ptr_array_add (x->people,
			     nmf_person_new (who->name, who->addr, NULL));
	    g_ptr_array_add (x->evidence,
			     g_strdup ("people: the sender runs the interview"));
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

    x->company = company_from_subject (msg->subject);
    if (x->company) {
	g_ptr_array_add (x->evidence, g_strdup ("company: subject"));
    } else if (from_addr && ! nmf_address_in (from_addr, user_emails)
	       && ! is_ats_domain_addr (from_addr)) {
	x->company = nmf_extract_company_from_addr (from_addr);
	if (x->company)
	    g_ptr_array_add (x->evidence,
			     g_strdup ("company: sender's domain"));
    }
    x->role = role_from_subject (msg->subject);
    if (x->role)
	g_ptr_array_add (x->evidence, g_strdup ("role: subject"));
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
