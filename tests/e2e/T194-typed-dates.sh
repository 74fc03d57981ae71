#!/bin/sh
# T194: dates as people type them (issue 17), through one parser and in
# the user's zone, wherever a date or time is taken: --now, snooze
# --until, note --interview-at and --decision-by.  What was not
# understood is named, and nothing is changed.
. "$(dirname "$0")/lib.sh"
nmf_setup
export TZ=America/New_York
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
# Friday 20 November 2026, 09:00 in New York, typed without seconds.
t_ok "scan with --now without seconds" nmf scan --quiet --now=2026-11-20T09:00

out=$(nmf snooze --now=2026-11-20T09:00 --until=friday id:$ACME)
t_match "snooze until friday is the next Friday, at midnight here" \
    'until Fri 2026-11-27 00:00' "$out"
out=$(nmf snooze --now="2026-11-20 09:00" --until="next tuesday 14:00" id:$ACME)
t_match "next tuesday 14:00 (said on a Friday: the coming one)" 'until Tue 2026-11-24 14:00' "$out"
out=$(nmf snooze --now=2026-11-20T09:00 --until="tomorrow 10am" id:$ACME)
t_match "tomorrow 10am" 'until Sat 2026-11-21 10:00' "$out"
t_match "a bad date is named and refused" \
    "--until: 'fridya' is not a date or time I understand" \
    "$(nmf snooze --now=2026-11-20T09:00 --until=fridya id:$ACME 2>&1)"
t_ok "--until= ends the snooze" nmf snooze --now=2026-11-20T09:00 --until= id:$ACME

t_ok "an interview typed as a day and a time" \
    nmf note --now=2026-11-20T09:00 --interview-at="dec 2 10:30am" id:$ACME
t_ok "a decision date typed in words" \
    nmf note --now=2026-11-20T09:00 --decision-by="dec 11" id:$ACME
json=$(nmf show --format=json --now=2026-11-20T09:00 id:$ACME | tr -d '\n ')
t_match "the round is at 10:30 New York time (15:30 UTC)" \
    '"start":"2026-12-02T15:30:00Z"' "$json"
t_match "the decision date is that day" '"decision_by":"2026-12-11' "$json"
t_match "the ISO form without seconds works too" 'noted for process' \
    "$(nmf note --now=2026-11-20T09:00 --interview-at=2026-12-03T10:30 --round=2 id:$ACME)"
json=$(nmf show --format=json --now=2026-11-20T09:00 id:$ACME | tr -d '\n ')
t_match "round 2 moved to 10:30 on the 3rd" '"start":"2026-12-03T15:30:00Z"' "$json"
out=$(nmf note --now=2026-11-20T09:00 --interview-at="someday" id:$ACME 2>&1); rc=$?
t_eq "a bad --interview-at exits 2" 2 "$rc"
t_match "... naming it" "--interview-at: 'someday' is not a date or time" "$out"
t_done
