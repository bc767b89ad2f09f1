#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $i in single quotes is for the inner shell
# Grading for exercises/cgroups (hints: exercises/cgroups/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).
# Every program works in a cgroup the test made under the kit's subtree
# (-P, or the directory given); teardown removes it and anything in it.

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/cgroups
}

# The sleeps a fork bomb leaves behind, should a broken jail let them go:
# their length names this run (another run's are not ours to count or kill).
run_digits=${ISOLAB_RUN_ID:-$$}
BOMB_SLEEP=30.${run_digits//./}
local_teardown() {
    # Ours only: our UID, and the whole command line exactly this.
    pkill -KILL -u "$(id -u)" -xf "sleep $BOMB_SLEEP" 2>/dev/null || true
}

@test "fork_jail: the command's processes stop at MAX, and the limit says so" {
    cg_for pids
    # (sh gives up at the first failed fork; bash would retry for seconds)
    run --separate-stderr "$X/fork_jail" -n 10 -P "$CG" \
        sh -c "for i in \$(seq 30); do sleep $BOMB_SLEEP >/dev/null 2>&1 & done"
    [[ "$stderr" =~ pids.events\ max:\ ([0-9]+) ]]
    [ "${BASH_REMATCH[1]}" -ge 1 ]
}

@test "fork_jail: nothing the command left behind survives it" {
    cg_for pids
    run -0 --separate-stderr "$X/fork_jail" -n 10 -P "$CG" \
        sh -c "for i in \$(seq 5); do sleep $BOMB_SLEEP >/dev/null 2>&1 & done"
    run pgrep -u "$(id -u)" -xf "sleep $BOMB_SLEEP"
    assert_output ""
    run -0 find "$CG" -mindepth 1 -type d
    assert_output ""
}

@test "fork_jail: passes on the command's exit status" {
    cg_for pids
    run -3 --separate-stderr "$X/fork_jail" -P "$CG" sh -c 'exit 3'
    run -127 --separate-stderr "$X/fork_jail" -P "$CG" /nonexistent/cmd
}

@test "wait_empty: returns only once the last process has left" {
    if check_cgroup v2; then cg_for v2; else cg_for pids; fi
    spawn sleep 0.5
    echo "$SPAWNED" >"$CG/cgroup.procs"
    run -0 "$X/wait_empty" "$CG"
    assert_output "$CG: empty"
    if kill -0 "$SPAWNED" 2>/dev/null && [ "$(proc_state_of "$SPAWNED")" != Z ]; then
        echo "wait_empty returned while $SPAWNED was still in the cgroup"
        return 1
    fi
}

proc_state_of() {
    awk '{print $3}' "/proc/$1/stat" 2>/dev/null
}

@test "wait_empty: an empty cgroup at once; not a cgroup is an error" {
    if check_cgroup v2; then cg_for v2; else cg_for pids; fi
    run -0 "$X/wait_empty" "$CG"
    assert_output "$CG: empty"
    run -1 "$X/wait_empty" /tmp
}

@test "delegate_to: the directory and the subtree manager's files, nothing more" {
    require root
    if check_cgroup v2; then cg_for v2; else cg_for pids; fi
    run -0 "$X/delegate_to" nobody "$CG"
    assert_equal "$(stat -c %u "$CG")" 65534
    assert_equal "$(stat -c %u "$CG/cgroup.procs")" 65534
    if [ -e "$CG/cgroup.controllers" ]; then
        assert_equal "$(stat -c %u "$CG/cgroup.threads")" 65534
        assert_equal "$(stat -c %u "$CG/cgroup.subtree_control")" 65534
        assert_equal "$(stat -c %u "$CG/cgroup.max.descendants")" 0
    else
        assert_equal "$(stat -c %u "$CG/tasks")" 65534
        assert_equal "$(stat -c %u "$CG/notify_on_release")" 0
    fi
}

@test "delegate_to: the user can then make a cgroup and move its process into it" {
    require root
    if check_cgroup v2; then cg_for v2; else cg_for pids; fi
    run -0 "$X/delegate_to" nobody "$CG"
    spawn as_user sleep 30
    echo "$SPAWNED" >"$CG/cgroup.procs"
    run -0 as_user sh -c 'mkdir "$1/sub" && echo "$2" > "$1/sub/cgroup.procs"' sh "$CG" "$SPAWNED"
    run -0 cat "$CG/sub/cgroup.procs"
    assert_output "$SPAWNED"
}

@test "thread_split: the two threads end up in a and in b" {
    if check_cgroup v2; then cg_for v2; else cg_for pids; fi
    run -0 "$X/thread_split" -P "$CG"
    assert_line --regexp '^thread [0-9]+: [0-9]+:[a-z]*:/.*/isolab\.thread_split\.[0-9]+/a$'
    assert_line --regexp '^thread [0-9]+: [0-9]+:[a-z]*:/.*/isolab\.thread_split\.[0-9]+/b$'
    run -0 find "$CG" -mindepth 1 -type d
    assert_output ""
}

@test "limits: the answer is what a fresh setup shows" {
    lab_grade cgroups/limits "$X/limits.answer"
}

@test "busy: the answer is what a fresh setup shows" {
    lab_grade cgroups/busy "$X/busy.answer"
}

@test "pressure: the answer is what a fresh setup shows" {
    lab_grade cgroups/pressure "$X/pressure.answer"
}
