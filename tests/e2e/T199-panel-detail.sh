#!/bin/sh
# T199: each panel draft is its person's (issue 16, DESIGN §6).  The
# invitation's titles and the parts of the interview each one ran come
# through scan into the store (show) and into their own thank-you; the
# user's note for everybody goes to one draft only: the first
# interviewer whose thank-you is written and who has no note of their
# own, so that it is neither lost nor said twice.
. "$(dirname "$0")/lib.sh"
nmf_setup
cat >"$NMF_TMP/panel.eml" <<'MAIL'
Message-ID: <onsite-318@cascade-freight.example>
Date: Mon, 16 Nov 2026 15:00:00 +0000
From: Dana Wu <dana.wu@cascade-freight.example>
To: Alex Morgan <alex.morgan@example.net>
Cc: Ben Ortega <ben.ortega@cascade-freight.example>,
 Jenna Alvarez <jenna.alvarez@cascade-freight.example>,
 Priyanka Shah <priyanka.shah@cascade-freight.example>
Subject: Your panel interview for the Staff Data Engineer role
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8

Hi Alex,

We'd love to have you back for a panel interview on Thursday,
November 19 at 1:00 PM Eastern. You'll meet with Ben Ortega (Engineering
Manager), Jenna Alvarez, Staff Engineer, and Priyanka Shah.

1:00 PM - 1:45 PM   System Design   Ben Ortega
1:45 PM - 2:30 PM   Coding exercise   Jenna Alvarez
2:30 PM - 3:00 PM   Culture chat with Priyanka Shah

All three are copied here. See you Thursday!

Dana Wu
Recruiting, Cascade Freight
MAIL
nmf_add "$NMF_TMP/panel.eml" >/dev/null
notmuch new --quiet
ID=onsite-318@cascade-freight.example
body_of() { # the body of the draft to $1, on one line
    sed '1,/^$/d' "$(notmuch search --output=files "tag:draft and to:$1")" |
        tr '\n' ' '
}

t_ok "scan after the panel" nmf scan --quiet --now=2026-11-19T21:00:00Z
t_eq "a thank-you to each of the three" 3 "$(nmf_drafts | wc -l | tr -d ' ')"
json=$(nmf show --format=json --now=2026-11-19T21:00:00Z id:$ID)
t_match "show keeps each title" \
    '"name": *"Jenna Alvarez",.*"title": *"Staff Engineer", *"part": *"Coding exercise"' \
    "$(printf '%s' "$json" | tr -d '\n')"
t_match "... and says it in text" 'Ben Ortega <ben.ortega@cascade-freight.example>, Engineering Manager, System Design' \
    "$(nmf show --now=2026-11-19T21:00:00Z id:$ID)"
t_match "Ben's draft speaks of his part" 'the system design session' \
    "$(body_of ben.ortega@cascade-freight.example)"
t_match "Jenna's of hers, and of her work as Staff Engineer" \
    'the coding exercise.*your work as Staff Engineer at Cascade' \
    "$(body_of jenna.alvarez@cascade-freight.example)"
t_match "Priyanka's of the culture chat" 'the culture chat' \
    "$(body_of priyanka.shah@cascade-freight.example)"
t_eq "no draft asks the user to add a line" "" \
    "$(grep -l '^\[Add' $(nmf_drafts) || true)"
t_eq "the three share no sentence" "" "$(nmf_twin_sentences $(nmf_drafts))"

# Ben gets a note of his own, then everybody one: the note for
# everybody goes to Jenna (the first without one), not to Ben, not to
# Priyanka.
t_ok "a note for Ben" nmf note --now=2026-11-19T21:10:00Z \
    --to=ben.ortega@cascade-freight.example id:$ID \
    "your sketch of the event pipeline was a great way in"
out=$(nmf note --now=2026-11-19T21:20:00Z id:$ID \
    "we talked about your move to Rust")
t_match "note updates Jenna's draft" 'thank-you draft for Jenna Alvarez updated' "$out"
t_eq "... and only hers" 1 "$(printf '%s\n' "$out" | grep -c updated)"
t_match "Ben's draft has his own note" \
    'Your sketch of the event pipeline was a great way in\.' \
    "$(body_of ben.ortega@cascade-freight.example)"
t_match "Jenna's has the note for everybody" 'We talked about your move to Rust\.' \
    "$(body_of jenna.alvarez@cascade-freight.example)"
t_eq "it is said once" 1 "$(grep -l 'move to Rust' $(nmf_drafts) | wc -l | tr -d ' ')"
t_eq "still no twin sentences" "" "$(nmf_twin_sentences $(nmf_drafts))"
out=$(nmf show --now=2026-11-19T21:30:00Z id:$ID)
t_match "show lists the note for everybody" \
    'everybody: we talked about your move to Rust' "$out"
t_match "... and Ben's" \
    'ben.ortega@cascade-freight.example: your sketch of the event pipeline' "$out"
t_match "... and so does its JSON" \
    '"to": *null, *"text": *"we talked about your move to Rust"' \
    "$(nmf show --format=json --now=2026-11-19T21:30:00Z id:$ID | tr -d '\n')"
t_done
