#!/bin/sh
# T200: crash safety (issue 9, item 3).  `scan --all` is killed with
# SIGKILL at 32 moments spread over its run (a fixed sequence, so that the
# test does not depend on chance) on a mailbox with many due drafts; then
# `scan` runs to completion.  Every due draft exists exactly once, no
# partial file is left in Drafts (stale tmp files of ours are cleaned),
# and the tags, properties and drafts are those of a copy that was never
# killed (scan --all once).
. "$(dirname "$0")/lib.sh"
nmf_setup
# Kills on a mailbox with many due drafts are what this test is about:
# the generated archive's old processes must not start closed.
notmuch config set followup.import_horizon_days 0
nmf_add_all_fixtures
# A smaller mailbox when every run is slow (sanitizers, valgrind).
size=5000
[ $NMF_SLOW = yes ] && size=350
python3 "$NMF_SRC/bench/genmail.py" "$MAILDIR" $size --seed 21 2>/dev/null
notmuch new --quiet
NOW=2026-11-27T09:00:00Z
B=$NMF_TMP/b
nmf_twin "$B"

s=$(date +%s%N)
NOTMUCH_CONFIG=$B/config "$NMF_BIN" scan --all --quiet --now=$NOW
e=$(date +%s%N)
ms=$(((e - s) / 1000000))
ndrafts=$(ls "$B/mail/Drafts/cur" | wc -l)
t_ok "the copy never killed has many drafts ($ndrafts)" test "$ndrafts" -ge 5
echo "a whole scan --all takes $ms ms" >&2

# 32 kills mid-run; a run that finishes before its moment counts as no
# kill, and the round is tried again (at most three times as many
# rounds) with the moments scaled down: on a busy machine the first
# whole run may have been slower than the later ones.
# Moments from LO to HI of a whole run, in a shuffled order.
ROUNDS=32 LO=0.03 HI=0.85
# Under valgrind a run takes half a minute: fewer kills, and later ones
# (the drafts come last; the early moments are the plain run's job).
case ${NMF_MAKE_ARGS-} in *VALGRIND=1*) ROUNDS=8 LO=0.40 HI=0.97 ;; esac
# Under the sanitizers a third as many (the plain run kills 32 times).
case ${NMF_MAKE_ARGS-} in *SANITIZE=1*) ROUNDS=11 ;; esac
killed=0 finished=0
i=0
while [ $killed -lt $ROUNDS ] && [ $i -lt $((ROUNDS * 3)) ]; do
    i=$((i + 1))
    at=$(awk -v i=$i -v n=$ROUNDS -v ms=$ms -v lo=$LO -v hi=$HI 'BEGIN {
        k = (i * 13) % n
        printf "%.3f", ms * (lo + (hi - lo) * k / (n - 1)) / 1000 }')
    "$NMF_BIN" scan --all --quiet --now=$NOW >/dev/null 2>&1 &
    pid=$!
    sleep "$at"
    if kill -KILL $pid 2>/dev/null; then
        killed=$((killed + 1))
    else
        finished=$((finished + 1))
        ms=$((ms * 3 / 4 + 1))
    fi
    wait $pid 2>/dev/null
done
echo "killed $killed times, $finished runs finished first" >&2
t_ok "killed mid-run $killed times (of $i rounds)" test $killed -ge $ROUNDS

# What a run killed inside a draft's write leaves: a tmp file of ours
# (marked); another program's tmp file must stay.
mkdir -p "$MAILDIR/Drafts/tmp"
echo partial >"$MAILDIR/Drafts/tmp/followup-0123456789abcdef0123.nmf-draft.w"
echo theirs >"$MAILDIR/Drafts/tmp/1795000000.M1P2.host"
before=$(ls "$MAILDIR/Drafts/cur" 2>/dev/null | wc -l)
t_ok "killed runs had got as far as writing drafts ($before)" test "$before" -gt 0
t_ok "scan runs to completion" nmf scan --quiet --now=$NOW
t_eq "no file of ours left in Drafts/tmp, another's kept" \
    "1795000000.M1P2.host" "$(ls "$MAILDIR/Drafts/tmp")"
t_eq "no file in Drafts/new" "" "$(ls "$MAILDIR/Drafts/new")"
# Every draft whole: its headers (the Fcc among them) and a body that
# ends as our drafts end, with the user's name.
bad=0
for f in "$MAILDIR"/Drafts/cur/*; do
    { grep -q '^Fcc: ' "$f" && tail -n 3 "$f" | grep -q 'Alex'; } ||
        bad=$((bad + 1))
done
t_eq "every draft is whole" 0 $bad
# Also when nothing is due: any scan clears a stale tmp file of ours.
echo partial >"$MAILDIR/Drafts/tmp/followup-fedcba98765432109876.nmf-draft.w"
t_ok "a scan with nothing due" nmf scan --quiet --now=$NOW
t_eq "... clears it too" "1795000000.M1P2.host" "$(ls "$MAILDIR/Drafts/tmp")"
t_eq "each due draft exactly once (as many as the copy)" "$ndrafts" \
    "$(ls "$MAILDIR/Drafts/cur" | wc -l)"
t_eq "one draft per step, round and person" "" \
    "$(notmuch dump --include=properties | grep -o 'followup.draft=[^ ]*' |
        sort | uniq -d)"
state() {
    NOTMUCH_CONFIG=$1 notmuch dump --include=properties --include=tags |
        nmf_draft_ids_out | LC_ALL=C sort
}
state "$NOTMUCH_CONFIG" >"$NMF_TMP/a.state"
state "$B/config" >"$NMF_TMP/b.state"
t_eq "the same tags and properties as the copy never killed" "" \
    "$(diff "$NMF_TMP/a.state" "$NMF_TMP/b.state" | head -6)"
nmf_drafts_text "$MAILDIR" >"$NMF_TMP/a.drafts"
nmf_drafts_text "$B/mail" >"$NMF_TMP/b.drafts"
t_eq "the same drafts as the copy never killed" "" \
    "$(diff "$NMF_TMP/a.drafts" "$NMF_TMP/b.drafts" | head -6)"
t_done
