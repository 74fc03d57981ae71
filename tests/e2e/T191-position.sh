#!/bin/sh
# T191: what the user did and what the employer said count wherever they
# are (issue 19, DESIGN §5).  The user thanks the interviewer in a thread
# of their own; the interviewer answers inside it with a decision date:
# the answer is the process's (properties, show), restarts its clock,
# and its explicit date holds the check-in back.  Later the user sends
# the final follow-up in words that read like a thank-you: it is the
# final by position, and the process moves on.
. "$(dirname "$0")/lib.sh"
nmf_setup
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
live_drafts() {
    notmuch count 'tag:draft and tag:followup and not tag:followup/obsolete'
}
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
# The interview: Tuesday 17 November, 10:00-11:00 Pacific.
t_ok "scan after the interview" nmf scan --quiet --now=2026-11-17T20:00:00Z
t_eq "a thank-you is due" followup/thank-you "$(nmf_state_of $ACME)"

# The thank-you, by hand, in a new thread of the user's own.
cat >"$NMF_TMP/thanks.eml" <<'MAIL'
Message-ID: <a41f0c2e-thanks@morgan.example>
Date: Tue, 17 Nov 2026 15:40:00 -0800
From: Alex Morgan <alex.morgan@example.net>
To: Priya Shah <priya.shah@acme-robotics.example>
Subject: Great talking today
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Hi Priya,

I really enjoyed our conversation about the telemetry pipeline this
morning, and the backlog question has stayed with me all afternoon.

All the best,
Alex
MAIL
nmf_add "$NMF_TMP/thanks.eml" Sent >/dev/null
# Priya answers inside that thread, with a date.
cat >"$NMF_TMP/answer.eml" <<'MAIL'
Return-Path: <priya.shah@acme-robotics.example>
Received: from mail.acme-robotics.example (mail.acme-robotics.example [192.0.2.41])
	by mx.example.net with ESMTPS id 4Qm3c1hXv2z7q
	for <alex.morgan@example.net>; Mon, 23 Nov 2026 17:02:11 +0000 (UTC)
Message-ID: <CAF3xk1q8Zt0+answer@mail.acme-robotics.example>
Date: Mon, 23 Nov 2026 09:02:00 -0800
From: Priya Shah <priya.shah@acme-robotics.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Re: Great talking today
In-Reply-To: <a41f0c2e-thanks@morgan.example>
References: <a41f0c2e-thanks@morgan.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Hi Alex,

Thanks for the note, I enjoyed it too. We are talking to a few more
people this month, and we will let you know by Monday, December 14.

Priya

> I really enjoyed our conversation about the telemetry pipeline this
> morning, and the backlog question has stayed with me all afternoon.
MAIL
nmf_add "$NMF_TMP/answer.eml" >/dev/null
notmuch new --quiet
t_ok "scan on 24 Nov" nmf scan --quiet --now=2026-11-24T12:00:00Z
t_eq "the thank-you counts: waiting" followup/waiting "$(nmf_state_of $ACME)"
t_eq "the answer belongs to the process" 1 \
    "$(notmuch count 'id:CAF3xk1q8Zt0+answer@mail.acme-robotics.example and property:followup.member=1')"
t_match "the answer carries the process's tags" 'followup/waiting' \
    "$(notmuch search --output=tags id:CAF3xk1q8Zt0+answer@mail.acme-robotics.example)"
out=$(nmf show --now=2026-11-24T12:00:00Z id:$ACME)
t_match "show lists the answer" 'Great talking today' "$out"
# Without the answer the check-in would be due on 26 Nov; seven
# business days after it on 2 Dec; its date (14 Dec) holds it back.
t_ok "scan on 3 Dec" nmf scan --quiet --now=2026-12-03T12:00:00Z
t_eq "waiting for the stated date" followup/waiting "$(nmf_state_of $ACME)"
t_eq "no check-in draft before it" 0 "$(live_drafts)"
t_match "show names the date" 'Dec|12-14' \
    "$(nmf show --now=2026-12-03T12:00:00Z id:$ACME)"
t_ok "scan on 16 Dec" nmf scan --quiet --now=2026-12-16T13:00:00Z
t_eq "two business days after it: the check-in" followup/check-in \
    "$(nmf_state_of $ACME)"

# The user writes the check-in by hand to the recruiter.
cat >"$NMF_TMP/checkin.eml" <<'MAIL'
Message-ID: <c8d2e611-checkin@morgan.example>
Date: Wed, 16 Dec 2026 09:30:00 -0800
From: Alex Morgan <alex.morgan@example.net>
To: Jordan Lee <jordan.lee@acme-robotics.example>
Subject: Backend Engineer role
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Hi Jordan,

Any news on the Backend Engineer role? I am still keen.

Alex
MAIL
nmf_add "$NMF_TMP/checkin.eml" Sent >/dev/null
notmuch new --quiet
t_ok "scan on 17 Dec" nmf scan --quiet --now=2026-12-17T12:00:00Z
t_eq "the check-in counts: waiting" followup/waiting "$(nmf_state_of $ACME)"
t_ok "scan on 31 Dec" nmf scan --quiet --now=2026-12-31T12:00:00Z
t_eq "ten business days later: the final" followup/final "$(nmf_state_of $ACME)"
t_eq "a final draft is written" 1 "$(live_drafts)"
# The final, by hand, in thank-you words.
cat >"$NMF_TMP/final.eml" <<'MAIL'
Message-ID: <0b77e3a9-last@morgan.example>
Date: Thu, 31 Dec 2026 08:15:00 -0800
From: Alex Morgan <alex.morgan@example.net>
To: Jordan Lee <jordan.lee@acme-robotics.example>
Subject: Re: Backend Engineer role
In-Reply-To: <c8d2e611-checkin@morgan.example>
References: <c8d2e611-checkin@morgan.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Hi Jordan,

Thank you again for the conversation and for your help throughout.
I understand things get busy; this will be my last note, and I wish
you and the team a good start to the year.

Thank you,
Alex
MAIL
nmf_add "$NMF_TMP/final.eml" Sent >/dev/null
notmuch new --quiet
t_ok "scan on 4 Jan" nmf scan --quiet --now=2027-01-04T12:00:00Z
t_eq "the final counts whatever its words" followup/waiting \
    "$(nmf_state_of $ACME)"
t_eq "the final draft is obsolete" 0 "$(live_drafts)"
t_ok "scan on 15 Jan" nmf scan --quiet --now=2027-01-15T12:00:00Z
t_eq "ten business days later: closed" followup/closed "$(nmf_state_of $ACME)"
t_done
