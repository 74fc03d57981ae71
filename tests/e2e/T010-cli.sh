#!/bin/sh
# T010: the command line — help, version, exit codes, and notmuch's
# external-command dispatch ("notmuch followup ...").
. "$(dirname "$0")/lib.sh"
nmf_setup

t_ok "--version exits 0" nmf --version
t_match "--version names the program" '^notmuch-followup [0-9]' "$(nmf --version)"
t_ok "--help exits 0" nmf --help
t_match "--help lists scan" '^  scan ' "$(nmf --help)"
t_fail "no command is a usage error" nmf
nmf >/dev/null 2>&1; t_eq "no command exits 2" 2 $?
nmf frobnicate >/dev/null 2>&1; t_eq "unknown command exits 2" 2 $?
t_match "unknown command is named" "unknown command 'frobnicate'" \
    "$(nmf frobnicate 2>&1)"

# Every command of the list; its usage is made from its option table
# (one frame), fits 80 columns, and names the shared rows it takes.
cmds=$(nmf --help | sed -n 's/^  \([a-z-]*\)  .*/\1/p')
t_eq "the commands" "scan list show noreply agenda classify note ignore close snooze redraft check push config install-hook" \
    "$(echo $cmds)"
for c in $cmds; do
    t_ok "$c --help exits 0" nmf $c --help
    t_match "$c --help shows usage" "^usage: notmuch-followup $c" \
        "$(nmf $c --help)"
    t_eq "$c --help fits 80 columns" "" \
        "$(nmf $c --help | awk 'length($0) > 79')"
    nmf $c --no-such-option >/dev/null 2>&1
    t_eq "$c with an unknown option exits 2" 2 $?
done
for c in scan list show noreply agenda check note; do
    t_match "$c takes --now" '^  --now=WHEN  *take WHEN as the current time' \
        "$(nmf $c --help)"
done
t_match "a missing argument is a usage error with the usage" \
    'show: which thread or process\?' "$(nmf show 2>&1 | head -1)"
t_match "... followed by the usage" '^usage: notmuch-followup show' \
    "$(nmf show 2>&1 | sed -n 3p)"
t_match "an extra argument is named" "unexpected argument 'x'" \
    "$(nmf list x 2>&1)"
t_match "a bad option is named" "unknown option '--bogus'" \
    "$(nmf scan --bogus 2>&1)"
nmf list --format=yaml >/dev/null 2>&1
t_eq "a bad keyword value exits 2" 2 $?
nmf scan --now=yesterdayish >/dev/null 2>&1
t_eq "a bad --now exits 2" 2 $?
t_match "... naming what was not understood" "--now: 'yesterdayish' is not a date or time" \
    "$(nmf scan --now=yesterdayish 2>&1)"

# notmuch runs unknown subcommands as notmuch-<name> from PATH.
t_match "notmuch followup --version" '^notmuch-followup [0-9]' \
    "$(notmuch followup --version 2>&1)"
notmuch new --quiet
t_ok "notmuch followup list" notmuch followup list
# notmuch --config=FILE is passed on through NOTMUCH_CONFIG.
cp "$NOTMUCH_CONFIG" "$NMF_TMP/other-config"
notmuch config set user.primary_email alex.morgan@example.net
t_ok "notmuch --config=FILE followup list" \
    env NOTMUCH_CONFIG=/nonexistent notmuch --config="$NMF_TMP/other-config" followup list

# Without any notmuch configuration: a clear error and exit 2.
out=$(NOTMUCH_CONFIG=$NMF_TMP/missing-config nmf list 2>&1)
t_eq "missing config exits 2" 2 "$(NOTMUCH_CONFIG=$NMF_TMP/missing-config nmf list >/dev/null 2>&1; echo $?)"
t_match "missing config is explained" '^notmuch-followup: error: ' "$out"

# A bad followup.* value is a configuration error naming the key.
notmuch config set followup.checkin_business_days soon
out=$(nmf list 2>&1); rc=$?
t_eq "bad config value exits 2" 2 "$rc"
t_match "bad config value is named" 'followup.checkin_business_days' "$out"
notmuch config set followup.checkin_business_days 7
t_ok "good config value accepted" nmf list

# config: every setting, its value, whether it is the default; the
# program's own bookkeeping is no setting.
notmuch config set followup.final_business_days 12
nmf scan --quiet >/dev/null 2>&1
t_match "the bookkeeping is in notmuch's config" 'followup.lastmod' \
    "$(notmuch config list)"
out=$(nmf config)
t_match "config shows a value set" '^followup.final_business_days = 12$' "$out"
t_match "... and a default as such" '^followup.weekend_days = sat;sun  \(default\)$' "$out"
t_match "... with what it means" 'business days after the check-in before the final follow-up' "$out"
t_eq "... and no bookkeeping" "" "$(printf '%s\n' "$out" | grep -E 'lastmod|evaluated')"
json=$(nmf config --format=json | tr -d '\n ')
t_match "config --format=json" \
    '"key":"followup.final_business_days","value":"12","default":"10","is_default":false' "$json"
notmuch config set followup.lock_timeout soon
out=$(nmf config 2>&1); rc=$?
t_eq "a bad value makes config exit 2" 2 "$rc"
t_match "... and is shown with the reason" \
    'followup.lock_timeout = soon  \(not valid\)' "$out"
notmuch config set followup.lock_timeout 10
# The man page's settings are made from the same table (make man).
t_eq "the man page lists the settings of the table" "$(nmf config --man)" \
    "$(sed -n '/^\.\\" BEGIN SETTINGS/,/^\.\\" END SETTINGS/p' "$NMF_SRC/doc/notmuch-followup.1" | sed '1d;$d')"

t_done
