/* extract.h — company, role, people and dates of one message (pure).
 */
#ifndef NMF_EXTRACT_H
#define NMF_EXTRACT_H

#include <glib.h>

#include "nmf/message.h"

/* More attendees than this (besides the user and the organiser) make a
 * calendar event a group event, not an interview panel: its attendees are
 * not interviewers to thank one by one. */
#define NMF_PANEL_MAX 8u

struct nmf_person {
    char *name;   /* may be NULL */
    char *addr;   /* lowercase; "" for someone the mail names without an
                   * address (shown and named in panel drafts, but never
                   * written to) */
    char *phone;  /* from a signature, may be NULL */
    char *title;  /* the job title the invitation gives them ("Engineering
                   * Manager"), may be NULL */
    char *part;   /* the part of the interview they run, as an itinerary
                   * names it ("System design"), may be NULL */
};

struct nmf_extract {
    char *company;        /* NULL when unknown */
    char *role;           /* NULL when unknown */
    GPtrArray *people;    /* of struct nmf_person *: the interviewers */
    gint64 interview_start;  /* UTC seconds, 0 when unknown */
    gint64 interview_end;    /* 0 when unknown */
    char *interview_tz;      /* TZID of the calendar event, may be NULL */
    gint64 timeline;         /* stated decision date, 0 when none */
    char *topic;             /* what the interview will be about ("system
                              * design", "the team's telemetry work"), or
                              * NULL: a detail for the thank-you */
    GPtrArray *evidence;     /* of char *: where each field came from */
    char *request;           /* what the message asks the user for, one
                              * line (nmf/request.h), or NULL */
    gint64 request_by;       /* the answer's stated deadline, 0 */
};

/* Extract fields from msg.  user_emails as for nmf_classify_message.
 * out is initialised here; release with nmf_extract_release(). */
void
nmf_extract_message (const struct nmf_message *msg,
		     const char *const *user_emails, struct nmf_extract *out);

void
nmf_extract_release (struct nmf_extract *x);

struct nmf_person *
nmf_person_new (const char *name, const char *addr, const char *phone);

/* A copy of p, with its title and part. */
struct nmf_person *
nmf_person_copy (const struct nmf_person *p);

void
nmf_person_free (struct nmf_person *p);

/* The registrable part of an address's domain as a display name:
 * "jordan@mail.acme-robotics.example" -> "Acme Robotics".  NULL when the
 * domain is a free-mail or ATS provider.  g_free the result. */
char *
nmf_extract_company_from_addr (const char *addr);

#endif
