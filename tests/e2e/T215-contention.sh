#!/bin/sh
# T215: contention (issue 9, item 4).  A `notmuch new` loop (new mail
# arriving) and a `notmuch tag` loop (the user tagging) run against the
# database while `scan` runs again and again, as the hook and by hand,
# until each side has done a set amount of work (not for a set time: a
# slow machine takes longer, it does not do less).  scan either succeeds or, when the write lock stays taken
# beyond followup.lock_timeout, exits 2 saying that the database is
# locked — nothing else; notmuch never fails; no tag the user set is
# lost; and in the end every process thread has exactly one state tag.
. "$(dirname "$0")/lib.sh"
nmf_setup
nmf_add_all_fixtures
GEN=$NMF_SRC/bench/genmail.py
python3 "$GEN" "$MAILDIR" 400 --seed 41 2>/dev/null
notmuch new --quiet
notmuch config set followup.lock_timeout 2
# The work each side does: scans (fewer under the sanitizers), tags the
# user sets, runs of notmuch new.  HANG only catches a hang.
RUNS=20 TAGS=150 NEWS=4 HANG=900
[ $NMF_SLOW = yes ] && RUNS=6
NOW=2026-11-20T12:00:00Z
STOP=$NMF_TMP/stop
ids=$(notmuch search --output=messages --limit=40 '*' | sed 's/^id://')

(   # new mail arrives
    i=0
    while [ ! -e "$STOP" ]; do
        i=$((i + 1))
        python3 "$GEN" "$MAILDIR" 5 --seed $((500 + i)) --batch "c$i" --new \
            2>/dev/null
        notmuch new --quiet --no-hooks 2>>"$NMF_TMP/new.err" ||
            echo "notmuch new failed ($?)" >>"$NMF_TMP/new.err"
        echo $i >>"$NMF_TMP/new.runs"
    done
    echo $i >"$NMF_TMP/new.count"
) &
NEWPID=$!
(   # the user tags
    i=0
    while [ ! -e "$STOP" ]; do
        for id in $ids; do
            i=$((i + 1))
            if notmuch tag "+mine-$i" -- "id:$id" 2>>"$NMF_TMP/tag.err"; then
                echo "$id mine-$i" >>"$NMF_TMP/tags"
            else
                echo "notmuch tag failed ($?)" >>"$NMF_TMP/tag.err"
            fi
            [ -e "$STOP" ] && break
        done
    done
) &
TAGPID=$!

tags_set() { [ -f "$NMF_TMP/tags" ] && wc -l <"$NMF_TMP/tags" || echo 0; }
news_run() { [ -f "$NMF_TMP/new.runs" ] && wc -l <"$NMF_TMP/new.runs" || echo 0; }
end=$(($(date +%s) + HANG))
runs=0 ok=0 locked=0 other=0
while [ $runs -lt $RUNS ] || [ "$(tags_set)" -lt $TAGS ] ||
    [ "$(news_run)" -lt $NEWS ]; do
    [ "$(date +%s)" -lt $end ] || break
    runs=$((runs + 1))
    out=$(nmf scan --quiet --now=$NOW 2>&1); rc=$?
    if [ $rc = 0 ]; then
        ok=$((ok + 1))
    elif [ $rc = 2 ] && printf '%s' "$out" | grep -q 'locked'; then
        locked=$((locked + 1))
    else
        other=$((other + 1))
        printf 'rc %s: %s\n' "$rc" "$out" >>"$NMF_TMP/scan.err"
    fi
done
touch "$STOP"
wait $NEWPID $TAGPID
echo "scan: $runs runs, $ok ok, $locked locked; notmuch new: $(cat "$NMF_TMP/new.count") runs; notmuch tag: $(wc -l <"$NMF_TMP/tags") tags" >&2
t_ok "no hang: every side did its work in time" test "$(date +%s)" -lt $end
t_ok "scan ran many times ($runs)" test $runs -ge $RUNS
t_ok "scans did their work ($ok)" test $ok -ge $((RUNS / 2))
t_eq "no scan failed other than 'locked'" "" "$(cat "$NMF_TMP/scan.err" 2>/dev/null | head -3)"
t_eq "notmuch new never failed" "" "$(cat "$NMF_TMP/new.err" 2>/dev/null | head -3)"
t_eq "notmuch tag never failed" "" "$(cat "$NMF_TMP/tag.err" 2>/dev/null | head -3)"
t_ok "the user set many tags" test "$(tags_set)" -ge $TAGS
t_ok "new mail came in the meantime" test "$(news_run)" -ge $NEWS
lost=0
while read -r id tag; do
    notmuch search --output=tags "id:$id" | grep -qx "$tag" || lost=$((lost + 1))
done <"$NMF_TMP/tags"
t_eq "no tag the user set was lost" 0 $lost
t_ok "a last scan" nmf scan --quiet --now=$NOW
bad=0
for t in $(notmuch search --output=threads tag:interview); do
    n=$(notmuch search --output=tags "$t" | grep '^followup/' |
        grep -vc '^followup/obsolete$')
    [ "$n" = 1 ] || bad=$((bad + 1))
done
t_eq "one state tag per process thread" 0 $bad
t_done
