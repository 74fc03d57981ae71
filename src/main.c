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
#include "nmf/log.h"
#include "nmf/mime.h"
#include "nmf/text.h"
#include "nmf/status.h"

/* In the order `notmuch-followup --help` lists them. */
static const struct nmf_cmd *const commands[] = {
    &nmf_cmd_scan,    &nmf_cmd_list,    &nmf_cmd_show,   &nmf_cmd_noreply,
    &nmf_cmd_agenda,  &nmf_cmd_classify, &nmf_cmd_note,  &nmf_cmd_ignore,
    &nmf_cmd_close,   &nmf_cmd_snooze,  &nmf_cmd_redraft, &nmf_cmd_check,
    &nmf_cmd_push,    &nmf_cmd_config,  &nmf_cmd_install_hook,
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
	fprintf (out, "  %-14s %s\n", commands[i]->name, commands[i]->summary);
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
	if (strcmp (argv[1], commands[i]->name) == 0)
	    break;
    }
    if (i == G_N_ELEMENTS (commands)) {
	g_autofree char *all = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream (&buf, &len);

	if (out) {
	    usage (out);
	    fclose (out);
	}
	all = buf;
	nmf_usage_error (NULL, all, "unknown command '%s'", argv[1]);
	return NMF_EXIT_ERROR;
    }
    nmf_mime_init ();
    ret = commands[i]->main (argc - 1, argv + 1);
    nmf_imap_shutdown ();
    nmf_mime_shutdown ();
    nmf_regex_cache_clear ();
    return ret;
}
