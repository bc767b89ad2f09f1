#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# Grading for exercises/signals (hints: exercises/signals/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/signals
}

# start_fed PROGRAM: stdin on a FIFO held on fd 5, output in "out".
start_fed() {
    mkfifo in
    spawn sh -c "exec \"\$0\" <in >out 2>&1" "$1"
    exec 5>in
    wait_for grep -q '^pid:' out
}

@test "sigloop: echoes standard input until end of input" {
    start_fed "$X/sigloop"
    echo hello >&5
    exec 5>&-
    wait "$SPAWNED"
    run cat out
    assert_output "pid: $SPAWNED
stdin: hello
stdin: end of input"
}

@test "sigloop: reports SIGUSR1, SIGUSR2 and SIGHUP with the sender's PID" {
    start_fed "$X/sigloop"
    kill -USR1 "$SPAWNED"
    wait_for grep -q 'SIGUSR1' out
    kill -USR2 "$SPAWNED"
    wait_for grep -q 'SIGUSR2' out
    kill -HUP "$SPAWNED"
    wait_for grep -q 'SIGHUP' out
    run cat out
    assert_line "signal: SIGUSR1 from pid $$"
    assert_line "signal: SIGUSR2 from pid $$"
    assert_line "signal: SIGHUP from pid $$"
}

@test "sigloop: signals and input stay in order; SIGTERM ends it cleanly" {
    start_fed "$X/sigloop"
    echo one >&5
    wait_for grep -qx 'stdin: one' out
    kill -USR1 "$SPAWNED"
    wait_for grep -q 'SIGUSR1' out
    echo two >&5
    wait_for grep -qx 'stdin: two' out
    kill -TERM "$SPAWNED"
    st=0
    wait "$SPAWNED" || st=$?
    assert_equal "$st" 0
    run cat out
    assert_output "pid: $SPAWNED
stdin: one
signal: SIGUSR1 from pid $$
stdin: two
signal: SIGTERM from pid $$: ending"
}

@test "sigloop: uses a signalfd and installs no handler" {
    start_fed "$X/sigloop"
    run -0 ls -l "/proc/$SPAWNED/fd"
    assert_output --partial "anon_inode:[signalfd]"
    # No handler for SIGHUP (bit 0), SIGUSR1 (9), SIGUSR2 (11), SIGTERM
    # (14). (A sanitizer build catches SIGSEGV and friends: not ours.)
    cgt=$(sed -n 's/^SigCgt:\t//p' "/proc/$SPAWNED/status")
    assert_equal "$(( 0x$cgt & 0x4a01 ))" 0
}

@test "safe_handler: main still sees its own errno after the handler ran" {
    run -0 "$X/safe_handler"
    assert_line "main: close(-1) failed: EBADF"
}

@test "safe_handler: the handler's line comes out when the signal arrives" {
    run -0 bash -c "'$X/safe_handler' | cat"
    assert_output "main: before
handler: SIGUSR1
main: close(-1) failed: EBADF
main: after"
}
