#!/bin/sh
# T192: the right interviewers (issue 19, DESIGN §5).  A calendar
# organiser who is no attendee, and a coordinator in Reply-To, never get
# a thank-you; a labelled "Interviewer:" line and a one-day itinerary
# name the people met and the times; a second round arranged by the
# recruiter who ran the first is not hers to be thanked for again; the
# number the user gave for a call never becomes the recruiter's.
. "$(dirname "$0")/lib.sh"
nmf_setup
drafts_to() { # the To lines of the live drafts, sorted
    for f in $(nmf_drafts); do grep -m1 "^To:" "$f"; done | LC_ALL=C sort
}
live_to() { # the To lines of the drafts not obsolete, sorted
    notmuch search --output=files \
        'tag:draft and tag:followup and not tag:followup/obsolete' |
        while read -r f; do grep -m1 "^To:" "$f"; done | LC_ALL=C sort
}
cat >"$NMF_TMP/panel.eml" <<'MAIL'
Return-Path: <maria.okafor@northwind-analytics.example>
Message-ID: <panel-4471@northwind-analytics.example>
Date: Mon, 16 Nov 2026 16:20:00 +0000
From: Maria Okafor <maria.okafor@northwind-analytics.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Invitation: Panel interview - Alex Morgan @ Thu Nov 19, 2026 1pm - 2pm (EST)
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=UTF-8

Hi Alex,

You're confirmed for a panel interview for the Senior Data Engineer role
on Thursday, November 19 from 1:00 to 2:00 PM Eastern. The calendar
invitation is attached; the video link is in it.

Best,
Maria Okafor
Recruiting Coordinator, Northwind Analytics

--b1
Content-Type: text/calendar; charset=UTF-8; method=REQUEST
Content-Disposition: attachment; filename="invite.ics"

BEGIN:VCALENDAR
PRODID:-//Northwind//Scheduler//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:panel-4471@northwind-analytics.example
DTSTAMP:20261116T162000Z
DTSTART:20261119T180000Z
DTEND:20261119T190000Z
SUMMARY:Panel interview - Alex Morgan (Senior Data Engineer)
ORGANIZER;CN=Maria Okafor:mailto:maria.okafor@northwind-analytics.example
ATTENDEE;CN=Ben Ortega;ROLE=REQ-PARTICIPANT:mailto:ben.ortega@northwind-analytics.example
ATTENDEE;CN=Jenna Alvarez;ROLE=REQ-PARTICIPANT:mailto:jenna.alvarez@northwind-analytics.example
ATTENDEE;CN=Priyanka Shah;ROLE=REQ-PARTICIPANT:mailto:priyanka.shah@northwind-analytics.example
ATTENDEE;CN=Alex Morgan;ROLE=REQ-PARTICIPANT:mailto:alex.morgan@example.net
END:VEVENT
END:VCALENDAR
--b1--
MAIL
cat >"$NMF_TMP/gh.eml" <<'MAIL'
Return-Path: <no-reply@greenhouse.io>
Message-ID: <gh-88213@greenhouse.io>
Date: Tue, 17 Nov 2026 14:05:00 +0000
From: Lumen Health <no-reply@greenhouse.io>
Reply-To: Mia Chen <mia.chen@lumenhealth.example>
To: alex.morgan@example.net
Subject: Interview Confirmation for Analytics Engineer at Lumen Health
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

Thank you for scheduling time with us. Here are the details of your
upcoming interview for the Analytics Engineer role:

Date: Friday, November 20, 2026
Time: 11:00 AM - 11:45 AM Eastern Time
Interviewer: Rachel Green, Analytics Engineering Manager
Location: Zoom (link below)

If you need to reschedule, reply to this email.

Mia Chen
Recruiting Coordinator, Lumen Health
MAIL
cat >"$NMF_TMP/itin.eml" <<'MAIL'
Return-Path: <sofia.ramirez@harborview.example>
Message-ID: <itin-2201@harborview.example>
Date: Wed, 18 Nov 2026 15:30:00 +0000
From: Sofia Ramirez <sofia.ramirez@harborview.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Your onsite interview schedule - Monday, November 23
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

We're excited to host you for your onsite on Monday, November 23 at our
Boston office (200 Harbor St). Here is your schedule for the day:

10:00 - 10:45 AM  James Whitaker, Head of Data (hiring manager)
11:00 - 11:45 AM  Olivia Brooks, Senior Data Scientist
12:00 - 1:00 PM   Lunch with the team
1:00 - 1:45 PM    Daniel Kim, Analytics Lead

Please check in at the front desk at 9:45. Let me know if you have any
questions.

Best,
Sofia Ramirez
Talent Partner, Harborview
MAIL
cat >"$NMF_TMP/screen.eml" <<'MAIL'
Return-Path: <dana.fox@corvid.example>
Message-ID: <screen-77@corvid.example>
Date: Mon, 16 Nov 2026 19:10:00 +0000
From: Dana Fox <dana.fox@corvid.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Re: Data Engineer application - phone screen
In-Reply-To: <avail-12@morgan.example>
References: <avail-12@morgan.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

Thanks for sending your availability. I'll call you at 347-555-0199 on
Thursday, November 19 at 2:00 PM Eastern for a 30-minute phone screen
about the Data Engineer role.

Talk soon,
Dana Fox
Talent Acquisition, Corvid Labs
(617) 555-0142

On Mon, Nov 16, 2026 at 9:02 AM Alex Morgan <alex.morgan@example.net> wrote:
> Hi Dana,
>
> Thursday afternoon works well for me. The best number to reach me is
> 347-555-0199.
>
> Alex Morgan
> 347-555-0199
MAIL
for f in panel gh itin screen; do nmf_add "$NMF_TMP/$f.eml" >/dev/null; done
notmuch new --quiet

# The panel on Thu 19 Nov 18:00-19:00Z; the phone screen at 19:00-19:30Z.
t_ok "scan after the panel and the screen" \
    nmf scan --quiet --now=2026-11-19T20:00:00Z
t_eq "a thank-you to each panelist and the recruiter who called" \
"To: Ben Ortega <ben.ortega@northwind-analytics.example>
To: Dana Fox <dana.fox@corvid.example>
To: Jenna Alvarez <jenna.alvarez@northwind-analytics.example>
To: Priyanka Shah <priyanka.shah@northwind-analytics.example>" "$(drafts_to)"
t_eq "none names the coordinator who only scheduled" "" \
    "$(grep -l "Maria" $(nmf_drafts))"
# The panel's thread has a calendar's subject: the drafts get one of
# their own and still thread under the invitation (DESIGN §6).
t_count "the panel drafts have a subject of their own" 3 \
    'tag:draft and subject:"Thank you" and subject:"Senior Data Engineer interview" and to:northwind-analytics.example'
t_count "no draft answers with the calendar's subject" 0 \
    'tag:draft and subject:"Invitation:"'
t_eq "the three panel drafts share no sentence" "" \
    "$(nmf_twin_sentences $(notmuch search --output=files \
        'tag:draft and to:northwind-analytics.example'))"
t_eq "... and each still replies to the invitation" 3 \
    "$(grep -il '^In-Reply-To: <panel-4471@northwind-analytics.example>' \
        $(nmf_drafts) | wc -l | tr -d ' ')"
out=$(nmf show --now=2026-11-19T20:00:00Z id:screen-77@corvid.example)
t_match "the recruiter's own number is kept" '617' "$out"
t_eq "the user's number is nobody's" "" "$(printf '%s\n' "$out" | grep 0199)"

# Greenhouse: no-reply sender, the coordinator in Reply-To, the
# interviewer in a labelled line (Fri 20 Nov 16:00-16:45Z).
t_ok "scan after the Greenhouse interview" \
    nmf scan --quiet --now=2026-11-20T18:00:00Z
t_eq "no thank-you to the coordinator" "" "$(drafts_to | grep -i mia)"
out=$(nmf show --now=2026-11-20T18:00:00Z id:gh-88213@greenhouse.io)
t_match "show names the interviewer of the labelled line" 'Rachel Green' "$out"
t_eq "show does not make the coordinator an interviewer" "" \
    "$(printf '%s\n' "$out" | grep -i interviewer | grep -i mia)"
t_ok "the user gives her address" nmf note --now=2026-11-20T18:00:00Z \
    --interviewer='Rachel Green <rachel.green@lumenhealth.example>' \
    id:gh-88213@greenhouse.io
t_ok "scan" nmf scan --quiet --now=2026-11-20T18:05:00Z
t_match "now she has a thank-you draft" 'rachel.green@lumenhealth' \
    "$(drafts_to)"
rachel=$(grep -l '^To:.*rachel.green' $(nmf_drafts))
t_count "Rachel's draft does not answer the ATS notice's subject" 1 \
    'tag:draft and to:rachel.green@lumenhealth.example and subject:"Thank you" and not subject:"Interview Confirmation"'
t_eq "which does not meet her together with the coordinator" "" \
    "$(grep -i 'mia' "$rachel")"

# The one-day onsite: three people, 10:00 to 13:45 on Mon 23 Nov.
out=$(nmf show --now=2026-11-22T12:00:00Z id:itin-2201@harborview.example)
t_match "the itinerary gives the interview time" '2026-11-23' "$out"
for who in "James Whitaker" "Olivia Brooks" "Daniel Kim"; do
    t_match "the itinerary names $who" "$who" "$out"
done
t_ok "scan during the onsite" nmf scan --quiet --now=2026-11-23T12:00:00Z
t_eq "waiting while it lasts" followup/waiting \
    "$(nmf_state_of itin-2201@harborview.example)"

# Round 2 at Corvid, arranged by Dana (the calendar's organiser, no
# attendee) with Marcus Lee on Wed 25 Nov 15:00-16:00Z.
cat >"$NMF_TMP/round2.eml" <<'MAIL'
Return-Path: <dana.fox@corvid.example>
Message-ID: <round2-91@corvid.example>
Date: Fri, 20 Nov 2026 16:00:00 +0000
From: Dana Fox <dana.fox@corvid.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Next step: technical interview with Marcus Lee
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="r2"

--r2
Content-Type: text/plain; charset=UTF-8

Hi Alex,

Great news: the team would like to move you forward. You'll meet with
Marcus Lee, our Data Platform Lead, on Wednesday, November 25 at 10:00
AM Eastern for an hour. The invitation is attached.

Dana Fox
Talent Acquisition, Corvid Labs

--r2
Content-Type: text/calendar; charset=UTF-8; method=REQUEST
Content-Disposition: attachment; filename="invite.ics"

BEGIN:VCALENDAR
PRODID:-//Corvid//Calendar//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:round2-91@corvid.example
DTSTAMP:20261120T160000Z
DTSTART:20261125T150000Z
DTEND:20261125T160000Z
SUMMARY:Technical interview - Alex Morgan / Marcus Lee
ORGANIZER;CN=Dana Fox:mailto:dana.fox@corvid.example
ATTENDEE;CN=Marcus Lee;ROLE=REQ-PARTICIPANT:mailto:marcus.lee@corvid.example
ATTENDEE;CN=Alex Morgan;ROLE=REQ-PARTICIPANT:mailto:alex.morgan@example.net
END:VEVENT
END:VCALENDAR
--r2--
MAIL
nmf_add "$NMF_TMP/round2.eml" >/dev/null
notmuch new --quiet
t_ok "scan after round 2" nmf scan --quiet --now=2026-11-25T17:00:00Z
t_eq "one thank-you draft for Marcus" 1 \
    "$(drafts_to | grep -c marcus.lee@corvid.example)"
t_eq "and still one for Dana (round 1), none again for round 2" 1 \
    "$(drafts_to | grep -c dana.fox@corvid.example)"

# Steering: the user corrects what the mail got wrong.
PANEL=id:panel-4471@northwind-analytics.example
t_ok "Priyanka was not on the panel after all" nmf note \
    --now=2026-11-25T17:00:00Z \
    --not-interviewer=priyanka.shah@northwind-analytics.example $PANEL
t_eq "her draft is obsolete, the others' stay" \
"To: Ben Ortega <ben.ortega@northwind-analytics.example>
To: Jenna Alvarez <jenna.alvarez@northwind-analytics.example>" \
    "$(live_to | grep northwind)"
t_eq "show no longer names her among the interviewers" "" \
    "$(nmf show --now=2026-11-25T17:00:00Z $PANEL |
        sed -n '/^rounds:/,/^timeline:/p' | grep -i priyanka)"
t_fail "--not-interviewer wants an address" nmf note \
    --now=2026-11-25T17:00:00Z --not-interviewer=Priyanka $PANEL
R2=id:round2-91@corvid.example
t_ok "round 2 moved to Wed 2 Dec" nmf note --now=2026-11-25T17:00:00Z \
    --interview-at=2026-12-02T15:00:00Z/2026-12-02T16:00:00Z --round=2 $R2
t_eq "its thank-you is not due before then" "" "$(live_to | grep marcus)"
t_match "show has the new time" '2  Wed 02 Dec 2026 15:00' \
    "$(nmf show --now=2026-11-25T17:00:00Z $R2)"
t_ok "scan after the moved round" nmf scan --quiet --now=2026-12-02T17:00:00Z
t_eq "then the same draft is live again" 1 "$(live_to | grep -c marcus)"
t_eq "and there is still one draft to Marcus" 1 \
    "$(drafts_to | grep -c marcus)"
# Moved once more and back: the last word counts, whatever order the
# moves are kept in.
t_ok "round 2 moved to 3 Dec" nmf note --now=2026-12-02T17:00:00Z \
    --interview-at=2026-12-03T15:00:00Z/2026-12-03T16:00:00Z --round=2 $R2
t_ok "... and back to 2 Dec" nmf note --now=2026-12-02T17:00:00Z \
    --interview-at=2026-12-02T15:00:00Z/2026-12-02T16:00:00Z --round=2 $R2
t_match "show has it on 2 Dec again" '2  Wed 02 Dec 2026 15:00' \
    "$(nmf show --now=2026-12-02T17:00:00Z $R2)"
t_eq "its draft is live again" 1 "$(live_to | grep -c marcus)"
t_fail "a round the process does not have" nmf note \
    --now=2026-12-02T17:00:00Z --cancel-round=3 $R2
t_ok "round 2 did not happen after all" nmf note \
    --now=2026-12-02T17:00:00Z --cancel-round=2 $R2
t_eq "its thank-you draft is obsolete" "" "$(live_to | grep marcus)"
t_done
