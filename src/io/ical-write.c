/* ical-write.c — the agenda as iCalendar, built with libical (see
 * nmf/ical.h). */
#include <stdlib.h>

#include <libical/ical.h>

#include "nmf/ical.h"

static struct icaltimetype
utc_time (gint64 t)
{
    return icaltime_from_timet_with_zone ((time_t) t, 0,
					  icaltimezone_get_utc_timezone ());
}

char *
nmf_ical_write_todos (GPtrArray *todos, gint64 now)
{
    icalcomponent *cal = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
    char *text;
    char *out;
    guint i;

    icalcomponent_add_property (cal, icalproperty_new_version ("2.0"));
    icalcomponent_add_property (
	cal, icalproperty_new_prodid ("-//notmuch-followup//agenda//EN"));
    icalcomponent_add_property (cal, icalproperty_new_method (
					 ICAL_METHOD_PUBLISH));
    for (i = 0; todos && i < todos->len; i++) {
	const struct nmf_todo *t = todos->pdata[i];
	icalcomponent *todo = icalcomponent_new (ICAL_VTODO_COMPONENT);
	g_autofree char *summary = g_utf8_make_valid (t->summary, -1);

	icalcomponent_add_property (todo, icalproperty_new_uid (t->uid));
	icalcomponent_add_property (todo,
				    icalproperty_new_dtstamp (utc_time (now)));
	icalcomponent_add_property (todo,
				    icalproperty_new_due (utc_time (t->due)));
	icalcomponent_add_property (todo, icalproperty_new_summary (summary));
	if (t->description) {
	    g_autofree char *d = g_utf8_make_valid (t->description, -1);

	    icalcomponent_add_property (todo,
					icalproperty_new_description (d));
	}
	icalcomponent_add_property (
	    todo, icalproperty_new_status (ICAL_STATUS_NEEDSACTION));
	icalcomponent_add_component (cal, todo);
    }
    text = icalcomponent_as_ical_string_r (cal);
    out = g_strdup (text ? text : "");
    free (text);
    icalcomponent_free (cal);
    return out;
}
