/* classify.h — what kind of message this is, and why (pure, no I/O).
 *
 * DESIGN §4.  Precision first: a message that would start a process and
 * lead to drafts must be convincing.  The confidence is the probability
 * the fitted weights give the kind (nmf/weights.h); below the acting
 * confidence (nmf_config_act_confidence) the caller does not act on it.
 */
#ifndef NMF_CLASSIFY_H
#define NMF_CLASSIFY_H

#include <glib.h>

#include "nmf/message.h"

enum nmf_kind {
    NMF_KIND_UNRELATED = 0,
    NMF_KIND_INTERVIEW_INVITE,
    NMF_KIND_INTERVIEW_CALENDAR,
    NMF_KIND_REJECTION,
    NMF_KIND_OFFER,
    NMF_KIND_CANDIDATE_THANK_YOU,
    NMF_KIND_CANDIDATE_FOLLOWUP,
    NMF_KIND_RECRUITER_OTHER,
};
#define NMF_KIND_COUNT (NMF_KIND_RECRUITER_OTHER + 1)

struct nmf_classification {
    enum nmf_kind kind;
    double confidence;     /* 0..1 */
    GPtrArray *evidence;   /* of char *: "rule: detail", in firing order */
    gboolean from_user;    /* the From address is one of the user's */
    gboolean automated;    /* auto-reply, bounce or bulk/list mail */
    double unrelated_p;    /* the probability that it is no job mail */
    enum nmf_kind fallback; /* the most likely of the kinds that start
			     * nothing (a thank-you, a follow-up,
			     * recruiter_other) the guards allow;
			     * NMF_KIND_UNRELATED when none */
};

/* The evidence the classifier weighs, as numbers (issue 15: rules are
 * evidence, their weights are fitted on labelled mail by `make train`).
 * Each is 0 or 1 unless said otherwise.  "user:" features are set for
 * mail from the user only, the others for mail to the user only. */
enum nmf_feature {
    NMF_F_FROM_USER,
    NMF_F_AUTOMATED,        /* an auto-reply or a bounce */
    NMF_F_BULK,             /* list or bulk mail */
    NMF_F_ATS_SENDER,
    NMF_F_ROBOT_SENDER,     /* no-reply, notifications, an ATS mailer */
    NMF_F_INTERNAL,         /* from the user's own organisation */
    NMF_F_USER_ORGANISES,   /* the user organises the calendar event */
    NMF_F_EVENT,            /* a calendar event */
    NMF_F_EVENT_CANCELLED,
    NMF_F_EVENT_INTERVIEW,  /* interview words in the event */
    NMF_F_JOB,              /* strong job words, 0..1 (a third each) */
    NMF_F_JOB_WEAK,         /* weak job words, 0..1 */
    NMF_F_TITLE_SUBJECT,    /* a job title in the subject */
    NMF_F_INTERVIEW_SUBJECT,
    NMF_F_INTERVIEW_BODY,
    NMF_F_INTERVIEW_QUOTED, /* interview words in the quoted thread */
    NMF_F_MEETING,          /* a call, a chat, a meeting */
    NMF_F_SCHEDULING,       /* scheduling words */
    NMF_F_FUTURE_TIME,      /* a date and time ahead */
    NMF_F_CONDITIONAL,      /* "if there's a match, we'll contact you" */
    NMF_F_REJECTION_PHRASE,
    NMF_F_REJECTION_SENTENCE,
    NMF_F_OFFER,            /* a job offer phrase */
    NMF_F_OFFER_MEETING,    /* an offer of an interview or a call */
    NMF_F_COMMERCIAL,       /* a commercial offer */
    NMF_F_NEGATIVE_PRESS,   /* press, podcast */
    NMF_F_NEGATIVE_RESEARCH, /* user research */
    NMF_F_NEGATIVE_LIFE,    /* visa, tenant, admissions, adoption */
    NMF_F_NEGATIVE_LEARNING, /* courses, mock interviews, tips */
    NMF_F_NEGATIVE_EVENT,   /* talks, meetups, hackathons */
    NMF_F_NEGATIVE_REFERENCE, /* the user as someone's reference */
    NMF_F_NEGATIVE_ADVERT,  /* a job advert */
    NMF_F_PERSON_SENDER,    /* a person wrote it: no robot, no list */
    NMF_F_TO_USER,          /* addressed to the user (two at most) */
    NMF_F_INTERVIEW_PERSON, /* interview in the subject, from a person */
    NMF_F_SCHEDULING_TOOL,  /* a scheduling tool or its confirmation */
    NMF_F_AVAILABILITY,     /* asks when the reader is free */
    NMF_F_ITINERARY,        /* lines that start with a time range */
    NMF_F_AS_INTERVIEWER,   /* the user is on the hiring side */
    NMF_F_REPLY,            /* a reply in a thread */
    NMF_F_INTERVIEW_JOB,    /* interview words with job context or ATS */
    NMF_F_INTERVIEW_WHEN,   /* interview words with a time or scheduling */
    NMF_F_MEETING_JOB_WHEN, /* a call about a job, with a time */
    NMF_F_REJECTION_JOB,    /* a way of saying no, with job context */
    NMF_F_OFFER_JOB,        /* a job offer, with job context */
    NMF_F_USER_THANKS,      /* user: thanks for a conversation */
    NMF_F_USER_FOLLOW_UP,   /* user: following up, checking in */
    NMF_F_USER_STRONG_FOLLOW_UP,
    NMF_F_USER_CONTEXT,     /* user: job or interview words */
    NMF_F_USER_CONFIRM,     /* user: "works for me, see you then" */
    NMF_F_USER_NEGATIVE,    /* user: podcast, research, the candidate */
    NMF_F_USER_IN_CC,       /* the user in Cc only */
    NMF_F_MANY_RECIPIENTS,  /* more than three in To and Cc */
    NMF_F_FORWARD,          /* a forwarded message */
    NMF_F_YOU_INTERVIEW,    /* an interview or a call with "you" */
    NMF_F_THIRD_PERSON,     /* a candidate talked about: "interview him" */
    NMF_F_RESUME,           /* a resume or CV */
    NMF_F_APPLICATION,      /* what an ATS says about an application */
    NMF_F_JOB_ALERT,
    NMF_F_OUTREACH,         /* a recruiter's cold outreach */
    NMF_F_ASSESSMENT,       /* a test with no person to meet */
    NMF_F_RECRUITING,       /* any of the four above */
    NMF_F_THANKS,           /* thanks for the time or the conversation */
    NMF_F_HE_SHE,           /* someone talked about: "she has" */
    NMF_F_FEEDBACK,         /* the reader is asked to judge someone */
    NMF_F_TO_USER_ALONE,    /* to the user and nobody else */
    NMF_F_USER_STATUS,      /* user: asks where things stand */
    NMF_F_USER_GRATITUDE,   /* user: thanks in other words */
    NMF_F_NAMES_INTERVIEWERS, /* "the interviewers will be", "you will meet with" */
    NMF_F_INVITES,          /* "we'd like to invite you", "bring you in" */
    NMF_F_USER_NAMED,       /* the user's own name in the subject of a call */
    NMF_F_ASKS,             /* a person asks the reader something
                             * (nmf/request.h): times, a document, a
                             * confirmation, an answer */
    NMF_F_WEAK_ONLY,        /* of a job, weak words alone ("role",
                             * "opportunity", "thank you for your
                             * interest"): nothing else says job */
    NMF_F_INTERNAL_HIRING,  /* from the user's own organisation, about an
                             * interview, a resume or a candidate: the
                             * user hires */
    NMF_F_ANSWERS_USER,     /* the earlier message it quotes is the
                             * user's: a reply in a conversation the
                             * user took part in */
    NMF_F_COUNT
};

/* The name of a feature ("ats-sender"); static string. */
const char *
nmf_feature_name (enum nmf_feature f);

/* Compute the features of msg into v[NMF_F_COUNT], and when allowed is
 * not NULL, which kinds the guards leave to the weights (allowed[k] for
 * each of the NMF_KIND_COUNT kinds): the trainer fits the weights on
 * these choices only, as the classifier makes them. */
void
nmf_classify_features (const struct nmf_message *msg,
		       const char *const *user_emails, double *v,
		       gboolean *allowed);

/* The §4 name of a kind ("interview_invite", ...); static string. */
const char *
nmf_kind_to_string (enum nmf_kind kind);

/* Parse a §4 name; returns FALSE for an unknown name. */
gboolean
nmf_kind_from_string (const char *name, enum nmf_kind *kind);

/* Classify msg.  user_emails: the user's own addresses (lowercase,
 * NULL-terminated; may be empty).  out is initialised here; release it
 * with nmf_classification_release(). */
void
nmf_classify_message (const struct nmf_message *msg,
		      const char *const *user_emails,
		      struct nmf_classification *out);

/* The same with another weight table (nmf/weights.h): the trainer's
 * held-out folds. */
struct nmf_weights;
void
nmf_classify_with (const struct nmf_message *msg,
		   const char *const *user_emails,
		   const struct nmf_weights *w,
		   struct nmf_classification *out);

/* The kind scan acts on: an invitation, a rejection or an offer (the
 * kinds that start or move a process and lead to drafts) with a
 * confidence of act or more (nmf_config_act_confidence); any other kind
 * but unrelated when it is the most likely one.  Mail that is more
 * likely job mail than not, but none of these (an invitation below the
 * acting confidence), is the most likely kind that starts nothing
 * (c->fallback); the rest is NMF_KIND_UNRELATED. */
enum nmf_kind
nmf_classification_acts_as (const struct nmf_classification *c,
			    double act);

void
nmf_classification_release (struct nmf_classification *c);

/* Whether msg is the user inviting someone to an interview (the user
 * hires: "I'd like to invite you to a 45-minute interview", "thank you
 * for applying"): a thread the user starts so is no process of theirs
 * (doc/design.md, "Which process a message joins"). */
gboolean
nmf_classify_user_invites (const struct nmf_message *msg,
			   const char *const *user_emails);

/* True when addr looks like a robot: no-reply, notifications, an ATS
 * mailer.  Such an address never gets a draft. */
gboolean
nmf_address_is_robot (const char *addr);

/* Does a message expect no answer of the user (noreply's rule): list or
 * bulk mail, automated mail and bounces (nmf_header_flags), an
 * auto-reply's subject ("Automatic reply:", "Out of Office"), a robot
 * sender (no-reply, notifications), a calendar's or an
 * applicant-tracking system's notice (its subject, a calendar part, a
 * Sender such as calendar-notification@google.com)?  headers as in
 * nmf_header_flags, with "sender" and "content-class" if the message has
 * them; subject may be NULL. */
gboolean
nmf_expects_no_answer (GHashTable *headers, const char *from,
		       const char *subject);

/* True for a free-mail or placeholder domain (gmail.com, ...), which says
 * nothing about an organisation. */
gboolean
nmf_domain_is_freemail (const char *domain);

/* A notmuch query that matches every message nmf_classify_message() could
 * give an invitation, calendar interview, rejection or offer kind (its
 * guards rule them out for any other), built from the classifier's own
 * phrase lists: an interview phrase, or (job context or an ATS sender)
 * and (a meeting, rejection or offer phrase, or a word every rejection
 * pattern needs).
 * Each phrase stands for one of its words, so the query is a superset.
 * Calendar parts are not in the index: callers add them.  g_free. */
char *
nmf_classify_prefilter_query (void);

#endif
