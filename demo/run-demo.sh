#!/bin/sh
# demo/run-demo.sh -- notmuch-followup on a sample mailbox, in a throwaway
# temp dir.  Your own mail and notmuch config are never touched.
#
#   NMF_BIN=/path/to/notmuch-followup sh demo/run-demo.sh      (make demo)
#
# Environment: NMF_BIN (required), NMF_KEEP=1 (keep the temp dir),
# NMF_DEMO_TODAY=YYYY-MM-DD (date the sample mail from that day instead of
# today, UTC; only for checking the mail: the program's clock stays real).
#
# The sample mail lives in demo/mail/<Folder>/{cur,new}/*.eml.  Each file is
# copied to <Folder>/{cur,new}/ under a unique Maildir name: files in cur/
# get the flags ":2,S" (already read; in Sent: sent), files in new/ none
# (unread).  Dates are tokens, so the demo is always "fresh":
#
#   @KIND:OFFSET HH:MM@     OFFSET: a whole number of days from today, no
#   @KIND:OFFSET@           leading zeros, then "d": -2d, +5d, 5d, 0d.
#                           HH:MM: a UTC time of day (00:00 when left out).
#
#   KIND   becomes (for today 2026-11-22 and @KIND:-2d 15:04@)
#   DATE   Fri, 20 Nov 2026 15:04:00 +0000    RFC 5322, for Date: headers
#   ICAL   20261120T150400Z                   iCalendar UTC DATE-TIME
#   TEXT   Friday 20 November at 15:04 UTC    for mail bodies
#   DAY    Friday 20 November                 for bodies and subjects
#
# Offsets count calendar days (no business days), so an interview may land
# on a weekend.  A token that does not fit this syntax stops the demo.
set -u

die() {
    echo "" >&2
    echo "run-demo.sh: $*" >&2
    echo "run-demo.sh: the demo stopped here; rerun with NMF_KEEP=1 to" \
        "look at the temp dir." >&2
    exit 1
}

heading() {
    echo ""
    echo "== $*"
}

# --- prerequisites --------------------------------------------------------
if [ -z "${NMF_BIN-}" ] || [ ! -f "$NMF_BIN" ] || [ ! -x "$NMF_BIN" ]; then
    echo "run-demo.sh: set NMF_BIN to the notmuch-followup binary" \
        "(or run: make demo)" >&2
    exit 2
fi
command -v notmuch >/dev/null 2>&1 ||
    { echo "run-demo.sh: notmuch is not installed (make deps)" >&2; exit 2; }
date -u -d @0 +%s >/dev/null 2>&1 ||
    { echo "run-demo.sh: needs GNU date (date -d)" >&2; exit 2; }

demo_dir=$(cd "$(dirname "$0")" && pwd)
demo_mail=$demo_dir/mail
NMF_BIN=$(cd "$(dirname "$NMF_BIN")" && pwd)/$(basename "$NMF_BIN")

if [ -n "${NMF_DEMO_TODAY-}" ]; then
    midnight=$(date -u -d "$NMF_DEMO_TODAY 00:00 UTC" +%s 2>/dev/null) ||
        { echo "run-demo.sh: bad NMF_DEMO_TODAY: $NMF_DEMO_TODAY" >&2; exit 2; }
else
    now=$(date -u +%s)
    midnight=$((now - now % 86400))
fi

# token_value TOKEN: print what @TOKEN@ (given without the @s) stands for.
token_value() {
    kind=${1%%:*}
    rest=${1#*:}
    case "$rest" in
    *" "*) off=${rest%% *} hm=${rest#* } ;;
    *) off=$rest hm=00:00 ;;
    esac
    days=${off%d}
    days=${days#+}
    hh=${hm%:*}
    mm=${hm#*:}
    t=$((midnight + days * 86400 + ${hh#0} * 3600 + ${mm#0} * 60))
    case "$kind" in
    DATE) LC_ALL=C date -u -d "@$t" '+%a, %d %b %Y %H:%M:%S +0000' ;;
    ICAL) date -u -d "@$t" '+%Y%m%dT%H%M%SZ' ;;
    TEXT) LC_ALL=C date -u -d "@$t" '+%A %-d %B at %H:%M UTC' ;;
    DAY) LC_ALL=C date -u -d "@$t" '+%A %-d %B' ;;
    esac
}

# fill SRC DST: copy SRC to DST with every date token replaced.
token_re='@\(DATE\|ICAL\|TEXT\|DAY\):[-+]\?\(0\|[1-9][0-9]\{0,3\}\)d\( [0-2][0-9]:[0-5][0-9]\)\?@'
fill() {
    : >"$T/fill.sed"
    grep -o "$token_re" "$1" | sort -u | while IFS= read -r tok; do
        inner=${tok#@}
        inner=${inner%@}
        val=$(token_value "$inner") && [ -n "$val" ] || exit 1
        printf 's|%s|%s|g\n' "$tok" "$val"
    done >"$T/fill.sed" || die "could not work out the dates in $1"
    sed -f "$T/fill.sed" "$1" >"$2" || die "could not copy $1"
    if bad=$(grep -o '@\(DATE\|ICAL\|TEXT\|DAY\):[^@]*@' "$2"); then
        die "bad date token in $1: $bad"
    fi
}

# --- 1. a sealed environment ----------------------------------------------
T=$(mktemp -d "${TMPDIR:-/tmp}/nmf-demo.XXXXXXXX") ||
    { echo "run-demo.sh: mktemp failed" >&2; exit 1; }
cleanup() {
    if [ "${NMF_KEEP-}" = 1 ]; then
        echo ""
        echo "The demo mailbox is kept in $T (NMF_KEEP=1). To look around:"
        echo "  export NOTMUCH_CONFIG=$T/notmuch-config"
    else
        cd / && rm -rf "$T"
        echo ""
        echo "The demo mailbox (and the drafts shown above) was in a temp dir,"
        echo "now removed. To keep it and open it in your mail client:"
        echo "  make demo NMF_KEEP=1"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export HOME="$T/home" MAILDIR="$T/mail"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export NOTMUCH_CONFIG="$T/notmuch-config"
unset NOTMUCH_PROFILE NOTMUCH_DATABASE
# The hook may call the program by name (notmuch-followup, or
# "notmuch followup" through notmuch's external-command dispatch).
PATH=$(dirname "$NMF_BIN"):$PATH
export PATH
cd "$T" || die "cannot enter $T"

echo "notmuch-followup demo: a sample mailbox of Alex Morgan, who is looking"
echo "for a job. Everything happens in a temp dir; your own mail and notmuch"
echo "config are not touched."
heading "1. A fresh mailbox and notmuch config in $T"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" \
    "$XDG_STATE_HOME" || die "cannot create $HOME"
for d in INBOX Sent; do
    mkdir -p "$MAILDIR/$d/cur" "$MAILDIR/$d/new" "$MAILDIR/$d/tmp" ||
        die "cannot create the Maildir $MAILDIR/$d"
done
cat >"$NOTMUCH_CONFIG" <<EOF || die "cannot write $NOTMUCH_CONFIG"
[database]
path=$MAILDIR

[user]
name=Alex Morgan
primary_email=alex.morgan@example.net
other_email=alex@morgan.example

[new]
tags=unread;inbox;
ignore=

[maildir]
synchronize_flags=true
EOF
notmuch new --quiet || die "step 1 failed: notmuch new (creating the database)"
echo "   user Alex Morgan <alex.morgan@example.net>, folders INBOX and Sent,"
echo "   an empty notmuch database."

# --- 2. the hook -------------------------------------------------------------
heading "2. notmuch-followup install-hook"
"$NMF_BIN" install-hook || die "step 2 failed: $NMF_BIN install-hook"
hook_dir=$(notmuch config get database.hook_dir 2>/dev/null)
if [ -n "$hook_dir" ] && [ -x "$hook_dir/post-new" ]; then
    echo "   $hook_dir/post-new is in place: every 'notmuch new' now runs a scan."
else
    echo "   (no executable post-new hook found in '$hook_dir')"
fi

# --- 3. mail arrives ---------------------------------------------------------
today=$(LC_ALL=C date -u -d "@$midnight" '+%A %-d %B %Y')
heading "3. Mail arrives: the last two weeks of Alex's job search (today is $today)"
[ -d "$demo_mail" ] || die "step 3 failed: no sample mail in $demo_mail"
n=0
stamp=$(date +%s)
find "$demo_mail" -type f -name '*.eml' | LC_ALL=C sort >"$T/files" ||
    die "step 3 failed: cannot list $demo_mail"
while IFS= read -r f; do
    rel=${f#"$demo_mail"/}     # INBOX/cur/acme-1.eml
    sub=${rel%/*}              # INBOX/cur
    folder=${sub%/*}           # INBOX
    box=${sub##*/}             # cur
    case "$box" in
    cur) info=:2,S ;;
    new) info= ;;
    *) die "step 3 failed: $rel is not in a cur/ or new/ directory" ;;
    esac
    n=$((n + 1))
    mkdir -p "$MAILDIR/$folder/cur" "$MAILDIR/$folder/new" \
        "$MAILDIR/$folder/tmp" || die "cannot create $MAILDIR/$folder"
    fill "$f" "$MAILDIR/$folder/$box/$stamp.M${n}P$$.nmf-demo$info"
done <"$T/files" || exit 1
[ "$n" -gt 0 ] || die "step 3 failed: no .eml files in $demo_mail"
echo "   $n messages copied into INBOX and Sent."

heading "4. notmuch new (the post-new hook runs notmuch-followup scan)"
notmuch new || die "step 4 failed: notmuch new (or its post-new hook)"

heading "5. All threads in the mailbox: notmuch search '*'"
notmuch search --sort=oldest-first '*' || die "step 5 failed: notmuch search"

heading "6. Threads recognised as job interviews: notmuch search tag:interview"
out=$(notmuch search --sort=oldest-first tag:interview) ||
    die "step 6 failed: notmuch search tag:interview"
if [ -n "$out" ]; then
    printf '%s\n' "$out"
else
    echo "   (none)"
fi

heading "7. What needs Alex now: notmuch-followup list"
"$NMF_BIN" list || die "step 7 failed: $NMF_BIN list"

heading "8. A draft written by notmuch-followup (never sent; Alex reviews it)"
# Prefer a thank-you draft; else the first file in Drafts/cur.
draft=$(notmuch search --output=files 'tag:draft and tag:followup/thank-you' \
    2>/dev/null | LC_ALL=C sort | head -n 1)
ndrafts=0
for f in "$MAILDIR"/Drafts/cur/*; do
    [ -f "$f" ] || continue
    ndrafts=$((ndrafts + 1))
    [ -n "$draft" ] || draft=$f
done
if [ -n "$draft" ] && [ -f "$draft" ]; then
    echo "   $ndrafts draft(s) in $MAILDIR/Drafts/cur; this one is"
    echo "   ${draft#"$MAILDIR"/}:"
    echo ""
    sed 's/^/   | /' "$draft" || die "step 8 failed: cannot read $draft"
else
    echo "   (no draft found in $MAILDIR/Drafts/cur)"
fi

heading "Done"
echo "In your own mail: run 'notmuch-followup install-hook' once; after that"
echo "every 'notmuch new' keeps the interview tags and drafts up to date."
