#!/bin/sh
# T147: a thank-you draft makes the round trip through a real aerc (Debian
# 12's 0.14, maildir backend) in tmux: scan writes it, aerc recalls it from
# Drafts, an editor script changes one line, aerc sends it to a fake
# sendmail; after notmuch new and a scan the process has moved from
# followup/thank-you to followup/waiting (DESIGN §5: a sent copy that kept
# the draft's Message-ID is sent), and what reached the recipient gives
# the tool away nowhere (DESIGN §6).
# What aerc 0.14 does (found by trying): :recall deletes the draft file
# once sent; the Sent copy (copy-to) is the bytes it sent, flags ":2,S",
# the draft's Message-ID kept; every header of the draft goes out as it
# was (also Fcc, X-*, User-Agent) except Date, which aerc rewrites to now;
# it writes CRLF line ends, quotes display names, recodes the body as
# quoted-printable.
# aerc is a Go program: faketime does not move its clock, so its Date is
# the real time.  The invitation is therefore dated from the real clock
# (interview yesterday) and every --now derives from the same base.
. "$(dirname "$0")/lib.sh"
nmf_setup
command -v aerc >/dev/null && command -v tmux >/dev/null || {
    echo "aerc and tmux are needed (make deps installs them)"; exit 2; }

base=$(date -u +%s)
hour=$((base / 3600 * 3600))
start=$((hour - 86400))             # interview: yesterday, one hour
invited=$((start - 3 * 86400))      # invitation: three days before it
d() { date -u -d "@$1" "$2"; }
now1=$(d "$base" +%Y-%m-%dT%H:%M:%SZ)
now2=$(d $((base + 7200)) +%Y-%m-%dT%H:%M:%SZ) # after aerc's Date
INV=$(d "$invited" +%Y%m%d%H%M%S).5c1e08d4@mail.acme-robotics.example
cat >"$NMF_TMP/invite.eml" <<EOF
Return-Path: <jordan.lee@acme-robotics.example>
Received: from mail.acme-robotics.example (mail.acme-robotics.example [192.0.2.41])
	by mx.example.net with ESMTPS id 4QkR2m0fZbz9v
	for <alex.morgan@example.net>; $(d "$invited" '+%a, %d %b %Y %H:%M:%S +0000') (UTC)
Message-ID: <$INV>
Date: $(d "$invited" '+%a, %d %b %Y %H:%M:%S +0000')
From: Jordan Lee <jordan.lee@acme-robotics.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Interview invitation: Backend Engineer at Acme Robotics
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="=_acme_5c1e08d4"

This is a multi-part message in MIME format.

--=_acme_5c1e08d4
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Hi Alex,

Thanks for getting back to me so quickly. I'm happy to confirm your
interview for the Backend Engineer position:

  What:  one-hour video interview with Priya Shah, Engineering Manager
  When:  $(d "$start" '+%A %-d %B %Y, %H:%M') UTC (1 hour)
  Where: https://meet.acme-robotics.example/j/482-193-776

Priya leads the team that builds our fleet telemetry platform. Most of
the hour will be a system design conversation, so expect to sketch an
ingestion pipeline together and talk through the trade-offs.

A calendar invitation is attached. If the time stops working for you,
just reply to this email and I'll find another slot.

Best of luck,

Jordan Lee
Recruiting Coordinator, Acme Robotics

--=_acme_5c1e08d4
Content-Type: text/calendar; charset=UTF-8; method=REQUEST
Content-Transfer-Encoding: 7bit
Content-Disposition: attachment; filename="invite.ics"

BEGIN:VCALENDAR
PRODID:-//Acme Robotics//Interview Scheduler 2.3//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:int-$(d "$start" +%Y%m%d)-4821-backend@acme-robotics.example
DTSTAMP:$(d "$invited" +%Y%m%dT%H%M%SZ)
DTSTART:$(d "$start" +%Y%m%dT%H%M%SZ)
DTEND:$(d $((start + 3600)) +%Y%m%dT%H%M%SZ)
SUMMARY:Interview: Alex Morgan / Priya Shah (Backend Engineer)
ORGANIZER;CN=Jordan Lee:mailto:jordan.lee@acme-robotics.example
ATTENDEE;CN=Priya Shah;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:priya
 .shah@acme-robotics.example
ATTENDEE;CN=Alex Morgan;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TR
 UE:mailto:alex.morgan@example.net
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR

--=_acme_5c1e08d4--
EOF
nmf_add "$NMF_TMP/invite.eml" >/dev/null
notmuch new --quiet
state_of() {
    notmuch search --output=tags "thread:{id:$INV}" | grep '^followup/' |
        grep -v '^followup/obsolete$' | tr '\n' ' ' | sed 's/ $//'
}
hdrs() { # the header of $1, one unfolded field a line (aerc writes CRLF)
    tr -d '\r' <"$1" | sed '/^$/q' | awk '/^[ \t]/ { l = l $0; next }
        { if (l != "") print l; l = $0 } END { if (l != "") print l }'
}
t_ok "scan writes the thank-you" nmf scan --quiet --now="$now1"
t_eq "state: thank-you" followup/thank-you "$(state_of)"
draft=$(nmf_drafts)
t_eq "one draft" 1 "$(printf '%s\n' "$draft" | grep -c .)"
[ -f "$draft" ] || { echo "no draft to send"; t_done; }
cp "$draft" "$NMF_TMP/draft.eml"
DID=$(sed -n 's/^Message-I[Dd]: *<\(.*\)>.*/\1/p' "$draft" | head -1)

# aerc: its own config, a sendmail that keeps the message, an editor
# that changes the greeting.
mkdir -p "$XDG_CONFIG_HOME/aerc"
nmf_fake_sendmail
cat >"$NMF_TMP/editor" <<EOF
#!/bin/sh
sed -i 's/^Hi Priya,/Dear Priya,/' "\$1"
EOF
chmod +x "$NMF_TMP/editor"
cat >"$XDG_CONFIG_HOME/aerc/accounts.conf" <<EOF
[Personal]
source = maildir://$MAILDIR
outgoing = $NMF_TMP/sendmail
from = Alex Morgan <alex.morgan@example.net>
default = Drafts
postpone = Drafts
copy-to = Sent
EOF
chmod 600 "$XDG_CONFIG_HOME/aerc/accounts.conf"
printf '[compose]\neditor = %s\n' "$NMF_TMP/editor" \
    >"$XDG_CONFIG_HOME/aerc/aerc.conf"

sock=$NMF_TMP/tmux.sock
trap 'tmux -S "$sock" kill-server 2>/dev/null; _nmf_cleanup' EXIT
tmux -S "$sock" new-session -d -x 200 -y 40 "TERM=screen aerc"
screen=
wait_for() { # wait_for WHAT CMD...: up to 60 s (a busy machine)
    _what=$1; shift; _i=0
    while [ $_i -lt 300 ]; do
        screen=$(tmux -S "$sock" capture-pane -p 2>/dev/null)
        "$@" && return 0
        sleep 0.2; _i=$((_i + 1))
    done
    _nmf_fail "aerc: $_what" "timed out; the screen:" "$screen"
    return 1
}
on_screen() { case "$screen" in *"$1"*) return 0 ;; esac; return 1; }
sent_done() { [ -f "$NMF_OUTBOX/1.eml" ] && [ -z "$(nmf_drafts)" ] &&
    ls "$MAILDIR"/Sent/cur/* >/dev/null 2>&1; }
subj=$(sed -n 's/^Subject: //p' "$draft" | cut -c1-30)
# [messages:folder=Drafts] <Enter> is :recall in aerc's default binds.
wait_for "lists the draft in Drafts" on_screen "$subj" &&
    tmux -S "$sock" send-keys Enter &&
    wait_for "recalls and edits it" on_screen 'Send this email?' &&
    tmux -S "$sock" send-keys y &&
    wait_for "sends it" sent_done && _nmf_pass "aerc recalled, edited, sent"
tmux -S "$sock" send-keys q 2>/dev/null
sleep 0.5
tmux -S "$sock" kill-server 2>/dev/null

out=$NMF_OUTBOX/1.eml
[ -f "$out" ] || { echo "nothing was sent"; t_done; }
H=$(hdrs "$out")
t_eq "sendmail got the one recipient" priya.shah@acme-robotics.example \
    "$(cat "$NMF_OUTBOX/1.args")"
t_match "the edit was sent" '^Dear Priya,' "$(cat "$out")"
t_match "From: the user" '^From: "?Alex Morgan"? <alex.morgan@example.net>$' "$H"
t_match "To: Priya" '^To: "?Priya Shah"? <priya.shah@acme-robotics.example>$' "$H"
t_eq "In-Reply-To: the invitation" "In-Reply-To: <$INV>" \
    "$(printf '%s\n' "$H" | grep -i '^In-Reply-To:')"
t_match "References: the invitation" "^References:.*<$INV>" "$H"
t_eq "sent with the draft's Message-ID" "<$DID>" \
    "$(printf '%s\n' "$H" | sed -n 's/^Message-I[Dd]: *//Ip')"
t_eq "no X-Notmuch* header sent" "" "$(printf '%s\n' "$H" | grep -i '^X-Notmuch')"
t_eq "no header names the tool (but Message-ID)" "" \
    "$(printf '%s\n' "$H" | grep -vi '^Message-I[Dd]:' | grep -i 'followup')"
t_eq "the Message-ID does not name the tool" "" \
    "$(printf '%s\n' "$H" | grep -i '^Message-I[Dd]:' | grep -i 'followup')"
# aerc sends every header field of the draft but Date; it rewrites
# the address fields ("Name" quoted) and the Content-* ones.
lost=$(hdrs "$NMF_TMP/draft.eml" | grep -v '^Date:' | while IFS= read -r l; do
    case $l in
        From:* | To:* | Cc:* | Content-*:*) set -- -qi "^${l%%:*}:" ;;
        *) set -- -qixF -- "$l" ;;
    esac
    printf '%s\n' "$H" | grep "$@" || printf '%s\n' "$l"; done)
t_eq "aerc sent all the draft's header fields but Date" "" "$lost"
echo "note: aerc sent these header fields of the draft:" \
    "$(hdrs "$NMF_TMP/draft.eml" | sed 's/:.*//' | grep -vx Date | tr '\n' ' ')"
if printf '%s\n' "$H" | grep -qi '^Fcc:'; then
    echo "note: an Fcc line reached the recipient:" \
        "$(printf '%s\n' "$H" | grep -i '^Fcc:')"
else
    echo "note: no Fcc line reached the recipient"
fi

# What aerc filed: the draft gone, the Sent copy the sent bytes, no D.
copy=$(ls "$MAILDIR"/Sent/cur/* 2>/dev/null)
t_eq "the draft file is gone" "" "$(nmf_drafts)"
t_eq "one Sent copy" 1 "$(printf '%s\n' "$copy" | grep -c .)"
t_ok "the Sent copy is what was sent" cmp -s "$out" "$copy"
t_match "its flags: S, no D" ':2,[A-CE-Z]*$' "$copy"
echo "note: aerc filed the Sent copy as ${copy##*/}"

t_ok "notmuch new" notmuch new --quiet
t_count "the Sent copy is no draft" 0 "id:$DID and tag:draft"
t_ok "scan after sending" nmf scan --quiet --now="$now2"
t_eq "state: waiting" followup/waiting "$(state_of)"
l=$(nmf list --now="$now2")
t_eq "list: no thank-you line" "" "$(printf '%s\n' "$l" | grep thank-you)"
t_eq "list: no 'no draft yet'" "" \
    "$(nmf list --all --now="$now2" | grep 'no draft yet')"
t_count "no new draft" 0 "tag:draft and to:priya.shah@acme-robotics.example"
t_done
