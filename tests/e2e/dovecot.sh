# tests/e2e/dovecot.sh — a real Dovecot IMAP server for the push tests,
# sourced after lib.sh.  dovecot_start: on 127.0.0.1, a free high port,
# its own config, a passwd-file user "alex" (password "secret"), Maildir
# in $NMF_TMP/imap; plain IMAP (loopback only), no TLS.  Sets
# DOVECOT_PORT and DOVECOT_DRAFTS (the server's Drafts Maildir).
# dovecot_stop: stops it (also at exit).

dovecot_start () {
    command -v dovecot >/dev/null || { echo "dovecot is needed (make deps)"; exit 2; }
    DOVECOT_DIR=$NMF_TMP/imap
    mkdir -p "$DOVECOT_DIR/run" "$DOVECOT_DIR/mail" "$DOVECOT_DIR/home" \
        "$DOVECOT_DIR/log"
    DOVECOT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    # Dovecot refuses to run mail as root: use nobody then.
    if [ "$(id -u)" = 0 ]; then
        uid=$(id -u nobody); gid=$(id -g nobody)
        login=nobody; group=$(id -gn nobody)
    else
        uid=$(id -u); gid=$(id -g)
        login=$(id -un); group=$(id -gn)
    fi
    printf 'alex:{PLAIN}secret:%s:%s::%s::\n' "$uid" "$gid" "$DOVECOT_DIR/home" \
        >"$DOVECOT_DIR/passwd"
    cat >"$DOVECOT_DIR/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $DOVECOT_DIR/run
state_dir = $DOVECOT_DIR/run
log_path = $DOVECOT_DIR/log/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = $login
default_internal_user = $login
default_internal_group = $group
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DOVECOT_DIR/passwd
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$DOVECOT_DIR/home mail=maildir:$DOVECOT_DIR/mail
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $DOVECOT_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
  mailbox Drafts {
    special_use = \\Drafts
    auto = create
  }
}
CONF
    if [ "$(id -u)" = 0 ]; then
        # nobody must reach its files: traverse the temp dir, read the
        # (test-only) passwd file, own the mail.
        chmod o+x "$NMF_TMP" "$DOVECOT_DIR"
        chmod o+r "$DOVECOT_DIR/passwd"
        chown -R "$uid:$gid" "$DOVECOT_DIR/mail" "$DOVECOT_DIR/home"
    fi
    # Its stdio must not keep the test's pipes open.
    dovecot -c "$DOVECOT_DIR/dovecot.conf" </dev/null >/dev/null 2>&1 || {
        echo "dovecot did not start:"; cat "$DOVECOT_DIR/log/dovecot.log"; exit 2; }
    trap 'dovecot_stop; _nmf_cleanup' EXIT
    DOVECOT_DRAFTS=$DOVECOT_DIR/mail/.Drafts
    dovecot_wait || {
        echo "dovecot does not answer on port $DOVECOT_PORT"; exit 2; }
}

# Wait (5 s at most) until Dovecot accepts connections; 1 when it never does.
dovecot_wait() {
    _i=0
    while [ $_i -lt 50 ]; do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $DOVECOT_PORT), 1)" \
            2>/dev/null && return 0
        sleep 0.1; _i=$((_i + 1))
    done
    return 1
}

dovecot_stop () {
    [ -n "${DOVECOT_DIR-}" ] && [ -f "$DOVECOT_DIR/run/master.pid" ] || return 0
    kill "$(cat "$DOVECOT_DIR/run/master.pid")" 2>/dev/null
    i=0
    while [ $i -lt 50 ] && [ -f "$DOVECOT_DIR/run/master.pid" ]; do
        sleep 0.1; i=$((i + 1))
    done
}

# The messages in the server's Drafts folder (new/ and cur/).
dovecot_drafts () {
    for f in "$DOVECOT_DRAFTS"/cur/* "$DOVECOT_DRAFTS"/new/*; do
        [ -f "$f" ] && printf '%s\n' "$f"
    done
}
