/* engine.h — evaluate a process and apply the result (private to
 * src/cmd). */
#ifndef NMF_ENGINE_H
#define NMF_ENGINE_H

#include <glib.h>

#include "nmf/config.h"
#include "nmf/nmdb.h"
#include "nmf/process.h"
#include "nmf/procstore.h"

struct nmf_engine {
    struct nmf_db *db;
    struct nmf_config cfg;
    gint64 now;
    int dry_run;          /* print what would change, change nothing */
    GPtrArray *facts;     /* this run's facts not yet stored (dry run), or
                           * NULL */
    GTimeZone *tz;        /* the zone business days are counted in */
    unsigned drafts;      /* drafts written (or planned) */
    unsigned tagged;      /* threads whose tags changed */
    unsigned failed;      /* drafts that could not be written for a disk
                           * or database error (disk full, permissions):
                           * the next run tries again */
    GString *report;      /* one line per draft written or updated */
    unsigned updated;     /* drafts rewritten in place this run */
};

/* Set up report and zone (db, cfg, now set by the caller). */
void
nmf_engine_init (struct nmf_engine *e);

void
nmf_engine_release (struct nmf_engine *e);

/* Evaluate process pid at e->now, write its due drafts (once each),
 * apply the interview tag and exactly one state tag to its threads, and
 * keep the state on its anchor.  Returns the state. */
enum nmf_state
nmf_engine_apply (struct nmf_engine *e, const char *pid);

/* "followup/thank-you" for a state (g_free). */
char *
nmf_engine_state_tag (const struct nmf_config *cfg, enum nmf_state st);

/* What a user's THREAD argument means: "thread:ID", a bare thread id,
 * "id:MSGID" or any query that names one process or one thread, or a
 * process id ("p" and 12 hex digits, or its start as list prints it). */
struct nmf_resolve {
    char *pid;        /* the process, or NULL when the thread has none */
    char *thread;     /* the thread */
    char *first_id;   /* the oldest message of the thread */
};

/* FALSE (reported) when nothing matches, or a query matches several
 * processes (or, outside any process, several threads).  Release with
 * nmf_resolve_release (also after FALSE). */
gboolean
nmf_resolve (struct nmf_db *db, const char *arg, struct nmf_resolve *r);

void
nmf_resolve_release (struct nmf_resolve *r);

/* The anchor of process pid (nmf_dbmsg_release it), or NULL. */
struct nmf_dbmsg *
nmf_anchor_of (struct nmf_db *db, const char *pid);

#endif
