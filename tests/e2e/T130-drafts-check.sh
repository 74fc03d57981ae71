#!/bin/sh
# T130: drafts are safe and personal, and `check` lints them.  Header
# values from hostile mail cannot inject a header; a panel gets two
# different drafts; check finds placeholders, pay questions, feedback
# demands, duplicates, early and third follow-ups, and exits 1; a clean
# draft exits 0.
. "$(dirname "$0")/lib.sh"
nmf_setup
# The drafts, not their timing, are what this test is about: the
# thank-yous of 17 November must not lapse by the scan of 2 December.
notmuch config set followup.thankyou_lapse_days 0
nmf_add hostile-invite.eml >/dev/null
nmf_add initech-invite.eml >/dev/null
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
t_ok "scan" nmf scan --quiet --now=2026-12-02T20:00:00Z

# The hostile sender: one To, no Bcc, headers one per line, all parse.
h=$(notmuch search --output=files 'tag:draft and to:eve.recruiter@evil-corp.example')
t_ok "a draft to the hostile sender" test -f "$h"
t_eq "no Bcc header was injected" 0 "$(grep -ci '^bcc:' "$h")"
t_eq "exactly one To header" 1 "$(grep -c '^To:' "$h")"
t_eq "exactly one Subject header" 1 "$(grep -c '^Subject:' "$h")"
t_ok "the draft parses cleanly with Python, name and subject intact" python3 -c '
import email, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
assert not m.defects, m.defects
assert len(m.get_all("To")) == 1
to = m["To"].addresses[0]
assert to.addr_spec == "eve.recruiter@evil-corp.example", to
assert "\n" not in to.display_name and "\r" not in to.display_name
assert "Bcc" in to.display_name and "\u00c9" in to.display_name, to.display_name
s = str(m["Subject"])
assert "\n" not in s and "\x00" not in s and "caf\u00e9" in s, repr(s)
assert m.get_content().startswith("Hi Eve")
' "$h"
t_eq "no header line longer than 998 characters" 0 \
    "$(awk 'length($0) > 998' "$h" | wc -l)"

# A panel of two: two drafts in their own words; one passes the thanks
# on to the other, and they share no sentence (issue 16).
a=$(notmuch search --output=files 'tag:draft and to:sam.patel@initech.example')
b=$(notmuch search --output=files 'tag:draft and to:dana.wu@initech.example')
t_match "Dana's draft passes the thanks on to Sam" \
    'pass my thanks on to Sam Patel' "$(tr '\n' ' ' <"$b")"
t_eq "the two drafts share no sentence" "" "$(nmf_twin_sentences "$a" "$b")"

# check on our drafts: the marked line is a placeholder to fill.
out=$(nmf check --now=2026-12-02T20:00:00Z "$a"); rc=$?
t_eq "check exits 1 with findings" 1 $rc
t_match "the unfilled line is found" 'placeholder' "$out"
t_match "... quoted whole, not cut in a word" 'then delete this line\.\]' "$out"
t_fail "no duplicate between the panel drafts" sh -c "echo '$out' | grep -q duplicate"

# A draft with the acme topic is clean.
c=$(notmuch search --output=files 'tag:draft and to:priya.shah@acme-robotics.example')
t_match "the invitation's topic is the detail" 'your fleet telemetry platform' \
    "$(tr '\n' ' ' <"$c")"
t_ok "a draft with a real detail is clean (exit 0)" nmf check --now=2026-12-02T20:00:00Z "$c"

# Hand-written mistakes, from standard input.
cat >"$NMF_TMP/bad.eml" <<'MAIL'
From: Alex Morgan <alex.morgan@example.net>
To: Priya Shah <priya.shah@acme-robotics.example>
Subject: Re: Interview invitation: Backend Engineer at Acme Robotics
In-Reply-To: <20261112150400.7f3a91c2@mail.acme-robotics.example>

Hi Priya,

Thank you for your time. What is the salary range for this role?
If I am not selected, please send me detailed feedback.

Best,
Alex
MAIL
out=$(nmf check --now=2026-12-02T20:00:00Z - <"$NMF_TMP/bad.eml"); rc=$?
t_eq "stdin: exit 1" 1 $rc
t_match "pay question found, with its line" '^-:3: salary' "$out"
t_match "feedback demand found" '^-:4: feedback' "$out"
out=$(nmf check --format=json --now=2026-12-02T20:00:00Z "$NMF_TMP/bad.eml")
t_ok "JSON findings parse" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert {f["code"] for f in r} == {"salary", "feedback"}, r
assert all(set(f) == {"file", "line", "code", "message"} for f in r)
' "$out"

# The same text as another draft of the process (a new message: the user
# pasted Sam's text into a draft of their own).
sed -e 's/^Hi Sam,/Hi Dana,/' -e 's/^\(Message-I[dD]: <\)/\1copy-/' \
    -e 's/^To: .*/To: Dana Wu <dana.wu@initech.example>/' "$a" \
    >"$NMF_TMP/copy.eml"
out=$(nmf check --now=2026-12-02T20:00:00Z "$NMF_TMP/copy.eml")
t_match "a copy of Sam's text is found" 'duplicate.*Sam Patel' "$out"

# A check-in written before it is due.
cat >"$NMF_TMP/early.eml" <<'MAIL'
From: Alex Morgan <alex.morgan@example.net>
To: Jordan Lee <jordan.lee@acme-robotics.example>
Subject: Re: Interview invitation: Backend Engineer at Acme Robotics
In-Reply-To: <20261112150400.7f3a91c2@mail.acme-robotics.example>

Hi Jordan,

I wanted to follow up on the status of my application for the Backend
Engineer role. Is there any update?

Best,
Alex
MAIL
nmf_add acme-thankyou.eml Sent >/dev/null
notmuch new --quiet
out=$(nmf check --now=2026-11-20T12:00:00Z "$NMF_TMP/early.eml")
t_match "a check-in before its date is found" 'too-early' "$out"
t_ok "the same check-in when it is due is clean" \
    nmf check --now=2026-11-27T12:00:00Z "$NMF_TMP/early.eml"
nmf_add acme-checkin.eml Sent >/dev/null
nmf_add acme-final.eml Sent >/dev/null
notmuch new --quiet
out=$(nmf check --now=2026-12-20T12:00:00Z "$NMF_TMP/early.eml")
t_match "a third follow-up is found" 'third-follow-up' "$out"

# In a send hook: the client pipes the whole message on standard input.
out=$(nmf check --now=2026-12-02T20:00:00Z - <"$a"); rc=$?
t_eq "stdin, our untouched draft: exit 1" 1 $rc
t_match "... its placeholder is found" '^-:[0-9]+: placeholder' "$out"
t_fail "... and it is no duplicate of itself" sh -c "printf '%s' '$out' | grep -q duplicate"
line=$(printf '%s\n' "$out" | sed -n 's/^-:\([0-9]*\): placeholder.*/\1/p')
# notmuch-emacs strips Message-ID and Date on resume: still no duplicate.
out=$(grep -v '^\(Message-I[dD]\|Date\):' "$a" |
    nmf check --now=2026-12-02T20:00:00Z -)
t_fail "... not even without its Message-ID" sh -c "printf '%s' '$out' | grep -q duplicate"
# From an mbox: the "From " line before the headers is no header.
out=$({ echo "From alex.morgan@example.net Wed Dec  2 20:00:00 2026"; cat "$a"; } |
    nmf check --now=2026-12-02T20:00:00Z -)
t_match "... nor is an mbox From line" "^-:$line: placeholder" "$out"
# neomutt's <pipe-entry> in the compose menu pipes the body alone.
out=$(sed '1,/^$/d' "$a" | nmf check --now=2026-12-02T20:00:00Z -); rc=$?
t_eq "stdin, a bare body: exit 1" 1 $rc
t_match "... read as a body, the placeholder found on the same line" "^-:$line: placeholder" "$out"
# notmuch-emacs's buffer: message-mode's separator instead of the empty line.
sed '0,/^$/s//--text follows this line--/' "$a" >"$NMF_TMP/mm.txt"
out=$(nmf check --now=2026-12-02T20:00:00Z - <"$NMF_TMP/mm.txt"); rc=$?
t_eq "stdin, a message-mode buffer: exit 1" 1 $rc
t_match "... the placeholder found on the same line" "^-:$line: placeholder" "$out"
out=$(printf '' | nmf check - 2>&1); rc=$?
t_eq "empty standard input is an error (exit 2)" 2 $rc
t_match "... said plainly" "standard input.*empty" "$out"
out=$(printf '\n  \n' | nmf check - 2>&1); rc=$?
t_eq "blank standard input too" 2 $rc
out=$(printf 'From: a@b\nSubject: x\nContent-Type: multipart/mixed; boundary="q"\n\n--q\n' |
    nmf check - 2>&1); rc=$?
t_ne_2() { [ "$1" -lt 128 ]; }
t_ok "a broken message does not crash check (exit $rc)" t_ne_2 $rc

# check --thread looks at every unsent draft of a process.
out=$(nmf check --now=2026-12-02T20:00:00Z --thread="id:a41c9e07-5d2b-4b8e-b6f3-0c2d8e19aa55@initech.example")
t_eq "--thread: both panel drafts checked" 2 \
    "$(printf '%s\n' "$out" | grep -c placeholder)"

# --thread with any thread of the process: Globex's answer to the ATS
# rejection answers Maria, its person, in her thread (not the robot's).
nmf_add globex-invite.eml >/dev/null
nmf_add globex-rejection.eml >/dev/null
notmuch new --quiet
t_ok "scan with the Globex rejection" nmf scan --quiet --now=2026-11-20T12:00:00Z
g=$(notmuch search --output=files 'tag:draft and to:maria.gomez@globex.example')
t_ok "the answer to the rejection is drafted" test -f "$g"
t_count "... in Maria's thread, not the robot's" 1 \
    'thread:{id:CAGx1b7Y3kq9_Vt2@mail.globex.example} and tag:draft'
t_count "... none in the ATS thread" 0 \
    'thread:{id:gh.8812.rej@greenhouse-mail.io} and tag:draft'
# The user adds a line they should not send.
sed -i '0,/^$/!{0,/^Hi /s/^\(Hi .*\)$/\1\n\nWhat was the salary range you had planned for this role?/}' "$g"
gt=$(notmuch search --output=threads id:CAGx1b7Y3kq9_Vt2@mail.globex.example)
t_match "list prints the invitation's thread" "${gt#thread:}" \
    "$(nmf list --format=json --now=2026-11-20T12:00:00Z)"
out=$(nmf check --now=2026-11-20T12:00:00Z --thread="$gt"); rc=$?
t_eq "--thread=the invitation's thread: exit 1" 1 $rc
t_match "... its draft is checked" "$(basename "$g").*salary" "$out"
out=$(nmf check --now=2026-11-20T12:00:00Z \
    --thread=id:gh.8812.rej@greenhouse-mail.io); rc=$?
t_eq "--thread=the ATS thread (another thread of the process): exit 1" 1 $rc
out=$(nmf check --now=2026-11-20T12:00:00Z --thread="${gt#thread:}"); rc=$?
t_eq "... also as a bare thread id" 1 $rc
t_done
