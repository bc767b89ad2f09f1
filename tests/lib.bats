#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# The error library's exact formats, through tests/bin/lib_driver.
# (map_root() is tested through its users: userns/demo_userns and
# namespaces/unshare -r, the latter beside util-linux unshare -r.)

load helper

driver() {
    "$ISOLAB_TOP/tests/bin/lib_driver" "$@"
}

@test "lib: err_exit prints prog: message: strerror (ENAME) and exits 1" {
    run -1 --separate-stderr driver err_exit
    assert_equal "$stderr" "lib_driver: open /nope: No such file or directory (ENOENT)"
    assert_output ""
}

@test "lib: err_exit_en reports the given error number, not errno" {
    run -1 --separate-stderr driver err_exit_en
    assert_equal "$stderr" "lib_driver: pthread_create: Resource temporarily unavailable (EAGAIN)"
}

@test "lib: err_exit_child reports with _exit(1)" {
    run -1 --separate-stderr driver err_exit_child
    assert_equal "$stderr" "lib_driver: setns /proc/1/ns/uts: Operation not permitted (EPERM)"
}

@test "lib: err_exit_child does not flush the parent's stdio buffers" {
    run --separate-stderr bash -c "'$ISOLAB_TOP/tests/bin/lib_driver' child_no_flush | cat"
    assert_output "parent line"
    assert_equal "$stderr" "lib_driver: child failed: Cannot allocate memory (ENOMEM)"
}

@test "lib: fatal prints prog: message without an errno part and exits 1" {
    run -1 --separate-stderr driver fatal
    assert_equal "$stderr" "lib_driver: 2 writer(s) failed"
}

@test "lib: err_warn reports, returns, and keeps errno" {
    run -0 --separate-stderr driver err_warn
    assert_equal "$stderr" "lib_driver: open /etc/shadow: Permission denied (EACCES)"
    assert_output "errno kept: EACCES"
}

@test "lib: messages make control characters visible: a name cannot forge a line or drive the terminal" {
    run -0 --separate-stderr driver err_note $'a\nlib_driver: forged\t\033[2J\x7f'
    assert_equal "$stderr" 'lib_driver: a name given: a\nlib_driver: forged\t\033[2J\177'
    # Through a program: its error names the file as given, on one line.
    run -1 --separate-stderr "$ISOLAB_TOP/fileio/copy" $'no\nsuch' "$BATS_TEST_TMPDIR/to"
    assert_equal "$stderr" 'copy: open no\nsuch: No such file or directory (ENOENT)'
}

@test "lib: get_option names a bad option in the kit's form, whatever argv[0] was" {
    # Run as ./copy: getopt itself would have said "./copy: invalid option".
    cd "$ISOLAB_TOP/fileio"
    run -2 --separate-stderr ./copy -x a b
    assert_equal "${stderr%%$'\n'*}" "copy: -x: unknown option"
    run -2 --separate-stderr ./copy -b
    assert_equal "${stderr%%$'\n'*}" "copy: -b: needs a value"
    run -2 --separate-stderr ./copy --sparse a b
    assert_equal "${stderr%%$'\n'*}" "copy: --sparse: unknown option"
    # get_option_long: namespaces/unshare's --mount-proc takes no value.
    run -2 --separate-stderr "$ISOLAB_TOP/namespaces/unshare" --mount-proc=yes true
    assert_equal "${stderr%%$'\n'*}" "unshare: --mount-proc: takes no value"
    run -2 --separate-stderr "$ISOLAB_TOP/namespaces/unshare" --mount-prox true
    assert_equal "${stderr%%$'\n'*}" "unshare: --mount-prox: unknown option"
}

@test "lib: usage(0) prints to stdout and exits 0; usage(2) to stderr, exit 2" {
    run -0 --separate-stderr driver usage0
    assert_output "Usage: lib_driver FUNCTION"
    assert_equal "$stderr" ""
    run -2 --separate-stderr driver usage2
    assert_output ""
    assert_equal "$stderr" "Usage: lib_driver FUNCTION"
}

@test "lib: usage_err names the problem, points to -h and exits 2" {
    run -2 --separate-stderr driver usage_err
    assert_equal "$stderr" "lib_driver: missing operand
lib_driver: try 'lib_driver -h' for more information"
}

@test "lib: parse_ll accepts whole numbers in range, in decimal, hex and octal" {
    run -0 driver parse 42 0 100
    assert_output 42
    run -0 driver parse 0x10 0 100
    assert_output 16
    run -0 driver parse 010 0 100
    assert_output 8
    run -0 driver parse -5 -10 10
    assert_output -- -5
    run -0 driver parse 9223372036854775807 0 0x7fffffffffffffff
    assert_output 9223372036854775807
}

@test "lib: parse_ll refuses empty, junk, space, overflow and out of range" {
    run -2 --separate-stderr driver parse "" 0 100
    assert_equal "${stderr_lines[0]}" "lib_driver: -n: empty string is not a number"
    run -2 --separate-stderr driver parse 12abc 0 100
    assert_equal "${stderr_lines[0]}" "lib_driver: -n: '12abc' has junk after the number"
    run -2 --separate-stderr driver parse abc 0 100
    assert_equal "${stderr_lines[0]}" "lib_driver: -n: 'abc' is not a number"
    run -2 --separate-stderr driver parse " 12" 0 100
    assert_equal "${stderr_lines[0]}" "lib_driver: -n: ' 12' has leading white space"
    run -2 --separate-stderr driver parse 101 0 100
    assert_equal "${stderr_lines[0]}" "lib_driver: -n: '101' is out of range (0 to 100)"
    run -2 --separate-stderr driver parse 99999999999999999999 0 100
    assert_equal "${stderr_lines[0]}" "lib_driver: -n: '99999999999999999999' is out of range (0 to 100)"
    run -2 --separate-stderr driver parse -1 0 100
    assert_equal "${stderr_lines[0]}" "lib_driver: -n: '-1' is out of range (0 to 100)"
}

@test "lib: parse_errno takes a name or a number, and refuses others" {
    run -0 driver errno EACCES
    assert_output "13 EACCES"
    run -0 driver errno 1
    assert_output "1 EPERM"
    run -2 --separate-stderr driver errno EBOGUS
    assert_equal "${stderr_lines[0]}" "lib_driver: ERRNO: 'EBOGUS' is not an error name such as EPERM, or a number"
    run -2 --separate-stderr driver errno 4096
    assert_equal "${stderr_lines[0]}" "lib_driver: ERRNO: '4096' is out of range (1 to 4095)"
    run -2 --separate-stderr driver errno 0
}

@test "lib: exec_failed exits 127 for a missing command, 126 otherwise" {
    run -127 --separate-stderr driver exec_failed /nonexistent/cmd
    assert_equal "$stderr" "lib_driver: exec /nonexistent/cmd: No such file or directory (ENOENT)"
    run -126 --separate-stderr driver exec_failed /etc
    assert_equal "$stderr" "lib_driver: exec /etc: Permission denied (EACCES)"
}

@test "lib: child_exit_status passes on the exit status, or 128+signal" {
    run -0 driver child_status true
    run -3 driver child_status sh -c 'exit 3'
    run -137 driver child_status sh -c 'kill -KILL $$'
    run -143 driver child_status sh -c 'kill -TERM $$'
}

@test "lib: errno_name gives the symbolic name" {
    run -0 driver errno_name 2
    assert_output ENOENT
    run -0 driver errno_name 1
    assert_output EPERM
    run -0 driver errno_name 100000
    assert_output "E?"
}

@test "lib: parse_signal takes numbers, names with or without SIG, and realtime offsets" {
    run -0 driver signal 10
    assert_output "10 SIGUSR1"
    run -0 driver signal USR1
    assert_output "10 SIGUSR1"
    run -0 driver signal sigterm
    assert_output "15 SIGTERM"
    run -0 driver signal KILL
    assert_output "9 SIGKILL"
    min=$(kill -l RTMIN 2>/dev/null || echo 34)
    max=$(kill -l RTMAX 2>/dev/null || echo 64)
    run -0 driver signal RTMIN
    assert_output "$min SIGRTMIN"
    run -0 driver signal SIGRTMIN+2
    assert_output "$((min + 2)) SIGRTMIN+2"
    run -0 driver signal RTMAX-1
    assert_output "$((max - 1)) SIGRTMAX-1"
    run -0 driver signal "$max"
    assert_output "$max SIGRTMAX"
    run -0 driver signal 0
}

@test "lib: parse_signal refuses unknown names and out-of-range numbers" {
    run -2 --separate-stderr driver signal NOPE
    assert_equal "${stderr_lines[0]}" "lib_driver: SIGNAL: 'NOPE' is not a signal name or number"
    run -2 --separate-stderr driver signal 65
    assert_equal "${stderr_lines[0]}" "lib_driver: SIGNAL: '65' is out of range (0 to 64)"
    run -2 --separate-stderr driver signal RTMIN-1
    assert_equal "${stderr_lines[0]}" "lib_driver: SIGNAL: 'RTMIN-1' is outside SIGRTMIN..SIGRTMAX"
    run -2 driver signal RTMIN2
    run -2 driver signal ""
}

@test "lib: proc_state reads a process's state letter, 0 once it is gone" {
    spawn sleep 30
    wait_for asleep "$SPAWNED"
    run -0 "$ISOLAB_TOP/tests/bin/lib_driver" proc_state "$SPAWNED"
    assert_output S
    kill -STOP "$SPAWNED"
    wait_for grep -q '^State:.T' "/proc/$SPAWNED/status"
    run -0 "$ISOLAB_TOP/tests/bin/lib_driver" proc_state "$SPAWNED"
    assert_output T
    run -0 "$ISOLAB_TOP/tests/bin/lib_driver" proc_state 999999999
    assert_output 0
}

@test "lib: proc_status_value reads one field of /proc/PID/status" {
    run -0 "$ISOLAB_TOP/tests/bin/lib_driver" status_value self Name
    assert_output "[lib_driver]"
    run -0 "$ISOLAB_TOP/tests/bin/lib_driver" status_value $$ CapEff
    assert_output "[$(sed -n 's/^CapEff:\t//p' /proc/$$/status)]"
    run -1 --separate-stderr "$ISOLAB_TOP/tests/bin/lib_driver" status_value self NoSuchKey
    assert_equal "$stderr" "lib_driver: NoSuchKey of /proc/self/status: No such file or directory (ENOENT)"
}

@test "docs/reading.md: its examples of the message form and of a usage error are what copy prints" {
    local doc=$ISOLAB_TOP/docs/reading.md
    cd "$ISOLAB_TOP/fileio"
    run -1 --separate-stderr ./copy /nope "$BATS_TEST_TMPDIR/copy.out"
    grep -qxF "    $stderr" "$doc"
    run -2 --separate-stderr ./copy -x a b
    grep -qxF "    ${stderr%%$'\n'*}" "$doc"
    grep -qxF "    $(sed -n 2p <<<"$stderr")" "$doc"
    # And the page is where a student starts: linked from the first chapter.
    grep -q '(../docs/reading.md)' "$ISOLAB_TOP/fileio/README.md"
}

@test "lib: nameless_file makes a file that no name in its directory leads to, gone with its descriptor" {
    mkdir "$BATS_TEST_TMPDIR/d"
    run -0 --separate-stderr driver nameless_file "$BATS_TEST_TMPDIR/d"
    assert_output "size 1, links 0"
    assert_equal "$(ls -A "$BATS_TEST_TMPDIR/d")" ""
    run -1 --separate-stderr driver nameless_file "$BATS_TEST_TMPDIR/none"
    assert_equal "$stderr" "lib_driver: a file in $BATS_TEST_TMPDIR/none: No such file or directory (ENOENT)"
}
