#!/bin/sh
# T195: hostile and degenerate input (issue 9, item 5): a 50 MB message,
# 10,000 parts, nesting 1,000 deep, a zero-byte file, binary garbage, NUL
# bytes and invalid UTF-8 in headers, CR/LF and very long values in names
# and subjects that flow into drafts, 10,000 attendees, dates in 1900 and
# 9999 (tests/tools/hostile.py).  Each is read by classify and by scan
# without a crash, in bounded memory (< 100 MB RSS) and without hanging
# (< 30 s: a bound that only catches a hang; speed is `make bench`'s job,
# and bounds are not asserted under the sanitizers, which are slower by
# design); drafts carry no injected header.  Settings that would write
# outside the mail root are refused.
. "$(dirname "$0")/lib.sh"
nmf_setup
H=$NMF_TMP/hostile
python3 "$NMF_SRC/tests/tools/hostile.py" "$H"

# bounded NAME CMD...: runs CMD; no crash (exit < 128), < 100 MB, and
# (plain build) no hang (< 30 s).  Keeps the worst figures in $NMF_TMP/worst.
bounded() {
    _n=$1
    shift
    /usr/bin/time -f '%e %M' -o "$NMF_TMP/tm" "$@" >"$NMF_TMP/out" 2>&1
    _rc=$?
    _s=$(tail -1 "$NMF_TMP/tm" | cut -d' ' -f1)
    _kb=$(tail -1 "$NMF_TMP/tm" | cut -d' ' -f2)
    echo "$_s $_kb $_n" >>"$NMF_TMP/worst"
    t_ok "$_n: ran, no crash (exit $_rc)" test "$_rc" -lt 100
    if [ $NMF_SLOW = no ]; then
        t_ok "$_n: no hang ($_s s)" awk -v s="$_s" 'BEGIN { exit !(s < 30) }'
        t_ok "$_n: under 100 MB ($_kb KB)" test "$_kb" -lt 102400
    fi
}
for f in "$H"/*; do
    bounded "classify $(basename "$f")" "$NMF_BIN" classify "$f"
done
t_match "an empty file is named in a clear error" "cannot parse '.*empty': empty file" \
    "$(nmf classify "$H/empty" 2>&1)"
t_match "garbage is named in a clear error" "cannot parse '.*garbage'" \
    "$(nmf classify "$H/garbage" 2>&1)"

for f in "$H"/*; do
    nmf_add "$f" >/dev/null
done
nmf_add acme-invite.eml >/dev/null
notmuch new --quiet 2>/dev/null
bounded "scan --all over all of them" "$NMF_BIN" scan --all --quiet \
    --now=2026-11-20T12:00:00Z
t_eq "the ordinary invitation still got its draft" 1 \
    "$(notmuch count 'tag:draft and to:priya.shah@acme-robotics.example')"
for d in $(nmf_drafts); do
    b=$(basename "$d")
    hdr=$(sed -n '1,/^$/p' "$d")
    t_eq "$b: no injected Bcc header" "" "$(printf '%s\n' "$hdr" | grep -i '^bcc:')"
    t_eq "$b: no injected X-Evil header" "" "$(printf '%s\n' "$hdr" | grep -i '^x-evil')"
    t_eq "$b: no header line over 998 bytes" "" \
        "$(awk 'length($0) > 998' "$d" | head -1 | cut -c1-80)"
    t_eq "$b: no bare CR" 0 "$(tr -cd '\r' <"$d" | wc -c)"
    bounded "check $b" "$NMF_BIN" check --now=2026-11-20T12:00:00Z "$d"
done
for cmd in "list --all" "list --all --format=json" "noreply" "agenda"; do
    bounded "$cmd" "$NMF_BIN" $cmd --now=2026-11-20T12:00:00Z
done
for t in $(notmuch search --output=threads tag:interview); do
    bounded "show $t" "$NMF_BIN" show --now=2026-11-20T12:00:00Z "$t"
done

# Settings that would write outside the mail root.
for bad in ../x "$NMF_TMP/abs" Drafts/../../y; do
    notmuch config set followup.drafts_folder "$bad"
    out=$(nmf scan --all --quiet --now=2026-11-21T12:00:00Z 2>&1); rc=$?
    t_eq "drafts_folder=$bad: refused (exit 2)" 2 $rc
    t_match "drafts_folder=$bad: the error names the setting" \
        'followup.drafts_folder must be a folder inside the mail root' "$out"
done
notmuch config set followup.drafts_folder ""
for p in x abs y; do
    t_ok "nothing written at $p beside the mail root" test ! -e "$NMF_TMP/$p"
done
sort -rn "$NMF_TMP/worst" | head -1 | sed 's/^/worst time: /'
sort -k2 -rn "$NMF_TMP/worst" | head -1 | sed 's/^/worst memory: /'
t_done
