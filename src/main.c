/* main.c — the command table and dispatch (notmuch.c's shape).
 *
 * notmuch runs unknown subcommands as "notmuch-<name>", so installed on
 * PATH this program is also "notmuch followup ...".
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "nmf/imap.h"

#include "cmd/cli.h"
#include "nmf/mime.h"
#include "nmf/text.h"
#include "nmf/status.h"

struct nmf_command {
    const char *name;
    int (*fn) (int argc, char **argv);
    const char *summary;
};

static const struct nmf_command commands[] = {
    { "scan", nmf_cmd_scan,
      "process new mail: tag interview threads, write due drafts" },
    { "list", nmf_cmd_list, "what needs you now, most urgent first" },
    { "show", nmf_cmd_show, "one process as a timeline, and what is next" },
    { "noreply", nmf_cmd_noreply,
      "threads (any mail) still waiting for an answer" },
    { "agenda", nmf_cmd_agenda, "due steps as iCalendar to-dos" },
    { "classify", nmf_cmd_classify,
      "show how messages are understood, and why" },
    { "note", nmf_cmd_note,
      "tell a process what happened outside mail" },
    { "ignore", nmf_cmd_ignore, "this thread is no interview: untag it" },
    { "close", nmf_cmd_close, "you are done with this process" },
    { "snooze", nmf_cmd_snooze, "nothing of this process before a date" },
    { "redraft", nmf_cmd_redraft, "write again a draft you deleted" },
    { "check", nmf_cmd_check, "lint a draft before you send it" },
    { "push", nmf_cmd_push, "upload the drafts to the IMAP Drafts folder" },
    { "install-hook", nmf_cmd_install_hook,
      "install the notmuch post-new hook that runs scan" },
};

static void
usage (FILE *out)
{
    size_t i;

    fputs ("usage: notmuch-followup COMMAND [OPTIONS] [ARGS]\n"
	   "       notmuch followup COMMAND [OPTIONS] [ARGS]\n"
	   "\n"
	   "Keeps job-interview follow-ups on track in your notmuch mail.\n"
	   "It never sends mail.\n"
	   "\n"
	   "Commands:\n",
	   out);
    for (i = 0; i < G_N_ELEMENTS (commands); i++)
	fprintf (out, "  %-14s %s\n", commands[i].name, commands[i].summary);
    fputs ("\n"
	   "Run 'notmuch-followup COMMAND --help' for a command's options,\n"
	   "and see notmuch-followup(1).  Exit status: 0 ok, 1 findings,\n"
	   "2 usage or runtime error.\n",
	   out);
}

int
main (int argc, char **argv)
{
    size_t i;
    int ret;

    setlocale (LC_ALL, "");
    if (argc < 2 || strcmp (argv[1], "--help") == 0
	|| strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0) {
	usage (stdout);
	return argc < 2 ? NMF_EXIT_ERROR : NMF_EXIT_OK;
    }
    if (strcmp (argv[1], "--version") == 0) {
	printf ("notmuch-followup %s\n", NMF_VERSION);
	return NMF_EXIT_OK;
    }
    for (i = 0; i < G_N_ELEMENTS (commands); i++) {
	if (strcmp (argv[1], commands[i].name) == 0)
	    break;
    }
    if (i == G_N_ELEMENTS (commands)) {
	fprintf (stderr, "notmuch-followup: unknown command '%s'\n\n",
		 argv[1]);
	usage (stderr);
	return NMF_EXIT_ERROR;
    }
    nmf_mime_init ();
    ret = commands[i].fn (argc - 1, argv + 1);
    nmf_imap_shutdown ();
    nmf_mime_shutdown ();
    nmf_regex_cache_clear ();
    return ret;
}
