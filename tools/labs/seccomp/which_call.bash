# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab seccomp/which_call (exercises/seccomp/README.md): a command that a
# seccomp filter breaks; which call does the filter refuse, and with
# which error? Sourced by tools/lab.bash.

# The commands, each with the calls it may make for its step (which one
# depends on the architecture and the C library: the filter refuses all).
LAB_CMDS=("mkdir DIR/new|mkdir mkdirat"
    "uname -n|uname"
    "stat -f DIR|statfs fstatfs"
    "nice -n 5 true|setpriority"
    "touch -c DIR/file|utimensat"
    "ln -s target DIR/link|symlink symlinkat"
    "rm DIR/file|unlink unlinkat")
LAB_ERRNOS=(EPERM EACCES EROFS EIO EBUSY ENOSPC EDQUOT EMLINK)

# The numbers of those calls, and of those errors (the same on both).
# shellcheck disable=SC2034 # both read through a reference, table
declare -A LAB_NR_x86_64=([uname]=63 [mkdir]=83 [mkdirat]=258 [symlink]=88
    [symlinkat]=266 [unlink]=87 [unlinkat]=263 [statfs]=137 [fstatfs]=138
    [setpriority]=141 [utimensat]=280)
# shellcheck disable=SC2034
declare -A LAB_NR_aarch64=([uname]=160 [mkdirat]=34 [symlinkat]=36
    [unlinkat]=35 [statfs]=43 [fstatfs]=44 [setpriority]=140 [utimensat]=88)
declare -A LAB_ERRNO_NR=([EPERM]=1 [EACCES]=13 [EROFS]=30 [EIO]=5
    [EBUSY]=16 [ENOSPC]=28 [EDQUOT]=122 [EMLINK]=31)

# insn CODE JT JF K: one struct sock_filter (u16 code, u8 jt, u8 jf, u32
# k), little-endian, as the bytes of the filter file.
insn() {
    printf '%b' "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x\\x%02x\\x%02x\\x%02x\\x%02x' \
        $(($1 & 255)) $(($1 >> 8)) "$2" "$3" \
        $(($4 & 255)) $(($4 >> 8 & 255)) $(($4 >> 16 & 255)) $(($4 >> 24 & 255)))"
}

lab_setup() {
    local entry=${LAB_CMDS[LAB_N % ${#LAB_CMDS[@]}]} arch call nrs=() n i cmd
    local -n table
    LAB_ERRNO=${LAB_ERRNOS[LAB_N / ${#LAB_CMDS[@]} % ${#LAB_ERRNOS[@]}]}
    LAB_CALLS=${entry#*|}
    lab_need seccomp
    lab_need cmd strace
    case $(uname -m) in
    x86_64) arch=0xc000003e table=LAB_NR_x86_64 ;;
    aarch64) arch=0xc00000b7 table=LAB_NR_aarch64 ;;
    *) lab_cannot "the lab's filter knows the call numbers of x86_64 and aarch64 only, not $(uname -m)" ;;
    esac
    for call in $LAB_CALLS; do
        [ -z "${table[$call]:-}" ] || nrs+=("${table[$call]}")
    done
    # The filter: arch check; the number (x32's killed on x86_64); one
    # jump per refused call to the last instruction, ERRNO; else ALLOW.
    {
        insn 0x20 0 0 4                                  # A = arch
        insn 0x15 1 0 $((arch))                          # A == ours? skip 1
        insn 0x06 0 0 $((0x80000000))                    # KILL_PROCESS
        insn 0x20 0 0 0                                  # A = nr
        insn 0x35 0 1 $((0x40000000))                    # A >= x32 bit?
        insn 0x06 0 0 $((0x80000000))                    #   KILL_PROCESS
        n=${#nrs[@]}
        for i in "${!nrs[@]}"; do
            insn 0x15 $((n - i)) 0 "${nrs[i]}"           # A == nr: to ERRNO
        done
        insn 0x06 0 0 $((0x7fff0000))                    # ALLOW
        insn 0x06 0 0 $((0x00050000 | LAB_ERRNO_NR[$LAB_ERRNO])) # ERRNO
    } >"$LAB_DIR/filter.bpf"
    : >"$LAB_DIR/file"
    # The command, with DIR the lab's directory, under the filter.
    read -ra cmd <<<"${entry%%|*}"
    printf '#!/bin/sh\n# A command under a seccomp filter (the file filter.bpf).\nexec %q %q%s\n' \
        "$LAB_TOP/seccomp/seccomp_exec" "$LAB_DIR/filter.bpf" \
        "$(printf ' %q' "${cmd[@]//DIR/$LAB_DIR}")" >"$LAB_DIR/app"
    chmod +x "$LAB_DIR/app"
    lab_show "A command that a seccomp filter breaks: $LAB_DIR/app" \
        "Run it. Which system call does the filter refuse it, and with" \
        "which error (its symbolic name)?" \
        "    call: NAME" \
        "    errno: ENAME"
}

lab_check() {
    local failed
    # What the filter refuses here: a call of LAB_CALLS that failed with
    # LAB_ERRNO when the command ran under strace.
    # (The command fails, by design: its status is not the point.)
    strace -f -qq -o "$LAB_DIR/trace" "$LAB_DIR/app" >/dev/null 2>&1 || true
    failed=$(grep -oE "($(tr ' ' '|' <<<"$LAB_CALLS"))\(.* = -1 $LAB_ERRNO " \
        "$LAB_DIR/trace" | head -1) || true
    expect call "${failed%%(*}" \
        "strace -f shows every call of the command and what it returned"
    expect errno "$LAB_ERRNO" \
        "strace shows a failed call's error by name: = -1 ENAME"
}
