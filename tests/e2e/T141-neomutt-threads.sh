#!/bin/sh
# T141: a draft answering a calendar's invitation, seen in neomutt
# (issue 16, DESIGN §6).  The invitation's subject is Google Calendar's
# ("Invitation: ... @ Wed Dec 2, 2026 3pm - 4pm (EST)"): the draft has a
# subject of its own, and neomutt, reading the notmuch database, shows it
# threaded under the invitation.
. "$(dirname "$0")/lib.sh"
nmf_setup
command -v neomutt >/dev/null && command -v tmux >/dev/null || {
    echo "neomutt and tmux are needed (make deps installs them)"; exit 2; }
cat >"$NMF_TMP/invite.eml" <<'MAIL'
Return-Path: <daniela.ortiz@orbital-freight.example>
Message-ID: <gcal-7731.orbital@orbital-freight.example>
Date: Mon, 23 Nov 2026 14:12:00 +0000
From: Daniela Ortiz <daniela.ortiz@orbital-freight.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Invitation: Daniela Ortiz <> Alex Morgan: Technical interview @ Wed Dec 2, 2026 3pm - 4pm (EST) (alex.morgan@example.net)
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="g1"

--g1
Content-Type: text/plain; charset=UTF-8

Hi Alex,

Looking forward to our technical interview for the Staff Data Engineer
role at Orbital Freight. We'll go through a data modelling exercise
together.

Daniela Ortiz
Data Platform Lead, Orbital Freight

--g1
Content-Type: text/calendar; charset=UTF-8; method=REQUEST
Content-Disposition: attachment; filename="invite.ics"

BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:gcal-7731@google.com
DTSTAMP:20261123T141200Z
DTSTART:20261202T200000Z
DTEND:20261202T210000Z
SUMMARY:Daniela Ortiz <> Alex Morgan: Technical interview
ORGANIZER;CN=Daniela Ortiz:mailto:daniela.ortiz@orbital-freight.example
ATTENDEE;CN=Daniela Ortiz;ROLE=REQ-PARTICIPANT:mailto:daniela.ortiz@orbital-freight.example
ATTENDEE;CN=Alex Morgan;ROLE=REQ-PARTICIPANT:mailto:alex.morgan@example.net
END:VEVENT
END:VCALENDAR
--g1--
MAIL
nmf_add "$NMF_TMP/invite.eml" >/dev/null
notmuch new --quiet
t_ok "scan after the interview" nmf scan --quiet --now=2026-12-02T21:30:00Z
t_count "a thank-you with a subject of its own" 1 \
    'tag:draft and subject:"Thank you" and subject:"Staff Data Engineer interview"'

cat >"$NMF_TMP/muttrc" <<MUTTRC
set nm_default_url = "notmuch://$MAILDIR"
set folder = "$MAILDIR"
set mbox_type = Maildir
set spoolfile = "notmuch://?query=tag:interview"
set sort = threads
set ascii_chars = yes
set index_format = "%Z %-24.24F | %s"
set mail_check = 0
set header_cache = ""
unset wait_key
set charset = "utf-8"
set sleep_time = 0
MUTTRC
sock=$NMF_TMP/tmux.sock
tmux -S "$sock" new-session -d -x 200 -y 40 \
    "NOTMUCH_CONFIG=$NOTMUCH_CONFIG TERM=screen neomutt -n -F '$NMF_TMP/muttrc'"
screen=""
i=0
while [ $i -lt 50 ]; do
    sleep 0.2
    screen=$(tmux -S "$sock" capture-pane -p 2>/dev/null)
    case "$screen" in *Thank\ you*) break ;; esac
    i=$((i + 1))
done
t_match "neomutt lists the invitation" 'Invitation: Daniela Ortiz' "$screen"
t_match "and the draft under it, in its thread, with its own subject" \
    '->Thank you . Staff Data Engineer interview' "$screen"
tmux -S "$sock" send-keys q y 2>/dev/null
tmux -S "$sock" kill-server 2>/dev/null
t_done
