#!/bin/sh
# T100: the thin slice of scan, end to end on a real notmuch database —
# an interview invitation with a calendar part becomes a tagged thread and
# ONE thank-you draft per interviewer once the interview has ended; hard
# negatives stay untouched; a second scan changes nothing; the draft
# threads under the invitation and the next 'notmuch new' has nothing to
# add; --dry-run writes nothing; a thank-you written by hand counts.
. "$(dirname "$0")/lib.sh"
nmf_setup

ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
NOW=2026-11-18T12:00:00Z
for f in acme-invite globex-invite initech-invite newsletter-tips \
    podcast-invite press-interview user-research hiring-as-interviewer \
    receipt friend; do
    nmf_add $f.eml >/dev/null
done
notmuch new --quiet
before=$(nmf_dump)

# --dry-run: says what it would do, changes nothing.
out=$(nmf scan --dry-run --now=$NOW)
t_eq "dry run exits 0" 0 $?
t_match "dry run plans Priya's draft" 'draft thank-you to Priya Shah' "$out"
t_match "dry run plans tags" 'tag +thread:.* \+interview \+followup/thank-you' \
    "$out"
t_eq "dry run changed nothing" "$before" "$(nmf_dump)"
t_fail "dry run wrote no draft" test -d "$MAILDIR/Drafts"

# The real scan.
out=$(nmf scan --now=$NOW 2>&1)
t_eq "scan exits 0 with steps due" 0 $?
t_match "scan reports the draft" 'thank-you draft for Priya Shah' "$out"
t_count "three interview threads" 3 --output=threads tag:interview
t_count "acme thread needs a thank-you" 2 "thread:{id:$ACME} and tag:followup/thank-you"
t_count "initech (future interview) waits" 1 'tag:followup/waiting and subject:Initech'
for neg in newsletter-tips podcast-invite press-interview user-research \
    hiring-as-interviewer receipt friend; do
    id=$(sed -n 's/^Message-I[dD]: *<\(.*\)>.*/\1/p' \
        "$NMF_FIXTURES/$neg.eml" | head -n 1)
    t_count "hard negative $neg untagged" 0 "id:$id and (tag:interview or tag:followup/waiting or tag:followup/thank-you)"
done
t_count "no draft for the future interview" 0 'tag:draft and (to:sam.patel or to:dana.wu)'

# Exactly one state tag on every message of an interview thread.
bad=$(notmuch search --output=messages tag:interview | while read -r m; do
    n=$(notmuch search --output=tags "$m" | grep '^followup/' | grep -vc '^followup/obsolete$')
    [ "$n" = 1 ] || echo "$m has $n state tags"
done)
t_eq "exactly one state tag per message" "" "$bad"

# The drafts: one per interviewer whose interview ended, in Drafts/cur.
t_eq "two drafts written" 2 "$(nmf_drafts | wc -l)"
d=$(grep -l '^To: Priya Shah <priya.shah@acme-robotics.example>' \
    "$MAILDIR"/Drafts/cur/* | head -n 1)
t_ok "Priya's draft exists" test -f "$d"
t_match "draft has the D and S flags" ':2,DS$' "$d"
t_match "From is the user" '^From: Alex Morgan <alex.morgan@example.net>' "$(cat "$d")"
t_match "In-Reply-To the invitation" "^In-Reply-To: <$ACME>" "$(cat "$d")"
t_match "References the invitation" "^References: .*<$ACME>" "$(cat "$d")"
t_match "notmuch-emacs files the sent copy in Sent" '^Fcc: Sent$' "$(cat "$d")"
t_eq "no header names the tool, notmuch or a process" "" \
    "$(sed '/^$/q' "$d" | grep -iE '^(x-notmuch|x-mutt|user-agent|x-mailer)|followup|p[0-9a-f]{12}')"
t_match "subject is a reply" '^Subject: Re: Interview invitation: Backend Engineer at Acme Robotics' "$(cat "$d")"
t_match "addressed by first name" '^Hi Priya,' "$(cat "$d")"
t_match "names role and company" 'Backend Engineer role at Acme Robotics' \
    "$(tr '\n' ' ' <"$d")"
t_match "signed with user.name" '^Alex Morgan$' "$(cat "$d")"
t_count "draft is indexed and tagged" 1 "tag:draft and tag:followup and to:priya.shah@acme-robotics.example"
t_count "draft threads under the invitation" 2 "thread:{id:$ACME}"
t_count "no draft to the scheduling organiser" 0 'tag:draft and to:jordan.lee'
t_ok "Python's email parser reads the draft" python3 -c '
import email, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
assert m["To"].addresses[0].addr_spec == "priya.shah@acme-robotics.example"
assert m.get_content().startswith("Hi Priya,")
' "$d"

# The next notmuch new has nothing to add: the draft is indexed already.
out=$(notmuch new 2>&1)
t_match "notmuch new finds nothing new" 'No new mail' "$out"

# Idempotence: a second scan changes nothing, not even the revision.
dump1=$(nmf_dump)
rev1=$(notmuch count --lastmod '*' | cut -f3)
t_ok "second scan" nmf scan --now=$NOW
t_eq "second scan changes no tag or property" "$dump1" "$(nmf_dump)"
t_eq "second scan leaves the revision" "$rev1" "$(notmuch count --lastmod '*' | cut -f3)"
t_eq "still two drafts" 2 "$(nmf_drafts | wc -l)"
t_ok "scan --all agrees" nmf scan --all --now=$NOW
t_eq "scan --all writes nothing new" "$dump1" "$(nmf_dump)"

# list shows what is due, with the draft.
out=$(nmf list --now=$NOW)
t_match "list shows the thank-you" '^thank-you +due today +p[0-9a-f]{6} +Acme Robotics, Backend Engineer' "$out"
t_match "list names the interviewer" 'Backend Engineer +Priya Shah' "$out"
t_match "list names the draft file" 'Priya Shah +Drafts/cur/followup-[0-9a-f]+:2,DS +thread:' "$out"
t_ok "list --format=json is JSON" sh -c "'$NMF_BIN' list --now=$NOW --format=json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r)==2, r; assert r[0][\"step\"]==\"thank-you\"'"
t_match "list --all shows the waiting process" '^waiting +Wed 2026-12-02 +p[0-9a-f]{6} +Initech' \
    "$(nmf list --all --now=$NOW)"

# A deleted draft is never written again.
rm -f "$d"
notmuch new --quiet
t_ok "scan after the user deleted a draft" nmf scan --now=$NOW
t_eq "the deleted draft is not recreated" 1 "$(nmf_drafts | wc -l)"

# A thank-you written by hand counts like one sent from our draft.
nmf_add acme-thankyou.eml Sent >/dev/null
notmuch new --quiet
t_ok "scan after the hand-written thank-you" nmf scan --now=2026-11-20T12:00:00Z
t_count "acme now waits" 2 "thread:{id:$ACME} and tag:followup/waiting"
t_count "acme no longer needs a thank-you" 0 "thread:{id:$ACME} and tag:followup/thank-you"
t_count "the sent thank-you joined the thread's tags" 1 "from:alex.morgan@example.net and tag:interview and not tag:draft"

# A file that vanished or broke: a warning naming it, and the run goes on.
g=$(notmuch search --output=files subject:Globex and not tag:draft | head -n 1)
: >"$g"
out=$(nmf scan --all --now=2026-11-20T12:00:00Z 2>&1); rc=$?
t_eq "a broken file does not fail the scan" 0 $rc
t_match "the broken file is named" "warning: cannot parse '$g'" "$out"

# A locked database: bounded wait, then exit 2 with a clear message.
notmuch config set followup.lock_timeout 1
: >"$NMF_TMP/lock.out"
"$NMF_TOOLS/hold-lock" 20 >"$NMF_TMP/lock.out" &
holder=$!
i=0
while [ "$i" -lt 50 ] && ! grep -q locked "$NMF_TMP/lock.out"; do
    sleep 0.1; i=$((i + 1))
done
start=$(date +%s)
# Under valgrind (3.19) the thread blocked in fcntl(F_OFD_SETLKW) keeps
# valgrind's own lock, so no timer can fire: the bound is checked on the
# program itself (NMF_PLAIN_BIN, set by tests/valgrind-run.sh).
out=$("${NMF_PLAIN_BIN:-$NMF_BIN}" scan --now=2026-11-20T12:00:00Z 2>&1); rc=$?
took=$(($(date +%s) - start))
kill $holder 2>/dev/null; wait $holder 2>/dev/null
t_eq "locked database exits 2" 2 $rc
t_match "locked database is explained" 'locked' "$out"
t_ok "the wait was bounded (${took}s)" test "$took" -le 8

t_done
