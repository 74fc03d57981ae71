#!/bin/sh
# T205: disk full and a read-only Drafts folder while drafts are written
# (issue 9, item 6).  The Drafts folder is a tiny tmpfs (full) or a
# read-only mount, in a private mount namespace of the scan (unshare):
# the error names the file, scan exits 2 after doing everything else, no
# partial draft is left, nothing is recorded as drafted; the next scan
# with room writes every draft, as on a copy that never failed.
. "$(dirname "$0")/lib.sh"
nmf_setup
nmf_add_all_fixtures
python3 "$NMF_SRC/bench/genmail.py" "$MAILDIR" 300 --seed 31 2>/dev/null
notmuch new --quiet
NOW=2026-11-27T09:00:00Z
B=$NMF_TMP/b
nmf_twin "$B"
t_ok "the copy that never fails" nmf_b "$NMF_BIN" scan --quiet --now=$NOW
ndrafts=$(ls "$B/mail/Drafts/cur" | wc -l)
t_ok "it has drafts ($ndrafts)" test "$ndrafts" -ge 3

# A private mount namespace: as root directly, else as a user namespace.
if [ "$(id -u)" = 0 ]; then US="unshare -m"; else US="unshare -rm"; fi
t_ok "a private mount namespace can be made ($US)" $US true
mkdir -p "$MAILDIR/Drafts"

# in_ns MOUNT-OPTIONS FILL: scan with the Drafts folder on a tmpfs of 8 KiB
# (FILL: fill it first), then record the files there and remount.
in_ns() {
    $US sh -c '
        mount -t tmpfs -o size=8k,mode=0755 tmpfs "$MAILDIR/Drafts" || exit 99
        if [ "$2" = fill ]; then
            head -c 65536 /dev/zero >"$MAILDIR/Drafts/filler" 2>/dev/null
        fi
        [ "$1" = ro ] && mount -o remount,ro "$MAILDIR/Drafts"
        "$NMF_BIN" scan --quiet --now="$3" >"$NMF_TMP/out" 2>&1
        echo $? >"$NMF_TMP/rc"
        (cd "$MAILDIR/Drafts" && find . -type f ! -name filler) >"$NMF_TMP/files"
    ' in_ns "$1" "$2" "$NOW"
}
export NMF_BIN NMF_TMP MAILDIR NOW
for case in full ro; do
    rev=$(notmuch count --lastmod '*' | cut -f3)
    if [ $case = full ]; then in_ns rw fill; else in_ns ro none; fi
    t_eq "$case: scan exits 2" 2 "$(cat "$NMF_TMP/rc")"
    if [ $case = full ]; then
        t_match "$case: the error names the draft file" \
            "cannot write the draft '$MAILDIR/Drafts/tmp/followup-[0-9a-f]*[^']*': No space left on device" \
            "$(cat "$NMF_TMP/out")"
    else
        t_match "$case: the error names the folder" \
            "$MAILDIR/Drafts.*Read-only file system" "$(cat "$NMF_TMP/out")"
    fi
    t_match "$case: and says the next scan tries again" \
        'could not be written; the next scan tries again' "$(cat "$NMF_TMP/out")"
    t_eq "$case: no partial draft left" "" "$(cat "$NMF_TMP/files")"
    t_eq "$case: nothing indexed as a draft" 0 "$(notmuch count tag:draft)"
    t_eq "$case: nothing recorded as drafted" 0 \
        "$(notmuch count property:followup.drafted)"
    t_ok "$case: the processes were tagged all the same" \
        test "$(notmuch count tag:interview)" -gt 0
done
t_ok "the next scan, with room" nmf scan --quiet --now=$NOW
t_eq "every draft is written now" "$ndrafts" "$(ls "$MAILDIR/Drafts/cur" | wc -l)"
nmf_drafts_text "$MAILDIR" >"$NMF_TMP/a.drafts"
nmf_drafts_text "$B/mail" >"$NMF_TMP/b.drafts"
t_eq "the same drafts as the copy that never failed" "" \
    "$(diff "$NMF_TMP/a.drafts" "$NMF_TMP/b.drafts" | head -6)"
state() {
    NOTMUCH_CONFIG=$1 notmuch dump --include=properties --include=tags |
        sed -e 's/ followup\.recheck=[^ ]*//' | nmf_draft_ids_out |
        LC_ALL=C sort
}
state "$NOTMUCH_CONFIG" >"$NMF_TMP/a.state"
state "$B/config" >"$NMF_TMP/b.state"
t_eq "the same tags and properties" "" \
    "$(diff "$NMF_TMP/a.state" "$NMF_TMP/b.state" | head -6)"
t_done
