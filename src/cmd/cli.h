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
};

/* Parse argv[1..] against opts (declarative, notmuch style).  Non-option
 * arguments are collected in *args (a new array of borrowed pointers).
 * "--help" prints usage to stdout and returns 0 with *help set.  Unknown
 * options or bad values print "notmuch-followup: <cmd>: ..." and the
 * usage on stderr and return -1. */
int
nmf_opts_parse (const struct nmf_opt *opts, int argc, char **argv,
		const char *usage, GPtrArray **args, int *help);

/* Parse a --now value (ISO 8601; a date alone means 00:00 in the local
 * zone) into UTC seconds.  FALSE on a bad value. */
gboolean
nmf_parse_time (const char *s, gint64 *out);

/* The time to use: --now when given, else the wall clock.  Reports a bad
 * --now value and returns FALSE. */
gboolean
nmf_now (const char *opt_now, gint64 *now);

/* Read the config and open the database.  Returns 0, or an exit code
 * after reporting the error; cfg is initialised only on success (release
 * it with nmf_config_release after nmf_db_close). */
int
nmf_open_db (enum nmf_db_mode mode, struct nmf_config *cfg,
	     struct nmf_db **db);

extern const struct nmf_keyword nmf_format_keywords[];

/* Command entry points: argv[0] is the command name. */
int nmf_cmd_scan (int argc, char **argv);
int nmf_cmd_list (int argc, char **argv);
int nmf_cmd_classify (int argc, char **argv);
int nmf_cmd_install_hook (int argc, char **argv);
int nmf_cmd_note (int argc, char **argv);
int nmf_cmd_ignore (int argc, char **argv);
int nmf_cmd_close (int argc, char **argv);
int nmf_cmd_snooze (int argc, char **argv);
int nmf_cmd_redraft (int argc, char **argv);
int nmf_cmd_check (int argc, char **argv);
int nmf_cmd_show (int argc, char **argv);
int nmf_cmd_noreply (int argc, char **argv);
int nmf_cmd_agenda (int argc, char **argv);
int nmf_cmd_push (int argc, char **argv);

/* Upload our drafts to followup.imap_url (see cmd-push.c); errors are
 * reported.  db must be open read-write unless dry_run. */
enum nmf_status
nmf_push_drafts (struct nmf_db *db, const struct nmf_config *cfg,
		 gboolean dry_run, gboolean quiet);

#endif
