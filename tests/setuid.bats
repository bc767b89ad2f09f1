#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# setuid: credentials and set-UID programs (course chapter 9). The tests
# make their own set-UID and set-GID copies in the test's directory
# (priv_copy: root only) and run them as nobody with setpriv; nothing
# outside the test's directory changes. What needs root skips otherwise.

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    S=$ISOLAB_TOP/setuid
}

# A file only the user daemon (1) may read, or only its group.
daemon_file() {
    require root
    mkdir -p priv && chmod 755 priv
    echo "for daemon only" >priv/secret
    chown "$1" priv/secret
    chmod "$2" priv/secret
}

# ---- idshow ----

@test "idshow: the four IDs agree with /proc/self/status" {
    run -0 "$S/idshow"
    read -r _ r e s f < <(grep '^Uid:' /proc/self/status)
    assert_line --index 0 "ruid: $r"
    assert_line --index 1 "euid: $e"
    assert_line --index 2 "suid: $s"
    assert_line --index 3 "fsuid: $f"
    read -r _ r e s f < <(grep '^Gid:' /proc/self/status)
    assert_line --index 4 "rgid: $r"
    assert_line --index 7 "fsgid: $f"
}

@test "idshow: the supplementary groups" {
    require root
    run -0 setpriv --reuid=65534 --regid=65534 --groups=4,24 "$S/idshow"
    assert_line "groups: 4 24"
    run -0 as_user "$S/idshow"
    assert_line "groups:"
}

@test "idshow: a set-UID copy has the owner's effective and saved IDs, not the real one" {
    priv_copy "$S/idshow" root:root 4755
    run -0 as_user "${PRIV[@]}"
    assert_line --index 0 "ruid: 65534"
    assert_line --index 1 "euid: 0"
    assert_line --index 2 "suid: 0"
    assert_line --index 3 "fsuid: 0"
    assert_line --index 4 "rgid: 65534"
    assert_line --index 5 "egid: 65534"
}

@test "idshow: a set-GID copy changes the group IDs only" {
    priv_copy "$S/idshow" root:daemon 2755
    run -0 as_user "${PRIV[@]}"
    assert_line --index 1 "euid: 65534"
    assert_line --index 4 "rgid: 65534"
    assert_line --index 5 "egid: 1"
    assert_line --index 6 "sgid: 1"
}

# ---- t_setuid ----

@test "t_setuid: root drops with seteuid and returns, setuid is for good" {
    require root
    run -1 "$S/t_setuid" seteuid=65534 seteuid=0 setuid=65534 seteuid=0
    assert_output "start: real 0, effective 0, saved 0
seteuid(65534): ok: real 0, effective 65534, saved 0
seteuid(0): ok: real 0, effective 0, saved 0
setuid(65534): ok: real 65534, effective 65534, saved 65534
seteuid(0): Operation not permitted (EPERM): real 65534, effective 65534, saved 65534"
}

@test "t_setuid: an unprivileged process switches only among its own IDs" {
    run -1 as_user "$S/t_setuid" seteuid=0
    assert_line --partial "seteuid(0): Operation not permitted (EPERM)"
    run -0 as_user "$S/t_setuid" setresuid=-1,-1,-1 "setreuid=$(as_user id -u),-1"
    refute_output --partial EPERM
}

@test "t_setuid: a set-UID-root copy drops and regains through the saved ID" {
    priv_copy "$S/t_setuid" root:65534 4750
    run -1 as_user "${PRIV[@]}" seteuid=65534 seteuid=0 setresuid=-1,65534,65534 seteuid=0
    assert_output "start: real 65534, effective 0, saved 0
seteuid(65534): ok: real 65534, effective 65534, saved 0
seteuid(0): ok: real 65534, effective 0, saved 0
setresuid(-1, 65534, 65534): ok: real 65534, effective 65534, saved 65534
seteuid(0): Operation not permitted (EPERM): real 65534, effective 65534, saved 65534"
}

@test "t_setuid: user names work, and bad steps are refused before any call" {
    run -0 "$S/t_setuid" "seteuid=$(id -un)"
    assert_line --index 1 --partial "seteuid($(id -u)): ok"
    for bad in setuid=-1 setreuid=1 foo=1 setuid=nosuchuser setuid=1,2 \
        setuid=4294967295 setuid=; do
        run -2 --separate-stderr "$S/t_setuid" seteuid=0 "$bad"
        assert_output ""
    done
    run -2 --separate-stderr "$S/t_setuid" setuid=nosuchuser
    assert_equal "${stderr_lines[0]}" "t_setuid: setuid=nosuchuser: no user 'nosuchuser'"
}

# ---- owner_cat ----

@test "owner_cat: set-UID to an ordinary user, it reads that user's file, then drops" {
    daemon_file daemon 400
    priv_copy "$S/owner_cat" daemon:root 4755
    run -1 as_user cat priv/secret
    run -0 --separate-stderr as_user "${PRIV[@]}" priv/secret
    assert_output "for daemon only"
    assert_equal "$stderr" "owner_cat: opened as uid 1, gid 65534; dropped to uid 65534, gid 65534"
}

@test "owner_cat: the set-GID counterpart reads a file of its group" {
    daemon_file root:daemon 040
    priv_copy "$S/owner_cat" root:daemon 2755
    run -0 --separate-stderr as_user "${PRIV[@]}" priv/secret
    assert_output "for daemon only"
    assert_equal "$stderr" "owner_cat: opened as uid 65534, gid 1; dropped to uid 65534, gid 65534"
}

@test "owner_cat: without the mode bit the open fails" {
    daemon_file daemon 400
    priv_copy "$S/owner_cat" daemon:root 0755
    run -1 --separate-stderr as_user "${PRIV[@]}" priv/secret
    assert_equal "$stderr" "owner_cat: open priv/secret: Permission denied (EACCES)"
}

# ---- drop_priv ----

@test "drop_priv: temporary drop and regain, then a permanent drop that is verified" {
    require root
    daemon_file root 600
    # Our supplementary groups, as the kernel has them (id -G puts the
    # effective GID first, which may or may not be one of them).
    groups=$(awk '/^Groups:/ { for (i = 2; i <= NF; i++) printf " %s", $i }' /proc/self/status)
    run -0 "$S/drop_priv" -u nobody -f priv/secret
    assert_output "start: uid 0 0 0, gid 0 0 0, groups:$groups
open priv/secret: ok
temporary drop: uid 0 65534 0, gid 0 65534 0, groups: 65534
open priv/secret: Permission denied (EACCES)
regain: uid 0 0 0, gid 0 0 0, groups:$groups
open priv/secret: ok
permanent drop: uid 65534 65534 65534, gid 65534 65534 65534, groups: 65534
regain: Operation not permitted (EPERM): the drop is permanent
open priv/secret: Permission denied (EACCES)"
}

@test "drop_priv: the temporary drop leaves root's supplementary groups too" {
    require root
    daemon_file root:4 040 # readable by group 4 (adm) alone
    run -0 setpriv --groups=4 "$S/drop_priv" -u nobody -f priv/secret
    assert_line --index 0 "start: uid 0 0 0, gid 0 0 0, groups: 4"
    assert_line --index 2 "temporary drop: uid 0 65534 0, gid 0 65534 0, groups: 65534"
    assert_line --index 3 "open priv/secret: Permission denied (EACCES)"
    assert_line --index 4 "regain: uid 0 0 0, gid 0 0 0, groups: 4"
}

@test "drop_priv: a set-UID-root copy drops to its real user" {
    daemon_file root 600
    priv_copy "$S/drop_priv" root:65534 4750
    run -0 as_user "${PRIV[@]}"
    assert_line --index 0 "start: uid 65534 0 0, gid 65534 65534 65534, groups:"
    assert_line --index 1 "open /etc/shadow: ok"
    assert_line "permanent drop: uid 65534 65534 65534, gid 65534 65534 65534, groups: 65534"
    assert_line --index 8 "open /etc/shadow: Permission denied (EACCES)"
    # With root's privilege, no path of the caller's: it would tell
    # anyone whether that file exists.
    run -2 --separate-stderr as_user "${PRIV[@]}" -f /root/.bashrc
    assert_equal "$output" ""
    [[ $stderr == "drop_priv: -f is for root: a set-UID copy opens only /etc/shadow"* ]]
}

@test "drop_priv: without privilege, or to root, it refuses" {
    run -1 --separate-stderr as_user "$S/drop_priv"
    assert_equal "$stderr" "drop_priv: needs root (CAP_SETUID, CAP_SETGID): run with sudo, or make a set-UID-root copy"
    run -2 "$S/drop_priv" -u root
    run -2 "$S/drop_priv" -u nosuchuser
}

# ---- demo_secure ----

@test "demo_secure: a set-UID copy runs in secure mode and trusts no variable" {
    priv_copy "$S/demo_secure" root:65534 4750
    run -0 "${AS_USER[@]}" env ISOLAB_CONF=/tmp/evil \
        LD_PRELOAD=/nonexistent/evil.so "${PRIV[@]}"
    assert_output "euid: 0 (ruid 65534)
AT_SECURE: 1
LD_PRELOAD: (removed by the dynamic linker)
getenv ISOLAB_CONF: /tmp/evil
secure_getenv ISOLAB_CONF: (null: not trusted here)"
}

@test "demo_secure: the plain program trusts its environment" {
    preload=$(ldd "$S/demo_secure" | awk '/libc\.so/ {print $3}')
    # (An ASan build checks that its runtime is loaded first: let it be.)
    run -0 env ISOLAB_CONF=x LD_PRELOAD="$preload" \
        ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" "$S/demo_secure"
    assert_line "AT_SECURE: 0"
    assert_line "LD_PRELOAD: $preload"
    assert_line "secure_getenv ISOLAB_CONF: x"
}

@test "demo_secure: no_new_privs turns the set-UID bit off" {
    priv_copy "$S/demo_secure" root:65534 4750
    run -0 as_user setpriv --no-new-privs "${PRIV[@]}"
    assert_line "euid: 65534 (ruid 65534)"
    assert_line "AT_SECURE: 0"
}

@test "demo_secure: -x gives the borrowed IDs back before it runs the command" {
    priv_copy "$S/demo_secure" root:65534 4750
    run -0 as_user "${PRIV[@]}" -x sh -p -c 'id -u; id -g; grep -e ^Uid -e ^Gid /proc/self/status'
    assert_line "euid: 0 (ruid 65534)"
    assert_line "dropped: euid 65534, and setuid(0) fails"
    assert_line --regexp "^Uid:\s+65534\s+65534\s+65534\s+65534\$"
    assert_line --regexp "^Gid:\s+65534\s+65534\s+65534\s+65534\$"
    refute_line 0
}

@test "demo_secure: -x runs the command with PATH and nothing else" {
    run -0 env FOO=bar IFS=x "$S/demo_secure" -x env
    assert_line "PATH=/usr/sbin:/usr/bin:/sbin:/bin"
    refute_line --partial FOO=
    assert_equal "$(grep -c = <<<"$output")" 1
}
