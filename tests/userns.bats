#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# userns: user namespaces, ID maps, capabilities in a namespace
# (course chapters 17 and 18). Every test runs as root and as nobody
# (make check-rootless); what needs unprivileged user namespaces skips
# with the doctor's words where the system forbids them.

load helper

setup() {
    require userns
    cd "$BATS_TEST_TMPDIR" || return 1
    U=$ISOLAB_TOP/userns
}

@test "userns_child_exec: -r makes the caller root in the namespace, with every capability" {
    run -0 "$U/userns_child_exec" -r id -u
    assert_output 0
    run -0 "$U/userns_child_exec" -r grep -e CapEff -e CapBnd /proc/self/status
    assert_line "CapEff:	000001ffffffffff"
}

@test "userns_child_exec: the maps are written before the command runs" {
    run -0 "$U/userns_child_exec" -r cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups
    u=$(id -u)
    g=$(id -g)
    assert_line --index 0 --regexp "^ +0 +$u +1\$"
    assert_line --index 1 --regexp "^ +0 +$g +1\$"
    if [ "$u" -ne 0 ]; then
        assert_line --index 2 deny
    fi
}

@test "userns_child_exec: the same view as util-linux unshare -r" {
    require util_userns
    ours=$("$U/userns_child_exec" -r sh -c 'id -u; id -g; cat /proc/self/uid_map; grep CapEff /proc/self/status')
    theirs=$(unshare -r sh -c 'id -u; id -g; cat /proc/self/uid_map; grep CapEff /proc/self/status')
    assert_equal "$ours" "$theirs"
}

@test "userns_child_exec: outside, the child is still the caller" {
    spawn "$U/userns_child_exec" -r sleep 30
    wait_for pgrep -P "$SPAWNED" sleep
    child=$(pgrep -P "$SPAWNED" sleep)
    run grep '^Uid:' "/proc/$child/status"
    u=$(id -u)
    assert_output "Uid:	$u	$u	$u	$u"
    [ "$(stat -L -c %i "/proc/$child/ns/user")" != "$(stat -L -c %i /proc/self/ns/user)" ]
}

@test "userns_child_exec: other namespaces, owned by the new user namespace" {
    run -0 "$U/userns_child_exec" -rpmu sh -c 'echo $$; hostname inside; hostname'
    assert_output "1
inside"
    [ "$(hostname)" != inside ]
}

@test "userns_child_exec: passes on the command's exit status" {
    run -7 "$U/userns_child_exec" -r sh -c 'exit 7'
    run -127 "$U/userns_child_exec" -r no-such-command-isolab
    run -137 "$U/userns_child_exec" -r sh -c 'kill -KILL $$'
}

@test "userns_child_exec: an unprivileged caller may map only its own UID" {
    require nonroot
    run -1 --separate-stderr "$U/userns_child_exec" -M '0 0 1' id
    assert_equal "${stderr_lines[0]}" "userns_child_exec: write /proc/${stderr_lines[0]#*/proc/}"
    [[ ${stderr_lines[0]} == *"/uid_map '0 0 1': Operation not permitted (EPERM)" ]]
    [[ ${stderr_lines[1]} == *"one line mapping"* ]]
}

@test "userns_child_exec: root may map ranges" {
    require root
    run -0 "$U/userns_child_exec" -M '0 100000 1000' -G '0 100000 1000' cat /proc/self/uid_map
    assert_output --regexp '^ +0 +100000 +1000$'
}

@test "userns_child_exec: a malformed map is refused with EINVAL" {
    run -1 --separate-stderr "$U/userns_child_exec" -M '0 1' id
    [[ ${stderr_lines[0]} == *"Invalid argument (EINVAL)" ]]
}

@test "demo_userns: overflow IDs and every capability before the maps, root after" {
    run -0 "$U/demo_userns"
    u=$(id -u)
    assert_output "child before the maps: euid 65534, egid 65534
child before the maps: CapEff 000001ffffffffff
parent: wrote uid_map '0 $u 1' and gid_map '0 $(id -g) 1'
parent: the child seen from outside: Uid $u
child after the maps: euid 0, egid 0
child after the maps: CapEff 000001ffffffffff"
}

@test "demo_maps: the rules for an unprivileged writer" {
    require nonroot
    run -0 "$U/demo_maps"
    u=$(id -u)
    g=$(id -g)
    assert_output "uid_map '0 $u 1' (our own UID): allowed
uid_map written a second time: refused (EPERM)
uid_map '0 0 1' (another UID): refused (EPERM)
uid_map '0 $u 1,1 100000 1' (two lines): refused (EPERM)
gid_map '0 $g 1' before setgroups is denied: refused (EPERM)
setgroups 'deny': allowed
gid_map '0 $g 1' after setgroups 'deny': allowed
uid_map (so that the child is root inside): allowed
setgroups() inside after 'deny': refused (EPERM)"
}

@test "demo_maps: root may map other IDs and ranges; a map is still written once" {
    require root
    run -0 "$U/demo_maps"
    assert_line "uid_map written a second time: refused (EPERM)"
    assert_line "uid_map '0 65534 1' (another UID): allowed"
    assert_line "uid_map '0 0 1,1 100000 1' (two lines): allowed"
    assert_line "gid_map '0 0 1' before setgroups is denied: allowed"
    assert_line "setgroups() inside after 'deny': refused (EPERM)"
}

@test "demo_userns_caps: every capability inside, no power over the initial namespaces" {
    if [ "$(id -u)" -eq 0 ]; then
        # A file of a UID that has no mapping inside, readable only by it.
        root_only=$(user_tmpdir)/secret
        echo secret >"$root_only"
        chown 12345:12345 "$root_only"
        chmod 600 "$root_only"
        run -0 as_user "$U/userns_child_exec" -r "$U/demo_userns_caps" -f "$root_only"
    else
        root_only=/etc/shadow
        [ -e "$root_only" ] && ! [ -r "$root_only" ] ||
            skip "no file here that only root may read (/etc/shadow)"
        run -0 "$U/userns_child_exec" -r "$U/demo_userns_caps" -f "$root_only"
    fi
    assert_output "CapEff: 000001ffffffffff
sethostname in our UTS namespace: refused (EPERM)
open $root_only: refused (EACCES)
unshare a UTS namespace: allowed
sethostname in the new UTS namespace: allowed
unshare a mount namespace: allowed
mount tmpfs in the new mount namespace: allowed
unshare a PID namespace: allowed
mount proc for a new PID namespace: allowed, and we are PID 1 there
unshare a network namespace: allowed"
}

@test "demo_userns_caps: without a user namespace an ordinary user may do none of it" {
    run -0 as_user "$U/demo_userns_caps" -f /nonexistent
    assert_line "CapEff: 0000000000000000"
    assert_line "sethostname in our UTS namespace: refused (EPERM)"
    assert_line "unshare a UTS namespace: refused (EPERM)"
    assert_line "unshare a mount namespace: refused (EPERM)"
    assert_line "unshare a network namespace: refused (EPERM)"
}

@test "userns_chain: walks from a nested namespace up to the initial one" {
    spawn "$U/userns_child_exec" -r "$U/userns_child_exec" -r sleep 31
    wait_for descendant "$SPAWNED" sleep
    inner=$(descendant "$SPAWNED" sleep)
    run -0 "$U/userns_chain" "$inner"
    assert_equal "${#lines[@]}" 3
    assert_line --index 0 --regexp "^user ns $(stat -L -c %i "/proc/$inner/ns/user"), owner uid $(id -u)\$"
    assert_line --index 2 --regexp "^user ns $(stat -L -c %i /proc/self/ns/user), owner uid 0: top \(the initial user namespace\)\$"
}

@test "userns_chain: from inside, the parent cannot be seen" {
    run -0 "$U/userns_child_exec" -r "$U/userns_chain"
    assert_output --regexp '^user ns [0-9]+, owner uid 0: top \(no parent we may see\)$'
    run -1 "$U/userns_chain" /etc/hostname
}

@test "demo_setns_user: joining the namespace our UID created grants every capability" {
    spawn "$U/userns_child_exec" -r sleep 34
    wait_for descendant "$SPAWNED" sleep
    target=$(descendant "$SPAWNED" sleep)
    run -0 as_user true # (the namespace is ours whoever we are)
    run -0 "$U/demo_setns_user" "$target" id -u
    assert_line --index 1 "after: euid 0, CapEff 000001ffffffffff"
    assert_line --index 2 0
    # A command that is not there: 127, as a shell says, not 1.
    run -127 "$U/demo_setns_user" "$target" isolab-no-such-command
    assert_line --partial "isolab-no-such-command"
}

@test "demo_setns_user: our own namespace again is EINVAL" {
    run -1 --separate-stderr bash -c "exec '$U/demo_setns_user' \$\$"
    assert_equal "$stderr" "demo_setns_user: setns /proc/${stderr#*/proc/}"
    [[ $stderr == *"Invalid argument (EINVAL)" ]]
}

@test "execve in a user namespace: UID 0 keeps its capabilities, another UID loses them" {
    run -0 "$U/userns_child_exec" -r grep CapEff /proc/self/status
    assert_output "CapEff:	000001ffffffffff"
    # Our UID mapped to 1000 inside: the command is not root there, and
    # execve() clears its capabilities as for any non-root program.
    run -0 "$U/userns_child_exec" -M "1000 $(id -u) 1" sh -c 'id -u; grep -e CapPrm -e CapEff /proc/self/status'
    assert_output "1000
CapPrm:	0000000000000000
CapEff:	0000000000000000"
}

@test "namespaced file capabilities: set inside, recorded with the root ID, void outside" {
    require cmd setcap
    require cmd getcap
    dir=$(user_tmpdir)
    cp "$ISOLAB_TOP/procs/proc_status" "$dir/ps_copy"
    [ "$(id -u)" -ne 0 ] || chown "$ISOLAB_USER_ID:$ISOLAB_USER_ID" "$dir/ps_copy"
    # Inside: root of a namespace made by the file's owner may set file
    # capabilities; the kernel stores them as version 3 with that root ID.
    run -0 as_user "$U/userns_child_exec" -r setcap cap_net_raw+ep "$dir/ps_copy"
    run -0 getcap -n "$dir/ps_copy"
    owner=$(stat -c %u "$dir/ps_copy")
    assert_output --regexp "cap_net_raw=ep \\[rootid=$owner\\]\$"
    # Outside, the capability means nothing: run by its owner it gets none.
    run -0 as_user "$dir/ps_copy"
    assert_line "CapPrm: 0000000000000000"
}

# as_range_owner CMD...: run CMD as UID 100000 holding CAP_SETUID and
# CAP_SETGID (ambient), so that it may map the range 100000-100001 and
# its own UID becomes 0 inside: root outside is not needed inside.
as_range_owner() {
    setpriv --reuid=100000 --regid=100000 --clear-groups \
        --inh-caps=+setuid,+setgid --ambient-caps=+setuid,+setgid -- "$@"
}

# A directory that UIDs 100000 and 100001 can reach.
open_dir() {
    chmod o+x "$BATS_RUN_TMPDIR" "$(dirname "$BATS_TEST_TMPDIR")" "$BATS_TEST_TMPDIR"
    mkdir -m 755 open
    echo "$BATS_TEST_TMPDIR/open"
}

@test "namespaced file capabilities: a non-root UID inside gains them, only there" {
    require root
    require cmd setcap
    require suid_fs "$BATS_TEST_TMPDIR"
    dir=$(open_dir)
    cp "$ISOLAB_TOP/procs/proc_status" "$dir/ps_copy"
    chown 100000:100000 "$dir/ps_copy"
    # UIDs 0 and 1 inside are 100000 and 100001 outside.
    run -0 as_range_owner "$U/userns_child_exec" -M '0 100000 2' -G '0 100000 2' \
        sh -c "setcap cap_net_raw+ep '$dir/ps_copy' && setpriv --reuid=1 --regid=1 --clear-groups '$dir/ps_copy'"
    assert_line "Uid: real 1, effective 1, saved 1, filesystem 1"
    assert_line "CapPrm: 0000000000002000"
    assert_line "CapEff: 0000000000002000"
    run -0 getcap -n "$dir/ps_copy"
    assert_output --regexp 'cap_net_raw=ep \[rootid=100000\]$'
    # The same file run outside by UID 100001: nothing.
    run -0 setpriv --reuid=100001 --regid=100001 --clear-groups "$dir/ps_copy"
    assert_line "CapPrm: 0000000000000000"
}

@test "set-UID-root in a user namespace: root there, and only there" {
    require root
    [ -z "${ISOLAB_SANITIZE:-}" ] ||
        skip "AddressSanitizer does not run set-UID programs (secure mode)"
    require suid_fs "$BATS_TEST_TMPDIR"
    dir=$(open_dir)
    cp "$ISOLAB_TOP/procs/proc_status" "$dir/su_copy"
    chown 100000:100000 "$dir/su_copy"
    chmod 4755 "$dir/su_copy"
    # Owned by the UID that is 0 inside: run by UID 1 there, it is root.
    run -0 as_range_owner "$U/userns_child_exec" -M '0 100000 2' -G '0 100000 2' \
        setpriv --reuid=1 --regid=1 --clear-groups "$dir/su_copy"
    assert_line "Uid: real 1, effective 0, saved 0, filesystem 0"
    assert_line "CapEff: 000001ffffffffff"
    # Outside it is set-UID to 100000, an ordinary user: no capabilities.
    run -0 setpriv --reuid=100001 --regid=100001 --clear-groups "$dir/su_copy"
    assert_line "Uid: real 100001, effective 100000, saved 100000, filesystem 100000"
    assert_line "CapEff: 0000000000000000"
}

@test "userns_child_exec: a caller with CAP_SETGID keeps setgroups allowed" {
    require root
    run -0 as_range_owner "$U/userns_child_exec" -M '0 100000 2' -G '0 100000 2' cat /proc/self/setgroups
    assert_output allow
}

@test "userns_child_exec: where user namespaces are forbidden, it says which switch, with status 77" {
    # user.max_user_namespaces is counted per user namespace: set to 0
    # inside one of our own, it forbids nesting there and nowhere else.
    run -0 --separate-stderr "$U/userns_child_exec" -r sh -c \
        "echo 0 >/proc/sys/user/max_user_namespaces && '$U/userns_child_exec' -r true; echo \$?"
    assert_output 77
    assert_equal "$stderr" "userns_child_exec: clone3: No space left on device (ENOSPC)
userns_child_exec: user namespaces are disabled: user.max_user_namespaces = 0 (make doctor shows the fix)"
    [ "$(cat /proc/sys/user/max_user_namespaces)" -gt 0 ]
}

@test "userns_child_exec: a map refused where AppArmor restricts user namespaces names that, with status 77" {
    require root
    # The sysctl file faked in a mount namespace of the test's own; the
    # map is one an unprivileged user may not write (another UID), so the
    # kernel refuses it with EPERM as Ubuntu's restriction would.
    run -0 --separate-stderr unshare -m sh -c '
        mount -t tmpfs -o mode=755 isolab-sysctl /proc/sys/kernel &&
        echo 1 >/proc/sys/kernel/apparmor_restrict_unprivileged_userns &&
        setpriv --reuid=65534 --regid=65534 --clear-groups "$1" -M "0 0 1" true
        echo $?' sh "$U/userns_child_exec"
    assert_output 77
    assert_equal "${stderr_lines[1]}" "userns_child_exec: AppArmor restricts unprivileged user namespaces: kernel.apparmor_restrict_unprivileged_userns = 1 (make doctor shows the fix)"
    assert_equal "${#stderr_lines[@]}" 2
}

@test "doctor: names the same switch when user namespaces are forbidden" {
    run -0 "$U/userns_child_exec" -r sh -c \
        "echo 0 >/proc/sys/user/max_user_namespaces && '$ISOLAB_TOP/tools/doctor'"
    assert_line "  NO  user namespaces: user namespaces are disabled: user.max_user_namespaces = 0"
    assert_line "        fix: sysctl -w user.max_user_namespaces=15000"
}

@test "userns_child_exec: a refused map is explained, every line starting with its name" {
    require userns
    run -1 --separate-stderr as_user "$U/userns_child_exec" -M 'x y' true
    assert_equal "${#stderr_lines[@]}" 2
    assert_equal "${stderr_lines[1]}" "userns_child_exec: (a map line is 'INSIDE OUTSIDE COUNT'; ranges may not overlap)"
    [[ ${stderr_lines[0]} == "userns_child_exec: write /proc/"*"/uid_map 'x y': Invalid argument (EINVAL)" ]]
}

@test "demo_userns_files: capabilities count over mapped owners only; unmapped shows 65534; chown to an unmapped UID is EINVAL; a file made inside is the mapped UID's outside" {
    local me
    me=$(id -u)
    # Run by root, the demo becomes nobody first: root is mapped nowhere.
    [ "$me" -ne 0 ] || me=65534
    run -0 --separate-stderr "$U/demo_userns_files"
    assert_equal "$stderr" ""
    assert_output "outside: the namespace's root is uid $me out here
inside: ours (mode 000): owner 0; read: ok
inside: /: owner 65534
inside: open /etc/shadow: Permission denied (EACCES)
inside: chown ours to uid 1: Invalid argument (EINVAL)
inside: made theirs, as uid 0
outside: theirs: owner $me"
    # Its files are gone with it.
    run -0 find "${TMPDIR:-/tmp}" /tmp -maxdepth 1 -name 'demo_userns_files.*'
    assert_output ""
}

@test "demo_userns_files: as an ordinary user too" {
    require root # (as nobody, the test above is this one)
    run -0 as_user "$U/demo_userns_files"
    assert_line --index 0 "outside: the namespace's root is uid $ISOLAB_USER_ID out here"
    assert_line --index 1 "inside: ours (mode 000): owner 0; read: ok"
    assert_line --index 6 "outside: theirs: owner $ISOLAB_USER_ID"
}
