/* draft.h — build a draft message with GMime (adapter).
 *
 * Every value may come from someone else's mail: names, subjects and
 * message ids are cleaned of control characters and set through GMime's
 * setters, never pasted into header text, so nothing can inject a header
 * (DESIGN §8).
 *
 * DESIGN §6: nothing in a draft names the tool or a process (no
 * User-Agent, no X- bookkeeping header): the link from a draft to its step
 * lives in notmuch properties (nmf/procstore.h).  The one header a mail
 * client reads back is Fcc, so that notmuch-emacs files the sent copy.
 */
#ifndef NMF_DRAFT_H
#define NMF_DRAFT_H

#include <glib.h>

#include "nmf/status.h"

struct nmf_draft {
    const char *from_name;   /* may be NULL */
    const char *from_addr;
    const char *to_name;     /* may be NULL */
    const char *to_addr;
    const char *subject;
    const char *in_reply_to; /* Message-ID without <>, may be NULL */
    GPtrArray *references;   /* of char *, without <>, may be NULL */
    gint64 date;             /* UTC seconds; written in the local zone */
    const char *body;        /* UTF-8 text */
    const char *fcc;         /* folder for the sent copy, relative to the
                              * mail root (notmuch insert --folder), may
                              * be NULL */
    const char *message_id;  /* keep this one (a draft rewritten in
                              * place), NULL: a new one */
};

/* Build the RFC 5322 text of the draft.  *out (g_free) and *message_id
 * (g_free, without <>) are set on success. */
enum nmf_status
nmf_draft_build (const struct nmf_draft *d, char **out, gsize *len,
		 char **message_id);

#endif
