/* procstore.h — interview processes kept in notmuch message properties
 * (adapter).
 *
 * DESIGN §5: state and dates live in message properties, so `notmuch
 * dump` keeps them and no second database is needed.  The keys:
 *
 *   followup.kind=KIND            a message scan classified (§4 name)
 *   followup.auto=1               it was automated (auto-reply, bounce,
 *                                 bulk, ATS notice)
 *   followup.timeline=T           the decision date it states (noon UTC)
 *   followup.phone=ADDR PHONE     a phone number from its signature
 *   followup.request=TEXT         what it asks the user for (one line)
 *   followup.request-by=T         the deadline it gives for the answer
 *   followup.process=PID          a message that belongs to process PID
 *   followup.member=1             the same, as a fixed value to query
 *   followup.round=START END      interview time (UTC seconds) it gives
 *   followup.interviewer=ADDR NAME  an interviewer it names (repeatable)
 *   followup.company=, followup.role=   what it says of the employer
 *   followup.open=1               on the anchor (first invitation) of an
 *                                 open process
 *   followup.state=STATE          on the anchor: last evaluated state
 *   followup.drafted=STEP:ROUND:ADDR  on the anchor: a draft was written
 *                                 for this step once (never again)
 *   followup.draft=PID:STEP:ROUND:ADDR  on a draft we wrote
 *   followup.domain=DOMAIN        on the anchor: the employer's own mail
 *                                 domain (not an ATS or free mail)
 *   followup.ignore=1             on every message of a thread the user
 *                                 said is no interview: never picked up
 *   followup.closed=1, followup.snooze=T, followup.decision-by=T,
 *   followup.user-round=START END, followup.user-interviewer=ADDR NAME
 *                                 on the anchor: what the user said
 *   followup.note=TEXT, followup.note-to=ADDR TEXT
 *                                 on the anchor: a sentence the user gave
 *                                 for the drafts (for one person)
 *   followup.not-interviewer=ADDR, followup.moved-round=FROM START END,
 *   followup.cancelled-round=START, followup.keep-in-touch=ADDR NAME,
 *   followup.keep=1               on the anchor: the user's corrections
 *   followup.first-seen=T, followup.recheck=T|never,
 *   followup.contact=ADDR         on the anchor: bookkeeping of scan
 *   followup.pushed=UIDVALIDITY UID (or "removed")
 *                                 on a draft: where push uploaded it
 *
 * This module owns the keys: the commands and the other adapters read
 * and write them through the functions below, never by name.
 */
#ifndef NMF_PROCSTORE_H
#define NMF_PROCSTORE_H

#include <glib.h>

#include "nmf/classify.h"
#include "nmf/config.h"
#include "nmf/extract.h"
#include "nmf/nmdb.h"
#include "nmf/fact.h"
#include "nmf/process.h"


/* A process with what the commands need around it. */
struct nmf_loaded {
    struct nmf_process *proc;
    char *anchor_id;
    GPtrArray *threads;   /* of char *: thread ids of the process */
    GPtrArray *drafted;   /* of char *: "STEP:ROUND:ADDR" already drafted */
    char *reply_id;       /* Message-ID a draft replies to */
    GPtrArray *reply_refs; /* its References, then itself */
    char *subject;        /* of that message */
    char *user_addr;      /* the user's address the invitation went to */
    char *topic;          /* what the latest interview was about */
    GPtrArray *joined;    /* of struct nmf_fact *: the user's mail in a new
                           * thread that joined by its recipients, and
                           * the rest of that thread, not stored as the
                           * process's yet */
};

void
nmf_loaded_free (struct nmf_loaded **l);

/* The process id for a new anchor message (stable: derived from its
 * Message-ID).  g_free. */
char *
nmf_process_id_for (const char *message_id);

/* The process an existing message of thread belongs to, or NULL
 * (g_free). */
char *
nmf_store_thread_process (struct nmf_db *db, const char *thread);

/* Write a fact's properties on its message (only what differs). */
enum nmf_status
nmf_store_fact (struct nmf_db *db, const struct nmf_fact *f);

/* Store l->joined: their threads become the process's, so that an
 * answer in them is learned as the process's when it comes. */
enum nmf_status
nmf_store_joined (struct nmf_db *db, const struct nmf_loaded *l);

/* Ids of every process, open or closed (g_ptr_array_unref). */
GPtrArray *
nmf_store_all_processes (struct nmf_db *db);

/* An open process of the same employer: same company (compared without
 * case, spaces and legal suffixes) or same employer domain, and not a
 * different role when both are known.  NULL or a pid (g_free).  facts
 * (may be NULL) are this run's, not yet stored. */
char *
nmf_store_find_employer (struct nmf_db *db, const char *company,
			 const char *domain, const char *role,
			 GPtrArray *facts);

/* Ids of the open processes (g_ptr_array_unref); with keep set, also the
 * closed ones the user chose to stay in touch from (followup.keep=1). */
GPtrArray *
nmf_store_open_processes (struct nmf_db *db, gboolean keep);

/* The same, leaving out those whose anchor says nothing can change before
 * a recheck time after now (followup.recheck). */
GPtrArray *
nmf_store_processes_to_recheck (struct nmf_db *db, gboolean keep,
				gint64 now);

/* Keep the anchor's followup.contact values in line with the loaded
 * process (no write when they are the same). */
enum nmf_status
nmf_store_contacts (struct nmf_dbmsg *anchor, const struct nmf_loaded *l);

/* Ids of the open processes (with keep, also those kept in touch with)
 * that have one of addrs (of char *) as a contact.  g_ptr_array_unref. */
GPtrArray *
nmf_store_processes_of_contacts (struct nmf_db *db, gboolean keep,
				 GPtrArray *addrs);

/* DESIGN §5 "Sent means": whether m is still a draft.  A message with a
 * file outside the drafts folders and without the Maildir D flag is a
 * sent copy (neomutt and aerc keep the draft's Message-ID), whatever its
 * tags say; otherwise it is a draft when it has the draft tag, a file in
 * a drafts folder or with the D flag, or is one we wrote.  Reads the
 * message's file names (and whether they exist). */
gboolean
nmf_store_is_draft (struct nmf_dbmsg *m, const struct nmf_config *cfg);

/* What a draft we wrote was made of: the hash of its bytes as written
 * and the hash of what it says (g_free; NULL when not kept: a draft of
 * an older version). */
void
nmf_store_draft_made (struct nmf_dbmsg *draft, char **sha, char **made);

enum nmf_status
nmf_store_set_draft_made (struct nmf_dbmsg *draft, const char *sha,
			  const char *made);

/* Whether sha is a hash of bytes we wrote for draft (a rewrite records
 * the new one beside the old until it is done), and record one more. */
gboolean
nmf_store_draft_sha_is (struct nmf_dbmsg *draft, const char *sha);

/* The date style a draft was written in ("us", "gb" or a format), so
 * that writing it again says days the same way; NULL (g_free) when not
 * kept. */
char *
nmf_store_draft_style (struct nmf_dbmsg *draft);

enum nmf_status
nmf_store_set_draft_style (struct nmf_dbmsg *draft, const char *style);

enum nmf_status
nmf_store_add_draft_sha (struct nmf_dbmsg *draft, const char *sha);

/* Forget that the step key of process anchor was drafted (redraft): the
 * next evaluation writes it again, under a new file name. */
enum nmf_status
nmf_store_forget_drafted (struct nmf_dbmsg *anchor, const char *key);

/* How many times the step key was drafted again on request (0: never). */
guint
nmf_store_redrafts (struct nmf_dbmsg *anchor, const char *key);

/* The step of m ("PID:STEP:ROUND:ADDR", borrowed from m) when m is a draft
 * we wrote that is still a draft (nmf_store_is_draft) and that the user has
 * not deleted (notmuch-emacs's "deleted" tag); NULL otherwise.  The link
 * from a draft to its step lives only here: once the draft is sent, it no
 * longer applies. */
const char *
nmf_store_live_draft (struct nmf_dbmsg *m, const struct nmf_config *cfg);

/* The step key of m ("PID:STEP:ROUND:ADDR", borrowed) when we wrote it as
 * a draft, sent or not; NULL otherwise. */
const char *
nmf_store_draft_key (struct nmf_dbmsg *m);

/* The user's note for the drafts to addr on the process of anchor (NULL:
 * the one for everybody); NULL when none (g_free). */
char *
nmf_store_note (struct nmf_dbmsg *anchor, const char *addr);

/* All the user's notes on the process of anchor, as "ADDR TEXT" (ADDR
 * "*" for the one for everybody, first).  g_ptr_array_unref. */
GPtrArray *
nmf_store_notes (struct nmf_dbmsg *anchor);

/* Keep text as the note for the drafts to addr (NULL: to everybody). */
enum nmf_status
nmf_store_set_note (struct nmf_dbmsg *anchor, const char *addr,
		    const char *text);

/* Queries on the keys, for the commands to combine (static strings, or
 * g_free for those that take an argument). */
const char *
nmf_store_query_members (void);    /* every message of a process */

const char *
nmf_store_query_ignored (void);    /* messages the user ignored */

char *
nmf_store_query_process (const char *pid);   /* the messages of pid */

char *
nmf_store_query_kind (enum nmf_kind kind);  /* messages of that kind */

/* The process m belongs to (borrowed), or NULL. */
const char *
nmf_store_process_of (struct nmf_dbmsg *m);

gboolean
nmf_store_is_member (struct nmf_dbmsg *m);

gboolean
nmf_store_is_ignored (struct nmf_dbmsg *m);

/* The user said m's thread is no interview: m leaves its process and is
 * never picked up again. */
enum nmf_status
nmf_store_ignore (struct nmf_dbmsg *m);

/* An evaluation's result on the anchor: the state, open unless closed,
 * and when to look again (0: never). */
enum nmf_status
nmf_store_evaluated (struct nmf_dbmsg *anchor, enum nmf_state state,
		     gint64 recheck);

/* The user closed the process at now (kept once: the first close
 * counts); snoozed it until t (0: woken up). */
enum nmf_status
nmf_store_close (struct nmf_dbmsg *anchor, gint64 now);

enum nmf_status
nmf_store_snooze (struct nmf_dbmsg *anchor, gint64 until);

/* What the user told us with note (doc/design.md, "Steering"), kept on
 * the anchor and applied by nmf_store_load: a decision date (noon UTC);
 * a round arranged outside mail; someone met (it undoes an earlier
 * "not an interviewer" of addr) or someone who was none (it undoes an
 * earlier "met"); a round moved from one start to another, or
 * cancelled; people to stay in touch with. */
enum nmf_status
nmf_store_set_decision_by (struct nmf_dbmsg *anchor, gint64 day);

enum nmf_status
nmf_store_add_round (struct nmf_dbmsg *anchor, gint64 start, gint64 end);

enum nmf_status
nmf_store_add_interviewer (struct nmf_dbmsg *anchor, const char *addr,
			   const char *name);

enum nmf_status
nmf_store_not_interviewer (struct nmf_dbmsg *anchor, const char *addr);

enum nmf_status
nmf_store_move_round (struct nmf_dbmsg *anchor, gint64 from, gint64 start,
		      gint64 end);

enum nmf_status
nmf_store_cancel_round (struct nmf_dbmsg *anchor, gint64 start);

enum nmf_status
nmf_store_keep_in_touch (struct nmf_dbmsg *anchor, const char *addr,
			 const char *name);

/* The user answered the employer's question outside mail, at now. */
enum nmf_status
nmf_store_answered (struct nmf_dbmsg *anchor, gint64 now);

/* Record on anchor that scan evaluated its process at now (the first
 * time, or an earlier time than before). */
enum nmf_status
nmf_store_mark_seen (struct nmf_dbmsg *anchor, gint64 now);

/* Whether m is the anchor of its process (the one check of it). */
gboolean
nmf_store_is_anchor (struct nmf_dbmsg *m);

/* Where push uploaded draft m ("UIDVALIDITY UID", or "removed" once taken
 * off the server); NULL when never (borrowed). */
const char *
nmf_store_pushed (struct nmf_dbmsg *m);

enum nmf_status
nmf_store_set_pushed (struct nmf_dbmsg *m, const char *value);

/* A draft we wrote that is still a live draft (nmf_store_live_draft). */
struct nmf_live_draft {
    char *id;     /* its Message-ID */
    char *key;    /* "STEP:ROUND:ADDR" */
    char *file;   /* an existing file of it, or its first file name */
    gboolean gone; /* none of its files is there any more (deleted or
		    * moved by a mail client before notmuch new saw it):
		    * list, show and redraft count it as no draft */
};

/* The live drafts of process pid (g_ptr_array_unref frees them). */
GPtrArray *
nmf_store_live_drafts (struct nmf_db *db, const struct nmf_config *cfg,
		       const char *pid);

/* Record a draft we just indexed: its step key on the draft, its process
 * on it too, and on the anchor that the step was drafted once (never
 * again).  key is "STEP:ROUND:ADDR". */
enum nmf_status
nmf_store_record_draft (struct nmf_dbmsg *draft, struct nmf_dbmsg *anchor,
			const char *pid, const char *key);

/* Load process pid from the database; extra (may be NULL) are facts not
 * yet written (scan --dry-run).  Returns NULL when the process has no
 * message (reported by the caller). */
struct nmf_loaded *
nmf_store_load (struct nmf_db *db, const struct nmf_config *cfg,
		const char *pid, GPtrArray *extra);

#endif
