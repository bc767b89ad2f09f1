#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $1 in single quotes is for the inner shell
# Grading for exercises/seccomp (hints: exercises/seccomp/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).
# A filter only ever restricts the process that installs it: the programs
# run as they are, as root or as nobody.

load ../helper

setup() {
    require seccomp
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/seccomp
    TRY=$ISOLAB_TOP/tests/bin/try_call
}

SIGSYS_STATUS=159

@test "arch_check: the native call gets the filter's error" {
    [ "$(uname -m)" = x86_64 ] || skip "an exercise for x86_64"
    run -0 "$X/arch_check" native
    assert_output "getpid: Operation not permitted (EPERM)"
}

@test "arch_check: a call through the i386 ABI is killed" {
    [ "$(uname -m)" = x86_64 ] || skip "an exercise for x86_64"
    run "$X/arch_check" i386
    if [ "$status" -ne $SIGSYS_STATUS ]; then
        echo "expected: killed by SIGSYS (exit status 159)"
        echo "actual: exit status $status, output: $output"
        return 1
    fi
}

@test "arch_check: an x32 call is killed" {
    [ "$(uname -m)" = x86_64 ] || skip "an exercise for x86_64"
    run -$SIGSYS_STATUS "$X/arch_check" x32
}

@test "deny_family: socket() of the family fails with EAFNOSUPPORT" {
    run -0 "$X/deny_family" inet6 "$TRY" socket inet6
    assert_output "socket: Address family not supported by protocol (EAFNOSUPPORT)"
    run -0 "$X/deny_family" 1 "$TRY" socket unix
    assert_output "socket: Address family not supported by protocol (EAFNOSUPPORT)"
}

@test "deny_family: other families still work" {
    run -0 "$X/deny_family" inet6 "$TRY" socket inet
    assert_output "socket: ok"
    run -0 "$X/deny_family" inet6 "$TRY" socket unix
    assert_output "socket: ok"
    run -0 "$X/deny_family" inet6 "$TRY" socket inet6
    refute_output "socket: ok"
}

@test "no_newns: clone and unshare with namespace flags fail with EPERM" {
    for ns in user uts net pid mnt ipc cgroup; do
        run -0 "$X/no_newns" "$TRY" clone "$ns"
        assert_output "clone: Operation not permitted (EPERM)"
        run -0 "$X/no_newns" "$TRY" unshare "$ns"
        assert_output "unshare: Operation not permitted (EPERM)"
    done
}

@test "no_newns: clone3 fails with ENOSYS" {
    run -0 "$X/no_newns" "$TRY" clone3 user
    assert_output "clone3: Function not implemented (ENOSYS)"
    run -0 "$X/no_newns" "$TRY" clone3 none
    assert_output "clone3: Function not implemented (ENOSYS)"
}

@test "no_newns: a plain fork still works" {
    run -0 "$X/no_newns" "$TRY" clone none
    assert_output "clone: ok"
    run -0 "$X/no_newns" sh -c '(echo from a child)'
    assert_output "from a child"
}

@test "upper_sandbox: still copies its input in upper case" {
    run -0 sh -c 'printf "hello, world\nline two\n" | "$1"' sh "$X/upper_sandbox"
    assert_output "HELLO, WORLD
LINE TWO"
}

@test "upper_sandbox: any other call after the filter kills it" {
    for call in getpid open socket; do
        run "$X/upper_sandbox" -t "$call"
        if [ "$status" -ne $SIGSYS_STATUS ]; then
            echo "expected: -t $call killed by SIGSYS (exit status 159)"
            echo "actual: exit status $status"
            return 1
        fi
    done
}

@test "upper_sandbox: the filter is in place (Seccomp 2 while it copies)" {
    mkfifo in
    spawn sh -c 'exec "$1" < in > /dev/null' sh "$X/upper_sandbox"
    exec 7>in
    wait_for grep -q '^Seccomp:.2' "/proc/$SPAWNED/status"
    exec 7>&-
}

@test "which_call: the answer is what a fresh setup shows" {
    lab_grade seccomp/which_call "$X/which_call.answer"
}

@test "status: the answer is what a fresh setup shows" {
    lab_grade seccomp/status "$X/status.answer"
}
