#!/bin/bash
# run-bench.sh — `make bench`: how much notmuch-followup adds to notmuch.
#
#   bench/run-bench.sh [MESSAGES] [RUNS]      (defaults 20000 and 3)
#
# Builds a generated mailbox (bench/genmail.py, deterministic) in a
# temporary directory and measures, each RUNS times (median, min–max):
#   a   notmuch new, first import of the whole mailbox
#   b   scan --all on that database            (and b/a)
#   cn  notmuch new --no-hooks with 50 new messages
#   c   scan after that                         (and c/cn)
#   d   scan with nothing new (no-op)
#   e   noreply over the whole database
#   g   afew --tag --new with keyword filters doing the equivalent tagging,
#       on the same freshly imported messages   (and g/b)
#   g2  the same keyword filters within afew's default filter set (what
#       afew runs when its config names no filter: SpamFilter,
#       KillThreadsFilter, ListMailsFilter, ArchiveSentMailsFilter,
#       InboxFilter): afew as most of its users run it; for reference
#       (and g2/b)
# and the peak RSS of each (GNU time's %M).  Prints a table and writes the
# figures as JSON to $BENCH_JSON (default bench/results-MESSAGES.json).
# Nothing outside the temporary directory is touched: HOME, XDG_* and
# NOTMUCH_CONFIG point into it.
set -eu

N=${1:-20000}
RUNS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${NMF_BIN:-$HERE/../notmuch-followup}
JSON=${BENCH_JSON:-$HERE/results-$N.json}
NOW=2026-11-20T12:00:00Z

[ -x "$BIN" ] || { echo "bench: no binary at $BIN (make first)" >&2; exit 2; }
for t in notmuch python3 afew /usr/bin/time; do
    command -v "$t" >/dev/null || { echo "bench: $t is missing (make deps)" >&2; exit 2; }
done

T=$(mktemp -d "${TMPDIR:-/tmp}/nmf-bench.XXXXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME=$T/home XDG_CONFIG_HOME=$T/home/.config \
    XDG_DATA_HOME=$T/home/.local/share XDG_CACHE_HOME=$T/home/.cache \
    XDG_STATE_HOME=$T/home/.local/state NOTMUCH_CONFIG=$T/notmuch-config \
    TZ=UTC LC_ALL=C.UTF-8
unset NOTMUCH_PROFILE NOTMUCH_DATABASE
mkdir -p "$XDG_CONFIG_HOME/afew" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" \
    "$XDG_STATE_HOME"
cat >"$NOTMUCH_CONFIG" <<EOF
[database]
path=$T/mail

[user]
name=Alex Morgan
primary_email=alex.morgan@example.net

[new]
tags=new;unread;inbox;
ignore=

[maildir]
synchronize_flags=true
EOF
# afew with the keyword tagging a user would write by hand to find
# interview mail: the words our prefilter uses, in three filters.
cat >"$T/afew-keywords" <<'EOF'
[Filter.0]
message = interview mail
query = interview OR interviews OR interviewing OR "phone screen" OR screening OR onsite OR recruiter OR recruiting OR hiring
tags = +interview

[Filter.1]
message = outcomes
query = unfortunately OR offer OR "next steps" OR candidacy OR application
tags = +outcome

[Filter.2]
message = calendar invitations
query = mimetype:text/calendar OR attachment:ics
tags = +calendar
EOF
# ... and within afew's default filter set (its docs/filters.rst), the
# keyword filters before the inbox one.
{
    printf '[SpamFilter]\n[KillThreadsFilter]\n[ListMailsFilter]\n'
    printf '[ArchiveSentMailsFilter]\n'
    cat "$T/afew-keywords"
    printf '[InboxFilter]\n'
} >"$T/afew-defaults"

echo "bench: generating $N messages in $T/mail" >&2
python3 "$HERE/genmail.py" "$T/mail" "$N" --seed 1

# measure LABEL CMD... : one run; appends "microseconds rss_kb" to $T/m.LABEL
measure() {
    local label=$1 s e
    shift
    s=$(date +%s%N)
    if ! /usr/bin/time -f %M -o "$T/rss" "$@" >"$T/out" 2>"$T/err"; then
        echo "bench: '$*' failed:" >&2
        cat "$T/err" "$T/rss" >&2
        exit 1
    fi
    e=$(date +%s%N)
    echo "$(((e - s) / 1000)) $(tail -1 "$T/rss")" >>"$T/m.$label"
}
snapshot() { rm -rf "$T/snap.$1"; cp -a "$T/mail/.notmuch" "$T/snap.$1"; }
restore() {
    rm -rf "$T/mail/.notmuch" "$T/mail/Drafts"
    cp -a "$T/snap.$1" "$T/mail/.notmuch"
}

for r in $(seq "$RUNS"); do
    echo "bench: (a) notmuch new, first import, run $r/$RUNS" >&2
    rm -rf "$T/mail/.notmuch"
    measure a notmuch new --quiet --no-hooks
done
snapshot imported
for r in $(seq "$RUNS"); do
    echo "bench: (b) scan --all, run $r/$RUNS" >&2
    restore imported
    measure b "$BIN" scan --all --quiet --now=$NOW
done
# afew_runs LABEL CONFIG: afew --tag --new on the freshly imported mail
afew_runs() {
    for r in $(seq "$RUNS"); do
        echo "bench: ($1) afew --tag --new with $2, run $r/$RUNS" >&2
        restore imported
        cp "$T/$2" "$XDG_CONFIG_HOME/afew/config"
        measure "$1" afew --tag --new
    done
}
afew_runs g afew-keywords
afew_runs g2 afew-defaults
# The steady state goes on from the scanned database of the last (b).
restore imported
"$BIN" scan --all --quiet --now=$NOW
for r in $(seq "$RUNS"); do
    echo "bench: (c) 50 new messages, run $r/$RUNS" >&2
    python3 "$HERE/genmail.py" "$T/mail" 50 --seed $((100 + r)) \
        --batch "s$r" --new 2>/dev/null
    measure cn notmuch new --quiet --no-hooks
    measure c "$BIN" scan --quiet --now=$NOW
done
for r in $(seq "$RUNS"); do
    measure d "$BIN" scan --quiet --now=$NOW
done
for r in $(seq "$RUNS"); do
    measure e "$BIN" noreply --now=$NOW
done
threads=$(notmuch count --output=threads '*')
processes=$("$BIN" list --all --format=json | python3 -c \
    'import json,sys; print(len(json.load(sys.stdin)))')

# stat LABEL -> "median_ms min_ms max_ms peak_rss_mb"
stat() {
    sort -n "$T/m.$1" | awk '
        { t[NR] = $1 / 1000; if ($2 > rss) rss = $2 }
        END {
            m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%.1f %.1f %.1f %.1f\n", m, t[1], t[NR], rss / 1024
        }'
}
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.4f", (y > 0) ? x / y : 0 }'; }
# verdict X OP Y: "met" when the comparison holds (numbers, awk)
verdict() { awk -v x="$1" -v y="$3" -v op="$2" 'BEGIN {
    ok = (op == "<") ? (x + 0 < y + 0) : (op == "<=") ? (x + 0 <= y + 0) : (x + 0 >= y + 0)
    print ok ? "met" : "MISSED" }'; }

read -r a_med a_min a_max a_rss <<<"$(stat a)"
read -r b_med b_min b_max b_rss <<<"$(stat b)"
read -r cn_med cn_min cn_max cn_rss <<<"$(stat cn)"
read -r c_med c_min c_max c_rss <<<"$(stat c)"
read -r d_med d_min d_max d_rss <<<"$(stat d)"
read -r e_med e_min e_max e_rss <<<"$(stat e)"
read -r g_med g_min g_max g_rss <<<"$(stat g)"
read -r g2_med g2_min g2_max g2_rss <<<"$(stat g2)"
ba=$(ratio "$b_med" "$a_med")
ccn=$(ratio "$c_med" "$cn_med")
gb=$(ratio "$g_med" "$b_med")
g2b=$(ratio "$g2_med" "$b_med")
maxrss=$(printf '%s\n' "$b_rss" "$c_rss" "$d_rss" "$e_rss" | sort -n | tail -1)

printf '\nnotmuch-followup bench: %s messages, %s threads, %s processes, ' \
    "$N" "$threads" "$processes"
printf '%s runs each (median, min-max)\n\n' "$RUNS"
printf '%-44s %10s %19s %9s\n' "step" "median ms" "min-max ms" "peak MB"
row() { printf '%-44s %10s %19s %9s\n' "$1" "$2" "$3-$4" "$5"; }
row "(a) notmuch new, first import" "$a_med" "$a_min" "$a_max" "$a_rss"
row "(b) scan --all" "$b_med" "$b_min" "$b_max" "$b_rss"
row "    notmuch new --no-hooks, 50 new messages" "$cn_med" "$cn_min" "$cn_max" "$cn_rss"
row "(c) scan after those 50" "$c_med" "$c_min" "$c_max" "$c_rss"
row "(d) scan with nothing new" "$d_med" "$d_min" "$d_max" "$d_rss"
row "(e) noreply, whole database" "$e_med" "$e_min" "$e_max" "$e_rss"
row "(g) afew --tag --new, 3 keyword filters" "$g_med" "$g_min" "$g_max" "$g_rss"
row "(g2) afew, default filters + those 3" "$g2_med" "$g2_min" "$g2_max" "$g2_rss"
echo
printf '%-44s %10s  target %-12s %s\n' "(b)/(a)" "$(awk -v r="$ba" 'BEGIN{printf "%.1f %%", r*100}')" \
    "<= 5 %" "$(verdict "$ba" "<=" 0.05)"
printf '%-44s %10s  target %-12s %s\n' "(c)" "$c_med ms" "< 50 ms" \
    "$(verdict "$c_med" "<" 50)"
printf '%-44s %10s  target %-12s %s\n' "(c)/its notmuch new" \
    "$(awk -v r="$ccn" 'BEGIN{printf "%.1f %%", r*100}')" "<= 10 %" \
    "$(verdict "$ccn" "<=" 0.10)"
printf '%-44s %10s  target %-12s %s\n' "(d)" "$d_med ms" "< 20 ms" \
    "$(verdict "$d_med" "<" 20)"
printf '%-44s %10s  target %-12s %s\n' "(e)" "$e_med ms" "< 1000 ms" \
    "$(verdict "$e_med" "<" 1000)"
printf '%-44s %10s  target %-12s %s\n' "peak RSS of ours (b-e)" "$maxrss MB" \
    "< 64 MB" "$(verdict "$maxrss" "<" 64)"
printf '%-44s %10s  target %-12s %s\n' "(g)/(b): times faster than afew" \
    "$(awk -v r="$gb" 'BEGIN{printf "%.1fx", r}')" ">= 20x" \
    "$(verdict "$gb" ">=" 20)"
printf '%-44s %10s  (for reference)\n' "(g2)/(b): same, afew with its defaults" \
    "$(awk -v r="$g2b" 'BEGIN{printf "%.1fx", r}')"

j() { printf '"%s": {"median_ms": %s, "min_ms": %s, "max_ms": %s, "peak_rss_mb": %s}' "$@"; }
{
    printf '{\n  "messages": %s, "threads": %s, "processes": %s, "runs": %s,\n' \
        "$N" "$threads" "$processes" "$RUNS"
    printf '  %s,\n' "$(j notmuch_new_first "$a_med" "$a_min" "$a_max" "$a_rss")"
    printf '  %s,\n' "$(j scan_all "$b_med" "$b_min" "$b_max" "$b_rss")"
    printf '  %s,\n' "$(j notmuch_new_50 "$cn_med" "$cn_min" "$cn_max" "$cn_rss")"
    printf '  %s,\n' "$(j scan_50 "$c_med" "$c_min" "$c_max" "$c_rss")"
    printf '  %s,\n' "$(j scan_noop "$d_med" "$d_min" "$d_max" "$d_rss")"
    printf '  %s,\n' "$(j noreply "$e_med" "$e_min" "$e_max" "$e_rss")"
    printf '  %s,\n' "$(j afew "$g_med" "$g_min" "$g_max" "$g_rss")"
    printf '  %s,\n' "$(j afew_defaults "$g2_med" "$g2_min" "$g2_max" "$g2_rss")"
    printf '  "ratios": {"scan_all_over_new": %s, "scan_50_over_new_50": %s, "afew_over_scan_all": %s, "afew_defaults_over_scan_all": %s}\n}\n' \
        "$ba" "$ccn" "$gb" "$g2b"
} >"$JSON"
echo
echo "bench: figures written to $JSON"
