#!/bin/sh
# T030: make install puts the binary, the man page and the hook in place;
# 'notmuch help followup' finds the man page; the installed binary works
# as 'notmuch followup'.
. "$(dirname "$0")/lib.sh"
nmf_setup
[ -n "${NMF_SRC-}" ] || { echo "NMF_SRC not set"; exit 2; }

inst=$NMF_TMP/inst
# shellcheck disable=SC2086
t_ok "make install DESTDIR PREFIX" make -s -C "$NMF_SRC" $NMF_MAKE_ARGS \
    install DESTDIR="$inst" PREFIX=/usr
t_ok "binary installed" test -x "$inst/usr/bin/notmuch-followup"
t_ok "man page installed" test -f "$inst/usr/share/man/man1/notmuch-followup.1"
t_ok "hook installed" test -x "$inst/usr/share/notmuch-followup/hooks/post-new"
t_ok "the neomutt send hook installed" \
    test -x "$inst/usr/share/notmuch-followup/followup-sendmail"
t_ok "the Emacs package installed on Debian's load-path" \
    test -f "$inst/usr/share/emacs/site-lisp/notmuch-followup.el"
t_ok "the neomutt setup installed" \
    test -f "$inst/usr/share/notmuch-followup/neomuttrc"
t_ok "the aerc setup installed" \
    test -f "$inst/usr/share/notmuch-followup/aerc-query-map" -a \
    -f "$inst/usr/share/notmuch-followup/aerc-binds.conf"
t_ok "bash completion installed" \
    test -f "$inst/usr/share/bash-completion/completions/notmuch-followup"
# The completion offers the commands and a command's options.
comp=$inst/usr/share/bash-completion/completions/notmuch-followup
t_match "completion lists the commands" 'noreply' "$(bash -c "
. '$comp'
COMP_WORDS=(notmuch-followup no); COMP_CWORD=1; _notmuch_followup
echo \"\${COMPREPLY[*]}\"")"
t_match "completion lists a command's options" 'awaiting=' "$(PATH=$inst/usr/bin:$PATH bash -c "
. '$comp'
COMP_WORDS=(notmuch-followup noreply --aw); COMP_CWORD=2; _notmuch_followup 2>/dev/null
echo \"\${COMPREPLY[*]}\"")"
t_match "... and the values of a keyword option" '^--format=json$' "$(PATH=$inst/usr/bin:$PATH bash -c "
. '$comp'
COMP_WORDS=(notmuch-followup list --format=j); COMP_CWORD=2; _notmuch_followup 2>/dev/null
echo \"\${COMPREPLY[*]}\"")"
t_match "... also when bash splits the word at '='" '^json$' "$(PATH=$inst/usr/bin:$PATH bash -c "
. '$comp'
COMP_WORDS=(notmuch-followup list --format = j); COMP_CWORD=4; _notmuch_followup 2>/dev/null
echo \"\${COMPREPLY[*]}\"")"
# A fresh shell with bash-completion: "notmuch followup <TAB>" goes
# through notmuch's own completion, which finds ours (installed in the
# directory every new shell reads).
t_ok "completion installed for new shells" \
    test -f "$inst/etc/bash_completion.d/notmuch-followup"
fresh() { # LINE: the completions bash offers for LINE in a new shell
    PATH=$inst/usr/bin:$PATH BASH_COMPLETION_COMPAT_DIR=$inst/etc/bash_completion.d \
        bash --norc -c '
. /usr/share/bash-completion/bash_completion
__load_completion notmuch
COMP_LINE=$1; COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<<"$COMP_LINE"
case $COMP_LINE in *" ") COMP_WORDS+=("") ;; esac
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_notmuch 2>/dev/null
echo "${COMPREPLY[*]}"' sh "$1"
}
t_match "notmuch followup <TAB> in a new shell: the commands" 'noreply.*config' \
    "$(fresh 'notmuch followup ')"
t_match "notmuch followup list --<TAB>: its options" -- '--thread' \
    "$(fresh 'notmuch followup list --')"

# make demo says where its mailbox was and how to keep it.
out=$(NMF_BIN=$NMF_BIN TMPDIR=$NMF_TMP sh "$NMF_SRC/demo/run-demo.sh" 2>&1)
t_match "the demo ends saying how to keep its mailbox" 'make demo NMF_KEEP=1' "$out"
t_eq "... and removed it" "" "$(ls -d "$NMF_TMP"/nmf-demo.* 2>/dev/null)"
out=$(NMF_KEEP=1 NMF_BIN=$NMF_BIN TMPDIR=$NMF_TMP sh "$NMF_SRC/demo/run-demo.sh" 2>&1)
t_match "with NMF_KEEP=1 it is kept, and says where" 'is kept in .*nmf-demo' "$out"
t_ok "... and it is there" test -d "$(ls -d "$NMF_TMP"/nmf-demo.* | head -1)"

# notmuch's help runs "man notmuch-followup".
out=$(MANPATH=$inst/usr/share/man MANPAGER=cat PAGER=cat MANWIDTH=80 \
    notmuch help followup 2>&1)
t_match "notmuch help followup shows our man page" 'NOTMUCH-FOLLOWUP' "$out"
t_match "the man page documents scan" 'scan' "$out"

notmuch new --quiet
out=$(PATH=$inst/usr/bin:/usr/bin:/bin notmuch followup --version)
t_match "installed binary runs as notmuch followup" '^notmuch-followup ' "$out"

# Every option of every command is documented in the man page.
for c in $(nmf --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'); do
    t_match "man page documents the command $c" "^\\.B $(printf '%s' "$c" | sed 's/-/\\\\-/g')( |$)" \
        "$(cat "$NMF_SRC/doc/notmuch-followup.1")"
    for o in $(nmf $c --help | grep -o -- '--[a-z-]*' | sort -u); do
        [ "$o" = --help ] && continue
        t_ok "man page documents $c $o" grep -q -- "$(printf '%s' "$o" |
            sed 's/-/\\\\-/g')" "$NMF_SRC/doc/notmuch-followup.1"
    done
done

t_done
