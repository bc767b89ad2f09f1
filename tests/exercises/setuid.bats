#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# Grading for exercises/setuid (hints: exercises/setuid/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).
# The programs are set-UID copies made by the test in its own directory
# (root only: priv_copy skips otherwise) and run as nobody; they touch
# nothing outside it. The observe exercises' setups say what they need.

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/setuid
}

@test "drop_regain: ordinary work runs as the user" {
    priv_copy "$X/drop_regain" root:65534 4750
    run -0 as_user "${PRIV[@]}"
    assert_line --index 1 "dropped: uid 65534 65534 0"
    assert_line --index 2 "open as user: Permission denied (EACCES)"
}

@test "drop_regain: root comes back for the privileged step" {
    priv_copy "$X/drop_regain" root:65534 4750
    run -0 as_user "${PRIV[@]}"
    assert_line --index 3 "regained: uid 65534 0 0"
    assert_line --index 4 "open as root: ok"
}

@test "drop_regain: opens no path its caller names" {
    priv_copy "$X/drop_regain" root:65534 4750
    run -2 as_user "${PRIV[@]}" /root
    refute_output --partial "open as"
}

@test "drop_regain: the final drop cannot be undone" {
    priv_copy "$X/drop_regain" root:65534 4750
    run -0 as_user "${PRIV[@]}"
    assert_line --index 5 "dropped for good: uid 65534 65534 65534"
    assert_line --index 6 "regain: Operation not permitted (EPERM)"
}

@test "suid_helper: the caller's message reaches the log with the caller's UID" {
    priv_copy "$X/suid_helper" root:65534 4750
    touch "$PRIV_DIR/helper.log"
    chmod 644 "$PRIV_DIR/helper.log"
    run -0 as_user "${PRIV[@]}" "hello"
    run -0 cat "$PRIV_DIR/helper.log"
    assert_output "uid 65534: hello"
}

@test "suid_helper: every ID is the caller's once the log is open" {
    priv_copy "$X/suid_helper" root:65534 4750
    touch "$PRIV_DIR/helper.log"
    run -0 as_user "${PRIV[@]}" "hello"
    assert_output "ids after the open: 65534 65534 65534"
}

@test "suid_helper: no forged lines in the log" {
    priv_copy "$X/suid_helper" root:65534 4750
    touch "$PRIV_DIR/helper.log"
    run -0 as_user "${PRIV[@]}" "$(printf 'a\nuid 0: forged')"
    run -0 cat "$PRIV_DIR/helper.log"
    assert_output "uid 65534: a?uid 0: forged"
}

@test "find_suid: the answer is what a fresh setup shows" {
    lab_grade setuid/find_suid "$X/find_suid.answer"
}

@test "ids: the answer is what a fresh setup shows" {
    lab_grade setuid/ids "$X/ids.answer"
}

@test "regain: the answer is what a fresh setup shows" {
    lab_grade setuid/regain "$X/regain.answer"
}
