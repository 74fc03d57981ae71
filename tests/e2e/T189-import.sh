#!/bin/sh
# T189: the first scan of an old archive (issue 19, DESIGN §5).  A process
# whose last message is older than followup.import_horizon_days (60) when
# scan first sees it starts closed: no thank-you 100 days late, no
# check-in, no draft.  The same mail scanned while it was young is a live
# process.  Copy A is the old archive, copy B the live mailbox.
. "$(dirname "$0")/lib.sh"
nmf_setup
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
state_of() { # $1 config
    NOTMUCH_CONFIG=$1 notmuch search --output=tags "thread:{id:$ACME}" |
        grep '^followup/' | grep -v '^followup/obsolete$' | tr '\n' ' ' |
        sed 's/ $//'
}
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
nmf_twin "$NMF_TMP/b"

# A: first seen on 1 March 2027, 104 days after the interview.
t_ok "scan --all of the old archive" \
    nmf scan --all --quiet --now=2027-03-01T12:00:00Z
t_eq "it starts closed" followup/closed "$(state_of "$NOTMUCH_CONFIG")"
t_eq "no draft" 0 "$(notmuch count 'tag:draft and tag:followup')"
t_match "show says why" 'first scanned' \
    "$(nmf show --now=2027-03-01T12:00:00Z id:$ACME)"

# B: seen the day after the interview, then on 1 March.
t_ok "scan while it is young" \
    nmf_b "$NMF_BIN" scan --quiet --now=2026-11-18T12:00:00Z
t_ok "scan on 1 March" nmf_b "$NMF_BIN" scan --quiet --now=2027-03-01T12:00:00Z
t_eq "a live process grown old is not closed by the horizon" \
    followup/check-in "$(state_of "$NMF_TMP/b/config")"
t_done
