#!/bin/sh
# T198: drafts follow what the user says (issue 16, DESIGN §6).  A note
# given after the thank-you was drafted rewrites the untouched draft in
# place (same file, same Message-ID, indexed again) and note says so; a
# draft the user edited is never touched and note says that too; a
# deleted draft comes back only with `redraft`, once per request.
. "$(dirname "$0")/lib.sh"
nmf_setup
ACME=20261112150400.7f3a91c2@mail.acme-robotics.example
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet
t_ok "scan after the interview" nmf scan --quiet --now=2026-11-17T19:30:00Z
d=$(notmuch search --output=files 'tag:draft and to:priya.shah@acme-robotics.example')
id=$(grep -m1 -i '^Message-I[dD]:' "$d")
t_match "the draft has what the invitation said it would cover" \
    'telemetry platform' "$(sed '1,/^$/d' "$d" | tr '\n' ' ')"

out=$(nmf note --now=2026-11-17T20:30:00Z --to=priya.shah@acme-robotics.example \
    id:$ACME "I enjoyed hearing about your move to Rust.")
t_match "note says which draft it updated" 'thank-you draft for Priya Shah updated' "$out"
t_ok "the same file" test -f "$d"
t_eq "the same Message-ID" "$id" "$(grep -m1 -i '^Message-I[dD]:' "$d")"
t_match "the draft has the user's sentence" \
    'I enjoyed hearing about your move to Rust\.' "$(sed '1,/^$/d' "$d" | tr '\n' ' ')"
t_eq "it is indexed again" 1 \
    "$(notmuch count 'tag:draft and to:priya.shah@acme-robotics.example and Rust')"
t_eq "still one draft" 1 "$(nmf_drafts | wc -l | tr -d ' ')"
out=$(nmf note --now=2026-11-17T20:40:00Z --to=priya.shah@acme-robotics.example \
    id:$ACME "I enjoyed hearing about your move to Rust.")
t_eq "the same note again changes nothing" "" \
    "$(printf '%s\n' "$out" | grep 'updated' || true)"

# The user edits the draft: no note touches it again.
printf 'P.S. I will send the benchmark link tomorrow.\n' >>"$d"
cp "$d" "$NMF_TMP/edited"
out=$(nmf note --now=2026-11-17T21:00:00Z --to=priya.shah@acme-robotics.example \
    id:$ACME "The ingestion backlog question stayed with me.")
t_match "note says the draft was edited and is left alone" \
    'edited by you: not changed' "$out"
t_ok "the edited draft is as the user left it" cmp -s "$d" "$NMF_TMP/edited"

# The user deletes it (notmuch-emacs tags it deleted): scan leaves it
# deleted; redraft writes it again, once.
notmuch tag +deleted -- \
    "$(notmuch search --output=messages 'tag:draft and to:priya.shah@acme-robotics.example')"
t_ok "scan" nmf scan --quiet --now=2026-11-17T22:00:00Z
t_eq "a deleted draft is not written again by scan" 0 \
    "$(notmuch count 'tag:draft and to:priya.shah@acme-robotics.example and not tag:deleted')"
out=$(nmf redraft --now=2026-11-17T22:05:00Z id:$ACME)
t_eq "redraft writes it again" 1 \
    "$(notmuch count 'tag:draft and to:priya.shah@acme-robotics.example and not tag:deleted')"
t_match "... and says so" 'thank-you draft for Priya Shah' "$out"
n=$(notmuch search --output=files 'tag:draft and to:priya.shah@acme-robotics.example and not tag:deleted')
t_ok "in a file of its own" test "$n" != "$d"
t_match "with the latest note" 'ingestion backlog question' \
    "$(sed '1,/^$/d' "$n" | tr '\n' ' ')"
t_match "redraft again while it is there leaves it" 'is there: left as it is' \
    "$(nmf redraft --now=2026-11-17T22:10:00Z id:$ACME)"
t_eq "still one live draft" 1 \
    "$(notmuch count 'tag:draft and to:priya.shah@acme-robotics.example and not tag:deleted')"
t_done
