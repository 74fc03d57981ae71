/* imap.c — libcurl IMAP (see nmf/imap.h).
 *
 * libcurl 7.88 (Debian 12) cannot set flags on APPEND and always sends
 * (\Seen); the server's [APPENDUID v u] is read from the protocol trace
 * (CURLOPT_DEBUGFUNCTION, incoming header lines only), then the draft
 * flag is set with UID STORE on the same connection.
 */
#include <dlfcn.h>
#include <string.h>

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <gio/gio.h>

#include "nmf/imap.h"

/* libcurl, with its TLS, LDAP, SSH and HTTP/2 libraries, is loaded only
 * when a command talks IMAP: linked into the program it would cost every
 * `scan` run from the post-new hook a third of its start-up time for
 * nothing (git keeps curl in git-remote-https for the same reason). */
static struct {
    void *lib;
    CURLcode (*global_init) (long);
    void (*global_cleanup) (void);
    CURL *(*easy_init) (void);
    CURLcode (*easy_setopt) (CURL *, CURLoption, ...);
    CURLcode (*easy_perform) (CURL *);
    void (*easy_cleanup) (CURL *);
    const char *(*easy_strerror) (CURLcode);
} api;

#define curl_easy_init api.easy_init
#undef curl_easy_setopt
#define curl_easy_setopt api.easy_setopt
#define curl_easy_perform api.easy_perform
#define curl_easy_cleanup api.easy_cleanup
#define curl_easy_strerror api.easy_strerror

static gboolean
load_curl (char **why)
{
    static const char *const names[] = { "libcurl.so.4",
					 "libcurl-gnutls.so.4", NULL };
    const char *const *n;

    if (api.lib)
	return TRUE;
    for (n = names; *n && ! api.lib; n++)
	api.lib = dlopen (*n, RTLD_NOW | RTLD_LOCAL);
    if (! api.lib) {
	*why = g_strdup_printf ("cannot load libcurl (%s); install the "
				"libcurl4 package", dlerror ());
	return FALSE;
    }
#define SYM(field, name)                                                      \
    (*(void **) (&api.field) = dlsym (api.lib, name)) != NULL
    if (! (SYM (global_init, "curl_global_init")
	   && SYM (global_cleanup, "curl_global_cleanup")
	   && SYM (easy_init, "curl_easy_init")
	   && SYM (easy_setopt, "curl_easy_setopt")
	   && SYM (easy_perform, "curl_easy_perform")
	   && SYM (easy_cleanup, "curl_easy_cleanup")
	   && SYM (easy_strerror, "curl_easy_strerror"))
	|| api.global_init (CURL_GLOBAL_DEFAULT) != CURLE_OK) {
	*why = g_strdup ("cannot start libcurl");
	dlclose (api.lib);
	memset (&api, 0, sizeof api);
	return FALSE;
    }
#undef SYM
    return TRUE;
}

void
nmf_imap_shutdown (void)
{
    if (! api.lib)
	return;
    api.global_cleanup ();
    dlclose (api.lib);
    memset (&api, 0, sizeof api);
}

struct nmf_imap {
    CURL *curl;
    char *url;            /* the mailbox URL */
    char *host;           /* for messages */
    char errbuf[CURL_ERROR_SIZE];
    GString *in;          /* server lines of the last command */
    GString *body;        /* data of the last command */
    const char *upload;   /* APPEND data */
    gsize upload_len;
    gsize upload_pos;
};

static int
debug_cb (CURL *c, curl_infotype type, char *data, size_t size, void *user)
{
    struct nmf_imap *im = user;

    (void) c;
    /* Only what the server says: never the commands, which carry the
     * login. */
    if (type == CURLINFO_HEADER_IN && im->in->len < 65536)
	g_string_append_len (im->in, data, size);
    return 0;
}

static size_t
write_cb (char *data, size_t size, size_t n, void *user)
{
    struct nmf_imap *im = user;

    if (im->body->len < 1024 * 1024)
	g_string_append_len (im->body, data, size * n);
    return size * n;
}

static size_t
read_cb (char *buf, size_t size, size_t n, void *user)
{
    struct nmf_imap *im = user;
    gsize left = im->upload_len - im->upload_pos;
    gsize want = size * n < left ? size * n : left;

    memcpy (buf, im->upload + im->upload_pos, want);
    im->upload_pos += want;
    return want;
}

gboolean
nmf_imap_host_is_loopback (const char *host)
{
    g_autoptr (GInetAddress) addr = NULL;

    if (! host)
	return FALSE;
    if (g_ascii_strcasecmp (host, "localhost") == 0)
	return TRUE;
    /* An address literal only: a name such as 127.example.org is not. */
    addr = g_inet_address_new_from_string (host);
    return addr && g_inet_address_get_is_loopback (addr);
}

enum nmf_status
nmf_imap_open (const char *url, const char *user, const char *password,
	       struct nmf_imap **out, char **why)
{
    struct nmf_imap *im;
    g_autoptr (GUri) uri = NULL;
    const char *scheme;

    *out = NULL;
    *why = NULL;
    uri = g_uri_parse (url ? url : "", G_URI_FLAGS_NONE, NULL);
    scheme = uri ? g_uri_get_scheme (uri) : NULL;
    if (! uri || ! scheme
	|| (strcmp (scheme, "imap") != 0 && strcmp (scheme, "imaps") != 0)
	|| ! g_uri_get_host (uri) || strlen (g_uri_get_path (uri)) < 2) {
	*why = g_strdup_printf ("followup.imap_url '%s' is not an imap:// or "
				"imaps:// URL with a mailbox (e.g. "
				"imaps://mail.example.org/Drafts)",
				url ? url : "");
	return NMF_ERR_CONFIG;
    }
    if (! load_curl (why))
	return NMF_ERR_NET;
    im = g_new0 (struct nmf_imap, 1);
    im->curl = curl_easy_init ();
    im->url = g_strdup (url);
    im->host = g_strdup (g_uri_get_host (uri));
    im->in = g_string_new (NULL);
    im->body = g_string_new (NULL);
    if (! im->curl) {
	*why = g_strdup ("cannot start libcurl");
	nmf_imap_close (&im);
	return NMF_ERR_NET;
    }
    curl_easy_setopt (im->curl, CURLOPT_ERRORBUFFER, im->errbuf);
    curl_easy_setopt (im->curl, CURLOPT_DEBUGFUNCTION, debug_cb);
    curl_easy_setopt (im->curl, CURLOPT_DEBUGDATA, im);
    /* The debug function is called only with CURLOPT_VERBOSE; it keeps
     * what the server says and prints nothing. */
    curl_easy_setopt (im->curl, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt (im->curl, CURLOPT_WRITEFUNCTION, write_cb);
    curl_easy_setopt (im->curl, CURLOPT_WRITEDATA, im);
    curl_easy_setopt (im->curl, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt (im->curl, CURLOPT_READDATA, im);
    curl_easy_setopt (im->curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt (im->curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt (im->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt (im->curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt (im->curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (strcmp (scheme, "imap") == 0 && ! nmf_imap_host_is_loopback (im->host))
	curl_easy_setopt (im->curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
    if (user && *user)
	curl_easy_setopt (im->curl, CURLOPT_USERNAME, user);
    if (password)
	curl_easy_setopt (im->curl, CURLOPT_PASSWORD, password);
    else
	curl_easy_setopt (im->curl, CURLOPT_NETRC, (long) CURL_NETRC_OPTIONAL);
    *out = im;
    return NMF_OK;
}

void
nmf_imap_close (struct nmf_imap **im)
{
    if (! im || ! *im)
	return;
    if ((*im)->curl)
	curl_easy_cleanup ((*im)->curl);
    g_free ((*im)->url);
    g_free ((*im)->host);
    g_string_free ((*im)->in, TRUE);
    g_string_free ((*im)->body, TRUE);
    g_free (*im);
    *im = NULL;
}

/* The server's last complaint ("A003 NO [AUTHENTICATIONFAILED] ..."),
 * without the tag. */
static char *
last_response (struct nmf_imap *im)
{
    g_auto (GStrv) lines = g_strsplit (im->in->str, "\n", -1);
    char *found = NULL;
    int i;

    for (i = 0; lines[i]; i++) {
	char *sp = strchr (lines[i], ' ');

	g_strstrip (lines[i]);
	if (sp && (g_str_has_prefix (sp + 1, "NO ")
		   || g_str_has_prefix (sp + 1, "BAD ")
		   || g_str_has_prefix (sp + 1, "BYE "))) {
	    g_free (found);
	    found = g_strdup (sp + 1);
	}
    }
    return found;
}

static enum nmf_status
perform (struct nmf_imap *im, const char *what, char **why)
{
    CURLcode rc;

    g_string_truncate (im->in, 0);
    g_string_truncate (im->body, 0);
    im->errbuf[0] = '\0';
    rc = curl_easy_perform (im->curl);
    if (rc == CURLE_OK)
	return NMF_OK;
    {
	g_autofree char *server = last_response (im);

	*why = g_strdup_printf ("%s on %s failed: %s%s%s%s", what, im->host,
				*im->errbuf ? im->errbuf
					    : curl_easy_strerror (rc),
				server ? " (server: " : "",
				server ? server : "", server ? ")" : "");
    }
    return NMF_ERR_NET;
}

static void
command (struct nmf_imap *im, const char *cmd)
{
    curl_easy_setopt (im->curl, CURLOPT_URL, im->url);
    curl_easy_setopt (im->curl, CURLOPT_UPLOAD, 0L);
    curl_easy_setopt (im->curl, CURLOPT_CUSTOMREQUEST, cmd);
}

enum nmf_status
nmf_imap_append (struct nmf_imap *im, const char *data, gsize len,
		 guint64 *uid, guint64 *uidvalidity, char **why)
{
    enum nmf_status st;
    const char *p;

    *uid = 0;
    *uidvalidity = 0;
    im->upload = data;
    im->upload_len = len;
    im->upload_pos = 0;
    curl_easy_setopt (im->curl, CURLOPT_URL, im->url);
    curl_easy_setopt (im->curl, CURLOPT_CUSTOMREQUEST, NULL);
    curl_easy_setopt (im->curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt (im->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) len);
    st = perform (im, "APPEND", why);
    curl_easy_setopt (im->curl, CURLOPT_UPLOAD, 0L);
    if (st)
	return st;
    p = strstr (im->in->str, "[APPENDUID ");
    if (p) {
	char *end = NULL;

	*uidvalidity = g_ascii_strtoull (p + 11, &end, 10);
	if (end && *end == ' ')
	    *uid = g_ascii_strtoull (end + 1, NULL, 10);
    }
    return NMF_OK;
}

/* "* SEARCH 12 15" in the data or the trace. */
static guint64
search_result (struct nmf_imap *im)
{
    const char *texts[] = { im->body->str, im->in->str };
    size_t t;

    for (t = 0; t < 2; t++) {
	const char *p = strstr (texts[t], "* SEARCH");
	guint64 last = 0;

	if (! p)
	    continue;
	p += 8;
	while (*p == ' ') {
	    char *end = NULL;
	    guint64 v = g_ascii_strtoull (p + 1, &end, 10);

	    if (! end || end == p + 1)
		break;
	    last = v;
	    p = end;
	}
	return last;
    }
    return 0;
}

enum nmf_status
nmf_imap_find (struct nmf_imap *im, const char *message_id, guint64 *uid,
	       char **why)
{
    g_autofree char *cmd = NULL;
    const char *p;
    enum nmf_status st;

    *uid = 0;
    /* A Message-ID of ours: visible ASCII without quotes; nothing can be
     * smuggled into the command. */
    for (p = message_id; *p; p++) {
	if (*p <= ' ' || *p >= 0x7f || *p == '"' || *p == '\\') {
	    *why = g_strdup ("a Message-ID unfit for a search");
	    return NMF_ERR_USAGE;
	}
    }
    cmd = g_strdup_printf ("UID SEARCH HEADER Message-ID \"<%s>\"",
			   message_id);
    command (im, cmd);
    st = perform (im, "SEARCH", why);
    if (! st)
	*uid = search_result (im);
    return st;
}

enum nmf_status
nmf_imap_flag_draft (struct nmf_imap *im, guint64 uid, char **why)
{
    g_autofree char *cmd = g_strdup_printf ("UID STORE %" G_GUINT64_FORMAT
					    " +FLAGS (\\Draft)",
					    uid);

    command (im, cmd);
    return perform (im, "STORE", why);
}

enum nmf_status
nmf_imap_size (struct nmf_imap *im, guint64 uid, guint64 *size, char **why)
{
    g_autofree char *cmd = g_strdup_printf ("UID FETCH %" G_GUINT64_FORMAT
					    " RFC822.SIZE",
					    uid);
    enum nmf_status st;
    const char *p;

    *size = 0;
    command (im, cmd);
    st = perform (im, "FETCH", why);
    if (st)
	return st;
    p = strstr (im->body->str, "RFC822.SIZE ");
    if (! p)
	p = strstr (im->in->str, "RFC822.SIZE ");
    if (p)
	*size = g_ascii_strtoull (p + 12, NULL, 10);
    return NMF_OK;
}

enum nmf_status
nmf_imap_delete (struct nmf_imap *im, guint64 uid, char **why)
{
    g_autofree char *store = g_strdup_printf ("UID STORE %" G_GUINT64_FORMAT
					      " +FLAGS (\\Deleted)",
					      uid);
    g_autofree char *expunge = g_strdup_printf ("UID EXPUNGE %" G_GUINT64_FORMAT,
						uid);
    enum nmf_status st;

    command (im, store);
    st = perform (im, "STORE", why);
    if (st)
	return st;
    command (im, expunge);
    return perform (im, "EXPUNGE", why);
}

char *
nmf_imap_password_from_command (const char *command_line, char **why)
{
    g_auto (GStrv) argv = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr (GError) e = NULL;
    int status = 0;
    char *nl;

    *why = NULL;
    if (! g_shell_parse_argv (command_line, NULL, &argv, &e)) {
	*why = g_strdup_printf ("followup.imap_password_command cannot be "
				"read: %s", e->message);
	return NULL;
    }
    /* Run without a shell; what it prints on stderr is not shown, it may
     * hold secrets. */
    if (! g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
			&out, &err, &status, &e)) {
	*why = g_strdup_printf ("cannot run the password command '%s': %s",
				argv[0], e->message);
	return NULL;
    }
    if (! g_spawn_check_wait_status (status, NULL)) {
	*why = g_strdup_printf ("the password command '%s' failed", argv[0]);
	return NULL;
    }
    nl = strchr (out, '\n');
    if (nl)
	*nl = '\0';
    if (! *out) {
	*why = g_strdup_printf ("the password command '%s' printed nothing",
				argv[0]);
	return NULL;
    }
    return g_strdup (out);
}
