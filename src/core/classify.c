/* classify.c — rules that decide a message's kind (see nmf/classify.h).
 *
 * Each rule is a phrase list matched on the folded subject and new text
 * (quotes and signatures excluded, so a reply does not inherit what it
 * quotes).  Rules add evidence; the decision weighs groups of evidence
 * rather than single words, and hard negatives (press, podcast,
 * user-research interviews, newsletters, the user as interviewer) veto
 * an interview process.  Pure: no I/O.
 */
#include <string.h>

#include "nmf/classify.h"
#include "nmf/text.h"

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
    "interview", "interviews", "interviewing", "phone screen",
    "phone screening", "screening call", "technical screen", "tech screen",
    "onsite", "on-site", "virtual onsite", "hiring manager call",
    "recruiter call", "recruiter screen", "coding exercise", "panel",
    "technical round", "final round", "next round", "loop", NULL,
};

static const char *const schedule_terms[] = {
    "schedule", "scheduled", "scheduling", "availability", "available",
    "your calendar", "calendar invite", "calendar invitation", "time slot",
    "time slots", "book a time", "pick a time", "select a time",
    "choose a time", "calendly", "goodtime", "confirm", "confirmed",
    "confirming", "invite you", "invitation", "set up a time",
    "set up a call", "arrange", "speak with", "meet with", "would like to",
    "we'd like to", "we would like to", "looking forward to speaking",
    "looking forward to meeting", "zoom", "google meet", "microsoft teams",
    "video call", "dial-in", NULL,
};

static const char *const job_terms[] = {
    "position", "role", "application", "candidacy", "candidate", "opening",
    "job", "opportunity", "hiring", "recruiter", "recruiting",
    "talent acquisition", "hiring manager", "engineering manager", NULL,
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
    "not moving forward with your", NULL,
};

static const char *const offer_terms[] = {
    "pleased to offer you", "happy to offer you", "excited to offer you",
    "delighted to offer you", "pleased to extend", "happy to extend",
    "excited to extend", "extend an offer", "extend you an offer",
    "offer of employment", "offer letter", "formal offer", "verbal offer",
    "employment offer", "job offer", "your offer", NULL,
};

static const char *const commercial_offer_terms[] = {
    "% off", "discount", "limited time", "special offer", "exclusive offer",
    "free shipping", "coupon", "promo code", "sale ends", "shop now",
    "buy now", "order now", "subscribe", NULL,
};

static const char *const negative_terms[] = {
    /* press, podcast, research, newsletters, events */
    "podcast", "episode", "our show", "on the show", "journalist",
    "reporter", "for an article", "for a story", "our readers",
    "press inquiry", "media inquiry", "magazine", "newsletter",
    "user research", "research study", "research session", "usability",
    "user interview", "user interviews", "customer interview",
    "research programme", "research program", "research team", "voucher",
    "volunteering", "honorarium",
    "participant", "participants", "gift card", "incentive",
    "interview tips", "tips for your next interview", "webinar",
    "unsubscribe", "survey", NULL,
};

static const char *const as_interviewer_terms[] = {
    /* The user interviews candidates at their own job. */
    "interview loop for", "candidate:", "candidate name", "scorecard",
    "interview kit", "submit your feedback", "submit feedback",
    "leave your feedback", "you are interviewing", "you're interviewing",
    "as an interviewer", "as interviewer", "interviewer training",
    "shadow interview", "debrief", "hiring committee", NULL,
};

static const char *const thank_you_terms[] = {
    "thank you for taking the time", "thank you for your time",
    "thanks for taking the time", "thanks for your time",
    "thank you for meeting", "thanks for meeting",
    "thank you for speaking", "thanks for speaking",
    "thank you for the conversation", "thanks for the conversation",
    "thank you for the opportunity", "thanks for the opportunity",
    "enjoyed speaking", "enjoyed talking", "enjoyed meeting",
    "enjoyed our conversation", "great to meet", "great speaking",
    "appreciate your time", "appreciated your time",
    "appreciate you taking the time", "thank you for the call",
    "thanks for the call", "thank you for the chat", "thanks for the chat",
    "thank you for the interview", "thanks for the interview",
    "thank you for having me", "thanks for having me",
    "thank you again for", NULL,
};

static const char *const followup_terms[] = {
    "checking in", "check in on", "following up", "follow up on",
    "wanted to follow up", "any update", "any updates", "an update on",
    "status of my application", "status of the role", "next steps",
    "touch base", "hear back", "still interested", NULL,
};

static const char *const received_terms[] = {
    "thank you for applying", "thanks for applying",
    "received your application", "we have received your application",
    "application received", "application has been received",
    "thank you for your application", "thank you for your interest",
    "job alert", "jobs you may be interested in", "new jobs",
    "recommended jobs", "came across your profile",
    "i came across your", "your background", "would you be open to",
    "are you open to", NULL,
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

static gboolean
is_ats_addr (const char *addr)
{
    const char *at = addr ? strrchr (addr, '@') : NULL;
    size_t i;

    if (! at)
	return FALSE;
    for (i = 0; ats_domains[i]; i++) {
	if (domain_matches (at + 1, ats_domains[i]))
	    return TRUE;
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
    char *calendar;   /* folded summaries and descriptions of events */
    GPtrArray *evidence;
};

static void
evidence (struct ctx *c, const char *rule, const char *what)
{
    g_ptr_array_add (c->evidence, g_strdup_printf ("%s: %s", rule, what));
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

/* Look for a phrase of list in subject, then body (then calendar text
 * when cal is set); record evidence "rule: 'phrase' in where". */
static const char *
match (struct ctx *c, const char *rule, const char *const *list, gboolean cal)
{
    const char *hit;
    const char *where = NULL;

    if ((hit = find_any (c->subject, list)))
	where = "subject";
    else if ((hit = find_any (c->body, list)))
	where = "body";
    else if (cal && (hit = find_any (c->calendar, list)))
	where = "calendar";
    if (hit) {
	g_autofree char *what = g_strdup_printf ("'%s' in %s", hit, where);

	g_ptr_array_add (c->evidence, g_strdup_printf ("%s: %s", rule, what));
    }
    return hit;
}

static gboolean
user_is_recipient (const struct nmf_message *msg,
		   const char *const *user_emails)
{
    guint i;

    for (i = 0; i < msg->to->len; i++) {
	struct nmf_address *a = msg->to->pdata[i];

	if (nmf_address_in (a->addr, user_emails))
	    return TRUE;
    }
    for (i = 0; i < msg->cc->len; i++) {
	struct nmf_address *a = msg->cc->pdata[i];

	if (nmf_address_in (a->addr, user_emails))
	    return TRUE;
    }
    return FALSE;
}

static void
set (struct nmf_classification *out, enum nmf_kind kind, double confidence)
{
    out->kind = kind;
    out->confidence = confidence;
}

static void
classify_from_user (struct ctx *c, struct nmf_classification *out)
{
    if (match (c, "thank-you", thank_you_terms, FALSE)) {
	set (out, NMF_KIND_CANDIDATE_THANK_YOU, 0.85);
	return;
    }
    if (match (c, "follow-up", followup_terms, FALSE)
	&& match (c, "job-context", job_terms, FALSE)) {
	set (out, NMF_KIND_CANDIDATE_FOLLOWUP, 0.8);
	return;
    }
    set (out, NMF_KIND_UNRELATED, 0.6);
}

static void
classify_incoming (const struct nmf_message *msg,
		   const char *const *user_emails, struct ctx *c,
		   struct nmf_classification *out)
{
    const char *negative;
    const char *as_interviewer;
    gboolean ats = FALSE;
    gboolean has_event = msg->events->len > 0;
    gboolean cancelled = FALSE;
    gboolean user_organizes = FALSE;
    guint i;

    if (msg->from && is_ats_addr (msg->from->addr)) {
	ats = TRUE;
	evidence (c, "ats-sender", msg->from->addr);
    }
    for (i = 0; i < msg->events->len; i++) {
	struct nmf_event *ev = msg->events->pdata[i];

	if ((ev->method && g_ascii_strcasecmp (ev->method, "CANCEL") == 0)
	    || (ev->status && g_ascii_strcasecmp (ev->status, "CANCELLED") == 0))
	    cancelled = TRUE;
	if (ev->organizer && nmf_address_in (ev->organizer->addr, user_emails))
	    user_organizes = TRUE;
    }

    /* Rejection and offer first: they often also speak of interviews. */
    if (match (c, "rejection", rejection_terms, FALSE)
	&& match (c, "job-context", job_terms, FALSE)) {
	set (out, NMF_KIND_REJECTION,
	     (msg->flags & NMF_MSG_LIST) && ! ats ? 0.6 : 0.9);
	return;
    }
    if (match (c, "offer", offer_terms, FALSE)) {
	const char *commercial = match (c, "negative:commercial",
					commercial_offer_terms, FALSE);

	if (! commercial && ! (msg->flags & NMF_MSG_BULK)
	    && match (c, "job-context", job_terms, FALSE)) {
	    set (out, NMF_KIND_OFFER, 0.85);
	    return;
	}
    }

    negative = match (c, "negative", negative_terms, TRUE);
    as_interviewer = match (c, "negative:user-as-interviewer",
			    as_interviewer_terms, TRUE);
    if (user_organizes)
	evidence (c, "negative:user-as-interviewer", "user organises the "
						       "calendar event");

    if (has_event && match (c, "calendar-interview", interview_terms, TRUE)
	&& (ats || match (c, "job-context", job_terms, TRUE))) {
	if (cancelled) {
	    evidence (c, "calendar", "cancelled event");
	    set (out, NMF_KIND_RECRUITER_OTHER, 0.7);
	    return;
	}
	if (negative || as_interviewer || user_organizes) {
	    set (out, NMF_KIND_UNRELATED, 0.8);
	    return;
	}
	set (out, NMF_KIND_INTERVIEW_CALENDAR, 0.9);
	return;
    }

    if (match (c, "interview", interview_terms, FALSE)) {
	const char *sched = match (c, "scheduling", schedule_terms, FALSE);
	const char *job = match (c, "job-context", job_terms, FALSE);

	if (negative || as_interviewer) {
	    set (out, NMF_KIND_UNRELATED, 0.8);
	    return;
	}
	if (msg->flags & (NMF_MSG_LIST | NMF_MSG_BULK)) {
	    evidence (c, "negative", "list or bulk mail");
	    set (out, NMF_KIND_UNRELATED, 0.7);
	    return;
	}
	if (sched && job) {
	    set (out, NMF_KIND_INTERVIEW_INVITE, ats || has_event ? 0.9 : 0.8);
	    return;
	}
	if (sched || job) {
	    set (out, NMF_KIND_INTERVIEW_INVITE, 0.5);
	    return;
	}
    }

    if (match (c, "recruiting", received_terms, FALSE) || ats) {
	set (out, NMF_KIND_RECRUITER_OTHER, ats ? 0.8 : 0.6);
	return;
    }
    set (out, NMF_KIND_UNRELATED, negative ? 0.8 : 0.6);
}

void
nmf_classify_message (const struct nmf_message *msg,
		      const char *const *user_emails,
		      struct nmf_classification *out)
{
    static const char *const none[] = { NULL };
    struct ctx c = { 0 };
    GString *cal = g_string_new (NULL);
    guint i;

    memset (out, 0, sizeof (*out));
    out->evidence = g_ptr_array_new_with_free_func (g_free);
    out->kind = NMF_KIND_UNRELATED;
    out->confidence = 0.5;
    if (! msg)
	goto done;
    if (! user_emails)
	user_emails = none;

    c.subject = nmf_text_fold (msg->subject);
    c.body = nmf_text_fold (msg->body);
    for (i = 0; i < msg->events->len; i++) {
	struct nmf_event *ev = msg->events->pdata[i];

	g_string_append_printf (cal, "%s\n%s\n", ev->summary ? ev->summary : "",
				ev->description ? ev->description : "");
    }
    c.calendar = nmf_text_fold (cal->str);
    c.evidence = out->evidence;

    out->from_user = msg->from && nmf_address_in (msg->from->addr, user_emails);
    if (out->from_user) {
	evidence (&c, "direction", "from the user");
	classify_from_user (&c, out);
	goto done;
    }

    if (msg->flags & (NMF_MSG_AUTO_REPLY | NMF_MSG_BOUNCE)
	|| find_any (c.subject, auto_reply_subjects)) {
	out->automated = TRUE;
	evidence (&c, "automated",
		  (msg->flags & NMF_MSG_BOUNCE) ? "bounce" : "auto-reply");
	set (out, NMF_KIND_UNRELATED, 0.9);
	goto done;
    }
    if (msg->flags & (NMF_MSG_LIST | NMF_MSG_BULK))
	out->automated = TRUE;
    if (! user_is_recipient (msg, user_emails) && user_emails[0])
	evidence (&c, "direction", "user not among To/Cc");
    classify_incoming (msg, user_emails, &c, out);

done:
    g_string_free (cal, TRUE);
    g_free (c.subject);
    g_free (c.body);
    g_free (c.calendar);
}

void
nmf_classification_release (struct nmf_classification *c)
{
    if (c->evidence)
	g_ptr_array_unref (c->evidence);
    memset (c, 0, sizeof (*c));
}
