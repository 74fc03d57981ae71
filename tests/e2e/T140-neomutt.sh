#!/bin/sh
# T140: a draft written by scan opens in a real mail client.  neomutt
# (Debian's) runs in tmux on the Drafts Maildir; its index must list the
# draft with the right From, To and Subject, and its pager must show the
# text.  DESIGN §6: drafts are in cur/ with the D and S flags.
. "$(dirname "$0")/lib.sh"
nmf_setup
command -v neomutt >/dev/null && command -v tmux >/dev/null || {
    echo "neomutt and tmux are needed (make deps installs them)"; exit 2; }

nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
t_ok "scan writes the draft" nmf scan --quiet --now=2026-11-18T12:00:00Z

cat >"$NMF_TMP/muttrc" <<MUTTRC
set folder = "$MAILDIR"
set mbox_type = Maildir
set spoolfile = "+Drafts"
set postponed = "+Drafts"
set sort = date
set index_format = "%Z %-30.30F | %-40.40t | %s"
set pager_stop = yes
set mail_check = 0
set header_cache = ""
set imap_passive = yes
unset wait_key
set charset = "utf-8"
set sleep_time = 0
MUTTRC
sock=$NMF_TMP/tmux.sock
tmux -S "$sock" new-session -d -x 200 -y 40 \
    "TERM=screen neomutt -n -F '$NMF_TMP/muttrc'"
screen=""
i=0
while [ $i -lt 50 ]; do
    sleep 0.2
    screen=$(tmux -S "$sock" capture-pane -p 2>/dev/null)
    case "$screen" in *Re:\ Interview*) break ;; esac
    i=$((i + 1))
done
t_match "neomutt lists the draft's subject" \
    'Re: Interview invitation: Backend Engineer' "$screen"
t_match "neomutt shows it is to Priya Shah" 'Priya Shah' "$screen"
t_match "neomutt's status line is on the Drafts folder" 'Drafts' "$screen"
# Open it: the pager shows From and the greeting.
tmux -S "$sock" send-keys Enter
i=0
while [ $i -lt 50 ]; do
    sleep 0.2
    screen=$(tmux -S "$sock" capture-pane -p 2>/dev/null)
    case "$screen" in *Hi\ Priya*) break ;; esac
    i=$((i + 1))
done
t_match "the pager shows From: the user" 'From: Alex Morgan <alex.morgan@example.net>' "$screen"
t_match "the pager shows the text" 'Hi Priya,' "$screen"
tmux -S "$sock" send-keys q q y 2>/dev/null
tmux -S "$sock" kill-server 2>/dev/null
t_done
