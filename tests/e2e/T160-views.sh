#!/bin/sh
# T160: seeing where things stand — list (golden text at a fixed width and
# --now, JSON), show (timeline, rounds, connection notes; JSON), noreply
# for any mail (awaiting me / them, lists and automated mail left out, a
# reply from another address of the user's counts), and agenda (VTODOs).
. "$(dirname "$0")/lib.sh"
nmf_setup
# The views, not the lapse of a late thank-you, are what this test is
# about: the thank-you of 13 November is still shown late on the 21st.
notmuch config set followup.thankyou_lapse_days 0
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
GOLDEN=$NMF_E2E_DIR/golden
for f in acme-invite globex-invite initech-invite newsletter-tips receipt \
    friend podcast-invite; do
    nmf_add $f.eml >/dev/null
done
nmf_add acme-thankyou.eml Sent >/dev/null
# Bob writes; Alex answers from the other address: nothing awaits Alex.
cat >"$NMF_TMP/bob.eml" <<'MAIL'
Message-ID: <bob-1@pals.example>
Date: Mon, 16 Nov 2026 09:00:00 +0000
From: Bob Reyes <bob@pals.example>
To: Alex Morgan <alex@morgan.example>
Subject: Climbing on Saturday?

Are you in?
MAIL
cat >"$NMF_TMP/bob-reply.eml" <<'MAIL'
Message-ID: <bob-2@morgan.example>
Date: Mon, 16 Nov 2026 10:00:00 +0000
From: Alex Morgan <alex@morgan.example>
To: Bob Reyes <bob@pals.example>
Subject: Re: Climbing on Saturday?
In-Reply-To: <bob-1@pals.example>
References: <bob-1@pals.example>

Yes!
MAIL
nmf_add "$NMF_TMP/bob.eml" >/dev/null
nmf_add "$NMF_TMP/bob-reply.eml" Sent >/dev/null
notmuch new --quiet
NOW=2026-11-20T12:00:00Z
t_ok "scan" nmf scan --quiet --now=$NOW

# list: golden text at 80 and 132 columns: the step, when it is due
# (the thank-you's 24 hours are over: overdue), the short process id,
# company and role, the person; the draft and the thread as room allows.
for cols in 80 132; do
    out=$(COLUMNS=$cols nmf list --all --color=never --now=$NOW)
    t_eq "list --all at $cols columns matches the golden text" \
        "$(cat "$GOLDEN/list-all-$cols.txt")" "$out"
done
for cols in 80 60 40; do
    t_eq "no line is wider than $cols columns" "" \
        "$(COLUMNS=$cols nmf list --all --color=never --now=$NOW |
            while IFS= read -r l; do
                [ "$(printf '%s' "$l" | wc -m)" -le $cols ] || echo "$l"
            done)"
done
t_match "--thread shows the thread even at 80 columns" 'thread:[0-9a-f]+$' \
    "$(COLUMNS=80 nmf list --thread --color=never --now=$NOW)"
t_match "without a width (a pipe) every column is whole, for scripts" \
    'Drafts/cur/followup-[0-9a-f]*:2,DS  thread:[0-9a-f]+$' \
    "$(nmf list --color=never --now=$NOW)"
t_match "the thank-you is due, not overdue, in its first 24 hours" \
    '^thank-you +due today ' "$(nmf list --color=never --now=2026-11-14T12:00:00Z)"
# The short id list prints is what the commands take.
short=$(nmf list --color=never --now=$NOW | awk '{print $4}')
t_match "show takes the short id" '^Globex - Data Engineer +process p' \
    "$(nmf show --now=$NOW "$short")"
t_match "a query of several processes is refused, naming them" \
    "'tag:interview' matches 3 processes \\($short" \
    "$(nmf show --now=$NOW tag:interview 2>&1)"
t_match "an unknown short id is named" "'p0000' is no process" \
    "$(nmf show --now=$NOW p0000 2>&1)"
t_match "colour on request" "$(printf '\033')\\[31m" \
    "$(nmf list --color=always --now=$NOW)"
t_fail "no colour when NO_COLOR is set on a pipe" sh -c \
    "NO_COLOR=1 '$NMF_BIN' list --now=$NOW | grep -q \"$(printf '\033')\""
t_ok "list --format=json parses" sh -c "'$NMF_BIN' list --all --format=json --now=$NOW | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert len(r) == 3, r
need = {\"process\",\"thread\",\"company\",\"role\",\"state\",\"step\",\"to\",\"due\",\"late\",\"next_change\",\"draft\",\"reason\"}
assert all(need <= set(x) for x in r)
assert r[0][\"step\"] == \"thank-you\" and r[0][\"late\"] is True
'"

# show: text and JSON.
out=$(nmf show --now=$NOW "id:$ACME")
t_match "show names the process" '^Acme Robotics - Backend Engineer +process p[0-9a-f]{12}' "$out"
t_match "show gives the state and why" '^state: +waiting' "$out"
t_match "show gives the round in the local zone" 'Tue 17 Nov 2026 18:00-19:00 UTC' "$out"
t_match "show names the interviewer" 'with Priya Shah <priya.shah@acme-robotics.example>' "$out"
t_match "show lists the sent thank-you" 'out +candidate_thank_you +to priya.shah' "$out"
t_match "show gives the next step" '^next: +check-in on Thu 2026-11-26' "$out"
t_match "show offers a connection note" 'Priya Shah: Hi Priya, thank you for the conversation about the Backend Engineer role at Acme Robotics' "$out"
t_ok "show --format=json: the fields, and notes within 300 characters" sh -c "'$NMF_BIN' show --format=json --now=$NOW 'id:$ACME' | python3 -c '
import json, sys
r = json.load(sys.stdin)
for k in (\"process\",\"company\",\"role\",\"state\",\"reason\",\"next_change\",\"next_step\",\"rounds\",\"messages\",\"due\",\"drafts\",\"threads\"):
    assert k in r, k
assert r[\"state\"] == \"waiting\" and r[\"next_step\"] == \"check-in\"
w = r[\"rounds\"][0][\"interviewers\"][0]
assert w[\"addr\"] == \"priya.shah@acme-robotics.example\"
assert 0 < len(w[\"connection_note\"]) <= 300
assert [m[\"direction\"] for m in r[\"messages\"]][:2] == [\"in\", \"out\"], r[\"messages\"]
'"
t_fail "show on a thread with no process" nmf show --now=$NOW "id:bob-1@pals.example"

# noreply: awaiting me (a day later, when the friend's mail has come).
NOW=2026-11-21T12:00:00Z
out=$(nmf noreply --now=$NOW)
t_match "the unanswered friend is listed" 'dinner' "$out"
t_fail "newsletters are not listed" sh -c "echo '$out' | grep -qi 'interview tips'"
t_fail "automated receipts are not listed" sh -c "echo '$out' | grep -qi 'order'"
t_fail "a thread answered from another address is not listed" sh -c "echo '$out' | grep -q Climbing"
t_match "with its age in days" '^ +[0-9]+d +2026-11-' "$out"
t_eq "--older-than keeps only older threads" "" \
    "$(nmf noreply --all --older-than=60 --now=$NOW)"
t_match "QUERY narrows it" 'dinner' "$(nmf noreply --now=$NOW 'from:lindenmail.example')"
t_eq "QUERY narrows it (nothing)" "" "$(nmf noreply --now=$NOW 'tag:no-such-tag')"
# What waits for no answer, and the default window of 30 days.
mk() { # FILE FROM SUBJECT DATE [HEADER...]
    _f=$1 _from=$2 _subj=$3 _date=$4
    shift 4
    {
        printf 'Message-ID: <%s@t160.example>\nDate: %s\nFrom: %s\n' "$_f" "$_date" "$_from"
        printf 'To: Alex Morgan <alex@morgan.example>\nSubject: %s\n' "$_subj"
        for h in "$@"; do printf '%s\n' "$h"; done
        printf '\nA line of text.\n'
    } >"$NMF_TMP/$_f.eml"
    nmf_add "$NMF_TMP/$_f.eml" >/dev/null
}
mk gcal 'Dana Wu <dana@kite.example>' 'Invitation: Coffee chat @ Mon Nov 23, 2026 10am - 10:30am (EST) (alex@morgan.example)' \
    'Fri, 20 Nov 2026 09:00:00 +0000' 'Sender: Google Calendar <calendar-notification@google.com>'
mk outlook 'Sam Lee <sam@corvid.example>' 'Design review' 'Fri, 20 Nov 2026 09:10:00 +0000' \
    'Content-Class: urn:content-classes:calendarmessage'
mk ooo 'Kim Park <kim@orbit.example>' 'Automatic reply: Following up' 'Fri, 20 Nov 2026 09:20:00 +0000'
mk robot 'Acme Careers <no-reply@acme-careers.example>' 'We received your note' 'Fri, 20 Nov 2026 09:30:00 +0000'
mk old 'Old Friend <old@friend.example>' 'Long ago question' 'Mon, 05 Oct 2026 09:00:00 +0000'
notmuch new --quiet
out=$(nmf noreply --now=$NOW)
t_eq "calendar invitations, auto-replies and no-reply senders await no answer" "" \
    "$(printf '%s\n' "$out" | grep -E 'Coffee chat|Design review|Automatic reply|received your note')"
t_match "... while a person's question does" 'dinner' "$out"
t_eq "a thread older than 30 days is left out" "" "$(printf '%s\n' "$out" | grep 'Long ago')"
t_match "--all lists it" 'Long ago question' "$(nmf noreply --all --now=$NOW)"
t_match "--since=60 (days) lists it" 'Long ago question' "$(nmf noreply --since=60 --now=$NOW)"
t_match "--since=DATE lists it" 'Long ago question' "$(nmf noreply --since=2026-10-01 --now=$NOW)"
t_fail "--since and --all together is a usage error" nmf noreply --since=5 --all --now=$NOW
t_match "--older-than=40 looks further back than 30 days" 'Long ago question' \
    "$(nmf noreply --older-than=40 --now=$NOW)"

# awaiting them: the thank-you to Priya and the answer to Bob's question.
out=$(nmf noreply --awaiting=them --now=$NOW)
t_match "the user's thank-you awaits an answer" 'Priya Shah' "$out"
t_ok "noreply --format=json parses" sh -c "'$NMF_BIN' noreply --format=json --now=$NOW | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r and all({\"thread\",\"date\",\"age_days\",\"from\",\"to\",\"subject\",\"awaiting\"} <= set(x) for x in r)
assert r == sorted(r, key=lambda x: x[\"date\"]), \"oldest first\"
'"

# agenda: VTODOs with DUE and a summary naming person, company and role.
t_ok "agenda --output" nmf agenda --now=$NOW --output="$NMF_TMP/agenda.ics"
a=$(cat "$NMF_TMP/agenda.ics")
t_match "a calendar" '^BEGIN:VCALENDAR' "$a"
t_match "to-dos" '^BEGIN:VTODO' "$a"
t_match "the overdue thank-you" 'SUMMARY:Thank-you to Maria Gomez \(Globex' "$a"
t_match "the upcoming check-in" 'SUMMARY:Check-in \(Acme Robotics' "$a"
t_match "due dates" '^DUE:2026' "$a"
t_eq "one VTODO per step" 3 "$(grep -c '^BEGIN:VTODO' "$NMF_TMP/agenda.ics")"

# A mail client moved the draft away before notmuch new saw it: list and
# show agree that there is no draft.
d=$(notmuch search --output=files 'tag:draft and to:maria.gomez@globex.example')
mv "$d" "$NMF_TMP/moved-draft"
t_match "list: no draft" 'Maria Gomez +no draft yet' "$(nmf list --color=never --now=$NOW)"
out=$(nmf show --now=$NOW "$(nmf list --color=never --now=$NOW | awk '/Maria/ {print $4}')")
t_match "show: no draft either" 'no draft yet' "$out"
t_eq "... and lists none" "" "$(printf '%s\n' "$out" | grep -A1 '^drafts:')"

# Wide characters take two columns: a name in Japanese still fits.
cat >"$NMF_TMP/kite.eml" <<'MAIL'
Message-ID: <kite-1@kite-robotics.example>
Date: Mon, 16 Nov 2026 10:00:00 +0000
From: 山田太郎 <taro.yamada@kite-robotics.example>
To: Alex Morgan <alex@morgan.example>
Subject: Interview for the Robotics Engineer role
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

I would like to invite you to an interview for the Robotics Engineer role
on Wednesday, November 18 at 3:00 PM UTC. I will call you then.

山田太郎
MAIL
nmf_add "$NMF_TMP/kite.eml" >/dev/null
notmuch new --quiet
nmf scan --quiet --now=$NOW
for cols in 80 50; do
    t_eq "a wide name fits $cols columns" "" \
        "$(COLUMNS=$cols nmf list --all --color=never --now=$NOW | python3 -c '
import sys, unicodedata
for l in sys.stdin.read().splitlines():
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
    if w > int(sys.argv[1]): print(w, l)' $cols)"
done
t_match "... and is listed" '山田' "$(nmf list --all --color=never --now=$NOW)"
t_done
