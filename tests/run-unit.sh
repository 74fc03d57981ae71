#!/bin/sh
# Run the cmocka unit-test binaries given as arguments; print each one's
# result and a closing "unit: N passed, N failed" line.  Exit 1 when any
# test failed.
set -u
# The real-world corpus lives in shared/ beside the project.  In a clone
# made elsewhere (a CI checkout in a temporary directory) it is beside
# the repository the clone came from.
if [ -z "${NMF_REAL_CORPUS-}" ] && [ ! -d ../shared/corpus/real ]; then
    origin=$(git config --get remote.origin.url 2>/dev/null || true)
    if [ -n "$origin" ] && [ -d "$origin/../shared/corpus/real" ]; then
        NMF_REAL_CORPUS=$(cd "$origin/../shared/corpus/real" && pwd)
        export NMF_REAL_CORPUS
    fi
fi
passed=0
failed=0
for t in "$@"; do
    out=$("$t" 2>&1)
    rc=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    p=${p:-0}
    f=${f:-0}
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        # A crash or sanitizer abort: count the binary as one failure.
        f=1
    fi
    if [ "$f" != 0 ]; then
        printf '%s\n' "$out"
        echo "FAIL $(basename "$t"): $p passed, $f failed"
    else
        echo "ok   $(basename "$t"): $p passed"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
done
echo "unit: $passed passed, $failed failed"
[ "$failed" = 0 ]
