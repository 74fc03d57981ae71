# bash completion for notmuch-followup (and "notmuch followup").
# Installed by make install into $(PREFIX)/share/bash-completion/completions.

_notmuch_followup_commands="scan list show noreply agenda classify note ignore close snooze redraft check push install-hook"

_notmuch_followup_options ()
{
    case "$1" in
    scan) echo "--all --dry-run --now= --quiet --help" ;;
    list) echo "--all --format= --color= --now= --help" ;;
    show) echo "--format= --now= --help" ;;
    noreply) echo "--awaiting= --older-than= --format= --now= --help" ;;
    agenda) echo "--output= --now= --help" ;;
    classify) echo "--format= --user= --features --weights= --help" ;;
    note) echo "--to= --decision-by= --interview-at= --round= --cancel-round= --interviewer= --not-interviewer= --keep-in-touch= --answered --now= --help" ;;
    ignore) echo "--help" ;;
    close) echo "--now= --help" ;;
    snooze) echo "--until= --now= --help" ;;
    redraft) echo "--to= --now= --help" ;;
    check) echo "--format= --now= --thread= --help" ;;
    push) echo "--dry-run --quiet --help" ;;
    install-hook) echo "--chain --force --dry-run --help" ;;
    esac
}

_notmuch_followup ()
{
    local cur cmd i
    cur="${COMP_WORDS[COMP_CWORD]}"
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        followup) ;;
        -*) ;;
        *) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    if [ -z "$cmd" ]; then
        COMPREPLY=($(compgen -W "$_notmuch_followup_commands --help --version" -- "$cur"))
        return
    fi
    case "$cur" in
    --format=*) COMPREPLY=($(compgen -P --format= -W "text json" -- "${cur#--format=}")) ;;
    --color=*) COMPREPLY=($(compgen -P --color= -W "auto always never" -- "${cur#--color=}")) ;;
    --awaiting=*) COMPREPLY=($(compgen -P --awaiting= -W "me them" -- "${cur#--awaiting=}")) ;;
    -*)
        COMPREPLY=($(compgen -W "$(_notmuch_followup_options "$cmd")" -- "$cur"))
        [ "${COMPREPLY[0]%=}" != "${COMPREPLY[0]}" ] && compopt -o nospace
        ;;
    *) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
}
complete -F _notmuch_followup notmuch-followup
