#!/bin/sh
# T110: whole processes over simulated weeks (DESIGN §5), with --now:
# thank-you, waiting, check-in (an out-of-office reply does not count),
# final follow-up, then no more mail and closed; an ATS rejection in a new
# thread joins the right process and asks for one gracious answer; a
# future interview waits; the user's notes, snooze, close and ignore;
# exactly one state tag per thread at every step; incremental scans agree
# with scan --all.
. "$(dirname "$0")/lib.sh"
nmf_setup

ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
GLOBEX=CAGx1b7Y3kq9_Vt2@mail.globex.example
state_of () { # the state tag of the thread of message $1
    notmuch search --output=tags "thread:{id:$1}" | grep '^followup/' | grep -v '^followup/obsolete$' |
        tr '\n' ' ' | sed 's/ $//'
}
one_state_each () {
    notmuch search --output=messages tag:interview | while read -r m; do
        n=$(notmuch search --output=tags "$m" | grep '^followup/' | grep -vc '^followup/obsolete$')
        [ "$n" = 1 ] || echo "$m has $n state tags"
    done
}
scan_at () { nmf scan --quiet --now="$1"; }
# The files of our drafts for a step ("final", "check-in", ...).
draft_files () {
    notmuch dump --include=properties |
        sed -n "s/^#= \([^ ]*\) .*followup.draft=[a-z0-9]*%3a$1%3a.*/\1/p" |
        while read -r id; do
            notmuch search --output=files "id:$(printf '%s' "$id" |
                sed 's/%40/@/g')"
        done
}

for f in acme-invite globex-invite initech-invite podcast-invite \
    newsletter-tips friend; do
    nmf_add $f.eml >/dev/null
done
notmuch new --quiet

# Wed 18 Nov, noon: both ended interviews need a thank-you.
t_ok "scan on 18 Nov" scan_at 2026-11-18T12:00:00Z
t_eq "acme: thank-you" followup/thank-you "$(state_of $ACME)"
t_eq "globex: thank-you" followup/thank-you "$(state_of $GLOBEX)"
t_count "initech (2 Dec) waits" 1 'tag:followup/waiting and subject:Initech'

# Alex thanks Priya by hand; Globex rejects Alex from an ATS, new thread.
nmf_add acme-thankyou.eml Sent >/dev/null
nmf_add globex-rejection.eml >/dev/null
notmuch new --quiet
t_ok "scan on 20 Nov" scan_at 2026-11-20T12:00:00Z
t_eq "acme: thanked, waiting" followup/waiting "$(state_of $ACME)"
t_count "the unsent thank-you draft is now obsolete" 1 \
    'tag:draft and to:priya.shah@acme-robotics.example and tag:followup/obsolete'
t_ok "... and its file is kept" test -f "$(notmuch search --output=files \
    'tag:draft and to:priya.shah@acme-robotics.example')"
t_eq "globex: rejected" followup/rejected "$(state_of $GLOBEX)"
t_eq "the ATS rejection thread is tagged with its process" followup/rejected \
    "$(state_of gh.8812.rej@greenhouse-mail.io)"
# It answers Maria, the person, in her thread: not the ATS's no-reply
# notice (DESIGN §6).
rej=$(grep -l 'future roles' $(notmuch search --output=files \
    'tag:draft and to:maria.gomez@globex.example'))
t_ok "a gracious answer to Maria is drafted (it keeps the door open)" \
    test -f "$rej"
t_match "... as a reply to her, not to the robot" \
    '^Subject: Re: Phone screen' "$(grep '^Subject:' "$rej")"
t_match "... in her thread" "<$GLOBEX>" "$(grep -i '^In-Reply-To:' "$rej")"
t_match "list shows the waiting acme check-in date" \
    '^waiting +Thu 2026-11-26 +p[0-9a-f]{6} +Acme Robotics, Backend Engineer +check-in' \
    "$(nmf list --all --now=2026-11-20T12:00:00Z)"
t_eq "one state tag per message (20 Nov)" "" "$(one_state_each)"

# Fri 27 Nov 09:00: 7 business days after the interview, no word: check-in.
t_ok "scan on 27 Nov" scan_at 2026-11-27T09:00:00Z
t_eq "acme: check-in" followup/check-in "$(state_of $ACME)"
t_count "the check-in draft goes to the recruiter" 1 \
    'tag:draft and to:jordan.lee@acme-robotics.example'
t_match "list names the check-in" '^check-in +due 1d +p[0-9a-f]{6} +Acme Robotics.*Jordan Lee' \
    "$(nmf list --now=2026-11-27T09:00:00Z)"

# Alex sends a check-in; Jordan's out-of-office answers: not a reply.
nmf_add acme-checkin.eml Sent >/dev/null
nmf_add acme-ooo.eml >/dev/null
notmuch new --quiet
t_ok "scan on 1 Dec" scan_at 2026-12-01T12:00:00Z
t_eq "acme: check-in sent, waiting" followup/waiting "$(state_of $ACME)"
t_match "the final falls due 10 business days after the check-in" \
    '^waiting +Fri 2026-12-11 +p[0-9a-f]{6} +Acme Robotics, Backend Engineer +final' \
    "$(nmf list --all --now=2026-12-01T12:00:00Z)"

# Fri 11 Dec: the final follow-up.
t_ok "scan on 11 Dec" scan_at 2026-12-11T11:00:00Z
t_eq "acme: final" followup/final "$(state_of $ACME)"
t_eq "one final draft" 1 "$(draft_files final | wc -l)"
t_match "the final says it is the last note" 'my last note' \
    "$(tr '\n' ' ' <"$(draft_files final)")"
nmf_add acme-final.eml Sent >/dev/null
notmuch new --quiet
t_ok "scan on 14 Dec" scan_at 2026-12-14T12:00:00Z
t_eq "acme: final sent, no phone: waiting, no more mail" followup/waiting \
    "$(state_of $ACME)"
t_ok "scan on 28 Dec" scan_at 2026-12-28T12:00:00Z
t_eq "acme: closed after 10 quiet business days" followup/closed \
    "$(state_of $ACME)"
t_eq "globex: closed 10 business days after the rejection" followup/closed \
    "$(state_of $GLOBEX)"
# Its interview was on 2 December: the thank-you never sent lapsed five
# business days later, and the check-in of 11 December is due.
t_eq "initech: the thank-you lapsed, the check-in is due" followup/check-in \
    "$(state_of a41c9e07-5d2b-4b8e-b6f3-0c2d8e19aa55@initech.example)"
t_match "... and show says why" 'thank-yous? not sent lapsed' \
    "$(nmf show --now=2026-12-28T12:00:00Z \
        id:a41c9e07-5d2b-4b8e-b6f3-0c2d8e19aa55@initech.example)"
t_count "hard negatives never tagged" 0 \
    'tag:interview and (subject:podcast or subject:tips or from:lindenmail)'
t_eq "one state tag per message (28 Dec)" "" "$(one_state_each)"

# No draft twice: every step drafted once.
n=$(notmuch count tag:draft and tag:followup)
t_ok "scan again on 28 Dec" scan_at 2026-12-28T12:00:00Z
t_eq "no new drafts on a second scan" "$n" "$(notmuch count tag:draft and tag:followup)"

# Incremental scans agree with scan --all.
before=$(nmf_dump --include=tags --include=properties)
t_ok "scan --all" nmf scan --all --quiet --now=2026-12-28T12:00:00Z
t_eq "scan --all gives the same tags and properties" "$before" \
    "$(nmf_dump --include=tags --include=properties)"

# The user steers.  Snooze the Initech check-in, then close it.
INI=a41c9e07-5d2b-4b8e-b6f3-0c2d8e19aa55@initech.example
t_ok "snooze" nmf snooze --until=2027-01-05 --now=2026-12-28T12:00:00Z "id:$INI"
t_eq "snoozed: waiting" followup/waiting "$(state_of $INI)"
t_ok "close" nmf close --now=2026-12-28T12:00:00Z "id:$INI"
t_eq "closed by the user" followup/closed "$(state_of $INI)"
t_ok "scan --all keeps what the user said" nmf scan --all --quiet --now=2026-12-29T12:00:00Z
t_eq "still closed after scan --all" followup/closed "$(state_of $INI)"

# note: an interview arranged outside mail starts a process on a thread.
FRIEND=$(sed -n 's/^Message-I[dD]: *<\(.*\)>.*/\1/p' "$NMF_FIXTURES/friend.eml")
t_ok "note --interview-at starts a process" nmf note \
    --interview-at=2027-01-06T15:00:00Z --interviewer='Kim Lee <kim@corvid.example>' \
    --decision-by=2027-01-15 --now=2026-12-29T12:00:00Z "id:$FRIEND" \
    "we talked about their move to Rust"
t_eq "the noted process waits for its interview" followup/waiting "$(state_of $FRIEND)"
t_ok "scan after the noted interview" scan_at 2027-01-06T17:00:00Z
t_count "thank-you drafted to the noted interviewer" 1 'tag:draft and to:kim@corvid.example'
t_match "the note is the draft's detail" 'We talked about their move to Rust\.' \
    "$(tr '\n' ' ' <"$(notmuch search --output=files 'tag:draft and to:kim@corvid.example')")"

# ignore: not an interview; untagged and never picked up again.
t_ok "ignore" nmf ignore "id:$FRIEND"
t_count "ignored thread untagged" 0 "thread:{id:$FRIEND} and tag:interview"
t_ok "scan --all after ignore" nmf scan --all --quiet --now=2027-01-07T12:00:00Z
t_count "ignored thread stays untagged" 0 "thread:{id:$FRIEND} and tag:interview"
t_done
