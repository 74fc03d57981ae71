#!/bin/sh
# T185: scan evaluates only the processes that may have moved (news in
# the changed range, mail the user sent, or a recheck time that has come;
# issue 8), and that must never change an outcome.  Two copies of the same
# mailbox step through five weeks, twice a day, with new mail arriving now
# and then: copy A runs `scan` as the hook does, copy B `scan --all`
# (every message and every process, each time).  After every step the
# processes (list --all --format=json) must agree, and at the end the tags,
# properties and drafts too.  Then: a scan with nothing new and nothing
# due writes nothing, and a change of settings makes scan look at
# everything again.
. "$(dirname "$0")/lib.sh"
nmf_setup
GEN=$NMF_SRC/bench/genmail.py
nmf_add_all_fixtures
python3 "$GEN" "$MAILDIR" 600 --seed 11 2>/dev/null
B=$NMF_TMP/b
nmf_twin "$B"
nb() { nmf_b "$@"; }

# The recheck property is bookkeeping (only A keeps it current); compare
# everything else.
state_norecheck() {
    NOTMUCH_CONFIG=$1 notmuch dump --include=properties --include=tags |
        sed -e 's/ followup\.recheck=[^ ]*//' | nmf_draft_ids_out |
        LC_ALL=C sort
}

# Thread ids are handed out in indexing order, which differs when drafts
# are indexed in another order; the paths differ by the mail root.
norm() { sed -e "s#$1/#ROOT/#g" -e 's/"thread":"[0-9a-f]*"/"thread":T/g' -e 's/"draft_id":"[^"]*"/"draft_id":D/g'; }
steps=0 differ=0 batch=0
day=0
# Under the sanitizers or valgrind a shorter walk, one step a day, keeps
# the run short; the plain run walks all five weeks twice a day.
days=35 hours="08 20"
[ $NMF_SLOW = yes ] && days=12 hours="08"
per_day=$(echo $hours | wc -w)
while [ $day -lt $days ]; do
    for hour in $hours; do
        now=$(date -u -d "2026-11-01 + $day days" +%Y-%m-%d)T$hour:00:00Z
        if [ $((day % 5)) = 2 ] && [ $hour = 08 ]; then
            batch=$((batch + 1))
            python3 "$GEN" "$MAILDIR" 40 --seed $((200 + batch)) \
                --batch "t$batch" --new 2>/dev/null
            python3 "$GEN" "$B/mail" 40 --seed $((200 + batch)) \
                --batch "t$batch" --new 2>/dev/null
            notmuch new --quiet --no-hooks
            nb notmuch new --quiet --no-hooks
        fi
        nmf scan --quiet --now=$now || differ=$((differ + 1000))
        nb "$NMF_BIN" scan --all --quiet --now=$now || differ=$((differ + 1000))
        a=$(nmf list --all --format=json --now=$now | norm "$MAILDIR")
        b=$(nb "$NMF_BIN" list --all --format=json --now=$now | norm "$B/mail")
        if [ "$a" != "$b" ]; then
            differ=$((differ + 1))
            [ $differ = 1 ] && printf '%s\n%s\n' "$a" "$b" >"$NMF_TMP/first-diff"
            [ $differ = 1 ] && echo "first difference at $now" >&2
        fi
        steps=$((steps + 1))
    done
    day=$((day + 1))
done
t_eq "every step taken" $((days * per_day)) $steps
t_eq "the processes agree at every step" 0 $differ
t_ok "there are processes" test "$(nmf list --all --format=json | grep -o '"process"' | wc -l)" -ge 5
state_norecheck "$NOTMUCH_CONFIG" >"$NMF_TMP/a.state"
state_norecheck "$B/config" >"$NMF_TMP/b.state"
t_ok "the same tags and properties at the end" \
    cmp "$NMF_TMP/a.state" "$NMF_TMP/b.state"
nmf_drafts_text "$MAILDIR" >"$NMF_TMP/a.drafts"
nmf_drafts_text "$B/mail" >"$NMF_TMP/b.drafts"
t_ok "drafts were written along the way" test -s "$NMF_TMP/a.drafts"
t_ok "the same drafts at the end" cmp "$NMF_TMP/a.drafts" "$NMF_TMP/b.drafts"

# Nothing new, nothing due: nothing is written, not even the revision.
LAST=2026-12-05T20:00:00Z
nmf scan --quiet --now=$LAST
rev=$(notmuch count --lastmod '*' | cut -f3)
t_ok "a scan an hour later" nmf scan --quiet --now=2026-12-05T21:00:00Z
t_eq "... leaves the revision" "$rev" "$(notmuch count --lastmod '*' | cut -f3)"
# Every open process records when to look at it again (or "never").
t_ok "open processes record when to look again" \
    test "$(notmuch dump --include=properties | grep 'followup.open=1' | grep -c 'followup.recheck=')" \
    -eq "$(notmuch count 'property:followup.open=1')"
# A change of settings: every process is evaluated again at once.
notmuch config set followup.checkin_business_days 3
nb notmuch config set followup.checkin_business_days 3
t_ok "scan after a change of settings" nmf scan --quiet --now=2026-12-05T22:00:00Z
t_ok "scan --all on the copy" nb "$NMF_BIN" scan --all --quiet --now=2026-12-05T22:00:00Z
t_eq "... both see the new cadence" \
    "$(nb "$NMF_BIN" list --all --format=json --now=2026-12-05T22:00:00Z |
        norm "$B/mail")" \
    "$(nmf list --all --format=json --now=2026-12-05T22:00:00Z |
        norm "$MAILDIR")"
# The user's own tag changes: a draft deleted the notmuch-emacs way
# (tagged deleted) and a state tag taken off a thread by hand.  No
# candidate for the classifier comes of them (our own drafts are never
# input), yet their processes must be looked at again: the hook's scan
# must see them as scan --all does (the changed range names them).
T=2026-12-05T23:00:00Z
d=$(notmuch search --output=messages --limit=1 'tag:draft AND tag:followup')
st=followup/waiting
s=$(notmuch search --output=threads --limit=1 "tag:$st")
t_ok "a draft and a waiting thread to change" test -n "$d" -a -n "$s"
# The same draft in the copy (its Message-ID is random): by its key.
key=$(notmuch dump --include=properties -- "$d" |
    sed -n 's/.* followup\.draft=\([^ ]*\).*/\1/p' |
    python3 -c 'import sys, urllib.parse as u; print(u.unquote(sys.stdin.read().strip()))')
t_eq "the copy has that draft" 1 "$(nb notmuch count "property:\"followup.draft=$key\"")"
notmuch tag +deleted -- "$d"
nb notmuch tag +deleted -- "property:\"followup.draft=$key\""
notmuch tag "-$st" -- "$s"
nb notmuch tag "-$st" -- "$s"
state_norecheck "$NOTMUCH_CONFIG" >"$NMF_TMP/a.user"
t_ok "scan after the user's tags" nmf scan --quiet --now=$T
t_ok "scan --all on the copy" nb "$NMF_BIN" scan --all --quiet --now=$T
state_norecheck "$NOTMUCH_CONFIG" >"$NMF_TMP/a.state"
state_norecheck "$B/config" >"$NMF_TMP/b.state"
t_fail "the scan looked at those processes again" \
    cmp -s "$NMF_TMP/a.user" "$NMF_TMP/a.state"
t_ok "... as scan --all did" cmp "$NMF_TMP/a.state" "$NMF_TMP/b.state"
t_done
