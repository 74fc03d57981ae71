/* cmd-agenda.c — due and upcoming steps as an iCalendar file (DESIGN §3
 * agenda): one VTODO each, with DUE and a summary such as "Thank-you to
 * Priya Shah (Acme Robotics, Backend Engineer)", for the user's calendar.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "engine.h"
#include "nmf/ical.h"
#include "nmf/log.h"

static void
todo_free (gpointer p)
{
    struct nmf_todo *t = p;

    g_free (t->uid);
    g_free (t->summary);
    g_free (t->description);
    g_free (t);
}

static char *
label (const char *step)
{
    static const struct {
	const char *step, *label;
    } labels[] = {
	{ "thank-you", "Thank-you" },     { "check-in", "Check-in" },
	{ "final", "Final follow-up" },   { "call", "Call" },
	{ "rejection-reply", "Answer the rejection" },
	{ "keep-in-touch", "Keep-in-touch note" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS (labels); i++) {
	if (strcmp (labels[i].step, step) == 0)
	    return g_strdup (labels[i].label);
    }
    return g_strdup (step);
}

static char *
what (const struct nmf_process *p)
{
    if (p->company && p->role)
	return g_strdup_printf ("%s, %s", p->company, p->role);
    return g_strdup (p->company ? p->company : p->role ? p->role : "interview");
}

static int agenda_main (int argc, char **argv);

const struct nmf_cmd nmf_cmd_agenda = {
    .name = "agenda",
    .summary = "due steps as iCalendar to-dos",
    .args = "",
    .about = "Write the steps that are due, and the next step of every process that\n"
	     "waits, as an iCalendar file of to-dos (VTODO with DUE) for your\n"
	     "calendar.  Without --output it goes to standard output.\n",
    .shared = NMF_SHARE_NOW,
    .need = NMF_NEED_READ,
    .main = agenda_main,
};

static int
agenda_main (int argc, char **argv)
{
    const char *output = NULL;
    const struct nmf_opt opts[] = {
	{ "output", NMF_OPT_STRING, &output, NULL, "FILE", "write to FILE" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
    };
    g_autoptr (GPtrArray) pids = NULL;
    g_autoptr (GPtrArray) todos = g_ptr_array_new_with_free_func (todo_free);
    g_autofree char *text = NULL;
    struct nmf_frame f;
    guint i, k;
    int ret = nmf_frame_open (&f, &nmf_cmd_agenda, opts, argc, argv);

    if (ret >= 0)
	return ret;
    pids = nmf_store_open_processes (f.db, f.cfg.keep_in_touch_days > 0);
    for (i = 0; i < pids->len; i++) {
	struct nmf_loaded *l = nmf_store_load (f.db, &f.cfg, pids->pdata[i],
					       NULL);
	g_autofree char *about = NULL;
	struct nmf_eval e;

	if (! l)
	    continue;
	nmf_process_evaluate (l->proc, f.now, &f.cfg, f.tz, &e);
	about = what (l->proc);
	for (k = 0; k < e.due->len; k++) {
	    const struct nmf_due *d = e.due->pdata[k];
	    struct nmf_todo *t = g_new0 (struct nmf_todo, 1);
	    g_autofree char *step = label (nmf_step_to_string (d->step));

	    t->uid = g_strdup_printf ("%s-%s-%d-%s@notmuch-followup",
				      l->proc->id, nmf_step_to_string (d->step),
				      d->round, d->to->addr);
	    /* A decision is the user's own: on the offer, not to someone. */
	    t->summary = d->step == NMF_STEP_DECIDE
			     ? g_strdup_printf ("Decide on the offer (%s)", about)
			 : d->step == NMF_STEP_REPLY
			     ? g_strdup_printf ("Answer %s: %s (%s)",
						d->to->name ? d->to->name
							    : d->to->addr,
						d->what ? d->what : "", about)
			     : g_strdup_printf ("%s to %s (%s)", step,
						d->to->name ? d->to->name
							    : d->to->addr,
						about);
	    t->description = g_strdup (e.reason);
	    t->due = d->late_at ? d->late_at : d->since;
	    g_ptr_array_add (todos, t);
	}
	if (! e.due->len && e.next_change
	    && (e.next_step == NMF_NEXT_THANK_YOU
		|| e.next_step == NMF_NEXT_CHECK_IN
		|| e.next_step == NMF_NEXT_FINAL)) {
	    struct nmf_todo *t = g_new0 (struct nmf_todo, 1);
	    const char *next = nmf_next_to_string (e.next_step);
	    g_autofree char *step = label (next);

	    t->uid = g_strdup_printf ("%s-%s-next@notmuch-followup",
				      l->proc->id, next);
	    t->summary = g_strdup_printf ("%s (%s)", step, about);
	    t->description = g_strdup (e.reason);
	    t->due = e.next_change;
	    g_ptr_array_add (todos, t);
	}
	nmf_eval_release (&e);
	nmf_loaded_free (&l);
    }
    text = nmf_ical_write_todos (todos, f.now);
    if (output) {
	g_autoptr (GError) err = NULL;

	if (! g_file_set_contents (output, text, -1, &err)) {
	    nmf_error ("cannot write '%s': %s", output, err->message);
	    return nmf_frame_close (&f, NMF_EXIT_ERROR);
	}
	return nmf_frame_close (&f, NMF_EXIT_OK);
    }
    fputs (text, stdout);
    return nmf_frame_close (&f, NMF_EXIT_OK);
}
