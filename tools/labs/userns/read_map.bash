# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab userns/read_map (exercises/userns/README.md): a process in a user
# namespace; who is it in there? Sourced by tools/lab.bash.

lab_setup() {
    # IDs that nobody has: what the student finds can only come from the
    # maps. Both change with LAB_N.
    local uid=$((1001 + LAB_N % 50000)) gid=$((2001 + LAB_N / 3 % 30000))
    lab_need userns
    lab_spawn userns_child_ex "$LAB_TOP/userns/userns_child_exec" \
        -M "$uid $(id -u) 1" -G "$gid $(id -g) 1" sleep 3600 || return 1
    LAB_TARGET=$(lab_below "$LAB_PID" sleep) || return 1
    lab_show "A process in a user namespace of its own: PID $LAB_TARGET (a sleep)." \
        "Which user ID and group ID does it have in its namespace?" \
        "(Not what ps or /proc/PID/status show you: they show its IDs as" \
        "your namespace sees them.)" \
        "    uid_inside: NUMBER" \
        "    gid_inside: NUMBER"
}

lab_check() {
    local inside
    # The map's one line: ID inside, ID outside (ours), count. The first
    # field is what our UID is in there.
    read -r inside _ <"/proc/$LAB_TARGET/uid_map"
    expect uid_inside "$inside" \
        "/proc/PID/uid_map: ID-inside-ns, ID-outside-ns, length"
    read -r inside _ <"/proc/$LAB_TARGET/gid_map"
    expect gid_inside "$inside" "/proc/PID/gid_map has the same three fields"
}
