#!/bin/sh
# T197: drafts write days as the user does (issue 16, DESIGN §6), and
# business days skip the public holidays of the locale's country.  A user
# in New York with en_US gets "on Tuesday, November 17" and a Date header
# in -0500; followup.date_style=gb gives "Tuesday 17 November"; a
# template of the user's own with {{on_interview_day}} never doubles the
# "on" (the README's example).
. "$(dirname "$0")/lib.sh"
nmf_setup
unset LC_ALL
export LANG=en_US.UTF-8 TZ=America/New_York
nmf_add acme-invite.eml >/dev/null
nmf_add acme-thankyou.eml Sent >/dev/null
notmuch new --quiet
nmf_twin "$NMF_TMP/b" >/dev/null
nmf_b notmuch config set followup.date_style gb

# en_US: the US holidays count; Thanksgiving (26 Nov) is no business day,
# so the check-in, seven business days after the 17th, is on the 27th.
t_eq "no check-in on Thanksgiving" "" \
    "$(nmf scan --dry-run --now=2026-11-26T23:00:00Z | grep 'draft check-in')"
t_ok "scan on 27 Nov (en_US, New York)" \
    nmf scan --quiet --now=2026-11-27T23:00:00Z
d=$(notmuch search --output=files 'tag:draft and tag:followup')
t_match "the check-in names the day the US way" \
    'on Tuesday, November 17' "$(sed '1,/^$/d' "$d" | tr '\n' ' ')"
t_match "its Date header is in the user's zone" '^Date: .* -0500$' \
    "$(grep '^Date:' "$d")"

# The second mailbox: day first, and a template of the user's own.
mkdir -p "$XDG_CONFIG_HOME/notmuch-followup/templates"
cat >"$XDG_CONFIG_HOME/notmuch-followup/templates/check-in.txt" <<'TMPL'
Hi {{first_name}},

Just checking in after our chat {{on_interview_day}} ({{interview_day}}).

{{user_first_name}}
TMPL
t_ok "scan the second mailbox (followup.date_style=gb)" \
    nmf_b nmf scan --quiet --now=2026-11-27T23:00:00Z
d=$(nmf_b notmuch search --output=files 'tag:draft and tag:followup')
body=$(sed '1,/^$/d' "$d" | tr '\n' ' ')
t_match "the user's template reads right" \
    'after our chat on Tuesday 17 November \(Tuesday 17 November\)\.' "$body"
t_eq "no doubled preposition" "" "$(printf '%s' "$body" | grep 'on on' || true)"
notmuch config set followup.date_style soon
t_match "a bad date_style is named" 'followup.date_style' \
    "$(nmf list --now=2026-11-27T23:00:00Z 2>&1 || true)"
t_done
