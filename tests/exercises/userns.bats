#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# Grading for exercises/userns (hints: exercises/userns/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).

load ../helper

setup() {
    require userns
    cd "$BATS_TEST_TMPDIR" || return 1
    U=$ISOLAB_TOP/userns
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/userns
}

@test "uidmap_exec: the command runs as root in the new namespace" {
    run -0 "$X/uidmap_exec" id -u
    assert_output 0
    run -0 "$X/uidmap_exec" id -g
    assert_output 0
}

@test "uidmap_exec: the maps map our own IDs, and setgroups is denied when we are not root" {
    run -0 "$X/uidmap_exec" cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups
    assert_line --index 0 --regexp "^ +0 +$(id -u) +1\$"
    assert_line --index 1 --regexp "^ +0 +$(id -g) +1\$"
    [ "$(id -u)" -eq 0 ] || assert_line --index 2 deny
}

@test "uidmap_exec: passes on the command's status; behaves as unshare -r" {
    run -3 "$X/uidmap_exec" sh -c 'exit 3'
    run -127 "$X/uidmap_exec" no-such-command-isolab
    require util_userns
    assert_equal "$("$X/uidmap_exec" sh -c 'id; grep CapEff /proc/self/status')" \
        "$(unshare -r sh -c 'id; grep CapEff /proc/self/status')"
}

# container_shell runs inside a user namespace that the test makes, so
# that a broken one cannot touch the host's hostname or mounts.

@test "container_shell: root, PID 1 and its own hostname" {
    run -0 "$U/userns_child_exec" -r "$X/container_shell" -n box sh -c 'id -u; echo $$; hostname'
    assert_output "0
1
box"
    [ "$(hostname)" != box ]
}

@test "container_shell: /proc shows only the container's processes" {
    run -0 "$U/userns_child_exec" -r "$X/container_shell" sh -c 'ls /proc | grep -c "^[0-9]"'
    [ "$output" -le 3 ]
    run -0 "$U/userns_child_exec" -r "$X/container_shell" sh -c 'readlink /proc/self/ns/pid; readlink /proc/1/ns/pid'
    assert_equal "${lines[0]}" "${lines[1]}"
    [ "${lines[0]}" != "$(readlink /proc/self/ns/pid)" ]
}

@test "container_shell: the host's mount table does not change; the default hostname" {
    before=$(awk '{print $5}' /proc/self/mountinfo | sort)
    run -0 "$U/userns_child_exec" -r "$X/container_shell" sh -c 'hostname; grep -c " /proc " /proc/self/mountinfo'
    assert_line --index 0 container
    after=$(awk '{print $5}' /proc/self/mountinfo | sort)
    assert_equal "$after" "$before"
    run -5 "$U/userns_child_exec" -r "$X/container_shell" sh -c 'exit 5'
}

@test "ns_capable: the creator's UID owns a namespace: every capability (rule 3)" {
    spawn "$U/userns_child_exec" -r -u sleep 32
    wait_for descendant "$SPAWNED" sleep
    target=$(descendant "$SPAWNED" sleep)
    run -0 bash -c "exec '$X/ns_capable' \$\$ cap_sys_admin /proc/$target/ns/uts"
    assert_line --regexp '^rule 3: '
    assert_line "answer: yes"
}

@test "ns_capable: an ordinary process over the initial namespaces (rule 1), and a member over its parent's" {
    run -0 as_user bash -c "exec '$X/ns_capable' \$\$ cap_sys_admin /proc/\$\$/ns/uts"
    assert_line --regexp '^rule 1: '
    assert_line "answer: no"
    spawn "$U/userns_child_exec" -r sleep 33
    wait_for descendant "$SPAWNED" sleep
    inside=$(descendant "$SPAWNED" sleep)
    run -0 "$X/ns_capable" "$inside" cap_sys_admin /proc/self/ns/uts
    assert_line --regexp '^no rule: '
    assert_line "answer: no"
    run -2 "$X/ns_capable" "$inside" cap_no_such /proc/self/ns/uts
}

@test "read_map: the answer is what a fresh setup shows" {
    lab_grade userns/read_map "$X/read_map.answer"
}

@test "chain: the answer is what a fresh setup shows" {
    lab_grade userns/chain "$X/chain.answer"
}
