# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab namespaces/ns_differ (exercises/namespaces/README.md): two processes;
# in which namespaces do they differ? Sourced by tools/lab.bash.

lab_setup() {
    local flags=(-u -i -n -m -C) args=() i
    lab_need userns
    # The second process is in a new user namespace (so that an ordinary
    # user may make the others) and in new namespaces of the types whose
    # bit is set in LAB_N modulo 32.
    for i in 0 1 2 3 4; do
        [ $(((LAB_N % 32) >> i & 1)) -eq 0 ] || args+=("${flags[i]}")
    done
    lab_spawn sleep sleep 3600 || return 1
    LAB_FIRST=$LAB_PID
    lab_spawn sleep "$LAB_TOP/namespaces/unshare" -r "${args[@]}" sleep 3600 ||
        return 1
    LAB_SECOND=$LAB_PID
    lab_show "Two processes, both sleep: PID $LAB_FIRST and PID $LAB_SECOND." \
        "In which namespaces are they not together? Answer with the names" \
        "that /proc/PID/ns uses, on one line:" \
        "    differ: NAME NAME ..."
}

lab_check() {
    local t differ=()
    for t in cgroup ipc mnt net pid time user uts; do
        [ "$(readlink "/proc/$LAB_FIRST/ns/$t")" = "$(readlink "/proc/$LAB_SECOND/ns/$t")" ] ||
            differ+=("$t")
    done
    expect differ "${differ[*]}" \
        "compare the two processes' links in /proc/PID/ns, type by type"
}
