/* thanks.h — what the thank-you to one person of a round says that is
 * theirs alone (pure, no I/O).
 *
 * doc/design.md, "A draft is what the user would have written": each
 * interviewer of a panel gets another wording, the sentence about their
 * own part of the interview (the user's note for them, else what the
 * invitation said they would run), the others named once, and the
 * user's note for everybody in one draft only.
 */
#ifndef NMF_THANKS_H
#define NMF_THANKS_H

#include <glib.h>

#include "nmf/process.h"

/* Which wording of the thank-you goes to addr: how many interviewers of
 * r with an address come before them (0 for someone not in r). */
guint
nmf_thanks_variant (const struct nmf_round *r, const char *addr);

/* The other interviewers of r, by name, for "Please pass my thanks on
 * to Sam Patel and Dana Wu": "" when addr is alone.  g_free. */
char *
nmf_thanks_others (const struct nmf_round *r, const char *addr);

/* Whose thank-you carries the user's note for everybody: the first
 * interviewer of r with an address whose thank-you is written (in
 * writing: lower-case addresses whose thank-you is due or was drafted)
 * and who has no note of their own (in noted).  Someone thanked by hand
 * or with a note of their own does not take it, so that it is neither
 * lost nor said twice.  NULL: nobody.  Borrowed from r. */
const char *
nmf_thanks_note_holder (const struct nmf_round *r, GHashTable *writing,
			GHashTable *noted);

/* The user's note as a sentence of the letter: one line, a capital
 * first letter, a full stop unless it ends with one of its own; "" for
 * NULL or blank.  g_free. */
char *
nmf_note_sentence (const char *note);

/* A part of the interview as the letter says it: "System Design" is
 * "the system design session", "Coding exercise" "the coding exercise",
 * "SQL review" "the SQL review"; "" for NULL.  g_free. */
char *
nmf_part_phrase (const char *part);

#endif
