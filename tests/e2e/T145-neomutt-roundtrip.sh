#!/bin/sh
# T145: the round trip through a real neomutt (Debian 12's, in tmux), for
# a thank-you, a check-in and a final: scan writes the draft, neomutt
# recalls it from Drafts (R), an editor script changes one line, neomutt
# sends it through the README's send hook (contrib/followup-sendmail) to a
# fake sendmail.  neomutt deletes the draft and files the sent copy in Sent
# with the draft's Message-ID; after notmuch new and a scan the process
# has moved (DESIGN §5 "Sent means"), and what reached the recipient names
# neither the tool nor notmuch (DESIGN §6).  A message with a finding is
# stopped by the send hook and stays in neomutt's compose screen.
# neomutt runs under faketime, so the Date it stamps fits the timeline.
. "$(dirname "$0")/lib.sh"
nmf_setup
for p in neomutt tmux faketime; do
    command -v $p >/dev/null || {
        echo "$p is needed (make deps installs it)"; exit 2; }
done
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
mkdir -p "$MAILDIR/Drafts/cur" "$MAILDIR/Drafts/new" "$MAILDIR/Drafts/tmp"

nmf_fake_sendmail
# The editor: replace one line (EDIT_FROM -> EDIT_TO), or add a line
# that the check must stop (EDIT_ADD).
cat >"$NMF_TMP/editor" <<'EOF'
#!/bin/sh
. "$NMF_TMP/edit.env"
if [ -n "${EDIT_ADD-}" ]; then
    printf '%s\n' "$EDIT_ADD" >>"$1"
else
    sed -i "s/^$EDIT_FROM.*/$EDIT_TO/" "$1"
fi
EOF
chmod +x "$NMF_TMP/editor"
cat >"$NMF_TMP/muttrc" <<EOF
set folder = "$MAILDIR"
set mbox_type = Maildir
set spoolfile = "+INBOX"
set postponed = "+Drafts"
set record = "+Sent"
set sendmail = "$NMF_SRC/contrib/followup-sendmail $NMF_TMP/sendmail"
set editor = "$NMF_TMP/editor"
set from = "alex.morgan@example.net"
set realname = "Alex Morgan"
set mail_check = 0
set header_cache = ""
set sleep_time = 0
unset wait_key
set charset = "utf-8"
set delete = yes
EOF
sock=$NMF_TMP/tmux.sock
# No neomutt is left behind, whatever happens.
trap 'tmux -S "$sock" kill-server 2>/dev/null; _nmf_cleanup' EXIT
screen() { tmux -S "$sock" capture-pane -p 2>/dev/null; }
# wait_for REGEX: until the screen matches (a bound that only catches a
# hang); 1 when it never does.
wait_for() {
    _i=0
    while [ $_i -lt 600 ]; do
        screen | grep -qE "$1" && return 0
        sleep 0.1
        _i=$((_i + 1))
    done
    return 1
}
keys() { tmux -S "$sock" send-keys "$@"; }
state_of() {
    notmuch search --output=tags "thread:{id:$ACME}" | grep '^followup/' |
        grep -v '^followup/obsolete$' | tr '\n' ' ' | sed 's/ $//'
}

# recall NAME FAKETIME: start neomutt at that time and recall the one
# postponed draft into the compose screen.
recall() {
    tmux -S "$sock" new-session -d -x 200 -y 50 \
        "cd '$NMF_TMP' && TERM=screen faketime '$2' neomutt -n -F '$NMF_TMP/muttrc'"
    t_ok "$1: neomutt counts the postponed draft" wait_for 'Post:1'
    keys R
    t_ok "$1: recalled into the compose screen" wait_for 'y:Send'
}
# edit WHAT...: the editor script's instructions (edit.env lines), then
# edit the body in neomutt and send.
edit_and_send() {
    printf '%s\n' "$@" >"$NMF_TMP/edit.env"
    keys e
    sleep 0.5
    keys y
}
# sent_ok NAME SUBJECT_RE EDITED_LINE: after a send that went out.
sent_ok() {
    t_ok "$1: neomutt says it was sent" wait_for 'Mail sent'
    keys q
    sleep 0.5
    tmux -S "$sock" kill-server 2>/dev/null
    sent=$NMF_OUTBOX/$(nmf_sent_count).eml
    head=$(sed '/^$/q' "$sent" 2>/dev/null)
    t_eq "$1: no header names the tool, notmuch or a process" "" \
        "$(printf '%s\n' "$head" |
            grep -iE '^(x-notmuch|x-mutt|user-agent: *notmuch)|followup|p[0-9a-f]{12}')"
    t_match "$1: From is the user" '^From: Alex Morgan <alex.morgan@example.net>' "$head"
    t_match "$1: the subject" "^Subject: $2" "$head"
    t_match "$1: In-Reply-To a message of the process" '^In-Reply-To: <.+>' "$head"
    t_match "$1: References the invitation" "^References:.*<$ACME>" "$head"
    t_match "$1: the edited line went out" "^$3" "$(cat "$sent")"
    t_eq "$1: neomutt removed the draft" 0 "$(ls "$MAILDIR/Drafts/cur" | wc -l)"
    t_ok "$1: notmuch new" nmf_new
    mid=$(sed -n 's/^Message-I[Dd]: *<\(.*\)>.*/\1/p' "$sent")
    t_count "$1: the sent copy is in Sent with the draft's Message-ID" 1 \
        "id:$mid and folder:Sent and not tag:draft"
}
SUBJ='Re: Interview invitation: Backend Engineer at Acme Robotics'

# Wed 18 Nov: the thank-you to Priya.
t_ok "scan on 18 Nov" nmf scan --quiet --now=2026-11-18T12:00:00Z
t_eq "thank-you due" followup/thank-you "$(state_of)"
d=$(nmf_drafts)
t_match "the draft asks to be filed in Sent" '^Fcc: Sent$' "$(cat "$d")"
recall thank-you '2026-11-18 12:05:00'
edit_and_send "EDIT_FROM='Our conversation made me even'" \
    "EDIT_TO='Talking through the ingestion pipeline with you was the best part of my week.'"
sent_ok thank-you "$SUBJ" 'Talking through the ingestion pipeline'
t_match "the thank-you went to Priya" '^To: Priya Shah <priya.shah@acme-robotics.example>' \
    "$(cat "$sent")"
t_ok "scan on 20 Nov" nmf scan --quiet --now=2026-11-20T12:00:00Z
t_eq "thank-you sent from neomutt: waiting" followup/waiting "$(state_of)"
out=$(nmf list --all --now=2026-11-20T12:00:00Z)
t_match "list: the check-in waits for 26 Nov" '^waiting +Thu 2026-11-26 .*check-in' "$out"
t_fail "list: no 'no draft yet'" sh -c "printf '%s' '$out' | grep -q 'no draft'"
t_fail "list: no thank-you line" sh -c "printf '%s' '$out' | grep -q '^thank-you'"
t_count "the sent copy is not obsolete" 0 'tag:followup/obsolete'

# Fri 27 Nov: the check-in to Jordan.  A first try with a question about
# pay is stopped by the send hook and stays in neomutt.
t_ok "scan on 27 Nov" nmf scan --quiet --now=2026-11-27T09:00:00Z
t_eq "check-in due" followup/check-in "$(state_of)"
recall check-in '2026-11-27 09:05:00'
edit_and_send "EDIT_ADD='What salary range do you have in mind for this role?'"
t_ok "the send hook stops it: neomutt shows the finding" \
    wait_for 'salary.*(pay|salary)|not sent'
t_eq "nothing more reached sendmail" 1 "$(nmf_sent_count)"
keys q
t_ok "... and the message is back in the compose screen" wait_for 'y:Send'
# The user takes the line out again and sends.
edit_and_send "EDIT_FROM='What salary range'" "EDIT_TO=''"
sent_ok check-in "$SUBJ" '.*writing to ask whether'
t_fail "check-in: the line about pay did not go out" grep -q salary "$sent"
t_match "the check-in went to Jordan" '^To: Jordan Lee <jordan.lee@acme-robotics.example>' \
    "$(cat "$sent")"
t_ok "scan on 1 Dec" nmf scan --quiet --now=2026-12-01T12:00:00Z
t_eq "check-in sent from neomutt: waiting" followup/waiting "$(state_of)"
t_match "list: the final falls due 10 business days later" \
    '^waiting +Fri 2026-12-11 .*final' "$(nmf list --all --now=2026-12-01T12:00:00Z)"

# Fri 11 Dec: the final.
t_ok "scan on 11 Dec" nmf scan --quiet --now=2026-12-11T11:00:00Z
t_eq "final due" followup/final "$(state_of)"
recall final '2026-12-11 11:05:00'
edit_and_send "EDIT_FROM='Thank you, and all the best'" \
    "EDIT_TO='Thank you again for considering me, and all the best,'"
sent_ok final "$SUBJ" 'Thank you again for considering me'
t_ok "scan on 14 Dec" nmf scan --quiet --now=2026-12-14T12:00:00Z
t_eq "final sent from neomutt, no phone: waiting" followup/waiting "$(state_of)"
t_fail "list: nothing due" sh -c \
    "nmf list --now=2026-12-14T12:00:00Z | grep -q 'Acme'"
t_done
