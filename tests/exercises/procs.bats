#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# Grading for exercises/procs (hints: exercises/procs/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/procs
}

@test "procs_of_user: lists a process of the user with its name" {
    spawn sleep 55
    run -0 "$X/procs_of_user" "$(id -un)"
    assert_line "$SPAWNED sleep"
    assert_line --regexp '^[0-9]+ procs_of_user$'
}

@test "procs_of_user: leaves out other users' processes" {
    require root
    spawn as_user sleep 56
    run -0 "$X/procs_of_user" nobody
    assert_line "$SPAWNED sleep"
    refute_line --regexp '^1 '
    run -0 "$X/procs_of_user" root
    refute_line "$SPAWNED sleep"
}

@test "procs_of_user: takes a numeric UID; an unknown name is a usage error" {
    spawn sleep 57
    run -0 "$X/procs_of_user" "$(id -u)"
    assert_line "$SPAWNED sleep"
    run -2 "$X/procs_of_user" no-such-user-isolab
}

# has_children PID N NAME: PID has N children now, all named NAME (a
# child just forked still has its parent's name until it calls exec).
has_children() {
    [ "$(pgrep -c -P "$1")" -eq "$2" ] && [ "$(pgrep -c -x -P "$1" "$3")" -eq "$2" ]
}

@test "pstree: draws the children of a process indented under it" {
    spawn bash -c 'sleep 44 & sleep 44 & wait'
    wait_for has_children "$SPAWNED" 2 sleep
    run -0 "$X/pstree" "$SPAWNED"
    mapfile -t kids < <(pgrep -P "$SPAWNED" | sort -n)
    assert_output "$SPAWNED bash
  ${kids[0]} sleep
  ${kids[1]} sleep"
}

@test "pstree: grandchildren are indented one level more" {
    spawn bash -c 'bash -c "sleep 45 & wait" & wait'
    wait_for descendant "$SPAWNED" sleep
    run -0 "$X/pstree" "$SPAWNED"
    assert_equal "${#lines[@]}" 3
    assert_line --index 0 "$SPAWNED bash"
    assert_line --index 1 --regexp '^  [0-9]+ bash$'
    assert_line --index 2 --regexp '^    [0-9]+ sleep$'
}

@test "pstree: a PID with no process is an error" {
    run -1 --separate-stderr "$X/pstree" 999999999
    assert_equal "$stderr" "pstree: no process 999999999"
}

@test "who_has: finds the process and descriptor that hold a file" {
    : >held
    spawn bash -c 'exec 7<held; sleep 46'
    wait_for test -e "/proc/$SPAWNED/fd/7"
    run -0 "$X/who_has" held
    assert_line "$SPAWNED 7"
}

@test "who_has: finds a file open under another name (a hard link)" {
    : >held
    ln held alias
    spawn bash -c 'exec 8>alias; sleep 47'
    wait_for test -e "/proc/$SPAWNED/fd/8"
    run -0 "$X/who_has" held
    assert_line "$SPAWNED 8"
}

@test "who_has: a file nobody holds gives no lines; a missing one is an error" {
    : >free
    run -0 "$X/who_has" free
    assert_output ""
    run -1 --separate-stderr "$X/who_has" missing
    assert_equal "$stderr" "who_has: stat missing: No such file or directory (ENOENT)"
}
