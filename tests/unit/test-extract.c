/* Unit tables of src/core/extract.c and the timeline choice of
 * src/core/dates.c (issue 15 item 3, DESIGN §5): who the interviewers
 * are, whose phone a number is, which stated date wins, what is no
 * company.  Messages are built in memory; every person, company and
 * number here is invented (.example domains, 555-01xx numbers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "nmf/dates.h"
#include "nmf/extract.h"

static const char *const me[] = { "alex@example.net", NULL };

/* Mon 16 Nov 2026 15:00 UTC. */
#define REF 1794841200

static struct nmf_message *
msg (const char *from_name, const char *from, const char *subject,
     const char *body)
{
    struct nmf_message *m = nmf_message_new ();

    m->from = nmf_address_new (from_name, from);
    g_ptr_array_add (m->to, nmf_address_new ("Alex Morgan", me[0]));
    g_free (m->subject);
    m->subject = g_strdup (subject);
    g_free (m->body);
    m->body = g_strdup (body);
    m->date = REF;
    return m;
}

/* The people found, as "Name <addr>" joined by "; " ("Name <>" for
 * someone without an address). */
static char *
people_of (const struct nmf_extract *x)
{
    GString *s = g_string_new (NULL);
    guint i;

    for (i = 0; i < x->people->len; i++) {
	const struct nmf_person *p = x->people->pdata[i];

	g_string_append_printf (s, "%s%s <%s>", i ? "; " : "",
				p->name ? p->name : "", p->addr);
    }
    return g_string_free (s, FALSE);
}

/* Cc "Name|addr;Name|addr" (NULL: none) on m. */
static void
add_cc (struct nmf_message *m, const char *cc)
{
    g_auto (GStrv) each = g_strsplit (cc ? cc : "", ";", -1);
    guint k;

    for (k = 0; each[k]; k++) {
	g_auto (GStrv) nv = g_strsplit (each[k], "|", 2);

	if (*each[k])
	    g_ptr_array_add (m->cc, nmf_address_new (nv[0], nv[1]));
    }
}

struct pcase {
    const char *why;
    const char *from_name, *from;
    const char *reply_to;   /* "Name|addr" or NULL */
    const char *cc;         /* "Name|addr", several joined by ";", or
			     * NULL */
    const char *body;
    const char *want;       /* people_of() */
};

static const struct pcase people_rows[] = {
    { /* A terse confirmation names the interviewer after "with": she,
       * not the sender who arranged it by default. */
      "confirmed with a full name", "Jordan Lee", "jordan.lee@kite.example",
      NULL, NULL,
      "Hi Alex,\n\nYou're confirmed for Tuesday, November 17 at 10:00 AM "
      "with Priya Shah, 45 minutes by phone.\n\nJordan\n",
      "Priya Shah <>" },
    { /* ... but a company's name after "with" is no person. */
      "confirmed with the company", "Jordan Lee", "jordan.lee@kite.example",
      NULL, NULL,
      "Hi Alex,\n\nYou're confirmed for Tuesday at 10:00 AM with Kite Labs "
      "for the phone screen.\n\nJordan\n",
      "Jordan Lee <jordan.lee@kite.example>" },
    { /* A labelled ATS line names the interviewer and their title; the
       * Cc gives the address. */
      "labelled line, address from Cc", "Acme Careers",
      "no-reply@greenhouse-mail.example", NULL,
      "Rachel Green|rachel.green@acme.example",
      "Your interview is confirmed.\n\nInterviewer: Rachel Green, "
      "Analytics Engineering Manager\nDate: Tuesday, November 24\n",
      "Rachel Green <rachel.green@acme.example>" },
    { /* No header names her: she is still named, without an address. */
      "labelled line, no address", "Acme Careers",
      "no-reply@greenhouse-mail.example", NULL, NULL,
      "Your interview is confirmed.\n\nInterviewer: Rachel Green, "
      "Analytics Engineering Manager\n",
      "Rachel Green <>" },
    { /* "Interviewers:" lists several, over unindented lines laid out
       * like the first. */
      "interviewers list over lines", "Acme Careers",
      "no-reply@greenhouse-mail.example", NULL, NULL,
      "Interviewers:\nOmar Haddad, Staff Engineer\nLena Brooks, "
      "Engineering Manager\n\nSee you soon.",
      "Omar Haddad <>; Lena Brooks <>" },
    { /* An HTML table cell ran into its label. */
      "label run into the name", "Acme Careers",
      "no-reply@greenhouse-mail.example", NULL, NULL,
      "PanelIvo Stanek, VP Engineering (ivo.stanek@acme.example)\n"
      "Mara Quint, Principal Engineer (mara.quint@acme.example)\n",
      "Ivo Stanek <ivo.stanek@acme.example>; "
      "Mara Quint <mara.quint@acme.example>" },
    { /* A one-day itinerary from a coordinator: the people of each slot
       * are the interviewers, the coordinator is not one; a session's
       * title ("System Design") is no name. */
      "itinerary from a coordinator", "Robin Hale",
      "robin.hale@acme.example", NULL, NULL,
      "Here is your onsite itinerary for Monday, December 14.\n\n"
      "10:00 - 10:45 AM  James Whitaker, Head of Data (hiring manager)\n"
      "11:00 - 11:45 AM  System Design   Priya Raman\n"
      "12:00 - 12:30 PM  Lunch with the team\n\n"
      "Robin Hale\nRecruiting Coordinator, Acme",
      "James Whitaker <>; Priya Raman <>" },
    { /* "you will be speaking with" names the person; the From header
       * carries the same person's address. */
      "speaking with, address from From", "Dana Ortiz",
      "dana.ortiz@acme.example", NULL, NULL,
      "Hi Alex, you will be speaking with Dana Ortiz, our Director of "
      "Product, on Thursday.",
      "Dana Ortiz <dana.ortiz@acme.example>" },
    { /* A terse phone mail: "me and our CTO Ruth (cc'd)"; the role
       * before the first name is no name, the Cc gives her address and
       * the writer is in the call. */
      "me and our CTO, first name only", "Aaron Feld",
      "aaron@acme.example", NULL, "Ruth Okonjo|ruth@acme.example",
      "Can you do a quick call tomorrow 8:30am with me and our CTO Ruth "
      "(cc'd)? 30 min.\n\nAaron\n\nSent from my iPhone",
      "Ruth Okonjo <ruth@acme.example>; Aaron Feld <aaron@acme.example>" },
    { /* "You'd be meeting" two people, both in Cc; the recruiter who
       * writes is not named. */
      "you'd be meeting", "Gil Ferris", "gil.ferris@acme.example", NULL,
      "Marcus Lee|marcus.lee@acme.example;Jun Park|jun.park@acme.example",
      "Great news: the team would like to move you forward. You'd be "
      "meeting Marcus Lee (Staff SRE) and Jun Park (SRE Manager) - both "
      "cc'd here.\n\nGil",
      "Marcus Lee <marcus.lee@acme.example>; "
      "Jun Park <jun.park@acme.example>" },
    { /* "Our interviewer, Dr. Amelia Hart," names who runs the call;
       * the recruiter rescheduling it is not one. */
      "our interviewer, name", "Owen Gale", "owen.gale@acme.example", NULL,
      "Amelia Hart|amelia.hart@acme.example",
      "Our interviewer, Dr. Amelia Hart, is unwell this week. Could we "
      "move your interview to Friday at 11am?\n\nOwen Gale\nRecruiter",
      "Amelia Hart <amelia.hart@acme.example>" },
    { /* "The panel will be me, ... and ...": the writer and two
       * colleagues, named with titles in parentheses. */
      "the panel will be me and two", "Lucia Marr", "lucia.marr@acme.example",
      NULL,
      "Owen Mbeki|owen.mbeki@acme.example;Sunita Iyer|sunita.iyer@acme.example",
      "The panel will be me, Owen Mbeki (Associate Director) and Sunita "
      "Iyer (Principal Scientist). I have copied both of them.\n\nLucia",
      "Owen Mbeki <owen.mbeki@acme.example>; "
      "Sunita Iyer <sunita.iyer@acme.example>; "
      "Lucia Marr <lucia.marr@acme.example>" },
    { /* "X from the platform team and I will talk with you": the
       * colleague and the writer. */
      "colleague and I will talk with you", "Pieter Jansen",
      "pieter.jansen@acme.example", NULL,
      "Sanne Bakker|sanne.bakker@acme.example",
      "Here is the invitation for your interview. Sanne Bakker from the "
      "platform team and I will talk with you about streaming "
      "pipelines.\n\nPieter",
      "Sanne Bakker <sanne.bakker@acme.example>; "
      "Pieter Jansen <pieter.jansen@acme.example>" },
    { /* "My colleague X (cc) and I would like to invite you to an
       * interview", wrapped over lines. */
      "my colleague (cc) and I invite you", "Haruto Sato",
      "haruto.sato@acme.example", NULL, "Yuki Mori|yuki.mori@acme.example",
      "Thank you for applying. My colleague Yuki Mori (cc) and\nI would "
      "like to invite you to an interview for the SRE position.\n\n"
      "Haruto Sato\nSRE Manager",
      "Yuki Mori <yuki.mori@acme.example>; "
      "Haruto Sato <haruto.sato@acme.example>" },
    { /* "and I will arrange the telephone interview" is no call of the
       * coordinator's own, and the person before "and I" here is no
       * subject of a meeting. */
      "and I will arrange", "Kim Shaw", "kim.shaw@acme.example", NULL, NULL,
      "Please let me know a time and the telephone number and I will "
      "arrange the telephone interview.\n\nKim Shaw\n"
      "Administrative Coordinator",
      "" },
    { /* Lever's "Interviewer(s):" line with two names. */
      "Lever interviewer(s) line", "Acme via Lever",
      "no-reply@hire.lever.example", NULL, NULL,
      "Your interview has been scheduled.\n\nWhen: Tuesday, Nov 24, "
      "10:00 AM PST\nInterviewer(s): Jane Doe, John Smith\nWhere: Zoom\n",
      "Jane Doe <>; John Smith <>" },
    { /* Greenhouse: "You'll be meeting with Name, Title." */
      "you'll be meeting with, title", "Acme Recruiting",
      "no-reply@greenhouse-mail.example", NULL, NULL,
      "Your interview for Data Engineer is confirmed for Tuesday, "
      "November 24 at 10:00 AM.\n\nYou'll be meeting with Rachel Green, "
      "Analytics Manager.\n",
      "Rachel Green <>" },
    { /* A scheduling tool's table, rendered to columns; the header row
       * is no person. */
      "schedule table in columns", "Acme Recruiting",
      "no-reply@goodtime.example", NULL, NULL,
      "Your interview schedule:\n\nTime\tInterviewer\tTitle\n"
      "10:00 AM - 10:45 AM PST\tJane Doe\tEngineering Manager\n"
      "11:00 AM - 11:45 AM PST\tOmar Haddad\tStaff Engineer\n",
      "Jane Doe <>; Omar Haddad <>" },
    { /* The recruiter who will call runs the phone screen. */
      "recruiter: I'll call you", "Jo Park", "jo.park@acme.example", NULL,
      NULL,
      "Thanks Alex, Tuesday at 2pm PT works. I'll call you at the number "
      "on your resume.\n\nJo Park\nTechnical Recruiter",
      "Jo Park <jo.park@acme.example>" },
    { /* A place before "and I" is no colleague: only the writer. */
      "a place before and I", "Sam Lee", "sam.lee@acme.example", NULL, NULL,
      "Great to meet you at PyCon Berlin and I look forward to talking "
      "more on Tuesday at 2pm.",
      "Sam Lee <sam.lee@acme.example>" },
    { /* A plain "interview with Acme Robotics" names the company, not a
       * person: no address, so nobody from the text; the sender writes
       * as the one who runs the call. */
      "interview with a company", "Sam Lee", "sam.lee@acme-robotics.example",
      NULL, NULL,
      "Thanks for your interest in an interview with Acme Robotics. "
      "I'd love to chat on Tuesday.",
      "Sam Lee <sam.lee@acme-robotics.example>" },
    { /* A coordinator's plain confirmation names nobody: the coordinator
       * only arranges and is not an interviewer. */
      "coordinator only", "Robin Hale", "robin.hale@acme.example", NULL,
      NULL,
      "Your interview is confirmed for Tuesday at 2pm.\n\nRobin Hale\n"
      "Recruiting Coordinator",
      "" },
    { /* An ATS sender with a Reply-To recruiter who only arranges. */
      "reply-to who only arranges", "Acme via Lever",
      "no-reply@hire.lever.example", "Jo Park|jo.park@acme.example", NULL,
      "Your interview is scheduled for Tuesday at 2pm.",
      "" },
    { /* The same Reply-To who says the call is with them. */
      "reply-to who runs the call", "Acme via Lever",
      "no-reply@hire.lever.example", "Jo Park|jo.park@acme.example", NULL,
      "Looking forward to speaking with you on Tuesday at 2pm.",
      "Jo Park <jo.park@acme.example>" },
    { /* "it will be me and <Name>": both are in the call. */
      "me and a colleague", "Liam Kerr", "liam.kerr@acme.example", NULL,
      "Ada Voss|ada.voss@acme.example",
      "Would Thursday at 9am suit? It will be me and Ada Voss from the "
      "data team.",
      "Ada Voss <ada.voss@acme.example>; Liam Kerr <liam.kerr@acme.example>" },
    /* The rows below are written by us for issue "people2" (shapes of
     * real mail, no real message copied). */
    { /* No display name: the mailbox first.last spells the name. */
      "name from the mailbox", NULL, "jo.park@acme.example", NULL, NULL,
      "Looking forward to speaking with you on Tuesday at 2pm.",
      "Jo Park <jo.park@acme.example>" },
    { /* A mailbox of one word spells no name to trust. */
      "no name from a one-word mailbox", NULL, "jpark@acme.example", NULL,
      NULL, "Looking forward to speaking with you on Tuesday at 2pm.",
      " <jpark@acme.example>" },
    { /* A sentence announces the list below it, after a blank line; a
       * title stands in its own column or after one space, and an
       * indented line goes on with the item before.  The coordinator
       * who writes is no interviewer. */
      "announced list in columns", "Kim Shaw", "kim.shaw@acme.example", NULL,
      NULL,
      "We would like you to come in next week.\n\n"
      "The people you will be meeting are:\n\n"
      "Nora Lind   Vice President, Platform\n"
      "Owen Price   Director\n"
      "    (joins from the Oslo office)\n"
      "Teo Ruiz Manager, Data\n\n"
      "Please send me your availability.\n\n"
      "Kim Shaw\nAdministrative Coordinator",
      "Nora Lind <>; Owen Price <>; Teo Ruiz <>" },
    { /* "The persons who will be interviewing you are:" is said of
       * others: the writer is not in the call; the Cc gives one
       * address. */
      "interviewing you, said of others", "Kim Shaw",
      "kim.shaw@acme.example", NULL, "|nora.lind@acme.example",
      "The persons who will be interviewing you are:\n"
      "Nora Lind\nOwen Price\n\nThanks,\nKim",
      "Nora Lind <nora.lind@acme.example>; Owen Price <>" },
    { /* A schedule with one time a slot, two people in one slot; a
       * break is nobody, and "ask for me and I will meet you" is no
       * call of the coordinator's. */
      "single times, two in a slot", "Kim Shaw", "kim.shaw@acme.example",
      NULL, NULL,
      "I have scheduled the following for Thursday:\n\n"
      "9:00 AM  Nora Lind and Owen Price\n"
      "9:30 AM  Teo Ruiz, Director\n"
      "10:00 AM  Lunch Break\n\n"
      "At the front desk ask for me and I will meet you in the lobby.\n\n"
      "Kim Shaw",
      "Nora Lind <>; Owen Price <>; Teo Ruiz <>" },
    { /* The times after the names. */
      "times after the names", "Kim Shaw", "kim.shaw@acme.example", NULL,
      NULL,
      "3:30pm tomorrow is fine, the schedule changes a little:\n\n"
      "Owen Price     3:30 PM\n"
      "Nora Lind      4:00 PM\n\n"
      "Kim",
      "Owen Price <>; Nora Lind <>" },
    { /* An earlier message quoted the Lotus Notes way (a name, a date
       * and a time, then "To:") is not the sender's: "fine with me" in
       * it says nothing of the sender's call. */
      "Notes-style quote is not the sender's", "Kim Shaw",
      "kim.shaw@acme.example", NULL, "|nora.lind@acme.example",
      "I have scheduled your interview with Nora Lind for Thursday at "
      "2 PM.\n\nKim Shaw\n\n\n"
      "Alex Morgan <alex@example.net> on 11/12/2026 12:59:55 PM\n"
      "To: kim.shaw@acme.example\ncc:\nSubject: Re: Interview\n\n"
      "Thursday afternoon is fine with me.\n",
      "Nora Lind <nora.lind@acme.example>" },
    { /* The people as the subject of "will interview you"; "Dr. Lind"
       * is named as her mailbox spells her. */
      "subject of 'will interview you'", "Kim Shaw",
      "kim.shaw@acme.example", NULL, "|nora.lind@acme.example",
      "Dr. Lind, Owen Price and Teo Ruiz will interview you in one "
      "call on Friday at 1:00 PM.\n\nKim Shaw\nAdministrative Coordinator",
      "Nora Lind <nora.lind@acme.example>; Owen Price <>; Teo Ruiz <>" },
    { /* The recruiter who will call runs the call. */
      "the recruiter who will call you", "Kim Shaw", "kim.shaw@acme.example",
      NULL, NULL,
      "Thanks for your reply. Jo Park, our recruiter, will call you on "
      "Tuesday at 2pm.\n\nKim Shaw\nScheduling Coordinator",
      "Jo Park <>" },
    { /* "They will call you" from a coordinator who names nobody but
       * copies a colleague: the colleague will call. */
      "they will call you, colleague in Cc", "Kim Shaw",
      "kim.shaw@acme.example", NULL, "|nora.lind@acme.example",
      "I have scheduled the telephone interview for Friday at 1:00 PM. "
      "They will call you at the number you gave me.\n\n"
      "Kim Shaw\nAdministrative Coordinator",
      "Nora Lind <nora.lind@acme.example>" },
    { /* Someone of another domain in Cc is no colleague. */
      "they will call you, Cc elsewhere", "Kim Shaw",
      "kim.shaw@acme.example", NULL, "|nora.lind@agency.example",
      "I have scheduled the telephone interview for Friday at 1:00 PM. "
      "They will call you at the number you gave me.\n\n"
      "Kim Shaw\nAdministrative Coordinator",
      "" },
    { /* A display name in directory order is turned round. */
      "directory-order display name", "Park, Jo", "jpark@acme.example", NULL,
      NULL, "Looking forward to speaking with you on Tuesday at 2pm.",
      "Jo Park <jpark@acme.example>" },
    { /* A middle initial is left out, as mailboxes leave it out. */
      "middle initial", "Acme Careers", "no-reply@greenhouse-mail.example",
      NULL, NULL, "Interviewer: Nora J. Lind, Director of Data\n",
      "Nora Lind <>" },
    { /* "You will be interviewing with:" announces the list. */
      "interviewing with, list below", "Kim Shaw", "kim.shaw@acme.example",
      NULL, NULL,
      "On Thursday you will be interviewing with:\n"
      "- Nora Lind, Director\n- Owen Price, Staff Engineer\n\nKim Shaw\n"
      "Recruiting Coordinator",
      "Nora Lind <>; Owen Price <>" },
    { /* A schedule over two days writes the day before the time. */
      "day before the time", "Kim Shaw", "kim.shaw@acme.example", NULL,
      NULL,
      "Here is the schedule:\n\n"
      "Monday, May 3  9:00 AM  Nora Lind\n"
      "Tuesday, May 4  1:00 PM  Owen Price\n\nKim",
      "Nora Lind <>; Owen Price <>" },
    { /* A company would like to interview you: no person. */
      "a company as the subject", "Acme Careers",
      "no-reply@greenhouse-mail.example", NULL, NULL,
      "Acme Robotics would like to interview you for the Data Engineer "
      "role.",
      "" },
    /* The rows below are written by us for issue "people3". */
    { /* A comma after the parenthesis closes the subject: the CTO in
       * copy will meet the reader, the recruiter who writes only
       * arranges. */
      "subject closed by a comma", "Kim Shaw", "kim.shaw@acme.example",
      NULL, "Dana Ortiz|dana.ortiz@acme.example",
      "Thanks for applying. Our CTO, Dana Ortiz (in copy), would like to "
      "meet you on Thursday at 9:00 AM.\n\nKim Shaw\nTalent Partner",
      "Dana Ortiz <dana.ortiz@acme.example>" },
    /* Written by us: a full name with a job title is a person, whatever
     * weak phrase introduced it. */
    { /* "interview with <Name> (<title>)" from a team mailbox. */
      "a titled name after interview with", "Talent Team",
      "talent@initech.example", NULL, NULL,
      "We are excited to invite you to a 45-minute interview with Robert "
      "Hayes (VP Engineering) on Wednesday, November 11 at 3pm EST.",
      "Robert Hayes <>" },
    { /* The person, not the recruiter who writes, would like to chat. */
      "an appositive title before would like to chat", "Chris Wu",
      "chris.wu@globex.example", NULL, NULL,
      "Great news - Laura Kim, our Head of Design, would like to chat with "
      "you. Does Friday at 10am work for a 30 minute video call?\n\nChris",
      "Laura Kim <>" },
    { /* "conducted by X, Title, and myself": both. */
      "conducted by a colleague and myself", "Nina Roberts",
      "nina.roberts@vandelay.example", NULL, NULL,
      "We would like to invite you for an interview. The interview will "
      "be conducted by Peter Novak, Analytics Lead, and myself.",
      "Peter Novak <>; Nina Roberts <nina.roberts@vandelay.example>" },
    { /* An ATS sends in the recruiter's name from a robot address; she
       * speaks as the one who runs the call and signs with her own
       * address (first name and initial). */
      "a robot in a person's name, her address in the signature",
      "Alexis Todero", "notifications@acme.ats-notify.example", NULL, NULL,
      "My name is Alexis and I am part of the hiring team. I want to set "
      "up a brief phone call to learn about your background.\n\n"
      "Alexis Todero\nSr Talent Partner\nalexis.t@acme.example",
      "Alexis Todero <alexis.t@acme.example>" },
    { /* "Alexis will call you" finds her address, "an interview with
       * Alexis Todero" her full name: one person. */
      "first name with an address, then the full name", "Acme Recruiting",
      "scheduler@acme.ats-notify.example", NULL, NULL,
      "You are scheduled for a phone interview with Alexis Todero "
      "(Sr Talent Partner) on Monday. Alexis will call you. To "
      "change the time, write to alexis.t@acme.example.",
      "Alexis Todero <alexis.t@acme.example>" },
    { /* The sentence after the name speaks of scheduling, not the name's
       * own. */
      "a scheduler in the next sentence only", "Mary Jo Finley",
      "mary.finley@partnerforge.example", NULL, NULL,
      "Excited to have you meet with Greg Raaberg, who oversees our cyber "
      "practice. To help us schedule an interview, please pick a time.",
      "Greg Raaberg <>" },
    { /* A roster in columns with no sentence before it; initials open
       * a name; a department in a slot is nobody. */
      "a roster without an introduction", "Dana Wu",
      "dana.wu@acme.example", NULL, NULL,
      "Ines Vogel\t\tHead of Research\nP. K. Ramaswamy   Director\n"
      "Tomas Berg   Manager\n\nPlease send me some dates.\n",
      "Ines Vogel <>; P. K. Ramaswamy <>; Tomas Berg <>" },
    { /* A country's initials open no name. */
      "U.S. is no initial", "Dana Wu", "dana.wu@acme.example", NULL, NULL,
      "You'll meet with U.S. Operations on Monday at 10 AM.\n",
      "Dana Wu <dana.wu@acme.example>" },
    { /* "asked that I schedule", and a comma aside before "to". */
      "asked that I schedule", "Dana Wu", "dana.wu@acme.example", NULL,
      "Ines Vogel|ines.vogel@acme.example",
      "Ines Vogel asked me, as her assistant, to schedule an interview "
      "with you.\n\nThe interviewers would be:\n\nInes Vogel   Head of "
      "Research\nTomas Berg   Manager\n",
      "Ines Vogel <ines.vogel@acme.example>; Tomas Berg <>" },
    { /* ... but "who joined us last year, is scheduling" is the person's
       * own part. */
      "a scheduler described with 'us'", "Dana Wu", "dana.wu@acme.example",
      NULL, "Ines Vogel|ines.vogel@acme.example",
      "Ines Vogel, who joined us last year, is scheduling your interview "
      "with Tomas Berg, Manager, on Monday at 10 AM.\n",
      "Tomas Berg <>" },
    { /* "X has asked me to schedule": the writer arranges, X
       * interviews. */
      "asked me to schedule", "Dana Wu", "dana.wu@acme.example", NULL,
      "Ines Vogel|ines.vogel@acme.example",
      "Ines Vogel has asked me to schedule an interview for you.\n\n"
      "The interviewers would be:\n\nInes Vogel   Head of Research\n"
      "Tomas Berg   Manager\n",
      "Ines Vogel <ines.vogel@acme.example>; Tomas Berg <>" },
    { /* An itinerary gives a first name alone; the Cc has the mailbox
       * it opens; a department's slot is no one. */
      "a first name in an itinerary", "Dana Wu", "dana.wu@acme.example",
      NULL, "|tomas.berg@acme.example",
      "Your schedule on Monday:\n\n9:00 AM  Ines Vogel, Director\n"
      "9:30 AM  Tomas, Vice President\n10:00 AM Human Resources\n",
      "Tomas Berg <tomas.berg@acme.example>; Ines Vogel <>" },
    { /* "which would include myself, X and Y": the writer too. */
      "include myself", "Tomas Berg", "tomas.berg@acme.example", NULL,
      "|ines.vogel@acme.example;|omar.haddad@acme.example",
      "I will have our assistant set up some time for you to meet with "
      "people in our group, which would include myself, Ines Vogel, and "
      "Omar Haddad.\n",
      "Ines Vogel <ines.vogel@acme.example>; Omar Haddad "
      "<omar.haddad@acme.example>; Tomas Berg <tomas.berg@acme.example>" },
    { /* "Acme Robotics would like to chat with you": a company with no
       * title stays out. */
      "a company before would like to chat", "Acme Careers",
      "no-reply@greenhouse-mail.example", NULL, NULL,
      "Acme Robotics would like to chat with you about the Data Engineer "
      "role.",
      "" },
};

/* The sender's own text names nobody; the earlier message it answers
 * lists the interviewers (written by us). */
static void
test_people_from_quote (void **state)
{
    static const struct {
	const char *why;
	const char *quoted;
	const char *want;
    } rows[] = {
	{ "a list in the quote",
	  "On Mon, Nov 16, 2026, Kim Shaw <kim.shaw@acme.example> wrote:\n"
	  "> The interviewers would be:\n>\n"
	  "> Nora Lind      Vice President\n"
	  "> Owen Price     Director\n>\n> Kim\n",
	  "Nora Lind <>; Owen Price <>" },
	{ /* A forward of the interviewer's own note: "just me" says they
	   * run the call (written by us for issue "people3"). */
	  "forwarded note of the one who runs it",
	  "---------- Forwarded message ---------\n"
	  "From: Jordan Baird <jordan.baird@acme.example>\n"
	  "Date: Wed, 25 Nov 2026 at 10:12\nSubject: Re: Interview\n"
	  "To: Kim Shaw <kim.shaw@acme.example>\n\n\n"
	  "Kim, Wednesday at 1pm works for me for Alex. I'll do 45 mins, "
	  "just me.\n\nJordan\n\n--\nJordan Baird\nHead of Trading\n",
	  "Jordan Baird <jordan.baird@acme.example>" },
	{ /* A forwarded note that only agrees to a time says nothing of
	   * who runs the call. */
	  "forwarded note that only agrees",
	  "---------- Forwarded message ---------\n"
	  "From: Jordan Baird <jordan.baird@acme.example>\n"
	  "Subject: Re: Interview\n\n"
	  "Wednesday at 1pm is fine, please send the invitation.\n",
	  "" },
	{ /* The same words in the quote of a reply may be of an earlier
	   * round: only a forward passes its writer on. */
	  "reply quote, not a forward",
	  "On Wed, Nov 25, 2026, Jordan Baird <jordan.baird@acme.example> "
	  "wrote:\n> I'll do 45 mins, just me.\n",
	  "" },
	{ /* A sentence of the quote is no list: it may be the user's. */
	  "prose in the quote",
	  "On Mon, Nov 16, 2026, Alex Morgan <alex@example.net> wrote:\n"
	  "> I would be glad to meet with Nora Lind.\n",
	  "" },
    };
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	struct nmf_message *m = msg ("Kim Shaw", "kim.shaw@acme.example",
				     "Re: Interview",
				     "I have scheduled the interview for "
				     "Wednesday at 1:00 PM.\n\nKim Shaw\n"
				     "Administrative Coordinator");
	struct nmf_extract x;
	g_autofree char *got = NULL;

	g_free (m->quoted);
	m->quoted = g_strdup (rows[i].quoted);
	nmf_extract_message (m, me, &x);
	got = people_of (&x);
	if (strcmp (got, rows[i].want) != 0)
	    fail_msg ("%s: want '%s', got '%s'", rows[i].why, rows[i].want,
		      got);
	nmf_extract_release (&x);
	nmf_message_free (&m);
    }
}

static void
test_people (void **state)
{
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (people_rows); i++) {
	const struct pcase *c = &people_rows[i];
	struct nmf_message *m = msg (c->from_name, c->from, "Interview",
				     c->body);
	struct nmf_extract x;
	g_autofree char *got = NULL;

	if (c->reply_to) {
	    g_auto (GStrv) nv = g_strsplit (c->reply_to, "|", 2);

	    g_ptr_array_add (m->reply_to, nmf_address_new (nv[0], nv[1]));
	}
	add_cc (m, c->cc);
	nmf_extract_message (m, me, &x);
	got = people_of (&x);
	if (strcmp (got, c->want) != 0)
	    fail_msg ("%s: want '%s', got '%s'", c->why, c->want, got);
	nmf_extract_release (&x);
	nmf_message_free (&m);
    }
}

/* What the invitation says beside each person: a title, the part of the
 * interview they run ("Name [title|part]" joined by "; "). */
static char *
described (const struct nmf_extract *x)
{
    GString *s = g_string_new (NULL);
    guint i;

    for (i = 0; i < x->people->len; i++) {
	const struct nmf_person *p = x->people->pdata[i];

	g_string_append_printf (s, "%s%s [%s|%s]", i ? "; " : "",
				p->name ? p->name : "",
				p->title ? p->title : "",
				p->part ? p->part : "");
    }
    return g_string_free (s, FALSE);
}

static void
test_people_described (void **state)
{
    static const struct {
	const char *why;
	const char *cc;   /* "Name|addr;..." or NULL */
	const char *body;
	const char *want; /* described() */
    } rows[] = {
	{ "titles in brackets and after commas",
	  "Ben Ortega|ben@acme.example;Jenna Alvarez|jenna@acme.example;"
	  "Priyanka Shah|priyanka@acme.example",
	  "Hi Alex,\n\nYou'll meet with Ben Ortega (Engineering Manager), "
	  "Jenna Alvarez, Staff Engineer, and Priyanka Shah on Thursday at "
	  "1 PM.\n\nDana\n",
	  "Ben Ortega [Engineering Manager|]; Jenna Alvarez [Staff Engineer|]; "
	  "Priyanka Shah [|]" },
	{ "an itinerary's sessions, before and after \"with\"",
	  "Ben Ortega|ben@acme.example;Jenna Alvarez|jenna@acme.example;"
	  "Maya Chen|maya@acme.example",
	  "Your schedule on Thursday:\n\n"
	  "1:00 PM - 1:45 PM   System Design   Ben Ortega\n"
	  "1:45 PM - 2:30 PM | Coding exercise | Jenna Alvarez, Staff "
	  "Engineer\n"
	  "2:30 PM - 3:00 PM   Lunch with Maya Chen\n\nDana\n",
	  "Ben Ortega [|System Design]; Jenna Alvarez [Staff Engineer|Coding "
	  "exercise]; Maya Chen [|Lunch]" },
	{ "a list under a label, with the address in brackets", NULL,
	  "Interviewers:\n  Ravi Menon, VP Engineering (ravi@acme.example)\n"
	  "  Ilse Brandt (ilse@acme.example)\n\nThe interview is on Friday "
	  "at 10 AM.\n",
	  "Ravi Menon [VP Engineering|]; Ilse Brandt [|]" },
	{ "what is no title is not kept: \"(cc'd)\", \"our\" goes",
	  "Tom Reyes|tom@acme.example;Laura Kim|laura@acme.example",
	  "You will be meeting Tom Reyes (cc'd) and Laura Kim, our Head of "
	  "Design, on Monday at 2 PM.\n",
	  "Tom Reyes [|]; Laura Kim [Head of Design|]" },
	{ "titles in a roster's column", NULL,
	  "The interviewers would be:\n\nInes Vogel   Managing Director\n"
	  "P. K. Ramaswamy\tDirector\n\nRegards,\nDana\n",
	  "Ines Vogel [Managing Director|]; P. K. Ramaswamy [Director|]" },
	{ "a first name alone, when one person has it",
	  "Priya Raman|priya@acme.example;Sam Ortiz|sam@acme.example",
	  "You'll meet Priya (hiring manager) and Sam (Staff Engineer) on "
	  "Tuesday at 11 AM.\n",
	  "Priya Raman [hiring manager|]; Sam Ortiz [Staff Engineer|]" },
    };
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	struct nmf_message *m = msg ("Dana Wu", "dana.wu@acme.example",
				     "Interview", rows[i].body);
	struct nmf_extract x;
	g_autofree char *got = NULL;

	add_cc (m, rows[i].cc);
	nmf_extract_message (m, me, &x);
	got = described (&x);
	if (strcmp (got, rows[i].want) != 0)
	    fail_msg ("%s: want '%s', got '%s'", rows[i].why, rows[i].want,
		      got);
	nmf_extract_release (&x);
	nmf_message_free (&m);
    }
}

/* A calendar attendee gets the title the text gives beside their name. */
static void
test_attendee_described (void **state)
{
    struct nmf_message *m;
    struct nmf_event *ev;
    struct nmf_extract x;
    g_autofree char *got = NULL;

    (void) state;
    m = msg ("Robin Hale", "robin.hale@acme.example", "Invitation: Interview",
	     "Interviewer: Priya Raman (Director of Data)\n");
    ev = nmf_event_new ();
    ev->method = g_strdup ("REQUEST");
    ev->start = REF + 86400;
    ev->end = ev->start + 3600;
    ev->organizer = nmf_address_new ("Robin Hale", "robin.hale@acme.example");
    g_ptr_array_add (ev->attendees,
		     nmf_address_new ("Priya Raman", "priya.raman@acme.example"));
    g_ptr_array_add (ev->attendees, nmf_address_new ("Alex", me[0]));
    g_ptr_array_add (m->events, ev);
    nmf_extract_message (m, me, &x);
    got = described (&x);
    assert_string_equal (got, "Priya Raman [Director of Data|]");
    nmf_extract_release (&x);
    nmf_message_free (&m);
}

/* A calendar organiser who is not an attendee only sent the invitation;
 * one who attends is in the call. */
static void
test_organiser (void **state)
{
    struct nmf_message *m;
    struct nmf_event *ev;
    struct nmf_extract x;
    g_autofree char *got = NULL;

    (void) state;
    m = msg ("Robin Hale", "robin.hale@acme.example", "Invitation: Interview",
	     "Please find the invitation attached.");
    ev = nmf_event_new ();
    ev->method = g_strdup ("REQUEST");
    ev->start = REF + 86400;
    ev->end = ev->start + 3600;
    ev->organizer = nmf_address_new ("Robin Hale", "robin.hale@acme.example");
    g_ptr_array_add (ev->attendees,
		     nmf_address_new ("Priya Raman", "priya.raman@acme.example"));
    g_ptr_array_add (ev->attendees, nmf_address_new ("Alex", me[0]));
    g_ptr_array_add (m->events, ev);
    nmf_extract_message (m, me, &x);
    got = people_of (&x);
    assert_string_equal (got, "Priya Raman <priya.raman@acme.example>");
    nmf_extract_release (&x);

    /* The same organiser listed as an attendee too (Google Calendar). */
    g_ptr_array_add (ev->attendees,
		     nmf_address_new ("Robin Hale", "robin.hale@acme.example"));
    nmf_extract_message (m, me, &x);
    assert_int_equal (x.people->len, 2);
    nmf_extract_release (&x);
    nmf_message_free (&m);
}

/* The user's own number (quoted, or given as the reader's) never becomes
 * the sender's; the sender's own signature number does. */
static void
test_phone (void **state)
{
    static const struct {
	const char *why;
	const char *body;
	const char *signature;
	const char *quoted;
	const char *want;   /* the sender's phone, "" for none */
    } rows[] = {
	{ "the sender's signature", "Talk to you Tuesday at 2pm.",
	  "Jo Park\nRecruiter\n+1 (312) 555-0147", "", "+1 (312) 555-0147" },
	{ /* The user's signature in the quoted reply, repeated in the
	   * body's tail by a careless client: not the sender's. */
	  "the user's number from the quote",
	  "Talk to you Tuesday at 2pm.\n\nAlex Morgan\n(415) 555-0182", "",
	  "On Mon, Nov 16, 2026, Alex Morgan <alex@example.net> wrote:\n"
	  "> Happy to talk.\n> Alex Morgan\n> (415) 555-0182\n",
	  "" },
	{ /* "I'll call you at": the reader's number. */
	  "the number the sender will call",
	  "I'll call you at (415) 555-0182 on Tuesday at 2pm.", "", "", "" },
	{ /* The sender's own number is kept even when the user's is in
	   * the quote. */
	  "both numbers", "Talk to you Tuesday at 2pm.",
	  "Jo Park\n(312) 555-0147",
	  "On Mon, Nov 16, 2026, Alex Morgan <alex@example.net> wrote:\n"
	  "> Alex Morgan | (415) 555-0182\n",
	  "(312) 555-0147" },
    };
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	struct nmf_message *m = msg ("Jo Park", "jo.park@acme.example",
				     "Phone screen", rows[i].body);
	struct nmf_extract x;
	const struct nmf_person *p;
	const char *got;

	g_free (m->signature);
	m->signature = g_strdup (rows[i].signature);
	g_free (m->quoted);
	m->quoted = g_strdup (rows[i].quoted);
	nmf_extract_message (m, me, &x);
	assert_true (x.people->len >= 1);
	p = x.people->pdata[0];
	got = p->phone ? p->phone : "";
	if (strcmp (got, rows[i].want) != 0)
	    fail_msg ("%s: want '%s', got '%s'", rows[i].why, rows[i].want, got);
	nmf_extract_release (&x);
	nmf_message_free (&m);
    }
}

/* DESIGN §5: an explicit date beats a vague one in the same message. */
static void
test_timeline_precision (void **state)
{
    static const struct {
	const char *why;
	const char *text;
	const char *want;   /* YYYY-MM-DD */
    } rows[] = {
	{ "vague first, explicit later",
	  "We hope to decide next week. We will get back to you by Monday, "
	  "December 14 at the latest.", "2026-12-14" },
	{ "explicit first, vague later",
	  "We will get back to you by Monday, December 14. Most likely "
	  "you'll hear from us next week.", "2026-12-14" },
	{ "a named day beats a span",
	  "You should hear within two weeks, and we'll let you know by "
	  "Friday whether there is a second round.", "2026-11-20" },
	{ "only vague", "We'll get back to you next week.", "2026-11-27" },
    };
    gsize i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	gint64 day = 0;
	g_autofree char *why = NULL;
	g_autoptr (GDateTime) d = NULL;
	g_autofree char *got = NULL;

	assert_true (nmf_dates_timeline (rows[i].text, REF, 0,
					 (1u << 6) | (1u << 7), &day, &why));
	d = g_date_time_new_from_unix_utc (day);
	got = g_date_time_format (d, "%Y-%m-%d");
	if (strcmp (got, rows[i].want) != 0)
	    fail_msg ("%s: want %s, got %s", rows[i].why, rows[i].want, got);
    }
}

/* The interview time said with a weekday and with its calendar date:
 * the calendar date wins when the weekday alone would land in another
 * week. */
static void
test_interview_explicit (void **state)
{
    struct nmf_when w;
    g_autofree char *why = NULL;

    (void) state;
    /* Monday 16 Nov: "Monday at 10am" alone is Monday 23 Nov; the
     * calendar date says 30 Nov. */
    assert_true (nmf_dates_interview (
	"Can we do Monday at 10am? To be precise: Monday, November 30 at "
	"10:00 AM.", REF, 0, &w, &why));
    assert_int_equal (w.start, 1796032800); /* 2026-11-30T10:00:00Z */
    nmf_when_release (&w);
}

/* A person's name is no company: "Meeting with Dana Ortiz". */
static void
test_company_not_a_person (void **state)
{
    struct nmf_message *m;
    struct nmf_extract x;

    (void) state;
    m = msg ("Dana Ortiz", "dana.ortiz@gmail.example", "Meeting with Dana Ortiz",
	     "See you then.");
    nmf_extract_message (m, me, &x);
    assert_true (x.company == NULL
		 || g_ascii_strcasecmp (x.company, "Dana Ortiz") != 0);
    nmf_extract_release (&x);
    nmf_message_free (&m);

    /* A company in the same place still is one. */
    m = msg ("Dana Ortiz", "dana.ortiz@gmail.example",
	     "Interview with Acme Robotics", "See you then.");
    nmf_extract_message (m, me, &x);
    assert_non_null (x.company);
    assert_string_equal (x.company, "Acme Robotics");
    nmf_extract_release (&x);
    nmf_message_free (&m);
}

/* The role from an ATS's or a calendar's subject, without its frame. */
static void
test_role_from_subject (void **state)
{
    static const struct {
	const char *subject, *role;
    } rows[] = {
	{ "Interview Confirmation for Analytics Engineer at Lumen Health",
	  "Analytics Engineer" },
	{ "Interview Scheduled for Platform Engineer at Kite",
	  "Platform Engineer" },
	{ "Re: Your application for Data Analyst", "Data Analyst" },
	{ "Invitation: Phone screen (Senior iOS Engineer) @ Tue Nov 24, 2026",
	  "Senior iOS Engineer" },
    };
    size_t i;

    (void) state;
    for (i = 0; i < G_N_ELEMENTS (rows); i++) {
	struct nmf_message *m = msg ("Jo Lee", "jo@kite.example",
				     rows[i].subject, "Hi Alex,\n");
	struct nmf_extract x;

	nmf_extract_message (m, me, &x);
	if (g_strcmp0 (x.role, rows[i].role) != 0)
	    print_error ("'%s': role '%s'\n", rows[i].subject,
			 x.role ? x.role : "(none)");
	assert_string_equal (x.role ? x.role : "", rows[i].role);
	nmf_extract_release (&x);
	nmf_message_free (&m);
    }
}

int
main (void)
{
    const struct CMUnitTest tests[] = {
	cmocka_unit_test (test_people),
	cmocka_unit_test (test_people_described),
	cmocka_unit_test (test_attendee_described),
	cmocka_unit_test (test_people_from_quote),
	cmocka_unit_test (test_organiser),
	cmocka_unit_test (test_phone),
	cmocka_unit_test (test_timeline_precision),
	cmocka_unit_test (test_interview_explicit),
	cmocka_unit_test (test_company_not_a_person),
	cmocka_unit_test (test_role_from_subject),
    };

    return cmocka_run_group_tests (tests, NULL, NULL);
}
