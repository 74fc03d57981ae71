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
t_ok "the notmuch-emacs send hook installed" \
    test -f "$inst/usr/share/notmuch-followup/notmuch-followup-send-hook.el"
t_ok "bash completion installed" \
    test -f "$inst/usr/share/bash-completion/completions/notmuch-followup"
# The completion offers the commands and a command's options.
comp=$inst/usr/share/bash-completion/completions/notmuch-followup
t_match "completion lists the commands" 'noreply' "$(bash -c "
. '$comp'
COMP_WORDS=(notmuch-followup no); COMP_CWORD=1; _notmuch_followup
echo \"\${COMPREPLY[*]}\"")"
t_match "completion lists a command's options" 'awaiting=' "$(bash -c "
. '$comp'
COMP_WORDS=(notmuch-followup noreply --aw); COMP_CWORD=2; _notmuch_followup 2>/dev/null
echo \"\${COMPREPLY[*]}\"")"

# notmuch's help runs "man notmuch-followup".
out=$(MANPATH=$inst/usr/share/man MANPAGER=cat PAGER=cat MANWIDTH=80 \
    notmuch help followup 2>&1)
t_match "notmuch help followup shows our man page" 'NOTMUCH-FOLLOWUP' "$out"
t_match "the man page documents scan" 'scan' "$out"

notmuch new --quiet
out=$(PATH=$inst/usr/bin:/usr/bin:/bin notmuch followup --version)
t_match "installed binary runs as notmuch followup" '^notmuch-followup ' "$out"

# Every option of every command is documented in the man page.
for c in scan list show noreply agenda classify install-hook note ignore close snooze check push; do
    for o in $(nmf $c --help | grep -o -- '--[a-z-]*' | sort -u); do
        [ "$o" = --help ] && continue
        t_ok "man page documents $c $o" grep -q -- "$(printf '%s' "$o" |
            sed 's/-/\\\\-/g')" "$NMF_SRC/doc/notmuch-followup.1"
    done
done

t_done
