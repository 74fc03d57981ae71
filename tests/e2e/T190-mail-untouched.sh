#!/bin/sh
# T190: the user's mail is never altered (DESIGN §8, issue 9): every file
# under the mail root outside the Drafts folder keeps its name and its
# bytes through `scan --all` over all of the real-world corpus, the
# fixtures and generated interview processes, and through every other
# command (list, show, noreply, agenda, classify, note, snooze, close,
# ignore, check, push to a real Dovecot, install-hook, incremental
# scans).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/dovecot.sh"
nmf_setup
REAL=$(nmf_real_corpus)
t_ok "the real-world corpus is there" test -n "$REAL"
n=0
mkdir -p "$MAILDIR/real/cur" "$MAILDIR/real/new" "$MAILDIR/real/tmp"
find "$REAL" -type f | LC_ALL=C sort | while read -r f; do
    n=$((n + 1))
    cp "$f" "$MAILDIR/real/cur/real$n.corpus:2,S"
done
nmf_add_all_fixtures
python3 "$NMF_SRC/bench/genmail.py" "$MAILDIR" 800 --seed 5 2>/dev/null
notmuch new --quiet 2>/dev/null
sums() {
    (cd "$MAILDIR" && find . -path ./.notmuch -prune -o -path ./Drafts -prune \
        -o -type f -print | LC_ALL=C sort | xargs -d '\n' sha256sum)
}
sums >"$NMF_TMP/before"
t_ok "files to watch" test "$(wc -l <"$NMF_TMP/before")" -gt 1000
same() { # $1: after what
    sums >"$NMF_TMP/after"
    t_eq "nothing changed or moved after $1" "" \
        "$(diff "$NMF_TMP/before" "$NMF_TMP/after" | head -5)"
}
NOW=2026-11-20T12:00:00Z
t_ok "scan --all" nmf scan --all --quiet --now=$NOW
# (The processes of the generated mail older than sixty days start closed:
# this is the first scan of the archive.)
t_ok "it did its work: drafts written" test "$(nmf_drafts | wc -l)" -ge 2
same "scan --all"
THREAD=$(notmuch search --output=threads --limit=1 tag:interview)
t_ok "a process to steer" test -n "$THREAD"
DRAFT=$(nmf_drafts | head -1)
for cmd in "list" "list --all --format=json" "noreply" "noreply --format=json" \
    "agenda" "show $THREAD" "show --format=json $THREAD" \
    "check $DRAFT"; do
    nmf $cmd --now=$NOW >/dev/null 2>&1
    same "$cmd"
done
nmf classify "$MAILDIR"/real/cur/* >/dev/null 2>&1
same "classify of the whole corpus"
nmf note --now=$NOW "$THREAD" "we talked about the telemetry design" >/dev/null
same "note"
nmf snooze --until=2026-11-25 --now=$NOW "$THREAD" >/dev/null
same "snooze"
t_ok "scan after the notes" nmf scan --quiet --now=2026-11-26T09:00:00Z
same "scan"
nmf close --now=2026-11-26T09:00:00Z "$THREAD" >/dev/null
same "close"
nmf ignore "$(notmuch search --output=threads --limit=1 \
    "tag:interview and not $THREAD")" >/dev/null
same "ignore"
python3 "$NMF_SRC/bench/genmail.py" "$MAILDIR" 60 --seed 6 --batch u1 \
    --new 2>/dev/null
notmuch new --quiet 2>/dev/null
sums >"$NMF_TMP/before"
t_ok "scan of new mail" nmf scan --quiet --now=2026-12-01T09:00:00Z
same "scan of new mail"
dovecot_start
notmuch config set followup.imap_url "imap://127.0.0.1:$DOVECOT_PORT/Drafts"
notmuch config set followup.imap_user alex
notmuch config set followup.imap_password_command "echo secret"
t_ok "push" nmf push --quiet
same "push"
t_ok "install-hook" nmf install-hook
same "install-hook"
t_done
