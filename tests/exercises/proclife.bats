#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $PPID and $$ are for the command's shell
# Grading for exercises/proclife (hints: exercises/proclife/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/proclife
}

@test "minish: runs commands with their arguments, in order" {
    run -0 --separate-stderr "$X/minish" <<<"echo hello world
echo   two    spaces"
    assert_output "hello world
two spaces"
}

@test "minish: exits with the last command's status; exit N ends at once" {
    run -1 "$X/minish" <<<"true
false"
    run -7 "$X/minish" <<<"exit 7
echo not reached"
    assert_output ""
    run -0 "$X/minish" </dev/null
}

@test "minish: a command that is not found: a message and status 127" {
    run -127 --separate-stderr "$X/minish" <<<"no-such-command-isolab"
    assert_equal "$stderr" "minish: no-such-command-isolab: command not found"
    run -0 --separate-stderr "$X/minish" <<<"no-such-command-isolab
true"
}

@test "minish: searches each directory of PATH in turn" {
    mkdir first second
    printf '#!/bin/sh\necho from first\n' >first/hello
    printf '#!/bin/sh\necho from second\n' >second/hello
    printf '#!/bin/sh\necho only in second\n' >second/other
    chmod +x first/hello second/hello second/other
    run -0 env PATH="$PWD/first:$PWD/second" "$X/minish" <<<"hello
other"
    assert_output "from first
only in second"
}

@test "minish: runs a path with a slash as it is; 126 for a file it cannot run" {
    printf '#!/bin/sh\necho direct\n' >script
    chmod +x script
    : >plain
    run -0 "$X/minish" <<<"./script"
    assert_output direct
    run -126 --separate-stderr "$X/minish" <<<"./plain"
}

@test "minish: a command killed by a signal gives status 128 + the signal" {
    printf '#!/bin/sh\nkill -TERM $$\n' >selfkill
    chmod +x selfkill
    run -143 "$X/minish" <<<"./selfkill"
}

@test "reaper: reaps every orphan of the burst" {
    run -0 "$X/reaper"
    assert_output "reaped: 40 of 40"
}

@test "reaper: reaps them all with many more processes" {
    run -0 "$X/reaper" -n 150
    assert_output "reaped: 300 of 300"
}

# clean_signals: the tests must not inherit a blocked or ignored signal
# from whatever started the suite.
sys() {
    "$ISOLAB_TOP/tests/bin/clean_signals" "$X/my_system" "$@"
}

@test "my_system: returns the command's status" {
    run -0 sys 'exit 3'
    assert_line "status: exited 3"
    run -0 sys 'kill -TERM $$'
    assert_line "status: killed by SIGTERM"
    run -0 sys 'no-such-command-isolab 2>/dev/null'
    assert_line "status: exited 127"
}

@test "my_system: the caller survives SIGINT and SIGQUIT sent during the command" {
    run -0 sys 'kill -INT $PPID; kill -QUIT $PPID; exit 4'
    assert_line "status: exited 4"
    assert_line "after: SIGINT default, SIGQUIT default, SIGCHLD unblocked"
}

@test "my_system: during the command SIGCHLD is blocked, SIGINT and SIGQUIT ignored" {
    run -0 sys 'grep -e SigBlk -e SigIgn /proc/$PPID/status'
    blk=$(sed -n 's/^SigBlk:\t//p' <<<"$output")
    ign=$(sed -n 's/^SigIgn:\t//p' <<<"$output")
    (( (0x$blk & 0x10000) != 0 ))
    (( (0x$ign & 0x6) == 0x6 ))
    assert_line "SIGCHLD handler reaped the command: no"
}

@test "my_system: the command itself gets the default SIGINT and an empty mask" {
    # exec: the command is grep itself, reading its own status (a shell
    # that forks changes its own mask for a moment while it does).
    run -0 sys 'exec grep -e SigBlk -e SigIgn /proc/self/status'
    assert_line "SigBlk:	0000000000000000"
    ign=$(sed -n 's/^SigIgn:\t//p' <<<"$output")
    (( (0x$ign & 0x6) == 0 ))
}

@test "mystery: the answer names the failing system call and its error" {
    require cmd strace
    answer=$(grep -v '^#' "$X/mystery.answer" | tail -1)
    read -r call errname <<<"$answer"
    [[ $call =~ ^[a-z0-9_]+$ ]] || {
        echo "answer '$answer' is not 'SYSCALL ERRNO'" >&2
        return 1
    }
    # The helper's last failed call, as strace sees it: -ff writes one
    # file per process, trace.PID; the helper's is the one without the
    # execve() of mystery.
    strace -ff -o trace "$ISOLAB_TOP/proclife/mystery" >/dev/null 2>&1 || true
    helper=$(grep -L '^execve(' trace.*)
    failed=$(grep ' = -1 E' "$helper" | tail -1)
    echo "the helper's last failed call: $failed" >&2
    [[ $failed =~ ^$call\(.*\)\ +=\ -1\ $errname\  ]]
}

@test "pipeline: strace shows only the lifecycle calls, of every process" {
    require cmd strace
    run -0 --separate-stderr "$X/pipeline.sh"
    assert_output 6
    # Every line a process call (or the end of one), from any process.
    bad=$(sed -E 's/^\[pid +[0-9]+\] //' <<<"$stderr" |
        grep -vE '^(<\.\.\. )?(clone3?|v?fork|execveat|execve|wait4|waitid|exit|exit_group)[( ]' || true)
    assert_equal "$bad" ""
    # wc runs in a child: it is there only if children are followed.
    [[ $stderr == *'execve("/usr/bin/wc"'* || $stderr == *'execve("/bin/wc"'* ]]
}
