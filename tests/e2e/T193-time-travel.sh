#!/bin/sh
# T193: time travel is safe (issue 19).  A scan with --now ahead of the
# last one writes the state of that time; a scan at an earlier time
# re-evaluates every process, closed ones too, and puts back what that
# time implies: the state tags, and drafts due again lose
# followup/obsolete, so that list, show and the tags agree.  A --now
# ahead of the clock without --dry-run says, in one line, that it writes.
. "$(dirname "$0")/lib.sh"
nmf_setup
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
live_drafts() {
    notmuch count 'tag:draft and tag:followup and not tag:followup/obsolete'
}
list_state() { # the state list --all --format=json gives the process
    nmf list --all --format=json --now="$1" |
        /usr/bin/env python3 -c 'import json,sys; print(" ".join(p["state"] for p in json.load(sys.stdin)))'
}
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet

# A thank-you due, then lapsed, then due again at an earlier time.
t_ok "scan on 18 Nov" nmf scan --quiet --now=2026-11-18T12:00:00Z
t_eq "a thank-you is due" followup/thank-you "$(nmf_state_of $ACME)"
t_eq "its draft is live" 1 "$(live_drafts)"
t_ok "scan on 25 Nov" nmf scan --quiet --now=2026-11-25T12:00:00Z
t_eq "it lapsed" followup/waiting "$(nmf_state_of $ACME)"
t_eq "its draft is obsolete" 0 "$(live_drafts)"
t_ok "scan on 19 Nov again" nmf scan --quiet --now=2026-11-19T12:00:00Z
t_eq "the thank-you is due again" followup/thank-you "$(nmf_state_of $ACME)"
t_eq "the same draft is live again" 1 "$(live_drafts)"
t_eq "and no second one was written" 1 \
    "$(notmuch count 'tag:draft and tag:followup')"
t_eq "list agrees" thank-you "$(list_state 2026-11-19T12:00:00Z)"

# The whole cadence by hand: thank-you, check-in, final (no phone).
nmf_add acme-thankyou.eml Sent >/dev/null
nmf_add acme-checkin.eml Sent >/dev/null
nmf_add acme-final.eml Sent >/dev/null
notmuch new --quiet
t_ok "scan on 14 Dec" nmf scan --quiet --now=2026-12-14T12:00:00Z
t_eq "after the final: waiting" followup/waiting "$(nmf_state_of $ACME)"
t_ok "scan ahead, on 1 Feb" nmf scan --quiet --now=2027-02-01T12:00:00Z
t_eq "ten business days after the final: closed" followup/closed \
    "$(nmf_state_of $ACME)"
t_ok "scan back on 14 Dec" nmf scan --quiet --now=2026-12-14T12:00:00Z
t_eq "the closed process is waiting again" followup/waiting \
    "$(nmf_state_of $ACME)"
t_eq "list agrees" waiting "$(list_state 2026-12-14T12:00:00Z)"
t_match "show agrees" 'state: *waiting' \
    "$(nmf show --now=2026-12-14T12:00:00Z id:$ACME)"
t_eq "no step is due" "Nothing needs you now." \
    "$(nmf list --now=2026-12-14T12:00:00Z)"

# The warning: once, for a --now ahead of the clock that writes.
err=$(nmf scan --now=2099-01-05T12:00:00Z 2>&1 >/dev/null)
t_match "a scan ahead of the clock says it writes" 'ahead of the clock' "$err"
t_eq "in one line" 1 "$(printf '%s\n' "$err" | grep -c 'ahead of the clock')"
t_eq "a dry run says nothing" "" \
    "$(nmf scan --dry-run --now=2099-01-06T12:00:00Z 2>&1 >/dev/null)"
t_eq "neither does a scan at a past time" "" \
    "$(nmf scan --now=2026-11-30T12:00:00Z 2>&1 >/dev/null)"
t_eq "which puts the state back" followup/waiting "$(nmf_state_of $ACME)"
t_done
