#!/bin/sh
# T020: install-hook puts the post-new hook where notmuch looks for it,
# never clobbers a foreign hook, chains it on request, and the hook runs
# scan after 'notmuch new'.
. "$(dirname "$0")/lib.sh"
nmf_setup
notmuch new --quiet
hooks=$(notmuch config get database.hook_dir)

t_ok "install-hook succeeds" nmf install-hook
t_ok "hook is executable" test -x "$hooks/post-new"
t_match "hook runs scan" 'notmuch-followup.* scan' "$(cat "$hooks/post-new")"
t_ok "installing again is fine (our own hook)" nmf install-hook
t_eq "still one hook file" "post-new" "$(ls "$hooks")"
# The hook says what the README and the man page say of its exit: scan's.
for f in "$hooks/post-new" "$NMF_SRC/hooks/post-new"; do
    t_match "$(basename "$(dirname "$f")")/post-new: its exit is scan's" \
        "Its exit is scan's: 0 also when steps fell" "$(cat "$f")"
done
t_match "the README says the same" 'the hook exits as scan does' \
    "$(cat "$NMF_SRC/README.md")"

# The hook runs scan: an interview that ended before now is tagged by
# 'notmuch new' alone (the real clock is later than November 2026's
# interview in this fixture).
nmf_add acme-invite.eml >/dev/null
nmf_new
t_count "notmuch new ran the hook: thread tagged" 1 --output=threads tag:interview
t_count "hard negatives untouched by the hook" 0 'tag:interview and not id:20261112150400.7f3a91c2@mail.acme-robotics.example and not tag:draft'

# A foreign hook is never overwritten silently.
printf '#!/bin/sh\necho foreign-hook-ran >> "%s/foreign.log"\n' "$NMF_TMP" \
    >"$hooks/post-new"
chmod +x "$hooks/post-new"
nmf install-hook >/dev/null 2>&1
t_eq "foreign hook refused (exit 2)" 2 $?
t_match "foreign hook kept as is" foreign-hook-ran "$(cat "$hooks/post-new")"
t_match "refusal explains the options" '\-\-chain' "$(nmf install-hook 2>&1)"

# --chain keeps it and runs it first.
t_ok "install-hook --chain" nmf install-hook --chain
t_ok "foreign hook kept aside" test -x "$hooks/post-new.before-followup"
nmf_new
t_match "chained hook ran" foreign-hook-ran "$(cat "$NMF_TMP/foreign.log")"
t_ok "reinstall keeps the chain" nmf install-hook
t_match "chain still in the hook" before-followup "$(cat "$hooks/post-new")"

# --force replaces it, keeping a copy.
rm -f "$hooks/post-new" "$hooks/post-new.before-followup"
printf '#!/bin/sh\nexit 0\n' >"$hooks/post-new"
t_ok "install-hook --force" nmf install-hook --force
t_ok "a copy of the replaced hook" test -f "$hooks/post-new.bak"
t_match "our hook in place" 'notmuch-followup post-new hook' \
    "$(cat "$hooks/post-new")"

# database.hook_dir is honoured.
rm -rf "$hooks"
mkdir -p "$NMF_TMP/myhooks"
notmuch config set database.hook_dir "$NMF_TMP/myhooks"
t_ok "install-hook into database.hook_dir" nmf install-hook
t_ok "hook in the configured dir" test -x "$NMF_TMP/myhooks/post-new"
t_ok "notmuch new runs it from there" notmuch new --quiet

# --dry-run writes nothing.
rm -f "$NMF_TMP/myhooks/post-new"
t_ok "install-hook --dry-run" nmf install-hook --dry-run
t_fail "dry run wrote nothing" test -e "$NMF_TMP/myhooks/post-new"

t_done
