/* procstore.c — processes in notmuch properties (see nmf/procstore.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nmf/classify.h"
#include "nmf/extract.h"
#include "nmf/maildir.h"
#include "nmf/mime.h"
#include "nmf/employer.h"
#include "nmf/procstore.h"
#include "nmf/text.h"

/* The keys (see nmf/procstore.h): this module alone names them. */
#define NMF_PROP_KIND "followup.kind"
#define NMF_PROP_PROCESS "followup.process"
#define NMF_PROP_ROUND "followup.round"
#define NMF_PROP_INTERVIEWER "followup.interviewer"
#define NMF_PROP_COMPANY "followup.company"
#define NMF_PROP_ROLE "followup.role"
#define NMF_PROP_OPEN "followup.open"
#define NMF_PROP_STATE "followup.state"
#define NMF_PROP_DRAFTED "followup.drafted"
#define NMF_PROP_DRAFT "followup.draft"
#define NMF_PROP_AUTO "followup.auto"
#define NMF_PROP_TOPIC "followup.topic"
#define NMF_PROP_TIMELINE "followup.timeline"
#define NMF_PROP_REQUEST "followup.request"
#define NMF_PROP_REQUEST_BY "followup.request-by"
#define NMF_PROP_PHONE "followup.phone"
#define NMF_PROP_MEMBER "followup.member"
#define NMF_PROP_DOMAIN "followup.domain"
#define NMF_PROP_IGNORE "followup.ignore"
#define NMF_PROP_CLOSED "followup.closed"
#define NMF_PROP_SNOOZE "followup.snooze"
#define NMF_PROP_DECISION_BY "followup.decision-by"
#define NMF_PROP_USER_ROUND "followup.user-round"
#define NMF_PROP_USER_INTERVIEWER "followup.user-interviewer"
#define NMF_PROP_KEEP_IN_TOUCH "followup.keep-in-touch"
#define NMF_PROP_KEEP "followup.keep"
/* On the anchor: when scan first evaluated the process (seconds since
 * the epoch; an earlier scan, walking back in time, lowers it). */
#define NMF_PROP_FIRST_SEEN "followup.first-seen"
/* On the anchor: when scan must evaluate the process again without news
 * (seconds since the epoch, or "never"). */
#define NMF_PROP_RECHECK "followup.recheck"
/* On the anchor, one per address: whom the user may write in a new
 * thread for that mail to join the process (lowercase). */
#define NMF_PROP_CONTACT "followup.contact"
/* Steering (note): kept on the anchor, applied by load_overrides. */
#define PROP_NOT_INTERVIEWER "followup.not-interviewer"
#define PROP_MOVED_ROUND "followup.moved-round"
#define PROP_CANCELLED_ROUND "followup.cancelled-round"
#define PROP_ANSWERED "followup.answered"
/* On a draft of ours: what it was made of (drafts follow the notes). */
#define PROP_DRAFT_SHA "followup.draft-sha"
#define PROP_DRAFT_MADE "followup.draft-made"
#define PROP_DRAFT_STYLE "followup.draft-style"
/* On the anchor: "KEY N", the Nth time KEY was drafted again. */
#define PROP_REDRAFT "followup.redraft"

static void
person_free_cb (gpointer p)
{
    nmf_person_free (p);
}

void
nmf_loaded_free (struct nmf_loaded **lp)
{
    struct nmf_loaded *l;

    if (! lp || ! *lp)
	return;
    l = *lp;
    nmf_process_free (&l->proc);
    g_free (l->anchor_id);
    g_ptr_array_unref (l->threads);
    g_ptr_array_unref (l->drafted);
    g_free (l->reply_id);
    g_ptr_array_unref (l->reply_refs);
    g_free (l->subject);
    g_free (l->user_addr);
    g_free (l->topic);
    g_ptr_array_unref (l->joined);
    g_free (l);
    *lp = NULL;
}

char *
nmf_process_id_for (const char *message_id)
{
    g_autofree char *sum = g_compute_checksum_for_string (
	G_CHECKSUM_SHA1, message_id ? message_id : "", -1);

    return g_strdup_printf ("p%.12s", sum);
}

struct find_pid {
    char *pid;
};

static int
find_pid_cb (struct nmf_dbmsg *m, void *data)
{
    struct find_pid *fp = data;
    const char *pid = nmf_dbmsg_property (m, NMF_PROP_PROCESS);

    if (pid && *pid) {
	fp->pid = g_strdup (pid);
	return 1;
    }
    return 0;
}

char *
nmf_store_thread_process (struct nmf_db *db, const char *thread)
{
    /* Members carry the process id (both are set and cleared together);
     * asking the index for them spares reading every message's
     * properties. */
    g_autofree char *q = g_strdup_printf (
	"thread:%s AND property:" NMF_PROP_MEMBER "=1", thread);
    struct find_pid fp = { NULL };

    if (nmf_db_each_message (db, q, find_pid_cb, &fp))
	return NULL;
    return fp.pid;
}

/* A property value is an index term: Xapian takes at most 245 bytes
 * with the key.  What says least goes first: the part, the title, then
 * the end of the name. */
#define PERSON_VALUE_MAX 200

/* A person as a value of followup.interviewer (parse_person reads it):
 * "ADDR NAME", then "\tTITLE\tPART" when either is known. */
static char *
person_value (const struct nmf_person *p)
{
    g_autofree char *name = nmf_text_one_line (p->name ? p->name : "", 200);
    g_autofree char *title = nmf_text_one_line (p->title ? p->title : "", 80);
    g_autofree char *part = nmf_text_one_line (p->part ? p->part : "", 80);
    gsize fixed = strlen (p->addr) + 1;
    char *v;

    if (fixed + strlen (name) + strlen (title) + strlen (part) + 2
	> PERSON_VALUE_MAX)
	*part = '\0';
    if (fixed + strlen (name) + strlen (title) + 2 > PERSON_VALUE_MAX)
	*title = '\0';
    if (fixed + strlen (name) > PERSON_VALUE_MAX) {
	gsize room = fixed < PERSON_VALUE_MAX ? PERSON_VALUE_MAX - fixed : 0;
	const char *end = name + MIN (room, strlen (name));

	/* Back to the start of a character. */
	while (end > name && (*end & 0xc0) == 0x80)
	    end--;
	name[end - name] = '\0';
    }
    if (! *title && ! *part)
	v = g_strdup_printf ("%s %s", p->addr, name);
    else
	v = g_strdup_printf ("%s %s\t%s\t%s", p->addr, name, title, part);
    return v;
}

static gint
cmp_str (gconstpointer a, gconstpointer b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static enum nmf_status
set_time_prop (struct nmf_dbmsg *m, const char *key, gint64 t)
{
    g_autofree char *v = NULL;

    if (! t)
	return nmf_dbmsg_set_property (m, key, NULL, NULL);
    v = g_strdup_printf ("%" G_GINT64_FORMAT, t);
    return nmf_dbmsg_set_property (m, key, v, NULL);
}

/* The key a text field of a fact is kept under: "followup.NAME". */
static char *
text_key (const struct nmf_fact_field *t)
{
    return g_strconcat ("followup.", t->name, NULL);
}


enum nmf_status
nmf_store_fact (struct nmf_db *db, const struct nmf_fact *f)
{
    struct nmf_dbmsg *m = nmf_db_find (db, f->id);
    enum nmf_status st = NMF_OK;
    g_autoptr (GPtrArray) want = NULL;
    g_autoptr (GPtrArray) have = NULL;
    const struct nmf_fact_field *t;
    gboolean same = TRUE;
    guint i;

    if (! m)
	return NMF_OK;
    /* One write for the message, not one per property. */
    if (nmf_dbmsg_freeze (m)) {
	nmf_dbmsg_release (&m);
	return NMF_ERR_NOTMUCH;
    }
    st = nmf_dbmsg_set_property (m, NMF_PROP_KIND,
				 nmf_kind_to_string (f->kind), NULL);
    if (! st)
	st = nmf_dbmsg_set_property (m, NMF_PROP_AUTO,
				     f->automated ? "1" : NULL, NULL);
    if (! st)
	st = set_time_prop (m, NMF_PROP_TIMELINE, f->timeline);
    if (! st)
	st = set_time_prop (m, NMF_PROP_REQUEST_BY, f->request_by);
    for (t = nmf_fact_text_fields; ! st && t->name; t++) {
	const char *v = *nmf_fact_text ((struct nmf_fact *) f, t);
	g_autofree char *key = text_key (t);

	if (t->when == NMF_FACT_WRITE_ALWAYS
	    || (t->when == NMF_FACT_WRITE_IF_SET && v)
	    || (t->when == NMF_FACT_WRITE_ON_ANCHOR && v && f->anchor))
	    st = nmf_dbmsg_set_property (m, key, v, NULL);
    }
    if (! st && f->pid) {
	st = nmf_dbmsg_set_property (m, NMF_PROP_PROCESS, f->pid, NULL);
	if (! st)
	    st = nmf_dbmsg_set_property (m, NMF_PROP_MEMBER, "1", NULL);
    }
    if (! st && f->anchor && ! nmf_dbmsg_property (m, NMF_PROP_STATE)
	&& ! nmf_dbmsg_property (m, NMF_PROP_CLOSED))
	st = nmf_dbmsg_set_property (m, NMF_PROP_OPEN, "1", NULL);
    if (! st && f->start) {
	g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT
					      " %" G_GINT64_FORMAT,
					      f->start, f->end);

	st = nmf_dbmsg_set_property (m, NMF_PROP_ROUND, v, NULL);
    }

    /* Interviewers of a round: rewrite the list only when it differs. */
    if (! st && f->start) {
	want = g_ptr_array_new_with_free_func (g_free);
	for (i = 0; i < f->people->len; i++) {
	    struct nmf_person *p = f->people->pdata[i];

	    g_ptr_array_add (want, person_value (p));
	}
	have = nmf_dbmsg_properties (m, NMF_PROP_INTERVIEWER);
	/* notmuch returns values sorted; compare as sorted lists. */
	g_ptr_array_sort (want, cmp_str);
	g_ptr_array_sort (have, cmp_str);
	if (have->len != want->len)
	    same = FALSE;
	for (i = 0; same && i < want->len; i++) {
	    if (strcmp (have->pdata[i], want->pdata[i]) != 0)
		same = FALSE;
	}
	if (! same) {
	    st = nmf_dbmsg_set_property (m, NMF_PROP_INTERVIEWER, NULL, NULL);
	    for (i = 0; ! st && i < want->len; i++)
		st = nmf_dbmsg_add_property (m, NMF_PROP_INTERVIEWER,
					     want->pdata[i], NULL);
	}
    }
    if (nmf_dbmsg_thaw (m) && ! st)
	st = NMF_ERR_NOTMUCH;
    nmf_dbmsg_release (&m);
    return st;
}

struct collect_open {
    GPtrArray *out;
    gboolean filter;  /* leave out processes not due for a recheck */
    gint64 now;
};

static int
collect_open_cb (struct nmf_dbmsg *m, void *data)
{
    struct collect_open *co = data;
    GPtrArray *out = co->out;
    const char *pid = nmf_dbmsg_property (m, NMF_PROP_PROCESS);
    const char *recheck;
    guint i;

    if (! pid)
	return 0;
    if (co->filter && (recheck = nmf_dbmsg_property (m, NMF_PROP_RECHECK))) {
	if (strcmp (recheck, "never") == 0)
	    return 0;
	if (g_ascii_strtoll (recheck, NULL, 10) > co->now)
	    return 0;
    }
    for (i = 0; i < out->len; i++) {
	if (strcmp (out->pdata[i], pid) == 0)
	    return 0;
    }
    g_ptr_array_add (out, g_strdup (pid));
    return 0;
}

static GPtrArray *
open_processes (struct nmf_db *db, gboolean keep, gboolean filter, gint64 now)
{
    struct collect_open co = { g_ptr_array_new_with_free_func (g_free),
			       filter, now };

    nmf_db_each_message (db,
			 keep ? "property:" NMF_PROP_OPEN "=1 OR property:"
				NMF_PROP_KEEP "=1"
			      : "property:" NMF_PROP_OPEN "=1",
			 collect_open_cb, &co);
    return co.out;
}

GPtrArray *
nmf_store_open_processes (struct nmf_db *db, gboolean keep)
{
    return open_processes (db, keep, FALSE, 0);
}

GPtrArray *
nmf_store_processes_to_recheck (struct nmf_db *db, gboolean keep,
				gint64 now)
{
    return open_processes (db, keep, TRUE, now);
}

GPtrArray *
nmf_store_all_processes (struct nmf_db *db)
{
    struct collect_open co = { g_ptr_array_new_with_free_func (g_free),
			       FALSE, 0 };

    nmf_db_each_message (db, "property:" NMF_PROP_MEMBER "=1", collect_open_cb,
			 &co);
    return co.out;
}

/* ---- employer identity (the rule: src/core/employer.c) --------------- */

struct employer_find {
    const char *company;
    const char *domain;
    const char *role;
    char *pid;
};

static int
employer_cb (struct nmf_dbmsg *m, void *data)
{
    struct employer_find *e = data;

    if (nmf_same_employer (e->company, e->domain, e->role,
		       nmf_dbmsg_property (m, NMF_PROP_COMPANY),
		       nmf_dbmsg_property (m, NMF_PROP_DOMAIN),
		       nmf_dbmsg_property (m, NMF_PROP_ROLE))) {
	e->pid = g_strdup (nmf_dbmsg_property (m, NMF_PROP_PROCESS));
	return 1;
    }
    return 0;
}

char *
nmf_store_find_employer (struct nmf_db *db, const char *company,
			 const char *domain, const char *role,
			 GPtrArray *facts)
{
    struct employer_find e = { company, domain, role, NULL };
    guint i;

    if (! company && ! domain)
	return NULL;
    for (i = 0; facts && i < facts->len; i++) {
	const struct nmf_fact *f = facts->pdata[i];

	if (f->anchor && f->pid
	    && nmf_same_employer (company, domain, role, f->company, f->domain,
			      f->role))
	    return g_strdup (f->pid);
    }
    nmf_db_each_message (db, "property:" NMF_PROP_OPEN "=1", employer_cb, &e);
    return e.pid;
}

/* ---- loading ------------------------------------------------------- */

static gboolean
str_in (GPtrArray *a, const char *s)
{
    guint i;

    for (i = 0; i < a->len; i++) {
	if (strcmp (a->pdata[i], s) == 0)
	    return TRUE;
    }
    return FALSE;
}

static void
add_unique (GPtrArray *a, const char *s)
{
    if (s && *s && ! str_in (a, s))
	g_ptr_array_add (a, g_strdup (s));
}

static gint64
time_prop (struct nmf_dbmsg *m, const char *key)
{
    const char *s = nmf_dbmsg_property (m, key);

    return s ? g_ascii_strtoll (s, NULL, 10) : 0;
}

/* "START END" */
static void
parse_round (const char *s, gint64 *start, gint64 *end)
{
    char *e = NULL;
    gint64 a = g_ascii_strtoll (s, &e, 10), b = 0;

    if (e && *e == ' ')
	b = g_ascii_strtoll (e + 1, NULL, 10);
    *start = a;
    *end = b > a ? b : a;
}

/* "ADDR NAME", then "\tTITLE\tPART" when the invitation said either
 * (values of followup.interviewer; ADDR is "" for someone named without
 * one). */
static struct nmf_person *
parse_person (const char *v)
{
    const char *sp = strchr (v, ' ');
    g_autofree char *addr = sp ? g_strndup (v, sp - v) : g_strdup (v);
    g_auto (GStrv) cols = g_strsplit (sp ? sp + 1 : "", "\t", 3);
    struct nmf_person *p = nmf_person_new (cols[0], addr, NULL);

    if (cols[0] && cols[1] && *cols[1])
	p->title = g_strdup (cols[1]);
    if (cols[0] && cols[1] && cols[2] && *cols[2])
	p->part = g_strdup (cols[2]);
    return p;
}

/* A fact read back from a message's properties. */
static struct nmf_fact *
fact_from_msg (struct nmf_dbmsg *m)
{
    struct nmf_fact *f = nmf_fact_new (nmf_dbmsg_id (m), nmf_dbmsg_thread (m));
    const struct nmf_fact_field *t;
    const char *s;
    g_autoptr (GPtrArray) who = NULL;
    guint i;

    f->pid = g_strdup (nmf_dbmsg_property (m, NMF_PROP_PROCESS));
    f->date = nmf_dbmsg_date (m);
    s = nmf_dbmsg_property (m, NMF_PROP_KIND);
    if (! s || ! nmf_kind_from_string (s, &f->kind))
	f->kind = NMF_KIND_UNRELATED;
    f->anchor = nmf_store_is_anchor (m);
    f->request_by = time_prop (m, NMF_PROP_REQUEST_BY);
    s = nmf_dbmsg_property (m, NMF_PROP_ROUND);
    if (s)
	parse_round (s, &f->start, &f->end);
    for (t = nmf_fact_text_fields; t->name; t++) {
	g_autofree char *key = text_key (t);

	*nmf_fact_text (f, t) = g_strdup (nmf_dbmsg_property (m, key));
    }
    who = nmf_dbmsg_properties (m, NMF_PROP_INTERVIEWER);
    for (i = 0; i < who->len; i++)
	g_ptr_array_add (f->people, parse_person (who->pdata[i]));
    return f;
}

struct load_ctx {
    struct nmf_loaded *l;
    const struct nmf_config *cfg;
    GPtrArray *facts;   /* of struct nmf_fact * (owned) */
    GHashTable *seen;   /* message ids added to proc->msgs */
    gboolean joining;   /* the walk over the user's mail to its people */
    struct nmf_db *db;
    GHashTable *vetted; /* thread id -> GINT_TO_POINTER (1 may join, 2 not) */
};

/* May the user's mail in thread join the process: the thread is no
 * other process's, and the user ignored nothing in it. */
static gboolean
thread_may_join (struct load_ctx *c, const char *thread)
{
    gpointer v = g_hash_table_lookup (c->vetted, thread);
    g_autofree char *other = NULL;
    g_autofree char *q = NULL;
    unsigned ignored = 0;
    gboolean ok;

    if (v)
	return GPOINTER_TO_INT (v) == 1;
    other = nmf_store_thread_process (c->db, thread);
    q = g_strdup_printf ("thread:%s AND property:" NMF_PROP_IGNORE "=1",
			 thread);
    ok = (! other || strcmp (other, c->l->proc->id) == 0)
	 && nmf_db_count (c->db, q, &ignored) == NMF_OK && ! ignored;
    g_hash_table_insert (c->vetted, g_strdup (thread),
			 GINT_TO_POINTER (ok ? 1 : 2));
    return ok;
}

static int
load_fact_cb (struct nmf_dbmsg *m, void *data)
{
    struct load_ctx *c = data;

    g_ptr_array_add (c->facts, fact_from_msg (m));
    return 0;
}

/* A message of a process's threads that scan has not classified yet (it
 * arrived in a thread before the thread had a process, or the run that
 * would have looked at it was a dry run): read it now, to know whether it
 * is the employer's word, an automated notice, or states a date. */
static void
classify_late (struct nmf_dbmsg *m, const struct nmf_config *cfg,
	       struct nmf_pmsg *pm)
{
    struct nmf_message *msg = NULL;
    struct nmf_classification c;
    struct nmf_extract x;
    g_autofree char *why = NULL;

    if (nmf_mime_parse_file (nmf_dbmsg_filename (m), &msg, &why))
	return;
    nmf_classify_message (msg, nmf_config_user_emails (cfg), &c);
    nmf_extract_message (msg, nmf_config_user_emails (cfg), &x);
    pm->kind = nmf_classification_acts_as (&c,
					   nmf_config_act_confidence (cfg));
    pm->automated = c.automated;
    pm->timeline = x.timeline;
    pm->request = g_strdup (x.request);
    pm->request_by = x.request_by;
    nmf_classification_release (&c);
    nmf_extract_release (&x);
    nmf_message_free (&msg);
}

static int
load_msg_cb (struct nmf_dbmsg *m, void *data)
{
    struct load_ctx *c = data;
    const char *const *mine = nmf_config_user_emails (c->cfg);
    g_autoptr (GPtrArray) to = NULL;
    g_autoptr (GPtrArray) cc = NULL;
    struct nmf_address *from;
    struct nmf_pmsg *pm;
    const char *kind;
    const char *phone;
    guint i;

    if (g_hash_table_contains (c->seen, nmf_dbmsg_id (m)))
	return 0;
    /* Mail that joins by its recipients brings its thread only when that
     * thread is no other process's and nothing in it was ignored. */
    if (c->joining && ! thread_may_join (c, nmf_dbmsg_thread (m)))
	return 0;
    g_hash_table_add (c->seen, g_strdup (nmf_dbmsg_id (m)));
    add_unique (c->l->threads, nmf_dbmsg_thread (m));

    from = nmf_mime_parse_address (nmf_dbmsg_header (m, "from"));
    pm = nmf_pmsg_new (nmf_dbmsg_id (m), nmf_dbmsg_date (m),
		       from ? from->addr : "");
    pm->from_name = from && from->name ? g_strdup (from->name) : NULL;
    pm->subject = g_strdup (nmf_dbmsg_header (m, "subject"));
    nmf_address_free (from);
    pm->from_user = nmf_address_in (pm->from, mine);
    /* The user's own mail is few: reading its file names is cheap. */
    pm->is_draft = pm->from_user || nmf_store_draft_key (m)
		       ? nmf_store_is_draft (m, c->cfg)
		       : nmf_dbmsg_has_tag (m, "draft");
    kind = nmf_dbmsg_property (m, NMF_PROP_KIND);
    if (kind && nmf_kind_from_string (kind, &pm->kind)) {
	pm->automated = nmf_dbmsg_property (m, NMF_PROP_AUTO) != NULL;
	pm->timeline = time_prop (m, NMF_PROP_TIMELINE);
	pm->request = g_strdup (nmf_dbmsg_property (m, NMF_PROP_REQUEST));
	pm->request_by = time_prop (m, NMF_PROP_REQUEST_BY);
    } else {
	pm->kind = NMF_KIND_UNRELATED;
	if (! pm->is_draft)
	    classify_late (m, c->cfg, pm);
    }
    phone = nmf_dbmsg_property (m, NMF_PROP_PHONE);
    if (phone && strchr (phone, ' '))
	pm->phone = g_strdup (strchr (phone, ' ') + 1);
    if (pm->from_user) {
	/* The user's own mail is few; reading its recipients from the
	 * file is cheap and tells whom it thanked. */
	to = nmf_mime_parse_addresses (nmf_dbmsg_header (m, "to"));
	cc = nmf_mime_parse_addresses (nmf_dbmsg_header (m, "cc"));
	for (i = 0; i < to->len; i++)
	    g_ptr_array_add (pm->recipients, g_strdup (to->pdata[i]));
	for (i = 0; i < cc->len; i++)
	    g_ptr_array_add (pm->recipients, g_strdup (cc->pdata[i]));
    } else if (nmf_address_is_robot (pm->from)) {
	/* A robot's Reply-To may be a person to answer. */
	struct nmf_address *rt = nmf_mime_parse_address (
	    nmf_dbmsg_header (m, "reply-to"));

	if (rt && ! nmf_address_is_robot (rt->addr))
	    pm->reply_to = g_strdup (rt->addr);
	nmf_address_free (rt);
    }
    if (c->joining && ! pm->is_draft
	&& ! nmf_dbmsg_property (m, NMF_PROP_MEMBER)) {
	struct nmf_fact *f = nmf_fact_new (pm->id, nmf_dbmsg_thread (m));

	f->pid = g_strdup (c->l->proc->id);
	f->date = pm->date;
	f->kind = pm->kind;
	f->automated = pm->automated;
	f->timeline = pm->timeline;
	f->request = g_strdup (pm->request);
	f->request_by = pm->request_by;
	g_ptr_array_add (c->l->joined, f);
    }
    g_ptr_array_add (c->l->proc->msgs, pm);
    return 0;
}

static void
fact_free_cb (gpointer p)
{
    nmf_fact_free (p);
}

/* The people mail from the user may go to for it to join the process in
 * a new thread (DESIGN §5): the interviewers of its rounds and the people
 * (not robots) who wrote in it.  Borrowed strings, unsorted, may repeat;
 * g_ptr_array_unref. */
static GPtrArray *
process_people (const struct nmf_process *proc)
{
    GPtrArray *people = g_ptr_array_new ();
    guint i, k;

    for (i = 0; i < proc->rounds->len; i++) {
	const struct nmf_round *r = proc->rounds->pdata[i];

	for (k = 0; k < r->interviewers->len; k++) {
	    const struct nmf_person *p = r->interviewers->pdata[k];

	    if (p->addr && *p->addr)
		g_ptr_array_add (people, p->addr);
	}
    }
    for (i = 0; i < proc->msgs->len; i++) {
	const struct nmf_pmsg *m = proc->msgs->pdata[i];

	if (! m->from_user && ! m->automated && *m->from
	    && ! nmf_address_is_robot (m->from))
	    g_ptr_array_add (people, m->from);
    }
    return people;
}

enum nmf_status
nmf_store_contacts (struct nmf_dbmsg *anchor, const struct nmf_loaded *l)
{
    g_autoptr (GPtrArray) want = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GPtrArray) have = NULL;
    enum nmf_status st = NMF_OK;
    guint i;

    /* Only a process with an interview takes the user's mail from a new
     * thread (nmf_store_load). */
    if (l->proc->rounds->len) {
	g_autoptr (GPtrArray) people = process_people (l->proc);

	for (i = 0; i < people->len; i++) {
	    char *a = g_ascii_strdown (people->pdata[i], -1);

	    if (g_ptr_array_find_with_equal_func (want, a, g_str_equal, NULL))
		g_free (a);
	    else
		g_ptr_array_add (want, a);
	}
    }
    g_ptr_array_sort (want, cmp_str);
    have = nmf_dbmsg_properties (anchor, NMF_PROP_CONTACT);
    g_ptr_array_sort (have, cmp_str);
    if (have->len == want->len) {
	for (i = 0; i < want->len; i++) {
	    if (strcmp (have->pdata[i], want->pdata[i]) != 0)
		break;
	}
	if (i == want->len)
	    return NMF_OK;
    }
    st = nmf_dbmsg_set_property (anchor, NMF_PROP_CONTACT, NULL, NULL);
    for (i = 0; ! st && i < want->len; i++)
	st = nmf_dbmsg_add_property (anchor, NMF_PROP_CONTACT, want->pdata[i],
				     NULL);
    return st;
}

GPtrArray *
nmf_store_processes_of_contacts (struct nmf_db *db, gboolean keep,
				 GPtrArray *addrs)
{
    struct collect_open co = { g_ptr_array_new_with_free_func (g_free),
			       FALSE, 0 };
    g_autoptr (GString) q = g_string_new (NULL);
    guint i, n = 0;

    for (i = 0; i <= addrs->len; i++) {
	const char *a = i < addrs->len ? addrs->pdata[i] : NULL;

	/* An address a search term cannot hold is no contact we stored
	 * either way: every process is then asked (see below). */
	if (a && *a) {
	    g_autofree char *low = g_ascii_strdown (a, -1);

	    if (strpbrk (low, "\" ()")) {
		g_ptr_array_unref (co.out);
		return open_processes (db, keep, FALSE, 0);
	    }
	    g_string_append_printf (q, "%sproperty:\"" NMF_PROP_CONTACT "=%s\"",
				    n++ ? " OR " : "(", low);
	}
	if (n && (n == 100 || ! a)) {
	    g_autofree char *query = NULL;

	    g_string_append_c (q, ')');
	    query = g_strdup_printf (
		keep ? "%s AND (property:" NMF_PROP_OPEN "=1 OR property:"
		       NMF_PROP_KEEP "=1)"
		     : "%s AND property:" NMF_PROP_OPEN "=1",
		q->str);
	    nmf_db_each_message (db, query, collect_open_cb, &co);
	    g_string_truncate (q, 0);
	    n = 0;
	}
    }
    return co.out;
}


static char *
or_query (const char *prefix, GPtrArray *values)
{
    GString *q = g_string_new (NULL);
    guint i;

    for (i = 0; i < values->len; i++) {
	g_autofree char *quoted = nmf_db_quote (values->pdata[i]);

	g_string_append_printf (q, "%s%s:%s", i ? " OR " : "", prefix,
				quoted);
    }
    return g_string_free (q, FALSE);
}

struct reply_ctx {
    struct nmf_loaded *l;
    const struct nmf_config *cfg;
};

static int
reply_cb (struct nmf_dbmsg *m, void *data)
{
    struct reply_ctx *rc = data;
    struct nmf_loaded *l = rc->l;
    const char *refs = nmf_dbmsg_header (m, "references");
    const char *const *mine = nmf_config_user_emails (rc->cfg);
    g_auto (GStrv) parts = NULL;
    const char *fields[] = { "to", "cc", "delivered-to" };
    size_t f;
    int i;

    g_free (l->subject);
    l->subject = g_strdup (nmf_dbmsg_header (m, "subject"));
    parts = g_strsplit_set (refs, " \t\r\n", -1);
    for (i = 0; parts[i]; i++) {
	char *id = parts[i];
	gsize n = strlen (id);

	if (n > 2 && id[0] == '<' && id[n - 1] == '>') {
	    id[n - 1] = '\0';
	    add_unique (l->reply_refs, id + 1);
	}
    }
    add_unique (l->reply_refs, nmf_dbmsg_id (m));
    /* Answer from the address the employer wrote to (DESIGN §6). */
    for (f = 0; f < G_N_ELEMENTS (fields) && ! l->user_addr; f++) {
	g_autoptr (GPtrArray) addrs
	    = nmf_mime_parse_addresses (nmf_dbmsg_header (m, fields[f]));
	guint k;

	for (k = 0; k < addrs->len && ! l->user_addr; k++) {
	    if (nmf_address_in (addrs->pdata[k], mine))
		l->user_addr = g_strdup (addrs->pdata[k]);
	}
    }
    return 1;
}

static void apply_steering (struct nmf_dbmsg *a, struct nmf_process *p);

/* What the user told us, kept on the anchor (DESIGN §3 note, close,
 * snooze). */
static void
load_overrides (struct nmf_db *db, struct nmf_loaded *l)
{
    struct nmf_dbmsg *a = nmf_db_find (db, l->anchor_id);
    g_autoptr (GPtrArray) d = NULL;
    g_autoptr (GPtrArray) rounds = NULL;
    g_autoptr (GPtrArray) who = NULL;
    guint i;

    if (! a)
	return;
    d = nmf_dbmsg_properties (a, NMF_PROP_DRAFTED);
    for (i = 0; i < d->len; i++)
	add_unique (l->drafted, d->pdata[i]);
    l->proc->closed = nmf_dbmsg_property (a, NMF_PROP_CLOSED) != NULL;
    /* followup.closed holds when the user closed it ("1" before). */
    l->proc->closed_at = time_prop (a, NMF_PROP_CLOSED);
    if (l->proc->closed_at < 1000000)
	l->proc->closed_at = 0;
    {
	g_autoptr (GPtrArray) keep = nmf_dbmsg_properties (
	    a, NMF_PROP_KEEP_IN_TOUCH);

	for (i = 0; i < keep->len; i++)
	    g_ptr_array_add (l->proc->keep_in_touch,
			     parse_person (keep->pdata[i]));
    }
    l->proc->snoozed_until = time_prop (a, NMF_PROP_SNOOZE);
    l->proc->first_seen = time_prop (a, NMF_PROP_FIRST_SEEN);
    l->proc->decision_by = time_prop (a, NMF_PROP_DECISION_BY);
    l->proc->answered_at = time_prop (a, PROP_ANSWERED);
    who = g_ptr_array_new_with_free_func (person_free_cb);
    {
	g_autoptr (GPtrArray) names = nmf_dbmsg_properties (
	    a, NMF_PROP_USER_INTERVIEWER);

	for (i = 0; i < names->len; i++)
	    g_ptr_array_add (who, parse_person (names->pdata[i]));
    }
    rounds = nmf_dbmsg_properties (a, NMF_PROP_USER_ROUND);
    for (i = 0; i < rounds->len; i++) {
	gint64 s, e;

	parse_round (rounds->pdata[i], &s, &e);
	nmf_process_add_round (l->proc, s, e, who);
    }
    /* Interviewers named without a time join the latest round. */
    if (! rounds->len && who->len && l->proc->rounds->len) {
	const struct nmf_round *r
	    = l->proc->rounds->pdata[l->proc->rounds->len - 1];

	nmf_process_add_round (l->proc, r->start, r->end, who);
    }
    apply_steering (a, l->proc);
    nmf_dbmsg_release (&a);
}

struct nmf_loaded *
nmf_store_load (struct nmf_db *db, const struct nmf_config *cfg,
		const char *pid, GPtrArray *extra)
{
    struct nmf_loaded *l = g_new0 (struct nmf_loaded, 1);
    struct load_ctx c = { 0 };
    g_autofree char *q = NULL;
    const struct nmf_fact *latest = NULL, *anchor;
    guint i;

    l->proc = nmf_process_new (pid);
    l->threads = g_ptr_array_new_with_free_func (g_free);
    l->drafted = g_ptr_array_new_with_free_func (g_free);
    l->reply_refs = g_ptr_array_new_with_free_func (g_free);
    l->joined = g_ptr_array_new_with_free_func (fact_free_cb);
    c.l = l;
    c.cfg = cfg;
    c.db = db;
    c.vetted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    c.facts = g_ptr_array_new_with_free_func (fact_free_cb);
    c.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    q = g_strdup_printf ("property:\"" NMF_PROP_PROCESS "=%s\"", pid);
    nmf_db_each_message (db, q, load_fact_cb, &c);
    for (i = 0; extra && i < extra->len; i++) {
	struct nmf_fact *f = extra->pdata[i];

	if (f->pid && strcmp (f->pid, pid) == 0)
	    g_ptr_array_add (c.facts, nmf_fact_copy (f));
    }
    if (! c.facts->len) {
	g_ptr_array_unref (c.facts);
	g_hash_table_unref (c.seen);
	g_hash_table_unref (c.vetted);
	nmf_loaded_free (&l);
	return NULL;
    }

    /* Rounds, people, company and role: the core's rules
     * (src/core/fact.c). */
    for (i = 0; i < c.facts->len; i++)
	add_unique (l->threads, ((struct nmf_fact *) c.facts->pdata[i])->thread);
    anchor = nmf_facts_assemble (l->proc, c.facts, &latest);
    l->anchor_id = g_strdup (anchor->id);
    l->reply_id = g_strdup (latest->id);
    l->topic = g_strdup (latest->topic);

    /* Every message of the process's threads.  The query is built before
     * the walk, which may add threads (it must not see them). */
    {
	g_autofree char *tq = or_query ("thread", l->threads);

	nmf_db_each_message (db, tq, load_msg_cb, &c);
    }
    load_overrides (db, l);

    /* DESIGN §5: what the user writes to a person of the process after
     * an interview joins it, even in a new thread. */
    if (l->proc->rounds->len && nmf_config_user_emails (cfg)[0]) {
	g_autoptr (GPtrArray) mine = g_ptr_array_new ();
	g_autoptr (GPtrArray) people = process_people (l->proc);
	const struct nmf_round *first = l->proc->rounds->pdata[0];
	const char *const *u;

	for (u = nmf_config_user_emails (cfg); *u; u++)
	    g_ptr_array_add (mine, (gpointer) *u);
	if (people->len) {
	    g_autofree char *fq = or_query ("from", mine);
	    g_autofree char *tq = or_query ("to", people);
	    g_autofree char *uq = g_strdup_printf (
		"(%s) AND (%s) AND date:@%" G_GINT64_FORMAT "..", fq, tq,
		first->start);

	    guint walked = l->threads->len;

	    c.joining = TRUE;
	    nmf_db_each_message (db, uq, load_msg_cb, &c);
	    c.joining = FALSE;
	    /* An answer of the employer's inside such a thread (to the
	     * user's thank-you, say) is the process's too. */
	    if (l->threads->len > walked) {
		g_autoptr (GPtrArray) more = g_ptr_array_new ();
		g_autofree char *mq = NULL;

		for (i = walked; i < l->threads->len; i++)
		    g_ptr_array_add (more, l->threads->pdata[i]);
		mq = or_query ("thread", more);
		c.joining = TRUE;
		nmf_db_each_message (db, mq, load_msg_cb, &c);
		c.joining = FALSE;
	    }
	}
    }
    nmf_process_sort (l->proc);

    /* Where a draft should reply (src/core/fact.c). */
    {
	char *target = g_strdup (nmf_process_reply_target (l->proc, NULL,
							   l->reply_id));

	g_free (l->reply_id);
	l->reply_id = target;
    }
    {
	g_autofree char *idq = nmf_db_quote (l->reply_id);
	g_autofree char *rq = g_strdup_printf ("id:%s", idq);

	struct reply_ctx rc = { l, cfg };

	nmf_db_each_message (db, rq, reply_cb, &rc);
    }

    g_ptr_array_unref (c.facts);
    g_hash_table_unref (c.seen);
    g_hash_table_unref (c.vetted);
    return l;
}

enum nmf_status
nmf_store_joined (struct nmf_db *db, const struct nmf_loaded *l)
{
    enum nmf_status st = NMF_OK;
    guint i;

    for (i = 0; ! st && i < l->joined->len; i++)
	st = nmf_store_fact (db, l->joined->pdata[i]);
    return st;
}

gboolean
nmf_store_is_draft (struct nmf_dbmsg *m, const struct nmf_config *cfg)
{
    g_autoptr (GPtrArray) files = nmf_dbmsg_filenames (m);
    gboolean in_drafts = FALSE;
    guint i;

    for (i = 0; i < files->len; i++) {
	const char *f = files->pdata[i];

	if (access (f, F_OK) != 0)
	    continue;
	if (! nmf_maildir_file_is_draft (f, cfg->drafts_folder))
	    return FALSE;   /* a sent copy */
	in_drafts = TRUE;
    }
    return in_drafts || nmf_dbmsg_has_tag (m, "draft")
	|| nmf_store_draft_key (m) != NULL;
}

const char *
nmf_store_draft_key (struct nmf_dbmsg *m)
{
    return nmf_dbmsg_property (m, NMF_PROP_DRAFT);
}

const char *
nmf_store_live_draft (struct nmf_dbmsg *m, const struct nmf_config *cfg)
{
    const char *key = nmf_store_draft_key (m);

    if (! key || nmf_dbmsg_has_tag (m, "deleted")
	|| ! nmf_store_is_draft (m, cfg))
	return NULL;
    return key;
}

enum nmf_status
nmf_store_record_draft (struct nmf_dbmsg *draft, struct nmf_dbmsg *anchor,
			const char *pid, const char *key)
{
    g_autofree char *prop = g_strdup_printf ("%s:%s", pid, key);
    enum nmf_status st;

    st = nmf_dbmsg_set_property (draft, NMF_PROP_DRAFT, prop, NULL);
    if (! st)
	st = nmf_dbmsg_set_property (draft, NMF_PROP_PROCESS, pid, NULL);
    if (! st && anchor)
	st = nmf_dbmsg_add_property (anchor, NMF_PROP_DRAFTED, key, NULL);
    return st;
}

struct live_ctx {
    const struct nmf_config *cfg;
    GPtrArray *out;
};

static void
live_draft_free (gpointer p)
{
    struct nmf_live_draft *d = p;

    g_free (d->id);
    g_free (d->key);
    g_free (d->file);
    g_free (d);
}

static int
live_cb (struct nmf_dbmsg *m, void *data)
{
    struct live_ctx *c = data;
    const char *key = nmf_store_live_draft (m, c->cfg);
    const char *colon = key ? strchr (key, ':') : NULL;
    g_autoptr (GPtrArray) files = NULL;
    struct nmf_live_draft *d;
    guint i;

    if (! colon)
	return 0;
    d = g_new0 (struct nmf_live_draft, 1);
    d->id = g_strdup (nmf_dbmsg_id (m));
    d->key = g_strdup (colon + 1);
    files = nmf_dbmsg_filenames (m);
    for (i = 0; i < files->len && ! d->file; i++) {
	if (access (files->pdata[i], F_OK) == 0)
	    d->file = g_strdup (files->pdata[i]);
    }
    if (! d->file) {
	d->file = g_strdup (nmf_dbmsg_filename (m));
	d->gone = TRUE;
    }
    g_ptr_array_add (c->out, d);
    return 0;
}

GPtrArray *
nmf_store_live_drafts (struct nmf_db *db, const struct nmf_config *cfg,
		       const char *pid)
{
    g_autofree char *q = g_strdup_printf (
	"property:\"" NMF_PROP_PROCESS "=%s\" AND tag:draft", pid);
    struct live_ctx c = { cfg, g_ptr_array_new_with_free_func (
				    live_draft_free) };

    nmf_db_each_message (db, q, live_cb, &c);
    return c.out;
}

/* ---- what the user said for the drafts, and push's record ------------ */

#define PROP_NOTE "followup.note"
#define PROP_NOTE_TO "followup.note-to"
#define PROP_PUSHED "followup.pushed"

static enum nmf_status remove_person (struct nmf_dbmsg *anchor,
				      const char *key, const char *addr);

char *
nmf_store_note (struct nmf_dbmsg *anchor, const char *addr)
{
    g_autoptr (GPtrArray) to = nmf_dbmsg_properties (anchor, PROP_NOTE_TO);
    gsize n = addr ? strlen (addr) : 0;
    guint i;

    /* "ADDR TEXT", one per person. */
    for (i = 0; addr && to && i < to->len; i++) {
	const char *v = to->pdata[i];

	if (strcspn (v, " ") == n && g_ascii_strncasecmp (v, addr, n) == 0
	    && v[n])
	    return g_strdup (v + n + 1);
    }
    return addr ? NULL : g_strdup (nmf_dbmsg_property (anchor, PROP_NOTE));
}

GPtrArray *
nmf_store_notes (struct nmf_dbmsg *anchor)
{
    GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GPtrArray) to = nmf_dbmsg_properties (anchor, PROP_NOTE_TO);
    const char *all = nmf_dbmsg_property (anchor, PROP_NOTE);
    guint i;

    if (all)
	g_ptr_array_add (out, g_strconcat ("* ", all, NULL));
    for (i = 0; to && i < to->len; i++)
	g_ptr_array_add (out, g_strdup (to->pdata[i]));
    return out;
}

enum nmf_status
nmf_store_set_note (struct nmf_dbmsg *anchor, const char *addr,
		    const char *text)
{
    if (addr) {
	g_autofree char *lower = g_ascii_strdown (addr, -1);
	g_autofree char *v = g_strdup_printf ("%s %s", lower, text);
	/* A new note for someone replaces their old one. */
	enum nmf_status st = remove_person (anchor, PROP_NOTE_TO, lower);

	return st ? st : nmf_dbmsg_add_property (anchor, PROP_NOTE_TO, v, NULL);
    }
    return nmf_dbmsg_set_property (anchor, PROP_NOTE, text, NULL);
}

const char *
nmf_store_pushed (struct nmf_dbmsg *m)
{
    return nmf_dbmsg_property (m, PROP_PUSHED);
}

enum nmf_status
nmf_store_set_pushed (struct nmf_dbmsg *m, const char *value)
{
    return nmf_dbmsg_set_property (m, PROP_PUSHED, value, NULL);
}

gboolean
nmf_store_is_anchor (struct nmf_dbmsg *m)
{
    /* The anchor carries the process's own properties: open, its last
     * state, or the user's closing. */
    return nmf_dbmsg_property (m, NMF_PROP_OPEN) != NULL
	   || nmf_dbmsg_property (m, NMF_PROP_STATE) != NULL
	   || nmf_dbmsg_property (m, NMF_PROP_CLOSED) != NULL;
}

enum nmf_status
nmf_store_mark_seen (struct nmf_dbmsg *anchor, gint64 now)
{
    gint64 seen = time_prop (anchor, NMF_PROP_FIRST_SEEN);

    if (seen && seen <= now)
	return NMF_OK;
    return set_time_prop (anchor, NMF_PROP_FIRST_SEEN, now);
}


enum nmf_status
nmf_store_set_decision_by (struct nmf_dbmsg *anchor, gint64 day)
{
    return set_time_prop (anchor, NMF_PROP_DECISION_BY, day);
}

enum nmf_status
nmf_store_add_round (struct nmf_dbmsg *anchor, gint64 start, gint64 end)
{
    g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT
					  " %" G_GINT64_FORMAT, start, end);

    return nmf_dbmsg_add_property (anchor, NMF_PROP_USER_ROUND, v, NULL);
}

/* "ADDR NAME" values of key whose address is addr. */
static enum nmf_status
remove_person (struct nmf_dbmsg *anchor, const char *key, const char *addr)
{
    g_autoptr (GPtrArray) have = nmf_dbmsg_properties (anchor, key);
    enum nmf_status st = NMF_OK;
    gsize n = strlen (addr);
    guint i;

    for (i = 0; ! st && i < have->len; i++) {
	const char *v = have->pdata[i];

	if (strcspn (v, " ") == n && g_ascii_strncasecmp (v, addr, n) == 0)
	    st = nmf_dbmsg_remove_property (anchor, key, v);
    }
    return st;
}

enum nmf_status
nmf_store_add_interviewer (struct nmf_dbmsg *anchor, const char *addr,
			   const char *name)
{
    g_autofree char *low = g_ascii_strdown (addr, -1);
    g_autofree char *v = g_strdup_printf ("%s %s", low, name ? name : "");
    enum nmf_status st;

    st = nmf_dbmsg_remove_property (anchor, PROP_NOT_INTERVIEWER, low);
    if (! st)
	st = nmf_dbmsg_add_property (anchor, NMF_PROP_USER_INTERVIEWER, v,
				     NULL);
    return st;
}

enum nmf_status
nmf_store_not_interviewer (struct nmf_dbmsg *anchor, const char *addr)
{
    g_autofree char *low = g_ascii_strdown (addr, -1);
    enum nmf_status st;

    st = remove_person (anchor, NMF_PROP_USER_INTERVIEWER, low);
    if (! st)
	st = nmf_dbmsg_add_property (anchor, PROP_NOT_INTERVIEWER, low, NULL);
    return st;
}

enum nmf_status
nmf_store_move_round (struct nmf_dbmsg *anchor, gint64 from, gint64 start,
		      gint64 end)
{
    g_autoptr (GPtrArray) have = nmf_dbmsg_properties (anchor,
						       PROP_MOVED_ROUND);
    g_autofree char *v = NULL;
    enum nmf_status st = NMF_OK;
    gint64 origin = from;
    guint i;

    /* The values come back sorted, not in the order given: a move of a
     * round that an earlier move put at `from` replaces that one
     * ("moved to Tuesday, then back to Wednesday" is one move, or
     * none). */
    for (i = 0; ! st && i < have->len; i++) {
	gint64 x = 0, s = 0, e = 0;

	if (sscanf (have->pdata[i], "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT
		    " %" G_GINT64_FORMAT, &x, &s, &e) == 3
	    && s == from) {
	    origin = x;
	    st = nmf_dbmsg_remove_property (anchor, PROP_MOVED_ROUND,
					    have->pdata[i]);
	}
    }
    if (st || origin == start)
	return st;
    v = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT
			 " %" G_GINT64_FORMAT, origin, start, end);
    return nmf_dbmsg_add_property (anchor, PROP_MOVED_ROUND, v, NULL);
}

enum nmf_status
nmf_store_cancel_round (struct nmf_dbmsg *anchor, gint64 start)
{
    g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, start);

    return nmf_dbmsg_add_property (anchor, PROP_CANCELLED_ROUND, v, NULL);
}

enum nmf_status
nmf_store_answered (struct nmf_dbmsg *anchor, gint64 now)
{
    return set_time_prop (anchor, PROP_ANSWERED, now);
}

enum nmf_status
nmf_store_keep_in_touch (struct nmf_dbmsg *anchor, const char *addr,
			 const char *name)
{
    g_autofree char *v = g_strdup_printf ("%s %s", addr, name ? name : "");
    enum nmf_status st;

    st = nmf_dbmsg_add_property (anchor, NMF_PROP_KEEP_IN_TOUCH, v, NULL);
    if (! st)
	st = nmf_dbmsg_set_property (anchor, NMF_PROP_KEEP, "1", NULL);
    return st;
}

/* The user's corrections, after everything else made the rounds: moves
 * (a chain of them in any stored order), cancels, people taken out. */
static void
apply_steering (struct nmf_dbmsg *a, struct nmf_process *p)
{
    g_autoptr (GPtrArray) moves = nmf_dbmsg_properties (a, PROP_MOVED_ROUND);
    g_autoptr (GPtrArray) cancels
	= nmf_dbmsg_properties (a, PROP_CANCELLED_ROUND);
    g_autoptr (GPtrArray) nots = nmf_dbmsg_properties (a, PROP_NOT_INTERVIEWER);
    guint i, pass;

    for (pass = 0; pass < moves->len; pass++) {
	gboolean moved = FALSE;

	for (i = 0; i < moves->len; i++) {
	    gint64 from = 0, start = 0, end = 0;

	    if (sscanf (moves->pdata[i], "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT
			" %" G_GINT64_FORMAT, &from, &start, &end) == 3
		&& nmf_process_move_round (p, from, start, end))
		moved = TRUE;
	}
	if (! moved)
	    break;
    }
    for (i = 0; i < cancels->len; i++)
	nmf_process_cancel_round (p, g_ascii_strtoll (cancels->pdata[i], NULL,
						       10));
    for (i = 0; i < nots->len; i++)
	nmf_process_drop_interviewer (p, nots->pdata[i]);
}

const char *
nmf_store_query_members (void)
{
    return "property:" NMF_PROP_MEMBER "=1";
}

const char *
nmf_store_query_ignored (void)
{
    return "property:" NMF_PROP_IGNORE "=1";
}

char *
nmf_store_query_process (const char *pid)
{
    return g_strdup_printf ("property:\"" NMF_PROP_PROCESS "=%s\"", pid);
}

char *
nmf_store_query_kind (enum nmf_kind kind)
{
    return g_strdup_printf ("property:" NMF_PROP_KIND "=%s",
			    nmf_kind_to_string (kind));
}

const char *
nmf_store_process_of (struct nmf_dbmsg *m)
{
    const char *pid = nmf_dbmsg_property (m, NMF_PROP_PROCESS);

    return pid && *pid ? pid : NULL;
}

gboolean
nmf_store_is_member (struct nmf_dbmsg *m)
{
    return nmf_dbmsg_property (m, NMF_PROP_MEMBER) != NULL;
}

gboolean
nmf_store_is_ignored (struct nmf_dbmsg *m)
{
    return nmf_dbmsg_property (m, NMF_PROP_IGNORE) != NULL;
}

enum nmf_status
nmf_store_ignore (struct nmf_dbmsg *m)
{
    enum nmf_status st = nmf_dbmsg_set_property (m, NMF_PROP_IGNORE, "1",
						 NULL);

    if (! st)
	st = nmf_dbmsg_set_property (m, NMF_PROP_OPEN, NULL, NULL);
    if (! st)
	st = nmf_dbmsg_set_property (m, NMF_PROP_MEMBER, NULL, NULL);
    if (! st)
	st = nmf_dbmsg_set_property (m, NMF_PROP_PROCESS, NULL, NULL);
    return st;
}

enum nmf_status
nmf_store_evaluated (struct nmf_dbmsg *anchor, enum nmf_state state,
		     gint64 recheck)
{
    g_autofree char *when = recheck ? g_strdup_printf ("%" G_GINT64_FORMAT,
						       recheck)
				    : g_strdup ("never");
    enum nmf_status st;

    st = nmf_dbmsg_set_property (anchor, NMF_PROP_STATE,
				 nmf_state_to_string (state), NULL);
    if (! st)
	st = nmf_dbmsg_set_property (anchor, NMF_PROP_OPEN,
				     state == NMF_STATE_CLOSED ? NULL : "1",
				     NULL);
    if (! st)
	st = nmf_dbmsg_set_property (anchor, NMF_PROP_RECHECK, when, NULL);
    return st;
}

enum nmf_status
nmf_store_close (struct nmf_dbmsg *anchor, gint64 now)
{
    if (nmf_dbmsg_property (anchor, NMF_PROP_CLOSED))
	return NMF_OK;
    return set_time_prop (anchor, NMF_PROP_CLOSED, now);
}

enum nmf_status
nmf_store_snooze (struct nmf_dbmsg *anchor, gint64 until)
{
    return set_time_prop (anchor, NMF_PROP_SNOOZE, until);
}

void
nmf_store_draft_made (struct nmf_dbmsg *draft, char **sha, char **made)
{
    *sha = g_strdup (nmf_dbmsg_property (draft, PROP_DRAFT_SHA));
    *made = g_strdup (nmf_dbmsg_property (draft, PROP_DRAFT_MADE));
}

enum nmf_status
nmf_store_set_draft_made (struct nmf_dbmsg *draft, const char *sha,
			  const char *made)
{
    enum nmf_status st = nmf_dbmsg_set_property (draft, PROP_DRAFT_SHA, sha,
						 NULL);

    if (! st)
	st = nmf_dbmsg_set_property (draft, PROP_DRAFT_MADE, made, NULL);
    return st;
}

guint
nmf_store_redrafts (struct nmf_dbmsg *anchor, const char *key)
{
    g_autoptr (GPtrArray) have = nmf_dbmsg_properties (anchor, PROP_REDRAFT);
    gsize n = strlen (key);
    guint i, count = 0;

    for (i = 0; i < have->len; i++) {
	const char *v = have->pdata[i];

	if (strncmp (v, key, n) == 0 && v[n] == ' ')
	    count++;
    }
    return count;
}

enum nmf_status
nmf_store_forget_drafted (struct nmf_dbmsg *anchor, const char *key)
{
    g_autofree char *v = g_strdup_printf ("%s %u", key,
					  nmf_store_redrafts (anchor, key) + 1);
    enum nmf_status st = nmf_dbmsg_remove_property (anchor, NMF_PROP_DRAFTED,
						    key);

    if (! st)
	st = nmf_dbmsg_add_property (anchor, PROP_REDRAFT, v, NULL);
    return st;
}

gboolean
nmf_store_draft_sha_is (struct nmf_dbmsg *draft, const char *sha)
{
    g_autoptr (GPtrArray) have = nmf_dbmsg_properties (draft, PROP_DRAFT_SHA);
    guint i;

    for (i = 0; sha && i < have->len; i++) {
	if (strcmp (have->pdata[i], sha) == 0)
	    return TRUE;
    }
    return FALSE;
}

enum nmf_status
nmf_store_add_draft_sha (struct nmf_dbmsg *draft, const char *sha)
{
    return nmf_dbmsg_add_property (draft, PROP_DRAFT_SHA, sha, NULL);
}

char *
nmf_store_draft_style (struct nmf_dbmsg *draft)
{
    return g_strdup (nmf_dbmsg_property (draft, PROP_DRAFT_STYLE));
}

enum nmf_status
nmf_store_set_draft_style (struct nmf_dbmsg *draft, const char *style)
{
    return nmf_dbmsg_set_property (draft, PROP_DRAFT_STYLE, style, NULL);
}
