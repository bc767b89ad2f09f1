# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab container/inside (exercises/container/README.md): a running isocon
# container, seen from outside. Sourced by tools/lab.bash.

LAB_WORDS=(otter heron badger marten lynx raven stoat vole)

lab_setup() {
    local name=${LAB_WORDS[LAB_N % 8]} count=$((2 + LAB_N / 8 % 5)) cmd=""
    local opts=(-H "$name")
    lab_need userns
    [ -x "$LAB_TOP/build/rootfs/bin/sh" ] ||
        lab_cannot "no container root: make rootfs"
    # LAB_N / 40 odd: a time namespace too (-T).
    [ $((LAB_N / 40 % 2)) -eq 0 ] || opts+=(-T)
    for _ in $(seq "$count"); do
        cmd+="sleep 3600 & "
    done
    lab_spawn isocon "$LAB_TOP/container/isocon" "${opts[@]}" sh -c "${cmd}wait" ||
        return 1
    LAB_INIT=$(lab_below "$LAB_PID" isocon-init) || return 1
    lab_children "$(lab_below "$LAB_INIT" sh)" "$count" || return 1
    lab_show "A container: isocon, PID $LAB_PID on this machine, runs it." \
        "What is the container's hostname, how many processes are in it" \
        "(its PID namespace), and in which namespaces is its init not" \
        "with you (the names that /proc/PID/ns uses)?" \
        "    hostname: NAME" \
        "    processes: NUMBER" \
        "    differ: NAME ..."
}

lab_check() {
    local t differ=()
    # Its hostname: what its own UTS namespace says (nsenter would need
    # to join its user namespace first; isocon -x does all of that).
    expect hostname "$("$LAB_TOP/container/isocon" -x "$LAB_INIT" hostname)" \
        "the init of the container is isocon's child; isocon -x PID hostname runs hostname in there, or nsenter -t PID -U -u --preserve-credentials hostname"
    expect processes "$(pidns_count "$LAB_INIT")" \
        "lsns -t pid -p PID counts them (NPROCS), or ps inside it (isocon -x PID ps, minus ps itself)"
    for t in cgroup ipc mnt net pid time user uts; do
        [ "$(readlink "/proc/$LAB_INIT/ns/$t")" = "$(readlink "/proc/$$/ns/$t")" ] ||
            differ+=("$t")
    done
    expect differ "${differ[*]}" \
        "compare the links in /proc/PID/ns of its init with your shell's, /proc/\$\$/ns"
}
