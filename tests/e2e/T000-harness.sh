#!/bin/sh
# T000: the harness itself (needs only notmuch, not the program): the test
# environment is sealed inside a temp dir, fixtures are added and indexed,
# the assertions count, and run-e2e.sh sums and detects crashes.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

val=
mid=
orig_home=${HOME-}
orig_tmp=${TMPDIR:-/tmp}
nmf_setup

# --- environment -----------------------------------------------------------
t_ok "temp dir exists" test -d "$NMF_TMP"
t_match "temp dir is under \$TMPDIR" "^$orig_tmp/nmf-e2e\." "$NMF_TMP"
for v in HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME \
    NOTMUCH_CONFIG MAILDIR; do
    eval "val=\${$v-}"
    case "$val" in
    "$NMF_TMP"/*) t_ok "$v is inside the temp dir" true ;;
    *) t_eq "$v is inside the temp dir" "$NMF_TMP/..." "$val" ;;
    esac
done
t_eq "NOTMUCH_CONFIG" "$NMF_TMP/notmuch-config" "$NOTMUCH_CONFIG"
t_ok "HOME differs from the real one" test "$HOME" != "$orig_home"
t_eq "TZ" UTC "$TZ"
t_eq "LC_ALL" C.UTF-8 "$LC_ALL"
t_eq "NOTMUCH_PROFILE unset" unset "${NOTMUCH_PROFILE-unset}"
t_eq "NOTMUCH_DATABASE unset" unset "${NOTMUCH_DATABASE-unset}"
t_eq "working directory is the temp dir" "$NMF_TMP" "$(pwd)"
t_eq "NMF_BIN's directory leads PATH" \
    "$(cd "$(dirname "$NMF_BIN")" && pwd)" "${PATH%%:*}"
for d in INBOX/cur INBOX/new INBOX/tmp Sent/cur Sent/new Sent/tmp; do
    t_ok "maildir $d exists" test -d "$MAILDIR/$d"
done

# --- notmuch config: ours, not the user's ----------------------------------
t_fail "no ~/.notmuch-config in the test HOME" test -e "$HOME/.notmuch-config"
t_eq "user.primary_email" alex.morgan@example.net \
    "$(notmuch config get user.primary_email)"
t_eq "user.name" "Alex Morgan" "$(notmuch config get user.name)"
t_eq "user.other_email" alex@morgan.example \
    "$(notmuch config get user.other_email)"
t_eq "database.path" "$MAILDIR" "$(notmuch config get database.path)"
t_eq "new.tags" "unread
inbox" "$(notmuch config get new.tags)"
t_eq "maildir.synchronize_flags" true \
    "$(notmuch config get maildir.synchronize_flags)"

# --- nmf_add -----------------------------------------------------------------
p1=$(nmf_add receipt.eml)
p2=$(nmf_add receipt.eml)
t_match "nmf_add INBOX: cur/ and an empty flag list" \
    "^$MAILDIR/INBOX/cur/[^/:]+:2,\$" "$p1"
t_ok "nmf_add copied the file" cmp "$NMF_FIXTURES/receipt.eml" "$p1"
t_ok "two adds in a row get distinct names" test "$p1" != "$p2"
rm -f "$p2"
t_match "nmf_add to Sent defaults to flag S" "^$MAILDIR/Sent/cur/[^/:]+:2,S\$" \
    "$(nmf_add acme-thankyou.eml Sent)"
p3=$(nmf_add "$NMF_FIXTURES/friend.eml" Archive RS)
t_match "nmf_add takes a path, a new folder and flags" \
    "^$MAILDIR/Archive/cur/[^/:]+:2,RS\$" "$p3"
t_ok "nmf_add creates the folder as a Maildir" test -d "$MAILDIR/Archive/tmp"
p4=$(nmf_add podcast-invite.eml INBOX -)
t_match "nmf_add with flags - delivers to new/" "^$MAILDIR/INBOX/new/[^/:]+\$" \
    "$p4"
t_fail "nmf_add refuses a missing fixture" nmf_add no-such-file.eml

# --- every fixture parses and is indexed ------------------------------------
n=0
for f in "$NMF_FIXTURES"/*.eml; do
    b=$(basename "$f")
    n=$((n + 1))
    info=$(python3 - "$f" <<'EOF'
import email, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
d = m["date"].datetime
ok = m["subject"] and m["message-id"] and (d.year, d.month) in ((2026, 11), (2026, 12))
print(m["message-id"].strip("<> ") if ok and not m.defects else "BAD")
EOF
)
    t_match "$b parses (subject, Message-ID, Nov/Dec 2026 date)" '^[^ ]+@[^ ]+$' "$info"
    eval "mid_$n=\$info"
    case "$b" in
    receipt.eml | acme-thankyou.eml | friend.eml | podcast-invite.eml) ;;
    *) nmf_add "$f" >/dev/null ;;
    esac
done
t_eq "Message-IDs are unique" "$n" "$(for f in "$NMF_FIXTURES"/*.eml; do
    grep -i -m1 '^Message-ID:' "$f"; done | sort -u | wc -l | tr -d ' ')"

t_ok "nmf_new indexes the mail" nmf_new
t_count "every fixture indexed once" "$n" '*'
i=1
while [ "$i" -le "$n" ]; do
    eval "mid=\$mid_$i"
    t_count "indexed: $mid" 1 "id:$mid"
    i=$((i + 1))
done
t_count "new.tags applied (read: the Sent mail)" \
    "$(notmuch count not folder:Sent and not folder:Archive)" tag:inbox and tag:unread
t_count "flag S synchronised: the Sent mail is read" 0 \
    'id:87h6t2xq1c.fsf@morgan.example' and tag:unread
t_count "the thank-you threads with the Acme invite" 1 \
    "thread:{id:87h6t2xq1c.fsf@morgan.example} and id:20261112150400.7f3a91c2@mail.acme-robotics.example"

# --- dump, drafts ------------------------------------------------------------
d1=$(nmf_dump)
t_match "nmf_dump lists tags" '^\+inbox' "$d1"
t_eq "nmf_dump is stable" "$d1" "$(nmf_dump)"
t_eq "no drafts yet" "" "$(nmf_drafts)"

# --- the assertions and t_done, seen from outside ---------------------------
lib=$NMF_E2E_DIR/lib.sh
cat >"$NMF_TMP/inner.sh" <<EOF
. "$lib"
nmf_setup
echo "tmp=\$NMF_TMP"
t_eq "one" a a
t_ok "two" true
t_fail "three" false
t_match "four" '^b' "a
b"
[ "\${INNER_FAIL-}" = 1 ] && t_eq "deliberate" "x
y" "x
z"
t_done
EOF
out=$(sh "$NMF_TMP/inner.sh" 2>&1)
t_eq "passing script exits 0" 0 "$?"
t_eq "passing script's last line" "inner.sh: 4 passed, 0 failed" \
    "$(printf '%s\n' "$out" | tail -n 1)"
inner_tmp=$(printf '%s\n' "$out" | sed -n 's/^tmp=//p')
t_fail "its temp dir is removed at exit" test -e "$inner_tmp"
out=$(INNER_FAIL=1 sh "$NMF_TMP/inner.sh" 2>&1)
t_eq "failing script exits 1" 1 "$?"
t_eq "failing script's last line" "inner.sh: 4 passed, 1 failed" \
    "$(printf '%s\n' "$out" | tail -n 1)"
t_match "a failure is reported by name" '^FAIL: deliberate$' "$out"
t_match "a multi-line t_eq shows a diff" '^ +\+z$' "$out"
out=$(NMF_KEEP=1 sh "$NMF_TMP/inner.sh" 2>&1)
inner_tmp=$(printf '%s\n' "$out" | sed -n 's/^tmp=//p')
t_ok "NMF_KEEP=1 keeps the temp dir" test -d "$inner_tmp"
t_match "NMF_KEEP=1 prints the path" "kept $inner_tmp" "$out"
rm -rf "$inner_tmp"
out=$(unset NMF_BIN; sh "$NMF_TMP/inner.sh" 2>&1)
t_eq "NMF_BIN unset: exit 2" 2 "$?"
out=$(NMF_BIN=$NMF_TMP/nonexistent sh "$NMF_TMP/inner.sh" 2>&1)
t_eq "NMF_BIN not executable: exit 2" 2 "$?"

cat >"$NMF_TMP/badhook.sh" <<EOF
. "$lib"
nmf_setup
notmuch new --quiet
mkdir -p "\$MAILDIR/.notmuch/hooks"
printf '#!/bin/sh\nexit 3\n' >"\$MAILDIR/.notmuch/hooks/post-new"
chmod +x "\$MAILDIR/.notmuch/hooks/post-new"
nmf_new || echo "nmf_new returned \$?"
t_done
EOF
out=$(sh "$NMF_TMP/badhook.sh" 2>&1)
t_eq "a failing post-new hook fails the script" 1 "$?"
t_match "... and nmf_new says so" '^FAIL: notmuch new' "$out"
t_match "... and returns 1" '^nmf_new returned 1$' "$out"

# --- run-e2e.sh: sums, crashes ----------------------------------------------
printf 'echo half-way\nexit 3\n' >"$NMF_TMP/crash.sh"
runner=$(cd "$NMF_E2E_DIR/.." && pwd)/run-e2e.sh
out=$(sh "$runner" "$NMF_TMP/inner.sh" "$NMF_TMP/crash.sh" 2>&1)
t_eq "run-e2e.sh fails when a script crashes" 1 "$?"
t_eq "run-e2e.sh counts a crash as one failure" "e2e: 4 passed, 1 failed" \
    "$(printf '%s\n' "$out" | tail -n 1)"
out=$(sh "$runner" "$NMF_TMP/inner.sh" "$NMF_TMP/inner.sh" 2>&1)
t_eq "run-e2e.sh passes and sums" "0 e2e: 8 passed, 0 failed" \
    "$? $(printf '%s\n' "$out" | tail -n 1)"

t_done
