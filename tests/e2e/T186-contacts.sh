#!/bin/sh
# T186: mail the user writes in a new thread to a person of a process
# joins it (DESIGN §5) also when scan evaluates only the processes that
# may have moved (issue 8): evaluations keep the process's people on its
# anchor (followup.contact), and scan looks up the recipients of the
# user's new mail there instead of evaluating every process.  Copy A runs
# `scan` as the hook does, copy B `scan --all`; they must agree.
. "$(dirname "$0")/lib.sh"
nmf_setup

ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
GLOBEX=CAGx1b7Y3kq9_Vt2@mail.globex.example
state_of () { # $1: config; the state tag of the thread of message $2
    NOTMUCH_CONFIG=$1 notmuch search --output=tags "thread:{id:$2}" |
        grep '^followup/' | grep -v '^followup/obsolete$' |
        tr '\n' ' ' | sed 's/ $//'
}
for f in acme-invite globex-invite newsletter-tips friend; do
    nmf_add $f.eml >/dev/null
done
notmuch new --quiet
nmf_twin "$NMF_TMP/b"
both() { # $1: now
    nmf scan --quiet --now="$1" &&
        nmf_b "$NMF_BIN" scan --all --quiet --now="$1"
}
t_ok "scan on 18 Nov" both 2026-11-18T12:00:00Z
t_eq "acme needs a thank-you" followup/thank-you \
    "$(state_of "$NOTMUCH_CONFIG" $ACME)"
t_eq "globex needs a thank-you" followup/thank-you \
    "$(state_of "$NOTMUCH_CONFIG" $GLOBEX)"
t_match "the anchor names the interviewer as a contact" \
    'followup.contact=priya.shah@acme-robotics.example' \
    "$(notmuch dump --include=properties "id:$ACME")"

# A thank-you in a new thread (no In-Reply-To), Cc to the recruiter, with
# the interviewer's address in another case; and a note to a friend.
sent() { # $1 file, $2 to, $3 subject, $4 date
    cat >"$NMF_TMP/$1" <<EOM
Message-ID: <$1@morgan.example>
Date: $4
From: Alex Morgan <alex.morgan@example.net>
To: $2
Subject: $3
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Thank you again for your time.

Alex
EOM
}
sent thanks-priya.eml "Priya Shah <Priya.Shah@Acme-Robotics.example>" \
    "Thank you" "Thu, 19 Nov 2026 08:00:00 +0000"
sent lunch.eml "Sam <sam@friends.example>" "Lunch?" \
    "Thu, 19 Nov 2026 08:05:00 +0000"
for f in thanks-priya.eml lunch.eml; do
    nmf_add "$NMF_TMP/$f" Sent >/dev/null
    MAILDIR=$NMF_TMP/b/mail nmf_add "$NMF_TMP/$f" Sent >/dev/null
done
notmuch new --quiet
nmf_b notmuch new --quiet
t_ok "scan on 19 Nov" both 2026-11-19T12:00:00Z
t_eq "acme: the new thread counts as the thank-you" followup/waiting \
    "$(state_of "$NOTMUCH_CONFIG" $ACME)"
t_eq "... as with scan --all" followup/waiting \
    "$(state_of "$NMF_TMP/b/config" $ACME)"
t_eq "globex is not thanked by mail to others" followup/thank-you \
    "$(state_of "$NOTMUCH_CONFIG" $GLOBEX)"
t_eq "the lists agree" \
    "$(nmf_b "$NMF_BIN" list --all --format=json --now=2026-11-19T12:00:00Z |
        sed -e "s#$NMF_TMP/b/mail/#ROOT/#g" -e 's/"thread":"[0-9a-f]*"/"thread":T/g' -e 's/"draft_id":"[^"]*"/"draft_id":D/g')" \
    "$(nmf list --all --format=json --now=2026-11-19T12:00:00Z |
        sed -e "s#$MAILDIR/#ROOT/#g" -e 's/"thread":"[0-9a-f]*"/"thread":T/g' -e 's/"draft_id":"[^"]*"/"draft_id":D/g')"
t_done
