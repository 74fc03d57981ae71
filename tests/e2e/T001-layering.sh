#!/bin/sh
# T001: the layering check (STYLE.md 2.1) passes on the real core and
# fails on a core file that includes notmuch.h, curl, or calls time() or
# open().
. "$(dirname "$0")/lib.sh"
nmf_setup
[ -n "${NMF_SRC-}" ] || { echo "NMF_SRC not set"; exit 2; }
check=$NMF_SRC/tools/check-layering.sh

t_ok "the real core is pure" sh "$check" "$NMF_SRC/src/core"
mkdir core
printf '#include "nmf/text.h"\nint f (void);\nint f (void) { return 1; }\n' \
    >core/good.c
t_ok "a pure file passes" sh "$check" "$NMF_TMP/core"
for bad in '#include <notmuch.h>' '#include <curl/curl.h>' \
    '#include <gmime/gmime.h>' 'long t (void) { return time (NULL); }' \
    'int o (void) { return open ("x", 0); }' \
    'void p (void) { printf ("x"); }' 'char *e (void) { return getenv ("HOME"); }'
do
    rm -f core/*.c
    printf '%s\n' "$bad" >core/bad.c
    t_fail "rejected: $bad" sh "$check" "$NMF_TMP/core"
done
t_done
