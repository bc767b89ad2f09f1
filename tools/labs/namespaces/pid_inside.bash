# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab namespaces/pid_inside (exercises/namespaces/README.md): a PID
# namespace seen from outside. Sourced by tools/lab.bash.

lab_setup() {
    local count=$((3 + LAB_N % 5)) nth=$((1 + LAB_N / 5 % (3 + LAB_N % 5)))
    local cmd="" kid
    lab_need userns
    # A new PID namespace whose init, a shell, starts COUNT sleeps one
    # after the other: the PIDs in there are handed out in order, 1 the
    # shell's. (The command is spelled out: $(seq) would be a process too.)
    for _ in $(seq "$count"); do
        cmd+="sleep 3600 & "
    done
    lab_spawn unshare "$LAB_TOP/namespaces/unshare" -rpf sh -c "${cmd}wait" ||
        return 1
    LAB_INIT=$(lab_below "$LAB_PID" sh) || return 1
    # The sleep started NTH: the one whose last NSpid is NTH + 1.
    lab_children "$LAB_INIT" "$count" || return 1
    for kid in $(pgrep -P "$LAB_INIT"); do
        [ "$(awk '/^NSpid:/ {print $NF}' "/proc/$kid/status")" != $((nth + 1)) ] ||
            LAB_TARGET=$kid
    done
    lab_show "A process in a PID namespace of its own: PID $LAB_TARGET (a sleep)." \
        "What is its PID in its own namespace, and how many processes" \
        "are there in that namespace?" \
        "    pid_inside: NUMBER" \
        "    processes: NUMBER"
}

lab_check() {
    expect pid_inside "$(awk '/^NSpid:/ {print $NF}' "/proc/$LAB_TARGET/status")" \
        "the NSpid line of /proc/PID/status has one PID per namespace level"
    expect processes "$(pidns_count "$LAB_TARGET")" \
        "lsns -t pid counts the processes of each PID namespace: its NPROCS column"
}
