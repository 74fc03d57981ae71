/* fact.h — what scan learned from one message of a process, and how the
 * facts of a process make its rounds (pure, no I/O).
 *
 * doc/design.md, "Facts and properties" and "Rounds, people and the
 * reply target".  procstore keeps facts in message properties; the rules
 * that turn them into a process live here.
 */
#ifndef NMF_FACT_H
#define NMF_FACT_H

#include <glib.h>

#include "nmf/classify.h"
#include "nmf/process.h"

/* What scan learned from one message that starts or feeds a process. */
struct nmf_fact {
    char *id;
    char *thread;
    gint64 date;         /* the message's date */
    char *pid;           /* process it belongs to */
    gboolean anchor;     /* it starts the process */
    enum nmf_kind kind;
    gint64 start;        /* interview time, 0 when unknown */
    gint64 end;
    GPtrArray *people;   /* of struct nmf_person *: interviewers */
    char *company;
    char *role;
    char *domain;        /* employer's mail domain, may be NULL */
    gint64 timeline;     /* stated decision date, 0 */
    gboolean automated;
    char *phone;         /* "ADDR PHONE" from the signature, may be NULL */
    char *topic;         /* what the interview is about, may be NULL */
    char *request;       /* what it asks the user for, may be NULL */
    gint64 request_by;   /* the answer's stated deadline, 0 */
};

/* The text fields of a fact, one table for storing, loading and
 * copying them: the field's name (the store keeps it under
 * "followup.NAME"), where it is, and when it is written. */
enum nmf_fact_write {
    NMF_FACT_WRITE_ALWAYS,    /* also when NULL: the stored one goes */
    NMF_FACT_WRITE_IF_SET,    /* a message states it or not; never cleared */
    NMF_FACT_WRITE_ON_ANCHOR, /* only the anchor keeps it */
};

struct nmf_fact_field {
    const char *name;
    gsize offset;             /* of a char * in struct nmf_fact */
    enum nmf_fact_write when;
};

/* Ends with a field whose name is NULL. */
extern const struct nmf_fact_field nmf_fact_text_fields[];

/* The field of f that field says (a char *, owned by f). */
char **
nmf_fact_text (struct nmf_fact *f, const struct nmf_fact_field *field);

struct nmf_fact *
nmf_fact_new (const char *id, const char *thread);

struct nmf_fact *
nmf_fact_copy (const struct nmf_fact *f);

void
nmf_fact_free (struct nmf_fact *f);

/* What the facts of one process say, put into p: its rounds (a time
 * superseded by a later message before it came is dropped: a
 * reschedule; a phone number from an invitation's signature goes to
 * the interviewer who sent it), its company and role (the first fact
 * that names them).  facts (of struct nmf_fact *) is not changed.
 * Returns the anchor (the first fact that is one, else the first) and
 * sets *latest to the fact of the latest round (else the last fact).
 * NULL when facts is empty. */
const struct nmf_fact *
nmf_facts_assemble (struct nmf_process *p, const GPtrArray *facts,
		    const struct nmf_fact **latest);

/* The message a draft to `to` answers (DESIGN §6; doc/design.md, "What
 * a draft answers"): the last message of a person in p's threads — of
 * a person of the employer (not a robot, not automated, not a draft) or
 * the user's own sent mail to one — the last one from or to `to` when
 * there is one; else fallback (the latest round's invitation).  `to`
 * may be NULL. */
const char *
nmf_process_reply_target (const struct nmf_process *p, const char *to,
			  const char *fallback);

/* The message a draft for due answers: the message the step is about
 * (due->reply_to_id: the rejection, the employer's last reply) when a
 * person wrote it, else nmf_process_reply_target for due->to.  Sets
 * *subject to the draft's subject (nmf_draft_subject; g_free).  NULL
 * when the process has no message to answer. */
const char *
nmf_process_draft_target (const struct nmf_process *p,
			  const struct nmf_due *due, const char *fallback,
			  char **subject);

/* Is subject a machine's: a calendar's ("Invitation: ... @ Wed Dec 2,
 * 2026 3pm", "Updated invitation:", "Accepted:", "Canceled:", ...) or an
 * applicant-tracking system's ("Interview Confirmation", "Thank you for
 * applying", "[Action Required]", ...)? */
gboolean
nmf_subject_is_machine (const char *subject);

/* The subject of a draft for step: "Re: " and the subject it answers
 * (once), or, when that is a machine's or its sender a robot, one of its
 * own ("Thank you – Staff Data Engineer interview", "Following up –
 * Staff Data Engineer role").  role and company may be NULL.  g_free. */
char *
nmf_draft_subject (enum nmf_step step, const char *answered_subject,
		   gboolean answered_robot, const char *role,
		   const char *company);

#endif
