#!/bin/sh
# T121: an offer with an answer deadline shows a `decide` step one business
# day before it, in list and agenda, and no draft: the decision is the
# user's own (issue 19, DESIGN §5).  Mail written by us.
. "$(dirname "$0")/lib.sh"
nmf_setup
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
nmf_add acme-invite.eml >/dev/null
cat >"$NMF_TMP/offer.eml" <<'EOM'
Message-ID: <offer-t121@mail.acme-robotics.example>
In-Reply-To: <20261112150400.7f3a91c2@mail.acme-robotics.example>
References: <20261112150400.7f3a91c2@mail.acme-robotics.example>
Date: Fri, 20 Nov 2026 16:00:00 +0000
From: Priya Shah <priya.shah@acme-robotics.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Your offer from Acme Robotics
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

We are delighted to offer you the position of Backend Engineer at Acme
Robotics. The offer letter with your base salary and start date is
attached. Please let us know your decision by Tuesday, December 1.

Priya Shah
Engineering Manager, Acme Robotics
EOM
nmf_add "$NMF_TMP/offer.eml" >/dev/null
notmuch new --quiet
t_ok "scan on 24 Nov" nmf scan --quiet --now=2026-11-24T12:00:00Z
t_match "the process is at its offer" 'followup/offer' \
    "$(notmuch search --output=tags "thread:{id:$ACME}")"
t_match "show says when the decision falls due" 'next: +decide on Mon 2026-11-30' \
    "$(nmf show --now=2026-11-24T12:00:00Z id:$ACME)"
t_ok "scan on 30 Nov" nmf scan --quiet --now=2026-11-30T13:00:00Z
t_match "list shows the decide step" 'decide' \
    "$(nmf list --now=2026-11-30T13:00:00Z)"
t_match "show: answer by Tuesday, no draft" 'answer the offer by Tue 2026-12-01' \
    "$(nmf show --now=2026-11-30T13:00:00Z id:$ACME)"
t_eq "no draft for a decision" 0 \
    "$(notmuch count 'tag:draft and tag:followup and subject:offer')"
t_ok "agenda" nmf agenda --now=2026-11-30T13:00:00Z --output="$NMF_TMP/a.ics"
t_match "the agenda has the decision" 'SUMMARY:Decide on the offer' \
    "$(cat "$NMF_TMP/a.ics")"
t_done
