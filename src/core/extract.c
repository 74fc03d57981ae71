/* extract.c — company, role, interviewers and interview time of one
 * message (see nmf/extract.h).  Pure: works on struct nmf_message.
 */
#include <string.h>

#include "nmf/classify.h"
#include "nmf/dates.h"
#include "nmf/extract.h"
#include "nmf/request.h"
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
    g_free (p->title);
    g_free (p->part);
    g_free (p);
}

struct nmf_person *
nmf_person_copy (const struct nmf_person *p)
{
    struct nmf_person *c = nmf_person_new (p->name, p->addr, p->phone);

    c->title = g_strdup (p->title);
    c->part = g_strdup (p->part);
    return c;
}

static void
person_free_cb (gpointer p)
{
    nmf_person_free (p);
}


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

static char *clean_company (char *company);

/* The registrable label of an address's domain ("acme-robotics" for
 * jo@mail.acme-robotics.example), lowercased; NULL for free mail.  */
static char *
domain_label (const char *addr)
{
    const char *at = addr ? strrchr (addr, '@') : NULL;
    g_autofree char *domain = NULL;
    g_auto (GStrv) labels = NULL;
    guint n, i;
    int idx;

    if (! at || ! at[1])
	return NULL;
    domain = g_ascii_strdown (at + 1, -1);
    /* Free mail says nothing about an employer. */
    if (nmf_domain_is_freemail (domain))
	return NULL;
    labels = g_strsplit (domain, ".", -1);
    n = g_strv_length (labels);
    if (n < 2)
	return NULL;
    idx = (int) n - 2;
    for (i = 0; two_part_suffixes[i]; i++) {
	gsize sl = strlen (two_part_suffixes[i]), dl = strlen (domain);

	if (dl > sl && strcmp (domain + dl - sl, two_part_suffixes[i]) == 0
	    && domain[dl - sl - 1] == '.')
	    idx = (int) n - 3;
    }
    if (idx < 0 || ! *labels[idx])
	return NULL;
    return g_strdup (labels[idx]);
}

/* Letters and digits of s, lowercased, accents dropped; "&" as "and"
 * when and_word is set. */
static char *
squash (const char *s, gboolean and_word)
{
    g_autofree char *ascii = g_str_to_ascii (s, "C");
    GString *out = g_string_new (NULL);
    const char *p;

    for (p = ascii; *p; p++) {
	if (g_ascii_isalnum (*p))
	    g_string_append_c (out, g_ascii_tolower (*p));
	else if (*p == '&' && and_word)
	    g_string_append (out, "and");
    }
    return g_string_free (out, FALSE);
}

/* A run of capitalised words in text that spells the sender's domain
 * label: "Prairie Signal Networks" for prairiesignal.example, "Kiln &
 * Keel" for kilnandkeel.example.  The longest such run up to five words
 * (so that "Cobaltline Networks" wins over "Cobaltline"), without a
 * trailing "Recruiting", "Careers", "Team" or "Talent". */
static char *
company_spelling_domain (const char *text, const char *label)
{
    static const char *const trailing[] = {
	" Recruiting", " Recruitment", " Careers", " Team", " Talent",
	" Hiring", " HR", " Jobs", " Referrals", " People", " Pvt", " K",
	NULL,
    };
    g_autofree char *want = squash (label, FALSE);
    const char *p;
    char *best = NULL;

    if (! text || strlen (want) < 3)
	return NULL;
    for (p = text; *p; p++) {
	const char *q = p;
	GString *run;
	int words = 0;

	if (! g_ascii_isupper (*p) || (p > text && g_ascii_isalnum (p[-1])))
	    continue;
	run = g_string_new (NULL);
	while (words < 5) {
	    const char *w = q;
	    g_autofree char *s1 = NULL;
	    g_autofree char *s2 = NULL;

	    if (*q == '&') {
		q++;
	    } else {
		if (! (g_ascii_isupper (*q) || g_ascii_isdigit (*q)
		       || (unsigned char) *q >= 0x80))
		    break;
		while (*q && (g_ascii_isalnum (*q) || *q == '\''
			      || (unsigned char) *q >= 0x80 || *q == '-'))
		    q++;
	    }
	    if (run->len)
		g_string_append_c (run, ' ');
	    g_string_append_len (run, w, q - w);
	    words++;
	    s1 = squash (run->str, FALSE);
	    s2 = squash (run->str, TRUE);
	    if (! g_str_has_prefix (want, s1) && ! g_str_has_prefix (s1, want)
		&& ! g_str_has_prefix (want, s2) && ! g_str_has_prefix (s2, want))
		break;
	    if (g_str_has_prefix (s1, want) || g_str_has_prefix (s2, want)) {
		char *cand = g_strdup (run->str);
		int t;

		for (t = 0; trailing[t]; t++) {
		    if (g_str_has_suffix (cand, trailing[t])) {
			cand[strlen (cand) - strlen (trailing[t])] = '\0';
			t = -1;
		    }
		}
		cand = clean_company (cand);
		if (cand && (! best || strlen (cand) > strlen (best))) {
		    g_free (best);
		    best = cand;
		} else {
		    g_free (cand);
		}
	    }
	    if (*q != ' ' || ! (g_ascii_isupper (q[1]) || q[1] == '&'
				|| g_ascii_isdigit (q[1])))
		break;
	    q++;
	}
	g_string_free (run, TRUE);
    }
    return best;
}

char *
nmf_extract_company_from_addr (const char *addr)
{
    g_autofree char *label = domain_label (addr);

    return label ? titlecase_label (label) : NULL;
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

    re = nmf_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
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

/* One to four capitalised words on one line: "Acme Robotics", "Vellum &
 * Vane", "Starling Forge GmbH" (a possessive "'s" is not part of it). */
#define COMPANY_WORDS                                                        \
    "[A-Z0-9][\\w&'-]*(?:[ \\t]+(?:[A-Z0-9][\\w&'-]*|&|of|and)){0,3}"

/* Trim what a regex match of COMPANY_WORDS drags along: punctuation, a
 * possessive, a dangling "of"/"and"/"&".  Returns company or NULL (and
 * frees it) when nothing is left. */
static char *
clean_company (char *company)
{
    gboolean again = TRUE;

    if (! company)
	return NULL;
    while (again) {
	gsize n;

	again = FALSE;
	g_strstrip (company);
	n = strlen (company);
	while (n && strchr (".,;:!?-'", company[n - 1])) {
	    company[--n] = '\0';
	    again = TRUE;
	}
	if (g_str_has_suffix (company, "'s")) {
	    company[n - 2] = '\0';
	    again = TRUE;
	}
	if (g_str_has_suffix (company, " of") || g_str_has_suffix (company, " &")) {
	    company[n - 2] = '\0';
	    again = TRUE;
	}
	if (g_str_has_suffix (company, " and")) {
	    company[n - 4] = '\0';
	    again = TRUE;
	}
    }
    if (! *company) {
	g_free (company);
	return NULL;
    }
    return company;
}

static char *
company_from_subject (const char *subject)
{
    /* "... at Acme Robotics", "... with Globex" — capitalised words only,
     * so "at your convenience" is not a company. */
    g_autoptr (GRegex) re = NULL;
    g_autoptr (GMatchInfo) mi = NULL;
    char *out = NULL;

    re = nmf_regex_new ("\\b(?:at|with|from)[ \\t]+(" COMPANY_WORDS ")", 0, 0,
		      NULL);
    if (re && g_regex_match (re, subject, 0, &mi))
	out = g_match_info_fetch (mi, 1);
    return clean_company (out);
}

/* The digits of a phone number ("+1 (312) 555-0147" -> "13125550147"),
 * without a leading country code 1 so that both spellings compare. */
static char *
phone_digits (const char *phone)
{
    GString *d = g_string_new (NULL);
    const char *p;

    for (p = phone; *p; p++) {
	if (g_ascii_isdigit (*p))
	    g_string_append_c (d, *p);
    }
    if (d->len == 11 && d->str[0] == '1')
	g_string_erase (d, 0, 1);
    return g_string_free (d, FALSE);
}

static gboolean
phone_in (GPtrArray *digits, const char *phone)
{
    g_autofree char *d = phone_digits (phone);
    guint i;

    for (i = 0; digits && i < digits->len; i++) {
	if (strcmp (digits->pdata[i], d) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* Does the line before a number at p say it is the reader's ("I'll call
 * you at", "your number")? */
static gboolean
phone_is_readers (const char *text, const char *p)
{
    static const char *const cues[] = { "you at", "you on", "call you",
					"reach you", "your number",
					"your phone", "your mobile",
					"your cell", NULL };
    const char *ls = p;
    g_autofree char *before = NULL;
    int i;

    while (ls > text && ls[-1] != '\n' && p - ls < 60)
	ls--;
    before = g_ascii_strdown (ls, p - ls);
    for (i = 0; cues[i]; i++) {
	if (strstr (before, cues[i]))
	    return TRUE;
    }
    return FALSE;
}

/* A phone number in a signature: 10 to 15 digits with the usual
 * separators, optionally starting with '+'.  Numbers in not (digit
 * strings: the user's own) and numbers the text gives as the reader's
 * are skipped. */
static char *
phone_from_text (const char *text, GPtrArray *not)
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
	if (digits >= 10 && digits <= 15) {
	    g_autofree char *cand = g_strndup (p, q - p);

	    if (! phone_in (not, cand) && ! phone_is_readers (text, p))
		return g_steal_pointer (&cand);
	}
	if (*q == '\0')
	    break;
	p = q;
    }
    return NULL;
}

/* Every phone number in text, as digit strings, into out. */
static void
all_phones (const char *text, GPtrArray *out)
{
    const char *p = text;

    while (p && *p) {
	g_autofree char *ph = phone_from_text (p, out);
	const char *at;

	if (! ph)
	    return;
	at = strstr (p, ph);
	g_ptr_array_add (out, phone_digits (ph));
	p = at ? at + strlen (ph) : NULL;
    }
}

/* The user's own phone numbers as the quoted text shows them (DESIGN
 * §5: they never become someone else's): numbers in the lines of a
 * quoted message the user wrote (after "On ..., Alex <alex@...> wrote:"
 * or an Outlook "From: Alex <alex@...>"), and numbers on a line that
 * carries one of the user's addresses (a signature line).  Digit
 * strings; g_ptr_array_unref. */
static GPtrArray *
user_phones (const struct nmf_message *msg, const char *const *user_emails)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    g_auto (GStrv) lines = NULL;
    gboolean owner[16] = { FALSE };
    g_autofree char *prev = g_strdup ("");
    guint i;

    if (! msg->quoted || ! *msg->quoted)
	return out;
    lines = g_strsplit (msg->quoted, "\n", -1);
    for (i = 0; lines[i]; i++) {
	const char *l = lines[i];
	guint depth = 0;
	gboolean mine = FALSE;
	g_autofree char *lower = NULL;
	int k;

	while (*l == '>' || *l == ' ') {
	    if (*l == '>')
		depth++;
	    l++;
	}
	depth = MIN (depth, 14u);
	lower = g_ascii_strdown (l, -1);
	for (k = 0; user_emails[k]; k++) {
	    if (strstr (lower, user_emails[k]))
		mine = TRUE;
	}
	if (strstr (lower, "wrote:")) {
	    g_autofree char *both = g_strconcat (prev, " ", lower, NULL);

	    for (k = 0; user_emails[k]; k++) {
		if (strstr (both, user_emails[k]))
		    mine = TRUE;
	    }
	    owner[depth + 1] = mine;
	} else if (g_str_has_prefix (lower, "from:")) {
	    owner[depth] = mine;
	} else if (mine || owner[depth]) {
	    all_phones (l, out);
	}
	g_free (prev);
	prev = g_steal_pointer (&lower);
    }
    return out;
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

/* Does the message describe this person as someone who schedules
 * (coordinator, recruiting, HR) rather than interviews?  Their address,
 * or the words right after their name in the text or signature. */
static gboolean
scheduler_by (const struct nmf_message *msg, const struct nmf_address *who,
	      const char *const *words)
{
    g_autofree char *local = NULL;
    const char *at = strchr (who->addr, '@');
    const char *texts[2];
    int t, k;

    if (nmf_address_is_robot (who->addr))
	return TRUE;
    /* The sender says so: "I am only coordinating and will not be on the
     * call". */
    if (msg->from && g_ascii_strcasecmp (msg->from->addr, who->addr) == 0) {
	static const char *const absent[] = {
	    "only coordinating", "not be on the call", "won't be on the call",
	    "not be joining", "won't be joining", "will not join",
	    "won't join", "not join the", "i'm just scheduling",
	    "i am just scheduling", "not be in the interview", NULL,
	};
	g_autofree char *lower = g_ascii_strdown (msg->body, -1);

	for (k = 0; absent[k]; k++) {
	    if (strstr (lower, absent[k]))
		return TRUE;
	}
    }
    local = at ? g_strndup (who->addr, at - who->addr) : g_strdup (who->addr);
    for (k = 0; words[k]; k++) {
	if (strstr (local, words[k]))
	    return TRUE;
    }
    if (! who->name)
	return FALSE;
    texts[0] = msg->body;
    texts[1] = msg->signature;
    for (t = 0; t < 2; t++) {
	g_autofree char *first = g_strndup (who->name,
					    strcspn (who->name, " "));
	const char *p = texts[t] ? strstr (texts[t], who->name) : NULL;

	/* "Robin, who coordinates our onsites": the first name will do. */
	if (! p && texts[t] && strlen (first) > 2) {
	    const char *q = texts[t];

	    while ((q = strstr (q, first))) {
		g_autofree char *win = g_ascii_strdown (q, MIN (strlen (q),
								100));

		if (strstr (win, "coordinat") || strstr (win, "schedul")) {
		    p = q;
		    break;
		}
		q += strlen (first);
	    }
	}
	if (p) {
	    /* The rest of the name's line and the next line. */
	    const char *e = strchr (p, '\n');
	    g_autofree char *window = NULL;
	    g_autofree char *lower = NULL;

	    if (e && e[1])
		e = strchr (e + 1, '\n');
	    window = e ? g_strndup (p, MIN (e - p, 160))
		       : g_strndup (p, 160);
	    lower = g_ascii_strdown (window, -1);
	    for (k = 0; words[k]; k++) {
		if (strstr (lower, words[k]))
		    return TRUE;
	    }
	}
    }
    return FALSE;
}

static gboolean
is_scheduler (const struct nmf_message *msg, const struct nmf_address *who)
{
    static const char *const words[] = {
	"coordinat", "scheduling", "scheduler", "recruit",
	"talent", "human resources", "people operations", "people ops",
	"hr ", "hr\n", "careers", "sourcer", "assistant", NULL,
    };

    return scheduler_by (msg, who, words);
}

/* Narrower than is_scheduler: the message says this person arranges the
 * interview (a coordinator, a scheduler, "I'm only coordinating"), where
 * a recruiter may well run the call. */
static gboolean
only_arranges (const struct nmf_message *msg, const struct nmf_address *who)
{
    static const char *const words[] = {
	"coordinat", "scheduling", "scheduler", "assistant", NULL,
    };

    return scheduler_by (msg, who, words);
}

static gboolean sender_runs_call (const char *folded_body, const char *text);

static gboolean
attends (const struct nmf_event *ev, const char *addr)
{
    guint j;

    for (j = 0; j < ev->attendees->len; j++) {
	const struct nmf_address *a = ev->attendees->pdata[j];

	if (g_ascii_strcasecmp (a->addr, addr) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* A person's name as their mailbox spells it: "dana.ortiz@x" gives
 * "Dana Ortiz" ("dana.j.ortiz" too).  NULL unless the mailbox is a first
 * and a last name of letters; a function's mailbox ("careers.team") is
 * no name.  Mail without display names (older and corporate systems)
 * still says so who its people are.  g_free the result. */
static char *
name_from_addr (const char *addr)
{
    static const char *const function_words[] = {
	"team", "jobs", "job", "careers", "career", "recruiting",
	"recruitment", "recruiter", "talent", "hr", "info", "no", "noreply",
	"reply", "do", "not", "support", "hiring", "people", "admin",
	"office", "mail", "notifications", "notification", "contact",
	"service", "services", "help", "sales", "news", "the", "and",
	"interview", "interviews", "schedule", "scheduling", "calendar",
	"staffing", "resumes", "resume", "apply", "applications", NULL,
    };
    const char *at = addr ? strchr (addr, '@') : NULL;
    g_autofree char *local = NULL;
    g_auto (GStrv) parts = NULL;
    GString *name;
    guint n, i;

    if (! at || nmf_address_is_robot (addr))
	return NULL;
    local = g_ascii_strdown (addr, at - addr);
    parts = g_strsplit_set (local, "._", -1);
    n = g_strv_length (parts);
    if (n < 2 || n > 3)
	return NULL;
    for (i = 0; i < n; i++) {
	const char *c;
	int k;

	/* A middle initial may stand between; the names need two
	 * letters. */
	if (strlen (parts[i]) < (n == 3 && i == 1 ? 1u : 2u))
	    return NULL;
	for (c = parts[i]; *c; c++) {
	    if (! g_ascii_isalpha (*c) && ! (*c == '-' && c != parts[i]))
		return NULL;
	}
	for (k = 0; function_words[k]; k++) {
	    if (strcmp (parts[i], function_words[k]) == 0)
		return NULL;
	}
    }
    if (n == 3 && strlen (parts[1]) != 1)
	return NULL;
    name = g_string_new (NULL);
    for (i = 0; i < n; i += (n == 3 ? 2 : 1)) {
	const char *c;

	if (name->len)
	    g_string_append_c (name, ' ');
	for (c = parts[i]; *c; c++) {
	    gboolean first = c == parts[i] || c[-1] == '-';

	    g_string_append_c (name, first ? g_ascii_toupper (*c) : *c);
	}
    }
    return g_string_free (name, FALSE);
}

static char *turned_name (const char *name);

/* A copy of a with a name in reading order: the mailbox's when the
 * header gave none, "Nora Lind" for "Lind, Nora"; NULL for NULL.  Free
 * with nmf_address_free(). */
static struct nmf_address *
named_copy (const struct nmf_address *a)
{
    struct nmf_address *c = nmf_address_copy (a);

    char *turned = c ? turned_name (c->name) : NULL;

    if (c && (! c->name || ! *c->name)) {
	g_free (c->name);
	c->name = name_from_addr (c->addr);
    } else if (turned) {
	g_free (c->name);
	c->name = g_steal_pointer (&turned);
    }
    g_free (turned);
    return c;
}

/* A display name in directory order, "Lind, Nora" or "Lind, Nora J.",
 * turned round: "Nora Lind".  NULL when name is not of that shape.
 * g_free the result. */
static char *
turned_name (const char *name)
{
    g_autoptr (GRegex) re = nmf_regex_new (
	"^\\s*([A-Z][A-Za-z'-]+),\\s*([A-Z][a-z][A-Za-z'-]*)"
	"(?:\\s+[A-Z]\\.?)?\\s*$", 0, 0, NULL);
    g_autoptr (GMatchInfo) mi = NULL;
    g_autofree char *last = NULL;
    g_autofree char *first = NULL;

    if (! re || ! name || ! g_regex_match (re, name, 0, &mi))
	return NULL;
    last = g_match_info_fetch (mi, 1);
    first = g_match_info_fetch (mi, 2);
    return g_strdup_printf ("%s %s", first, last);
}

static void
add_person (struct nmf_extract *x, const char *name, const char *addr,
	    const char *const *user_emails)
{
    g_autofree char *spelled = NULL;

    if (! addr || nmf_address_in (addr, user_emails)
	|| nmf_address_is_robot (addr) || has_person (x->people, addr))
	return;
    if (! name || ! *name)
	name = spelled = name_from_addr (addr);
    else if ((spelled = turned_name (name)))
	name = spelled;
    g_ptr_array_add (x->people, nmf_person_new (name, addr, NULL));
}

static void
people_from_events (const struct nmf_message *msg, const char *folded,
		    const char *text, const char *const *user_emails,
		    struct nmf_extract *x)
{
    guint i, j;

    for (i = 0; i < msg->events->len; i++) {
	struct nmf_event *ev = msg->events->pdata[i];
	const struct nmf_address *org = ev->organizer;
	guint others = 0;

	if (ev->method && g_ascii_strcasecmp (ev->method, "CANCEL") == 0)
	    continue;
	for (j = 0; j < ev->attendees->len; j++) {
	    struct nmf_address *a = ev->attendees->pdata[j];

	    if (! nmf_address_in (a->addr, user_emails)
		&& ! nmf_address_is_robot (a->addr) && ! is_resource (a->addr)
		&& ! (org && g_ascii_strcasecmp (a->addr, org->addr) == 0))
		others++;
	}
	/* A crowd (an information session, a hiring event) is no panel:
	 * no thank-you to each of its attendees, only the organiser is
	 * someone to write to. */
	if (others > NMF_PANEL_MAX) {
	    g_ptr_array_add (x->evidence, g_strdup_printf (
		"people: %u attendees, a group event: only the organiser",
		others));
	    if (org && ! is_scheduler (msg, org))
		add_person (x, org->name, org->addr, user_emails);
	    continue;
	}
	/* DESIGN §5: the interviewers are the attendees other than the
	 * user; an organiser or attendee who only schedules is not one. */
	for (j = 0; j < ev->attendees->len; j++) {
	    struct nmf_address *a = ev->attendees->pdata[j];

	    if (nmf_address_in (a->addr, user_emails)
		|| nmf_address_is_robot (a->addr) || is_resource (a->addr)
		|| (org && g_ascii_strcasecmp (a->addr, org->addr) == 0))
		continue;
	    if (! is_scheduler (msg, a) || ev->attendees->len <= 2)
		add_person (x, a->name, a->addr, user_emails);
	}
	/* DESIGN §5: an organiser who is not also an attendee only sends
	 * the invitation; one who attends and does not only schedule is
	 * in the call.  Outlook never lists the organiser as an attendee:
	 * there the organiser counts only when they wrote the message and
	 * say in it that they run the call ("I'll be your interviewer"). */
	if (org && ! nmf_address_in (org->addr, user_emails)
	    && ((attends (ev, org->addr) && ! is_scheduler (msg, org))
		|| (msg->from
		    && g_ascii_strcasecmp (msg->from->addr, org->addr) == 0
		    && sender_runs_call (folded, text)
		    && ! only_arranges (msg, org))))
	    add_person (x, org->name, org->addr, user_emails);
    }
    if (x->people->len)
	g_ptr_array_add (x->evidence,
			 g_strdup ("people: calendar attendees other than the "
				   "user and anyone who only schedules"));
}

static gboolean looks_like_title (const char *role);

/* ---- names in text --------------------------------------------------- */

static gboolean
is_capitalised (const char *w)
{
    /* "O'Neil", "D'Souza" as well as "Neil". */
    if (g_ascii_isupper (w[0]) && w[1] == '\'' && g_ascii_isupper (w[2]))
	return w[3] && g_ascii_islower (w[3]);
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
	"Technical", "Final", "First", "Second", "Third",
	/* Titles written after a name in a column ("Ana Ruiz  Vice
	 * President"), and the zone after an hour ("9:00 AM Pacific
	 * Time"). */
	"Vice", "President", "Managing", "Associate", "Analyst",
	"Coordinator", "Assistant", "Administrative", "Executive",
	"Officer", "Specialist", "Consultant", "Recruiter", "Professor",
	"Research", "Economist", "Scientist", "Developer", "Designer",
	"Architect", "Intern", "Pacific", "Eastern", "Central", "Mountain",
	"Atlantic", "Standard", "Daylight", "Time",
	/* A department where a person would be ("11:30 AM  Human
	 * Resources"). */
	"Human", "Resources", "Department", "Personnel",
	/* Words that open a sentence before its subject. */
	"Then", "Tomorrow", "Today", "Also", "Next", "Both", "Finally",
	"Additionally", "Later", "Afterwards", "If", "When", "After",
	"Before", "So", "And", "But", "Or", "Unfortunately", "Hopefully",
	"They", "He", "She", "It", "This", "That", "These", "Those",
	"Someone", "Somebody", "Everyone", "Each", "All", NULL,
    };
    int i;

    for (i = 0; stop[i]; i++) {
	if (strcmp (w, stop[i]) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* A courtesy title before a name ("Dr. ", "Ms "): its length, or 0. */
static gsize
honorific_at (const char *p)
{
    static const char *const titles[] = {
	"Dr", "Mr", "Ms", "Mrs", "Miss", "Prof", "Professor", NULL,
    };
    int i;

    for (i = 0; titles[i]; i++) {
	gsize n = strlen (titles[i]);

	if (strncmp (p, titles[i], n) != 0)
	    continue;
	if (p[n] == '.' && p[n + 1] == ' ' && g_ascii_isupper (p[n + 2]))
	    return n + 2;
	if (p[n] == ' ' && g_ascii_isupper (p[n + 1]))
	    return n + 1;
    }
    return 0;
}

/* The length of a lower-case name particle and its space at p ("van ",
 * "de ", "la "), 0 if none. */
static gsize
particle_at (const char *p)
{
    static const char *const particles[] = {
	"van ", "von ", "der ", "den ", "de ", "da ", "del ", "della ", "di ",
	"du ", "la ", "le ", "dos ", "das ", "bin ", "ibn ", "al ", "el ",
	"ter ", "ten ", NULL,
    };
    int i;

    for (i = 0; particles[i]; i++) {
	if (g_str_has_prefix (p, particles[i]))
	    return strlen (particles[i]);
    }
    return 0;
}

/* Initials that open a name ("P. V. Krishnarao", "J.R. Ewing"), kept as
 * written: appends them to name and returns their length with the
 * space after them; 0 when no capitalised word of two letters or more
 * follows them, or when they are a country's ("U.S. Operations"). */
static gsize
initials_at (const char *p, GString *name)
{
    const char *q = p;
    int n = 0;

    while (n < 3) {
	gsize len = strcspn (q, " \n");

	if (q[len] != ' ' || ! nmf_text_is_initials (q, len))
	    break;
	q += len + 1;
	n++;
    }
    if (! n || ! g_ascii_isupper (q[0]) || ! g_ascii_islower (q[1]))
	return 0;
    g_string_append_len (name, p, q - p - 1);
    return q - p;
}

/* Up to three capitalised words at p: "Priya Shah", "Dana Wu", after a
 * courtesy title or initials if any ("Dr. Dana Wu", "P. V. Krishnarao").
 * Returns the name (g_free) and sets *end; NULL when none. */
static char *
name_at (const char *p, const char **end)
{
    GString *name = g_string_new (NULL);
    int words = 0;

    while (*p == ' ')
	p++;
    p += honorific_at (p);
    p += initials_at (p, name);
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
	/* A particle between names: "Ludwig van Beethoven", "Maria de la
	 * Cruz". */
	if (*p == ' ' && words < 3) {
	    const char *r = p + 1;
	    gsize n;

	    while ((n = particle_at (r)) > 0)
		r += n;
	    if (r > p + 1 && g_ascii_isupper (*r)) {
		g_string_append_len (name, p, r - p - 1);
		p = r - 1;
	    }
	}
	if (*p != ' ' || ! g_ascii_isupper (p[1]))
	    break;
	/* A middle initial ("Nora J. Lind", "Nora J Lind") is left out,
	 * as the mailbox leaves it out. */
	if (words == 1 && (p[2] == ' ' || (p[2] == '.' && p[3] == ' '))) {
	    const char *after = p + (p[2] == '.' ? 4 : 3);

	    if (g_ascii_isupper (after[0]) && g_ascii_islower (after[1]))
		p = after - 1;
	}
	p++;
    }
    *end = p;
    if (! words) {
	g_string_free (name, TRUE);
	return NULL;
    }
    return g_string_free (name, FALSE);
}

/* A name the text gives for someone of the interview.  strong: a
 * labelled line ("Interviewer: ..."), an itinerary line or "you'll meet
 * with ...": a person even when no header gives their address.  A name
 * after a plain "interview with" may be the company's ("interview with
 * Acme Robotics"), so it counts only with an address. */
struct named {
    char *name;
    gboolean strong;
    char *title;   /* the job title beside the name, NULL */
    char *part;    /* the itinerary's session on their line, NULL */
};

static void
named_free (gpointer p)
{
    struct named *n = p;

    g_free (n->name);
    g_free (n->title);
    g_free (n->part);
    g_free (n);
}

static void
add_named (GPtrArray *out, char *name, gboolean strong)
{
    struct named *n = g_new0 (struct named, 1);

    n->name = name;
    n->strong = strong;
    g_ptr_array_add (out, n);
}

/* A job title as said beside a name, without what frames it: "our Head
 * of Design" is "Head of Design"; "Staff Engineer, ana@x.example" is
 * "Staff Engineer".  NULL when nothing of it is a title. */
static char *
clean_title (const char *said)
{
    static const char *const lead[] = { "our ", "my ", "the ", "a ", "an ",
					"Our ", "My ", "The ", NULL };
    g_auto (GStrv) parts = g_strsplit_set (said, ",;", -1);
    guint i;
    int k;

    for (i = 0; parts[i]; i++) {
	char *t = g_strstrip (parts[i]);

	for (k = 0; lead[k]; k++) {
	    if (g_str_has_prefix (t, lead[k]))
		t += strlen (lead[k]);
	}
	if (*t && ! strchr (t, '@') && ! strstr (t, "://")
	    && g_utf8_strlen (t, -1) <= 60 && looks_like_title (t))
	    return nmf_text_one_line (t, 60);
    }
    return NULL;
}

/* The name just added has a job title beside it ("Robert Hayes (VP
 * Engineering)", "Laura Kim, our Head of Design,"): a full name with a
 * title is a person, not a company, whatever introduced it.  The first
 * title said is kept. */
static void
titled (GPtrArray *out, const char *said)
{
    struct named *n = out->len ? out->pdata[out->len - 1] : NULL;

    if (n && strchr (n->name, ' '))
	n->strong = TRUE;
    if (n && ! n->title)
	n->title = clean_title (said);
}

/* Does what follows a name on its line make the line a list item of a
 * person: nothing, ", Title", "(...)", "<addr>", "- ...", a column (a tab
 * or a run of spaces: "Ana Ruiz   Vice President", "Ana Ruiz   3:30 PM")
 * or a title ("Ana Ruiz Director, Research")? */
static gboolean
rest_after_name (const char *end)
{
    const char *s = end;
    g_autofree char *line = NULL;

    if (*end == '\t' || g_str_has_prefix (end, "  "))
	return TRUE;
    while (*s == ' ' || *s == '\t')
	s++;
    if (*s == '\0' || *s == '\n' || *s == ',' || *s == '(' || *s == '<'
	|| *s == '-' || *s == '|' || g_str_has_prefix (s, "–")
	|| g_str_has_prefix (s, "—"))
	return TRUE;
    line = g_strndup (s, strcspn (s, "\n"));
    return looks_like_title (line);
}

/* Does the line at q open with a full name followed by what a list item
 * of people carries (end of line, ", Title", "(...)", "<addr>", "- ...")?
 * "Ilse Brandt, Director of Detection Engineering (ilse@x)". */
static gboolean
line_opens_with_person (const char *q)
{
    const char *end;
    g_autofree char *n = name_at (q, &end);

    if (! n || ! strchr (n, ' '))
	return FALSE;
    return rest_after_name (end);
}

/* The next item of a list of people, one a line, after the line end at
 * q: where its name starts, or NULL at the end of the list.  An item is
 * indented or bulleted, or laid out like the line before (a full name,
 * then a title, a column or an address).  An indented line without a
 * name goes on with the item before ("  end of January)"). */
static const char *
next_list_item (const char *q)
{
    int goes_on = 0;

    while (*q == '\n') {
	const char *s = q + 1;
	const char *t = s + strspn (s, " \t-*");
	const char *end;
	g_autofree char *n = NULL;

	if (line_opens_with_person (s))
	    return s;
	if (t > s && *t != '\n' && *t) {
	    n = name_at (t, &end);
	    if (n)
		return t;
	    if ((*s == ' ' || *s == '\t') && goes_on++ < 2) {
		q = t + strcspn (t, "\n");
		continue;
	    }
	}
	return NULL;
    }
    return NULL;
}

/* Past a possessive and a lower-case role before a name: "our CTO
 * Ruth", "my colleague Yuki Mori", "our recruiter, Jo Park".  q itself
 * when no name follows such words. */
static const char *
past_possessive (const char *q)
{
    static const char *const owners[] = { "our ", "my ", "Our ", "My ",
					  NULL };
    const char *p = NULL;
    int k, words;

    for (k = 0; owners[k] && ! p; k++) {
	if (g_str_has_prefix (q, owners[k]))
	    p = q + strlen (owners[k]);
    }
    if (! p)
	return q;
    /* Up to three words of the role: lower case ("hiring manager") or
     * an acronym ("CTO", "VP"). */
    for (words = 0; words < 3; words++) {
	const char *w = p;
	gboolean lower = g_ascii_islower (*p);
	gboolean acronym = g_ascii_isupper (*p) && g_ascii_isupper (p[1]);

	if (! lower && ! acronym)
	    break;
	while (g_ascii_isalpha (*p) || *p == '-')
	    p++;
	if (acronym) {
	    const char *c;

	    for (c = w; c < p; c++) {
		if (! g_ascii_isupper (*c))
		    return q;
	    }
	}
	if (*p == ',' && p[1] == ' ')
	    p++;
	if (*p != ' ')
	    return q;
	p++;
	if (is_capitalised (p))
	    return p;
    }
    return q;
}

/* Names in a list starting at q: "Priya Shah (Engineering Manager) and
 * Sam Patel", "Ravi Menon, VP Engineering (ravi@x)\n  Ilse Brandt, ...".
 * per_line: the list may go on over the following lines (after a label
 * such as "Panel:"). */
static void
name_list_1 (const char *q, gboolean per_line, gboolean need_full,
	     gboolean strong, GPtrArray *out);

/* The names of a list at q, added to out (as name_list_1).  Two full
 * names or more in a row are people even after a weak phrase
 * ("interview with Dan Brooks, Amy Chen and Raj Patel"): a company is
 * seldom listed with another. */
static void
name_list (const char *q, gboolean per_line, gboolean need_full,
	   gboolean strong, GPtrArray *out)
{
    guint before = out->len, i;

    name_list_1 (q, per_line, need_full, strong, out);
    if (out->len - before < 2)
	return;
    for (i = before; i < out->len; i++) {
	if (! strchr (((struct named *) out->pdata[i])->name, ' '))
	    return;
    }
    for (i = before; i < out->len; i++)
	((struct named *) out->pdata[i])->strong = TRUE;
}

static void
name_list_1 (const char *q, gboolean per_line, gboolean need_full,
	     gboolean strong, GPtrArray *out)
{
    /* "The panel will be me, Owen Mbeki and ...": the writer is no name
     * of the list (sender_runs_call hears them). */
    static const char *const self[] = { "me, ", "me and ", "myself, ",
					"myself and ", NULL };
    int k;

    for (k = 0; self[k]; k++) {
	if (g_str_has_prefix (q, self[k])) {
	    q += strlen (self[k]);
	    break;
	}
    }
    while (out->len < 12) {
	const char *end;
	char *n;

	q = past_possessive (q);
	n = name_at (q, &end);

	if (! n)
	    return;
	if (need_full && ! strchr (n, ' ')) {
	    /* "with Dana" after a plain "with": too weak alone. */
	    g_free (n);
	    return;
	}
	add_named (out, n, strong);
	q = end;
	/* Skip ", Engineering Manager", "- Principal Engineer" and
	 * "(addr or title)". */
	for (;;) {
	    while (*q == ' ' || *q == '\t')
		q++;
	    if (*q == '(' || *q == '<') {
		const char *close = strchr (q, *q == '(' ? ')' : '>');
		g_autofree char *inside = NULL;

		if (! close || close - q > 120)
		    break;
		inside = g_strndup (q + 1, close - q - 1);
		if (*q == '(' && looks_like_title (inside))
		    titled (out, inside);
		q = close + 1;
		continue;
	    }
	    if ((*q == ',' || *q == '-' || *q == '|') && q[1] == ' ') {
		const char *r = q + 2;
		g_autofree char *maybe = NULL;

		while (*r && *r != '\n' && *r != '(' && *r != ','
		       && *r != ';' && ! g_str_has_prefix (r, " and ")
		       && ! g_str_has_prefix (r, " or "))
		    r++;
		maybe = g_strndup (q + 2, r - (q + 2));
		if (looks_like_title (maybe)) {
		    titled (out, maybe);
		    q = r;
		    continue;
		}
	    }
	    break;
	}
	/* In a list of lines, a title in its own column ("Ana Ruiz
	 * Vice President, Research") closes the item. */
	if (per_line && *q && *q != '\n') {
	    const char *s = q + strspn (q, " \t");

	    if (*q == '\t' || g_str_has_prefix (q, "  ")
		|| (*s != ',' && *s != ';' && ! g_str_has_prefix (s, "and ")
		    && ! g_str_has_prefix (s, "& ") && rest_after_name (q))) {
		g_autofree char *column = g_strndup (s, strcspn (s, "\n"));

		if (looks_like_title (g_strchomp (column)))
		    titled (out, column);
		q += strcspn (q, "\n");
	    }
	}
	while (*q == ' ' || *q == '\t')
	    q++;
	if (*q == ',' || *q == ';')
	    q++;
	while (*q == ' ' || *q == '\t')
	    q++;
	if (g_str_has_prefix (q, "and "))
	    q += 4;
	else if (g_str_has_prefix (q, "or "))
	    q += 3;
	else if (g_str_has_prefix (q, "& "))
	    q += 2;
	else if (*q == '\n' && per_line) {
	    q = next_list_item (q);
	    if (! q)
		return;
	} else if (! g_ascii_isupper (*q))
	    return;
    }
}

/* Words of a session's title in an itinerary ("System Design", "Code
 * Review", "Lunch Break"): a capitalised pair of them is no name. */
static gboolean
session_word (const char *w)
{
    static const char *const words[] = {
	"System", "Systems", "Design", "Code", "Coding", "Review", "Lunch",
	"Break", "Culture", "Values", "Fit", "Architecture", "Deep", "Dive",
	"Wrap", "Wrap-up", "Welcome", "Tour", "Office", "Presentation",
	"Debrief", "Pairing", "Pair", "Programming", "Exercise", "Case",
	"Study", "Behavioral", "Behavioural", "Algorithms", "Overview",
	"Leadership", "Whiteboard", "Sense", "Strategy", "Q&A", "Check-in",
	"Coffee", "Chat", "Session", "Closing", "Intro", "Introduction",
	NULL,
    };
    int i;

    for (i = 0; words[i]; i++) {
	if (strcmp (w, words[i]) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* A full name at p that is no session's title, with what follows it on
 * its line fit for a person (end, ", Title", "(...)", "<addr>", "- ...",
 * " and ..."); NULL otherwise.  single: a first name alone will do.
 * Sets *end. */
static char *
slot_name_at (const char *p, const char **end, gboolean single)
{
    char *n = name_at (p, end);
    g_auto (GStrv) words = NULL;
    const char *e;
    guint w;

    if (! n)
	return NULL;
    words = g_strsplit (n, " ", -1);
    for (w = 0; words[w]; w++) {
	if (session_word (words[w]))
	    break;
    }
    e = *end;
    while (*e == ' ')
	e++;
    if ((! single && ! strchr (n, ' ')) || words[w]
	|| ! (*e == '\0' || *e == ',' || *e == '(' || *e == '<' || *e == '-'
	      || *e == '&' || *e == '/' || g_str_has_prefix (e, "and "))) {
	g_free (n);
	return NULL;
    }
    return n;
}

/* Is the column s of an itinerary line the name of a session ("System
 * Design", "Code review", "Hiring manager interview")? */
static gboolean
part_like (const char *s)
{
    static const char *const words[] = { "interview", "screen", "round",
					 "session", "discussion", "demo",
					 "walkthrough", "deep dive", NULL };
    g_autofree char *lower = g_ascii_strdown (s, -1);
    g_auto (GStrv) w = g_strsplit (s, " ", 6);
    guint i;

    if (! *s || strchr (s, '@') || g_utf8_strlen (s, -1) > 40)
	return FALSE;
    for (i = 0; w[i]; i++) {
	g_autofree char *cap = g_strdup (w[i]);

	cap[0] = g_ascii_toupper (cap[0]);
	if (session_word (cap))
	    return TRUE;
    }
    for (i = 0; words[i]; i++) {
	if (nmf_text_has_phrase (lower, words[i]))
	    return TRUE;
    }
    return FALSE;
}

/* The people on one itinerary line besides its times: "James Whitaker,
 * Head of Data (hiring manager)", "Code review   Kwame Asante <k@x>",
 * "Lunch with Maya Chen", "Ana Ruiz and Sam Patel".  The rest is cut
 * into columns (tabs, runs of spaces, " - ", " | "); the last column
 * that opens with a full name which is not a session's title gives
 * them: that name and the ones joined to it by "and", "&" or a comma,
 * with the titles beside them.  The session of the line ("Code
 * review", "Lunch") is the part each of them runs. */
static void
itinerary_people (const char *rest, GPtrArray *out)
{
    g_autoptr (GRegex) cols = nmf_regex_new ("\\t+| {2,}| [-–—|·•] ", 0, 0,
					     NULL);
    g_auto (GStrv) parts = cols ? g_regex_split (cols, rest, 0) : NULL;
    const char *best = NULL;
    g_autofree char *part = NULL;
    gboolean single = FALSE;
    const char *end;
    guint i;

    for (i = 0; parts && parts[i]; i++) {
	const char *starts[2] = { parts[i], NULL };
	const char *with = strstr (parts[i], " with ");
	int k;

	if (with)
	    starts[1] = with + 6;
	for (k = 0; k < 2; k++) {
	    g_autofree char *n = starts[k] ? slot_name_at (starts[k], &end,
							   FALSE)
					   : NULL;
	    g_autofree char *before = NULL;

	    if (! n)
		continue;
	    best = starts[k];
	    g_clear_pointer (&part, g_free);
	    before = k ? g_strndup (parts[i], with - parts[i])
		       : i ? g_strdup (parts[i - 1]) : NULL;
	    if (before && part_like (g_strstrip (before)))
		part = g_steal_pointer (&before);
	    else if (parts[i + 1] && part_like (parts[i + 1])
		     && ! looks_like_title (parts[i + 1]))
		part = g_strdup (parts[i + 1]);
	}
    }
    /* "10:00 AM  Vasant, Vice President": a first name alone is a
     * person only when a header's address is theirs (not strong). */
    if (! best && parts && parts[0]) {
	g_autofree char *n = slot_name_at (parts[0], &end, TRUE);

	if (n) {
	    best = parts[0];
	    single = TRUE;
	}
    }
    while (best && out->len < 12) {
	char *n = slot_name_at (best, &end, single);
	struct named *got;

	if (! n)
	    break;
	add_named (out, n, ! single);
	got = out->pdata[out->len - 1];
	got->part = part ? nmf_text_one_line (part, 40) : NULL;
	/* Past ", Title" and "(...)" to a joiner. */
	best = NULL;
	while (*end && ! best) {
	    if (g_str_has_prefix (end, " and "))
		best = end + 5;
	    else if (g_str_has_prefix (end, " & "))
		best = end + 3;
	    else if (*end == ',' && end[1] == ' ') {
		const char *r = end + 2;
		g_autofree char *maybe = NULL;

		r += strcspn (r, ",(");
		maybe = g_strndup (end + 2, r - (end + 2));
		if (looks_like_title (maybe)) {
		    titled (out, maybe);
		    end = r;
		} else
		    best = end + 2;
	    } else if (*end == '(') {
		const char *close = strchr (end, ')');

		if (close) {
		    g_autofree char *inside = g_strndup (end + 1,
							 close - end - 1);

		    if (looks_like_title (inside))
			titled (out, inside);
		}
		end = close ? close + 1 : end + strlen (end);
	    } else
		end++;
	}
    }
}

/* Itinerary lines: a time or a time range at the start of a line
 * ("10:00 - 10:45 AM  James Whitaker, Head of Data (hiring manager)",
 * "1:00pm–1:45pm | Pairing | Ana Ruiz", "9:00 AM  Ana Ruiz and Sam
 * Patel"), or after the name ("Ana Ruiz    3:30 PM"), each giving the
 * people of that session.  A single time needs its minutes or am/pm,
 * so that a numbered list is no itinerary. */
static void
itinerary_names (const char *body, GPtrArray *out)
{
/* "am" or "pm", never the start of a name ("1:30  Amy Chen"). */
#define T_AMPM "(?i:[ap]\\.?m\\.?)(?![A-Za-z])"
#define T_ANY "\\d{1,2}(?:[:.]\\d{2})?[ \\t]*(?:" T_AMPM ")?"
#define T_ONE "\\d{1,2}(?:[:.]\\d{2}[ \\t]*(?:" T_AMPM ")?|[ \\t]*" T_AMPM ")"
/* A day before the time, as a multi-day schedule writes it: "Monday",
 * "Tue, May 4", "Thursday, May 4th,". */
#define T_DAY "(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)" \
	"(?:day)?\\.?,?[ \\t]+(?:[A-Z][a-z]{2,8}\\.?[ \\t]+\\d{1,2}" \
	"(?:st|nd|rd|th)?,?[ \\t]+)?(?:at[ \\t]+)?)?"
#define T_SLOT "(?:" T_ANY "[ \\t]*(?:-|–|—|to)[ \\t]*" T_ANY "|" T_ONE ")" \
	"(?:[ \\t]+[A-Z]{2,4}\\b)?"
    static const char *const line_res[] = {
	"(?m)^[ \\t>*•-]*" T_DAY T_SLOT "[ \\t]*[:|-]?[ \\t]*([^\\n]*)$",
	"(?m)^[ \\t>*•-]*([A-Z][^\\n]{2,80}?)[ \\t]*[,:|-]?[ \\t]+" T_SLOT
	"[ \\t]*$",
    };
#undef T_AMPM
#undef T_ANY
#undef T_ONE
#undef T_SLOT
#undef T_DAY
    gsize r;

    for (r = 0; r < G_N_ELEMENTS (line_res); r++) {
	g_autoptr (GRegex) re = nmf_regex_new (line_res[r], 0, 0, NULL);
	g_autoptr (GMatchInfo) mi = NULL;

	if (! re || ! g_regex_match (re, body, 0, &mi))
	    continue;
	while (g_match_info_matches (mi) && out->len < 12) {
	    g_autofree char *rest = g_match_info_fetch (mi, 1);

	    if (rest)
		itinerary_people (rest, out);
	    g_match_info_next (mi, NULL);
	}
    }
}

/* The names of a list that ends right at stop, read from q: "Dr. Lind,
 * Owen Price and Teo Ruiz", "Jo Park, our recruiter,".  Added to out
 * (full names strong) when the whole span is such a list. */
static gboolean
list_ends_at (const char *q, const char *stop, gboolean strong,
	      GPtrArray *out)
{
    g_autoptr (GPtrArray) got = g_ptr_array_new_with_free_func (named_free);

    while (q < stop && got->len < 12) {
	const char *end;
	char *n = name_at (q, &end);

	if (! n || end > stop) {
	    g_free (n);
	    return FALSE;
	}
	add_named (got, n, strong && strchr (n, ' ') != NULL);
	q = end;
	/* "(Director)" and ", our recruiter," after a name. */
	for (;;) {
	    while (*q == ' ')
		q++;
	    if (*q == '(') {
		const char *close = strchr (q, ')');
		g_autofree char *inside = NULL;

		if (! close || close >= stop)
		    return FALSE;
		inside = g_strndup (q + 1, close - q - 1);
		if (looks_like_title (inside))
		    titled (got, inside);
		q = close + 1;
		continue;
	    }
	    if (*q == ',' && q[1] == ' ') {
		const char *r = q + 2;
		g_autofree char *maybe = NULL;

		while (r < stop && *r != ',' && *r != '(')
		    r++;
		maybe = g_strndup (q + 2, r - (q + 2));
		if (looks_like_title (maybe) && ! strstr (maybe, " and ")) {
		    titled (got, maybe);
		    q = *r == ',' ? r + 1 : r;
		    continue;
		}
	    }
	    break;
	}
	while (*q == ' ')
	    q++;
	if (q >= stop)
	    break;
	if (*q == ',')
	    q++;
	/* "Andrés Salinas (in copy), would like to meet you": the comma
	 * closes the list. */
	if (q >= stop)
	    break;
	while (*q == ' ')
	    q++;
	if (g_str_has_prefix (q, "and "))
	    q += 4;
	else if (g_str_has_prefix (q, "& "))
	    q += 2;
	else if (! g_ascii_isupper (*q))
	    return FALSE;
    }
    if (! got->len)
	return FALSE;
    while (got->len) {
	struct named *n = g_ptr_array_steal_index (got, 0);

	g_ptr_array_add (out, n);
    }
    return TRUE;
}

/* The names that are the subject of the sentence whose verb starts at
 * act in text: the longest list ending there, from a word of the same
 * sentence. */
/* Where the sentence that act is in starts in text. */
static const char *
sentence_start (const char *text, const char *act)
{
    const char *start = act;

    /* "Dr. " ends no sentence. */
    while (start > text) {
	const char *c = start - 1;

	if (*c == '\n' && c > text && c[-1] == '\n')
	    break;
	if ((*c == ' ' || *c == '\n') && c > text
	    && strchr (".!?:;", c[-1])) {
	    const char *w = c - 1;

	    while (w > text && g_ascii_isalpha (w[-1]))
		w--;
	    if (! honorific_at (w))
		break;
	}
	start = c;
    }
    return start;
}

static void
subject_names (const char *text, const char *act, gboolean strong,
	       GPtrArray *out)
{
    const char *start = sentence_start (text, act);
    const char *q;

    for (q = start; q < act; q++) {
	if ((q == start || q[-1] == ' ' || q[-1] == '\n')
	    && g_ascii_isupper (*q) && list_ends_at (q, act, strong, out))
	    return;
    }
}

/* The people the writer names beside themselves in "X and I will talk
 * with you": the subject of the sentence, ending at act (" and I"), at
 * its start or after a possessive role ("My colleague ..."): a list
 * ("Owen Price, Teo Ruiz and I"), or one name with what may follow a
 * name there ("(Staff Engineer, cc)", "from the platform team").  A name
 * further into the sentence ("great to meet you at PyCon Berlin and I
 * ...") is no subject. */
static void
co_interviewer_names (const char *text, const char *act, GPtrArray *out)
{
    const char *starts[2];
    int k;

    starts[0] = sentence_start (text, act);
    starts[1] = past_possessive (starts[0]);
    for (k = 0; k < 2; k++) {
	if (list_ends_at (starts[k], act, TRUE, out))
	    return;
    }
    for (k = 0; k < 2; k++) {
	const char *end;
	const char *r;
	char *n = name_at (starts[k], &end);

	if (! n || end > act) {
	    g_free (n);
	    continue;
	}
	r = end;
	while (r < act && *r == ' ')
	    r++;
	if (*r == '(') {
	    const char *close = strchr (r, ')');

	    r = close && close < act ? close + 1 : act + 1;
	}
	/* Only lower-case words up to " and I". */
	while (r < act && (g_ascii_islower (*r) || *r == ' ' || *r == '-'))
	    r++;
	if (r == act) {
	    add_named (out, n, TRUE);
	    return;
	}
	g_free (n);
    }
}

/* The first item of a list below its label, after the line end at q:
 * blank lines and a bullet or indent skipped.  NULL when no line with a
 * name follows within two blank lines. */
static const char *
list_below (const char *q)
{
    int blank = 0;

    while (*q == '\n' && blank < 3) {
	const char *s = q + 1;
	const char *t = s + strspn (s, " \t-*");

	if (*t == '\n') {
	    blank++;
	    q = t;
	    continue;
	}
	return *t ? t : NULL;
    }
    return NULL;
}

/* " and I will talk with you", " and I would like to invite you to an
 * interview", " and I look forward to meeting you": the writer meets the
 * reader with someone.  The verb is the writer's own ("and I will
 * arrange the telephone interview" is no meeting of theirs). */
#define WE_MEET_RE \
    " and\\s+I(?:(?:\\s+(?:will|would|shall)|'ll|'d|’ll|’d)" \
    "(?:\\s+(?:also|both))?(?:\\s+(?:be|like\\s+to|love\\s+to))?" \
    "\\s+(?:(?:talk|speak|meet|chat|interview|call)\\w*\\b" \
    "|invite\\s+you\\s+to\\s+an?\\s+(?:\\w+\\s+)?interview)" \
    "|\\s+(?:look|am\\s+looking)\\s+forward\\s+to\\s+" \
    "(?:talking|speaking|meeting|chatting))"

/* Is the line at s a roster's row: a full name, a column (a tab or a
 * run of spaces) and a job title ("Stinson Gibner    Vice President")? */
static gboolean
roster_row (const char *s)
{
    const char *end, *col;
    g_autofree char *n = name_at (s, &end);
    g_autofree char *rest = NULL;

    if (! n || ! strchr (n, ' ') || ! (*end == '\t'
				       || g_str_has_prefix (end, "  ")))
	return FALSE;
    col = end + strspn (end, " \t");
    rest = g_strndup (col, strcspn (col, "\n"));
    return *rest && looks_like_title (g_strchomp (rest));
}

/* A roster: two rows or more in a row, each a full name and a title in
 * columns, as an assistant lays out who interviews, whether or not a
 * sentence announces it (a name read twice is one person).  The first
 * one of the text is read as a list. */
static void
roster_names (const char *body, GPtrArray *out)
{
    const char *line = body;

    while (line && *line) {
	const char *next = strchr (line, '\n');
	const char *s = line + strspn (line, " \t");

	if (next && roster_row (s) && roster_row (next + 1
						 + strspn (next + 1, " \t"))) {
	    name_list (s, TRUE, FALSE, TRUE, out);
	    return;
	}
	line = next ? next + 1 : NULL;
    }
}

/* Names that the text introduces as the people of the interview, as
 * struct named.  prose: also the ones a sentence names ("you'll meet
 * with ..."); else only labelled and announced lists and itineraries. */
static GPtrArray *
names_in (const char *body, gboolean prose)
{
    /* Labels at the start of a line, as ATS notices and itineraries
     * write them.  A label may run into its value when an HTML table
     * cell was its own column ("PanelRavi Menon"). */
    static const char label_re[]
	= "(?m)^[ \\t>*-]*(?i:interviewers?|interviewer\\(s\\)|who:[ \\t]*(?:me and )?|"
	  "panel(?:ists| members?)?|who you(?:'ll| will) meet|"
	  "you(?:'ll| will) (?:be )?meet(?:ing)?(?: with)?)"
	  "(?:[ \\t]*:[ \\t]*|[ \\t]+|(?=[A-Z][a-z]))";
    /* Prose that introduces the people one meets; the first ones say
     * it of a person, the last ones may name a company. */
    static const struct {
	const char *words;
	gboolean strong;
	gboolean need_full;
    } triggers[] = {
	{ "meet with ", TRUE, FALSE },
	{ "meeting with ", TRUE, FALSE },
	{ "speak with ", TRUE, FALSE },
	{ "speaking with ", TRUE, FALSE },
	{ "talk with ", TRUE, FALSE },
	{ "talking with ", TRUE, FALSE },
	{ "you'll meet ", TRUE, FALSE },
	{ "you will meet ", TRUE, FALSE },
	{ "you'll be meeting ", TRUE, FALSE },
	{ "you will be meeting ", TRUE, FALSE },
	/* "You'd be meeting Marcus Lee", "you would be meeting ...". */
	{ "be meeting ", TRUE, FALSE },
	/* Who the interviewers are, said of them: "Our interviewer, Dr.
	 * Amelia Hart, is unwell", "The panel will be me, Owen Mbeki and
	 * Sunita Iyer". */
	{ "interviewer, ", TRUE, FALSE },
	{ "interviewer is ", TRUE, FALSE },
	{ "interviewer will be ", TRUE, FALSE },
	{ "interviewers are ", TRUE, FALSE },
	{ "interviewers will be ", TRUE, FALSE },
	{ "panel will be ", TRUE, FALSE },
	{ "panel is ", TRUE, FALSE },
	{ "panel includes ", TRUE, FALSE },
	{ "panel will include ", TRUE, FALSE },
	{ "be joined by ", TRUE, FALSE },
	{ "joined by ", TRUE, FALSE },
	{ "it will be me and ", TRUE, FALSE },
	{ "with me and ", TRUE, FALSE },
	{ "me and ", TRUE, FALSE },
	{ "conducted by ", TRUE, FALSE },
	{ "interviewed by ", TRUE, FALSE },
	{ "will interview you", TRUE, FALSE },
	{ "chat with ", FALSE, FALSE },
	/* "people in our group, which would include myself, Zimin Lu and
	 * ..." */
	{ "would include ", FALSE, FALSE },
	{ "will include ", FALSE, FALSE },
	{ "interview with ", FALSE, FALSE },
	{ "interviewing with ", FALSE, FALSE },
	{ "call with ", FALSE, FALSE },
	{ "conversation with ", FALSE, FALSE },
	{ "talk to ", FALSE, FALSE },
	{ "speak to ", FALSE, FALSE },
	{ "meet ", FALSE, FALSE },
	{ "with ", FALSE, TRUE },
    };
    /* What the people of the interview do to the reader, said after
     * their names.  A company does the last ones too ("Acme would like
     * to interview you"): a name there counts only with an address. */
    static const struct {
	const char *words;
	gboolean strong;
    } acts[] = {
	{ " will interview you", TRUE },
	{ " will be interviewing you", TRUE },
	{ " will call you", TRUE },
	{ " will be calling you", TRUE },
	{ " will give you a call", TRUE },
	{ " will meet with you", TRUE },
	{ " will be meeting with you", TRUE },
	{ " will speak with you", TRUE },
	{ " will talk with you", TRUE },
	{ " will be your interviewer", TRUE },
	{ " would like to interview you", FALSE },
	{ " would like to chat with you", FALSE },
	{ " would like to speak with you", FALSE },
	{ " would like to talk with you", FALSE },
	{ " would love to chat with you", FALSE },
	{ " would love to meet you", FALSE },
	{ " would like to meet you", FALSE },
	{ " would like to meet with you", FALSE },
	{ " will conduct the interview", FALSE },
	{ " will be conducting the interview", FALSE },
    };
    static const char intro_re[]
	= "(?m)^[^\\n]{0,100}?(?i:\\binterviewers?\\b|\\binterview(?:ing)? you|"
	  "\\binterview(?:ing|s)? with\\b|\\bto meet\\b|"
	  "\\bthe following (?:people|persons|individuals|members)\\b|"
	  "\\bmeet(?:ing)? with\\b|\\byou(?:'ll| will) (?:be )?meet|"
	  "\\b(?:speak|talk)(?:ing)? with\\b)(?:[^\\n:]|:\\d){0,60}"
	  /* The sentence may wrap once before its colon; a time's colon
	   * ("from 1:00 to 3:00 PM:") is none. */
	  "(?:\\n(?:[^\\n:]|:\\d){1,60})?:[ \\t]*$";
    GPtrArray *out = g_ptr_array_new_with_free_func (named_free);
    g_autoptr (GRegex) re = nmf_regex_new (label_re, 0, 0, NULL);
    g_autoptr (GRegex) intro = nmf_regex_new (intro_re, 0, 0, NULL);
    g_autoptr (GRegex) we = nmf_regex_new (WE_MEET_RE, 0, 0, NULL);
    g_autoptr (GRegex) unwrap = nmf_regex_new ("(?<!\\n)\\n(?!\\n)", 0, 0,
					       NULL);
    g_autofree char *flat = unwrap ? g_regex_replace_literal (unwrap, body, -1,
							       0, " ", 0, NULL)
				   : g_strdup (body);
    g_autoptr (GMatchInfo) mi = NULL;
    gsize t;

    /* A regex refuses text that is no UTF-8: work on it as it is. */
    if (! flat)
	flat = g_strdup (body);

    if (re && g_regex_match (re, body, 0, &mi)) {
	while (g_match_info_matches (mi) && out->len < 12) {
	    int end = 0;

	    const char *q;

	    g_match_info_fetch_pos (mi, 0, NULL, &end);
	    q = body + end;
	    /* "Interviewers:" alone on its line, the list below it. */
	    if (*q == '\n')
		q = list_below (q);
	    if (q)
		name_list (q, TRUE, FALSE, TRUE, out);
	    g_match_info_next (mi, NULL);
	}
    }
    g_clear_pointer (&mi, g_match_info_free);
    /* A sentence that announces the list below it: "The interviewers
     * would be:", "The people who will be interviewing you are:". */
    if (intro && g_regex_match (intro, body, 0, &mi)) {
	while (g_match_info_matches (mi) && out->len < 12) {
	    int end = 0;
	    const char *q;

	    g_match_info_fetch_pos (mi, 0, NULL, &end);
	    q = list_below (body + end);
	    if (q)
		name_list (q, TRUE, FALSE, TRUE, out);
	    g_match_info_next (mi, NULL);
	}
    }
    roster_names (body, out);
    itinerary_names (body, out);
    /* Prose wraps: "with\nTom Castellano" is "with Tom Castellano". */
    for (t = 0; prose && t < G_N_ELEMENTS (triggers); t++) {
	const char *p = flat;

	while ((p = strstr (p, triggers[t].words)) && out->len < 12) {
	    p += strlen (triggers[t].words);
	    name_list (p, FALSE, triggers[t].need_full, triggers[t].strong,
		       out);
	}
    }
    /* The people as the subject of the sentence: "Dr. Lind, Owen Price
     * and Teo Ruiz will interview you", "Jo Park, our recruiter, will
     * call you". */
    for (t = 0; prose && t < G_N_ELEMENTS (acts); t++) {
	const char *p = flat;

	while ((p = strstr (p, acts[t].words)) && out->len < 12) {
	    subject_names (flat, p, acts[t].strong, out);
	    p += strlen (acts[t].words);
	}
    }
    /* The writer and a colleague: "My colleague Timo Krause (Staff
     * Engineer, cc) and I will talk with you", "Sanne Bakker from the
     * platform team and I will interview you". */
    g_clear_pointer (&mi, g_match_info_free);
    if (prose && we && g_regex_match (we, flat, 0, &mi)) {
	while (g_match_info_matches (mi) && out->len < 12) {
	    int at = 0;

	    g_match_info_fetch_pos (mi, 0, &at, NULL);
	    co_interviewer_names (flat, flat + at, out);
	    g_match_info_next (mi, NULL);
	}
    }
    g_clear_pointer (&mi, g_match_info_free);
    return out;
}

/* Give each person the title and part the text gives beside their name:
 * the same full name, or their first name alone when one person of the
 * list has it. */
static void
describe_people (GPtrArray *people, const GPtrArray *names)
{
    guint i, k;

    for (i = 0; i < people->len; i++) {
	struct nmf_person *p = people->pdata[i];
	g_autofree char *first = NULL;
	guint firsts = 0;

	if (! p->name)
	    continue;
	first = g_strndup (p->name, strcspn (p->name, " "));
	for (k = 0; k < people->len; k++) {
	    const struct nmf_person *o = people->pdata[k];

	    if (o->name && g_ascii_strncasecmp (o->name, first, strlen (first))
			       == 0
		&& (o->name[strlen (first)] == ' '
		    || ! o->name[strlen (first)]))
		firsts++;
	}
	for (k = 0; k < names->len; k++) {
	    const struct named *n = names->pdata[k];

	    if (g_ascii_strcasecmp (n->name, p->name) != 0
		&& ! (firsts == 1 && g_ascii_strcasecmp (n->name, first) == 0))
		continue;
	    if (! p->title && n->title)
		p->title = g_strdup (n->title);
	    if (! p->part && n->part)
		p->part = g_strdup (n->part);
	}
    }
}

/* Addresses written in the text ("Gloria Benavides (gloria.b@x.example)"),
 * as a list of struct nmf_address (no names). */
static GPtrArray *
addresses_in (const char *text)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (
	(GDestroyNotify) (void (*) (void)) nmf_address_free);
    g_autoptr (GRegex) re = nmf_regex_new (
	"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}", 0, 0,
	NULL);
    g_autoptr (GMatchInfo) mi = NULL;

    if (! re || ! text)
	return out;
    g_regex_match (re, text, 0, &mi);
    while (g_match_info_matches (mi) && out->len < 50) {
	g_autofree char *a = g_match_info_fetch (mi, 0);
	gsize n = strlen (a);

	while (n && a[n - 1] == '.')
	    a[--n] = '\0';
	g_ptr_array_add (out, nmf_address_new (NULL, a));
	g_match_info_next (mi, NULL);
    }
    return out;
}

/* The first address of the lists (GPtrArray of struct nmf_address) that
 * is name's: by its display name, or a mailbox spelled from the name
 * (ana.ruiz@, aruiz@, alexis.t@). */
static const struct nmf_address *
addr_among (GPtrArray *const *lists, gsize n_lists, const char *name)
{
    g_autofree char *lower = g_ascii_strdown (name, -1);
    g_auto (GStrv) parts = g_strsplit (lower, " ", -1);
    const char *first = parts[0];
    const char *last = parts[0] && parts[1] ? parts[g_strv_length (parts) - 1]
					    : NULL;
    size_t l;
    guint i;

    if (! first)
	return NULL;
    for (l = 0; l < n_lists; l++) {
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
	    /* A double surname, of which the mailbox keeps one
	     * ("Raymond-Lee" and ann.raymond@). */
	    if (last && strchr (last, '-') && strstr (local, first)) {
		g_auto (GStrv) halves = g_strsplit (last, "-", -1);
		guint h;

		for (h = 0; halves[h]; h++) {
		    if (strlen (halves[h]) >= 3 && strstr (local, halves[h]))
			return a;
		}
	    }
	    if (last && local[0] == first[0] && strcmp (local + 1, last) == 0)
		return a;
	    /* First name and the last one's initial: alexis.t@, alexist@. */
	    if (last && g_str_has_prefix (local, first)) {
		const char *r = local + strlen (first);

		if (*r == '.' || *r == '_')
		    r++;
		if (r[0] == last[0] && r[1] == '\0')
		    return a;
	    }
	    if (! last && strcmp (local, first) == 0)
		return a;
	    /* One name, first or last, of a first.last mailbox ("Dr.
	     * Lind" and nora.lind@). */
	    if (! last && strlen (first) >= 2) {
		g_auto (GStrv) bits = g_strsplit_set (local, "._", -1);
		guint nb = g_strv_length (bits);

		if (nb >= 2 && nb <= 3
		    && (strcmp (bits[0], first) == 0
			|| strcmp (bits[nb - 1], first) == 0))
		    return a;
	    }
	}
    }
    return NULL;
}

static const struct nmf_address *
addr_for_name (const struct nmf_message *msg, GPtrArray *text_addrs,
	       const char *name)
{
    g_autoptr (GPtrArray) from = g_ptr_array_new ();
    GPtrArray *lists[] = { msg->cc, msg->to, msg->reply_to, from, text_addrs };

    if (msg->from && msg->from->name
	&& g_ascii_strcasecmp (msg->from->name, name) == 0)
	return msg->from;
    if (msg->from)
	g_ptr_array_add (from, msg->from);
    return addr_among (lists, G_N_ELEMENTS (lists), name);
}

/* Is a person of this name among the people already (by name, or the
 * first name of someone found with a full name: "Ilse" after "Ilse
 * Brandt")? */
static gboolean
has_name (GPtrArray *people, const char *name)
{
    guint i;

    for (i = 0; i < people->len; i++) {
	const struct nmf_person *p = people->pdata[i];
	gsize n = strlen (name);

	if (! p->name)
	    continue;
	if (g_ascii_strcasecmp (p->name, name) == 0)
	    return TRUE;
	if (! strchr (name, ' ') && g_ascii_strncasecmp (p->name, name, n) == 0
	    && p->name[n] == ' ')
	    return TRUE;
    }
    return FALSE;
}

/* Is someone among the people known by the first name of full only
 * ("Alexis" before "Alexis Todero")?  Then they take the full name. */
static gboolean
take_full_name (GPtrArray *people, const char *full)
{
    gsize n = strcspn (full, " ");
    guint i;

    for (i = 0; i < people->len; i++) {
	struct nmf_person *p = people->pdata[i];

	if (p->name && ! strchr (p->name, ' ') && strlen (p->name) == n
	    && g_ascii_strncasecmp (p->name, full, n) == 0) {
	    g_free (p->name);
	    p->name = g_strdup (full);
	    return TRUE;
	}
    }
    return FALSE;
}

/* The text says of this name that they arrange the interview: "Robin
 * Hale (coordinator)", "Sam Lee, who is scheduling". */
static gboolean
name_only_arranges (const char *body, const char *name)
{
    g_autoptr (GRegex) writer = nmf_regex_new (
	"\\b(?:me|us|i)\\b(?:,[^,]*,)?\\s+(?:to\\s+)?$", 0, 0, NULL);
    const char *p = strstr (body, name);

    while (p) {
	/* The rest of the sentence only ("Greg Raaberg, who oversees our
	 * practice. To help us schedule ..." names no scheduler). */
	gsize n = MIN (strcspn (p, "\n"), (gsize) 120);
	const char *stop = p + strlen (name);

	while (stop < p + n && ! (strchr (".!?", *stop)
				  && (stop[1] == ' ' || stop[1] == '\0')))
	    stop++;
	n = stop - p;
	g_autofree char *line = g_ascii_strdown (p, (gssize) n);
	char *a = strstr (line, "coordinat");
	char *b = strstr (line, "schedul");
	char *word = ! a ? b : ! b ? a : MIN (a, b);

	if (word) {
	    /* "Vince Kaminski has asked me to schedule interviews", "...
	     * asked that I schedule": the writer arranges, on the named
	     * person's behalf. */
	    *word = '\0';
	    if (! (writer && g_regex_match (writer, line, 0, NULL)))
		return TRUE;
	}
	p = strstr (p + strlen (name), name);
    }
    return FALSE;
}

/* A name that is an organisation's: it spells the sender's domain or
 * ends in a word companies carry ("Acme Labs", "Globex Inc"). */
static gboolean
name_is_organisation (const char *name, const char *domain_lbl)
{
    static const char *const org_words[] = {
	" Inc", " LLC", " Ltd", " GmbH", " Labs", " Group", " Technologies",
	" Systems", " Solutions", " Partners", " Health", " Bank", " Capital",
	" Software", " Networks", " Studios", " Games", " Robotics",
	" Analytics", " Team", " Recruiting", " Talent", " University",
	NULL,
    };
    int i;

    for (i = 0; org_words[i]; i++) {
	if (g_str_has_suffix (name, org_words[i]))
	    return TRUE;
    }
    if (domain_lbl) {
	g_autofree char *a = squash (name, FALSE);
	g_autofree char *b = squash (domain_lbl, FALSE);

	if (*a && *b && (g_str_has_prefix (b, a) || g_str_has_prefix (a, b)))
	    return TRUE;
    }
    return FALSE;
}

/* The sender speaks of the interview as their own call.  folded_body
 * is the new text folded; text the same as written, for "me and Ada",
 * which needs a name after "me" ("ask for me and I will meet you" is no
 * call of the sender's). */
static gboolean
sender_runs_call (const char *folded_body, const char *text)
{
    static const char *const cues[] = {
	"and me", "with me", "just me", "together", "i'll join",
	"i will join", "joining me", "i'll be joining", "i will be joining",
	"speak with me", "talk with me", "chat with me", "meet with me",
	"call with me", "i'll call you", "i will call you", "i'll give you a "
	"call", "my calendar", "i'd like to schedule a call",
	"i would like to schedule a call", "i'd love to chat",
	"i'd like to chat", "look forward to speaking with you",
	"looking forward to speaking with you", "looking forward to our call",
	"look forward to our call", "talk to you then", "speak then",
	"i'll send you a calendar", "i will send you a calendar",
	/* First person only: "the people who will be interviewing you
	 * are" is said by a coordinator. */
	"i'll be your interviewer", "i will be your interviewer",
	"i'll be interviewing you", "i will be interviewing you",
	"i am interviewing you", "i'm interviewing you", "i'll interview you",
	"i will interview you", "be the one interviewing you",
	"join me", "and myself", "and i will be interviewing",
	"i want to set up a", "i'd like to set up a", "i would like to set up a",
	"i will be conducting", "i'll be conducting", "along with myself",
	"include myself", "including myself", NULL,
    };
    g_autoptr (GRegex) me_and = nmf_regex_new (
	"\\b[Mm]e and (?!I\\b)[A-Z][a-z]", 0, 0, NULL);
    /* "Timo Krause and I will talk with you" (not "ask for me and I
     * will meet you"); "The panel will be me, Owen Mbeki and ...". */
    g_autoptr (GRegex) we = nmf_regex_new (
	"(?:\\b(?![Mm]e\\b)[A-Za-z]+|\\))" WE_MEET_RE, 0, 0, NULL);
    g_autoptr (GRegex) panel_me = nmf_regex_new (
	"\\b(?:panel|interviewers?)\\s+(?:will\\s+be|is|are|includes?|"
	"will\\s+include)\\s+(?:me|myself)\\b", G_REGEX_CASELESS, 0, NULL);
    g_autoptr (GRegex) unwrap = nmf_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *flat = text && unwrap
				? g_regex_replace_literal (unwrap, text, -1,
							   0, " ", 0, NULL)
				: NULL;
    int i;

    for (i = 0; cues[i]; i++) {
	if (strstr (folded_body, cues[i]))
	    return TRUE;
    }
    if (! flat)
	return FALSE;
    return (me_and && g_regex_match (me_and, flat, 0, NULL))
	|| (we && g_regex_match (we, flat, 0, NULL))
	|| (panel_me && g_regex_match (panel_me, flat, 0, NULL));
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
	"on behalf of (" COMPANY_WORDS ")",
	"(?:role|position|opening|job|opportunity|career|careers) "
	"(?:at|with) (" COMPANY_WORDS ")",
	"(?:interview|team|here|engineering|recruiting) at (" COMPANY_WORDS ")",
	"(?:interest in|applying to|applied to|application to|"
	"join|joining|welcome to) (" COMPANY_WORDS ")",
	NULL,
    };
    int i;

    for (i = 0; patterns[i]; i++) {
	g_autoptr (GRegex) re = nmf_regex_new (patterns[i], 0, 0, NULL);
	g_autoptr (GMatchInfo) mi = NULL;
	char *out = NULL;

	if (re && g_regex_match (re, body, 0, &mi))
	    out = g_match_info_fetch (mi, 1);
	out = clean_company (out);
	/* "at Acme" but not "at The" or "at Our"; a weekday is no
	 * company. */
	if (out && ! not_a_name (out) && g_ascii_strncasecmp (out, "the ", 4)
	    && strcmp (out, "Us") && strcmp (out, "You"))
	    return out;
	g_free (out);
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
	"qa", "tester", "editor", "nurse", "teacher", "operations", "chief",
	"economist", "professor", "partner", "cto", "ceo", "cfo", "coo",
	"cio", "founder", "co-founder", "cofounder", "hr", "talent", NULL,
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

/* ---- the topic -------------------------------------------------------- */

/* What the invitation says the conversation is about: "we'll cover system
 * design and your past projects", "the team works on fleet telemetry".
 * One phrase, cut at the end of its clause. */
static char *
topic_in (const char *body)
{
    static const char *const patterns[] = {
	"\\b(?:will|we'll|to|going to|plan to|would like to|want to) "
	"(?:cover|discuss|focus on|talk about|talk through|go over|dig into|"
	"walk through|look at|chat about) ([^.;:!?\\n(]{3,90})",
	"\\b(?:conversation|interview|session|call|discussion|round) "
	"(?:will )?(?:cover|covers|focus(?:es)? on|is about|will be about) "
	"([^.;:!?\\n(]{3,90})",
	"\\bteam (?:that |which |who )?(?:works on|is working on|builds|"
	"is building|owns|runs|is responsible for) ([^.;:!?\\n(]{3,90})",
	"\\b(?:will be|is) an? ([a-z][a-z -]{2,40}?) (?:conversation|"
	"discussion|interview|session|exercise)\\b",
	NULL,
    };
    g_autoptr (GRegex) unwrap = nmf_regex_new ("(?<!\\n)\\n(?!\\n)", 0, 0, NULL);
    g_autofree char *flat = unwrap ? g_regex_replace_literal (unwrap, body, -1,
							       0, " ", 0, NULL)
				   : g_strdup (body);
    int i;

    if (! flat)
	flat = g_strdup (body);

    for (i = 0; patterns[i]; i++) {
	char *t = regex_group (patterns[i], flat, 1);

	/* "your experience", "what you are looking for": about the
	 * candidate, no detail of theirs to thank for. */
	if (t && (g_ascii_strncasecmp (t, "your", 4) == 0
		  || g_ascii_strncasecmp (t, "you ", 4) == 0
		  || g_ascii_strncasecmp (t, "what you", 8) == 0
		  || g_ascii_strncasecmp (t, "how you", 7) == 0
		  || g_ascii_strncasecmp (t, "why you", 7) == 0)) {
	    g_free (t);
	    t = NULL;
	}
	if (t) {
	    static const char *const cut[] = { " with you", " together",
					       " in more detail", " in depth",
					       ", and ", " so that", " so ",
					       " before ", NULL };
	    int k;

	    for (k = 0; cut[k]; k++) {
		char *c = strstr (t, cut[k]);

		if (c && c > t + 2)
		    *c = '\0';
	    }
	    g_strstrip (t);
	    /* The employer's "our platform" is "your platform" to them. */
	    if (g_ascii_strncasecmp (t, "our ", 4) == 0) {
		char *y = g_strconcat ("your ", t + 4, NULL);

		g_free (t);
		t = y;
	    }
	    if (strlen (t) >= 3)
		return t;
	    g_free (t);
	}
    }
    return NULL;
}

/* ---- the role ------------------------------------------------------- */

static gboolean
starts_ci (const char *s, const char *prefix)
{
    return g_ascii_strncasecmp (s, prefix, strlen (prefix)) == 0;
}

static gboolean
ends_ci (const char *s, const char *suffix)
{
    gsize n = strlen (s), k = strlen (suffix);

    return n >= k && g_ascii_strcasecmp (s + n - k, suffix) == 0;
}

/* Remove requisition ids "(R-20417)", "(Req #4471)", "[JR-1]" and
 * collapse spaces. */
static char *
drop_ids (const char *s)
{
    g_autoptr (GRegex) re = nmf_regex_new (
	"\\s*[(\\[](?:r-|req|job|jr|id|ref|#)[^)\\]]{0,20}[)\\]]",
	G_REGEX_CASELESS, 0, NULL);
    char *out = re ? g_regex_replace_literal (re, s, -1, 0, "", 0, NULL)
		   : g_strdup (s);

    return g_strstrip (out);
}

/* A subject segment without its frame words: "Your application for X",
 * "X - update", "Offer letter", "X interview". */
static char *
strip_frame (const char *segment)
{
    static const char *const lead[] = {
	"update on your application for ", "regarding your application: ",
	"regarding your application for ", "your application for ",
	"your application to ", "application for ", "application received: ",
	"we've received your application for ", "your offer for ",
	"offer for ", "offer of employment for ", "your ", "our ",
	"reminder: finish your application for ", "finish your application for ",
	"you've been referred for ", "referral for ", "next step: ",
	"interview for ", "invitation to interview for ", "interview ",
	"interview: ", "invitation: ", "the ",
	/* an ATS's "Interview Confirmation for X" */
	"confirmation for ", "confirmed for ", "scheduled for ",
	"request for ", "invitation for ", "details for ", "reminder for ",
	NULL,
    };
    static const char *const trail[] = {
	" application update", " application", " update", " our decision",
	" feedback", " interview", " conversation", " role", " position",
	" position on hold", " opportunity", " opening", " offer",
	" interview invitation", " next steps", " phone screen", " onsite",
	NULL,
    };
    char *out = drop_ids (segment);
    gboolean again = TRUE;
    int i;
    g_autoptr (GRegex) when = nmf_regex_new (
	",?\\s+(?:on\\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b.*$"
	"|,?\\s+\\d.*$",
	G_REGEX_CASELESS, 0, NULL);

    /* "Platform Engineer, Wednesday 2 December": keep the title. */
    if (when) {
	char *cut = g_regex_replace_literal (when, out, -1, 0, "", 0, NULL);

	if (cut && *cut) {
	    g_free (out);
	    out = cut;
	} else {
	    g_free (cut);
	}
    }

    while (again) {
	again = FALSE;
	for (i = 0; lead[i]; i++) {
	    if (starts_ci (out, lead[i]) && strlen (out) > strlen (lead[i])) {
		memmove (out, out + strlen (lead[i]),
			 strlen (out) - strlen (lead[i]) + 1);
		again = TRUE;
	    }
	}
	for (i = 0; trail[i]; i++) {
	    if (ends_ci (out, trail[i]) && strlen (out) > strlen (trail[i])) {
		out[strlen (out) - strlen (trail[i])] = '\0';
		again = TRUE;
	    }
	}
	g_strstrip (out);
    }
    return out;
}

static gboolean
plausible_role (const char *r)
{
    int words = 1;
    const char *p;

    if (! r || ! g_ascii_isupper (r[0]) || ! looks_like_title (r))
	return FALSE;
    for (p = r; *p; p++) {
	if (*p == ' ')
	    words++;
	if (*p == '!' || *p == '?' || *p == ':')
	    return FALSE;
    }
    return words <= 8;
}

static char *
role_from_subject (const char *subject)
{
    static const char *const patterns[] = {
	"for the (.{2,60}?) (?:role|position|opening)",
	"(?:interview|screen|invitation|application)[^:]*: *(.{2,60}?) "
	"(?:role )?(?:at|with) ",
	"^(.{2,60}?) (?:role|position|opening) (?:at|with) ",
	NULL,
    };
    g_autofree char *clean = g_strdup (subject ? subject : "");
    g_autoptr (GRegex) sep = NULL;
    g_auto (GStrv) parts = NULL;
    char *p = clean;
    int i;

    /* Reply and forward prefixes. */
    for (;;) {
	while (*p == ' ')
	    p++;
	if (starts_ci (p, "re:") || starts_ci (p, "aw:") || starts_ci (p, "fw:"))
	    p += 3;
	else if (starts_ci (p, "fwd:"))
	    p += 4;
	else
	    break;
    }
    sep = nmf_regex_new ("\\s+[-–—·|]\\s+|:\\s+", 0, 0, NULL);
    /* Google Calendar: "Invitation: Phone screen (Senior iOS Engineer) @
     * Tue Nov 24, 2026 ...": the title in parentheses, the rest is the
     * event's time. */
    {
	char *at = strstr (p, " @ ");

	if (at)
	    *at = '\0';
    }
    {
	g_autoptr (GRegex) paren = nmf_regex_new ("\\(([^()]{2,60})\\)", 0, 0,
						NULL);
	g_autoptr (GMatchInfo) mi = NULL;

	if (paren && g_regex_match (paren, p, 0, &mi)) {
	    while (g_match_info_matches (mi)) {
		g_autofree char *in = g_match_info_fetch (mi, 1);
		char *f = strip_frame (in);

		if (plausible_role (f))
		    return f;
		g_free (f);
		g_match_info_next (mi, NULL);
	    }
	}
    }
    for (i = 0; patterns[i]; i++) {
	char *r = regex_group (patterns[i], p, 1);

	if (r) {
	    /* "Phone screen – Data Engineer": the title is the last
	     * segment. */
	    g_auto (GStrv) segs = g_regex_split (sep, r, 0);
	    guint n = g_strv_length (segs);
	    char *f = strip_frame (n ? segs[n - 1] : r);

	    g_free (r);
	    if (plausible_role (f))
		return f;
	    g_free (f);
	}
    }
    /* "Offer letter - Software Engineer, Supply Chain", "Your X
     * application", "X - update", "Acme · X · Berlin" */
    parts = g_regex_split (sep, p, 0);
    for (i = 0; parts[i]; i++) {
	g_autofree char *at = NULL;
	char *f = strip_frame (parts[i]);
	char *cut;

	/* "Platform Engineer at Kiteharbor": the title is before "at". */
	cut = strstr (f, " at ");
	if (cut)
	    *cut = '\0';
	cut = strstr (f, " with ");
	if (cut)
	    *cut = '\0';
	if (plausible_role (f))
	    return f;
	g_free (f);
    }
    return NULL;
}

/* A job title in running text after words that introduce one: "for the
 * Senior Software Engineer, Ledger position", "as our Senior Frontend
 * Engineer", "the position of Staff Site Reliability Engineer".  The
 * title is a run of capitalised words, with ",", "&", "/", "-", "of",
 * "and" and a short "(...)" inside. */
static char *
role_from_body (const char *body)
{
    static const char *const triggers[] = {
	"for the ", "for our ", "as our ", "as a ", "as an ", "position of ",
	"role of ", "application for ", "applying for ", "apply for ",
	"interest in the ", "interest in our ", "for a ", "the ", NULL,
    };
    int t;

    for (t = 0; triggers[t]; t++) {
	const char *p = body;

	while ((p = strstr (p, triggers[t]))) {
	    const char *q = p + strlen (triggers[t]);
	    GString *title = g_string_new (NULL);
	    char *f;

	    p = q;
	    for (;;) {
		const char *w = q;

		if (*q == '(') {
		    const char *close = strchr (q, ')');

		    if (! close || close - q > 12 || memchr (q, '\n', close - q))
			break;
		    g_string_append_len (title, q, close - q + 1);
		    q = close + 1;
		} else if (g_ascii_isupper (*q)
			   || (*q == 'i' && g_ascii_isupper (q[1]))) {
		    while (g_ascii_isalnum (*q) || *q == '+' || *q == '#'
			   || *q == '.' || *q == '\'' || *q == '-')
			q++;
		    if (q > w && (q[-1] == '.'))
			q--;
		    g_string_append_len (title, w, q - w);
		} else if (title->len
			   && (g_str_has_prefix (q, "of ")
			       || g_str_has_prefix (q, "and ")
			       || g_str_has_prefix (q, "& ")
			       || g_str_has_prefix (q, "/ "))
			   && g_ascii_isupper (q[strcspn (q, " ") + 1])) {
		    gsize n = strcspn (q, " ");

		    g_string_append_len (title, q, n);
		    q += n;
		} else {
		    break;
		}
		if (*q == ',' && q[1] == ' ' && g_ascii_isupper (q[2])) {
		    g_string_append (title, ", ");
		    q += 2;
		    continue;
		}
		if ((*q == ' ' || *q == '/' || *q == '-')
		    && (g_ascii_isupper (q[1]) || q[1] == '('
			|| g_str_has_prefix (q + 1, "of ")
			|| g_str_has_prefix (q + 1, "and ")
			|| g_str_has_prefix (q + 1, "& "))) {
		    g_string_append_c (title, *q == '-' ? '-' : *q);
		    q++;
		    continue;
		}
		break;
	    }
	    f = strip_frame (title->str);
	    g_string_free (title, TRUE);
	    if (plausible_role (f))
		return f;
	    g_free (f);
	}
    }
    return NULL;
}

/* "Jenna Liu\nTechnical Recruiter – Tidewater Robotics", "Tom Barrow |
 * Engineering Lead | Gravelpoint Games": a title and the company on one
 * line of the signature or the last lines of the text. */
static char *
company_from_signature (const char *signature, const char *body)
{
    g_autofree char *tail = NULL;
    g_auto (GStrv) lines = NULL;
    gsize n = strlen (body);
    const char *from = body;
    int i, count = 0;

    /* The last eight lines of the new text, then the signature. */
    for (i = (int) n - 1; i >= 0 && count < 8; i--) {
	if (body[i] == '\n')
	    count++;
	from = body + i;
    }
    tail = g_strconcat (from, "\n", signature ? signature : "", NULL);
    lines = g_strsplit (tail, "\n", -1);
    for (i = 0; lines[i]; i++) {
	g_autoptr (GRegex) sep = nmf_regex_new ("\\s+[|–—·•]\\s+|\\s+-\\s+|,\\s+",
					     0, 0, NULL);
	g_auto (GStrv) parts = g_regex_split (sep, g_strstrip (lines[i]), 0);
	guint k, np = g_strv_length (parts);

	if (np < 2 || strlen (lines[i]) > 100)
	    continue;
	/* A title part, then the company part after it. */
	for (k = 0; k + 1 < np; k++) {
	    char *company;

	    if (! looks_like_title (parts[k]))
		continue;
	    company = g_strstrip (g_strdup (parts[np - 1]));
	    if (! looks_like_title (company) && g_ascii_isupper (company[0])
		&& strlen (company) < 50 && ! strchr (company, '@')
		&& ! strpbrk (company, "0123456789+"))
		return clean_company (company);
	    g_free (company);
	}
    }
    return NULL;
}


/* A mailbox of a function, not a person: careers@, hr@, talent@. */
static gboolean
role_mailbox (const char *addr)
{
    static const char *const words[] = { "career", "hr", "talent", "recruit",
					 "jobs", "hiring", "people", NULL };
    const char *at = strchr (addr, '@');
    g_autofree char *local = at ? g_strndup (addr, at - addr) : g_strdup (addr);
    int i;

    for (i = 0; words[i]; i++) {
	if (strcmp (local, words[i]) == 0
	    || (g_str_has_prefix (local, words[i]) && strlen (words[i]) > 3))
	    return TRUE;
    }
    return FALSE;
}

/* Does a carry name as a person's: the display name matches and the
 * mailbox spells part of it (dana.ortiz@, dortiz@), which an ATS
 * sender "Acme Robotics <no-reply@ats>" does not. */
static gboolean
person_address (const struct nmf_address *a, const char *name)
{
    const char *at;
    g_autofree char *local = NULL;
    g_autofree char *lower = NULL;
    g_auto (GStrv) words = NULL;
    guint i;

    if (! a || ! a->name || g_ascii_strcasecmp (a->name, name) != 0
	|| nmf_address_is_robot (a->addr))
	return FALSE;
    at = strchr (a->addr, '@');
    local = at ? g_strndup (a->addr, at - a->addr) : g_strdup (a->addr);
    lower = g_ascii_strdown (name, -1);
    words = g_strsplit (lower, " ", -1);
    for (i = 0; words[i]; i++) {
	if (strlen (words[i]) >= 3 && strstr (local, words[i]))
	    return TRUE;
    }
    return FALSE;
}

static gboolean
name_in_list (GPtrArray *addrs, const char *name)
{
    guint i;

    for (i = 0; addrs && i < addrs->len; i++) {
	if (person_address (addrs->pdata[i], name))
	    return TRUE;
    }
    return FALSE;
}

/* Is this "company" a person's name: someone of the headers, of a
 * calendar event or of the people found ("Meeting with Dana Ortiz")? */
static gboolean
is_person_name (const struct nmf_message *msg, const struct nmf_extract *x,
		const char *name)
{
    guint i;

    if (person_address (msg->from, name))
	return TRUE;
    if (name_in_list (msg->to, name) || name_in_list (msg->cc, name)
	|| name_in_list (msg->reply_to, name))
	return TRUE;
    for (i = 0; i < msg->events->len; i++) {
	const struct nmf_event *ev = msg->events->pdata[i];

	if (name_in_list (ev->attendees, name)
	    || person_address (ev->organizer, name))
	    return TRUE;
    }
    for (i = 0; i < x->people->len; i++) {
	const struct nmf_person *p = x->people->pdata[i];

	if (p->name && g_ascii_strcasecmp (p->name, name) == 0
	    && ! name_is_organisation (p->name, NULL))
	    return TRUE;
    }
    return FALSE;
}

/* How much of body is the sender's own text: it ends where an earlier
 * message that the splitter did not see starts, as older and corporate
 * clients (Lotus Notes) write them: "----- Forwarded by ... -----", or a
 * line with a date and an hour ("Ann Lee <ann@x> on 11/28/2000 12:59:55
 * PM", "Ann Lee\n04/27/2000 09:41 AM") within two lines before a "To:"
 * line. */
static gsize
own_text_length (const char *body)
{
    g_autoptr (GRegex) fwd = nmf_regex_new (
	"(?m)^[ \\t]*-{3,}[ \\t]*Forwarded by\\b", 0, 0, NULL);
    g_autoptr (GRegex) stamp = nmf_regex_new (
	"(?m)^([^\\n]{0,160}\\d{1,2}/\\d{1,2}/\\d{2,4}[ \\t]+\\d{1,2}:\\d{2}"
	"(?::\\d{2})?[ \\t]*(?:[AaPp][Mm])?[ \\t]*)\\n(?:[^\\n]*\\n)?"
	"[ \\t]*To:", 0, 0, NULL);
    g_autoptr (GMatchInfo) mi = NULL;
    gsize cut = strlen (body);
    int at = 0;

    if (fwd && g_regex_match (fwd, body, 0, &mi)) {
	g_match_info_fetch_pos (mi, 0, &at, NULL);
	cut = MIN (cut, (gsize) at);
    }
    g_clear_pointer (&mi, g_match_info_free);
    if (stamp && g_regex_match (stamp, body, 0, &mi)) {
	g_match_info_fetch_pos (mi, 0, &at, NULL);
	/* The name may stand on the line before the date ("Ann Lee\n
	 * 04/27/2000 09:41 AM"). */
	if (at > 1 && body[at - 1] == '\n' && body[at - 2] != '\n') {
	    int b = at - 2;

	    while (b > 0 && body[b - 1] != '\n')
		b--;
	    if (at - b < 80)
		at = b;
	}
	cut = MIN (cut, (gsize) at);
    }
    return cut;
}

/* The sender says that others run the call: "they will call you". */
static gboolean
others_call (const char *folded)
{
    static const char *const cues[] = {
	"they will call you", "they'll call you", "they will be calling you",
	"they will give you a call", "they will contact you",
	"they will interview you", "they will be interviewing you", NULL,
    };
    int i;

    for (i = 0; cues[i]; i++) {
	if (strstr (folded, cues[i]))
	    return TRUE;
    }
    return FALSE;
}

/* "They will call you", from someone who names nobody but copies
 * colleagues: those colleagues (Cc, the sender's own domain, persons
 * only) are the ones who will call. */
static void
colleagues_in_cc (const struct nmf_message *msg,
		  const char *const *user_emails, struct nmf_extract *x)
{
    const char *dom = msg->from ? strchr (msg->from->addr, '@') : NULL;
    guint i;

    if (! dom)
	return;
    for (i = 0; i < msg->cc->len; i++) {
	const struct nmf_address *a = msg->cc->pdata[i];
	const char *d = strchr (a->addr, '@');

	if (! d || g_ascii_strcasecmp (d, dom) != 0
	    || g_ascii_strcasecmp (a->addr, msg->from->addr) == 0
	    || role_mailbox (a->addr) || is_resource (a->addr))
	    continue;
	add_person (x, a->name, a->addr, user_emails);
    }
    if (x->people->len)
	g_ptr_array_add (x->evidence,
			 g_strdup ("people: the sender's colleagues in Cc, "
				   "who 'will call you'"));
}

/* The earlier messages a message carries: the part of the body after
 * the sender's own text, then the quoted text without its "> " marks.
 * g_free the result. */
static char *
earlier_text (const char *rest, const char *quoted)
{
    GString *out = g_string_new (rest);
    const char *p = quoted ? quoted : "";

    g_string_append_c (out, '\n');
    while (*p) {
	gsize n = strcspn (p, "\n");
	const char *l = p;

	while (*l == '>' && l < p + n)
	    l++;
	if (l > p && *l == ' ')
	    l++;
	g_string_append_len (out, l, n - (l - p));
	g_string_append_c (out, '\n');
	p += n;
	if (*p)
	    p++;
    }
    return g_string_free (out, FALSE);
}

/* A forward whose own text names nobody ("Forwarding Jordan's note
 * below - you're confirmed for Monday"): when the forwarded message's
 * writer speaks of the call as theirs ("I'll do 45 mins, just me"),
 * they run it, and the one who forwards only passes it on. */
static void
forwarded_runner (const struct nmf_message *msg,
		  const char *const *user_emails, struct nmf_extract *x)
{
    g_autoptr (GRegex) from_re = nmf_regex_new (
	"(?m)^[ \\t]*From:[ \\t]*\"?([^\"<\\[\\n]*?)\"?[ \\t]*"
	"(?:[<\\[](?:mailto:)?)?([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,24})"
	"[>\\]]?[ \\t]*$", 0, 0, NULL);
    g_autoptr (GRegex) next_re = nmf_regex_new (
	"(?m)^(?:[ \\t]*From:|On [^\\n]{0,200}wrote:|-- ?$|--$)", 0, 0, NULL);
    g_autoptr (GMatchInfo) mi = NULL;
    g_autofree char *text = NULL;
    g_autofree char *name = NULL;
    g_autofree char *addr = NULL;
    g_autofree char *part = NULL;
    g_autofree char *folded = NULL;
    const char *start;
    char *c;
    int at = 0;

    if (! from_re || ! next_re || ! nmf_text_is_forward (msg->quoted))
	return;
    text = earlier_text ("", msg->quoted);
    if (! g_regex_match (from_re, text, 0, &mi))
	return;
    name = g_match_info_fetch (mi, 1);
    addr = g_match_info_fetch (mi, 2);
    if (! name || ! addr)
	return;
    g_strstrip (name);
    for (c = addr; *c; c++)
	*c = g_ascii_tolower (*c);
    g_match_info_fetch_pos (mi, 0, NULL, &at);
    g_clear_pointer (&mi, g_match_info_free);
    /* The forwarded text starts after its header block. */
    start = strstr (text + at, "\n\n");
    if (! start)
	return;
    part = g_strdup (start);
    if (g_regex_match (next_re, part, 0, &mi)) {
	int cut = 0;

	g_match_info_fetch_pos (mi, 0, &cut, NULL);
	part[cut] = '\0';
    }
    folded = nmf_text_fold (part);
    if (! sender_runs_call (folded, part) || role_mailbox (addr)
	|| (msg->from && g_ascii_strcasecmp (msg->from->addr, addr) == 0))
	return;
    add_person (x, *name ? name : NULL, addr, user_emails);
    if (x->people->len)
	g_ptr_array_add (x->evidence,
			 g_strdup ("people: the writer of the forwarded "
				   "message runs the call"));
}

/* Is addr the ORGANIZER of a calendar event of msg without being one of
 * its attendees?  Then they only sent the invitation (DESIGN §5). */
static gboolean
organises_only (const struct nmf_message *msg, const char *addr)
{
    guint i;

    for (i = 0; i < msg->events->len; i++) {
	const struct nmf_event *ev = msg->events->pdata[i];

	if (ev->method && g_ascii_strcasecmp (ev->method, "CANCEL") == 0)
	    continue;
	if (ev->organizer && g_ascii_strcasecmp (ev->organizer->addr, addr) == 0
	    && ! attends (ev, addr))
	    return TRUE;
    }
    return FALSE;
}

void
nmf_extract_message (const struct nmf_message *msg,
		     const char *const *user_emails, struct nmf_extract *x)
{
    static const char *const none[] = { NULL };
    g_autofree char *phone = NULL;
    g_autoptr (GPtrArray) mine = NULL;
    g_autoptr (GPtrArray) own_names = NULL;
    g_autofree char *folded = NULL;
    g_autofree char *head = NULL;
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
    {
	struct nmf_request r;

	if (nmf_request_find (msg, user_emails, &r)) {
	    x->request = g_steal_pointer (&r.what);
	    x->request_by = r.by;
	    g_ptr_array_add (x->evidence,
			     g_strdup_printf ("request: %s", r.rule));
	}
	nmf_request_release (&r);
    }
    from_addr = msg->from ? msg->from->addr : NULL;
    from_user = from_addr && nmf_address_in (from_addr, user_emails);
    head = g_strndup (msg->body, own_text_length (msg->body));
    folded = nmf_text_fold (head);
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
	const char *parts[] = { msg->body, msg->signature, msg->quoted, NULL };
	const char *zone = NULL;
	struct nmf_when w;

	/* A time that names no zone is in the sender's: the office of the
	 * signature's telephone number when the Date header says North
	 * America too (its offset can be a server's, not the office's). */
	if (msg->date_offset <= -3 * 60 && msg->date_offset >= -10 * 60)
	    zone = nmf_dates_sender_zone (
		parts, msg->from ? (msg->from->name ? msg->from->name
						    : msg->from->addr)
				 : NULL);
	if (nmf_dates_interview_in (subject_body, msg->date, msg->date_offset,
				    zone, &w, &why)) {
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
     * headers give an address for; else the sender who runs the call.  In
     * the user's own mail: whom it is written to. */
    if (from_user) {
	for (i = 0; i < msg->to->len; i++) {
	    const struct nmf_address *a = msg->to->pdata[i];

	    add_person (x, a->name, a->addr, user_emails);
	}
	if (x->people->len)
	    g_ptr_array_add (x->evidence,
			     g_strdup ("people: the user writes to them"));
    }
    people_from_events (msg, folded, head, user_emails, x);
    if (! x->people->len && ! from_user) {
	g_autoptr (GPtrArray) text_addrs = addresses_in (msg->body);
	g_autofree char *lbl = from_addr ? domain_label (from_addr) : NULL;
	gboolean no_addr = FALSE;
	int src, pass;

	/* First the sender's own text.  When it names nobody ("I have
	 * scheduled the following interview"), the list of the earlier
	 * message it answers or forwards ("The interviewers would be:
	 * ...") names them; lists only, as a sentence of the quote may be
	 * the user's. */
	for (src = 0; src < 2 && ! x->people->len; src++) {
	    g_autofree char *earlier
		= src ? earlier_text (msg->body + strlen (head), msg->quoted)
		      : NULL;
	    g_autoptr (GPtrArray) names = NULL;

	    if (src)
		names = names_in (earlier, FALSE);
	    else
		names = g_ptr_array_ref (own_names = names_in (head, TRUE));

	    /* Names with an address from the headers first, so that a
	     * name given twice keeps its address; then the ones the text
	     * names as people of the interview without one (DESIGN §5:
	     * they are named in `show` and in the other interviewers'
	     * drafts, but no draft can go to them). */
	    for (pass = 0; pass < 3; pass++) {
		/* Last, when nobody else is named: a full name the prose
		 * gives after "with" ("you're confirmed for Tuesday at 10
		 * with Priya Shah") rather than the sender by default, who
		 * may only have arranged it; not a company's name, not the
		 * sender's own. */
		if (pass == 2 && (x->people->len || src))
		    break;
		for (i = 0; i < names->len; i++) {
		    const struct named *n = names->pdata[i];
		    const struct nmf_address *a
			= addr_for_name (msg, text_addrs, n->name);

		    if (name_only_arranges (msg->body, n->name))
			continue;
		    if (pass == 2 && ! n->strong && ! a
			&& strchr (n->name, ' ')
			&& ! name_is_organisation (n->name, lbl)
			&& ! (msg->from && msg->from->name
			      && g_ascii_strcasecmp (msg->from->name, n->name)
				     == 0)
			&& ! has_name (x->people, n->name)) {
			g_ptr_array_add (x->people,
					 nmf_person_new (n->name, NULL, NULL));
			no_addr = TRUE;
			continue;
		    }
		    if (pass == 0 && a) {
			g_autofree char *spelled = name_from_addr (a->addr);

			/* "Dr. Lind" is better named as the mailbox
			 * spells her. */
			add_person (x,
				    a->name ? a->name
				    : (spelled && ! strchr (n->name, ' '))
					? spelled
					: n->name,
				    a->addr, user_emails);
		    } else if (pass == 1 && ! a && n->strong
			       && strchr (n->name, ' ')
			       && take_full_name (x->people, n->name)) {
			/* "Alexis will call you" gave her address, "an
			 * interview with Alexis Todero" her full name. */
		    } else if (pass == 1 && ! a && n->strong
			       && strchr (n->name, ' ')
			       && ! name_is_organisation (n->name, lbl)
			       && ! has_name (x->people, n->name)) {
			g_ptr_array_add (x->people,
					 nmf_person_new (n->name, NULL, NULL));
			no_addr = TRUE;
		    }
		}
	    }
	}
	if (x->people->len)
	    g_ptr_array_add (x->evidence,
			     g_strdup (no_addr ? "people: named in the text "
						 "(some without an address)"
					       : "people: named in the text, "
						 "address from the headers"));
	else if (others_call (folded))
	    colleagues_in_cc (msg, user_emails, x);
	if (! x->people->len)
	    forwarded_runner (msg, user_emails, x);
	/* "You'll meet Keiko and me": the writer is in the call too (an
	 * ATS sends for the person in Reply-To). */
	struct nmf_address *me = named_copy (msg->from);

	if (me && nmf_address_is_robot (me->addr) && msg->reply_to->len) {
	    const struct nmf_address *r = msg->reply_to->pdata[0];

	    /* "Joanna Pryce <no-reply@ats>" with Reply-To: joanna@... */
	    g_free (me->addr);
	    me->addr = g_strdup (r->addr);
	    if (r->name) {
		g_free (me->name);
		me->name = g_strdup (r->name);
	    }
	}
	if (x->people->len && me && sender_runs_call (folded, head)
	    && ! only_arranges (msg, me) && ! role_mailbox (me->addr)
	    && ! organises_only (msg, me->addr)) {
	    add_person (x, me->name, me->addr, user_emails);
	    g_ptr_array_add (x->evidence,
			     g_strdup ("people: the sender joins the call"));
	}
	nmf_address_free (me);
    }
    if (! x->people->len && from_addr && ! from_user) {
	struct nmf_address *sender = named_copy (msg->from);
	const struct nmf_address *who = sender;
	gboolean runs = sender_runs_call (folded, head);
	guint k;

	/* A robot sender with a person in Reply-To: that person only when
	 * the text speaks as the one who runs the call; a Reply-To who
	 * only arranges is no interviewer (DESIGN §5). */
	for (k = 0; k < msg->reply_to->len && nmf_address_is_robot (who->addr)
		    && runs;
	     k++) {
	    struct nmf_address *r = msg->reply_to->pdata[k];

	    if (! nmf_address_is_robot (r->addr))
		who = r;
	}
	/* A robot sends in a person's name ("Alexis Todero via the ATS"):
	 * that person when the text speaks as the one who runs the call and
	 * gives an address of theirs (a signature). */
	if (nmf_address_is_robot (who->addr) && runs && sender->name
	    && strchr (sender->name, ' ')) {
	    g_autoptr (GPtrArray) said = addresses_in (msg->body);
	    const struct nmf_address *a = addr_among (&said, 1, sender->name);

	    if (a && ! nmf_address_is_robot (a->addr)) {
		g_free (sender->addr);
		sender->addr = g_strdup (a->addr);
		who = sender;
	    }
	}
	/* The sender who writes about the interview runs it, unless the
	 * message says they only arrange it, or they sent a calendar
	 * invitation they do not attend. */
	if (! nmf_address_is_robot (who->addr)
	    && (runs || (! organises_only (msg, who->addr)
			 && ! only_arranges (msg, who)))) {
	    add_person (x, who->name, who->addr, user_emails);
	    g_ptr_array_add (x->evidence,
			     g_strdup (runs ? "people: the sender runs the call"
					    : "people: the sender (nobody else "
					      "named)"));
	}
	nmf_address_free (sender);
    }

    /* What the text says beside each one's name: a title, a part of the
     * interview (also for calendar attendees). */
    if (x->people->len && ! from_user) {
	if (! own_names)
	    own_names = names_in (head, TRUE);
	describe_people (x->people, own_names);
    }

    /* A phone number in the sender's signature belongs to the sender;
     * without a "-- " line, the signature is the last lines of the text. */
    mine = user_phones (msg, user_emails);
    phone = phone_from_text (msg->signature, mine);
    if (! phone) {
	const char *tail = msg->body + strlen (msg->body);
	int lines = 0;

	while (tail > msg->body && lines < 6) {
	    tail--;
	    if (*tail == '\n')
		lines++;
	}
	phone = phone_from_text (tail, mine);
    }
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
    {
	/* The organisation whose domain the mail comes from (or, in the
	 * user's own mail, goes to), spelled out in the text. */
	const char *org_addr = from_user ? (x->people->len
					    ? ((struct nmf_person *)
						   x->people->pdata[0])->addr
					    : NULL)
					 : from_addr;
	g_autofree char *label = org_addr && ! is_ats_domain_addr (org_addr)
				     ? domain_label (org_addr)
				     : NULL;
	g_autofree char *all = g_strconcat (msg->subject, "\n", msg->body, "\n",
					    msg->signature, "\n",
					    msg->from && msg->from->name
						? msg->from->name
						: "",
					    NULL);

	if (label)
	    x->company = company_spelling_domain (all, label);
	if (x->company)
	    g_ptr_array_add (x->evidence,
			     g_strdup ("company: the text spells the sender's "
				       "domain"));
    }
    if (! x->company) {
	/* A person's name is no company ("Meeting with Dana Ortiz"). */
	x->company = company_from_subject (msg->subject);
	if (x->company && is_person_name (msg, x, x->company))
	    g_clear_pointer (&x->company, g_free);
	if (x->company) {
	    g_ptr_array_add (x->evidence, g_strdup ("company: subject"));
	} else {
	    x->company = company_from_body (msg->body);
	    if (x->company && is_person_name (msg, x, x->company))
		g_clear_pointer (&x->company, g_free);
	    if (x->company)
		g_ptr_array_add (x->evidence, g_strdup ("company: text"));
	}
    }
    if (x->company) {
	/* found above */
    } else if (! from_user
	       && (x->company = company_from_signature (msg->signature,
							msg->body))) {
	g_ptr_array_add (x->evidence, g_strdup ("company: signature"));
    } else if (msg->from && ! from_user
	       && (x->company = company_from_display (msg->from->name))) {
	g_ptr_array_add (x->evidence, g_strdup ("company: sender's name"));
    } else if (from_addr && ! from_user && ! is_ats_domain_addr (from_addr)) {
	x->company = nmf_extract_company_from_addr (from_addr);
	if (x->company)
	    g_ptr_array_add (x->evidence,
			     g_strdup ("company: sender's domain"));
    } else if (from_user && x->people->len) {
	const struct nmf_person *p = x->people->pdata[0];

	if (! is_ats_domain_addr (p->addr))
	    x->company = nmf_extract_company_from_addr (p->addr);
	if (x->company)
	    g_ptr_array_add (x->evidence,
			     g_strdup ("company: the recipient's domain"));
    }
    if (! from_user) {
	x->topic = topic_in (msg->body);
	if (x->topic)
	    g_ptr_array_add (x->evidence, g_strdup ("topic: text"));
    }
    x->role = role_from_subject (msg->subject);
    if (x->role) {
	g_ptr_array_add (x->evidence, g_strdup ("role: subject"));
    } else if ((x->role = role_from_body (msg->body))) {
	g_ptr_array_add (x->evidence, g_strdup ("role: text"));
    }
}

void
nmf_extract_release (struct nmf_extract *x)
{
    g_free (x->topic);
    g_free (x->request);
    g_free (x->company);
    g_free (x->role);
    if (x->people)
	g_ptr_array_unref (x->people);
    g_free (x->interview_tz);
    if (x->evidence)
	g_ptr_array_unref (x->evidence);
    memset (x, 0, sizeof (*x));
}
