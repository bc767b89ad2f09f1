#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# seccomp: BPF filters, return values, libseccomp, user notification
# (course chapters 20 and 21). Seccomp needs no privilege: every test runs
# as root and as nobody (make check-rootless) alike.

load helper

setup() {
    require seccomp
    cd "$BATS_TEST_TMPDIR" || return 1
    S=$ISOLAB_TOP/seccomp
    TRY=$ISOLAB_TOP/tests/bin/try_call
}

SIGSYS_STATUS=159 # 128 + 31

x86_64_only() {
    [ "$(uname -m)" = x86_64 ] || skip "the i386 and x32 ABIs are x86_64's"
}

# ---- seccomp_deny_open ----

@test "seccomp_deny_open: open works before the filter and fails after" {
    run -0 "$S/seccomp_deny_open"
    assert_output "before: open /etc/passwd: ok
filter: open, openat, openat2 -> EPERM
after: open /etc/passwd: Operation not permitted (EPERM)"
}

@test "seccomp_deny_open: -e gives another error, by name or number" {
    run -0 "$S/seccomp_deny_open" -e ENOENT
    assert_line "after: open /etc/passwd: No such file or directory (ENOENT)"
    run -0 "$S/seccomp_deny_open" -e 13
    assert_line "after: open /etc/passwd: Permission denied (EACCES)"
    run -2 "$S/seccomp_deny_open" -e ENOTANERROR
    # One action: an error, or a kill.
    run -2 --separate-stderr "$S/seccomp_deny_open" -e EACCES -k
    assert_equal "${stderr_lines[0]}" "seccomp_deny_open: -e and -k exclude each other"
}

@test "seccomp_deny_open: -k kills the process with SIGSYS at the open" {
    run -$SIGSYS_STATUS "$S/seccomp_deny_open" -k
    assert_line "filter: open, openat, openat2 -> kill (SIGSYS)"
    refute_line --partial "after:"
}

@test "seccomp_deny_open: a dynamically linked command dies loading its libraries" {
    run -127 "$S/seccomp_deny_open" -x cat /etc/passwd
    assert_line --partial "error while loading shared libraries"
    assert_line --partial "Operation not permitted"
    refute_line --partial "root:x:0:0"
}

@test "seccomp_deny_open: a static busybox runs and gets the error at its own open" {
    require busybox
    bb=$(busybox_static)
    run -1 "$S/seccomp_deny_open" -x "$bb" cat /etc/passwd
    assert_line "cat: can't open '/etc/passwd': Operation not permitted"
}

@test "seccomp_deny_open: the command runs in seccomp mode 2, with no_new_privs" {
    require busybox
    spawn "$S/seccomp_deny_open" -x "$(busybox_static)" sleep 30
    wait_for grep -q "^Seccomp:.2" "/proc/$SPAWNED/status"
    run grep -e '^Seccomp' -e NoNewPrivs "/proc/$SPAWNED/status"
    assert_line "NoNewPrivs:	1"
    assert_line "Seccomp:	2"
    assert_line "Seccomp_filters:	1"
}

# ---- demo_arch ----

@test "demo_arch: without the arch check, an i386 call goes round the filter" {
    x86_64_only
    run "$S/demo_arch"
    [ "$status" -ne 77 ] || skip "the kernel has the i386 ABI off"
    assert_success
    assert_line "native getpid (nr 39): Operation not permitted (EPERM)"
    assert_line --regexp '^i386 getpid \(int \$0x80, nr 20\): [0-9]+: the filter let it through$'
    assert_line --regexp '^x32 getpid \(nr 0x40000027\): .*the filter let it through'
}

@test "demo_arch: with the check, both ways around are killed" {
    x86_64_only
    run "$S/demo_arch" -c
    [ "$status" -ne 77 ] || skip "the kernel has the i386 ABI off"
    assert_success
    assert_line "native getpid (nr 39): Operation not permitted (EPERM)"
    assert_line "i386 getpid (int \$0x80, nr 20): killed by SIGSYS"
    assert_line "x32 getpid (nr 0x40000027): killed by SIGSYS"
}

# ---- seccomp_ret ----

@test "seccomp_ret: errno returns its data as the error" {
    run -0 "$S/seccomp_ret" errno:EACCES
    assert_output "getppid: Permission denied (EACCES)"
    run -0 "$S/seccomp_ret" errno
    assert_output "getppid: Operation not permitted (EPERM)"
}

@test "seccomp_ret: allow and log let the call through" {
    run -0 "$S/seccomp_ret" allow
    assert_output --regexp '^getppid: [0-9]+$'
    run -0 "$S/seccomp_ret" log
    assert_output --regexp '^getppid: [0-9]+$'
}

@test "seccomp_ret: the action of highest precedence wins, whatever the order" {
    run -0 "$S/seccomp_ret" errno allow log
    assert_output "getppid: Operation not permitted (EPERM)"
    run -0 "$S/seccomp_ret" allow log errno
    assert_output "getppid: Operation not permitted (EPERM)"
    run -0 "$S/seccomp_ret" errno trap:1
    assert_line "getppid: trapped"
    run -$SIGSYS_STATUS "$S/seccomp_ret" trap errno kill_process log
    assert_output ""
}

@test "seccomp_ret: between equal actions, the filter installed last gives the data" {
    run -0 "$S/seccomp_ret" errno:1 errno:13
    assert_output "getppid: Permission denied (EACCES)"
    run -0 "$S/seccomp_ret" errno:13 errno:1
    assert_output "getppid: Operation not permitted (EPERM)"
}

@test "seccomp_ret: trap raises SIGSYS with the number, arch and data in siginfo" {
    nr=$(printf '#include <sys/syscall.h>\nSYS_getppid\n' | cpp -P | tail -1)
    run -0 "$S/seccomp_ret" trap:7
    assert_line --regexp "^handler: SIGSYS syscall $nr arch 0x[0-9a-f]+ data 7 address 0x[0-9a-f]+\$"
}

@test "seccomp_ret: kill_thread ends a single-threaded process, only the thread otherwise" {
    run -$SIGSYS_STATUS "$S/seccomp_ret" kill_thread
    assert_output ""
    run -0 "$S/seccomp_ret" -t kill_thread
    assert_output "main: the other thread is gone, this one goes on"
    run -$SIGSYS_STATUS "$S/seccomp_ret" -t kill_process
}

@test "seccomp_ret: trace and user_notif with nobody to answer fail with ENOSYS" {
    run -0 "$S/seccomp_ret" trace
    assert_output "getppid: Function not implemented (ENOSYS)"
    run -0 "$S/seccomp_ret" user_notif
    assert_output "getppid: Function not implemented (ENOSYS)"
}

@test "seccomp_ret: log writes an audit record of the call" {
    # The record goes to the audit log when auditd runs, to the kernel
    # log otherwise; reading either may need privilege.
    if [ -r /var/log/audit/audit.log ] && pgrep -x auditd >/dev/null; then
        log=(cat /var/log/audit/audit.log)
    elif dmesg >/dev/null 2>&1; then
        log=(dmesg)
    else
        skip "neither the audit log nor the kernel log is readable here"
    fi
    grep -qw log /proc/sys/kernel/seccomp/actions_logged ||
        skip "this machine does not log RET_LOG (kernel.seccomp.actions_logged)"
    # The kernel log drops audit records past a rate (printk's limit,
    # about ten in five seconds): when other tests have just logged many,
    # ours may be one of those dropped. Three tries, each a new process.
    found=no
    for _ in 1 2 3; do
        run -0 sh -c 'echo $$; exec "$1" log' sh "$S/seccomp_ret"
        pid=${lines[0]}
        # type=1326 is AUDIT_SECCOMP; 0x7ffc0000 is SECCOMP_RET_LOG.
        if wait_for sh -c "\"\${@}\" | grep -q 'type=1326.* pid=$pid .*code=0x7ffc0000'" sh "${log[@]}"; then
            found=yes
            break
        fi
    done
    assert_equal "$found" yes
}

@test "seccomp_ret -a: the kernel says which actions it knows" {
    require kernel 5.0 # user_notif, the newest of the eight
    run -0 "$S/seccomp_ret" -a
    for a in kill_process kill_thread trap errno user_notif trace log allow; do
        assert_line "$a: available"
    done
    assert_equal "${#lines[@]}" 8
    run -2 "$S/seccomp_ret" -a errno
}

@test "seccomp_ret: bad actions are usage errors" {
    run -2 "$S/seccomp_ret"
    run -2 --separate-stderr "$S/seccomp_ret" nothing
    assert_equal "${stderr_lines[0]}" "seccomp_ret: 'nothing' is not an action"
    run -2 --separate-stderr "$S/seccomp_ret" log:3
    assert_equal "${stderr_lines[0]}" "seccomp_ret: log:3: this action takes no data"
    run -2 "$S/seccomp_ret" trap:65536
}

# ---- demo_trace, seccomp_notify ----

@test "demo_trace: the tracer stops at the traced call and reads the filter's data" {
    nr=$(printf '#include <sys/syscall.h>\nSYS_getppid\n' | cpp -P | tail -1)
    run -0 "$S/demo_trace"
    assert_line --index 0 --regexp "^tracer: seccomp stop: syscall $nr, data 42, ip 0x[0-9a-f]+\$"
    assert_line --index 1 --regexp '^child: getppid: [0-9]+$'
    assert_line --index 2 "tracer: child exited with status 0"
    assert_equal "${#lines[@]}" 3
}

@test "demo_trace: without a tracer the call fails with ENOSYS" {
    run -0 "$S/demo_trace" -n
    assert_output "child: getppid: Function not implemented (ENOSYS)"
}

@test "seccomp_notify: -r gives the command the supervisor's file" {
    echo 'not the real one' >fake
    run -0 --separate-stderr "$S/seccomp_notify" -r /etc/hostname="$PWD/fake" cat /etc/hostname
    assert_output "not the real one"
    assert_equal "$stderr" "seccomp_notify: supervisor: openat /etc/hostname: FILE $PWD/fake"
}

@test "seccomp_notify: -d fails the open with EACCES, other opens go on" {
    run -1 --separate-stderr "$S/seccomp_notify" -d /etc/passwd cat /etc/os-release /etc/passwd
    assert_line --partial "ID="
    assert_equal "${stderr_lines[0]}" "seccomp_notify: supervisor: openat /etc/passwd: EACCES"
    assert_equal "${stderr_lines[1]}" "cat: /etc/passwd: Permission denied"
}

@test "seccomp_notify: -v reports every decision; the command's status is passed on" {
    run -3 --separate-stderr "$S/seccomp_notify" -v sh -c 'cat /etc/hostname >/dev/null; exit 3'
    for line in "${stderr_lines[@]}"; do
        [[ "$line" == "seccomp_notify: supervisor: open"*": CONTINUE" ]]
    done
    [[ "$stderr" == *"seccomp_notify: supervisor: openat /etc/hostname: CONTINUE"* ]]
    run -127 "$S/seccomp_notify" /nonexistent/cmd
    run -2 "$S/seccomp_notify" -r nofile true
}

# ---- demo_nnp ----

@test "demo_nnp: no filter for an unprivileged process without no_new_privs" {
    run -1 as_user "$S/demo_nnp"
    if [ "$(id -u)" -ne 0 ] && grep -q '^CapEff:.*[1-9a-f]' /proc/self/status; then
        skip "this process holds capabilities"
    fi
    assert_output "NoNewPrivs: 0
seccomp: Permission denied (EACCES)"
    run -0 as_user "$S/demo_nnp" -n
    assert_output "NoNewPrivs: 1
seccomp: ok
Seccomp: 2"
}

@test "demo_nnp: CAP_SYS_ADMIN needs no no_new_privs (root)" {
    require root
    run -0 "$S/demo_nnp"
    assert_output "NoNewPrivs: 0
seccomp: ok
Seccomp: 2"
}

# ---- libseccomp ----

@test "lsc_deny_open: the same behaviour as the hand-written filter" {
    for args in "" "-e EACCES" "-e 2"; do
        # shellcheck disable=SC2086 # $args is split on purpose
        assert_equal "$("$S/lsc_deny_open" $args)" "$("$S/seccomp_deny_open" $args)"
    done
    run -$SIGSYS_STATUS "$S/lsc_deny_open" -k
    refute_line --partial "after:"
}

@test "lsc_rules: -s refuses one socket family and no other" {
    run -0 "$S/lsc_rules" -s inet6 "$TRY" socket inet6
    assert_output "socket: Address family not supported by protocol (EAFNOSUPPORT)"
    run -0 "$S/lsc_rules" -s inet6 "$TRY" socket inet
    assert_output "socket: ok"
    run -0 "$S/lsc_rules" -s inet6 -s 2 "$TRY" socket inet
    assert_output "socket: Address family not supported by protocol (EAFNOSUPPORT)"
}

@test "lsc_rules: -n refuses namespaces through clone, clone3, unshare and setns" {
    run -0 "$S/lsc_rules" -n "$TRY" clone user
    assert_output "clone: Operation not permitted (EPERM)"
    run -0 "$S/lsc_rules" -n "$TRY" clone net
    assert_output "clone: Operation not permitted (EPERM)"
    run -0 "$S/lsc_rules" -n "$TRY" clone3 user
    assert_output "clone3: Function not implemented (ENOSYS)"
    run -0 "$S/lsc_rules" -n "$TRY" unshare uts
    assert_output "unshare: Operation not permitted (EPERM)"
    run -0 "$S/lsc_rules" -n "$TRY" setns
    assert_output "setns: Operation not permitted (EPERM)"
}

@test "lsc_rules: -n still lets a process fork, through clone without namespace flags" {
    run -0 "$S/lsc_rules" -n "$TRY" clone none
    assert_output "clone: ok"
    run -0 "$S/lsc_rules" -n sh -c '(echo from a child)'
    assert_output "from a child"
}

@test "lsc_rules: -p prints the pseudo-code: arch check, then the rules" {
    run -0 "$S/lsc_rules" -n -s inet6 -p
    assert_line --regexp '^if \(\$arch == [0-9]+\)$'
    assert_line --partial '# filter for syscall "clone3"'
    assert_line --partial '# filter for syscall "socket"'
    assert_line --partial 'action ERRNO(38);'
}

@test "lsc_rules: exactly one of -p, -b and a command" {
    run -2 "$S/lsc_rules" -n
    run -2 "$S/lsc_rules" -p -b f.bpf
    run -2 "$S/lsc_rules" -p true
    run -2 "$S/lsc_rules" -s nosuchfamily -p
}

@test "seccomp_exec: the BPF that lsc_rules exports behaves as lsc_rules does" {
    run -0 "$S/lsc_rules" -n -b no-ns.bpf
    [ $(($(stat -c %s no-ns.bpf) % 8)) -eq 0 ]
    run -0 "$S/seccomp_exec" no-ns.bpf "$TRY" unshare user
    assert_output "unshare: Operation not permitted (EPERM)"
    run -0 "$S/seccomp_exec" no-ns.bpf grep ^Seccomp /proc/self/status
    assert_line "Seccomp:	2"
    assert_line "Seccomp_filters:	1"
}

@test "seccomp_exec: files that are no BPF program are refused" {
    printf 'abc' >odd.bpf
    run -1 --separate-stderr "$S/seccomp_exec" odd.bpf true
    assert_equal "$stderr" "seccomp_exec: odd.bpf: 3 bytes is not 1 to 4096 instructions of 8 bytes"
    head -c 16 /dev/zero >zero.bpf
    run -1 --separate-stderr "$S/seccomp_exec" zero.bpf true
    assert_equal "$stderr" "seccomp_exec: seccomp zero.bpf: Invalid argument (EINVAL)"
    run -1 "$S/seccomp_exec" /nonexistent true
    run -2 "$S/seccomp_exec" zero.bpf
}

# ---- allowlists ----

@test "syscall_list.sh: lists the calls of a command, execve among them" {
    require cmd strace
    run -0 --separate-stderr "$S/syscall_list.sh" ls.list ls /
    assert_line usr
    run -0 cat ls.list
    assert_line execve
    assert_line getdents64
    assert_line exit_group
    assert_equal "$(sort -u ls.list)" "$output"
}

@test "seccomp_allow: the command runs under its list, and fails without one call" {
    require cmd strace
    "$S/syscall_list.sh" ls.list ls / >/dev/null 2>&1
    run -0 "$S/seccomp_allow" ls.list ls /
    assert_line usr
    grep -vx getdents64 ls.list >less.list
    run -2 --separate-stderr "$S/seccomp_allow" less.list ls /
    assert_equal "$stderr" "ls: reading directory '/': State not recoverable"
    run -$SIGSYS_STATUS "$S/seccomp_allow" -k less.list ls /
    run -2 --separate-stderr "$S/seccomp_allow" -e EIO less.list ls /
    assert_equal "$stderr" "ls: reading directory '/': Input/output error"
}

@test "seccomp_allow: an unknown name in the list is an error with its line" {
    printf '# comment\nread\nnot_a_call\n' >bad.list
    run -1 --separate-stderr "$S/seccomp_allow" bad.list true
    assert_equal "$stderr" "seccomp_allow: bad.list:3: 'not_a_call' is not a system call here"
    run -1 "$S/seccomp_allow" /nonexistent true
    echo read >no-execve.list
    run -1 --separate-stderr "$S/seccomp_allow" no-execve.list true
    assert_equal "$stderr" "seccomp_allow: no-execve.list: execve is not in the list: CMD could not start"
}

# ---- caveats and cost ----

@test "demo_vdso: the C library's clock works under a filter that refuses the call" {
    run -0 "$S/demo_vdso"
    assert_line "syscall(SYS_clock_gettime): Operation not permitted (EPERM)"
    check_vdso_clock || skip "$CHECK_MSG"
    assert_line "clock_gettime() through the C library: ok"
}

@test "seccomp_bench: -q prints a header and one row of three numbers per case" {
    run -0 --separate-stderr "$S/seccomp_bench" -q
    assert_line --index 0 "# seccomp_bench: getppid() under filters, ns per call"
    assert_line --index 1 --regexp '^# machine: Linux .*, [0-9]+ CPUs, 2000 calls x 3 runs$'
    assert_equal "$(grep -vc '^#' <<<"$output")" 9
    run -0 grep -v '^#' <<<"$output"
    for line in "${lines[@]}"; do
        [[ "$line" =~ ^[a-z0-9].*\ +[0-9]+\.[0-9]\ +[0-9]+\.[0-9]\ +[0-9]+\.[0-9]$ ]]
    done
    assert_line --regexp '^none '
    assert_line --regexp '^libseccomp tree, 300 rules '
}

@test "seccomp_strict: write and the thread's exit pass; getpid and exit_group kill with SIGKILL" {
    run -0 "$S/seccomp_strict"
    assert_output "strict mode: on
write: ok"
    run -137 "$S/seccomp_strict" getpid
    assert_output "strict mode: on"
    run -137 "$S/seccomp_strict" exit_group
    assert_output "strict mode: on"
    run -2 "$S/seccomp_strict" open
    assert_line --index 0 "seccomp_strict: CALL: 'open' is not write, getpid or exit_group"
}

@test "seccomp_tsync: a thread already running keeps its old filters, unless TSYNC" {
    run -0 "$S/seccomp_tsync"
    assert_line "main thread: getppid: Operation not permitted (EPERM)"
    assert_line "other thread: getppid: ok"
    run -0 "$S/seccomp_tsync" -s
    assert_line "main thread: getppid: Operation not permitted (EPERM)"
    assert_line "other thread: getppid: Operation not permitted (EPERM)"
}

# ---- seccomp_log ----

@test "seccomp_log: as root, the log action always leaves an audit record, a refusal only with FLAG_LOG" {
    require root
    run --separate-stderr "$S/seccomp_log"
    [ "$status" -ne 77 ] || skip "$stderr"
    assert_success
    assert_line "getppid: Operation not permitted (EPERM)"
    assert_line "audit: getuid code=0x7ffc0000 (log)"
    refute_line --partial "audit: getppid"
    run -0 --separate-stderr "$S/seccomp_log" -l
    assert_line "getppid: Operation not permitted (EPERM)"
    # The records in the order the calls were made.
    assert_equal "$(grep '^audit:' <<<"$output")" "audit: getppid code=0x50000 (errno)
audit: getuid code=0x7ffc0000 (log)"
}

@test "seccomp_log: as an ordinary user, the filter works and reading the records is refused with its reason (77)" {
    run -77 --separate-stderr as_user "$S/seccomp_log" -l
    assert_line "getppid: Operation not permitted (EPERM)"
    assert_line "getuid: $(as_user id -u)"
    assert_equal "$stderr" "seccomp_log: cannot read the audit records: binding to the audit group needs CAP_AUDIT_READ (root); they are in the kernel log: sudo dmesg | grep type=1326"
}

# ---- bpf_dump ----

@test "bpf_dump: libseccomp's filter, instruction by instruction: the arch first, the call named, the action named, jumps forward only" {
    "$S/lsc_rules" -s inet6 -b inet6.bpf
    run -0 --separate-stderr "$S/bpf_dump" inet6.bpf
    assert_line --index 0 "0000: ld   [arch]"
    assert_line --index 1 --regexp '^0001: jeq  #0x[0-9a-f]+, 0002, [0-9]{4}   \(AUDIT_ARCH_(X86_64|AARCH64)\)$'
    assert_line --index 2 "0002: ld   [nr]"
    assert_line --regexp '^[0-9]{4}: jeq  #[0-9]+, [0-9]{4}, [0-9]{4}   \(socket\)$'
    assert_line --regexp '^[0-9]{4}: ld   \[args\[0\]\]$'
    assert_line --regexp '^[0-9]{4}: ret  ERRNO\(97\)   \(EAFNOSUPPORT\)$'
    assert_line --regexp '^[0-9]{4}: ret  ALLOW$'
    # One line per instruction of 8 bytes, and every jump lands after it
    # (as the kernel requires), on an instruction of the program.
    assert_equal "${#lines[@]}" $(($(stat -c %s inet6.bpf) / 8))
    run -0 awk -v n="${#lines[@]}" '$2 ~ /^j/ && $2 != "ja" {
            at = $1 + 0; t = $4 + 0; f = $5 + 0
            if (t <= at || f <= at || t >= n || f >= n) print "backward or out:", $0
        }' <<<"$output"
    assert_output ""
}

@test "bpf_dump: a hand-made filter: every return action by name" {
    # ret KILL_PROCESS, KILL_THREAD, TRAP, ERRNO(1), USER_NOTIF, TRACE, LOG,
    # ALLOW: each code 0x06 (BPF_RET | BPF_K), jt = jf = 0, and K, the
    # action, little-endian. (printf reuses its format for each argument.)
    printf '\x06\x00\x00\x00%b' '\x00\x00\x00\x80' '\x00\x00\x00\x00' \
        '\x05\x00\x03\x00' '\x01\x00\x05\x00' '\x00\x00\xc0\x7f' \
        '\x07\x00\xf0\x7f' '\x00\x00\xfc\x7f' '\x00\x00\xff\x7f' >all.bpf
    assert_equal "$(stat -c %s all.bpf)" 64
    run -0 "$S/bpf_dump" all.bpf
    assert_output "0000: ret  KILL_PROCESS
0001: ret  KILL_THREAD
0002: ret  TRAP (data 5)
0003: ret  ERRNO(1)   (EPERM)
0004: ret  USER_NOTIF
0005: ret  TRACE (data 7)
0006: ret  LOG
0007: ret  ALLOW"
}

@test "bpf_dump: a file that is no whole number of instructions is refused; -p takes no file" {
    printf 'abc' >bad.bpf
    run -1 --separate-stderr "$S/bpf_dump" bad.bpf
    assert_equal "$stderr" "bpf_dump: bad.bpf: 3 bytes is not 1 to 4096 instructions of 8 bytes"
    run -2 --separate-stderr "$S/bpf_dump" -p 1 bad.bpf
}

@test "bpf_dump: -p dumps a running process's filter, the same as its file (root)" {
    require root
    "$S/lsc_rules" -s inet6 -b inet6.bpf
    spawn "$S/seccomp_exec" inet6.bpf sleep 30
    wait_for asleep "$SPAWNED"
    run --separate-stderr "$S/bpf_dump" -p "$SPAWNED"
    [ "$status" -ne 77 ] || skip "$stderr"
    assert_success
    assert_equal "$output" "$("$S/bpf_dump" inet6.bpf)"
    run -1 --separate-stderr "$S/bpf_dump" -p "$SPAWNED" -i 1
    assert_equal "$stderr" "bpf_dump: process $SPAWNED has no filter number 1"
    # The process goes on, untraced.
    asleep "$SPAWNED"
    [ "$(awk '/^TracerPid:/ {print $2}' "/proc/$SPAWNED/status")" = 0 ]
}

@test "bpf_dump: -p by an ordinary user, even of its own process, is refused with the reason" {
    "$S/lsc_rules" -s inet6 -b inet6.bpf
    chmod 644 inet6.bpf
    let_through "$BATS_TEST_TMPDIR"
    spawn as_user "$S/seccomp_exec" "$BATS_TEST_TMPDIR/inet6.bpf" sleep 30
    wait_for asleep "$SPAWNED"
    # Refused at the ptrace(), where Yama's ptrace_scope forbids tracing
    # a process that is not one's child; else at the dump.
    run -1 --separate-stderr as_user "$S/bpf_dump" -p "$SPAWNED"
    [[ $stderr == "bpf_dump: PTRACE_SECCOMP_GET_FILTER: needs CAP_SYS_ADMIN (root), and no seccomp filter of our own" ||
        $stderr == "bpf_dump: ptrace seize $SPAWNED (dumping a filter needs root): Operation not permitted (EPERM)" ]]
}
