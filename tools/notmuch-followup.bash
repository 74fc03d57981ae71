# bash completion for notmuch-followup (and "notmuch followup").
# Installed by make install into $(PREFIX)/share/bash-completion/completions
# (loaded when notmuch-followup is completed) and into
# /etc/bash_completion.d (loaded by every new shell, so that notmuch's own
# completion finds _notmuch_followup for "notmuch followup").
#
# The commands and options come from the program itself: its --help lists
# the commands, each command's --help its options (made from its option
# table), so this file never repeats them.

_notmuch_followup_prog ()
{
    if type -P notmuch-followup >/dev/null 2>&1; then
        echo notmuch-followup
    fi
}

_notmuch_followup ()
{
    local cur cmd i prog words
    cur="${COMP_WORDS[COMP_CWORD]}"
    prog=$(_notmuch_followup_prog)
    [ -n "$prog" ] || return
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        followup) ;;
        -*) ;;
        *) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    if [ -z "$cmd" ]; then
        words=$("$prog" --help 2>/dev/null | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
        COMPREPLY=($(compgen -W "$words --help --version" -- "$cur"))
        return
    fi
    # bash splits "--format=j" at "=" (COMP_WORDBREAKS): the option is
    # then two words back.
    if [ "$cur" = "=" ] || [ "${COMP_WORDS[COMP_CWORD-1]}" = "=" ]; then
        local opt="${COMP_WORDS[COMP_CWORD-2]}" val="$cur"
        [ "$cur" = "=" ] && { opt="${COMP_WORDS[COMP_CWORD-1]}"; val=""; }
        words=$("$prog" "$cmd" --help 2>/dev/null |
            sed -n "s/^  ${opt}=\([a-z|]*\)\( .*\)\{0,1\}$/\1/p" | tr '|' ' ')
        COMPREPLY=($(compgen -W "$words" -- "$val"))
        return
    fi
    case "$cur" in
    --*=*)
        # The values a keyword option takes: "--format=text|json".
        local opt="${cur%%=*}"
        words=$("$prog" "$cmd" --help 2>/dev/null |
            sed -n "s/^  ${opt}=\([a-z|]*\)\( .*\)\{0,1\}$/\1/p" | tr '|' ' ')
        COMPREPLY=($(compgen -P "$opt=" -W "$words" -- "${cur#*=}"))
        ;;
    -*)
        words=$("$prog" "$cmd" --help 2>/dev/null |
            sed -n 's/^  \(--[a-z-]*=\{0,1\}\).*/\1/p')
        COMPREPLY=($(compgen -W "$words --help" -- "$cur"))
        [ "${COMPREPLY[0]%=}" != "${COMPREPLY[0]}" ] && compopt -o nospace 2>/dev/null
        ;;
    *) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
}
complete -F _notmuch_followup notmuch-followup
