#!/bin/sh
# T180: the index prefilter loses nothing (issue 8, DESIGN §8).  The same
# mailbox — every fixture, the labelled corpus of tests/corpus, the
# real-world corpus, and a generated mailbox with whole interview
# processes among ordinary mail (bench/genmail.py) — is scanned twice: once
# as the hook does (only the candidates the index names are parsed) and
# once with --no-prefilter (every message parsed).  Tags, properties and
# drafts must agree exactly; only the drafts' random Message-IDs and the
# database's own identity differ.  Then the same again, incrementally:
# a second batch of mail arrives and `scan` (no --all) runs on both.
. "$(dirname "$0")/lib.sh"
nmf_setup
NOW=2026-11-20T12:00:00Z
GEN=$NMF_SRC/bench/genmail.py
# Under the sanitizers every run is many times slower: a smaller
# generated mailbox and no real-world corpus (the plain run checks the
# equivalence at full size; T190 scans the real corpus under them).
size=1500 more=400 real=$(nmf_real_corpus) files=600
[ $NMF_SLOW = yes ] && size=300 more=100 real= files=150

nmf_add_all_fixtures
t_ok "generate $size messages" python3 "$GEN" "$MAILDIR" $size --seed 7
# The labelled corpus (invitations, outcomes and look-alikes in many
# phrasings) and the real-world corpus too.
n=0
mkdir -p "$MAILDIR/corpus/cur" "$MAILDIR/corpus/new" "$MAILDIR/corpus/tmp"
for f in $(find "$NMF_SRC/tests/corpus" $real -type f \
    ! -name README.md | LC_ALL=C sort); do
    n=$((n + 1))
    cp "$f" "$MAILDIR/corpus/cur/c$n.corpus:2,S"
done
t_ok "the corpora are in ($n files)" test $n -ge $files
# A second database over a copy of the same mail.
B=$NMF_TMP/b
nmf_twin "$B"

# Tags and properties with our drafts' Message-IDs (random) and the scan
# position (names the database) taken out; then the drafts' text without
# their Message-ID.
state() {
    NOTMUCH_CONFIG=$1 notmuch dump |
        grep -v '^#@ followup.lastmod' |
        nmf_draft_ids_out | LC_ALL=C sort
}

t_ok "scan --all with the prefilter" nmf scan --all --quiet --now=$NOW
t_ok "scan --all --no-prefilter on the copy" \
    env NOTMUCH_CONFIG="$B/config" "$NMF_BIN" scan --all --no-prefilter \
    --quiet --now=$NOW
state "$NOTMUCH_CONFIG" >"$NMF_TMP/a.state"
state "$B/config" >"$NMF_TMP/b.state"
t_ok "the generated mailbox has processes" \
    test "$(grep -c 'followup.state=' "$NMF_TMP/a.state")" -ge 5
t_ok "the same tags and properties" cmp "$NMF_TMP/a.state" "$NMF_TMP/b.state"
nmf_drafts_text "$MAILDIR" >"$NMF_TMP/a.drafts"
nmf_drafts_text "$B/mail" >"$NMF_TMP/b.drafts"
t_ok "drafts were written" test -s "$NMF_TMP/a.drafts"
t_ok "the same drafts" cmp "$NMF_TMP/a.drafts" "$NMF_TMP/b.drafts"

# New mail arrives in both; the hook's incremental scan must agree too.
t_ok "a second batch" python3 "$GEN" "$MAILDIR" $more --seed 8 --batch n --new
python3 "$GEN" "$B/mail" $more --seed 8 --batch n --new 2>/dev/null
nmf_new --no-hooks >/dev/null
NOTMUCH_CONFIG=$B/config notmuch new --quiet --no-hooks
LATER=2026-11-27T12:00:00Z
t_ok "scan with the prefilter" nmf scan --quiet --now=$LATER
t_ok "scan --no-prefilter on the copy" \
    env NOTMUCH_CONFIG="$B/config" "$NMF_BIN" scan --no-prefilter \
    --quiet --now=$LATER
state "$NOTMUCH_CONFIG" >"$NMF_TMP/a.state"
state "$B/config" >"$NMF_TMP/b.state"
t_ok "... the same tags and properties" \
    cmp "$NMF_TMP/a.state" "$NMF_TMP/b.state"
nmf_drafts_text "$MAILDIR" >"$NMF_TMP/a.drafts"
nmf_drafts_text "$B/mail" >"$NMF_TMP/b.drafts"
t_ok "... the same drafts" cmp "$NMF_TMP/a.drafts" "$NMF_TMP/b.drafts"

# Progress: on a terminal only, never with --quiet or into a pipe.
tty_err() {
    script -qec "$NMF_BIN scan --all --dry-run --now=$LATER $* >/dev/null" \
        /dev/null | tr '\r' '\n'
}
out=$(tty_err)
total=$(echo "$out" | sed -n 's#^scan: parsed \([0-9]*\)/\1 messages.*#\1#p' | tail -1)
t_ok "scan --all on a terminal ends with a full progress line" test -n "$total"
t_ok "... counting every candidate" test "$total" -gt 100
t_match "... with a rate" '[0-9]+/s' "$out"
t_eq "... silent with --quiet" "" "$(tty_err --quiet)"
t_eq "... silent when stderr is not a terminal" "" \
    "$(nmf scan --all --dry-run --now=$LATER 2>&1 >/dev/null)"
t_done
