/* maildir.c — crash-safe Maildir writes (see nmf/maildir.h).
 * The write sequence follows notmuch-insert.c: tmp, fsync, rename, fsync
 * the directory. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nmf/log.h"
#include "nmf/maildir.h"

/* Our tmp files carry this mark so that clean_tmp touches only ours. */
#define TMP_MARK ".nmf-draft."

static gboolean
is_maildir (const char *path)
{
    g_autofree char *cur = g_build_filename (path, "cur", NULL);

    return g_file_test (cur, G_FILE_TEST_IS_DIR);
}

/* A child of dir whose name matches want (any case) and is a Maildir. */
static char *
find_child (const char *dir, const char *want)
{
    GDir *d = g_dir_open (dir, 0, NULL);
    const char *name;
    char *found = NULL;

    if (! d)
	return NULL;
    while (! found && (name = g_dir_read_name (d))) {
	if (g_ascii_strcasecmp (name, want) == 0) {
	    char *path = g_build_filename (dir, name, NULL);

	    if (is_maildir (path))
		found = path;
	    else
		g_free (path);
	}
    }
    g_dir_close (d);
    return found;
}

/* The usual names of the drafts and sent folders: flat at the mail root,
 * or under one of the parents (Gmail's "[Gmail]/Drafts",
 * "INBOX/Sent"). */
static const char *const drafts_flat[] = { "Drafts", ".Drafts", "INBOX.Drafts",
					   ".INBOX.Drafts", "Draft", NULL };
static const char *const drafts_sub[] = { "Drafts", NULL };
static const char *const sent_flat[] = { "Sent", ".Sent", "INBOX.Sent",
					 ".INBOX.Sent", "Sent Items",
					 "Sent Messages", "Sent Mail", NULL };
static const char *const sent_sub[] = { "Sent Mail", "Sent", NULL };

static char *
find_special (const char *mail_root, const char *const *flat,
	      const char *const *sub)
{
    static const char *const parents[] = { "[Gmail]", "[Google Mail]",
					   "INBOX" };
    size_t i, k;
    char *path;

    for (i = 0; flat[i]; i++) {
	if ((path = find_child (mail_root, flat[i])))
	    return path;
    }
    for (i = 0; i < G_N_ELEMENTS (parents); i++) {
	g_autofree char *parent = NULL;
	GDir *d = g_dir_open (mail_root, 0, NULL);
	const char *name;

	if (! d)
	    break;
	while ((name = g_dir_read_name (d))) {
	    if (g_ascii_strcasecmp (name, parents[i]) == 0) {
		parent = g_build_filename (mail_root, name, NULL);
		break;
	    }
	}
	g_dir_close (d);
	for (k = 0; parent && sub[k]; k++) {
	    if ((path = find_child (parent, sub[k])))
		return path;
	}
    }
    return NULL;
}

char *
nmf_maildir_find_drafts (const char *mail_root, const char *configured)
{
    char *path;

    if (configured && *configured)
	return g_build_filename (mail_root, configured, NULL);
    if ((path = find_special (mail_root, drafts_flat, drafts_sub)))
	return path;
    return g_build_filename (mail_root, "Drafts", NULL);
}

char *
nmf_maildir_find_sent (const char *mail_root, const char *configured)
{
    g_autofree char *path = NULL;
    gsize n = strlen (mail_root);

    if (configured && *configured)
	return g_strdup (configured);
    path = find_special (mail_root, sent_flat, sent_sub);
    /* find_special builds its paths on mail_root as given. */
    while (n > 1 && mail_root[n - 1] == '/')
	n--;
    if (path && strncmp (path, mail_root, n) == 0 && path[n] == '/')
	return g_strdup (path + n + 1);
    return g_strdup ("sent");
}

gboolean
nmf_maildir_file_is_draft (const char *file, const char *configured)
{
    const char *base = strrchr (file, '/');
    const char *info;
    g_autofree char *dir = NULL;
    g_autofree char *folder = NULL;
    g_autofree char *name = NULL;
    size_t i;

    base = base ? base + 1 : file;
    /* The Maildir info "2,FLAGS": D is the draft flag. */
    info = strstr (base, ":2,");
    if (info && strchr (info + 3, 'D'))
	return TRUE;
    dir = g_path_get_dirname (file);        /* .../Folder/cur */
    folder = g_path_get_dirname (dir);      /* .../Folder */
    name = g_path_get_basename (folder);
    if (configured && *configured) {
	g_autofree char *want = g_path_get_basename (configured);

	if (strcmp (name, want) == 0 && g_str_has_suffix (folder, configured))
	    return TRUE;
    }
    for (i = 0; drafts_flat[i]; i++) {
	if (g_ascii_strcasecmp (name, drafts_flat[i]) == 0)
	    return TRUE;
    }
    return FALSE;
}

enum nmf_status
nmf_maildir_ensure (const char *folder)
{
    static const char *const subs[] = { "cur", "new", "tmp" };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS (subs); i++) {
	g_autofree char *p = g_build_filename (folder, subs[i], NULL);

	if (g_mkdir_with_parents (p, 0700) < 0) {
	    nmf_error ("cannot create the drafts folder '%s': %s", p,
		       g_strerror (errno));
	    return NMF_ERR_IO;
	}
    }
    return NMF_OK;
}

static int
sync_dir (const char *dir)
{
    int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int r;

    if (fd < 0)
	return -1;
    r = fsync (fd);
    close (fd);
    return r;
}

static char *
unique_name (void)
{
    static unsigned counter;
    char host[256] = "localhost";
    gint64 now = g_get_real_time ();
    char *p;

    if (gethostname (host, sizeof host - 1) < 0)
	strcpy (host, "localhost");
    host[sizeof host - 1] = '\0';
    /* Maildir names must not contain '/' or ':'. */
    for (p = host; *p; p++) {
	if (*p == '/' || *p == ':')
	    *p = '_';
    }
    return g_strdup_printf ("%" G_GINT64_FORMAT ".M%06dP%dQ%uR%08x%s%s",
			    now / G_USEC_PER_SEC,
			    (int) (now % G_USEC_PER_SEC), (int) getpid (),
			    ++counter, g_random_int (), TMP_MARK, host);
}

char *
nmf_maildir_lookup (const char *folder, const char *name)
{
    static const char *const subs[] = { "cur", "new" };
    gsize n = strlen (name);
    size_t i;

    for (i = 0; i < G_N_ELEMENTS (subs); i++) {
	g_autofree char *dir = g_build_filename (folder, subs[i], NULL);
	GDir *d = g_dir_open (dir, 0, NULL);
	const char *e;
	char *found = NULL;

	if (! d)
	    continue;
	while (! found && (e = g_dir_read_name (d))) {
	    if (strncmp (e, name, n) == 0 && (e[n] == '\0' || e[n] == ':'))
		found = g_build_filename (dir, e, NULL);
	}
	g_dir_close (d);
	if (found)
	    return found;
    }
    return NULL;
}

/* Write len bytes of data to a new file tmp (O_EXCL), synced and closed.
 * Returns 0, or the errno of what failed (tmp is then removed). */
static int
write_tmp (const char *tmp, const char *data, gsize len)
{
    gsize done = 0;
    int fd, err;

    fd = open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	       0600);
    if (fd < 0)
	return errno;
    while (done < len) {
	ssize_t n = write (fd, data + done, len - done);

	if (n < 0 && errno == EINTR)
	    continue;
	if (n < 0)
	    goto fail;
	done += (gsize) n;
    }
    if (fsync (fd) < 0)
	goto fail;
    if (close (fd) < 0) {
	err = errno;
	unlink (tmp);
	return err;
    }
    return 0;

fail:
    err = errno;
    close (fd);
    unlink (tmp);
    return err;
}

enum nmf_status
nmf_maildir_write (const char *folder, const char *name_in, const char *data,
		   gsize len, const char *flags, char **path)
{
    g_autofree char *name = name_in ? g_strconcat (name_in, TMP_MARK, "w",
						   NULL)
				    : unique_name ();
    g_autofree char *tmpdir = g_build_filename (folder, "tmp", NULL);
    g_autofree char *curdir = g_build_filename (folder, "cur", NULL);
    g_autofree char *tmp = g_build_filename (tmpdir, name, NULL);
    g_autofree char *base = g_strdup_printf ("%s:2,%s",
					     name_in ? name_in : name, flags);
    char *final = g_build_filename (curdir, base, NULL);
    const char *failed = tmp;
    int err = 0;

    *path = NULL;
    /* A stale tmp file of ours under the same name is from a crash. */
    if (name_in)
	unlink (tmp);
    if ((err = write_tmp (tmp, data, len)))
	goto fail;
    failed = final;
    /* link() refuses to replace an existing file, unlike rename(); fall
     * back to rename() only where hard links are not supported. */
    if (link (tmp, final) == 0) {
	unlink (tmp);
    } else if (errno == EEXIST) {
	err = EEXIST;
	goto fail;
    } else if (rename (tmp, final) < 0) {
	err = errno;
	goto fail;
    }
    if (sync_dir (curdir) < 0 || sync_dir (tmpdir) < 0) {
	/* The draft is in place; a crash now could lose only it, and the
	 * next run would write it again.  Report and carry on. */
	nmf_warn ("cannot sync the drafts folder '%s': %s", curdir,
		  g_strerror (errno));
    }
    *path = final;
    return NMF_OK;

fail:
    unlink (tmp);
    nmf_error ("cannot write the draft '%s': %s", failed, g_strerror (err));
    g_free (final);
    return NMF_ERR_IO;
}

void
nmf_maildir_clean_tmp (const char *folder)
{
    g_autofree char *tmpdir = g_build_filename (folder, "tmp", NULL);
    GDir *d = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    if (! d)
	return;
    while ((name = g_dir_read_name (d))) {
	g_autofree char *p = NULL;

	if (! strstr (name, TMP_MARK))
	    continue;
	p = g_build_filename (tmpdir, name, NULL);
	if (unlink (p) < 0 && errno != ENOENT)
	    nmf_warn ("cannot remove the stale file '%s': %s", p,
		      g_strerror (errno));
    }
    g_dir_close (d);
}

enum nmf_status
nmf_maildir_replace (const char *file, const char *data, gsize len,
		     const char *expect)
{
    g_autofree char *sub = g_path_get_dirname (file);
    g_autofree char *folder = g_path_get_dirname (sub);
    g_autofree char *base = g_path_get_basename (file);
    g_autofree char *tmpdir = g_build_filename (folder, "tmp", NULL);
    g_autofree char *name = NULL;
    g_autofree char *tmp = NULL;
    int err = 0;

    base[strcspn (base, ":")] = '\0';
    name = g_strconcat (base, TMP_MARK, "r", NULL);
    tmp = g_build_filename (tmpdir, name, NULL);
    unlink (tmp);
    if ((err = write_tmp (tmp, data, len)))
	goto fail;
    /* Last look before the rename: still the bytes we checked? */
    if (expect) {
	g_autofree char *bytes = NULL;
	g_autofree char *sum = NULL;
	gsize blen = 0;

	if (g_file_get_contents (file, &bytes, &blen, NULL))
	    sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
					       (const guchar *) bytes, blen);
	if (g_strcmp0 (sum, expect) != 0) {
	    unlink (tmp);
	    return NMF_ERR_CHANGED;
	}
    }
    if (rename (tmp, file) < 0) {
	err = errno;
	goto fail;
    }
    if (sync_dir (sub) < 0)
	nmf_warn ("cannot sync the drafts folder '%s': %s", sub,
		  g_strerror (errno));
    return NMF_OK;

fail:
    unlink (tmp);
    nmf_error ("cannot rewrite the draft '%s': %s", file, g_strerror (err));
    return NMF_ERR_IO;
}
