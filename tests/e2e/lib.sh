# tests/e2e/lib.sh -- the end-to-end harness.  POSIX sh (dash), sourced by
# every tests/e2e/T*.sh:   . "$(dirname "$0")/lib.sh"
#
#   nmf_setup             fresh temp dir ($NMF_TMP) holding HOME, XDG_*, the
#                         notmuch config ($NOTMUCH_CONFIG) and $MAILDIR with
#                         INBOX/ and Sent/; TZ=UTC, LC_ALL=C.UTF-8; cd's there.
#                         Exit 2 when $NMF_BIN is unset or not executable.
#                         Removed at exit unless NMF_KEEP=1.
#   nmf_add FILE [FOLDER] [FLAGS]
#                         copy FILE (a path, or a name in fixtures/) to
#                         $MAILDIR/FOLDER/cur/<unique>:2,FLAGS and print the
#                         path.  FOLDER defaults to INBOX; FLAGS to "S" in
#                         Sent, "" elsewhere; FLAGS "-" delivers to new/.
#   nmf_new [ARGS]        notmuch new --quiet (hooks run); output is shown and
#                         kept in $NMF_TMP/nmf_new.log; counts a failure and
#                         returns 1 when notmuch new fails.
#   nmf ARGS...           "$NMF_BIN" ARGS...
#   nmf_dump [ARGS]       notmuch dump ARGS, sorted (compare runs).
#   nmf_drafts            paths of the files in $MAILDIR/Drafts/cur, sorted.
#   nmf_fake_sendmail     $NMF_TMP/sendmail keeps each message it is given
#                         as $NMF_OUTBOX/N.eml (N.args: its arguments);
#                         nmf_sent_count says how many
#   nmf_draft_ids_out     filter: our drafts' Message-IDs (and the hash
#                         of their bytes, which holds one) in dump lines
#                         become DRAFT (they are random).
#   t_ok NAME CMD...      pass when CMD exits 0
#   t_fail NAME CMD...    pass when CMD exits non-zero
#   t_eq NAME EXPECTED ACTUAL
#   t_match NAME REGEX STRING    (grep -E, any line of STRING)
#   t_count NAME N QUERY...      pass when `notmuch count QUERY` prints N
#   t_done                last line "<script>: N passed, N failed"; exit 1
#                         when anything failed.
# Passing checks print "ok: NAME" (not with NMF_QUIET=1); failing ones print
# "FAIL: NAME" and what was expected and found.

NMF_E2E_DIR=$(cd "$(dirname "$0")" && pwd)
NMF_FIXTURES=$NMF_E2E_DIR/fixtures
# Under the sanitizers or valgrind every run is many times slower: long
# walks are shortened and time bounds are not asserted.
case ${NMF_MAKE_ARGS-} in
    *SANITIZE=1* | *VALGRIND=1*) NMF_SLOW=yes ;;
    *) NMF_SLOW=no ;;
esac
nmf_passed=0
nmf_failed=0
NMF_TMP=
_nmf_nl='
'

_nmf_pass() {
    nmf_passed=$((nmf_passed + 1))
    [ "${NMF_QUIET-}" = 1 ] || printf 'ok: %s\n' "$1"
}

# _nmf_fail NAME [LINE...]: count a failure; print the lines indented
# (each cut to 30 lines).
_nmf_fail() {
    nmf_failed=$((nmf_failed + 1))
    printf 'FAIL: %s\n' "$1"
    shift
    for _l in "$@"; do
        printf '%s\n' "$_l" | sed -n '1,30s/^/    /p'
    done
}

_nmf_cleanup() {
    [ -n "$NMF_TMP" ] && [ -d "$NMF_TMP" ] || return 0
    if [ "${NMF_KEEP-}" = 1 ]; then
        echo "NMF_KEEP=1: kept $NMF_TMP" >&2
    else
        cd / && chmod -R u+rwX "$NMF_TMP" 2>/dev/null
        rm -rf "$NMF_TMP"
    fi
}

nmf_setup() {
    if [ -z "${NMF_BIN-}" ] || [ ! -f "$NMF_BIN" ] || [ ! -x "$NMF_BIN" ]; then
        echo "$(basename "$0"): NMF_BIN must name the notmuch-followup" \
            "binary (got '${NMF_BIN-}')" >&2
        exit 2
    fi
    _nmf_cleanup
    NMF_TMP=$(mktemp -d "${TMPDIR:-/tmp}/nmf-e2e.XXXXXXXX") || exit 2
    trap _nmf_cleanup EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
    export NMF_TMP HOME="$NMF_TMP/home" MAILDIR="$NMF_TMP/mail"
    export XDG_CONFIG_HOME="$NMF_TMP/home/.config"
    export XDG_DATA_HOME="$NMF_TMP/home/.local/share"
    export XDG_CACHE_HOME="$NMF_TMP/home/.cache"
    export XDG_STATE_HOME="$NMF_TMP/home/.local/state"
    export NOTMUCH_CONFIG="$NMF_TMP/notmuch-config"
    export TZ=UTC LC_ALL=C.UTF-8
    unset NOTMUCH_PROFILE NOTMUCH_DATABASE LANG LANGUAGE
    # The hook may call the program by name (notmuch-followup, or
    # "notmuch followup" through notmuch's external-command dispatch).
    PATH=$(cd "$(dirname "$NMF_BIN")" && pwd):$PATH
    export PATH
    mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" \
        "$XDG_STATE_HOME" || exit 2
    for _d in INBOX Sent; do
        mkdir -p "$MAILDIR/$_d/cur" "$MAILDIR/$_d/new" "$MAILDIR/$_d/tmp" ||
            exit 2
    done
    cat >"$NOTMUCH_CONFIG" <<EOF || exit 2
[database]
path=$MAILDIR

[user]
name=Alex Morgan
primary_email=alex.morgan@example.net
other_email=alex@morgan.example

[new]
tags=unread;inbox;
ignore=

[maildir]
synchronize_flags=true
EOF
    cd "$NMF_TMP" || exit 2
}

# emacs, faketime and timeout, and notmuch-emacs (Debian's elpa-notmuch)
# in NM_EL; exit 2 (a refusal) naming what is missing.
nmf_need_emacs() {
    for _c in emacs faketime timeout; do
        command -v $_c >/dev/null || {
            echo "$_c is needed (make deps installs it)"; exit 2; }
    done
    NM_EL=$(ls -d /usr/share/emacs/site-lisp/elpa/notmuch-[0-9]* 2>/dev/null |
        tail -n 1)
    [ -f "$NM_EL/notmuch.el" ] || {
        echo "elpa-notmuch is needed (make deps installs it)"; exit 2; }
}

nmf_add() {
    _src=$1
    [ -f "$_src" ] || _src=$NMF_FIXTURES/$1
    if [ ! -f "$_src" ]; then
        echo "nmf_add: no such file or fixture: $1" >&2
        return 1
    fi
    _folder=${2:-INBOX}
    if [ $# -ge 3 ]; then
        _flags=$3
    elif [ "$_folder" = Sent ]; then
        _flags=S
    else
        _flags=
    fi
    mkdir -p "$MAILDIR/$_folder/cur" "$MAILDIR/$_folder/new" \
        "$MAILDIR/$_folder/tmp" || return 1
    _now=$(date +%s)
    _n=0
    while :; do # unique even when called in $(...) within one second
        _n=$((_n + 1))
        _base=$_now.M${_n}P$$.nmf-e2e
        for _f in "$MAILDIR/$_folder/cur/$_base"* \
            "$MAILDIR/$_folder/new/$_base"*; do
            [ -e "$_f" ] && continue 2
        done
        break
    done
    if [ "$_flags" = - ]; then
        _dst=$MAILDIR/$_folder/new/$_base
    else
        _dst=$MAILDIR/$_folder/cur/$_base:2,$_flags
    fi
    cp "$_src" "$_dst" || return 1
    printf '%s\n' "$_dst"
}

nmf_new() {
    if notmuch new --quiet "$@" >"$NMF_TMP/nmf_new.log" 2>&1; then
        cat "$NMF_TMP/nmf_new.log"
        return 0
    fi
    _rc=$?
    cat "$NMF_TMP/nmf_new.log"
    _nmf_fail "notmuch new $*" "exit status $_rc (output above)"
    return 1
}

nmf() { "$NMF_BIN" "$@"; }

nmf_dump() { notmuch dump "$@" | LC_ALL=C sort; }

# Every fixture: the user's own mail into Sent, the rest into INBOX.
# The real-world corpus (../shared/corpus/real beside the project, or
# beside the repository a clone came from, or $NMF_REAL_CORPUS); prints
# its directory, or nothing.
nmf_real_corpus() {
    if [ -n "${NMF_REAL_CORPUS-}" ] && [ -d "$NMF_REAL_CORPUS" ]; then
        printf '%s\n' "$NMF_REAL_CORPUS"
    elif [ -d "$NMF_SRC/../shared/corpus/real" ]; then
        (cd "$NMF_SRC/../shared/corpus/real" && pwd)
    else
        _o=$(git -C "$NMF_SRC" config --get remote.origin.url 2>/dev/null)
        if [ -n "$_o" ] && [ -d "$_o/../shared/corpus/real" ]; then
            (cd "$_o/../shared/corpus/real" && pwd)
        fi
    fi
}

nmf_add_all_fixtures() {
    for _f in "$NMF_FIXTURES"/*.eml; do
        case $(sed -n 's/^From: //p' "$_f" | head -1) in
            *alex*) nmf_add "$_f" Sent >/dev/null ;;
            *) nmf_add "$_f" >/dev/null ;;
        esac
    done
}

# The text of the drafts under mail root $1, without their (random)
# Message-IDs, each after a line with its file name: for comparing two
# mailboxes.
nmf_drafts_text() {
    for _f in "$1"/Drafts/cur/*; do
        [ -f "$_f" ] || continue
        echo "== ${_f##*/}"
        grep -v '^Message-I[Dd]:' "$_f"
    done
}

# A sendmail for the mail-client tests, at $NMF_TMP/sendmail: the Nth
# message it is given becomes $NMF_OUTBOX/N.eml (written whole: a dot
# file, then renamed), its arguments $NMF_OUTBOX/N.args.
nmf_fake_sendmail() {
    NMF_OUTBOX=$NMF_TMP/outbox
    mkdir -p "$NMF_OUTBOX" || return 1
    cat >"$NMF_TMP/sendmail" <<EOF || return 1
#!/bin/sh
n=\$(ls "$NMF_OUTBOX" | grep -c '\.eml\$')
n=\$((n + 1))
printf '%s\n' "\$@" >"$NMF_OUTBOX/\$n.args"
cat >"$NMF_OUTBOX/.\$n.tmp" && mv "$NMF_OUTBOX/.\$n.tmp" "$NMF_OUTBOX/\$n.eml"
EOF
    chmod +x "$NMF_TMP/sendmail"
}
# How many messages reached the fake sendmail.
nmf_sent_count() { ls "$NMF_OUTBOX" | grep -c '\.eml$'; }

# A filter for the lines of `notmuch dump`: our drafts' Message-IDs
# (random: TIME.RANDOM@domain) become DRAFT, so that two runs compare.
nmf_draft_ids_out() {
    sed -E -e 's/^#= [0-9]{12,}\.[0-9a-f]{16}(@|%40)[^ ]* /#= DRAFT /' \
        -e 's/id:[0-9]{12,}\.[0-9a-f]{16}@[^ ]*$/id:DRAFT/' \
        -e 's/ followup\.draft-sha=[0-9a-f]*//'
}

# A second mailbox: $MAILDIR copied to $1/mail with its own config
# $1/config; both indexed.  Run commands on the copy with nmf_b.
nmf_twin() {
    NMF_TWIN=$1
    mkdir -p "$NMF_TWIN" || return 1
    cp -a "$MAILDIR" "$NMF_TWIN/mail" || return 1
    sed "s#^path=.*#path=$NMF_TWIN/mail#" "$NOTMUCH_CONFIG" >"$NMF_TWIN/config"
    nmf_new >/dev/null
    NOTMUCH_CONFIG=$NMF_TWIN/config notmuch new --quiet
}
nmf_b() { NOTMUCH_CONFIG=$NMF_TWIN/config "$@"; }

# The sentences that more than one of the draft FILEs share, besides the
# greeting and the sign-off (issue 16: no twin sentences in a process).
nmf_twin_sentences() {
    for _f in "$@"; do
        sed '1,/^$/d' "$_f" | sed '1d' | head -n -2 | tr '\n' ' ' |
            sed 's/\([.?!]\) /\1\n/g' | sed 's/^ *//; s/ *$//; /^$/d' |
            sort -u
    done | sort | uniq -d
}

# The state tag of the thread of Message-ID $1 (without followup/obsolete).
nmf_state_of() {
    notmuch search --output=tags "thread:{id:$1}" | grep '^followup/' |
        grep -v '^followup/obsolete$' | tr '\n' ' ' | sed 's/ $//'
}

nmf_drafts() {
    for _f in "$MAILDIR"/Drafts/cur/*; do
        [ -f "$_f" ] && printf '%s\n' "$_f"
    done | LC_ALL=C sort
}

t_ok() {
    _name=$1
    shift
    if _out=$("$@" 2>&1); then
        _nmf_pass "$_name"
    else
        _nmf_fail "$_name" "expected exit 0, got $?: $*" "$_out"
    fi
}

t_fail() {
    _name=$1
    shift
    if _out=$("$@" 2>&1); then
        _nmf_fail "$_name" "expected non-zero exit, got 0: $*" "$_out"
    else
        _nmf_pass "$_name"
    fi
}

t_eq() {
    if [ "$2" = "$3" ]; then
        _nmf_pass "$1"
    elif [ -d "$NMF_TMP" ] && case "$2$3" in *"$_nmf_nl"*) ;; *) false ;; esac
    then # multi-line: show a diff (- expected, + actual)
        printf '%s\n' "$2" >"$NMF_TMP/.expected"
        printf '%s\n' "$3" >"$NMF_TMP/.actual"
        _nmf_fail "$1" "$(diff -u "$NMF_TMP/.expected" "$NMF_TMP/.actual" |
            sed '1,2d')"
    else
        _nmf_fail "$1" "expected: '$2'" "actual:   '$3'"
    fi
}

t_match() {
    if printf '%s\n' "$3" | grep -Eq -- "$2"; then
        _nmf_pass "$1"
    else
        _nmf_fail "$1" "expected to match: $2" "actual: $3"
    fi
}

t_count() {
    _name=$1
    _want=$2
    shift 2
    _got=$(notmuch count "$@" 2>&1)
    if [ "$_got" = "$_want" ]; then
        _nmf_pass "$_name"
    else
        _nmf_fail "$_name" "notmuch count $*" "expected: $_want" "actual:   $_got"
    fi
}

t_done() {
    echo "$(basename "$0"): $nmf_passed passed, $nmf_failed failed"
    [ "$nmf_failed" = 0 ] && exit 0
    exit 1
}
