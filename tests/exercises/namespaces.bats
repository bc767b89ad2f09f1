#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# Grading for exercises/namespaces (hints: exercises/namespaces/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).
# Every check that runs an exercise with privilege runs it inside a user
# namespace that the test makes: a broken exercise (one that forgets to
# create its namespace) then gets EPERM instead of changing the host.

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/namespaces
    UCE=$ISOLAB_TOP/userns/userns_child_exec
}

# run_ns CMD...: run CMD as root of a new user namespace, root or not:
# it has no power over the host's own namespaces from there.
run_ns() {
    require userns
    run "$UCE" -r "$@"
}

@test "my_unshare: -u gives the command a UTS namespace of its own" {
    run_ns "$X/my_unshare" -u sh -c 'hostname mine && hostname && readlink /proc/self/ns/uts'
    assert_success
    assert_line --index 0 mine
    [ "${lines[1]}" != "$(readlink /proc/self/ns/uts)" ]
    [ "$(hostname)" != mine ]
}

@test "my_unshare: -p with -f makes the command PID 1; the status comes back" {
    run_ns "$X/my_unshare" -pf sh -c 'echo $$'
    assert_success
    assert_output 1
    run_ns "$X/my_unshare" -pf sh -c 'exit 6'
    assert_failure 6
}

@test "my_unshare: a new mount namespace is private: a mount inside stays inside" {
    before=$(awk '{print $5}' /proc/self/mountinfo | sort)
    run_ns "$X/my_unshare" -m sh -c 'mount -t tmpfs isolab-probe /tmp && grep -c isolab-probe /proc/self/mountinfo'
    assert_success
    assert_output 1
    assert_equal "$(awk '{print $5}' /proc/self/mountinfo | sort)" "$before"
}

@test "my_ns_exec: joins the UTS namespace of a target" {
    require userns
    spawn "$UCE" -ru sh -c 'hostname joined; exec sleep 39'
    wait_for descendant "$SPAWNED" sleep
    t=$(descendant "$SPAWNED" sleep)
    run -0 "$X/my_ns_exec" "/proc/$t/ns/uts" "/proc/$t/ns/user" -- hostname
    assert_output joined
}

@test "my_ns_exec: several namespaces at once, the user namespace first" {
    require userns
    spawn "$UCE" -run sh -c 'hostname both; exec sleep 40'
    wait_for descendant "$SPAWNED" sleep
    t=$(descendant "$SPAWNED" sleep)
    run -0 "$X/my_ns_exec" "/proc/$t/ns/net" "/proc/$t/ns/uts" "/proc/$t/ns/user" -- \
        sh -c 'hostname; readlink /proc/self/ns/net; id -u'
    assert_equal "${lines[0]}" both
    assert_equal "${lines[1]}" "$(readlink "/proc/$t/ns/net")"
    assert_equal "${lines[2]}" 0
}

@test "my_ns_exec: a file that is no namespace is an error naming it" {
    run -1 --separate-stderr "$X/my_ns_exec" /etc/hostname -- true
    assert_equal "$stderr" "my_ns_exec: setns /etc/hostname: Invalid argument (EINVAL)"
}

@test "ns_share: a process shares every namespace with itself" {
    run -0 "$X/ns_share" $$ $$
    for t in cgroup ipc mnt net pid time user uts; do
        assert_line "$t: shared ($(stat -L -c %i /proc/$$/ns/$t))"
    done
}

@test "ns_share: a process in new user and UTS namespaces differs in those only" {
    require userns
    spawn "$UCE" -ru sleep 41
    wait_for descendant "$SPAWNED" sleep
    t=$(descendant "$SPAWNED" sleep)
    run -0 "$X/ns_share" $$ "$t"
    assert_line "user: different ($(stat -L -c %i /proc/$$/ns/user) $(stat -L -c %i "/proc/$t/ns/user"))"
    assert_line "uts: different ($(stat -L -c %i /proc/$$/ns/uts) $(stat -L -c %i "/proc/$t/ns/uts"))"
    assert_line "net: shared ($(stat -L -c %i /proc/$$/ns/net))"
    run -1 "$X/ns_share" $$ 999999999
}

# no_zombies: inside the namespace, wait (5 s at most) for its processes
# to show no zombie, and print how many there were at the end.
NO_ZOMBIES='sh -c "true &"; i=0; while ps -e -o stat= | grep -q Z && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; ps -e -o stat= | grep -c Z; exit 3'

@test "mini_init: as PID 1 it reaps orphans and passes on the command's status" {
    require userns
    run "$ISOLAB_TOP/namespaces/unshare" -rpf --mount-proc "$X/mini_init" sh -c "$NO_ZOMBIES"
    assert_output 0
    assert_failure 3
}

@test "mini_init: SIGTERM sent to it reaches the command" {
    require userns
    out=$BATS_TEST_TMPDIR/out
    # The init is unshare's child.
    spawn "$ISOLAB_TOP/namespaces/unshare" -rpf "$X/mini_init" sh -c "$(trapper TERM 3)" >"$out"
    caught "$out" "$SPAWNED" init TERM 3
}

@test "ns_differ: the answer is what a fresh setup shows" {
    lab_grade namespaces/ns_differ "$X/ns_differ.answer"
}

@test "pid_inside: the answer is what a fresh setup shows" {
    lab_grade namespaces/pid_inside "$X/pid_inside.answer"
}
