#!/bin/sh
# Install the Debian packages notmuch-followup needs to build, test and run
# its demo, but only those that are missing.  Uses sudo when not root.
# Does nothing (and needs no network) when everything is present.
set -eu

PACKAGES="gcc make pkg-config
libnotmuch-dev notmuch
libgmime-3.0-dev libglib2.0-dev libcurl4-openssl-dev libical-dev libxml2-dev
libcmocka-dev libjson-glib-dev
python3 groff-base man-db neomutt tmux dovecot-imapd time bash-completion
aerc faketime emacs-nox elpa-notmuch python3-numpy"
# `make bench` also compares with afew and reads peak memory from GNU time.
case ${1-} in
    bench) PACKAGES="$PACKAGES afew time" ;;
    # `make fuzz`: clang with the libFuzzer runtime.
    fuzz) PACKAGES="$PACKAGES clang libclang-rt-14-dev" ;;
    valgrind) PACKAGES="$PACKAGES valgrind" ;;
esac

missing=""
for p in $PACKAGES; do
    st=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
    case "$st" in
        ii*) ;;
        *) missing="$missing $p" ;;
    esac
done

[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps: missing packages:$missing (not a Debian system: install them by hand)" >&2
    exit 2
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO=sudo
fi

echo "deps: installing:$missing"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends $missing >/dev/null
echo "deps: done"
