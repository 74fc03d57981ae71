#!/bin/sh
# T210: every input that ever crashed or leaked under `make fuzz`
# (tests/fuzz/regress/TARGET/) and every fuzzing seed goes through its
# target again, built without libFuzzer (and under ASan+UBSan in make
# check-asan): no crash, no leak, no sanitizer report (issue 9, item 1).
. "$(dirname "$0")/lib.sh"
nmf_setup
F=$NMF_SRC/tests/fuzz
for t in message dates ical render config; do
    bin=$NMF_TOOLS/../replay-$t
    t_ok "replay-$t is built" test -x "$bin"
    set -- $(find "$F/regress/$t" "$F/seeds/$t" -type f ! -name .keep 2>/dev/null | LC_ALL=C sort)
    if [ $t = message ]; then
        set -- "$@" $(find "$NMF_FIXTURES" -type f -name '*.eml' | LC_ALL=C sort)
    fi
    out=$("$bin" "$@" 2>&1); rc=$?
    t_eq "$t: $# inputs replayed without a fault" 0 $rc
    t_match "$t: ... every one" "replay: $# inputs" "$out"
done
# The hostile inputs too, through the message target.
python3 "$NMF_SRC/tests/tools/hostile.py" "$NMF_TMP/h"
out=$("$NMF_TOOLS/../replay-message" "$NMF_TMP"/h/* 2>&1); rc=$?
t_eq "hostile messages replayed without a fault" 0 $rc
t_done
