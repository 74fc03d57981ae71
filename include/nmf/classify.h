/* classify.h — what kind of message this is, and why (pure, no I/O).
 *
 * DESIGN §4.  Precision first: a message that would start a process and
 * lead to drafts must be convincing; when unsure the classifier says so
 * with a low confidence, and the caller does not act on it.
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

/* The confidence from which scan acts on a kind (starts a process,
 * counts a message as a step). */
#define NMF_CONFIDENCE_ACT 0.7

struct nmf_classification {
    enum nmf_kind kind;
    double confidence;     /* 0..1 */
    GPtrArray *evidence;   /* of char *: "rule: detail", in firing order */
    gboolean from_user;    /* the From address is one of the user's */
    gboolean automated;    /* auto-reply, bounce or bulk/list mail */
};

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

void
nmf_classification_release (struct nmf_classification *c);

/* True when addr looks like a robot: no-reply, notifications, an ATS
 * mailer.  Such an address never gets a draft. */
gboolean
nmf_address_is_robot (const char *addr);

/* True for a free-mail or placeholder domain (gmail.com, ...), which says
 * nothing about an organisation. */
gboolean
nmf_domain_is_freemail (const char *domain);

/* A notmuch query that matches every message nmf_classify_message() could
 * give an invitation, calendar interview, rejection or offer kind at
 * NMF_CONFIDENCE_ACT or more, built from the classifier's own phrase
 * lists: (job context or an ATS sender) and (an interview, meeting,
 * rejection or offer phrase, or a word every rejection pattern needs).
 * Each phrase stands for one of its words, so the query is a superset.
 * Calendar parts are not in the index: callers add them.  g_free. */
char *
nmf_classify_prefilter_query (void);

#endif
