#!/bin/sh
# T150: templates of the user's own replace the built-in ones (and an
# unknown variable is an error naming the file and line); a draft is sent
# from the address the employer wrote to; after the final follow-up with a
# phone number known, list suggests a call with what to say (no draft).
. "$(dirname "$0")/lib.sh"
nmf_setup
GLOBEX=CAGx1b7Y3kq9_Vt2@mail.globex.example
mail_to_maria () { # $1 id, $2 date
    cat >"$NMF_TMP/$1.eml" <<MAIL
Message-ID: <$1@morgan.example>
Date: $2
From: Alex Morgan <alex.morgan@example.net>
To: Maria Gomez <maria.gomez@globex.example>
Subject: Re: Phone screen - Data Engineer role at Globex
In-Reply-To: <$GLOBEX>
References: <$GLOBEX>

Hi Maria,

Following up on the Data Engineer role.

Alex
MAIL
    nmf_add "$NMF_TMP/$1.eml" Sent >/dev/null
}

# A template of the user's own for thank-yous.
mkdir -p "$XDG_CONFIG_HOME/notmuch-followup/templates"
cat >"$XDG_CONFIG_HOME/notmuch-followup/templates/thank-you.txt" <<'TMPL'
Dear {{first_name}},

Many thanks for the {{role}} conversation{{?company}} at {{company}}{{/company}}.

Kind regards,
{{user_name}}
TMPL
nmf_add globex-invite.eml >/dev/null
# An invitation sent to the user's other address: the draft comes from it.
sed -e 's/^To: Alex Morgan <alex.morgan@example.net>/To: Alex Morgan <alex@morgan.example>/' \
    -e 's/^Message-ID: .*/Message-ID: <alias-1@acme-robotics.example>/' \
    "$NMF_FIXTURES/acme-invite.eml" >"$NMF_TMP/alias.eml"
nmf_add "$NMF_TMP/alias.eml" >/dev/null
notmuch new --quiet
t_ok "scan" nmf scan --quiet --now=2026-11-18T12:00:00Z
d=$(notmuch search --output=files 'tag:draft and to:maria.gomez@globex.example')
t_match "the user's template was used" '^Dear Maria,' "$(cat "$d")"
t_match "... with its variables filled" 'Many thanks for the Data Engineer conversation at Globex' \
    "$(cat "$d")"
a=$(notmuch search --output=files 'tag:draft and to:priya.shah@acme-robotics.example')
t_match "From the address the invitation went to" \
    '^From: Alex Morgan <alex@morgan.example>' "$(cat "$a")"

# A template with an unknown variable: an error naming the file and line,
# no draft for that step, and the scan still succeeds.
cat >"$XDG_CONFIG_HOME/notmuch-followup/templates/check-in.txt" <<'TMPL'
Hi {{first_name}},
Any news about my {{salary_expectation}}?
TMPL
mail_to_maria ty1 "Fri, 13 Nov 2026 18:00:00 +0000"
notmuch new --quiet
out=$(nmf scan --now=2026-11-25T12:00:00Z 2>&1); rc=$?
t_eq "a bad template does not fail the scan" 0 $rc
t_match "the error names the file and line" \
    "templates/check-in.txt', line 2: unknown variable 'salary_expectation'" "$out"
t_count "no check-in draft from the bad template" 0 \
    'tag:draft and to:maria.gomez@globex.example and tag:followup/check-in and not tag:followup/obsolete and not body:Dear'
rm "$XDG_CONFIG_HOME/notmuch-followup/templates/check-in.txt"

# Check-in and final sent; Maria's signature has a phone number: call.
mail_to_maria ci1 "Wed, 25 Nov 2026 13:00:00 +0000"
mail_to_maria fi1 "Wed, 09 Dec 2026 12:00:00 +0000"
notmuch new --quiet
t_ok "scan after the final" nmf scan --quiet --now=2026-12-10T12:00:00Z
t_count "state: call" 1 "id:$GLOBEX and tag:followup/call"
out=$(nmf list --now=2026-12-10T12:00:00Z)
t_match "list suggests the call" '^call .*Globex, Data Engineer +Maria Gomez +no draft: call \+1 312 555 0147' "$out"
out=$(nmf show --now=2026-12-10T12:00:00Z "id:$GLOBEX")
t_match "show gives the number" 'call \+1 312 555 0147 and say:' "$out"
t_match "and three lines of what to say" 'remain interested' "$out"
t_eq "no draft for a call" 0 \
    "$(notmuch dump --include=properties | grep -c 'followup.draft=[a-z0-9]*%3acall')"
t_ok "list --format=json has the phone" sh -c "'$NMF_BIN' list --format=json --now=2026-12-10T12:00:00Z | python3 -c 'import json,sys; r=json.load(sys.stdin); c=[x for x in r if x[\"step\"]==\"call\"][0]; assert c[\"to\"][\"phone\"]==\"+1 312 555 0147\", c'"
t_ok "5 business days later: closed" nmf scan --quiet --now=2026-12-17T12:00:00Z
t_count "closed" 1 "id:$GLOBEX and tag:followup/closed"
t_done
