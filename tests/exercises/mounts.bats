#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# Grading for exercises/mounts (hints: exercises/mounts/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).
# The exercises run as an unprivileged user (nobody, when the suite runs
# as root) inside a user namespace that the test makes: a broken exercise
# can then change nothing on the host, not its mounts and not its files.

load ../helper

setup() {
    require userns
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/mounts
    UCE=$ISOLAB_TOP/userns/userns_child_exec
    HOST_MOUNTS=$(awk '{print $5, $(NF-2)}' /proc/self/mountinfo | sort)
}

host_unchanged() {
    assert_equal "$(awk '{print $5, $(NF-2)}' /proc/self/mountinfo | sort)" "$HOST_MOUNTS"
}

@test "slave_mount: the slave receives the master's mounts" {
    run -0 as_user "$UCE" -r "$X/slave_mount"
    assert_line --regexp '^slave: /tmp/slave is a slave of peer group [0-9]+$'
    assert_line "master to slave: mounted /tmp/master/m, seen at /tmp/slave/m: yes"
    host_unchanged
}

@test "slave_mount: the master does not receive the slave's" {
    run -0 as_user "$UCE" -r "$X/slave_mount"
    assert_line "slave to master: mounted /tmp/slave/s, seen at /tmp/master/s: no"
    host_unchanged
}

rootfs() {
    [ -x "$ISOLAB_TOP/build/rootfs/bin/busybox" ] || skip "no container root: make rootfs"
    echo "$ISOLAB_TOP/build/rootfs"
}

@test "mini_pivot: the new root is / and the command is PID 1" {
    root=$(rootfs)
    run -0 as_user "$X/mini_pivot" "$root" sh -c 'ls /; echo "pid $$"'
    assert_output "bin
dev
etc
oldroot
proc
root
sys
tmp
pid 1"
    host_unchanged
}

@test "mini_pivot: the old root is gone and /proc is the new PID namespace's" {
    root=$(rootfs)
    run -0 as_user "$X/mini_pivot" "$root" sh -c \
        'echo "oldroot: $(ls -A /oldroot | wc -l)"; set -- /proc/[0-9]*; echo "procs: $*"; ls "$0" 2>&1 || true' "$ISOLAB_TOP"
    assert_line "oldroot: 0"
    assert_line "procs: /proc/1"
    assert_line "ls: $ISOLAB_TOP: No such file or directory"
    run -4 as_user "$X/mini_pivot" "$root" sh -c 'exit 4'
    host_unchanged
}

@test "propagation: the answer is what a fresh setup shows" {
    lab_grade mounts/propagation "$X/propagation.answer"
}

@test "options: the answer is what a fresh setup shows" {
    lab_grade mounts/options "$X/options.answer"
}
