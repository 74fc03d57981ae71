#!/bin/sh
# Run the end-to-end scripts: every tests/e2e/T*.sh in order, or the ones
# named as arguments (a path, a file name in tests/e2e/, or a prefix such as
# T010).  Each runs in its own sh process with its output shown; the counts
# from each script's "<name>: N passed, N failed" line are summed into a
# closing "e2e: N passed, N failed" line.  A script that exits non-zero
# without a failure counted (a crash, a refusal, a missing summary) counts
# as one failure.  Exit 1 when anything failed.
#
# Needs NMF_BIN, the absolute path of the notmuch-followup binary
# (`make check-e2e` sets it).  NMF_KEEP=1 keeps each test's temp dir.
# NMF_E2E_JOBS=N runs N scripts at once (make check-e2e: 2), each
# script's output then shown whole when it ends, in order.
export NMF_QUIET="${NMF_QUIET-1}"
set -u
e2e_dir=$(cd "$(dirname "$0")/e2e" && pwd) || exit 2

if [ -z "${NMF_BIN-}" ] || [ ! -x "$NMF_BIN" ]; then
    echo "run-e2e.sh: set NMF_BIN to the notmuch-followup binary" \
        "(got '${NMF_BIN-}')" >&2
    echo "e2e: 0 passed, 1 failed"
    exit 2
fi
command -v notmuch >/dev/null 2>&1 || {
    echo "run-e2e.sh: the notmuch CLI is not installed (make deps)" >&2
    echo "e2e: 0 passed, 1 failed"
    exit 2
}

if [ $# = 0 ]; then
    set -- "$e2e_dir"/T*.sh
    [ -e "$1" ] || set --
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nmf-run-e2e.XXXXXXXX") || exit 2
# Interrupted: the scripts still running stop too, before $work goes.
stop_all() { kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; }
trap 'rm -rf "$work"' EXIT
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM

# The scripts to run, resolved first.
n=0
for arg in "$@"; do
    if [ -f "$arg" ]; then
        t=$arg
    elif [ -f "$e2e_dir/$arg" ]; then
        t=$e2e_dir/$arg
    else
        t=
        for c in "$e2e_dir/$arg"*.sh; do
            [ -f "$c" ] && t=$c && break
        done
    fi
    n=$((n + 1))
    eval "script_$n=\$t arg_$n=\$arg"
done

# NMF_E2E_JOBS scripts run at once (each in its own temp dir, with its
# own ports and sockets); their outputs are shown whole and in order.
jobs=${NMF_E2E_JOBS-1}
case $jobs in '' | *[!0-9]* | 0) jobs=1 ;; esac
start() { # I: start script I in the background
    eval "_t=\$script_$1"
    [ -n "$_t" ] || return 0
    date +%s >"$work/$1.t0"
    if [ "$jobs" = 1 ]; then
        # One at a time: the output as it comes.
        echo "*** $(basename "$_t")"
        { sh "$_t" 2>&1; echo $? >"$work/$1.rc"; date +%s >"$work/$1.t1"; } |
            tee "$work/$1.out"
        return 0
    fi
    { sh "$_t" >"$work/$1.out" 2>&1; echo $? >"$work/$1.rc"
      date +%s >"$work/$1.t1"; } &
    eval "pid_$1=\$!"
}

passed=0
failed=0
next=1
while [ $next -le $n ] && [ $next -le $jobs ]; do
    start $next
    next=$((next + 1))
done
i=1
while [ $i -le $n ]; do
    eval "t=\$script_$i arg=\$arg_$i pid=\${pid_$i-}"
    if [ -z "$t" ]; then
        echo "FAIL: no such e2e script: $arg"
        failed=$((failed + 1))
    else
        name=$(basename "$t")
        if [ "$jobs" != 1 ]; then
            wait "$pid"
            echo "*** $name"
            cat "$work/$i.out"
        fi
        rc=$(cat "$work/$i.rc")
        summary=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed\$" \
            "$work/$i.out" | tail -n 1)
        if [ -n "$summary" ]; then
            p=$(printf '%s\n' "$summary" | sed 's/.*: \([0-9]*\) passed.*/\1/')
            f=$(printf '%s\n' "$summary" | sed 's/.* \([0-9]*\) failed$/\1/')
        else
            p=0
            f=0
        fi
        if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
            if [ -n "$summary" ]; then
                echo "FAIL: $name exited with status $rc after its summary"
            else
                echo "FAIL: $name exited with status $rc without a summary line"
            fi
            f=1
        elif [ -z "$summary" ]; then
            echo "FAIL: $name ended without a summary line (no t_done?)"
            f=1
        fi
        passed=$((passed + p))
        failed=$((failed + f))
        # How long it took (for keeping CI short; not a limit).
        echo "--- $name took $(($(cat "$work/$i.t1") - $(cat "$work/$i.t0"))) s"
    fi
    i=$((i + 1))
    if [ $next -le $n ]; then
        start $next
        next=$((next + 1))
    fi
done

echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
