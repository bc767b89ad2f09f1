# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab userns/chain (exercises/userns/README.md): user namespaces inside
# user namespaces. Sourced by tools/lab.bash.

lab_setup() {
    local depth=$((2 + LAB_N % 3)) level cmd=() above_uid above_gid id
    lab_need userns
    # DEPTH user namespaces, each made by the process of the one above
    # and mapping a single ID: the caller's own, the only map that an
    # unprivileged process may write. The IDs change with LAB_N.
    above_uid=$(id -u) above_gid=$(id -g)
    for level in $(seq "$depth"); do
        id=$((100 * level + LAB_N / 3 % 97))
        cmd+=("$LAB_TOP/userns/userns_child_exec" -M "$id $above_uid 1"
            -G "$id $above_gid 1")
        above_uid=$id above_gid=$id
    done
    lab_spawn userns_child_ex "${cmd[@]}" sleep 3600 || return 1
    LAB_TARGET=$(lab_below "$LAB_PID" sleep) || return 1
    lab_show "A process in a user namespace: PID $LAB_TARGET (a sleep)." \
        "How many user namespaces down from the initial one is its own" \
        "(1: a child of the initial namespace)? And what is its UID in" \
        "its own namespace?" \
        "    depth: NUMBER" \
        "    uid_inside: NUMBER"
}

lab_check() {
    local depth=0 inside _
    # The levels as the kernel has them: userns_chain walks the parents
    # (ioctl NS_GET_PARENT); its lines below the top one are the depth.
    depth=$(("$(sed '/: top/q' <("$LAB_TOP/userns/userns_chain" "$LAB_TARGET") | wc -l)" - 1))
    expect depth "$depth" \
        "userns_chain PID walks from a process's user namespace to the top"
    read -r inside _ <"/proc/$LAB_TARGET/uid_map"
    expect uid_inside "$inside" \
        "/proc/PID/uid_map, read from here, maps its namespace's IDs to yours"
}
