#!/bin/sh
# T144: DESIGN §5 "Sent means" at the file level, where the real clients
# of T145-T147 cannot go: with maildir.synchronize_flags off, a sent copy
# that kept our draft's Message-ID keeps the draft tag, and is still sent;
# a draft of the user's own in the drafts folder (no D flag, no tag) is no
# sent step; the Fcc a draft carries follows followup.sent_folder and
# followup.draft_fcc.
. "$(dirname "$0")/lib.sh"
nmf_setup
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
state_of() {
    notmuch search --output=tags "thread:{id:$ACME}" | grep '^followup/' |
        grep -v '^followup/obsolete$' | tr '\n' ' ' | sed 's/ $//'
}
notmuch config set maildir.synchronize_flags false
notmuch config set followup.sent_folder "Sent Items"
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
t_ok "scan on 18 Nov" nmf scan --quiet --now=2026-11-18T12:00:00Z
d=$(nmf_drafts)
t_match "the Fcc names followup.sent_folder, quoted for notmuch insert" \
    '^Fcc: "Sent Items"$' "$(cat "$d")"
mid=$(sed -n 's/^Message-I[Dd]: *<\(.*\)>.*/\1/p' "$d")

# What neomutt and aerc do on send: the same bytes (here) in Sent without
# the D flag, the draft file gone.
mkdir -p "$MAILDIR/Sent Items/cur" "$MAILDIR/Sent Items/new" "$MAILDIR/Sent Items/tmp"
cp "$d" "$MAILDIR/Sent Items/cur/1795010000.R1.host:2,S"
rm "$d"
notmuch new --quiet
t_count "with flag sync off the draft tag stays on the sent copy" 1 \
    "id:$mid and tag:draft"
t_ok "scan on 19 Nov" nmf scan --quiet --now=2026-11-19T09:00:00Z
t_eq "the sent copy is the thank-you: waiting" followup/waiting "$(state_of)"
t_count "... and it is not marked obsolete" 0 "id:$mid and tag:followup/obsolete"
out=$(nmf list --all --now=2026-11-19T09:00:00Z)
t_fail "list: no thank-you line" sh -c "printf '%s' '$out' | grep -q '^thank-you'"
t_fail "list: no 'no draft yet'" sh -c "printf '%s' '$out' | grep -q 'no draft'"
t_ok "check --thread: no unsent draft left to check" \
    nmf check --now=2026-11-19T09:00:00Z --thread="id:$ACME"
t_match "show lists the sent thank-you, not as a draft" \
    ' out +candidate_thank_you +to priya' \
    "$(nmf show --now=2026-11-19T09:00:00Z "id:$ACME")"

# 27 Nov: the check-in is due.  The user starts one of their own and
# saves it in Drafts unfinished (no D flag, not tagged: sync is off).
t_ok "scan on 27 Nov" nmf scan --quiet --now=2026-11-27T09:00:00Z
t_eq "check-in due" followup/check-in "$(state_of)"
cat >"$NMF_TMP/own.eml" <<'MAIL'
From: Alex Morgan <alex.morgan@example.net>
To: Jordan Lee <jordan.lee@acme-robotics.example>
Subject: Checking in
Date: Fri, 27 Nov 2026 10:00:00 +0000
Message-ID: <own-draft-1@morgan.example>
In-Reply-To: <20261112150400.7f3a91c2@mail.acme-robotics.example>
References: <20261112150400.7f3a91c2@mail.acme-robotics.example>

Hi Jordan, I wanted to ask whether
MAIL
nmf_add "$NMF_TMP/own.eml" Drafts "" >/dev/null
notmuch new --quiet
t_ok "scan on 27 Nov, later" nmf scan --quiet --now=2026-11-27T12:00:00Z
t_eq "an unfinished draft of the user's own is no check-in" \
    followup/check-in "$(state_of)"
# The user sends it: the copy in Sent Items, the draft gone.
rm "$MAILDIR"/Drafts/cur/*nmf-e2e*
nmf_add "$NMF_TMP/own.eml" "Sent Items" >/dev/null
notmuch new --quiet
t_ok "scan on 28 Nov" nmf scan --quiet --now=2026-11-28T12:00:00Z
t_eq "sent, whatever its words: waiting" followup/waiting "$(state_of)"
t_count "our unsent check-in draft is now obsolete" 1 \
    'tag:draft and tag:followup/obsolete and to:jordan.lee@acme-robotics.example'

# followup.draft_fcc=false: no Fcc at all.
t_ok "scan on 11 Dec with draft_fcc=false" sh -c \
    "notmuch config set followup.draft_fcc false &&
     '$NMF_BIN' scan --quiet --now=2026-12-11T11:00:00Z"
f=$(grep -l 'last note' "$MAILDIR"/Drafts/cur/*)
t_ok "the final is drafted" test -f "$f"
t_eq "... without an Fcc" 0 "$(grep -c '^Fcc:' "$f")"
t_done
