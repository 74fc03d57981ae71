#!/bin/sh
# STYLE.md §2.1: the pure core (src/core, and the headers it includes) does
# no I/O.  Fail when a core file includes a library header of an adapter or
# calls a function that reads the clock, the environment or files, or prints.
# Usage: check-layering.sh [DIR]   (DIR defaults to the tree's src/core)
set -u
dir=${1:-$(dirname "$0")/../src/core}
bad=0
for f in "$dir"/*.c "$dir"/*.h; do
    [ -f "$f" ] || continue
    # Strip comments and string literals crudely before matching calls.
    out=$(sed -e 's://.*$::' "$f" | grep -nE \
        '#include[[:space:]]*<(notmuch\.h|gmime/|curl/|libical/|libxml/|stdio\.h|fcntl\.h|unistd\.h|sys/stat\.h|dirent\.h)|(^|[^A-Za-z0-9_])(time|open|fopen|popen|getenv|printf|fprintf|puts|system|g_get_real_time|g_date_time_new_now_local|g_date_time_new_now_utc|g_date_time_new_now|g_getenv|g_file_get_contents|g_print|g_printerr)[[:space:]]*\(' \
        || true)
    if [ -n "$out" ]; then
        printf '%s\n' "$out" | sed "s|^|layering: $f:|" >&2
        bad=1
    fi
done
if [ "$bad" != 0 ]; then
    echo "layering: the pure core must not do I/O (STYLE.md 2.1)" >&2
    exit 1
fi
echo "layering: $(basename "$dir") is free of I/O"
