/* drafter.h — write the draft for one due step (adapter glue).
 *
 * Renders the step's template with what the process knows, builds the
 * message (draft.h), writes it into the Drafts Maildir (maildir.h),
 * indexes it and tags it (nmdb.h), and records on the process anchor that
 * this step was drafted, so it is never written again (DESIGN §6).
 */
#ifndef NMF_DRAFTER_H
#define NMF_DRAFTER_H

#include "nmf/config.h"
#include "nmf/nmdb.h"
#include "nmf/process.h"
#include "nmf/procstore.h"

/* The key under which a due step is recorded: "STEP:ROUND:ADDR".
 * g_free. */
char *
nmf_drafter_key (const struct nmf_due *due);

/* The Drafts folder for this database (DESIGN §6).  g_free. */
char *
nmf_drafter_folder (struct nmf_db *db, const struct nmf_config *cfg);

/* Write the draft for due, one of all_due (the steps due on the process
 * now: a panel's thank-yous share out the user's note).  *path (may be NULL) gets the file name
 * (g_free).  Errors are reported; the caller goes on with other steps. */
enum nmf_status
nmf_drafter_write (struct nmf_db *db, const struct nmf_config *cfg,
		   struct nmf_loaded *l, const struct nmf_due *due,
		   const GPtrArray *all_due, gint64 now,
		   const char *drafts_folder, char **path);

/* What became of a draft we wrote when what it is made from may have
 * changed (a note, a corrected interviewer, a moved round). */
enum nmf_refresh {
    NMF_REFRESH_SAME = 0,   /* it would read the same: left alone */
    NMF_REFRESH_UPDATED,    /* rewritten in place (same file, same
                             * Message-ID), atomically */
    NMF_REFRESH_EDITED,     /* the user edited it: never touched */
    NMF_REFRESH_PUSHED,     /* a copy is on the IMAP Drafts folder (push):
                             * left as it is, so that the two agree */
};

/* Write again, in place, the live draft (id, file) we wrote for due when
 * its text would change and its bytes are still the ones we wrote
 * (doc/design.md, "Drafts follow the notes"). */
enum nmf_status
nmf_drafter_refresh (struct nmf_db *db, const struct nmf_config *cfg,
		     struct nmf_loaded *l, const struct nmf_due *due,
		     const GPtrArray *all_due, gint64 now, const char *id,
		     const char *file, enum nmf_refresh *outcome);

#endif
