/* process.h — one interview process and where it stands (pure, no I/O).
 *
 * DESIGN §5.  The adapters build a struct nmf_process from the notmuch
 * index (messages, their classified kinds, the interview rounds); the
 * state machine here turns it and "now" into a state, the steps that are
 * due, and the reason, without reading a clock or a file.
 */
#ifndef NMF_PROCESS_H
#define NMF_PROCESS_H

#include <glib.h>

#include "nmf/classify.h"
#include "nmf/config.h"
#include "nmf/extract.h"

enum nmf_state {
    NMF_STATE_WAITING = 0,
    NMF_STATE_THANK_YOU,
    NMF_STATE_REPLY,      /* the employer waits for the user's answer */
    NMF_STATE_CHECK_IN,
    NMF_STATE_FINAL,
    NMF_STATE_CALL,
    NMF_STATE_REJECTED,
    NMF_STATE_OFFER,
    NMF_STATE_CLOSED,
};
#define NMF_STATE_COUNT (NMF_STATE_CLOSED + 1)

/* "waiting", "thank-you", ... (the part after "followup/"). */
const char *
nmf_state_to_string (enum nmf_state st);

gboolean
nmf_state_from_string (const char *name, enum nmf_state *st);

/* One message of a process's threads, as the state machine needs it. */
struct nmf_pmsg {
    char *id;             /* Message-ID */
    gint64 date;
    enum nmf_kind kind;   /* NMF_KIND_UNRELATED when not classified */
    gboolean from_user;
    gboolean automated;   /* auto-reply, bounce, bulk */
    gboolean is_draft;    /* tagged draft: not sent */
    char *from;           /* sender address, lowercase */
    char *from_name;      /* sender display name, may be NULL */
    char *subject;        /* may be NULL */
    char *reply_to;       /* a person in Reply-To, may be NULL */
    char *phone;          /* phone number in its signature, may be NULL */
    gint64 timeline;      /* decision date it states (noon UTC), or 0 */
    char *request;        /* what it asks the user for, one line, or NULL
                           * (nmf/request.h) */
    gint64 request_by;    /* the answer's stated deadline: its date as
                           * noon UTC (late from the end of that day in
                           * the user's zone), 0 */
    GPtrArray *recipients; /* of char *: To and Cc addresses, lowercase */
};

/* One interview round: when, and whom the user met. */
/* A round whose end no message states lasts this long (as note
 * --interview-at's): its thank-you falls due at that end, never while the
 * interview may still go on (DESIGN §5). */
#define NMF_ROUND_ASSUMED_LENGTH 3600

struct nmf_round {
    gint64 start;
    gint64 end;
    gboolean end_assumed;      /* no message stated the end */
    GPtrArray *interviewers;   /* of struct nmf_person * */
};

struct nmf_process {
    char *id;
    char *company;        /* may be NULL */
    char *role;           /* may be NULL */
    GPtrArray *rounds;    /* of struct nmf_round *, by start */
    GPtrArray *msgs;      /* of struct nmf_pmsg *, by date */
    /* What the user said (note, close, snooze; DESIGN §3). */
    gint64 decision_by;   /* decision date said in person (noon UTC), 0 */
    gboolean closed;      /* the user closed the process */
    gint64 closed_at;     /* when the user closed it (0: unknown) */
    GPtrArray *keep_in_touch; /* of struct nmf_person *: people the user
                               * chose to stay in touch with */
    gint64 snoozed_until; /* no step before this instant, 0 */
    gint64 first_seen;    /* when scan first evaluated it (0: now) */
    gint64 answered_at;   /* the user said they answered the employer
                           * outside mail, at this time (0: never) */
};

/* What happens at an evaluation's next change without new mail. */
enum nmf_next {
    NMF_NEXT_NONE = 0,
    NMF_NEXT_THANK_YOU,   /* a round ends: thank-yous fall due */
    NMF_NEXT_CHECK_IN,
    NMF_NEXT_FINAL,
    NMF_NEXT_CLOSED,      /* the process closes by itself */
    NMF_NEXT_SNOOZE_ENDS, /* the user's snooze ends */
    NMF_NEXT_LAPSE,       /* the thank-yous not sent lapse */
    NMF_NEXT_DECIDE,      /* an offer's answer is due soon */
};

/* "thank-you", "check-in", "final", "closed", "snooze", "lapse",
 * "decide"; NULL for none. */
const char *
nmf_next_to_string (enum nmf_next next);

enum nmf_step {
    NMF_STEP_NONE = 0,
    NMF_STEP_THANK_YOU,
    NMF_STEP_CHECK_IN,
    NMF_STEP_FINAL,
    NMF_STEP_CALL,
    NMF_STEP_REJECTION_REPLY,
    NMF_STEP_KEEP_IN_TOUCH,
    NMF_STEP_DECIDE,      /* answer an offer before its deadline: no
                           * draft (the decision is the user's) */
    NMF_STEP_REPLY,       /* answer what a person of the employer asked:
                           * no draft (the answer is the user's) */
};

/* Whether scan writes a draft for step (not for a decision). */
gboolean
nmf_step_has_draft (enum nmf_step step);

/* "thank-you", ... */
const char *
nmf_step_to_string (enum nmf_step step);

/* One action due now for one person. */
struct nmf_due {
    enum nmf_step step;
    int round;            /* 1-based round the step belongs to; for
                           * check-ins, the cycle (1 + employer replies) */
    struct nmf_person *to;
    gint64 since;         /* when it fell due */
    gint64 late_at;       /* when it becomes late (0: never) */
    char *reply_to_id;    /* message a draft should answer, may be NULL */
    char *what;           /* for a reply: what was asked, one line */
};

struct nmf_eval {
    enum nmf_state state;
    char *reason;         /* one sentence: why this state */
    GPtrArray *due;       /* of struct nmf_due * */
    gint64 next_change;   /* when the state may change without new mail;
                           * 0 when nothing is scheduled */
    enum nmf_next next_step; /* what happens then */
};

struct nmf_process *
nmf_process_new (const char *id);

void
nmf_process_free (struct nmf_process **p);

struct nmf_pmsg *
nmf_pmsg_new (const char *id, gint64 date, const char *from);

/* Business-day settings and "now" are all the state machine needs besides
 * the process: cfg gives the delays and the weekend, holidays (GDate,
 * may be NULL) extra days off, tz the zone in which days are counted
 * (NULL: UTC). */

void
nmf_pmsg_free (struct nmf_pmsg *m);

/* Add a round; interviewers are copied.  Rounds stay sorted by start and
 * a round with the same start as an existing one merges into it. */
void
nmf_process_add_round (struct nmf_process *p, gint64 start, gint64 end,
		       GPtrArray *interviewers);

/* What the user corrected (note; doc/design.md, "Steering"): move the
 * round that starts at from to start..end, keeping its interviewers;
 * cancel the round that starts at start; take addr out of every round.
 * FALSE (0) when there was nothing to change. */
gboolean
nmf_process_move_round (struct nmf_process *p, gint64 from, gint64 start,
			gint64 end);

gboolean
nmf_process_cancel_round (struct nmf_process *p, gint64 start);

guint
nmf_process_drop_interviewer (struct nmf_process *p, const char *addr);

/* Sort msgs by date (call after adding them). */
void
nmf_process_sort (struct nmf_process *p);

/* Evaluate p at now: the one entry point every command uses.  Business
 * days skip the weekend and cfg->holidays and are counted in tz (the
 * user's zone; NULL: UTC).  out is initialised here; release with
 * nmf_eval_release(). */
void
nmf_process_evaluate (const struct nmf_process *p, gint64 now,
		      const struct nmf_config *cfg, GTimeZone *tz,
		      struct nmf_eval *out);

void
nmf_eval_release (struct nmf_eval *e);

/* The first instant after now at which evaluating p could give another
 * result than e (its evaluation at now) without any new mail or user
 * command: the state's next change, rounds starting and ending, a snooze
 * or decision date passing, mail dated in the future, a keep-in-touch
 * cycle (checked daily).  0: never.  `scan` evaluates a process again only
 * when it has news or this instant has come. */
gint64
nmf_process_recheck_at (const struct nmf_process *p, const struct nmf_eval *e,
			gint64 now, const struct nmf_config *cfg);

#endif
