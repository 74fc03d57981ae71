#!/bin/sh
# T187: who started a thread matters (issue 19, doc/design.md "Which
# process a message joins").  The user invites a candidate to an
# interview; the candidate's "Thursday at 10:00 works great for me" reads
# like an invitation, but the user hires: no process, no tag, no draft.
# The control: the user applies, and the recruiter's invitation in the
# same thread starts a process as usual.  Mail written by us.
. "$(dirname "$0")/lib.sh"
nmf_setup

mail() { # $1 file, $2 from, $3 to, $4 subject, $5 date, $6 in-reply-to; body on stdin
    {
        printf 'Message-ID: <%s@t187.example>\nDate: %s\nFrom: %s\nTo: %s\n' \
            "$1" "$5" "$2" "$3"
        printf 'Subject: %s\n' "$4"
        if [ -n "$6" ]; then
            printf 'In-Reply-To: <%s@t187.example>\nReferences: <%s@t187.example>\n' \
                "$6" "$6"
        fi
        printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n'
        cat
    } >"$NMF_TMP/$1.eml"
}
ALEX="Alex Morgan <alex.morgan@example.net>"

# The user hires.
mail hire-invite "$ALEX" "Sam Okafor <sam.okafor@mailbox.example>" \
    "Interview for the SRE role" "Mon, 16 Nov 2026 09:00:00 -0500" "" <<'EOM'
Hi Sam,

Thanks for your application. I'd like to invite you to a 45-minute
interview for the SRE role on my team. Would Thursday, November 19 at
10:00 AM Eastern work for you?

Alex Morgan
Engineering Manager
EOM
mail hire-answer "Sam Okafor <sam.okafor@mailbox.example>" "$ALEX" \
    "Re: Interview for the SRE role" "Mon, 16 Nov 2026 11:30:00 -0500" \
    hire-invite <<'EOM'
Hi Alex,

Thursday, November 19 at 10:00 AM works great for me. I look forward to
the interview and to meeting the team.

Best,
Sam
EOM

# The user applies; the recruiter invites in the same thread.
mail apply "$ALEX" "Dana Ruiz <dana.ruiz@globex.example>" \
    "Application: Backend Engineer" "Mon, 16 Nov 2026 08:00:00 -0500" "" <<'EOM'
Hello Dana,

I'm applying for the Backend Engineer role; my resume is attached. I
would love to talk with you about it.

Alex
EOM
mail apply-invite "Dana Ruiz <dana.ruiz@globex.example>" "$ALEX" \
    "Re: Application: Backend Engineer" "Mon, 16 Nov 2026 14:00:00 -0500" \
    apply <<'EOM'
Hi Alex,

Thanks for applying to Globex! We'd like to schedule a 30-minute phone
interview for the Backend Engineer role on Thursday, November 19 at
2:00 PM ET. I'll call you at the number on your resume.

Dana Ruiz
Technical Recruiter, Globex
EOM

nmf_add "$NMF_TMP/hire-invite.eml" Sent >/dev/null
nmf_add "$NMF_TMP/apply.eml" Sent >/dev/null
nmf_add "$NMF_TMP/hire-answer.eml" >/dev/null
nmf_add "$NMF_TMP/apply-invite.eml" >/dev/null
notmuch new --quiet

t_ok "scan" nmf scan --quiet --now=2026-11-20T12:00:00Z
t_eq "the candidate's answer starts no process" "" \
    "$(notmuch search --output=tags 'thread:{id:hire-answer@t187.example}' |
        grep '^followup/' | tr '\n' ' ')"
t_eq "... and stores none" "" \
    "$(notmuch dump --include=properties 'id:hire-answer@t187.example' |
        grep 'followup.process' || true)"
t_match "the recruiter's invitation in the user's thread starts one" \
    '^followup/thank-you$' \
    "$(notmuch search --output=tags 'thread:{id:apply-invite@t187.example}' |
        grep '^followup/')"
t_eq "list shows the one process" 1 \
    "$(nmf list --all --format=json --now=2026-11-20T12:00:00Z |
        grep -o '"process":' | wc -l | tr -d ' ')"
t_eq "no draft for the candidate" "" \
    "$(notmuch search --output=files 'to:sam.okafor@mailbox.example and tag:draft' || true)"
# A recruiter's cold outreach that schedules nothing concrete is no
# process either (DESIGN §5, who started it).
cat >"$NMF_TMP/cold.eml" <<'MAIL'
Return-Path: <kate.morris@talentbridge.example>
Message-ID: <cold-5521@talentbridge.example>
Date: Tue, 17 Nov 2026 13:22:00 +0000
From: Kate Morris <kate.morris@talentbridge.example>
To: alex.morgan@example.net
Subject: Senior Data Engineer opportunity - quick chat?
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

I came across your profile and was impressed by your work on streaming
data platforms. I'm partnering with a fast-growing logistics company that
is hiring a Senior Data Engineer (remote, US), and I think your
background could be a great fit.

Would you be open to a quick chat sometime next week to hear more about
the role and the interview process? If so, just reply with a few times
that suit you.

Best,
Kate Morris
Senior Technical Recruiter, TalentBridge
MAIL
nmf_add "$NMF_TMP/cold.eml" >/dev/null
notmuch new --quiet
t_ok "scan with the outreach" nmf scan --quiet --now=2026-11-20T13:00:00Z
t_eq "the outreach gets no interview tag" "" \
    "$(notmuch search --output=tags 'id:cold-5521@talentbridge.example' |
        grep -E '^(interview|followup/)' || true)"
t_eq "and list still shows the one process" 1 \
    "$(nmf list --all --format=json --now=2026-11-20T13:00:00Z |
        grep -o '"process":' | wc -l | tr -d ' ')"
t_done
