#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# signals: dispositions, handlers, masks, queues, safe designs
# (course chapter 5). Long-running demos are started with spawn, fed
# through a FIFO on fd 5 and driven with kill; wait_for follows their
# output file.

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    S=$ISOLAB_TOP/signals
}

# start_fed PROGRAM: run PROGRAM with its stdin on a FIFO that this test
# holds open on fd 5, and its output in the file "out".
start_fed() {
    mkfifo in
    spawn sh -c "exec \"\$0\" <in >out 2>&1" "$1"
    exec 5>in
    wait_for grep -q '^pid:' out
}

@test "sig_count: counts each delivery and ends on SIGTERM" {
    spawn sh -c "exec \"\$0\" >out" "$S/sig_count"
    wait_for grep -q '^waiting' out
    kill -USR1 "$SPAWNED"
    wait_for grep -qx 'SIGUSR1: 1' out
    kill -USR1 "$SPAWNED"
    wait_for grep -qx 'SIGUSR1: 2' out
    kill -HUP "$SPAWNED"
    wait_for grep -qx 'SIGHUP: 1' out
    kill -TERM "$SPAWNED"
    wait "$SPAWNED"
    run cat out
    assert_line "pid: $SPAWNED"
    assert_line --index 5 "SIGTERM: ending"
    assert_line --index 6 "total: 3"
}

@test "sig_receiver: a blocked standard signal sent five times arrives once" {
    start_fed "$S/sig_receiver"
    run -0 "$S/sig_sender" "$SPAWNED" USR1 5
    assert_output "sent SIGUSR1 5 times with kill()"
    exec 5>&-
    wait "$SPAWNED"
    run cat out
    assert_line "pending: SIGUSR1"
    assert_line "delivered: SIGUSR1 code SI_USER"
    assert_line "deliveries: 1"
}

@test "sig_receiver: realtime signals queue, in order, with their values" {
    start_fed "$S/sig_receiver"
    run -0 "$S/sig_sender" -q "$SPAWNED" RTMIN+1 3
    run -0 "$S/sig_sender" -q "$SPAWNED" RTMIN 2
    run -0 "$S/sig_sender" "$SPAWNED" TERM 2
    exec 5>&-
    wait "$SPAWNED"
    run cat out
    assert_line --index 2 "pending: SIGTERM SIGRTMIN SIGRTMIN+1"
    # Standard signals first, then realtime lowest first, FIFO within one.
    assert_equal "$(grep '^delivered' out)" "delivered: SIGTERM code SI_USER
delivered: SIGRTMIN value 0 code SI_QUEUE
delivered: SIGRTMIN value 1 code SI_QUEUE
delivered: SIGRTMIN+1 value 0 code SI_QUEUE
delivered: SIGRTMIN+1 value 1 code SI_QUEUE
delivered: SIGRTMIN+1 value 2 code SI_QUEUE"
    assert_line "deliveries: 6"
}

@test "sig_sender: a missing process and a bad signal name" {
    run -1 --separate-stderr "$S/sig_sender" 999999999 USR1 1
    assert_equal "$stderr" "sig_sender: kill 999999999 (send 1): No such process (ESRCH)"
    run -2 "$S/sig_sender" 1 NOSUCH 1
    run -2 "$S/sig_sender" 1 USR1 0
}

@test "sig_show: decodes the masks; ignored signals survive execve, handlers do not" {
    spawn bash -c 'trap "" USR2; trap "echo hup" HUP; exec sleep 30'
    wait_for grep -q '^Name:.sleep' "/proc/$SPAWNED/status"
    run -0 "$S/sig_show" "$SPAWNED"
    ign=$(sed -n 's/^SigIgn:\t//p' "/proc/$SPAWNED/status")
    assert_line --regexp "^SigIgn: $ign( SIG[A-Z0-9]+)* SIGUSR2( SIG[A-Z0-9]+)*\$"
    assert_line "SigCgt: 0000000000000000"
    assert_line "SigBlk: 0000000000000000"
    assert_line --regexp '^SigQ: [0-9]+/[0-9]+$'
}

@test "sig_show: a process that blocks everything but SIGKILL and SIGSTOP" {
    start_fed "$S/sig_receiver"
    run -0 "$S/sig_show" "$SPAWNED"
    # (glibc keeps signals 32 and 33 for itself: sigprocmask() will not
    # block them, so the mask is not quite all ones.)
    assert_line --regexp '^SigBlk: [0-9a-f]{16} SIGHUP SIGINT .* SIGRTMAX$'
    refute_line --regexp '^SigBlk: .* SIGKILL'
    refute_line --regexp '^SigBlk: .* SIGSTOP'
}

@test "demo_pending: a standard signal raised three times while blocked runs once" {
    run -0 "$S/demo_pending"
    assert_output "blocked: SIGUSR1
raised: 3 times
pending: yes
proc SigPnd: 0000000000000200
handler runs: 0 before unblocking
handler runs: 1 after unblocking"
}

@test "demo_pending: a realtime signal raised three times runs three times" {
    run -0 "$S/demo_pending" -s RTMIN -n 3
    assert_line "pending: yes"
    assert_line "handler runs: 0 before unblocking"
    assert_line "handler runs: 3 after unblocking"
    run -2 "$S/demo_pending" -s KILL
}

@test "demo_restart: without SA_RESTART the read fails with EINTR" {
    run -0 "$S/demo_restart"
    assert_output "handler: SIGUSR1 (SA_RESTART off)
read: -1 EINTR (Interrupted system call)"
}

@test "demo_restart: with SA_RESTART the read is restarted and gets the data" {
    run -0 "$S/demo_restart" -r
    assert_output "handler: SIGUSR1 (SA_RESTART on)
read: 5 bytes: data"
}

@test "demo_sa_flags: by default the handler's own signal waits until it returns" {
    run -0 "$S/demo_sa_flags"
    assert_output "enter: run 1, depth 1
leave: run 1, depth 1
enter: run 2, depth 1
leave: run 2, depth 1
enter: run 3, depth 1
leave: run 3, depth 1"
}

@test "demo_sa_flags: SA_NODEFER lets the handler interrupt itself" {
    run -0 "$S/demo_sa_flags" -N
    assert_output "enter: run 1, depth 1
enter: run 2, depth 2
enter: run 3, depth 3
leave: run 3, depth 3
leave: run 2, depth 2
leave: run 1, depth 1"
}

@test "demo_sa_flags: SA_RESETHAND leaves the next SIGUSR1 to kill (status 138)" {
    run -138 "$S/demo_sa_flags" -R
    assert_output "enter: run 1, depth 1
leave: run 1, depth 1"
}

@test "t_kill: signal 0 tells whether a process exists and may be signalled" {
    run -0 "$S/t_kill" $$
    assert_output "kill($$, 0): ok: the process exists and we may signal it"
    run -1 "$S/t_kill" 999999999
    assert_output "kill(999999999, 0): ESRCH: no such process"
}

@test "t_kill: another user's process answers EPERM" {
    require root
    spawn sleep 53
    run -1 as_user "$S/t_kill" "$SPAWNED"
    assert_output "kill($SPAWNED, 0): EPERM: the process exists, but we may not signal it"
}

@test "t_kill: -s sends a real signal; -1 is refused" {
    spawn sleep 54
    run -0 "$S/t_kill" -s TERM "$SPAWNED"
    st=0
    wait "$SPAWNED" || st=$?
    assert_equal "$st" 143
    run -2 "$S/t_kill" -- -1
}

@test "demo_selfpipe: signals and input come out of one loop, in order" {
    start_fed "$S/demo_selfpipe"
    echo hello >&5
    wait_for grep -qx 'stdin: hello' out
    kill -USR1 "$SPAWNED"
    wait_for grep -qx 'signal: SIGUSR1' out
    echo world >&5
    wait_for grep -qx 'stdin: world' out
    kill -HUP "$SPAWNED"
    wait_for grep -qx 'signal: SIGHUP' out
    kill -TERM "$SPAWNED"
    wait "$SPAWNED"
    run cat out
    assert_output "pid: $SPAWNED
stdin: hello
signal: SIGUSR1
stdin: world
signal: SIGHUP
signal: SIGTERM: ending"
}

@test "demo_selfpipe: ends at end of input" {
    start_fed "$S/demo_selfpipe"
    exec 5>&-
    wait "$SPAWNED"
    run tail -1 out
    assert_output "stdin: end of input"
}

@test "demo_sigwaitinfo: accepts each signal with its sender" {
    spawn sh -c "exec \"\$0\" >out" "$S/demo_sigwaitinfo"
    wait_for grep -q '^pid:' out
    kill -USR1 "$SPAWNED"
    wait_for grep -q 'SIGUSR1' out
    kill -TERM "$SPAWNED"
    wait "$SPAWNED"
    run cat out
    assert_line "accepted: SIGUSR1 from pid $$ uid $(id -u) (SI_USER)"
    assert_line "accepted: SIGTERM from pid $$ uid $(id -u) (SI_USER): ending"
}
