#!/bin/sh
# T170: push — drafts reach a REAL Dovecot (started here on 127.0.0.1)
# flagged \Draft, byte for byte, once each; scan pushes with
# followup.imap_push; a wrong password, a server that is down and a failing
# password command give clear errors and lose nothing; an obsolete draft
# is taken off the server.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/dovecot.sh"
nmf_setup
dovecot_start

nmf_add acme-invite.eml >/dev/null
nmf_add initech-invite.eml >/dev/null
notmuch new --quiet
# Pushing, not timing, is what this test is about: the thank-yous of 17
# November must not lapse by the scan of 2 December.
notmuch config set followup.thankyou_lapse_days 0
notmuch config set followup.imap_url "imap://127.0.0.1:$DOVECOT_PORT/Drafts"
notmuch config set followup.imap_user alex
printf 'secret\nsecond line is ignored\n' >"$NMF_TMP/pw"
notmuch config set followup.imap_password_command "cat $NMF_TMP/pw"
t_ok "scan writes the drafts" nmf scan --quiet --now=2026-12-02T20:00:00Z
n=$(notmuch count tag:draft and tag:followup)
t_eq "three drafts (Priya, Sam, Dana)" 3 "$n"

t_ok "push --dry-run" nmf push --dry-run
t_eq "dry run uploads nothing" 0 "$(dovecot_drafts | wc -l)"
out=$(nmf push); rc=$?
t_eq "push exits 0" 0 $rc
t_match "push says what it did" '3 drafts uploaded' "$out"
t_eq "three drafts on the server" 3 "$(dovecot_drafts | wc -l)"
t_eq "each flagged \\Draft (D in the Maildir name)" 3 \
    "$(dovecot_drafts | grep -c ':2,[A-Z]*D')"
# Byte-identical body (the server stores CR LF line ends as they come).
local=$(notmuch search --output=files 'tag:draft and to:priya.shah@acme-robotics.example')
remote=$(grep -l 'priya.shah@acme-robotics.example' $(dovecot_drafts))
t_eq "the body arrived byte for byte" \
    "$(sed -n '/^$/,$p' "$local" | tr -d '\r' | md5sum)" \
    "$(sed -n '/^\r*$/,$p' "$remote" | tr -d '\r' | md5sum)"
t_eq "every draft recorded as pushed" 3 \
    "$(notmuch dump --include=properties | grep -c 'followup.pushed=')"

out=$(nmf push); rc=$?
t_eq "a second push exits 0" 0 $rc
t_eq "a second push uploads nothing" 3 "$(dovecot_drafts | wc -l)"

# Failures: a wrong password, a failing password command, a server down.
printf 'wrong\n' >"$NMF_TMP/pw"
nmf_add umbra-invite.eml >/dev/null
notmuch new --quiet
nmf scan --quiet --now=2026-12-02T20:00:00Z
out=$(nmf push 2>&1); rc=$?
t_eq "wrong password: exit 2" 2 $rc
t_match "the error names the server and its answer" \
    "127.0.0.1.*AUTHENTICATIONFAILED|127.0.0.1.*(Login|denied|failed)" "$out"
t_fail "the password is never printed" sh -c "echo '$out' | grep -q wrong"
t_eq "nothing recorded for the new draft" 3 \
    "$(notmuch dump --include=properties | grep -c 'followup.pushed=')"
notmuch config set followup.imap_password_command "false"
out=$(nmf push 2>&1); rc=$?
t_eq "a failing password command: exit 2" 2 $rc
t_match "... explained" "password command 'false' failed" "$out"
notmuch config set followup.imap_password_command "cat $NMF_TMP/pw"
printf 'secret\n' >"$NMF_TMP/pw"
dovecot_stop
out=$(nmf push 2>&1); rc=$?
t_eq "server down: exit 2" 2 $rc
t_match "... names the server" "on 127.0.0.1 failed: .*connect" "$out"
# scan with imap_push: a network failure is a warning, never a failed hook.
notmuch config set followup.imap_push true
out=$(nmf scan --now=2026-12-02T21:00:00Z 2>&1); rc=$?
t_eq "scan with the server down still exits 0" 0 $rc
t_match "... with a warning" 'warning: the drafts were not pushed' "$out"
dovecot_start_again () {
    dovecot -c "$DOVECOT_DIR/dovecot.conf" </dev/null >/dev/null 2>&1
    dovecot_wait
}
dovecot_start_again
t_ok "the next scan pushes what is left" nmf scan --quiet --now=2026-12-02T21:00:00Z
t_eq "four drafts on the server, no duplicate" 4 "$(dovecot_drafts | wc -l)"

# The server dies in the middle of a push: the rerun finishes the job
# without a duplicate.
notmuch config set followup.imap_push false
nmf_add globex-invite.eml >/dev/null
notmuch new --quiet
nmf scan --quiet --now=2026-12-02T22:00:00Z
before=$(dovecot_drafts | wc -l)
( i=0
  while [ "$(dovecot_drafts | wc -l)" -le "$before" ] && [ $i -lt 300 ]; do
      sleep 0.01; i=$((i + 1))
  done
  pkill -KILL -f "dovecot -c $DOVECOT_DIR/dovecot.conf"
  pkill -KILL -u "$(id -u nobody)" -f 'dovecot/imap' 2>/dev/null ) &
killer=$!
nmf push >/dev/null 2>&1
wait $killer
rm -f "$DOVECOT_DIR/run/master.pid"
dovecot_start_again
t_ok "the push after the crash" nmf push
t_eq "every draft once on the server" \
    "$(notmuch count 'tag:draft and tag:followup and not tag:followup/obsolete')" \
    "$(dovecot_drafts | wc -l)"
t_eq "no Message-ID twice" "" \
    "$(grep -h -i '^Message-Id:' $(dovecot_drafts) | sort | uniq -d)"
notmuch config set followup.imap_push true

# An obsolete draft comes off the server (Alex thanked Priya by hand).
nmf_add acme-thankyou.eml Sent >/dev/null
notmuch new --quiet
t_ok "scan marks the thank-you obsolete and pushes" nmf scan --quiet --now=2026-12-03T12:00:00Z
t_fail "the obsolete thank-you to Priya is gone from the server" sh -c \
    "grep -l '^To: .*priya.shah@acme-robotics.example' $(dovecot_drafts | tr '\n' ' ') 2>/dev/null"
t_eq "the check-in now due went up instead" 1 \
    "$(grep -l '^To: .*jordan.lee@acme-robotics.example' $(dovecot_drafts) | wc -l)"
t_eq "the server holds exactly the live drafts" \
    "$(notmuch count 'tag:draft and tag:followup and not tag:followup/obsolete')" \
    "$(dovecot_drafts | wc -l)"
t_ok "... and still in the local Drafts" test -f "$local"
# A correction that would change a draft that is on the server (the
# interview was on the 16th) leaves both copies as they are (they must
# agree), and says so.
ci=$(notmuch search --output=files 'tag:draft and to:jordan.lee@acme-robotics.example and not tag:followup/obsolete')
cp "$ci" "$NMF_TMP/ci.before"
out=$(nmf note --now=2026-12-03T12:10:00Z --round=1 \
    --interview-at=2026-11-16T18:00:00Z/2026-11-16T19:00:00Z \
    id:20261112150400.7f3a91c2@mail.acme-robotics.example)
t_match "a pushed draft is not rewritten, and note says so" \
    'on the IMAP Drafts folder: not changed' "$out"
t_ok "... the local copy is as it was" cmp -s "$ci" "$NMF_TMP/ci.before"
# Never a password in the config file.
notmuch config set followup.imap_password hunter2
out=$(nmf push 2>&1); rc=$?
t_eq "a password in the config is refused" 2 $rc
t_match "... with what to do instead" 'imap_password_command' "$out"
t_fail "... and it is not echoed" sh -c "echo '$out' | grep -q hunter2"
t_done
