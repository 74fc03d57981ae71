/* cmd-install-hook.c — put the post-new hook in place (DESIGN §3).
 *
 * The hook directory is the one notmuch itself uses: database.hook_dir,
 * else $XDG_CONFIG_HOME/notmuch/<profile>/hooks, else
 * <database>/.notmuch/hooks — libnotmuch resolves it, so we ask it.
 * A hook that is not ours is never overwritten silently: --chain keeps it
 * and runs it first, --force replaces it (keeping a .bak copy).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "nmf/log.h"


/* Marks a hook file as ours (so reinstalling updates it). */
#define MARK "# notmuch-followup post-new hook"
#define CHAINED "post-new.before-followup"

static char *
hook_text (const char *self, gboolean chain)
{
    g_autofree char *quoted = g_shell_quote (self);

    return g_strdup_printf (
	"#!/bin/sh\n" MARK "\n"
	"# Installed by 'notmuch-followup install-hook'.  notmuch runs it\n"
	"# after 'notmuch new' has closed the database; it must not run\n"
	"# 'notmuch new' itself.  Its exit is scan's: 0 also when steps fell\n"
	"# due or a message could not be parsed; 2 when the database cannot be\n"
	"# used or a draft could not be written (disk full), and 'notmuch\n"
	"# new' then reports it.\n"
	"%s"
	"%s scan \"$@\"\n"
	"rc=$?\n"
	"%s"
	"exit $rc\n",
	chain ? "here=$(dirname \"$0\")\n"
		"\"$here/" CHAINED "\" \"$@\"\n"
		"before=$?\n"
	      : "",
	quoted,
	chain ? "[ \"$before\" -ne 0 ] && rc=$before\n" : "");
}

static gboolean
is_ours (const char *path)
{
    g_autofree char *text = NULL;

    if (! g_file_get_contents (path, &text, NULL, NULL))
	return FALSE;
    return strstr (text, MARK) != NULL;
}

static int
write_hook (const char *path, const char *text)
{
    g_autoptr (GError) err = NULL;

    if (! g_file_set_contents (path, text, -1, &err)) {
	nmf_error ("cannot write the hook '%s': %s", path, err->message);
	return NMF_EXIT_ERROR;
    }
    if (chmod (path, 0755) < 0) {
	nmf_error ("cannot make the hook '%s' executable: %s", path,
		   g_strerror (errno));
	return NMF_EXIT_ERROR;
    }
    return NMF_EXIT_OK;
}

/* Put the hook in place as the options say; the exit status. */
static int
install (int chain, int force, int dry_run)
{
    g_autofree char *dir = NULL;
    g_autofree char *path = NULL;
    g_autofree char *self = NULL;
    g_autofree char *text = NULL;
    gboolean exists;

    if (chain && force) {
	nmf_error ("install-hook: --chain and --force exclude each other");
	return NMF_EXIT_ERROR;
    }
    if (nmf_db_config_hook_dir (&dir))
	return NMF_EXIT_ERROR;
    path = g_build_filename (dir, "post-new", NULL);
    self = g_file_read_link ("/proc/self/exe", NULL);
    if (! self)
	self = g_strdup ("notmuch-followup");
    exists = g_file_test (path, G_FILE_TEST_EXISTS);

    if (exists && ! is_ours (path) && ! chain && ! force) {
	nmf_error ("a post-new hook that is not ours exists: '%s'; use "
		   "--chain to keep it and run it first, or --force to "
		   "replace it",
		   path);
	return NMF_EXIT_ERROR;
    }
    text = hook_text (self, chain && exists && ! is_ours (path));
    if (dry_run) {
	printf ("would write %s:\n%s", path, text);
	return NMF_EXIT_OK;
    }
    if (g_mkdir_with_parents (dir, 0755) < 0) {
	nmf_error ("cannot create the hook directory '%s': %s", dir,
		   g_strerror (errno));
	return NMF_EXIT_ERROR;
    }
    if (exists && ! is_ours (path)) {
	g_autofree char *keep = g_build_filename (
	    dir, chain ? CHAINED : "post-new.bak", NULL);

	if (chain && g_file_test (keep, G_FILE_TEST_EXISTS)) {
	    nmf_error ("cannot chain: '%s' exists already", keep);
	    return NMF_EXIT_ERROR;
	}
	if (rename (path, keep) < 0) {
	    nmf_error ("cannot move '%s' to '%s': %s", path, keep,
		       g_strerror (errno));
	    return NMF_EXIT_ERROR;
	}
	printf ("kept the existing hook as %s\n", keep);
    } else if (exists) {
	/* Reinstalling over our own hook: keep a chain made earlier. */
	g_autofree char *chained = g_build_filename (dir, CHAINED, NULL);

	g_free (text);
	text = hook_text (self, g_file_test (chained, G_FILE_TEST_EXISTS));
    }
    if (write_hook (path, text))
	return NMF_EXIT_ERROR;
    printf ("installed %s\n", path);
    return NMF_EXIT_OK;
}

static int install_hook_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_install_hook = {
    .name = "install-hook",
    .summary = "install the notmuch post-new hook that runs scan",
    .args = "",
    .about = "Install the notmuch post-new hook that runs 'notmuch-followup scan'\n"
	     "after every 'notmuch new', in the hook directory notmuch uses\n"
	     "(database.hook_dir).  An existing hook of someone else's is kept:\n",
    .shared = NMF_SHARE_DRY_RUN,
    .need = NMF_NEED_NOTHING,
    .main = install_hook_main,
};

static int
install_hook_main (int argc, char **argv)
{
    int chain = 0, force = 0;
    const struct nmf_opt opts[] = {
	{ "chain", NMF_OPT_BOOL, &chain, NULL, NULL,
	  "keep the existing hook as post-new.before-followup and\n"
	  "run it first" },
	{ "force", NMF_OPT_BOOL, &force, NULL, NULL,
	  "replace the existing hook (a copy is kept as\npost-new.bak)" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    struct nmf_frame f;
    int ret = nmf_frame_open (&f, &nmf_cmd_install_hook, opts, argc, argv);

    if (ret >= 0)
	return ret;
    return nmf_frame_close (&f, install (chain, force, f.dry_run));
}
