#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# Grading for exercises/troubleshoot, the troubleshooting labs (hints:
# exercises/troubleshoot/README.md). ISOLAB_TREE: solutions (make check,
# the default) or exercises (make grade). Launchers that need privilege
# run inside a user namespace the test makes, as nobody when the suite
# runs as root: a broken one can change nothing on the host.

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/troubleshoot
    UCE=$ISOLAB_TOP/userns/userns_child_exec
}

@test "map_root: an ordinary user becomes root of a new user namespace" {
    require userns
    run -0 as_user "$X/map_root" sh -c 'id -u; id -g; cat /proc/self/setgroups'
    assert_output "0
0
deny"
}

@test "pidns_run: the command is PID 1 of the new namespace" {
    require userns
    run -0 as_user "$UCE" -r "$X/pidns_run" sh -c 'echo $$; echo $PPID'
    assert_output "1
0"
}

@test "pidns_run: passes on the command's exit status" {
    require userns
    run -5 as_user "$UCE" -r "$X/pidns_run" sh -c 'exit 5'
}

@test "cap_drop: the command, run as root, lacks the capability for good" {
    require userns
    # What the launcher says on stderr is its own affair: only the
    # command's view of its sets is graded.
    run -0 --separate-stderr as_user "$UCE" -r "$X/cap_drop" net_raw \
        grep -E '^Cap(Prm|Bnd):' /proc/self/status
    assert_equal "${#lines[@]}" 2
    for line in "${lines[@]}"; do
        mask=${line##*	}
        if [ $((0x$mask & (1 << 13))) -ne 0 ]; then
            echo "cap_net_raw (bit 13) is still in: $line"
            return 1
        fi
    done
}

@test "nnp_filter: works for an ordinary user, and the filter holds" {
    require seccomp
    run -0 as_user "$X/nnp_filter" "$ISOLAB_TOP/tests/bin/try_call" socket inet
    assert_output "socket: Operation not permitted (EPERM)"
    run -0 as_user "$X/nnp_filter" grep NoNewPrivs /proc/self/status
    assert_output "NoNewPrivs:	1"
}

@test "pivot_launch: the command runs with ROOT as its root" {
    require userns
    [ -x "$ISOLAB_TOP/build/rootfs/bin/busybox" ] || skip "no container root: make rootfs"
    run -0 as_user "$UCE" -r "$X/pivot_launch" "$ISOLAB_TOP/build/rootfs" sh -c 'ls /; ls -A /oldroot; echo end'
    assert_line bin
    assert_line etc
    assert_line --index "$((${#lines[@]} - 1))" end
    refute_line --partial "$(basename "$ISOLAB_TOP")"
}

@test "cgroup_run: the command runs in a cgroup of its own, removed afterwards" {
    require root
    require cgroup pids
    cg=$(kit_cgroup pids)
    run -3 "$X/cgroup_run" -P "$cg" sh -c 'grep -e pids -e "^0::" /proc/self/cgroup | head -1; exit 3'
    assert_output --regexp 'isolab\.cgroup_run\.[0-9]+$'
    run -0 find "$cg" -mindepth 1 -type d
    assert_output ""
}

@test "cgroup_run: says nothing on stderr when all went well" {
    require root
    require cgroup pids
    cg=$(kit_cgroup pids)
    run -0 --separate-stderr "$X/cgroup_run" -P "$cg" true
    assert_equal "$stderr" ""
}
