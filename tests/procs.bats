#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# procs: process IDs, memory layout, arguments, environment, /proc
# (course chapter 4).

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    P=$ISOLAB_TOP/procs
}

@test "demo_ids: pid and ppid are the ones the shell sees" {
    run -0 bash -c "echo \$\$ \$PPID; exec '$P/demo_ids'"
    read -r shell_pid shell_ppid <<<"${lines[0]}"
    assert_line "pid: $shell_pid"
    assert_line "ppid: $shell_ppid"
    assert_line "uid: $(id -u)"
    assert_line "euid: $(id -u)"
    assert_line "gid: $(id -g)"
}

@test "demo_ids: under setsid the process leads its own session and group" {
    run -0 setsid "$P/demo_ids"
    pid=$(sed -n 's/^pid: //p' <<<"$output")
    assert_line "sid: $pid"
    assert_line "pgid: $pid"
}

@test "demo_ids: as another user, the real and effective IDs are that user's" {
    require root
    run -0 as_user "$P/demo_ids"
    assert_line "uid: 65534"
    assert_line "euid: 65534"
    assert_line "gid: 65534"
}

@test "demo_layout: each object lies in the mapping the kernel lists for it" {
    run -0 "$P/demo_layout"
    # Every "kind: ADDR" line is followed by the maps line that holds it.
    for kind in text data bss heap mmap library stack args; do
        assert_line --regexp "^$kind: 0x[0-9a-f]+ "
    done
    assert_equal "${#lines[@]}" 16
    text_map=$(grep -A1 '^text:' <<<"$output" | tail -1)
    [[ $text_map == *" r-xp "*"/procs/demo_layout" ]]
    data_map=$(grep -A1 '^data:' <<<"$output" | tail -1)
    [[ $data_map == *" rw-p "*"/procs/demo_layout" ]]
    lib_map=$(grep -A1 '^library:' <<<"$output" | tail -1)
    [[ $lib_map == *" r-xp "*"libc"* ]] || [[ $lib_map == *" r-xp "*"asan"* ]]
    stack_map=$(grep -A1 '^stack:' <<<"$output" | tail -1)
    [[ $stack_map == *"[stack]" ]]
    if [ -z "${ISOLAB_SANITIZE:-}" ]; then # ASan's malloc() uses mmap
        heap_map=$(grep -A1 '^heap:' <<<"$output" | tail -1)
        [[ $heap_map == *"[heap]" ]]
    fi
}

@test "demo_layout: the printed address is inside the printed range" {
    run -0 "$P/demo_layout"
    for i in 0 2 4 6 8 10 12 14; do
        addr=$(awk '{print $2}' <<<"${lines[$i]}")
        range=$(awk '{print $1}' <<<"${lines[$((i + 1))]}")
        (( addr >= 0x${range%-*} && addr < 0x${range#*-} ))
    done
}

@test "demo_args: shows each argument as the shell split it" {
    run -0 "$P/demo_args" one "two words" "" -- -x
    assert_line "argc: 6"
    assert_line "argv[1]: [one]"
    assert_line "argv[2]: [two words]"
    assert_line "argv[3]: []"
    assert_line "argv[4]: [--]"
    assert_line "argv[5]: [-x]"
    assert_line "argv[6]: NULL"
    assert_line "cmdline matches argv: yes"
}

@test "demo_args: argv[0] is whatever the caller passed" {
    run -0 bash -c "exec -a renamed '$P/demo_args'"
    assert_line "argv[0]: [renamed]"
    assert_line "cmdline matches argv: yes"
}

@test "demo_environ: setenv, unsetenv and putenv change what execve passes on" {
    run -0 env -i A=1 B=2 "$P/demo_environ" -u A -s C=3 -p D=45
    assert_output 'putenv: getenv("D") after the change: X5
environ[0]: B=2
environ[1]: C=3
environ[2]: D=X5
child after execve of env(1):
B=2
C=3
D=X5'
}

@test "demo_environ: clearenv leaves nothing to inherit" {
    run -0 env -i A=1 "$P/demo_environ" -c -s ONLY=this
    assert_output 'environ[0]: ONLY=this
child after execve of env(1):
ONLY=this'
}

@test "demo_environ: malformed NAME=VALUE is a usage error" {
    run -2 --separate-stderr "$P/demo_environ" -s =x
    assert_equal "${stderr_lines[0]}" "demo_environ: -s: '=x' is not NAME=VALUE"
    run -1 --separate-stderr "$P/demo_environ" -u ""
    assert_equal "$stderr" "demo_environ: unsetenv '': Invalid argument (EINVAL)"
}

@test "proc_status: explains the fields of a process's status file" {
    spawn sleep 30
    wait_for asleep "$SPAWNED"
    run -0 "$P/proc_status" "$SPAWNED"
    assert_line "Name: sleep"
    assert_line --regexp '^State: S \(sleeping, interruptible\)$'
    assert_line "PPid: $$"
    u=$(id -u)
    assert_line "Uid: real $u, effective $u, saved $u, filesystem $u"
    for cap in CapInh CapPrm CapEff CapBnd CapAmb; do
        assert_line "$(grep "^$cap:" "/proc/$SPAWNED/status" | tr -s '\t' ' ')"
    done
    assert_line "NSpid: $SPAWNED"
    assert_line "Threads: 1"
    assert_line --regexp '^Seccomp: 0 \(no seccomp\)$'
}

@test "proc_status: a stopped process and a missing one" {
    spawn sleep 30
    kill -STOP "$SPAWNED"
    wait_for grep -q '^State:.T' "/proc/$SPAWNED/status"
    run -0 "$P/proc_status" "$SPAWNED"
    assert_line "State: T (stopped by a signal)"
    run -1 --separate-stderr "$P/proc_status" 999999999
    assert_equal "$stderr" "proc_status: open /proc/999999999/status: No such file or directory (ENOENT)"
    run -2 "$P/proc_status" 12x
}

@test "proc_status: with no PID it describes itself" {
    run -0 "$P/proc_status"
    assert_line "Name: proc_status"
    assert_line "State: R (running or runnable)"
}

@test "mini_ps: lists a process with its parent, state, user and arguments" {
    spawn sleep 51
    wait_for asleep "$SPAWNED"
    run -0 "$P/mini_ps"
    assert_line --index 0 --regexp '^ +PID +PPID S USER +COMMAND$'
    assert_line --regexp "^ +$SPAWNED +$$ S $(id -un) +sleep 51\$"
    assert_line --regexp '^ +[0-9]+ +[0-9]+ R .*mini_ps$'
}

@test "mini_ps: -u shows only that user's processes" {
    require root
    spawn as_user sleep 52
    wait_for asleep "$SPAWNED"
    run -0 "$P/mini_ps" -u nobody
    assert_line --regexp "^ +$SPAWNED +[0-9]+ S nobody +sleep 52\$"
    refute_line --regexp ' root '
    run -0 "$P/mini_ps" -u 65534
    assert_line --regexp "^ +$SPAWNED "
}

@test "mini_ps: kernel threads show as [name]; an unknown user is an error" {
    run -0 "$P/mini_ps"
    assert_line --regexp '^ +2 +0 [SI] root +\[kthreadd\]$'
    run -2 "$P/mini_ps" -u no-such-user-isolab
}
