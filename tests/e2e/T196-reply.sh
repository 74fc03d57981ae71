#!/bin/sh
# T196: the employer is waiting for the user (issue 20, DESIGN §5).  A
# recruiter asks for times: the process is followup/reply, list shows
# "answer Jordan Lee: ..." at the top, show quotes the request, agenda
# has it as a to-do, and no draft is written.  Any mail of the user's to
# the process answers it; a confirmation that says "let me know if you
# have any questions" asks nothing, and neither does an auto-reply.  A
# reference request after the interview is a reply step again, and a
# deadline in it ("by Friday") makes that the due time.
. "$(dirname "$0")/lib.sh"
nmf_setup
ASK=ask-3301@mail.acme-robotics.example
cat >"$NMF_TMP/ask.eml" <<'MAIL'
Return-Path: <jordan.lee@acme-robotics.example>
Received: from mail.acme-robotics.example (mail.acme-robotics.example [192.0.2.41])
	by mx.example.net with ESMTPS id 4QkR2m0fZbz9v
	for <alex.morgan@example.net>; Thu, 12 Nov 2026 15:04:07 +0000 (UTC)
Message-ID: <ask-3301@mail.acme-robotics.example>
Date: Thu, 12 Nov 2026 07:04:00 -0800
From: Jordan Lee <jordan.lee@acme-robotics.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Backend Engineer at Acme Robotics - next steps
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Hi Alex,

Thanks for applying for the Backend Engineer role at Acme Robotics. The
team liked your background and we would like to set up a 45-minute
phone interview with Priya Shah, our engineering manager.

Could you send me two or three times that work for you next week?

Best,
Jordan Lee
Recruiting Coordinator, Acme Robotics
MAIL
nmf_add "$NMF_TMP/ask.eml" >/dev/null
notmuch new --quiet
t_ok "scan after the question" nmf scan --quiet --now=2026-11-12T17:00:00Z
t_eq "the process waits for the user" followup/reply "$(nmf_state_of $ASK)"
t_eq "no draft: the answer is the user's" 0 \
    "$(notmuch count 'tag:draft and tag:followup')"
out=$(nmf list --now=2026-11-12T17:00:00Z)
t_match "list says whom to answer and what was asked" \
    'answer Jordan Lee: Could you send me two or three times' "$out"
t_match "it is due, and late after a business day" '^reply +due by Fri' "$out"
out=$(nmf list --now=2026-11-13T17:00:00Z)
t_match "a business day later it is overdue" '^reply +overdue' "$out"
t_match "list --format=json has the request" \
    '"request": *"Could you send me two or three times' \
    "$(nmf list --format=json --now=2026-11-12T17:00:00Z)"
out=$(nmf show --now=2026-11-12T17:00:00Z id:$ASK)
t_match "show quotes the request" \
    'asked: "Could you send me two or three times that work for you next week\?"' \
    "$out"
t_match "show says the state" 'state: *reply' "$out"
t_match "noreply still lists the thread" 'next steps' \
    "$(nmf noreply --now=2026-11-12T17:00:00Z)"
nmf agenda --output="$NMF_TMP/agenda.ics" --now=2026-11-12T17:00:00Z
t_match "agenda has it as a to-do" 'SUMMARY:Answer Jordan Lee: Could you' \
    "$(tr -d '\r' <"$NMF_TMP/agenda.ics" | sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D')"

# The user answers with times (by hand, in the thread).
cat >"$NMF_TMP/times.eml" <<'MAIL'
Message-ID: <times-11@morgan.example>
Date: Fri, 13 Nov 2026 09:20:00 -0800
From: Alex Morgan <alex.morgan@example.net>
To: Jordan Lee <jordan.lee@acme-robotics.example>
Subject: Re: Backend Engineer at Acme Robotics - next steps
In-Reply-To: <ask-3301@mail.acme-robotics.example>
References: <ask-3301@mail.acme-robotics.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Jordan,

Tuesday between 10 and 12 Pacific, or Wednesday afternoon, both work.

Alex
MAIL
nmf_add "$NMF_TMP/times.eml" Sent >/dev/null
notmuch new --quiet
t_ok "scan after the answer" nmf scan --quiet --now=2026-11-13T18:00:00Z
t_eq "answered: waiting" followup/waiting "$(nmf_state_of $ASK)"
t_eq "list has nothing for the user" "Nothing needs you now." \
    "$(nmf list --now=2026-11-13T18:00:00Z)"

# The confirmation asks nothing ("let me know if you have questions").
cat >"$NMF_TMP/confirm.eml" <<'MAIL'
Return-Path: <jordan.lee@acme-robotics.example>
Message-ID: <confirm-3302@mail.acme-robotics.example>
Date: Fri, 13 Nov 2026 11:02:00 -0800
From: Jordan Lee <jordan.lee@acme-robotics.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Re: Backend Engineer at Acme Robotics - next steps
In-Reply-To: <times-11@morgan.example>
References: <ask-3301@mail.acme-robotics.example> <times-11@morgan.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

You're all set: Priya Shah will call you on Tuesday, November 17 at
10:00 AM Pacific, for 45 minutes.

Let me know if you have any questions.

Jordan
MAIL
nmf_add "$NMF_TMP/confirm.eml" >/dev/null
# An auto-reply from Priya asks nothing either.
cat >"$NMF_TMP/ooo.eml" <<'MAIL'
Message-ID: <ooo-77@mail.acme-robotics.example>
Date: Fri, 13 Nov 2026 11:30:00 -0800
From: Priya Shah <priya.shah@acme-robotics.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Automatic reply: Backend Engineer at Acme Robotics - next steps
In-Reply-To: <confirm-3302@mail.acme-robotics.example>
References: <ask-3301@mail.acme-robotics.example> <confirm-3302@mail.acme-robotics.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

I am out of the office until Monday. Could you contact Jordan Lee for
anything urgent?
MAIL
nmf_add "$NMF_TMP/ooo.eml" >/dev/null
notmuch new --quiet
t_ok "scan after the confirmation" nmf scan --quiet --now=2026-11-14T12:00:00Z
t_eq "a confirmation and an auto-reply ask nothing" followup/waiting \
    "$(nmf_state_of $ASK)"

# The interview, a thank-you, then a reference request with a deadline.
cat >"$NMF_TMP/thanks.eml" <<'MAIL'
Message-ID: <thanks-12@morgan.example>
Date: Tue, 17 Nov 2026 13:10:00 -0800
From: Alex Morgan <alex.morgan@example.net>
To: Priya Shah <priya.shah@acme-robotics.example>
Subject: Thank you
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Priya, thank you for the call this morning. Alex
MAIL
nmf_add "$NMF_TMP/thanks.eml" Sent >/dev/null
cat >"$NMF_TMP/refs.eml" <<'MAIL'
Return-Path: <jordan.lee@acme-robotics.example>
Message-ID: <refs-3303@mail.acme-robotics.example>
Date: Wed, 18 Nov 2026 09:15:00 -0800
From: Jordan Lee <jordan.lee@acme-robotics.example>
To: Alex Morgan <alex.morgan@example.net>
Subject: Re: Backend Engineer at Acme Robotics - next steps
In-Reply-To: <confirm-3302@mail.acme-robotics.example>
References: <ask-3301@mail.acme-robotics.example> <confirm-3302@mail.acme-robotics.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

Priya enjoyed the conversation and we would like to move forward. Can
you share two references from your recent roles by Friday?

Thanks,
Jordan
MAIL
nmf_add "$NMF_TMP/refs.eml" >/dev/null
notmuch new --quiet
t_ok "scan after the reference request" \
    nmf scan --quiet --now=2026-11-18T18:00:00Z
t_eq "a reply is due again" followup/reply "$(nmf_state_of $ASK)"
t_match "list asks for the references" \
    'answer Jordan Lee: .*Can you share two references' \
    "$(nmf list --now=2026-11-18T18:00:00Z)"
t_match "on Thursday it is due by Friday" '^reply +due by Fri' \
    "$(nmf list --now=2026-11-19T12:00:00Z)"
t_match "on Friday it is due today, not overdue" '^reply +due today' \
    "$(nmf list --now=2026-11-20T12:00:00Z)"
t_match "after Friday it is" '^reply +overdue' \
    "$(nmf list --now=2026-11-21T18:00:00Z)"
# Answered on the phone: the user says so.
t_ok "note --answered" nmf note --now=2026-11-18T19:00:00Z --answered \
    id:refs-3303@mail.acme-robotics.example
t_eq "the question is answered" followup/waiting "$(nmf_state_of $ASK)"
t_eq "and list has nothing" "Nothing needs you now." \
    "$(nmf list --now=2026-11-18T19:00:00Z)"
# The user sends them in a new message too.
cat >"$NMF_TMP/refs-sent.eml" <<'MAIL'
Message-ID: <refs-13@morgan.example>
Date: Thu, 19 Nov 2026 08:00:00 -0800
From: Alex Morgan <alex.morgan@example.net>
To: Jordan Lee <jordan.lee@acme-robotics.example>
Subject: References
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Jordan, here are my two references: ...
MAIL
nmf_add "$NMF_TMP/refs-sent.eml" Sent >/dev/null
notmuch new --quiet
t_ok "scan after the references went" \
    nmf scan --quiet --now=2026-11-19T18:00:00Z
t_eq "waiting again" followup/waiting "$(nmf_state_of $ASK)"
t_eq "still no draft of ours" 0 "$(notmuch count 'tag:draft and tag:followup')"
t_done
