/* request.h — does a message ask the user for something? (pure, no I/O)
 *
 * DESIGN §5, "The employer is waiting for the user": a person of the
 * process asks the reader for times that work, a document, a
 * confirmation or an answer to a question.  Only the new text counts
 * (not quoted mail, not the signature), only a person's mail to the user
 * (not the user's own, not an auto-reply, bulk mail or a robot's, not
 * mail the user is only copied on), and polite closers ("let me know if
 * you have any questions") ask nothing.  doc/design.md, "The employer
 * is waiting".
 */
#ifndef NMF_REQUEST_H
#define NMF_REQUEST_H

#include <glib.h>

#include "nmf/message.h"

struct nmf_request {
    char *what;        /* the sentence that asks, on one line (at most
                        * 120 characters); NULL when nothing is asked */
    const char *rule;  /* which rule found it (static), NULL */
    gint64 by;         /* the answer's deadline the message states
                        * ("please reply by Friday"): that date, as
                        * noon UTC (nmf/dates.h); 0 when none */
};

/* Whether msg asks the user (user_emails, NULL-terminated) for
 * something; out is initialised here (release with
 * nmf_request_release). */
gboolean
nmf_request_find (const struct nmf_message *msg,
		  const char *const *user_emails, struct nmf_request *out);

/* The same for one sentence of new text: the rule that makes it a
 * request, or NULL (for tests and the evidence of classify). */
const char *
nmf_request_sentence (const char *sentence);

void
nmf_request_release (struct nmf_request *r);

#endif
