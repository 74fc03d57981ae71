#!/bin/sh
# T165: noreply cut in slices (issue 8, (e)).  On a big index noreply
# walks the newest-first order in several processes, each with a database
# of its own, and merges their findings.  Whatever the cut — one slice,
# two, three, seven, a child that fails and whose slice the parent then
# walks itself — the output is the same, in every format and direction.
# NMF_TEST_SLICES forces the cut on this small mailbox (without it, only
# an index of more than 10000 messages is cut).
. "$(dirname "$0")/lib.sh"
nmf_setup
NOW=2026-11-20T12:00:00Z

nmf_add_all_fixtures
t_ok "generate 1500 messages" python3 "$NMF_SRC/bench/genmail.py" \
    "$MAILDIR" 1500 --seed 11
t_ok "notmuch new" notmuch new --quiet --no-hooks

views() {
    for a in me them; do
        for f in text json; do
            "$NMF_BIN" noreply --all --awaiting=$a --format=$f --now=$NOW || echo FAILED
        done
        "$NMF_BIN" noreply --all --awaiting=$a --older-than=30 --now=$NOW || echo FAILED
        "$NMF_BIN" noreply --awaiting=$a --now=$NOW 'date:2026-01-01..' || echo FAILED
        "$NMF_BIN" noreply --awaiting=$a --since=90 --now=$NOW || echo FAILED
    done
}
one=$(NMF_TEST_SLICES=1 views)
t_ok "one slice lists threads awaiting me" test "$(NMF_TEST_SLICES=1 \
    "$NMF_BIN" noreply --all --now=$NOW | wc -l)" -ge 20
t_ok "and threads awaiting them" test "$(NMF_TEST_SLICES=1 \
    "$NMF_BIN" noreply --all --awaiting=them --now=$NOW | wc -l)" -ge 5
t_fail "no view failed" sh -c "echo '$one' | grep -q FAILED"
for n in 2 3 7; do
    t_eq "$n slices give the same output" "$one" "$(NMF_TEST_SLICES=$n views)"
done
t_eq "a failed child's slice is walked by the parent" "$one" \
    "$(NMF_TEST_SLICES=3 NMF_TEST_SLICE_FAIL=2 views)"
t_eq "so is the last one's" "$one" \
    "$(NMF_TEST_SLICES=4 NMF_TEST_SLICE_FAIL=3 views)"
t_eq "the default (a small index: not cut) agrees" "$one" "$(views)"
t_done
