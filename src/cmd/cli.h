/* cli.h — what the command files share: the option table parser, the
 * command entry points, and small glue helpers.  Private to src/cmd and
 * src/main.c.
 */
#ifndef NMF_CLI_H
#define NMF_CLI_H

#include <glib.h>

#include "nmf/config.h"
#include "nmf/nmdb.h"
#include "nmf/printer.h"

enum nmf_opt_type {
    NMF_OPT_BOOL,    /* --name sets an int to 1 */
    NMF_OPT_INT,     /* --name=N */
    NMF_OPT_STRING,  /* --name=S (last one wins) */
    NMF_OPT_STRINGS, /* --name=S, repeatable: appends to a GPtrArray */
    NMF_OPT_KEYWORD, /* --name=WORD from a table, sets an int */
};

struct nmf_keyword {
    const char *name;
    int value;
};

struct nmf_opt {
    const char *name;   /* without the leading "--"; NULL ends the table */
    enum nmf_opt_type type;
    void *ptr;          /* int *, char **, GPtrArray * (of char *) */
    const struct nmf_keyword *keywords; /* for NMF_OPT_KEYWORD */
    const char *arg;    /* the value in the usage ("FILE"); NULL for a
			 * flag and for keywords (their names are shown) */
    const char *help;   /* what it does, for --help; a "\n" goes on in
			 * the next line */
};

/* The rows commands share; a command asks for the ones it takes. */
enum {
    NMF_SHARE_NOW = 1 << 0,     /* --now=WHEN */
    NMF_SHARE_FORMAT = 1 << 1,  /* --format=text|json */
    NMF_SHARE_QUIET = 1 << 2,   /* --quiet */
    NMF_SHARE_DRY_RUN = 1 << 3, /* --dry-run: the database read-only */
};

/* What the frame opens for a command. */
enum nmf_need {
    NMF_NEED_NOTHING,   /* neither config nor database */
    NMF_NEED_READ,      /* the config, and the database read-only */
    NMF_NEED_WRITE,     /* read-write, waiting for the lock
			 * (followup.lock_timeout_ms); read-only with
			 * --dry-run */
};

/* One command, as notmuch.c's table and git's parse-options describe
 * it: its usage is made from this and its option table, never written
 * twice. */
struct nmf_cmd {
    const char *name;
    const char *summary;   /* one line, for notmuch-followup --help */
    const char *args;      /* after the options in the usage ("THREAD
			    * [TEXT]"), "" for none */
    const char *about;     /* what --help says the command does; lines
			    * end with "\n" */
    unsigned shared;       /* NMF_SHARE_* */
    enum nmf_need need;
    guint min_args, max_args;
    const char *too_few;   /* the usage error when arguments are missing
			    * ("which thread?") */
    int (*main) (int argc, char **argv);
};

/* What the frame gives a command. */
struct nmf_frame {
    const struct nmf_cmd *cmd;
    GPtrArray *args;       /* the arguments (borrowed from argv) */
    gint64 now;            /* --now, else the wall clock */
    GTimeZone *tz;         /* the user's zone */
    int format;            /* NMF_FORMAT_* */
    int quiet;
    int dry_run;
    struct nmf_config cfg; /* read when the database is opened */
    struct nmf_db *db;     /* NULL with NMF_NEED_NOTHING */
    char *usage;           /* made from the tables */
};

/* Parse argv (argv[0] the command) against opts and the shared rows cmd
 * asks for; print the usage for --help; check the number of arguments;
 * take --now; open what cmd needs.  Returns -1 when the command goes on
 * (it then ends with nmf_frame_close), else the exit status to return
 * at once (0 after --help; errors are reported). */
int
nmf_frame_open (struct nmf_frame *f, const struct nmf_cmd *cmd,
		const struct nmf_opt *opts, int argc, char **argv);

/* Close what the frame opened.  Returns ret, or NMF_EXIT_ERROR when the
 * database could not be closed (reported). */
int
nmf_frame_close (struct nmf_frame *f, int ret);

/* Hand the database and the config over to the command (an engine that
 * keeps them): it closes and releases them itself, before
 * nmf_frame_close. */
void
nmf_frame_take (struct nmf_frame *f, struct nmf_db **db,
		struct nmf_config *cfg);

/* The command used wrongly (after nmf_frame_open): the message and its
 * usage on stderr.  Returns NMF_EXIT_ERROR. */
int
nmf_frame_usage_error (const struct nmf_frame *f, const char *fmt, ...)
    G_GNUC_PRINTF (2, 3);

/* A date or time the user typed for option opt ("--until"), as
 * nmf_dates_typed reads it in the user's zone from f->now.  FALSE after
 * reporting what was not understood.  has_time may be NULL. */
gboolean
nmf_frame_time (const struct nmf_frame *f, const char *opt, const char *text,
		gint64 *out, gboolean *has_time);

/* The usage text of cmd with opts and its shared rows.  g_free. */
char *
nmf_cmd_usage (const struct nmf_cmd *cmd, const struct nmf_opt *opts);

/* Read the config and open the database (what the frame does for a
 * command; also for a command that opens it only when an option asks).
 * Returns 0, or an exit code after reporting the error; cfg is
 * initialised only on success (release it with nmf_config_release after
 * nmf_db_close). */
int
nmf_open_db (enum nmf_db_mode mode, struct nmf_config *cfg,
	     struct nmf_db **db);

extern const struct nmf_keyword nmf_format_keywords[];

/* The commands (main.c's table). */
extern const struct nmf_cmd nmf_cmd_scan, nmf_cmd_list, nmf_cmd_show,
    nmf_cmd_noreply, nmf_cmd_agenda, nmf_cmd_classify, nmf_cmd_note,
    nmf_cmd_ignore, nmf_cmd_close, nmf_cmd_snooze, nmf_cmd_redraft,
    nmf_cmd_check, nmf_cmd_push, nmf_cmd_install_hook, nmf_cmd_config;

/* Upload our drafts to followup.imap_url (see cmd-push.c); errors are
 * reported.  db must be open read-write unless dry_run. */
enum nmf_status
nmf_push_drafts (struct nmf_db *db, const struct nmf_config *cfg,
		 gboolean dry_run, gboolean quiet);

#endif
