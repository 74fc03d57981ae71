#!/bin/sh
# T188: late steps lapse (issue 19, DESIGN §5).  A thank-you not sent
# within followup.thankyou_lapse_days (5) business days of the interview
# is no longer due: its unsent draft becomes followup/obsolete, the
# process waits for its check-in, and the check-in comes as usual.
. "$(dirname "$0")/lib.sh"
nmf_setup
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
# The interview is on Tuesday 17 November, 10:00-11:00 Pacific.
t_ok "scan on 18 Nov" nmf scan --quiet --now=2026-11-18T12:00:00Z
t_eq "a thank-you is due" followup/thank-you "$(nmf_state_of $ACME)"
draft=$(notmuch search --output=messages 'tag:draft and tag:followup' | head -1)
t_match "its draft is written" '^id:' "$draft"
t_ok "scan on Tue 24 Nov, morning" nmf scan --quiet --now=2026-11-24T12:00:00Z
t_eq "the fifth business day: still due" followup/thank-you "$(nmf_state_of $ACME)"
t_ok "scan on Wed 25 Nov" nmf scan --quiet --now=2026-11-25T12:00:00Z
t_eq "then it lapsed: waiting" followup/waiting "$(nmf_state_of $ACME)"
t_match "the unsent thank-you draft is obsolete" 'followup/obsolete' \
    "$(notmuch search --output=tags "$draft")"
t_match "show says why" 'lapsed' \
    "$(nmf show --now=2026-11-25T12:00:00Z id:$ACME)"
t_ok "scan on 27 Nov" nmf scan --quiet --now=2026-11-27T12:00:00Z
t_eq "the check-in falls due as usual" followup/check-in "$(nmf_state_of $ACME)"
t_eq "no thank-you draft comes back" 1 \
    "$(notmuch count 'tag:draft and tag:followup and not tag:followup/obsolete')"
t_done
