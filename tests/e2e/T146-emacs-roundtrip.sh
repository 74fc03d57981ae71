#!/bin/sh
# T146: the Acme drafts go out from notmuch-emacs (Debian's emacs-nox and
# elpa-notmuch) and the process moves.  Each draft is resumed the way
# notmuch-show-resume-message does it, one line is edited, and C-c C-c
# sends it through a fake sendmail; the draft's Fcc files the sent copy
# with notmuch insert (DESIGN §6).  Nothing in the mail that leaves names
# the tool.  The package's notmuch-followup-check-mode
# (emacs/notmuch-followup.el) runs `check -' on each
# send: a clean edited draft goes without a question, a placeholder left
# in asks, and "no" stops the send and keeps the draft.  Emacs runs under
# faketime just after each scan, so its Date fits the timeline of T110.
. "$(dirname "$0")/lib.sh"
nmf_setup
nmf_need_emacs
HOOK_EL=$(cd "${NMF_SRC:-$NMF_E2E_DIR/../..}" && pwd)/emacs/notmuch-followup.el
[ -f "$HOOK_EL" ] || { echo "no $HOOK_EL"; exit 2; }

ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
PRIYA=priya.shah@acme-robotics.example
JORDAN=jordan.lee@acme-robotics.example
MARIA=maria.gomez@globex.example
nmf_fake_sendmail
# Resume NMF_DRAFT, replace the line matching NMF_LINE (if set) with
# NMF_TEXT, press C-c C-c.  Exit 3 when that signals.  yes-or-no-p
# writes its question to $NMF_TMP/asked and answers NMF_ANSWER.
cat >"$NMF_TMP/send.el" <<'EOF'
;;; -*- lexical-binding: t -*-
(add-to-list 'load-path (getenv "NMF_NOTMUCH_EL"))
(require 'notmuch)
(setq message-send-mail-function #'message-send-mail-with-sendmail
      sendmail-program (getenv "NMF_SENDMAIL"))
(fset 'yes-or-no-p
      (lambda (prompt)
        (write-region (concat prompt "\n") nil (getenv "NMF_ASKED") t 'silent)
        (equal (getenv "NMF_ANSWER") "yes")))
(condition-case err
    (let ((line (getenv "NMF_LINE")))
      (notmuch-draft-resume (getenv "NMF_DRAFT"))
      (when (and line (not (string-empty-p line)))
        (message-goto-body)
        (unless (re-search-forward line nil t)
          (error "No line matching %s in the draft" line))
        (replace-match (getenv "NMF_TEXT") t t))
      ;; What C-c C-c runs in notmuch-message-mode: message-send-and-exit
      ;; remapped to notmuch-mua-send-and-exit, which files the Fcc.
      (call-interactively (command-remapping #'message-send-and-exit))
      (kill-emacs 0))
  (error (message "send.el: %s" (error-message-string err))
         (kill-emacs 3)))
EOF
export NMF_NOTMUCH_EL="$NM_EL" NMF_SENDMAIL="$NMF_TMP/sendmail" \
    NMF_ASKED="$NMF_TMP/asked"

state_of() {
    notmuch search --output=tags "thread:{id:$1}" | grep '^followup/' |
        grep -v '^followup/obsolete$' | tr '\n' ' ' | sed 's/ $//'
}
live_draft() { # the unsent, undeleted draft to $1
    echo "tag:draft and to:$1 and not tag:deleted and not tag:followup/obsolete"
}
sent_count() { nmf_sent_count; }
# emacs_send WHEN ANSWER ADDR [REGEX TEXT]: send the live draft to ADDR
# from emacs at WHEN (UTC) with the send hook loaded.
emacs_send() {
    _id=$(notmuch search --output=messages "$(live_draft "$3")" | head -n 1)
    [ -n "$_id" ] || { echo "no live draft to $3"; return 1; }
    NMF_DRAFT=$_id NMF_ANSWER=$2 NMF_LINE=${4-} NMF_TEXT=${5-} \
        timeout 300 faketime "$1" emacs --batch -Q -l "$HOOK_EL" \
        --eval '(notmuch-followup-check-mode 1)' \
        -l "$NMF_TMP/send.el" </dev/null 2>&1
}
# check_sent STEP N TO DATE LINE: the Nth mail out, and its copy in Sent.
check_sent() {
    _m=$NMF_OUTBOX/$2.eml
    t_ok "$1: the client handed one message to sendmail" test -f "$_m"
    # the header block, folded lines joined
    _h=$(sed '/^$/q' "$_m" 2>/dev/null | sed -e :a -e '$!N;s/\n[ 	]\{1,\}/ /;ta' -e 'P;D')
    t_eq "$1: no X-Notmuch* or X-Mutt* header" "" \
        "$(printf '%s\n' "$_h" | grep -i '^x-\(notmuch\|mutt\)')"
    t_eq "$1: no header names followup (User-Agent or other)" "" \
        "$(printf '%s\n' "$_h" | grep -i 'followup')"
    t_eq "$1: the Fcc stays home" "" "$(printf '%s\n' "$_h" | grep -i '^fcc:')"
    t_match "$1: From the user" '^From: Alex Morgan <alex\.morgan@example\.net>$' "$_h"
    t_match "$1: To" "^To: $3\$" "$_h"
    # It answers the last word of a person of the process: the
    # invitation, or the user's own last mail to that person (the final
    # answers the check-in, DESIGN §6).
    _irt=$(printf '%s\n' "$_h" | sed -n 's/^In-Reply-To: <\(.*\)>$/\1/p')
    t_count "$1: In-Reply-To a message of the process" 1 \
        "id:\"$_irt\" and (id:$ACME or from:alex.morgan@example.net)"
    t_match "$1: References the invitation" "^References:.*<$ACME>" "$_h"
    t_match "$1: Date stamped by the client at the faked time" "^Date: $4" "$_h"
    t_ok "$1: the edited line went out" grep -qF "$5" "$_m"
    t_eq "$1: the sent copy is filed in Sent by the draft's Fcc" 1 \
        "$(grep -lF "$5" "$MAILDIR"/Sent/cur/* "$MAILDIR"/Sent/new/* 2>/dev/null | wc -l | tr -d ' ')"
    t_count "$1: ... and indexed, not as a draft" 1 "folder:Sent and not tag:draft and \"$5\""
}

for f in acme-invite globex-invite; do nmf_add $f.eml >/dev/null; done
nmf_new
t_ok "scan on 18 Nov" nmf scan --quiet --now=2026-11-18T12:00:00Z
t_count "a thank-you draft to Priya" 1 "$(live_draft $PRIYA)"
t_count "a thank-you draft to Maria (Globex), with its placeholder" 1 \
    "$(live_draft $MARIA) and \"Add one thing\""

# The send hook: Maria's placeholder is still there; answer "no".
GDRAFT=$(notmuch search --output=files "$(live_draft $MARIA)")
out=$(emacs_send '2026-11-18 12:04:00' no $MARIA); rc=$?
t_eq "a refused send stops emacs's send (user-error)" 3 "$rc"
t_match "... saying it was not sent" 'Not sent' "$out"
t_match "the hook asked, showing the placeholder finding" 'placeholder' \
    "$(cat "$NMF_TMP/asked" 2>/dev/null)"
t_eq "nothing reached sendmail" 0 "$(sent_count)"
t_ok "the draft file is still there" test -f "$GDRAFT"
t_count "... still a live draft (not tagged deleted)" 1 "$(live_draft $MARIA)"
t_count "no copy in Sent" 0 "folder:Sent and to:$MARIA"
rm -f "$NMF_TMP/asked"

# 1. The thank-you to Priya, edited, goes out without a question.
TY='especially enjoyed sketching the telemetry ingestion pipeline with you.'
t_ok "emacs sends the edited thank-you" emacs_send '2026-11-18 12:05:00' \
    yes $PRIYA '^Our conversation made me even.*$' "$TY"
t_eq "a clean edited draft is sent without a question" "" \
    "$(cat "$NMF_TMP/asked" 2>/dev/null)"
t_eq "one message sent" 1 "$(sent_count)"
check_sent thank-you 1 "Priya Shah <$PRIYA>" 'Wed, 18 Nov 2026 12:0' "$TY"
nmf_new
t_ok "scan after the thank-you" nmf scan --quiet --now=2026-11-18T12:30:00Z
t_eq "acme: thanked, waiting" followup/waiting "$(state_of $ACME)"
t_count "the sent draft is no live draft any more" 0 "$(live_draft $PRIYA)"
lst=$(nmf list --now=2026-11-18T12:30:00Z)
t_eq "list: no acme thank-you line" "" \
    "$(printf '%s\n' "$lst" | grep '^thank-you.*Acme Robotics')"
t_eq "list: no 'no draft yet'" "" "$(printf '%s\n' "$lst" | grep 'no draft yet')"

# 2. The check-in to Jordan, 27 Nov.
t_ok "scan on 27 Nov" nmf scan --quiet --now=2026-11-27T09:00:00Z
t_eq "acme: check-in" followup/check-in "$(state_of $ACME)"
CI='Thank you again, and I hope the telemetry launch went well.'
t_ok "emacs sends the edited check-in" emacs_send '2026-11-27 09:05:00' \
    yes $JORDAN '^I.m still very interested.*$' "$CI"
t_eq "the check-in is sent without a question" "" \
    "$(cat "$NMF_TMP/asked" 2>/dev/null)"
t_eq "two messages sent" 2 "$(sent_count)"
check_sent check-in 2 "Jordan Lee <$JORDAN>" 'Fri, 27 Nov 2026 09:0' "$CI"
nmf_new
t_ok "scan after the check-in" nmf scan --quiet --now=2026-11-27T09:30:00Z
t_eq "acme: check-in sent, waiting" followup/waiting "$(state_of $ACME)"
t_count "the sent check-in draft is no live draft any more" 0 "$(live_draft $JORDAN)"
t_match "the final falls due on Fri 11 Dec" \
    '^waiting +Fri 2026-12-11 +p[0-9a-f]{6} +Acme Robotics, Backend Engineer +final' \
    "$(nmf list --all --now=2026-11-27T09:30:00Z)"
lst=$(nmf list --now=2026-11-27T09:30:00Z)
t_eq "list: no acme check-in line" "" \
    "$(printf '%s\n' "$lst" | grep '^check-in.*Acme Robotics')"
t_eq "list: no 'no draft yet' (27 Nov)" "" "$(printf '%s\n' "$lst" | grep 'no draft yet')"

# 3. The final, 11 Dec; no phone is known, so waiting after it.
t_ok "scan on 11 Dec" nmf scan --quiet --now=2026-12-11T11:00:00Z
t_eq "acme: final" followup/final "$(state_of $ACME)"
FI='Thank you for your time throughout, and all the best,'
t_ok "emacs sends the edited final" emacs_send '2026-12-11 11:05:00' \
    yes $JORDAN '^Thank you, and all the best,$' "$FI"
t_eq "the final is sent without a question" "" \
    "$(cat "$NMF_TMP/asked" 2>/dev/null)"
t_eq "three messages sent" 3 "$(sent_count)"
check_sent final 3 "Jordan Lee <$JORDAN>" 'Fri, 11 Dec 2026 11:0' "$FI"
nmf_new
t_ok "scan after the final" nmf scan --quiet --now=2026-12-11T11:30:00Z
t_eq "acme: final sent, no phone: waiting" followup/waiting "$(state_of $ACME)"
t_count "the sent final draft is no live draft any more" 0 "$(live_draft $JORDAN)"
lst=$(nmf list --now=2026-12-11T11:30:00Z)
t_eq "list: no acme final line" "" \
    "$(printf '%s\n' "$lst" | grep '^final.*Acme Robotics')"
t_eq "list: no 'no draft yet' (11 Dec)" "" "$(printf '%s\n' "$lst" | grep 'no draft yet')"
t_done
