# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab setuid/ids (exercises/setuid/README.md): a process whose real and
# effective user IDs differ; what are its four user IDs? Sourced by
# tools/lab.bash.

lab_setup() {
    local real=$((2000 + LAB_N % 3000)) effective=$((5000 + LAB_N / 11 % 3000))
    # Root only: an ordinary user may give a process no user ID but its own.
    lab_need root
    # setpriv sets the real and the effective UID, then executes sleep:
    # UIDs no account has, so nothing on the machine knows them.
    lab_spawn sleep setpriv --ruid "$real" --euid "$effective" \
        --rgid 65534 --egid 65534 --clear-groups sleep 3600 || return 1
    lab_show "A process whose real and effective user IDs differ: PID $LAB_PID" \
        "(a sleep). What are its real, effective, saved set-user-ID and" \
        "file-system user IDs?" \
        "    real: NUMBER" \
        "    effective: NUMBER" \
        "    saved: NUMBER" \
        "    fs: NUMBER"
}

lab_check() {
    local real effective saved fs
    read -r _ real effective saved fs < <(grep '^Uid:' "/proc/$LAB_PID/status")
    expect real "$real" \
        "the Uid: line of /proc/PID/status has the four, in the order of getresuid() and then the fs one"
    expect effective "$effective" "the same line, or ps -o euid= -p PID"
    expect saved "$saved" \
        "the same line; what does execve() do to the saved set-user-ID?"
    expect fs "$fs" "the same line, or ps -o fsuid= -p PID"
}
