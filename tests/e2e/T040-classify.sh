#!/bin/sh
# T040: classify — kinds, evidence and fields for real files, JSON that
# parses with the fields DESIGN §3 names, a warning and an "error" field
# for a file that cannot be read, exit status 2 only when no file could.
. "$(dirname "$0")/lib.sh"
nmf_setup
F=$NMF_FIXTURES

out=$(nmf classify --format=json "$F/acme-invite.eml" "$F/podcast-invite.eml" \
    "$F/acme-thankyou.eml")
t_eq "classify exits 0" 0 $?
t_ok "JSON parses, with the DESIGN fields" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert isinstance(r, list) and len(r) == 3, r
need = {"file", "kind", "confidence", "evidence", "company", "role",
        "people", "interview_start", "interview_end", "timeline"}
for o in r:
    assert need <= set(o), set(o) ^ need
a, p, t = r
assert a["kind"] == "interview_calendar", a
assert a["file"].endswith("acme-invite.eml")
assert a["company"] == "Acme Robotics" and a["role"] == "Backend Engineer"
assert [x["addr"] for x in a["people"]] == ["priya.shah@acme-robotics.example"]
assert a["interview_start"] == "2026-11-17T18:00:00Z", a
assert a["interview_end"] == "2026-11-17T19:00:00Z"
assert a["evidence"], "no evidence"
assert p["kind"] == "unrelated", p
assert t["kind"] == "candidate_thank_you", t
' "$out"

# Direction comes from the notmuch config by default, or from --user.
t_match "user from the config: the user's own thank-you" \
    '"kind":"candidate_thank_you"' \
    "$(nmf classify --format=json "$F/acme-thankyou.eml")"
t_match "another --user: the same mail is someone else's" \
    '"kind":"(unrelated|interview_invite)"' \
    "$(nmf classify --format=json --user=someone@else.example "$F/acme-thankyou.eml")"

# Text output explains the decision.
out=$(nmf classify "$F/acme-invite.eml")
t_match "text output names the kind" '^kind: interview_calendar' "$out"
t_match "text output lists evidence and its weight" \
    "event-interview: 'interview' in calendar \\([+-][0-9]" "$out"
t_match "text output says scan acts on it" '^act: yes' "$out"

# The weights decide; another table (the trainer's text form) gives
# another answer, a broken one is an error naming the file.
feats=$(nmf classify --format=json --features "$F/acme-invite.eml" | python3 -c '
import json, sys
print(" ".join(json.load(sys.stdin)[0]["features"]))')
{
    echo "kinds interview_invite interview_calendar rejection offer candidate_thank_you candidate_followup recruiter_other unrelated"
    echo "act 0.9"
    echo "bias 0 0 0 0 0 0 0 5"
    for f in $feats; do echo "$f 0 0 0 0 0 0 0 0"; done
} >"$NMF_TMP/flat.weights"
t_match "a table that favours unrelated: unrelated" '"kind":"unrelated"' \
    "$(nmf classify --format=json --weights="$NMF_TMP/flat.weights" "$F/acme-invite.eml")"
# An invitation below the acting confidence of its table, more likely job
# mail than not: scan takes it for the most likely kind that starts
# nothing.
{
    echo "kinds interview_invite interview_calendar rejection offer candidate_thank_you candidate_followup recruiter_other unrelated"
    echo "act 0.9"
    echo "bias 1.5 1.5 0 0 0 0 1 0"
    for f in $feats; do echo "$f 0 0 0 0 0 0 0 0"; done
} >"$NMF_TMP/unsure.weights"
out=$(nmf classify --format=json --weights="$NMF_TMP/unsure.weights" "$F/acme-invite.eml")
t_match "below the acting confidence: the kind is still the invitation" \
    '"kind":"interview_calendar"' "$out"
t_match "below the acting confidence: scan acts on it as recruiter mail" \
    '"act":true,"acts_as":"recruiter_other"' "$out"
head -n 3 "$NMF_TMP/flat.weights" >"$NMF_TMP/short.weights"
nmf classify --weights="$NMF_TMP/short.weights" "$F/acme-invite.eml" \
    >/dev/null 2>"$NMF_TMP/err"
t_eq "an incomplete table: exit 2" 2 $?
t_match "the error names the table and what is missing" \
    "short.weights.*no weights for" "$(cat "$NMF_TMP/err")"

# followup.act_confidence moves the threshold scan acts from.
notmuch config set followup.act_confidence 1.0
t_match "act_confidence 1.0: the invitation is not acted on as one" \
    '"acts_as":"recruiter_other"' \
    "$(nmf classify --format=json "$F/acme-invite.eml")"
# Scan does as classify says: recruiter mail in a thread of no process
# starts none, and no draft is written.
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
t_ok "scan with act_confidence 1.0" nmf scan --quiet --now=2026-11-18T12:00:00Z
t_match "no process from an invitation below the acting confidence" \
    'Nothing needs you now' "$(nmf list --now=2026-11-18T12:00:00Z)"
t_eq "no draft either" 0 "$(notmuch count 'tag:draft and tag:followup')"
notmuch config set followup.act_confidence 0.3
t_match "an act_confidence below 0.5 is refused" 'act_confidence' \
    "$(nmf classify --format=json "$F/acme-invite.eml" 2>&1)"
notmuch config set followup.act_confidence ""

# A file that cannot be read: a warning naming it, an error field, and
# the other files are still classified.
out=$(nmf classify --format=json "$NMF_TMP/missing.eml" "$F/acme-invite.eml" \
    2>"$NMF_TMP/err")
t_eq "one readable file: exit 0" 0 $?
t_match "warning names the file" "cannot parse '$NMF_TMP/missing.eml'" \
    "$(cat "$NMF_TMP/err")"
t_ok "error object for the missing file" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert r[0]["kind"] == "unrelated" and r[0]["error"], r[0]
assert r[1]["kind"] == "interview_calendar"
' "$out"
: >"$NMF_TMP/empty.eml"
nmf classify "$NMF_TMP/empty.eml" "$NMF_TMP/missing.eml" >/dev/null 2>&1
t_eq "no readable file: exit 2" 2 $?
# Evidence is one line each, each once, also when the words it quotes
# wrap in the mail.
cat >"$NMF_TMP/wrapped.eml" <<'MAIL'
From: Nora Lind <nora.lind@acme.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Interview for the Data Engineer role
Date: Mon, 16 Nov 2026 10:00:00 +0000
Message-ID: <wrapped-1@acme.example>

Hi Alex,

We would like to invite you to a phone interview for the role at 1 PM
tomorrow. Please let me know if that time works for you.

Nora
MAIL
out=$(nmf classify "$NMF_TMP/wrapped.eml")
ev=$(printf '%s\n' "$out" | sed -n '/^evidence:/,/^company:/p' | sed '1d;$d')
t_eq "every evidence line is an item" "" "$(printf '%s\n' "$ev" | grep -v '^  - ')"
t_eq "no item twice" "" "$(printf '%s\n' "$ev" | sort | uniq -d)"
t_done
