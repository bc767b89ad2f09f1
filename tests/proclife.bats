#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $PPID and $$ are for the command's shell
# proclife: fork, exit, wait, zombies and orphans, SIGCHLD, execve,
# system(), and strace (course chapters 6 and 7).

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    L=$ISOLAB_TOP/proclife
}

@test "demo_fork: the child changes its copies; the parent's stay" {
    run -0 "$L/demo_fork" -f f
    assert_line --index 0 --regexp '^before fork, from pid [0-9]+$'
    assert_line --index 1 "child: global 2, stack 20, heap 200"
    assert_line --index 2 "parent: global 1, stack 10, heap 100"
    assert_line --index 3 "parent: offset after the child wrote 6 bytes: 6"
    assert_equal "$(cat f)" child
}

@test "demo_fork: unflushed output is printed twice through a pipe; -f fixes it" {
    run -0 bash -c "'$L/demo_fork' f | cat"
    assert_equal "$(grep -c '^before fork' <<<"$output")" 2
    run -0 bash -c "'$L/demo_fork' -f f | cat"
    assert_equal "$(grep -c '^before fork' <<<"$output")" 1
}

@test "demo_exit: exit handlers run last registered first" {
    run -0 bash -c "'$L/demo_exit' | cat"
    assert_output "main: registered two handlers
main: ending with exit(0)
main: the parent will see status 0
handler 2
handler 1"
}

@test "demo_exit: _exit() skips the handlers and loses buffered output" {
    run -0 bash -c "'$L/demo_exit' -_ | cat"
    assert_output ""
}

@test "demo_exit: only the low 8 bits of the status reach the parent" {
    run -0 "$L/demo_exit" -s 256
    run -255 "$L/demo_exit" -s -1
    assert_line "main: the parent will see status 255"
    run -44 "$L/demo_exit" -_ -s 300
}

@test "demo_wait: decodes exited and killed statuses, with waitpid and waitid" {
    run -0 "$L/demo_wait" exit:3
    assert_output --regexp '^child [0-9]+: exited, status 3$'
    run -0 "$L/demo_wait" kill:TERM
    assert_output --regexp '^child [0-9]+: killed by SIGTERM$'
    run -0 "$L/demo_wait" -i exit:3
    assert_output --regexp '^child [0-9]+: exited, status 3 \(waitid: si_code CLD_EXITED, si_status 3\)$'
    run -0 "$L/demo_wait" -i kill:USR1
    assert_output --regexp 'killed by SIGUSR1 \(waitid: si_code CLD_KILLED, si_status 10\)$'
}

@test "demo_wait: a stopped child is reported, continued, and then exits" {
    run -0 "$L/demo_wait" stop
    assert_line --index 0 --regexp '^child [0-9]+: stopped by SIGSTOP$'
    assert_line --index 1 --regexp '^child [0-9]+: continued$'
    assert_line --index 2 --regexp '^child [0-9]+: exited, status 0$'
}

@test "demo_wait: a pidfd becomes readable when the child ends" {
    require kernel 5.4
    run -0 "$L/demo_wait" -p exit:7
    assert_line --index 0 "pidfd: readable, the child has ended"
    assert_line --index 1 --regexp '^child [0-9]+: exited, status 7$'
    run -2 "$L/demo_wait" -p stop
}

@test "demo_wait: abort without -c leaves no core file" {
    run -0 bash -c "ulimit -c unlimited; '$L/demo_wait' abort"
    assert_output --regexp '^child [0-9]+: killed by SIGABRT$'
    assert_equal "$(find . -name 'core*')" ""
}

@test "demo_wait: with -c and core dumps on, the status says core dumped" {
    [ -z "${ISOLAB_SANITIZE:-}" ] ||
        skip "AddressSanitizer turns core dumps off (its disable_coredump)"
    pattern=$(cat /proc/sys/kernel/core_pattern)
    [[ $pattern != '|'* ]] ||
        skip "core dumps go to a program here (core_pattern '$pattern'): a test would leave records behind"
    run -0 bash -c "ulimit -c unlimited; '$L/demo_wait' -c abort"
    assert_output --regexp '^child [0-9]+: killed by SIGABRT \(core dumped\)$'
    rm -f core*
}

@test "demo_zombie: an ended child is Z until reaped, and SIGKILL changes nothing" {
    run -0 "$L/demo_zombie"
    pid=$(sed -n 's/^child \([0-9]*\): exited.*/\1/p' <<<"$output")
    assert_line "child $pid state: Z (zombie)"
    assert_line "kill($pid, SIGKILL): ok, and still: Z (zombie)"
    assert_line "waitpid: reaped $pid, exit status 7"
    assert_line "child $pid state: gone from /proc"
}

@test "demo_orphan: a subreaper adopts its orphaned grandchild" {
    run -0 "$L/demo_orphan" -s
    top=$(sed -n 's/^top: pid \([0-9]*\),.*/\1/p' <<<"$output")
    assert_line "top: pid $top, a child subreaper"
    assert_line --regexp '^grandchild: parent [0-9]+ \(the child\)$'
    assert_line "grandchild: parent now $top (demo_orphan)"
}

@test "demo_orphan: without a subreaper the orphan goes to someone else" {
    run -0 "$L/demo_orphan"
    child=$(sed -n 's/^grandchild: parent \([0-9]*\) (the child)$/\1/p' <<<"$output")
    top=$(sed -n 's/^top: pid \([0-9]*\)$/\1/p' <<<"$output")
    new=$(sed -n 's/^grandchild: parent now \([0-9]*\) .*/\1/p' <<<"$output")
    [ -n "$new" ]
    [ "$new" != "$child" ]
    [ "$new" != "$top" ]
}

@test "demo_sigchld: one SIGCHLD for twenty children; the loop reaps them all" {
    run -0 "$L/demo_sigchld"
    assert_output "children: 20, all ended while SIGCHLD was blocked
handler calls: 1
reaped by the handler: 20
zombies left: 0"
}

@test "demo_sigchld: the naive handler reaps one and leaves zombies" {
    run -0 "$L/demo_sigchld" -o -n 30
    assert_line "handler calls: 1"
    assert_line "reaped by the handler: 1"
    assert_line "zombies left: 29"
}

@test "demo_exec: the PID, open descriptors and ignored signals survive" {
    run -0 "$L/demo_exec" one two
    before=$(sed -n 's/^before: pid \([0-9]*\),.*/\1/p' <<<"$output")
    assert_line "after: pid $before"
    assert_line "after: argv[0] = demo_exec"
    assert_line "after: argv[2] = one"
    assert_line "after: argv[3] = two"
    assert_line "after: environ[0] = GREETING=hello across execve()"
    keep=$(sed -n 's/^after: environ\[1\] = KEEP_FD=//p' <<<"$output")
    cloexec=$(sed -n 's/^after: environ\[2\] = CLOEXEC_FD=//p' <<<"$output")
    assert_line "after: fd $keep: open"
    assert_line "after: fd $cloexec: closed (EBADF)"
    assert_line --regexp "^after: /proc/self/fd: 0 1 2 (.* )?$keep( |\$)"
    refute_line --regexp "^after: /proc/self/fd: .* $cloexec( .*)? \\(and"
    assert_line "after: SIGUSR1 ignored, SIGUSR2 default, marker 0"
}

@test "demo_exec: a #! script runs its interpreter with the script's path" {
    run -0 "$L/demo_exec" -s "$PWD/script" one
    assert_equal "$(head -1 script)" "#!$L/demo_exec -a"
    assert_line "after: argv[0] = $L/demo_exec"
    assert_line "after: argv[1] = -a"
    assert_line "after: argv[2] = $PWD/script"
    assert_line "after: argv[3] = one"
}

# clean_signals: the tests must not inherit a blocked or ignored signal
# from whatever started the suite.
sys() {
    "$ISOLAB_TOP/tests/bin/clean_signals" "$L/demo_system" "$@"
}

@test "demo_system: glibc's system() survives SIGINT sent during the command" {
    run -0 sys 'kill -INT $PPID; exit 5'
    assert_line "status: exited 5"
    assert_line "caller: still running"
}

@test "demo_system: the naive one dies with the command's SIGINT" {
    run -130 sys -n 'kill -INT $PPID; exit 5'
    assert_output "system: naive"
}

@test "demo_system: the caller's masks while the command runs" {
    # Bits, not whole masks: glibc's system() blocks every signal for a
    # moment around its posix_spawn(), which a quick reader may catch.
    run -0 sys 'grep -e SigBlk -e SigIgn /proc/$PPID/status'
    blk=$(sed -n 's/^SigBlk:\t//p' <<<"$output")
    ign=$(sed -n 's/^SigIgn:\t//p' <<<"$output")
    (( (0x$blk & 0x10000) != 0 ))
    (( (0x$ign & 0x6) == 0x6 ))
    run -0 sys -n 'grep -e SigBlk -e SigIgn /proc/$PPID/status'
    assert_line "SigBlk:	0000000000000000"
}

@test "mystery: fails, and says nothing about why" {
    run -1 --separate-stderr "$L/mystery"
    assert_output "mystery: starting the helper"
    assert_equal "$stderr" "mystery: the helper failed"
}

@test "demo_pidfd: the child is held by its pidfd: its descriptor copied, its end polled, signalled and reaped through it, ESRCH once gone" {
    run -0 --separate-stderr "$L/demo_pidfd"
    assert_equal "$stderr" ""
    assert_line --index 0 --regexp '^clone3 CLONE_PIDFD: child [0-9]+, pidfd [0-9]+$'
    assert_line --index 1 --regexp '^pidfd_getfd: the child.s fd [0-9]+ is our fd [0-9]+: "a line from the child"$'
    assert_line --index 2 "poll: not readable: the child runs"
    assert_line --index 3 "pidfd_send_signal SIGTERM: ok"
    assert_line --index 4 "poll: readable: the child has ended"
    assert_line --index 5 "waitid P_PIDFD: killed by SIGTERM"
    assert_line --index 6 "pidfd_send_signal after the reaping: No such process (ESRCH)"
    # The child it names is gone, reaped (not left a zombie).
    child=$(sed -n 's/^clone3 CLONE_PIDFD: child \([0-9]*\),.*/\1/p' <<<"$output")
    [ ! -e "/proc/$child" ] || [ "$(cat "/proc/$child/comm")" != demo_pidfd ]
}
