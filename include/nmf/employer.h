/* employer.h — who a process is with (pure, no I/O).
 *
 * doc/design.md, "Which process a message joins": a message in a new
 * thread joins an open process of the same employer, known by its name
 * or its own mail domain, never by a sender address alone (one ATS
 * sends for many employers).
 */
#ifndef NMF_EMPLOYER_H
#define NMF_EMPLOYER_H

#include <glib.h>

#include "nmf/message.h"

/* A company's name for comparing: letters and digits, lowercase, ASCII,
 * without a legal suffix at the end ("Acme Robotics, Inc." ->
 * "acmerobotics").  g_free. */
char *
nmf_company_key (const char *company);

/* Whether two messages' employers are one: the same company key, else
 * the same employer domain; and, when both name a role, roles that
 * contain one another (another role at the same employer is another
 * application).  Any argument may be NULL. */
gboolean
nmf_same_employer (const char *company_a, const char *domain_a,
		   const char *role_a, const char *company_b,
		   const char *domain_b, const char *role_b);

/* The sender's own organisation domain, lowercase, when it is one: not
 * a robot's, not an ATS's, not free mail.  NULL otherwise; g_free. */
char *
nmf_employer_domain (const struct nmf_message *msg);

#endif
