#!/bin/sh
# run-fuzz.sh BUILD SECONDS TARGET... — `make fuzz`: run the libFuzzer
# targets, all at once, each for SECONDS (ASan+UBSan, leak detection on)
# from its seeds, keep the corpus each grows in BUILD/corpus/TARGET, and
# print one summary line per target: executions, corpus size, crashes.  A crash, leak or timeout
# leaves its input in BUILD/crash/ and makes the run fail: copy it into
# tests/fuzz/regress/TARGET/ so that make check replays it for ever.
set -u
BUILD=$1 SECONDS_EACH=$2
shift 2
SRC=${NMF_SRC:-.}
SEEDS=$BUILD/seeds
mkdir -p "$BUILD/crash" "$SEEDS"

real=""
for d in "${NMF_REAL_CORPUS-}" "$SRC/../shared/corpus/real"; do
    [ -n "$d" ] && [ -d "$d" ] && { real=$d; break; }
done
if [ -z "$real" ]; then
    o=$(git -C "$SRC" config --get remote.origin.url 2>/dev/null || true)
    [ -n "$o" ] && [ -d "$o/../shared/corpus/real" ] && real=$o/../shared/corpus/real
fi

# Seeds: mail files (ours and the real-world corpus), the calendar parts
# and the date lines in them, the built-in templates.
seed() { # TARGET: print the seed directory, filled
    d=$SEEDS/$1
    rm -rf "$d"
    mkdir -p "$d"
    case $1 in
    message)
        find "$SRC/tests/corpus" "$SRC/tests/e2e/fixtures" ${real:+"$real"} \
            -type f -size -1M | while read -r f; do
            cp "$f" "$d/$(printf '%s' "$f" | md5sum | cut -c1-16)"
        done ;;
    ical)
        find "$SRC/tests/corpus" "$SRC/tests/e2e/fixtures" ${real:+"$real"} \
            -type f -size -1M | xargs grep -l 'BEGIN:VCALENDAR' 2>/dev/null |
            while read -r f; do
                sed -n '/^BEGIN:VCALENDAR/,/^END:VCALENDAR/p' "$f" \
                    >"$d/$(printf '%s' "$f" | md5sum | cut -c1-16)"
            done ;;
    dates)
        cp "$SRC"/tests/fuzz/seeds/dates/* "$d/"
        find "$SRC/tests/corpus" -type f | head -200 | while read -r f; do
            grep -i -m 3 -E 'monday|tuesday|wednesday|thursday|friday|tomorrow|next week|[0-9]:[0-9][0-9]|am|pm' "$f" \
                >"$d/$(printf '%s' "$f" | md5sum | cut -c1-16)" 2>/dev/null
        done ;;
    render|config)
        cp "$SRC"/tests/fuzz/seeds/$1/* "$d/" ;;
    esac
    find "$d" -type f -empty -delete
    printf '%s\n' "$d"
}

# Every target at once, each for SECONDS (they share the processors; the
# time per target is what counts), then one summary line per target.
run_one() { # TARGET
    t=$1
    bin=$BUILD/fuzz-$t
    corpus=$BUILD/corpus/$t
    log=$BUILD/fuzz-$t.log
    mkdir -p "$corpus"
    rm -f "$BUILD/crash/$t-"*
    LSAN_OPTIONS=suppressions=$SRC/tests/lsan.supp:print_suppressions=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -max_len=262144 -print_final_stats=1 \
        -artifact_prefix="$BUILD/crash/$t-" "$corpus" "$SEEDS/$t" \
        "$SRC/tests/fuzz/regress/$t" >"$log" 2>&1
    echo $? >"$BUILD/fuzz-$t.rc"
}
for t in "$@"; do
    seed "$t" >/dev/null
done
for t in "$@"; do
    run_one "$t" &
done
wait
status=0
for t in "$@"; do
    rc=$(cat "$BUILD/fuzz-$t.rc")
    log=$BUILD/fuzz-$t.log
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    size=$(ls "$BUILD/corpus/$t" | wc -l)
    crashes=$(ls "$BUILD/crash" | grep -c "^$t-" || true)
    printf 'fuzz: %-8s %10s executions in %s s, corpus %s, crashes %s%s\n' \
        "$t" "${runs:-?}" "$SECONDS_EACH" "$size" "$crashes" \
        "$([ "$rc" = 0 ] || echo " (FAILED, see $log)")"
    [ "$rc" = 0 ] || status=1
done
exit $status
