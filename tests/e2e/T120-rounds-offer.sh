#!/bin/sh
# T120: a second round announced in a new thread joins the same process
# and asks for a thank-you after that round; an offer in a third thread
# turns the process to followup/offer; a panel of two needs two
# thank-yous, each its own draft.
. "$(dirname "$0")/lib.sh"
nmf_setup
R1=umbra-r1@umbra-systems.example
R2=umbra-r2@umbra-systems.example
OFFER=umbra-offer@umbra-systems.example
INI=a41c9e07-5d2b-4b8e-b6f3-0c2d8e19aa55@initech.example
state_of () {
    notmuch search --output=tags "thread:{id:$1}" | grep '^followup/' | grep -v '^followup/obsolete$' |
        tr '\n' ' ' | sed 's/ $//'
}

nmf_add umbra-invite.eml >/dev/null
nmf_add initech-invite.eml >/dev/null
notmuch new --quiet
t_ok "scan after round 1" nmf scan --quiet --now=2026-11-23T16:00:00Z
t_eq "round 1 ended: thank-you" followup/thank-you "$(state_of $R1)"
t_count "thank-you draft to the recruiter who ran the call" 1 \
    'tag:draft and to:nina.brooks@umbra-systems.example'

nmf_add umbra-thankyou.eml Sent >/dev/null
nmf_add umbra-final-round.eml >/dev/null
notmuch new --quiet
t_ok "scan before round 2" nmf scan --quiet --now=2026-11-26T12:00:00Z
t_eq "round 2 ahead: waiting" followup/waiting "$(state_of $R1)"
t_eq "the new thread joined the same process" followup/waiting "$(state_of $R2)"
t_eq "one process id for both threads" 1 \
    "$(notmuch dump --include=properties "thread:{id:$R1} or thread:{id:$R2}" |
        grep -o 'followup.process=[a-z0-9]*' | sort -u | wc -l)"

t_ok "scan after round 2" nmf scan --quiet --now=2026-12-02T20:00:00Z
t_eq "round 2 ended: thank-you again" followup/thank-you "$(state_of $R2)"
t_count "thank-you draft to the round-2 interviewer" 1 \
    'tag:draft and to:dana.fox@umbra-systems.example'
t_match "it answers the employer's last word, in the new thread" \
    "^In-Reply-To: <$R2>" \
    "$(cat "$(notmuch search --output=files 'tag:draft and to:dana.fox@umbra-systems.example')")"
t_match "list shows round 2's thank-you" '^thank-you .*Umbra Systems, Backend Engineer +Dana Fox' \
    "$(nmf list --now=2026-12-02T20:00:00Z)"

# Initech's onsite had a panel of two: two drafts, one each, different.
t_count "a thank-you draft for each panel member" 2 \
    'tag:draft and (to:sam.patel@initech.example or to:dana.wu@initech.example)'
a=$(notmuch search --output=files 'tag:draft and to:sam.patel@initech.example')
b=$(notmuch search --output=files 'tag:draft and to:dana.wu@initech.example')
t_match "Sam's draft greets Sam" '^Hi Sam,' "$(cat "$a")"
t_match "Dana's draft greets Dana" '^Hi Dana,' "$(cat "$b")"

nmf_add umbra-offer.eml >/dev/null
notmuch new --quiet
t_ok "scan after the offer" nmf scan --quiet --now=2026-12-08T12:00:00Z
t_eq "offer" followup/offer "$(state_of $OFFER)"
t_eq "the whole process is at the offer" followup/offer "$(state_of $R1)"
t_ok "an offer stays until the user closes" nmf scan --quiet --now=2027-02-01T12:00:00Z
t_eq "still offer months later" followup/offer "$(state_of $R1)"
t_ok "stay in touch with Nina after it closes" nmf note \
    --keep-in-touch='Nina Brooks <nina.brooks@umbra-systems.example>' \
    --now=2027-02-01T12:00:00Z "id:$OFFER"
t_ok "close the process" nmf close --now=2027-02-01T12:00:00Z "id:$OFFER"
t_eq "closed" followup/closed "$(state_of $R2)"

# Keep-in-touch notes are off by default ...
t_ok "scan two months later, keep-in-touch off" nmf scan --quiet --now=2027-04-05T12:00:00Z
kit () { notmuch dump --include=properties | grep -o "followup.draft=[a-z0-9]*%3akeep-in-touch[^ ]*" | sort -u | wc -l; }
t_eq "no keep-in-touch draft" 0 "$(kit)"
# ... and every 60 days with followup.keep_in_touch_days.
notmuch config set followup.keep_in_touch_days 60
t_ok "scan 40 days after closing" nmf scan --quiet --now=2027-03-13T12:00:00Z
t_eq "not yet" 0 "$(kit)"
t_ok "scan 63 days after closing" nmf scan --quiet --now=2027-04-05T12:00:00Z
t_eq "one keep-in-touch draft" 1 "$(kit)"
t_count "... to Nina" 1 'tag:draft and to:nina.brooks@umbra-systems.example and body:"stay in touch"'
t_match "list shows it while the process stays closed" '^keep-in-touch .*Umbra Systems' \
    "$(nmf list --now=2027-04-05T12:00:00Z)"
t_eq "the process is still closed" followup/closed "$(state_of $R2)"
t_ok "scan again the same day" nmf scan --quiet --now=2027-04-05T13:00:00Z
t_eq "still one keep-in-touch draft" 1 "$(kit)"
t_done
