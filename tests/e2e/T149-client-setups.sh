#!/bin/sh
# T149: the ready setups for neomutt and aerc (issue 18), loaded by the
# real clients in tmux against a real notmuch database: the virtual
# mailboxes (query folders) list the due threads and the drafts, the
# check binding pipes the whole draft to `check' and reports a
# placeholder, and the list binding shows what is due.
. "$(dirname "$0")/lib.sh"
nmf_setup
command -v neomutt >/dev/null && command -v aerc >/dev/null &&
    command -v tmux >/dev/null || {
    echo "neomutt, aerc and tmux are needed (make deps installs them)"; exit 2; }
SRC=$(cd "${NMF_SRC:-$NMF_E2E_DIR/../..}" && pwd)
nmf_add clients/harbor-screen.eml >/dev/null
notmuch new --quiet
# The clients run the program at the real time: the interview is long
# past, so the thank-you has lapsed and a check-in is due; scan at the
# interview's end so that there is a thank-you draft to look at.
t_ok "scan after the phone screen" nmf scan --quiet --now=2026-11-19T17:30:00Z
t_eq "its thank-you draft keeps a line to fill" 1 \
    "$(grep -l '^\[Add' $(nmf_drafts) | wc -l | tr -d ' ')"
mkdir -p "$NMF_TMP/bin"
ln -sf "$NMF_BIN" "$NMF_TMP/bin/notmuch-followup"
P=$NMF_TMP/bin:$PATH

sock=$NMF_TMP/tmux.sock
trap 'tmux -S "$sock" kill-server 2>/dev/null; _nmf_cleanup' EXIT
screen=
wait_for() { # wait_for WHAT TEXT: up to 2 minutes (a busy machine)
    _i=0
    while [ $_i -lt 600 ]; do
        screen=$(tmux -S "$sock" capture-pane -p 2>/dev/null)
        case "$screen" in *"$2"*) _nmf_pass "$1"; return 0 ;; esac
        sleep 0.2; _i=$((_i + 1))
    done
    _nmf_fail "$1" "timed out waiting for '$2'; the screen:" "$screen"
    return 1
}
keys() { tmux -S "$sock" send-keys "$@"; }

# --- neomutt --------------------------------------------------------------
cat >"$NMF_TMP/muttrc" <<MUTTRC
set nm_default_url = "notmuch://$MAILDIR"
set folder = "$MAILDIR"
set mbox_type = Maildir
set spoolfile = "notmuch://?query=tag:inbox"
set sort = threads
set ascii_chars = yes
set index_format = "%Z %-24.24F | %s"
set mail_check = 0
set header_cache = ""
set charset = "utf-8"
set sleep_time = 0
source $SRC/contrib/neomuttrc
MUTTRC
tmux -S "$sock" new-session -d -x 160 -y 40 \
    "PATH=$P NOTMUCH_CONFIG=$NOTMUCH_CONFIG TERM=screen neomutt -n -F '$NMF_TMP/muttrc'"
wait_for "neomutt starts" 'Phone screen'
keys c; sleep 0.3; keys '?'
wait_for "neomutt: the mailbox list has the drafts' virtual mailbox" 'Follow-up drafts'
t_match "... and the due one" 'Follow-ups due' "$screen"
keys Enter
wait_for "neomutt: the virtual mailbox lists the draft" 'Follow-up drafts [Msgs:1'
t_match "... the thank-you to Omar" 'Alex Morgan .*Re: Phone screen' "$screen"
keys , c
wait_for "neomutt: ,c pipes the whole draft to check: the placeholder" 'placeholder'
keys Enter; sleep 0.3
keys , l
wait_for "neomutt: ,l shows what is due" 'Harbor'
keys q; sleep 0.3; keys Enter; sleep 0.3
tmux -S "$sock" kill-server 2>/dev/null

# --- aerc -----------------------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/aerc"
cat >"$XDG_CONFIG_HOME/aerc/accounts.conf" <<EOF
[Personal]
source = notmuch://$MAILDIR
query-map = $SRC/contrib/aerc-query-map
outgoing = /bin/false
from = Alex Morgan <alex.morgan@example.net>
default = Follow-up drafts
EOF
chmod 600 "$XDG_CONFIG_HOME/aerc/accounts.conf"
# Debian's binds with ours added in their sections, as the file says.
awk -v ours="$SRC/contrib/aerc-binds.conf" '
    BEGIN { sec = ""; while ((getline l < ours) > 0) {
        if (l ~ /^\[/) { sec = l; continue }
        if (l ~ /^,/) add[sec] = add[sec] l "\n" } }
    { print } /^\[/ && ($0 in add) { printf "%s", add[$0] }' \
    /usr/share/aerc/binds.conf >"$XDG_CONFIG_HOME/aerc/binds.conf"
printf '[general]\nunsafe-accounts-conf = true\n' >"$XDG_CONFIG_HOME/aerc/aerc.conf"
# One aerc a binding: a command's tab keeps the keys for a while after
# the command ends.
aerc_n=0
aerc_up() {
    tmux -S "$sock" kill-server 2>/dev/null
    aerc_n=$((aerc_n + 1))
    sock=$NMF_TMP/aerc-$aerc_n.sock
    tmux -S "$sock" new-session -d -x 160 -y 40 \
        "PATH=$P NOTMUCH_CONFIG=$NOTMUCH_CONFIG TERM=screen aerc"
    wait_for "aerc: $1: the drafts folder lists the draft" 'Re: Phone screen'
    # Select the message ourselves: aerc does it a moment after it shows
    # the list, and a command typed before waits for its next look.
    keys ':select 0' Enter
}
aerc_up "the query folders"
t_match "... and the due one" 'Follow-ups due' "$screen"
aerc_up ",c"
keys , c
wait_for "aerc: ,c pipes the whole draft to check: the placeholder" 'placeholder'
aerc_up ",s"
keys , s
wait_for "aerc: ,s shows the process" 'timeline:'
aerc_up ",l"
keys , l
wait_for "aerc: ,l shows what is due" 'check-in'
tmux -S "$sock" kill-server 2>/dev/null
t_done
