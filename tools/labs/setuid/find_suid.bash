# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab setuid/find_suid (exercises/setuid/README.md): files with set-UID and
# set-GID bits among others; which are which? Sourced by tools/lab.bash.

LAB_WORDS=(archive backup convert deliver encode fetch gather helper
    install journal)

lab_setup() {
    local i name mode mix=$(((LAB_N * 2654435761) & 0xffffffff))
    # Six files. They are not programs (mode 0600 and the bits, nothing
    # can run them) and are yours: the bits would give no one anything.
    # File I's bits are bits 2I and 2I+1 of MIX, LAB_N scrambled (times
    # an odd number: the first file's bits change with every LAB_N).
    for i in 0 1 2 3 4 5; do
        name=${LAB_WORDS[(LAB_N / 7 + i) % 10]}
        mode=$(pick $((mix >> (2 * i))) 0600 4600 2600 6600)
        install -m "$mode" /dev/null "$LAB_DIR/$name" || return 1
    done
    lab_show "Six files in $LAB_DIR." \
        "Which have the set-user-ID bit, and which the set-group-ID bit?" \
        "(A file may have both, or neither; none if no file has it.)" \
        "    setuid: NAME ..." \
        "    setgid: NAME ..."
}

lab_check() {
    local suid sgid
    suid=$(find "$LAB_DIR" -type f -perm -4000 -printf '%f ')
    sgid=$(find "$LAB_DIR" -type f -perm -2000 -printf '%f ')
    expect setuid "${suid:-none}" \
        "ls -l shows the set-UID bit in the owner's x column (s or S); find -perm -4000 lists them"
    expect setgid "${sgid:-none}" \
        "the set-GID bit is in the group's x column; find -perm -2000"
}
