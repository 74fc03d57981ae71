#!/bin/sh
# valgrind-run.sh BUILD [TEST...] — `make check-valgrind`: the end-to-end tests with
# every run of notmuch-followup under valgrind (memcheck): no definite or
# indirect leak (tests/valgrind.supp names the few that are not ours) and
# no invalid access.  Each run writes a log in BUILD/valgrind/logs; the
# summary line counts the runs and those with errors.
set -u
BUILD=${1:-build}
[ $# -gt 0 ] && shift
VG=$(cd "$BUILD" && pwd)/valgrind
rm -rf "$VG"
mkdir -p "$VG/logs"
cat >"$VG/notmuch-followup" <<WRAP
#!/bin/sh
G_SLICE=always-malloc G_DEBUG=gc-friendly exec valgrind -q \\
    --tool=memcheck --leak-check=full \\
    --show-leak-kinds=definite,indirect \\
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \\
    --suppressions=$(pwd)/tests/valgrind.supp --num-callers=30 \\
    --log-file=$VG/logs/vg.%p $(pwd)/notmuch-followup "\$@"
WRAP
chmod +x "$VG/notmuch-followup"

NMF_PLAIN_BIN=$(pwd)/notmuch-followup NMF_BIN=$VG/notmuch-followup NMF_TOOLS=$(pwd)/$BUILD/tests/tools \
    NMF_SRC=$(pwd) NMF_MAKE_ARGS="BUILD=$BUILD VALGRIND=1" \
    sh tests/run-e2e.sh "$@"
e2e=$?

runs=$(ls "$VG/logs" | wc -l)
bad=$(grep -l -E 'Invalid (read|write|free)|uninitialised|Conditional jump|definitely lost: [1-9]|indirectly lost: [1-9]|Mismatched free|overlap' \
    "$VG"/logs/vg.* 2>/dev/null)
nbad=$(printf '%s' "$bad" | grep -c . || true)
for f in $bad; do
    echo "--- $f"
    head -40 "$f"
done
echo "valgrind: $runs runs of notmuch-followup, $nbad with errors"
[ "$e2e" = 0 ] && [ "$nbad" = 0 ]
