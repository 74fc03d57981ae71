/* classify.c — what a message's kind is, and why (see nmf/classify.h).
 *
 * Rules turn a message into evidence (nmf_classify_features): phrase
 * lists and sentence patterns matched on the folded subject and new text
 * (quotes and signatures excluded, so a reply does not inherit what it
 * quotes), headers and calendar parts.  A fitted weight table
 * (nmf/weights.h, make train) says what each piece is worth for each
 * kind; the guards of DESIGN §4 (direction, automated mail, the user's
 * own organisation, the user as interviewer, no interview phrase) decide
 * beforehand which kinds the weights may choose from.  Pure: no I/O.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmf/classify.h"
#include "nmf/fact.h"
#include "nmf/dates.h"
#include "nmf/request.h"
#include "nmf/text.h"
#include "nmf/weights.h"

const char *
nmf_kind_to_string (enum nmf_kind kind)
{
    switch (kind) {
    case NMF_KIND_UNRELATED:
	return "unrelated";
    case NMF_KIND_INTERVIEW_INVITE:
	return "interview_invite";
    case NMF_KIND_INTERVIEW_CALENDAR:
	return "interview_calendar";
    case NMF_KIND_REJECTION:
	return "rejection";
    case NMF_KIND_OFFER:
	return "offer";
    case NMF_KIND_CANDIDATE_THANK_YOU:
	return "candidate_thank_you";
    case NMF_KIND_CANDIDATE_FOLLOWUP:
	return "candidate_followup";
    case NMF_KIND_RECRUITER_OTHER:
	return "recruiter_other";
    }
    return "unrelated";
}

gboolean
nmf_kind_from_string (const char *name, enum nmf_kind *kind)
{
    int k;

    for (k = NMF_KIND_UNRELATED; k <= NMF_KIND_RECRUITER_OTHER; k++) {
	if (name && strcmp (name, nmf_kind_to_string (k)) == 0) {
	    *kind = k;
	    return TRUE;
	}
    }
    return FALSE;
}

/* Phrase lists.  All lowercase; matched as whole phrases on folded text. */

static const char *const interview_terms[] = {
    "interview", "interviews", "interviewing", "interviewed", "phone screen",
    "phone screening", "screening call", "technical screen", "tech screen",
    "virtual onsite", "hiring manager call",
    "recruiter call", "recruiter screen", "technical round", "final round",
    "next round", "first round", "second round", "third round",
    "panel interview", "interview loop", "video interview",
    "phone interview", "technical interview", "screening interview",
    "intro call", "introductory call", "discovery call",
    "technical discussion", "hiring manager interview", "take-home debrief",
    "coding interview", "system design interview", "behavioral interview",
    "behavioural interview", "portfolio review", "case study presentation",
    "portfolio presentation", NULL,
};

/* Weaker: an interview in other words, counted only with strong job
 * context and a concrete time or scheduling words. */
static const char *const meeting_terms[] = {
    "call with", "chat with", "conversation with", "meet with",
    "speak with", "talk with", "meeting with", "hiring manager",
    "next step", "next steps", "meet the team", "technical conversation",
    "coffee chat", "video call", "phone call", "a quick call", "a call",
    "quick call", "minute call", "call tomorrow", "minute chat",
    "minute conversation", "want to talk", "a conversation about",
    "minute slot", "you're confirmed", "you are confirmed", "call you",
    "will call", "give you a call", "hop on a call", "jump on a call",
    "get on a call", "bring you in", "informal conversation",
    /* An on-site visit may be a team's or a customer's. */
    "onsite", "on-site",
    "a conversation", NULL,
};

static const char *const schedule_terms[] = {
    "schedule", "scheduled", "scheduling", "availability", "available",
    "your calendar", "calendar invite", "calendar invitation", "time slot",
    "time slots", "book a time", "pick a time", "select a time",
    "choose a time", "calendly", "goodtime", "confirm", "confirmed",
    "confirming", "invitation", "invite you to interview",
    "invite you for", "invite you to join us", "invite you to take part",
    "invite you to an", "invite you to a ", "set up a time",
    "set up a call", "arrange", "looking forward to speaking",
    "looking forward to meeting", "look forward to speaking",
    "zoom", "google meet", "microsoft teams", "teams link", "meeting link",
    "video link", "dial-in", "book a slot", "booking link", "reschedule",
    "does that work", "would that work", "works for you", "what times",
    "when are you free", NULL,
};

/* Job context.  Strong terms speak of employment and hiring; weak ones
 * ("position", "application", "candidate") also appear in adoption,
 * housing, admissions and press mail, so they count only in numbers. */
static const char *const job_terms[] = {
    "hiring manager", "recruiter", "recruiting", "talent acquisition",
    "talent partner", "hiring team", "hiring process", "interview process",
    "your resume", "your cv", "your candidacy", "your application for",
    "job opening", "the role", "this role", "open role", "the position",
    "this position", "open position", "engineering manager",
    "offer letter", "start date", "base salary", "compensation",
    "job description", "recruitment", "hr business partner",
    "people partner", NULL,
};

static const char *const title_words[] = {
    "engineer", "developer", "manager", "designer", "analyst", "scientist",
    "architect", "specialist", "consultant", "coordinator", "administrator",
    "intern", "associate", "accountant", "director", "lead", "head of",
    "technician", "programmer", "researcher", "sre", "devops", NULL,
};

static const char *const weak_job_terms[] = {
    "position", "role", "application", "candidacy", "candidate",
    "candidates", "opening", "openings", "positions", "roles", "jobs",
    "job", "opportunity", "opportunities", "internship", "internships",
    "hiring", "your background", "your experience",
    "engineer", "developer", "designer", "analyst", "scientist", NULL,
};


static const char *const rejection_terms[] = {
    "regret to inform", "decided not to move forward",
    "not to move forward", "will not be moving forward",
    "won't be moving forward", "not be moving forward",
    "decided to move forward with other candidates",
    "move forward with other candidates", "moving forward with other",
    "pursue other candidates", "pursuing other candidates",
    "decided to pursue other", "other candidates whose",
    "not been selected", "were not selected", "have not been selected",
    "position has been filled", "role has been filled", "filled the position",
    "filled the role", "no longer considering", "not able to offer you",
    "unable to offer you", "position has been cancelled",
    "position has been canceled", "role has been cancelled",
    "role has been canceled", "position is no longer available",
    "role is no longer available", "decided to close the position",
    "put the role on hold", "decided not to proceed",
    "will not be proceeding", "not proceed with your application",
    "unsuccessful", "different direction",
    "move forward with another candidate",
    "moving forward with another candidate",
    "go with another candidate", "selected another candidate",
    "chosen another candidate", "chose another candidate",
    "offered the position to another", "offered the role to another",
    "sorry to tell you", "sorry to let you know", "sorry to inform you",
    "not moving forward with your", "going to pass", "decided to pass",
    "pass for now", "will pass on", "not the right fit",
    "not quite the right fit", "fit isn't quite right", "not a match",
    "not be moving ahead", "not to move ahead", NULL,
};

static const char *const offer_terms[] = {
    "pleased to offer you", "happy to offer you", "excited to offer you",
    "delighted to offer you", "pleased to extend", "happy to extend",
    "excited to extend", "extend an offer", "extend you an offer",
    "offer of employment", "offer letter", "formal offer", "verbal offer",
    "employment offer", "job offer", "your offer", "offer you the",
    "like to offer you", "written offer", "offer details",
    "verbal offer", "offer package", NULL,
};

static const char *const commercial_offer_terms[] = {
    "% off", "discount", "limited time", "special offer", "exclusive offer",
    "free shipping", "coupon", "promo code", "sale ends", "shop now",
    "buy now", "order now", "subscribe", NULL,
};

/* Hard negatives of DESIGN §4, by what the "interview" is about. */
static const char *const press_terms[] = {
    /* Phrases, not words a company's footer carries ("Newsroom",
     * "subscribe to our newsletter"). */
    "podcast", "this episode", "the episode", "our show", "on the show",
    "journalist", "reporter", "for an article", "for a story",
    "our readers", "press inquiry", "media inquiry", "our magazine",
    "for our newsletter", "our listeners", "recording studio",
    "recording session", "our audience", "on air", "livestream",
    "live stream", "before the story", "the story runs", "quote check",
    "for accuracy", "our newspaper", "student newspaper", "for the article",
    "for listeners", "youtube channel", "subscribers", "on-camera",
    "on camera", "long episode", "an episode",
    /* An article and its interview: "the attached article", "the
     * upcoming edition of our newsletter" (not "the following interview
     * schedule", not "the article our CTO wrote"). */
    "the attached article", "upcoming edition", "our publication",
    "for publication", "direct quotes",
    /* Who writes and what they write: a staff writer's piece. */
    "staff writer", "freelance writer", "contributing writer",
    "writing a piece", "the piece runs", "before the piece", NULL,
};
static const char *const research_terms[] = {
    "user research", "research study", "research session", "usability",
    "user interview", "user interviews", "customer interview",
    "research programme", "research program", "voucher",
    "honorarium", "study participant", "study participants",
    "research participant", "participants will", "gift card",
    "an incentive", "survey interview", "household survey",
    "research survey",
    /* A school's case study of the company, built from interviews. */
    "teaching case", "business school case", "case writer",
    "case clearinghouse", NULL,
};
static const char *const life_terms[] = {
    /* interviews of life outside work: visas, homes, schools, pets */
    "volunteering", "exit interview", "visa interview", "consulate",
    "embassy", "admissions interview", "admission interview",
    "parent-teacher", "tenant", "citizenship", "naturalization",
    "pet adoption", "adoption application", "adopt", "foster application",
    "co-op board", "board interview", "rental application",
    "prospective tenant", "tenant interview", "admissions",
    "college admission", "university admission", "patient intake", NULL,
};
static const char *const learning_terms[] = {
    "informational interview", "mock interview", "practice interview",
    "interview prep", "interview preparation", "online course",
    "this course", "the course", "our course", "your course", "bootcamp",
    "masterclass", "interview tips", "tips for your next interview",
    "webinar", NULL,
};
static const char *const event_terms[] = {
    "panel discussion", "guest speaker", "keynote speaker", "as a speaker",
    "our speakers", "call for speakers", "talk proposal", "meetup group",
    "our meetup", "update your rsvp", "waitlist", "you're going",
    "hackathon", "judging", "judges", "rubric", "you registered for",
    "talk you registered", "registered attendees", "the talk page",
    "view talk", NULL,
};
static const char *const reference_terms[] = {
    "reference check", "as a reference", "be a reference",
    "serve as a reference", "provide a reference", "reference call",
    "a reference for", NULL,
};
static const char *const advert_terms[] = {
    "we're hiring", "how to apply", "you should apply", "job posting", NULL,
};
static const char *const as_interviewer_terms[] = {
    /* The user interviews candidates at their own job. */
    "interview loop for", "candidate:", "candidate name", "scorecard",
    "interview kit", "submit your feedback", "submit feedback",
    "leave your feedback", "you are interviewing", "you're interviewing",
    "as an interviewer", "as interviewer", "interviewer training",
    "shadow interview", "debrief for candidate", "candidate debrief",
    "hiring debrief", "interview debrief", "hiring committee", "candidate:",
    "interview with candidate", "interviewing candidate",
    "scheduled to interview candidate", "scheduled to interview the "
    "candidate", "you have an interview with candidate",
    "your interview with candidate", "candidate packet", "feedback form",
    "interview panel for", "join the panel", "help interview",
    "hiring panel", "per candidate",
    "including me in the interview", "sit in on", "sitting in on", NULL,
};
/* Thanks for interviewing someone, or from the one interviewed: "thanks
 * for interviewing Dana yesterday", "thank you for hosting me for the
 * interview day".  Not "thank you for interviewing with us", which an
 * employer says to the candidate. */
static const char *const as_interviewer_patterns[] = {
    "\\bthank(?:s| you)(?: so much| again)? for (?:interviewing|helping "
    "(?:to )?interview)\\b(?! (?:with|for|at|us|our)\\b)",
    "\\bthank(?:s| you)(?: so much| again)? for (?:interviewing|hosting) "
    "me\\b",
    NULL,
};

static const char *const thank_you_terms[] = {
    "thank you for taking the time", "thank you for your time",
    "thanks for taking the time", "thanks for your time",
    "thank you for meeting", "thanks for meeting",
    "thank you for speaking", "thanks for speaking",
    "thank you for talking", "thanks for talking",
    "thank you for the conversation", "thanks for the conversation",
    "thank you for the great conversation", "thanks for the great chat",
    "enjoyed speaking", "enjoyed talking", "enjoyed meeting",
    "enjoyed our conversation", "enjoyed our chat", "enjoyed learning",
    "great to meet", "great speaking", "great talking",
    "pleasure speaking", "pleasure meeting", "pleasure to meet",
    "appreciate your time", "appreciated your time",
    "appreciate you taking the time", "thank you for the call",
    "thanks for the call", "thank you for the chat", "thanks for the chat",
    "thank you for the interview", "thanks for the interview",
    "thank you for having me", "thanks for having me",
    "thank you for interviewing me", "thanks for interviewing me", NULL,
};

static const char *const followup_terms[] = {
    "checking in", "check in on", "following up", "follow up on",
    "wanted to follow up", "any update", "any updates", "an update on",
    "status of my application", "status of the role", "touch base",
    "still interested", "timeline for", "decision timeline", NULL,
};

static const char *const auto_reply_subjects[] = {
    "out of office", "out of the office", "automatic reply", "auto reply",
    "autoreply", "auto-reply", "away from the office", "on vacation",
    "undeliverable", "delivery status notification", "mail delivery failed",
    "returned mail", NULL,
};

/* ATS and scheduling-tool sender domains (DESIGN §5: they send for many
 * employers, so the sender alone never identifies one). */
static const char *const ats_domains[] = {
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co",
    "myworkday.com", "myworkdayjobs.com", "workday.com", "ashbyhq.com",
    "smartrecruiters.com", "icims.com", "taleo.net", "successfactors.com",
    "jobvite.com", "bamboohr.com", "workable.com", "recruitee.com",
    "teamtailor.com", "personio.de", "breezy.hr", "jazzhr.com",
    "applytojob.com", "gem.com", "goodtime.io", "calendly.com",
    "linkedin.com", "indeed.com", "glassdoor.com", "ziprecruiter.com",
    "hired.com", "wellfound.com", "dice.com", "rippling.com",
    "paylocity.com", "ultipro.com", "adp.com", "oraclecloud.com",
    "avature.net", "phenompeople.com", "eightfold.ai", "beamery.com",
    NULL,
};

static const char *const robot_locals[] = {
    "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
    "do_not_reply", "notifications", "notification", "mailer-daemon",
    "postmaster", "bounce", "bounces", "jobs-noreply", "careers-noreply",
    "auto-confirm", "alerts", "jobalerts", "news", "newsletter", "info",
    "calendar-notification", NULL,
};

static gboolean
domain_matches (const char *domain, const char *suffix)
{
    gsize dl = strlen (domain), sl = strlen (suffix);

    if (dl < sl)
	return FALSE;
    if (g_ascii_strcasecmp (domain + dl - sl, suffix) != 0)
	return FALSE;
    return dl == sl || domain[dl - sl - 1] == '.';
}

/* Vendors whose name in any label of the sender's domain marks an ATS
 * or scheduling mailer ("hire.lever.co", "greenhouse-mail.io"). */
static const char *const ats_vendors[] = {
    "greenhouse", "lever", "myworkday", "myworkdayjobs", "workday", "ashbyhq",
    "smartrecruiters", "icims", "taleo", "successfactors", "jobvite",
    "bamboohr", "workable", "recruitee", "teamtailor", "breezy", "jazzhr",
    "applytojob", "goodtime", "calendly", "avature", "phenompeople",
    "eightfold", "beamery", NULL,
};

static gboolean
is_ats_addr (const char *addr)
{
    const char *at = addr ? strrchr (addr, '@') : NULL;
    g_auto (GStrv) labels = NULL;
    size_t i;
    int k;

    if (! at)
	return FALSE;
    for (i = 0; ats_domains[i]; i++) {
	if (domain_matches (at + 1, ats_domains[i]))
	    return TRUE;
    }
    labels = g_strsplit (at + 1, ".", -1);
    for (k = 0; labels[k]; k++) {
	g_autofree char *l = g_ascii_strdown (labels[k], -1);

	for (i = 0; ats_vendors[i]; i++) {
	    gsize n = strlen (ats_vendors[i]);

	    if (strncmp (l, ats_vendors[i], n) == 0
		&& (l[n] == '\0' || l[n] == '-'))
		return TRUE;
	}
    }
    return FALSE;
}

gboolean
nmf_address_is_robot (const char *addr)
{
    const char *at;
    g_autofree char *local = NULL;
    size_t i;

    if (! addr || ! *addr)
	return TRUE;
    at = strrchr (addr, '@');
    if (! at)
	return TRUE;
    local = g_ascii_strdown (addr, at - addr);
    for (i = 0; robot_locals[i]; i++) {
	if (strcmp (local, robot_locals[i]) == 0)
	    return TRUE;
    }
    if (strstr (local, "noreply") || strstr (local, "no-reply")
	|| strstr (local, "donotreply") || strstr (local, "do-not-reply"))
	return TRUE;
    /* ATS mailers send from per-message robot addresses; a person at an
     * ATS domain is still not the employer's person to write to. */
    return is_ats_addr (addr);
}

/* Matching context: the folded subject and new text. */
struct ctx {
    char *subject;
    char *body;
    char *quoted;     /* folded quoted text: context only */
    char *calendar;   /* folded summaries and descriptions of events */
    char *detail[NMF_F_COUNT]; /* what made a feature fire, or NULL */
    gboolean could_act; /* the index's prefilter would find it */
    gboolean crowd;     /* more than ten people in To and Cc */
    gboolean judges;    /* the reader is asked to judge a candidate */
};

/* The texts a message is read by: the subject, the new text (with a
 * forwarded message, which is what the sender passes on), the quoted
 * thread (context only) and the calendar events' words. */
static void
ctx_init (struct ctx *c, const struct nmf_message *msg)
{
    GString *cal = g_string_new (NULL);
    guint i;

    c->subject = nmf_text_fold (msg->subject);
    if (nmf_text_is_forward (msg->quoted)) {
	g_autofree char *both = g_strconcat (msg->body, "\n", msg->quoted,
					     NULL);

	c->body = nmf_text_fold (both);
    } else {
	c->body = nmf_text_fold (msg->body);
	c->quoted = nmf_text_fold (msg->quoted);
    }
    for (i = 0; i < msg->events->len; i++) {
	struct nmf_event *ev = msg->events->pdata[i];

	g_string_append_printf (cal, "%s\n%s\n",
				ev->summary ? ev->summary : "",
				ev->description ? ev->description : "");
    }
    c->calendar = nmf_text_fold (cal->str);
    g_string_free (cal, TRUE);
}

static void
ctx_release (struct ctx *c)
{
    g_free (c->subject);
    g_free (c->body);
    g_free (c->quoted);
    g_free (c->calendar);
    for (int f = 0; f < NMF_F_COUNT; f++)
	g_free (c->detail[f]);
}

/* First phrase of list found in text, or NULL. */
static const char *
find_any (const char *text, const char *const *list)
{
    size_t i;

    for (i = 0; list[i]; i++) {
	if (nmf_text_has_phrase (text, list[i]))
	    return list[i];
    }
    return NULL;
}

/* Distinct phrases of list found in subject or body. */
static unsigned
count_any (struct ctx *c, const char *const *list)
{
    unsigned n = 0;
    size_t i;

    for (i = 0; list[i]; i++) {
	if (nmf_text_has_phrase (c->subject, list[i])
	    || nmf_text_has_phrase (c->body, list[i])
	    || nmf_text_has_phrase (c->calendar, list[i])
	    || (c->quoted && nmf_text_has_phrase (c->quoted, list[i])))
	    n++;
    }
    return n;
}

/* Sentence-level patterns (on folded text): the many ways of saying no. */
static const char *const rejection_patterns[] = {
    "\\b(?:not|n't|no longer)\\b[^.!?\\n]{0,40}\\b(?:move|moving|proceed|"
    "proceeding|progress|progressing|advance|advancing|continue|continuing)"
    "\\b[^.!?\\n]{0,25}\\b(?:forward|ahead|further|with your|to the next|"
    "your application|it)\\b",
    "\\b(?:won't|will not|cannot|can't|unable to|not be|decided not to|"
    "not able to|not in a position to)\\b[^.!?\\n]{0,20}\\b(?:offer|"
    "offering|extend|extending)\\b[^.!?\\n]{0,25}\\b(?:you|the role|the "
    "position|an offer)",
    "\\b(?:decided|chose|chosen|selected|decision|opted) to (?:go|move "
    "forward|proceed|continue|move ahead) with (?:another|other|a different|"
    "a candidate|candidates)",
    "\\b(?:extend(?:ed)?|made|make) (?:an|the) offer to (?:another|a "
    "different|someone)",
    /* Done to the role, not hoped for ("anxious to fill this position"). */
    "\\b(?:cancel+ed|cancel+ing|closed|closing|filled|put on hold|paused|"
    "pausing)\\b"
    "[^.!?\\n]{0,40}\\b(?:role|position|requisition|opening|search)\\b",
    "\\b(?:role|position|requisition|opening)\\b[^.!?\\n]{0,40}\\b(?:"
    "cancel+ed|closed|been filled|be filled|on hold|no longer (?:open|"
    "available))",
    "\\bclosing (?:all open |your )?candidac",
    /* Someone else was chosen: "we've selected other candidates",
     * "another applicant ... has been selected", "candidates who more
     * closely match". */
    "\\b(?:not|n't) (?:been )?(?:select|selected|chosen|shortlisted|pick|"
    "picked)\\b[^.!?\\n]{0,40}\\b(?:further|next|interview|move|proceed|"
    "for (?:this|the))",
    "\\b(?:selected|chosen|identified|hired|decided on|decided to (?:select|"
    "hire|pursue|go with|choose|offer|interview))\\b[^.!?\\n]{0,15}"
    "\\b(?:another|other|a different|more qualified|better qualified) "
    "(?:candidate|applicant|person|individual)s?\\b",
    "\\b(?:candidates|applicants|individuals) (?:who|whose)[^.!?\\n]{0,40}"
    "\\bmore closely\\b",
    "\\b(?:another|other|a different) (?:candidate|applicant|individual)s?"
    "\\b[^.!?\\n]{0,60}\\b(?:has|have) been (?:selected|chosen|hired)",
    /* No fit: "there is not a strong fit", "not a good match between
     * our requirements and your skills", "we do not have an appropriate
     * position for you". */
    "\\bthere (?:is|was|'s) (?:not|no) (?:a |an )?(?:strong |good |close |"
    "right )?(?:fit|match)\\b",
    "\\b(?:do not|don't|does not|doesn't) have (?:an? )?(?:appropriate|"
    "suitable|matching|open|available)? ?(?:position|role|opening)s? "
    "(?:for you|that (?:match|fit))",
    "\\bdid not select (?:it|you|your)\\b",
    NULL,
};

/* The user thanks someone for a conversation that took place ("thank
 * you for giving me an opportunity to have an interview", "thank-you
 * for the invitation to interview", "thank you all for inviting me to
 * visit", "I enjoyed our discussion this morning"), within one clause:
 * "thanks for your help, and don't hesitate to call" thanks for no call. */
static const char thank_you_pattern[]
    = "\\b(?:thank you|thank-you|thanks|grateful|appreciated?)(?: you)?"
      "(?: all| so much| very much| again)? for (?:the|your|our|taking|"
      "speaking|meeting|talking|chatting|running|having|walking|giving me|"
      "inviting me|hosting me)\\b(?:(?!, and )[^.!?\\n;]){0,40}\\b(?:time|"
      "conversation|chat|call|interview|session|meeting|discussion|visit|"
      "invitation)\\b"
      "(?! ?slots?)";
static const char enjoyed_pattern[]
    = "\\bi(?:'ve| have)? (?:really |truly |very much |thoroughly )?"
      "enjoyed (?:our|the|my|meeting|speaking|talking|chatting|getting to "
      "know|learning|visiting)\\b[^.!?\\n]{0,40}\\b(?:discussion|"
      "conversation|chat|call|interview|visit|meeting|you|team|day)\\b";

static const char *const freemail_domains[] = {
    "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com",
    "live.com", "icloud.com", "me.com", "aol.com", "proton.me",
    "protonmail.com", "gmx.de", "gmx.net", "web.de", "fastmail.com",
    "yandex.ru", "mail.ru", "qq.com", "163.com", "example.net",
    "example.com", "example.org", NULL,
};

gboolean
nmf_domain_is_freemail (const char *domain)
{
    size_t i;

    for (i = 0; domain && freemail_domains[i]; i++) {
	if (g_ascii_strcasecmp (domain, freemail_domains[i]) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* Mail from a colleague: the sender's domain is the domain of one of the
 * user's own (non-free-mail) addresses.  A candidate's interview comes
 * from another organisation. */
static gboolean
from_own_organisation (const struct nmf_message *msg,
		       const char *const *user_emails)
{
    const char *at = msg->from ? strrchr (msg->from->addr, '@') : NULL;
    const char *const *u;

    if (! at || nmf_domain_is_freemail (at + 1))
	return FALSE;
    for (u = user_emails; *u; u++) {
	const char *uat = strrchr (*u, '@');

	if (uat && g_ascii_strcasecmp (uat + 1, at + 1) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* Scheduling follow-through the user writes ("Tuesday works, see you
 * then") is not a thank-you even when it says thanks. */
static const char *const confirm_terms[] = {
    "works for me", "works great", "see you then", "talk then",
    "speak then", "i'll be there", "i will be there", "i confirm",
    "confirming", "look forward to speaking", "looking forward to speaking",
    "look forward to meeting", "looking forward to meeting",
    "look forward to our", "looking forward to our", "i am available",
    "i'm available", "my availability", NULL,
};

static const char *const strong_followup_terms[] = {
    "following up", "follow up on", "wanted to follow up", "checking in",
    "check in on", "any update", "any updates", "an update on",
    "status of my application", "touch base", "circle back", "any news",
    "heard anything", "heard back", "wanted to check", "check in to see",
    "wanted to check in", NULL,
};

/* "If there's a match, we'll contact you": a future that may not come. */
static const char *const conditional_terms[] = {
    "if there's a match", "if there is a match", "if your profile",
    "if your background", "if your experience", "if selected",
    "if shortlisted", "if we", "should your", "should we", "in case",
    "will be in touch", "will contact you", "will reach out", NULL,
};

/* Things the user writes that make a thank-you no job thank-you. */
static const char *const user_negative_terms[] = {
    "podcast", "episode", "our show", "the show", "listeners", "journalist",
    "reporter", "article", "newspaper", "user research", "research study",
    "usability", "including me in the interview", "sit in on",
    "the candidate", "debrief", "scorecard", NULL,
};

/* Does an offer phrase offer an interview or a call rather than a job?
 * ("we'd like to offer you an interview", "a 20% discount") */
static gboolean
offers_a_meeting (struct ctx *c, const char *phrase)
{
    static const char *const objects[] = { "interview", "call", "chat",
					   "meeting", "opportunity to", "a time",
					   "slot", "discount", "%", "free",
					   "deal", "spot", "seat", "place",
					   "panel", "speaking", "ticket", "pass",
					   "membership", NULL };
    const char *texts[] = { c->subject, c->body };
    size_t t, i;

    for (t = 0; t < 2; t++) {
	const char *p = strstr (texts[t], phrase);

	if (p) {
	    /* The three words after the phrase. */
	    const char *q = p + strlen (phrase);
	    int words = 0;
	    g_autofree char *after = NULL;

	    while (*q && words < 4) {
		if (*q == ' ')
		    words++;
		q++;
	    }
	    after = g_strndup (p + strlen (phrase), q - (p + strlen (phrase)));
	    for (i = 0; objects[i]; i++) {
		if (strstr (after, objects[i]))
		    return TRUE;
	    }
	}
    }
    return FALSE;
}

/* Whether the message names a time to meet ahead of its date (an hour
 * of slack), a deadline ("complete it by Friday") being none. */
static gboolean
future_time_in (const struct nmf_message *msg)
{
    g_autofree char *text = g_strconcat (msg->subject, "\n", msg->body, NULL);
    g_autoptr (GPtrArray) all = NULL;
    guint i;

    if (! msg->date)
	return FALSE;
    all = nmf_dates_scan (text, msg->date, msg->date_offset);
    for (i = 0; i < all->len; i++) {
	const struct nmf_when *w = all->pdata[i];

	if (w->start >= msg->date - 3600 && ! w->deadline)
	    return TRUE;
    }
    return FALSE;
}

/* ---- evidence as numbers (issue 15) ----------------------------------- */

static const char *const feature_names[NMF_F_COUNT] = {
    [NMF_F_FROM_USER] = "from-user",
    [NMF_F_AUTOMATED] = "automated",
    [NMF_F_BULK] = "bulk",
    [NMF_F_ATS_SENDER] = "ats-sender",
    [NMF_F_ROBOT_SENDER] = "robot-sender",
    [NMF_F_INTERNAL] = "internal",
    [NMF_F_USER_ORGANISES] = "user-organises-event",
    [NMF_F_EVENT] = "event",
    [NMF_F_EVENT_CANCELLED] = "event-cancelled",
    [NMF_F_EVENT_INTERVIEW] = "event-interview",
    [NMF_F_JOB] = "job",
    [NMF_F_JOB_WEAK] = "job-weak",
    [NMF_F_TITLE_SUBJECT] = "title-in-subject",
    [NMF_F_INTERVIEW_SUBJECT] = "interview-in-subject",
    [NMF_F_INTERVIEW_BODY] = "interview-in-body",
    [NMF_F_INTERVIEW_QUOTED] = "interview-in-quote",
    [NMF_F_MEETING] = "meeting",
    [NMF_F_SCHEDULING] = "scheduling",
    [NMF_F_FUTURE_TIME] = "future-time",
    [NMF_F_CONDITIONAL] = "conditional",
    [NMF_F_REJECTION_PHRASE] = "rejection-phrase",
    [NMF_F_REJECTION_SENTENCE] = "rejection-sentence",
    [NMF_F_OFFER] = "offer",
    [NMF_F_OFFER_MEETING] = "offer-of-a-meeting",
    [NMF_F_COMMERCIAL] = "commercial",
    [NMF_F_NEGATIVE_PRESS] = "negative:press",
    [NMF_F_NEGATIVE_RESEARCH] = "negative:research",
    [NMF_F_NEGATIVE_LIFE] = "negative:life",
    [NMF_F_NEGATIVE_LEARNING] = "negative:learning",
    [NMF_F_NEGATIVE_EVENT] = "negative:event",
    [NMF_F_NEGATIVE_REFERENCE] = "negative:reference",
    [NMF_F_NEGATIVE_ADVERT] = "negative:advert",
    [NMF_F_PERSON_SENDER] = "person-sender",
    [NMF_F_TO_USER] = "to-the-user",
    [NMF_F_INTERVIEW_PERSON] = "interview+person",
    [NMF_F_SCHEDULING_TOOL] = "scheduling-tool",
    [NMF_F_AVAILABILITY] = "asks-availability",
    [NMF_F_ITINERARY] = "itinerary",
    [NMF_F_AS_INTERVIEWER] = "user-as-interviewer",
    [NMF_F_REPLY] = "reply",
    [NMF_F_INTERVIEW_JOB] = "interview+job",
    [NMF_F_INTERVIEW_WHEN] = "interview+when",
    [NMF_F_MEETING_JOB_WHEN] = "meeting+job+when",
    [NMF_F_REJECTION_JOB] = "rejection+job",
    [NMF_F_OFFER_JOB] = "offer+job",
    [NMF_F_USER_THANKS] = "user:thanks",
    [NMF_F_USER_FOLLOW_UP] = "user:follow-up",
    [NMF_F_USER_STRONG_FOLLOW_UP] = "user:strong-follow-up",
    [NMF_F_USER_CONTEXT] = "user:context",
    [NMF_F_USER_CONFIRM] = "user:confirm",
    [NMF_F_USER_NEGATIVE] = "user:negative",
    [NMF_F_USER_IN_CC] = "user-in-cc",
    [NMF_F_MANY_RECIPIENTS] = "many-recipients",
    [NMF_F_FORWARD] = "forward",
    [NMF_F_YOU_INTERVIEW] = "you-interview",
    [NMF_F_THIRD_PERSON] = "about-a-candidate",
    [NMF_F_RESUME] = "resume",
    [NMF_F_APPLICATION] = "application",
    [NMF_F_JOB_ALERT] = "job-alert",
    [NMF_F_OUTREACH] = "outreach",
    [NMF_F_ASSESSMENT] = "assessment",
    [NMF_F_THANKS] = "thanks-for-time",
    [NMF_F_RECRUITING] = "recruiting",
    [NMF_F_HE_SHE] = "he-or-she",
    [NMF_F_FEEDBACK] = "asks-feedback",
    [NMF_F_TO_USER_ALONE] = "to-the-user-alone",
    [NMF_F_USER_STATUS] = "user:asks-status",
    [NMF_F_USER_GRATITUDE] = "user:gratitude",
    [NMF_F_NAMES_INTERVIEWERS] = "names-interviewers",
    [NMF_F_INVITES] = "invites-the-reader",
    [NMF_F_ASKS] = "asks-the-reader",
    [NMF_F_USER_NAMED] = "user-named",
    [NMF_F_WEAK_ONLY] = "weak-only",
    [NMF_F_INTERNAL_HIRING] = "internal+hiring",
    [NMF_F_ANSWERS_USER] = "answers-the-user",
};

const char *
nmf_feature_name (enum nmf_feature f)
{
    return (unsigned) f < NMF_F_COUNT ? feature_names[f] : "?";
}

/* Whether a phrase of list is in the subject or the new text (or the
 * calendar text when cal is set); v[f] is set and the phrase kept as the
 * feature's detail. */
static gboolean
seen (struct ctx *c, double *v, enum nmf_feature f, const char *const *list,
      gboolean cal)
{
    const char *hit;
    const char *where;

    if ((hit = find_any (c->subject, list)))
	where = "subject";
    else if ((hit = find_any (c->body, list)))
	where = "body";
    else if (cal && (hit = find_any (c->calendar, list)))
	where = "calendar";
    else
	return FALSE;
    v[f] = 1;
    if (! c->detail[f])
	c->detail[f] = g_strdup_printf ("'%s' in %s", hit, where);
    return TRUE;
}

/* The same for sentence patterns (subject and new text). */
static gboolean
seen_regex (struct ctx *c, double *v, enum nmf_feature f,
	    const char *const *list)
{
    size_t i, t;

    for (i = 0; list[i]; i++) {
	const char *texts[] = { c->subject, c->body };

	for (t = 0; t < 2; t++) {
	    g_autoptr (GMatchInfo) mi = NULL;

	    if (nmf_regex_match_jit (list[i], texts[t], &mi)) {
		g_autofree char *hit = g_match_info_fetch (mi, 0);

		v[f] = 1;
		if (! c->detail[f])
		    c->detail[f] = g_strdup_printf ("'%s' in %s", hit,
						    t ? "body" : "subject");
		return TRUE;
	    }
	}
    }
    return FALSE;
}

/* Whether a phrase of list is in text alone: v[f] set, the phrase kept
 * as the detail with where ("" or " in subject"). */
static gboolean
seen_in (struct ctx *c, double *v, enum nmf_feature f, const char *text,
	 const char *const *list, const char *where)
{
    const char *hit = find_any (text, list);

    if (! hit)
	return FALSE;
    v[f] = 1;
    if (! c->detail[f])
	c->detail[f] = g_strdup_printf ("'%s'%s", hit, where);
    return TRUE;
}

static void
detail (struct ctx *c, enum nmf_feature f, const char *what)
{
    if (! c->detail[f])
	c->detail[f] = g_strdup (what);
}

/* The user writes about an interview with "you": a conversation of their
 * own, the candidate's side. */
static const char *const you_interview_patterns[] = {
    "\\b(?:you|your)\\b[^.!?\\n]{0,40}\\b(?:interview\\w*|phone screen|"
    "onsite|on-site|come in|fly in|meet with|speak with|talk with|"
    "chat with|call with)\\b",
    "\\b(?:interview|meet|call|see|phone|speak to|talk to)\\b "
    "(?:with )?you\\b",
    /* Not "we invite you to learn more about us", "to join our talent
     * community", "to take our survey". */
    "\\binvite you\\b(?! to (?:learn|explore|apply|read|check|browse|"
    "follow|review|complete|register|sign|subscribe|download|watch|share|"
    "update|create|stay|connect|join (?:our|the) (?:talent|community|"
    "network|newsletter|mailing)|take (?:a|our) (?:survey|look)))",
    NULL,
};
/* A candidate talked about, not to: the reader is on the hiring side. */
static const char *const third_person_patterns[] = {
    "\\b(?:interview|interviewed|hire|hired|hiring|meet|met|call|called|"
    "talk to|speak to|bring|brought|invite|invited|consider|recommend|"
    "evaluate|offer)\\b (?:him|her)\\b",
    "\\b(?:his|her) (?:resume|cv|background|interview|candidacy|"
    "application|visit|qualifications|skills|references)\\b",
    "\\b(?:the|this|that|our|your|a|strong|good|interesting) candidate(?:'s)?\\b",
    "\\bcandidates? (?:for|who|that|we)\\b",
    /* A search firm's submissions: "Candidate's Name:", "my candidates". */
    "\\bcandidate(?:'s)? name\\b",
    "\\b(?:my|these|those|both|two|three) candidates\\b",
    /* The reader asked to judge someone named: "feedback on him",
     * "Joao Neves' resume". */
    "\\b(?:feedback|thoughts|opinion|impressions) (?:on|of|about) "
    "(?:him|her)\\b",
    "\\b[a-z]+(?:'s|') (?:resume|cv|candidacy)\\b",
    NULL,
};
/* The message says who the reader will meet: "The interviewers will
 * be:", "you will be meeting with", a labelled "Interviewers:" line. */
static const char *const names_interviewers_patterns[] = {
    "\\b(?:interviewers?|interview panel|panel)\\s+(?:will|would|is|are|"
    "include|includes|consists?)\\b",
    "(?m)^[ \\t>*-]*interviewers?(?:\\(s\\))?\\s*:",
    "\\byou(?:'ll| will| would)(?: also)? (?:be )?"
    "(?:meet|meeting|speak|speaking|talk|talking|interview|interviewing) "
    "with\\b",
    "\\bwill (?:be )?(?:interview|interviewing) you\\b",
    NULL,
};
/* A sentence that asks the reader to a conversation or moves them on:
 * "we'd like to bring you in", "invite you to interview", "schedule a
 * call with you", "the next step is". */
static const char *const invites_patterns[] = {
    "\\b(?:would|'d|wish|want|wanted) (?:like |love )?to (?:invite|bring|"
    "have|schedule|set up|arrange|speak|talk|meet|chat|connect|move "
    "forward) (?:with )?you\\b",
    "\\b(?:invite|inviting|invited) you (?:to|for) (?:an? |the |your |our )?"
    "(?:[a-z0-9-]+ ){0,2}(?:interview|call|meeting|conversation|chat|onsite|"
    "on-site|visit|round|screen|discussion|session)",
    "\\bbring you (?:in|back|on ?site|to)\\b",
    /* "We would be interested in talking to you", "I will have our
     * assistant set up some time for you to meet with ...". */
    "\\binterested in (?:talking|speaking|meeting|chatting) (?:to |with )?"
    "you\\b",
    "\\b(?:set up|schedule|arrange|find) (?:some |a )?time for you to (?:meet|"
    "talk|speak|chat|visit|come)\\b",
    "\\b(?:schedule|set up|arrange|book|coordinate) (?:a|an|your|the|some)"
    " (?:[a-z0-9-]+ ){0,2}(?:interview|interviews|call|phone screen|"
    "conversation|chat|meeting|time to talk|time to speak)\\b",
    "\\bnext (?:step|round|stage)s? (?:is|are|would be|will be|in (?:the|our)"
    " (?:process|interview))\\b",
    "\\b(?:move|moving|advance|advancing) you (?:forward|on|to)\\b",
    "\\b(?:pleased|happy|excited|delighted|glad) to (?:invite|move|"
    "advance|let you know that you|inform you that you)\\b",
    NULL,
};
/* The reader is asked to judge a candidate: the reader hires ("any
 * feedback on him?", "your thoughts on Joao Neves' resume", "Candidate's
 * Name:"). */
static const char *const judges_patterns[] = {
    "\\b(?:feedback|thoughts|opinion|impressions|comments) (?:on|of|about) "
    "(?:him|her|them|the candidates?|these candidates|this candidate|"
    "[a-z]+(?:'s|') (?:resume|cv|candidacy))\\b",
    "\\bcandidate(?:'s)? name\\s*:",
    NULL,
};
/* Someone talked about in the third person ("she has", "he would"). */
static const char *const he_she_patterns[] = {
    "\\b(?:he|she)\\b (?:is|was|has|had|would|will|could|seems|did|does|"
    "may|might|can|wants|asked|told|mentioned)\\b",
    NULL,
};
/* The reader is asked to judge someone. */
static const char *const feedback_terms[] = {
    "your feedback", "feedback on", "your thoughts on", "your opinion",
    "your evaluation", "evaluation form", "your comments on",
    "your impressions", "what you think of", "let me know what you think",
    "your recommendation", NULL,
};
static const char *const resume_terms[] = {
    "resume", "resumes", "cv", "cvs", "curriculum vitae", "resume attached",
    NULL,
};
/* What an applicant tracking system says about an application. */
static const char *const application_terms[] = {
    "thank you for applying", "thanks for applying", "your application",
    "received your application", "application received",
    "application has been received", "application was sent",
    "application submitted", "application was submitted",
    "you applied", "you recently applied", "applied for",
    "thank you for your application", "thank you for your interest",
    "under review", "being reviewed", "reviewing your",
    "finish your application", "complete your application",
    "incomplete application", "started an application", "application status",
    "status of your application", "application was viewed",
    "withdrawn your application", "withdraw your application", "referred",
    "referral", NULL,
};
static const char *const job_alert_terms[] = {
    "job alert", "job alerts", "jobs you may be interested in", "new jobs",
    "recommended jobs", "jobs for you", "recommended for you",
    "matching jobs", "similar jobs", "job of the week", "new opening",
    "new openings", "talent community", "job recommendations", NULL,
};
static const char *const outreach_terms[] = {
    "came across your profile", "i came across your", "your profile",
    "would you be open to", "are you open to", "open to a chat",
    /* Not "a good fit", "a great fit", "might be a fit": an invitation
     * says them as often. */
    "open to a conversation", "might be interested",
    "leading the search", "send me your resume",
    "send your resume", "updated resume", "updated copy of your resume",
    "interested in hearing", "contract role", "contract position", "w2",
    "c2c", "corp to corp",
    "hourly rate", "job description", "years of experience", NULL,
};
static const char *const assessment_terms[] = {
    "assessment", "coding challenge", "take-home", "online test",
    "hackerrank", "codesignal", "codility", "one-way video", "hirevue",
    NULL,
};

/* Scheduling tools and the words of their confirmations. */
static const char *const scheduling_tool_terms[] = {
    "calendly", "goodtime", "modernloop", "prelude", "paradox",
    "gem.com", "ashbyhq", "schedule your interview", "self-schedule",
    "self schedule", "your interview has been scheduled",
    "your interview is confirmed", "interview confirmation",
    "select a time", "pick a time", "choose a time", "book a time", NULL,
};
/* The sender asks the reader when they can meet. */
static const char *const availability_terms[] = {
    "are you available", "would you be available", "your availability",
    "what times work", "what time works", "times that work",
    "when would be a good time", "when are you free", "a good time to",
    "let me know when", "which of these times", "does that work",
    "would that work", "works for you", NULL,
};

/* The user asks where things stand. */
static const char *const user_status_terms[] = {
    "status", "decision", "any news", "an update", "heard back",
    "hear back", "next steps", "timeline", "still considering",
    "still interested", "where things stand", "look forward to hearing",
    "hearing from you", "any further information", "any further news",
    "any updates", "any word on", "heard anything", "have you heard",
    "any feedback", "any response", "let me know details",
    "let me know the details", "can move forward", "we can move forward",
    NULL,
};
/* The user's gratitude in other words than thank_you_terms. */
static const char *const user_gratitude_terms[] = {
    "thank you for the opportunity", "thanks for the opportunity",
    "thank you for your consideration", "my gratitude", "grateful",
    "thank you very much for", "thank you again", "thanks again",
    "many thanks", "i appreciate", "i really appreciate", NULL,
};

/* The evidence read the same way whoever wrote the message: how much
 * of a job it speaks of, the hard negatives, a reply or a forward, list
 * mail.  job and weak: how many phrases of job_terms and weak_job_terms
 * (count_any). */
static void
features_either_way (const struct nmf_message *msg, struct ctx *c,
		     double *v, unsigned job, unsigned weak)
{
    v[NMF_F_BULK] = (msg->flags & (NMF_MSG_LIST | NMF_MSG_BULK)) != 0;
    /* seen() names the first phrase; the value is how many (a third
     * each, three at most), quoted text included. */
    if (job && ! seen (c, v, NMF_F_JOB, job_terms, TRUE))
	detail (c, NMF_F_JOB, "in the quoted text");
    v[NMF_F_JOB] = MIN (job, 3) / 3.0;
    if (weak && ! seen (c, v, NMF_F_JOB_WEAK, weak_job_terms, TRUE))
	detail (c, NMF_F_JOB_WEAK, "in the quoted text");
    v[NMF_F_JOB_WEAK] = MIN (weak, 3) / 3.0;
    seen (c, v, NMF_F_COMMERCIAL, commercial_offer_terms, FALSE);
    seen (c, v, NMF_F_NEGATIVE_PRESS, press_terms, TRUE);
    seen (c, v, NMF_F_NEGATIVE_RESEARCH, research_terms, TRUE);
    seen (c, v, NMF_F_NEGATIVE_LIFE, life_terms, TRUE);
    seen (c, v, NMF_F_NEGATIVE_LEARNING, learning_terms, TRUE);
    seen (c, v, NMF_F_NEGATIVE_EVENT, event_terms, TRUE);
    seen (c, v, NMF_F_NEGATIVE_REFERENCE, reference_terms, TRUE);
    seen (c, v, NMF_F_NEGATIVE_ADVERT, advert_terms, TRUE);
    v[NMF_F_REPLY] = msg->in_reply_to != NULL
		     || g_str_has_prefix (c->subject, "re:");
    v[NMF_F_FORWARD] = g_str_has_prefix (c->subject, "fw:")
		       || g_str_has_prefix (c->subject, "fwd:")
		       || nmf_text_is_forward (msg->quoted);
}

static void
features_from_user (const struct nmf_message *msg, struct ctx *c, double *v)
{
    static const char *const thank_re[] = { thank_you_pattern,
					    enjoyed_pattern, NULL };
    unsigned job = count_any (c, job_terms);
    unsigned weak = count_any (c, weak_job_terms);
    gboolean context = job || weak || count_any (c, interview_terms);

    v[NMF_F_FROM_USER] = 1;
    features_either_way (msg, c, v, job, weak);
    if (! seen (c, v, NMF_F_USER_THANKS, thank_you_terms, FALSE))
	seen_regex (c, v, NMF_F_USER_THANKS, thank_re);
    seen (c, v, NMF_F_USER_FOLLOW_UP, followup_terms, FALSE);
    seen (c, v, NMF_F_USER_STRONG_FOLLOW_UP, strong_followup_terms, FALSE);
    v[NMF_F_USER_CONTEXT] = context;
    seen (c, v, NMF_F_USER_CONFIRM, confirm_terms, FALSE);
    seen (c, v, NMF_F_USER_NEGATIVE, user_negative_terms, FALSE);
    seen_regex (c, v, NMF_F_THIRD_PERSON, third_person_patterns);
    seen (c, v, NMF_F_RESUME, resume_terms, FALSE);
    seen (c, v, NMF_F_INTERVIEW_BODY, interview_terms, FALSE);
    seen (c, v, NMF_F_OFFER, offer_terms, FALSE);
    seen (c, v, NMF_F_AVAILABILITY, availability_terms, FALSE);
    seen_regex (c, v, NMF_F_HE_SHE, he_she_patterns);
    seen (c, v, NMF_F_FEEDBACK, feedback_terms, FALSE);
    seen (c, v, NMF_F_USER_STATUS, user_status_terms, FALSE);
    seen (c, v, NMF_F_USER_GRATITUDE, user_gratitude_terms, FALSE);
}

/* Lines of an itinerary: "10:00 - 10:45 AM  Name, Title" (two or more
 * lines that start with a time range). */
static gboolean
itinerary_in (const char *body)
{
    static const char re[]
	= "(?m)^[ \\t]*\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:-|\\x{2013}|to)"
	  "\\s*\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\b";
    g_autoptr (GMatchInfo) mi = NULL;
    int n = 0;

    if (! nmf_regex_match_jit (re, body, &mi))
	return FALSE;
    while (g_match_info_matches (mi) && n < 2) {
	n++;
	g_match_info_next (mi, NULL);
    }
    return n >= 2;
}

/* Whether one of the addresses of list is the user's. */
static gboolean
user_among (const GPtrArray *list, const char *const *user_emails)
{
    guint i;

    for (i = 0; list && i < list->len; i++) {
	const struct nmf_address *a = list->pdata[i];

	if (nmf_address_in (a->addr, user_emails))
	    return TRUE;
    }
    return FALSE;
}

/* The user's own full name, as a To or Cc header of msg writes it
 * ("Sam Lee <sam@example.org>"), folded; NULL when none gives one. */
static char *
user_name_of (const struct nmf_message *msg, const char *const *user_emails)
{
    const GPtrArray *lists[] = { msg->to, msg->cc };
    gsize l;
    guint i;

    for (l = 0; l < G_N_ELEMENTS (lists); l++) {
	for (i = 0; lists[l] && i < lists[l]->len; i++) {
	    const struct nmf_address *a = lists[l]->pdata[i];

	    if (a->name && strchr (a->name, ' ') && ! strchr (a->name, '@')
		&& nmf_address_in (a->addr, user_emails))
		return nmf_text_fold (a->name);
	}
    }
    return NULL;
}

/* Whether the earlier message msg quotes first was written by the user:
 * its author line names one of the user's addresses, or the user's name
 * (me, folded; may be NULL). */
static gboolean
quotes_user (const struct nmf_message *msg, const char *const *user_emails,
	     const char *me)
{
    g_autofree char *line = nmf_text_quoted_author (msg->quoted);
    g_autofree char *folded = NULL;
    int k;

    if (! line)
	return FALSE;
    folded = nmf_text_fold (line);
    for (k = 0; user_emails[k]; k++) {
	g_autofree char *addr = g_ascii_strdown (user_emails[k], -1);

	if (*addr && nmf_text_has_phrase (folded, addr))
	    return TRUE;
    }
    return me && nmf_text_has_phrase (folded, me);
}

static void
features_incoming (const struct nmf_message *msg,
		   const char *const *user_emails, struct ctx *c, double *v)
{
    unsigned job = count_any (c, job_terms);
    unsigned weak = count_any (c, weak_job_terms);
    gboolean ats = msg->from && is_ats_addr (msg->from->addr);
    gboolean interview, when, sched, rejection, act_words;
    const char *offer;
    guint i;

    v[NMF_F_AUTOMATED] = (msg->flags & (NMF_MSG_AUTO_REPLY | NMF_MSG_BOUNCE))
			 || find_any (c->subject, auto_reply_subjects);
    if (v[NMF_F_AUTOMATED])
	detail (c, NMF_F_AUTOMATED, (msg->flags & NMF_MSG_BOUNCE)
				    ? "a bounce" : "an auto-reply");
    v[NMF_F_ATS_SENDER] = ats;
    if (ats)
	detail (c, NMF_F_ATS_SENDER, msg->from->addr);
    v[NMF_F_ROBOT_SENDER] = msg->from && nmf_address_is_robot (msg->from->addr);
    v[NMF_F_INTERNAL] = from_own_organisation (msg, user_emails);
    if (v[NMF_F_INTERNAL])
	detail (c, NMF_F_INTERNAL, "sender at the user's own domain");
    for (i = 0; i < msg->events->len; i++) {
	struct nmf_event *ev = msg->events->pdata[i];

	v[NMF_F_EVENT] = 1;
	if ((ev->method && g_ascii_strcasecmp (ev->method, "CANCEL") == 0)
	    || (ev->status && g_ascii_strcasecmp (ev->status, "CANCELLED") == 0))
	    v[NMF_F_EVENT_CANCELLED] = 1;
	if (ev->organizer && nmf_address_in (ev->organizer->addr, user_emails))
	    v[NMF_F_USER_ORGANISES] = 1;
    }
    seen_in (c, v, NMF_F_EVENT_INTERVIEW, c->calendar, interview_terms,
	     " in calendar");
    features_either_way (msg, c, v, job, weak);
    seen_in (c, v, NMF_F_TITLE_SUBJECT, c->subject, title_words,
	     " in subject");
    seen_in (c, v, NMF_F_INTERVIEW_SUBJECT, c->subject, interview_terms, "");
    seen_in (c, v, NMF_F_INTERVIEW_BODY, c->body, interview_terms, "");
    v[NMF_F_INTERVIEW_QUOTED]
	= c->quoted && find_any (c->quoted, interview_terms) != NULL;
    seen (c, v, NMF_F_MEETING, meeting_terms, FALSE);
    sched = seen (c, v, NMF_F_SCHEDULING, schedule_terms, FALSE);
    when = future_time_in (msg);
    v[NMF_F_FUTURE_TIME] = when;
    seen (c, v, NMF_F_CONDITIONAL, conditional_terms, FALSE);
    seen (c, v, NMF_F_REJECTION_PHRASE, rejection_terms, FALSE);
    seen_regex (c, v, NMF_F_REJECTION_SENTENCE, rejection_patterns);
    offer = find_any (c->subject, offer_terms);
    if (! offer)
	offer = find_any (c->body, offer_terms);
    if (offer) {
	enum nmf_feature f = offers_a_meeting (c, offer) ? NMF_F_OFFER_MEETING
							  : NMF_F_OFFER;

	v[f] = 1;
	c->detail[f] = g_strdup_printf ("'%s'", offer);
    }
    v[NMF_F_PERSON_SENDER] = msg->from && ! v[NMF_F_ROBOT_SENDER]
			     && ! v[NMF_F_BULK];
    v[NMF_F_TO_USER] = msg->to && msg->to->len <= 2
		       && user_among (msg->to, user_emails);
    v[NMF_F_USER_IN_CC] = ! user_among (msg->to, user_emails)
			  && user_among (msg->cc, user_emails);
    v[NMF_F_MANY_RECIPIENTS] = msg->to->len + msg->cc->len > 3;
    c->crowd = msg->to->len + msg->cc->len > 10;
    for (i = 0; judges_patterns[i] && ! c->judges; i++)
	c->judges = nmf_regex_match_jit (judges_patterns[i], c->body, NULL);
    v[NMF_F_INTERVIEW_PERSON] = v[NMF_F_INTERVIEW_SUBJECT]
				&& v[NMF_F_PERSON_SENDER];
    if (! seen (c, v, NMF_F_SCHEDULING_TOOL, scheduling_tool_terms, TRUE)
	&& msg->from && strstr (msg->from->addr, "calendly")) {
	v[NMF_F_SCHEDULING_TOOL] = 1;
	detail (c, NMF_F_SCHEDULING_TOOL, msg->from->addr);
    }
    seen (c, v, NMF_F_AVAILABILITY, availability_terms, FALSE);
    v[NMF_F_ITINERARY] = itinerary_in (msg->body);
    seen_regex (c, v, NMF_F_NAMES_INTERVIEWERS, names_interviewers_patterns);
    seen_regex (c, v, NMF_F_INVITES, invites_patterns);
    {
	struct nmf_request r;

	if (nmf_request_find (msg, user_emails, &r)) {
	    v[NMF_F_ASKS] = 1;
	    detail (c, NMF_F_ASKS, r.what);
	}
	nmf_request_release (&r);
    }
    /* A call or an interview titled with the user's own name: "Backend
     * Engineer Interview - Sam Lee", "Intro call with Jo & Sam Lee" (the
     * hiring side's titles name the candidate, who is someone else). */
    {
	g_autofree char *me = user_name_of (msg, user_emails);

	if (me && nmf_text_has_phrase (c->subject, me)
	    && (v[NMF_F_INTERVIEW_SUBJECT] || v[NMF_F_MEETING])) {
	    v[NMF_F_USER_NAMED] = 1;
	    detail (c, NMF_F_USER_NAMED, me);
	}
	/* A forward of the user's message passes it on: no answer. */
	v[NMF_F_ANSWERS_USER] = ! v[NMF_F_FORWARD]
				&& quotes_user (msg, user_emails, me);
    }
    if (! seen (c, v, NMF_F_AS_INTERVIEWER, as_interviewer_terms, TRUE)
	&& ! seen_regex (c, v, NMF_F_AS_INTERVIEWER, as_interviewer_patterns)
	&& (nmf_text_has_phrase (c->subject, "candidate")
	    || nmf_text_has_phrase (c->calendar, "candidate"))
	&& ! nmf_text_has_phrase (c->body, "your candidacy")) {
	v[NMF_F_AS_INTERVIEWER] = 1;
	detail (c, NMF_F_AS_INTERVIEWER, "a candidate in the subject");
    }
    seen_regex (c, v, NMF_F_YOU_INTERVIEW, you_interview_patterns);
    seen_regex (c, v, NMF_F_THIRD_PERSON, third_person_patterns);
    seen (c, v, NMF_F_RESUME, resume_terms, FALSE);
    seen (c, v, NMF_F_APPLICATION, application_terms, FALSE);
    seen (c, v, NMF_F_JOB_ALERT, job_alert_terms, FALSE);
    seen (c, v, NMF_F_OUTREACH, outreach_terms, FALSE);
    seen (c, v, NMF_F_ASSESSMENT, assessment_terms, FALSE);
    /* Any of the four: a step of recruiting that asks nothing of the
     * user (the fit weighs the group and its parts). */
    v[NMF_F_RECRUITING] = v[NMF_F_APPLICATION] || v[NMF_F_JOB_ALERT]
			  || v[NMF_F_OUTREACH] || v[NMF_F_ASSESSMENT];
    seen (c, v, NMF_F_THANKS, thank_you_terms, FALSE);
    seen_regex (c, v, NMF_F_HE_SHE, he_she_patterns);
    seen (c, v, NMF_F_FEEDBACK, feedback_terms, FALSE);
    v[NMF_F_TO_USER_ALONE] = msg->to->len == 1 && msg->cc->len == 0
			     && user_among (msg->to, user_emails);
    interview = v[NMF_F_INTERVIEW_SUBJECT] || v[NMF_F_INTERVIEW_BODY]
		|| v[NMF_F_EVENT_INTERVIEW];
    v[NMF_F_INTERVIEW_JOB] = interview && (job + weak >= 2 || ats);
    /* Asking when the reader is free schedules too. */
    v[NMF_F_INTERVIEW_WHEN] = interview && (sched || when || v[NMF_F_EVENT]
					    || v[NMF_F_AVAILABILITY]);
    v[NMF_F_MEETING_JOB_WHEN] = v[NMF_F_MEETING] && (sched || when)
				&& (job + weak >= 3 || ((job + weak) && ats));
    rejection = v[NMF_F_REJECTION_PHRASE] || v[NMF_F_REJECTION_SENTENCE];
    v[NMF_F_REJECTION_JOB] = rejection && (job + weak || ats);
    v[NMF_F_OFFER_JOB] = v[NMF_F_OFFER] && job + weak >= 1
			 && ! v[NMF_F_COMMERCIAL] && ! v[NMF_F_BULK];

    /* Whether the index's prefilter (nmf_classify_prefilter_query) finds
     * this message: an interview phrase, or job context (or an ATS
     * sender) with a meeting, rejection or offer phrase; calendar parts
     * are not in the index, so callers take every message with one.  A
     * phrase here is a word there, so this is never more than the query
     * finds. */
    act_words = v[NMF_F_MEETING] || rejection || v[NMF_F_OFFER]
		|| v[NMF_F_OFFER_MEETING];
    c->could_act = v[NMF_F_EVENT] || v[NMF_F_INTERVIEW_SUBJECT]
		   || v[NMF_F_INTERVIEW_BODY]
		   || ((job + weak || v[NMF_F_TITLE_SUBJECT] || ats)
		       && act_words);
}

static gboolean
drafting (enum nmf_kind k)
{
    return k == NMF_KIND_INTERVIEW_INVITE || k == NMF_KIND_INTERVIEW_CALENDAR
	   || k == NMF_KIND_REJECTION || k == NMF_KIND_OFFER;
}

/* DESIGN §4's hard negatives: an interview of the press, of research,
 * of life outside work (visa, tenant, admissions), a course or a mock
 * interview, a talk or a meetup is no step of a job search. */
static gboolean
hard_negative (const double *v)
{
    return v[NMF_F_NEGATIVE_PRESS] || v[NMF_F_NEGATIVE_RESEARCH]
	   || v[NMF_F_NEGATIVE_LIFE] || v[NMF_F_NEGATIVE_LEARNING]
	   || v[NMF_F_NEGATIVE_EVENT];
}

/* Whether anything in the message speaks of a job search: a job, an
 * interview, a recruiter's or an ATS's step, a candidate, a decision.
 * Mail with none of it is no one's job-search mail, whatever its
 * other evidence (a lunch, a laptop, a copier). */
static gboolean
job_evidence (const double *v)
{
    static const enum nmf_feature any[] = {
	NMF_F_JOB, NMF_F_JOB_WEAK, NMF_F_TITLE_SUBJECT,
	NMF_F_INTERVIEW_SUBJECT, NMF_F_INTERVIEW_BODY,
	NMF_F_INTERVIEW_QUOTED, NMF_F_EVENT_INTERVIEW, NMF_F_ATS_SENDER,
	NMF_F_SCHEDULING_TOOL, NMF_F_ITINERARY, NMF_F_NAMES_INTERVIEWERS,
	NMF_F_REJECTION_PHRASE,
	NMF_F_REJECTION_SENTENCE, NMF_F_OFFER, NMF_F_AS_INTERVIEWER,
	NMF_F_THIRD_PERSON, NMF_F_RESUME, NMF_F_RECRUITING,
	NMF_F_USER_FOLLOW_UP, NMF_F_USER_STRONG_FOLLOW_UP,
	NMF_F_USER_STATUS, NMF_F_USER_CONTEXT, NMF_F_INTERNAL_HIRING,
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS (any); i++)
	if (v[any[i]])
	    return TRUE;
    return FALSE;
}

/* Evidence about the evidence: a message whose only words of a job are
 * weak ones ("role", "opportunity", "thank you for your interest") says
 * less than their sum; what a colleague says of interviews (not the
 * press's, a study's) means the user hires. */
static void
features_overall (double *v)
{
    gboolean other = FALSE;
    double keep[2] = { v[NMF_F_JOB_WEAK], v[NMF_F_RECRUITING] };

    v[NMF_F_JOB_WEAK] = v[NMF_F_RECRUITING] = 0;
    other = job_evidence (v);
    v[NMF_F_JOB_WEAK] = keep[0];
    v[NMF_F_RECRUITING] = keep[1];
    v[NMF_F_WEAK_ONLY] = ! other && (keep[0] || keep[1]);
    /* A colleague writes of interviews, resumes or candidates: the
     * user is on the hiring side (the kinds of a seeker's step are
     * ruled out for such mail by the guards). */
    v[NMF_F_INTERNAL_HIRING]
	= v[NMF_F_INTERNAL] && ! hard_negative (v)
	  && (v[NMF_F_INTERVIEW_SUBJECT] || v[NMF_F_INTERVIEW_BODY]
	      || v[NMF_F_RESUME] || v[NMF_F_THIRD_PERSON]
	      || v[NMF_F_AS_INTERVIEWER] || v[NMF_F_FEEDBACK]);
    /* Such mail weighs by that alone: its interview and scheduling
     * words are the hiring side's, not those of an interview for the
     * user (what they are worth is fitted on the seeker's mail). */
    if (v[NMF_F_INTERNAL_HIRING]) {
	static const enum nmf_feature seeker[] = {
	    NMF_F_INTERVIEW_SUBJECT, NMF_F_INTERVIEW_BODY,
	    NMF_F_INTERVIEW_WHEN, NMF_F_INTERVIEW_JOB, NMF_F_SCHEDULING,
	    NMF_F_FUTURE_TIME, NMF_F_INTERVIEW_PERSON,
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS (seeker); i++)
	    v[seeker[i]] = 0;
    }
}

/* The evidence of msg into v (zeroed by the caller), its context into c
 * (ctx_release it).  Returns whether the user wrote it. */
static gboolean
features_of (const struct nmf_message *msg, const char *const *user_emails,
	     struct ctx *c, double *v)
{
    gboolean from_user = msg->from
			 && nmf_address_in (msg->from->addr, user_emails);

    ctx_init (c, msg);
    if (from_user)
	features_from_user (msg, c, v);
    else
	features_incoming (msg, user_emails, c, v);
    features_overall (v);
    return from_user;
}

/* The guards: rules outside the weights (DESIGN §4).  Says which kinds
 * the message may have, and why the others are out. */
static void
guards (const struct ctx *c, const double *v, gboolean *allowed,
	GPtrArray *evidence)
{
    gboolean judges;
    int k;

    for (k = 0; k < NMF_KIND_COUNT; k++)
	allowed[k] = TRUE;
    if (! job_evidence (v)) {
	g_ptr_array_add (evidence, g_strdup (
	    "guard: no word of a job, an interview or a candidate"));
	for (k = 0; k < NMF_KIND_COUNT; k++)
	    allowed[k] = k == NMF_KIND_UNRELATED;
	return;
    }
    if (v[NMF_F_FROM_USER]) {
	/* The user writes: a thank-you, a follow-up, or other mail. */
	g_ptr_array_add (evidence, g_strdup ("direction: from the user"));
	for (k = 0; k < NMF_KIND_COUNT; k++)
	    allowed[k] = k == NMF_KIND_CANDIDATE_THANK_YOU
			 || k == NMF_KIND_CANDIDATE_FOLLOWUP
			 || k == NMF_KIND_RECRUITER_OTHER
			 || k == NMF_KIND_UNRELATED;
	return;
    }
    allowed[NMF_KIND_CANDIDATE_THANK_YOU] = FALSE;
    allowed[NMF_KIND_CANDIDATE_FOLLOWUP] = FALSE;
    if (v[NMF_F_AUTOMATED]) {
	g_ptr_array_add (evidence, g_strdup_printf (
	    "guard: %s is no step of a process", c->detail[NMF_F_AUTOMATED]));
	for (k = 0; k < NMF_KIND_COUNT; k++)
	    allowed[k] = k == NMF_KIND_UNRELATED;
	return;
    }
    /* Asked to judge a candidate talked about in the third person: the
     * user hires ("any feedback on him?", "Candidate's Name: ..."). */
    judges = c->judges;
    if (c->crowd) {
	g_ptr_array_add (evidence, g_strdup (
	    "guard: written to more than ten people: no invitation, "
	    "rejection or offer of the user's"));
	for (k = 0; k < NMF_KIND_COUNT; k++)
	    if (drafting (k))
		allowed[k] = FALSE;
    }
    if (v[NMF_F_INTERNAL] || v[NMF_F_USER_ORGANISES]
	|| v[NMF_F_AS_INTERVIEWER] || judges || hard_negative (v)
	|| ! c->could_act) {
	const char *why
	    = v[NMF_F_INTERNAL] ? "from the user's own organisation"
	      : v[NMF_F_USER_ORGANISES] ? "the user organises the event"
	      : v[NMF_F_AS_INTERVIEWER] || judges
		  ? "the user is on the hiring side"
	      : hard_negative (v) ? "a press, research, life, learning or "
				    "event interview"
	      : "no job context with an interview, meeting, rejection or "
		"offer phrase";

	g_ptr_array_add (evidence, g_strdup_printf (
	    "guard: %s: no invitation, rejection or offer", why));
	for (k = 0; k < NMF_KIND_COUNT; k++)
	    if (drafting (k))
		allowed[k] = FALSE;
    }
    if (v[NMF_F_EVENT_CANCELLED]) {
	g_ptr_array_add (evidence, g_strdup (
	    "guard: a cancelled event is no invitation"));
	allowed[NMF_KIND_INTERVIEW_INVITE] = FALSE;
	allowed[NMF_KIND_INTERVIEW_CALENDAR] = FALSE;
    }
}

void
nmf_classify_features (const struct nmf_message *msg,
		       const char *const *user_emails, double *v,
		       gboolean *allowed)
{
    static const char *const none[] = { NULL };
    struct ctx c = { 0 };
    g_autoptr (GPtrArray) why = g_ptr_array_new_with_free_func (g_free);
    int k;

    memset (v, 0, NMF_F_COUNT * sizeof (double));
    for (k = 0; allowed && k < NMF_KIND_COUNT; k++)
	allowed[k] = k == NMF_KIND_UNRELATED;
    if (! msg)
	return;
    if (! user_emails)
	user_emails = none;
    features_of (msg, user_emails, &c, v);
    if (allowed)
	guards (&c, v, allowed, why);
    ctx_release (&c);
}

/* The probability of kind k, an invitation's with the calendar
 * invitation's. */
static double
kind_chance (const double *p, int k)
{
    if (k == NMF_KIND_INTERVIEW_INVITE || k == NMF_KIND_INTERVIEW_CALENDAR)
	return p[NMF_KIND_INTERVIEW_INVITE] + p[NMF_KIND_INTERVIEW_CALENDAR];
    return p[k];
}

struct contribution {
    enum nmf_feature f;
    double value;
};

static int
by_weight (const void *a, const void *b)
{
    double x = fabs (((const struct contribution *) a)->value);
    double y = fabs (((const struct contribution *) b)->value);

    return x < y ? 1 : x > y ? -1 : 0;
}

void
nmf_classify_with (const struct nmf_message *msg,
		   const char *const *user_emails,
		   const struct nmf_weights *w,
		   struct nmf_classification *out)
{
    static const char *const none[] = { NULL };
    struct ctx c = { 0 };
    double v[NMF_F_COUNT];
    double score[NMF_KIND_COUNT], p[NMF_KIND_COUNT];
    gboolean allowed[NMF_KIND_COUNT];
    struct contribution why[NMF_F_COUNT];
    double top = -HUGE_VAL, sum = 0;
    int k, f, n = 0;
    enum nmf_kind best = NMF_KIND_UNRELATED;

    memset (out, 0, sizeof (*out));
    out->evidence = g_ptr_array_new_with_free_func (g_free);
    out->kind = NMF_KIND_UNRELATED;
    out->confidence = 0.5;
    out->unrelated_p = 1;
    out->fallback = NMF_KIND_UNRELATED;
    if (! msg)
	return;
    if (! user_emails)
	user_emails = none;

    memset (v, 0, sizeof v);
    out->from_user = features_of (msg, user_emails, &c, v);
    out->automated = ! out->from_user
		     && (v[NMF_F_AUTOMATED] || v[NMF_F_BULK]);
    guards (&c, v, allowed, out->evidence);

    /* The score of each kind the guards allow; the softmax over them. */
    for (k = 0; k < NMF_KIND_COUNT; k++) {
	score[k] = w->bias[k];
	for (f = 0; f < NMF_F_COUNT; f++)
	    score[k] += w->w[k][f] * v[f];
	if (allowed[k] && score[k] > top)
	    top = score[k];
    }
    for (k = 0; k < NMF_KIND_COUNT; k++) {
	p[k] = allowed[k] ? exp (score[k] - top) : 0;
	sum += p[k];
    }
    for (k = 0; k < NMF_KIND_COUNT; k++)
	p[k] /= sum;
    /* An invitation and a calendar invitation are one kind to choose:
     * their chances add up (the event decides which, below). */
    for (k = 0; k < NMF_KIND_COUNT; k++) {
	if (kind_chance (p, k) > kind_chance (p, best))
	    best = k;
    }
    out->unrelated_p = p[NMF_KIND_UNRELATED];
    for (k = 0; k < NMF_KIND_COUNT; k++) {
	if (allowed[k] && ! drafting (k) && k != NMF_KIND_UNRELATED
	    && (out->fallback == NMF_KIND_UNRELATED
		|| p[k] > p[out->fallback]))
	    out->fallback = k;
    }
    /* An invitation that is a calendar event is a calendar invitation,
     * whichever of the two the weights favour: both share the chance. */
    out->kind = best;
    out->confidence = kind_chance (p, best);
    if (best == NMF_KIND_INTERVIEW_INVITE
	|| best == NMF_KIND_INTERVIEW_CALENDAR)
	out->kind = v[NMF_F_EVENT] ? NMF_KIND_INTERVIEW_CALENDAR
				   : NMF_KIND_INTERVIEW_INVITE;

    /* The evidence: what fired, by what it is worth for the kind. */
    for (f = 0; f < NMF_F_COUNT; f++) {
	if (v[f] != 0 && w->w[best][f] != 0) {
	    why[n].f = f;
	    why[n].value = w->w[best][f] * v[f];
	    n++;
	}
    }
    qsort (why, n, sizeof why[0], by_weight);
    for (f = 0; f < n; f++) {
	const char *d = c.detail[why[f].f];

	g_ptr_array_add (out->evidence, g_strdup_printf (
	    "%s%s%s (%+.2f)", nmf_feature_name (why[f].f), d ? ": " : "",
	    d ? d : "", why[f].value));
    }
    ctx_release (&c);
}

void
nmf_classify_message (const struct nmf_message *msg,
		      const char *const *user_emails,
		      struct nmf_classification *out)
{
    nmf_classify_with (msg, user_emails, &nmf_weights_fitted, out);
}

enum nmf_kind
nmf_classification_acts_as (const struct nmf_classification *c, double act)
{
    if (drafting (c->kind) && c->confidence >= act - 1e-9)
	return c->kind;
    if (! drafting (c->kind) && c->kind != NMF_KIND_UNRELATED)
	return c->kind;
    return c->unrelated_p < 0.5 ? c->fallback : NMF_KIND_UNRELATED;
}

void
nmf_classification_release (struct nmf_classification *c)
{
    if (c->evidence)
	g_ptr_array_unref (c->evidence);
    memset (c, 0, sizeof (*c));
}

/* ---- the index's side ------------------------------------------------- */

/* Words one of which every match of rejection_patterns contains (the
 * alternatives each pattern requires). */
static const char *const rejection_pattern_words[] = {
    "move", "moving", "proceed", "proceeding", "progress", "progressing",
    "advance", "advancing", "continue", "continuing", "offer", "offering",
    "extend", "extending", "go", "role", "position", "requisition",
    "opening", "search", "candidacy", "candidacies", "select", "selected",
    "chosen", "shortlisted", "pick", "picked", "identified", "hired",
    "decided", "closely", "fit", "match", NULL,
};

/* Little words that stand for no phrase: too common to narrow anything. */
static const char *const little_words[] = {
    "a", "an", "the", "to", "of", "for", "on", "in", "at", "with", "and",
    "or", "not", "no", "be", "been", "being", "will", "would", "won't",
    "can't", "we", "you", "your", "our", "us", "this", "that", "it", "is",
    "are", "was", "have", "has", "had", "do", "does", "open", "about",
    "up", "let", "out", "into", "by", "as", "so", "all", "now", "want",
    "take", "let's", "you're", "isn't",
    /* Words of order, too common to stand for "first round" or "next
     * step": the other word does. */
    "first", "second", "third", "next", "final", NULL,
};

static gboolean
is_little (const char *w)
{
    size_t i;

    for (i = 0; little_words[i]; i++) {
	if (strcmp (w, little_words[i]) == 0)
	    return TRUE;
    }
    return FALSE;
}

/* OR onto q, for each phrase of list, one word every match of it
 * contains: its longest word that is not a little one ("forward" for
 * "not to move forward"), as an exact term with prefix (e.g. "from:").
 * A superset of the phrases that Xapian answers fast: no positions, no
 * long posting lists.  seen: the terms already in q. */
static void
or_words (GString *q, const char *prefix, const char *const *list,
	  GHashTable *seen)
{
    size_t i;

    for (i = 0; list[i]; i++) {
	g_auto (GStrv) words = g_strsplit_set (list[i], " -", -1);
	const char *best = NULL;
	g_autofree char *key = NULL;
	guint k;

	for (k = 0; words[k]; k++) {
	    if (*words[k] && ! is_little (words[k])
		&& (! best || strlen (words[k]) > strlen (best)))
		best = words[k];
	}
	/* Only little words: then the longest of them. */
	for (k = 0; ! best && words[k]; k++) {
	    if (*words[k])
		best = words[k];
	}
	if (! best || strpbrk (best, "\"()%"))
	    continue;
	key = g_strconcat (prefix, best, NULL);
	if (g_hash_table_contains (seen, key))
	    continue;
	g_string_append (q, g_hash_table_size (seen) ? " OR " : "");
	g_string_append_printf (q, "%s\"%s\"", prefix, best);
	g_hash_table_add (seen, g_steal_pointer (&key));
    }
}

char *
nmf_classify_prefilter_query (void)
{
    GString *q = g_string_new ("((");
    GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
					      NULL);
    size_t i;

    /* Job context: job_terms, weak_job_terms anywhere, a title in the
     * subject (notmuch indexes the subject's words without prefix too),
     * or an ATS sender (a vendor's name is one word of the From address;
     * of a domain, its longest label). */
    or_words (q, "", job_terms, seen);
    or_words (q, "", weak_job_terms, seen);
    or_words (q, "", title_words, seen);
    or_words (q, "from:", ats_vendors, seen);
    for (i = 0; ats_domains[i]; i++) {
	g_autofree char *d = g_strdelimit (g_strdup (ats_domains[i]), ".", ' ');
	const char *one[] = { d, NULL };

	or_words (q, "from:", one, seen);
    }
    g_string_append (q, ") AND (");
    g_hash_table_remove_all (seen);
    or_words (q, "", meeting_terms, seen);
    or_words (q, "", rejection_terms, seen);
    or_words (q, "", rejection_pattern_words, seen);
    or_words (q, "", offer_terms, seen);
    g_string_append (q, ")) OR (");
    g_hash_table_remove_all (seen);
    or_words (q, "", interview_terms, seen);
    g_string_append (q, ")");
    g_hash_table_unref (seen);
    return g_string_free (q, FALSE);
}

gboolean
nmf_classify_user_invites (const struct nmf_message *msg,
			   const char *const *user_emails)
{
    /* What a candidate never says to an employer. */
    static const char *const hiring[] = {
	"\\b(?:invite|inviting) you (?:to|for) (?:an? |the |your )?"
	"(?:[a-z0-9-]+ ){0,3}interview",
	"\\b(?:schedule|set up|arrange|book) (?:an? |the |your )?"
	"(?:[a-z0-9-]+ ){0,3}interview with you\\b",
	"\\b(?:interview|interviewing) you\\b",
	"\\bthanks? (?:you )?for (?:your application|applying)\\b",
	"\\byour (?:application|candidacy) for\\b",
	NULL,
    };
    g_autofree char *body = NULL;
    g_autofree char *subject = NULL;
    gsize i;

    if (! msg || ! msg->from || ! user_emails
	|| ! nmf_address_in (msg->from->addr, user_emails))
	return FALSE;
    body = nmf_text_fold (msg->body);
    subject = nmf_text_fold (msg->subject);
    for (i = 0; hiring[i]; i++) {
	if (nmf_regex_match_jit (hiring[i], body, NULL)
	    || nmf_regex_match_jit (hiring[i], subject, NULL))
	    return TRUE;
    }
    return FALSE;
}

gboolean
nmf_expects_no_answer (GHashTable *headers, const char *from,
		       const char *subject)
{
    g_autofree char *folded = subject ? nmf_text_fold (subject) : NULL;
    const char *sender = headers ? g_hash_table_lookup (headers, "sender")
				 : NULL;
    const char *type = headers ? g_hash_table_lookup (headers,
						      "content-type")
			       : NULL;
    const char *klass = headers ? g_hash_table_lookup (headers,
						       "content-class")
				: NULL;

    if (nmf_header_flags (headers, from)
	& (NMF_MSG_AUTO_REPLY | NMF_MSG_BULK | NMF_MSG_LIST | NMF_MSG_BOUNCE
	   | NMF_MSG_GENERATED))
	return TRUE;
    if (from && nmf_address_is_robot (from))
	return TRUE;
    if (folded && find_any (folded, auto_reply_subjects))
	return TRUE;
    /* Calendars: Google sends in the organiser's name with a Sender of
     * its own; Outlook marks its meeting requests. */
    {
	g_autofree char *s = sender ? g_ascii_strdown (sender, -1) : NULL;
	g_autofree char *k = klass ? g_ascii_strdown (klass, -1) : NULL;

	if ((s && strstr (s, "calendar-notification"))
	    || (k && strstr (k, "calendarmessage"))
	    || (type && g_ascii_strncasecmp (type, "text/calendar", 13) == 0))
	    return TRUE;
    }
    return subject && nmf_subject_is_machine (subject);
}
