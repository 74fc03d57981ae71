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

/* The message a draft answers (DESIGN §6): the employer's last word in
 * p's messages (not the user's, not automated, not a draft), else
 * fallback (the latest round's invitation). */
const char *
nmf_process_reply_target (const struct nmf_process *p, const char *fallback);

#endif
