#!/bin/sh
# T148: the Emacs package (issue 18) against a real notmuch database, in
# emacs --batch (Debian's emacs-nox and elpa-notmuch): its buffer lists
# the due steps from `list --format=json', RET resumes the right draft
# with notmuch-emacs's own draft resume, the check mode stops a draft
# with a placeholder and lets a clean one go, n notes a sentence for the
# row's person, s shows the process.  The ERT tests are in
# tests/emacs/notmuch-followup-test.el; emacs runs under faketime at the
# time of the scan, so the program sees the same "now".
. "$(dirname "$0")/lib.sh"
nmf_setup
nmf_need_emacs
SRC=$(cd "${NMF_SRC:-$NMF_E2E_DIR/../..}" && pwd)

# A panel (three thank-yous whose drafts know each one's part) and a
# phone screen whose draft keeps a line to fill.
cat >"$NMF_TMP/panel.eml" <<'MAIL'
Message-ID: <onsite-148@cascade-freight.example>
Date: Mon, 16 Nov 2026 15:00:00 +0000
From: Dana Wu <dana.wu@cascade-freight.example>
To: Alex Morgan <alex.morgan@example.net>
Cc: Ben Ortega <ben.ortega@cascade-freight.example>,
 Jenna Alvarez <jenna.alvarez@cascade-freight.example>
Subject: Your panel interview for the Staff Data Engineer role
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

We'd love to have you back for a panel interview on Thursday,
November 19 at 1:00 PM Eastern with Ben Ortega and Jenna Alvarez.

1:00 PM - 1:45 PM   System Design   Ben Ortega
1:45 PM - 2:30 PM   Coding exercise   Jenna Alvarez

Dana Wu
Recruiting, Cascade Freight
MAIL
nmf_add "$NMF_TMP/panel.eml" >/dev/null
nmf_add clients/harbor-screen.eml >/dev/null
notmuch new --quiet
NOW=2026-11-19T21:00:00Z
t_ok "scan after both interviews" nmf scan --quiet --now=$NOW
t_eq "three thank-you drafts" 3 "$(nmf_drafts | wc -l | tr -d ' ')"
t_match "the phone screen's keeps a line to fill" '^\[Add' \
    "$(cat "$(notmuch search --output=files 'tag:draft and to:omar.haddad@harbor.example')")"

# The package from the checkout, as README says: (load ...), here by
# load-path; the program from the build.
mkdir -p "$NMF_TMP/bin"
ln -sf "$NMF_BIN" "$NMF_TMP/bin/notmuch-followup"
out=$(PATH=$NMF_TMP/bin:$PATH \
    NMF_PANEL="ben.ortega@cascade-freight.example jenna.alvarez@cascade-freight.example" \
    NMF_BARE="omar.haddad@harbor.example" \
    timeout 300 faketime "2026-11-19 21:00:00" emacs --batch -Q \
    -L "$NM_EL" -L "$SRC/emacs" -L "$SRC/tests/emacs" \
    -l notmuch-followup-test -f ert-run-tests-batch-and-exit </dev/null 2>&1)
rc=$?
t_eq "the ERT tests pass" 0 "$rc"
[ "$rc" = 0 ] || printf '%s\n' "$out" | tail -40
t_match "all five ran" 'Ran 5 tests, 5 results as expected' "$out"
# The package compiles without a warning (as an installed package would).
t_eq "it byte-compiles cleanly" "" "$(cp "$SRC/emacs/notmuch-followup.el" "$NMF_TMP/" &&
    emacs --batch -Q -L "$NM_EL" --eval '(setq byte-compile-error-on-warn t)' \
        -f batch-byte-compile "$NMF_TMP/notmuch-followup.el" 2>&1 | grep -i 'warn\|error')"
t_done
