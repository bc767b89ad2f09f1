#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# Grading for exercises/container: the runtime in six levels (hints:
# exercises/container/README.md). ISOLAB_TREE: solutions (make check, the
# default) or exercises (make grade). The program always runs as an
# ordinary user (nobody, when the suite runs as root): a level not yet
# done changes nothing on the host, it only fails its checks.

load ../helper

setup() {
    require userns
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/container/mini_container
    [ -x "$ISOLAB_TOP/build/rootfs/bin/escape_probe" ] ||
        skip "no container root: make rootfs"
}

@test "mini_container: level 1: root of a user namespace, with its own hostname" {
    run -0 as_user "$X" -H box sh -c 'id -u; id -g; hostname'
    assert_output "0
0
box"
    [ "$(hostname)" != box ]
}

@test "mini_container: level 2: / is the busybox root, the host's is gone" {
    run -0 as_user "$X" sh -c 'ls /; ls -A /oldroot; test -e "$1" && echo host-visible; true' sh "$ISOLAB_TOP"
    assert_line bin
    assert_line oldroot
    refute_line host-visible
    assert_equal "${#lines[@]}" "$(find "$ISOLAB_TOP/build/rootfs" -mindepth 1 -maxdepth 1 | wc -l)"
}

@test "mini_container: level 3: PID 1, a /proc of its own, the status passed on" {
    run -0 as_user "$X" sh -c 'echo $$; cat /proc/1/comm; ps -o pid | tail -n +2 | sort -n | tail -1'
    assert_line --index 0 2
    assert_line --index 1 mini_container
    # The highest PID in view is a few: only the container's processes.
    [ "${lines[2]}" -lt 20 ]
    run -7 as_user "$X" sh -c 'exit 7'
}

@test "mini_container: level 4: -p stops a fork bomb at the limit" {
    require root
    require cgroup pids
    cg=$(kit_cgroup pids)
    # Delegate the test's cgroup to nobody, put the launcher there, and
    # run it as nobody: as in a rootless container on a systemd machine.
    chown -R "$ISOLAB_USER_ID" "$cg"
    run sh -c 'echo $$ > "$1/cgroup.procs" && exec setpriv --reuid=65534 --regid=65534 --clear-groups "$2" -p 8 -P "$1" sh -c "for i in \$(seq 20); do sleep 1 & done 2>&1; wait" 2>&1' \
        sh "$cg" "$X"
    assert_output --partial "can't fork"
    run -0 find "$cg" -mindepth 1 -type d
    assert_output ""
}

@test "mini_container: level 5: the bounding set of a mainstream runtime" {
    run -0 as_user "$X" grep -e CapBnd -e CapEff /proc/self/status
    assert_line "CapBnd:	00000000a80425fb"
    assert_line "CapEff:	00000000a80425fb"
}

@test "mini_container: level 6: no_new_privs, a filter, and the way out refused" {
    run -0 as_user "$X" grep -e NoNewPrivs -e '^Seccomp:' /proc/self/status
    assert_output "NoNewPrivs:	1
Seccomp:	2"
    run -0 as_user "$X" /bin/escape_probe unshare clone clone3 setns mount pivot_root keyctl ptrace bpf io_uring reboot module
    refute_output --partial ALLOWED
}

@test "inside: the answer is what a fresh setup shows" {
    lab_grade container/inside "${X%/*}/inside.answer"
}

@test "refused: the answer is what a fresh setup shows" {
    lab_grade container/refused "${X%/*}/refused.answer"
}

@test "limits: the answer is what a fresh setup shows" {
    lab_grade container/limits "${X%/*}/limits.answer"
}
