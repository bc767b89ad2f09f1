# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab container/refused (exercises/container/README.md): a command that
# fails in isocon's container; with which error, and which of its layers
# refused it? Sourced by tools/lab.bash.

LAB_WORDS=(kestrel plover curlew dunlin gannet merlin osprey siskin)
# An attempt each: the command (NAME: a word of the seed).
LAB_ATTEMPTS=("touch /etc/NAME"
    "hostname NAME"
    "unshare -U true"
    "mkdir /bin/NAME"
    "ifconfig lo mtu 1280"
    "unshare -U -n true")

lab_setup() {
    LAB_CMD=${LAB_ATTEMPTS[LAB_N % ${#LAB_ATTEMPTS[@]}]}
    LAB_CMD=${LAB_CMD//NAME/${LAB_WORDS[LAB_N / 6 % 8]}}
    lab_need userns
    [ -x "$LAB_TOP/build/rootfs/bin/sh" ] ||
        lab_cannot "no container root: make rootfs"
    printf '#!/bin/sh\n# One command in a new isocon container.\nexec %q sh -c %q\n' \
        "$LAB_TOP/container/isocon" "$LAB_CMD" >"$LAB_DIR/attempt"
    chmod +x "$LAB_DIR/attempt"
    lab_show "$LAB_DIR/attempt runs one command in an isocon container:" \
        "    $LAB_CMD" \
        "It fails. With which error (its symbolic name), and which layer" \
        "of the container refused it: seccomp (the filter), capabilities" \
        "(one the container does not keep) or read-only (its root file" \
        "system)?" \
        "    errno: ENAME" \
        "    layer: seccomp | capabilities | read-only"
}

lab_check() {
    local message errno layer said
    # What the command says, and whether it still fails without the
    # seccomp filter (isocon -S): the layers answer one by one.
    message=$("$LAB_TOP/container/isocon" sh -c "$LAB_CMD" 2>&1) || true
    case $message in
    *"Read-only file system"*) errno=EROFS layer=read-only ;;
    *"Operation not permitted"*)
        errno=EPERM layer=capabilities
        if "$LAB_TOP/container/isocon" -S sh -c "$LAB_CMD" >/dev/null 2>&1; then
            layer=seccomp
        fi
        ;;
    *) errno="(none: $message)" layer=none ;;
    esac
    expect errno "$errno" \
        "the message is strerror()'s text; errno(3) and /usr/include/asm-generic/errno-base.h give its name"
    # Other words for the same layers.
    said=$(words "$(answer layer)")
    case $said in
    filter | "seccomp filter") said=seccomp ;;
    capability | caps | "bounding set") said=capabilities ;;
    ro | readonly | "read-only root" | mount) said=read-only ;;
    esac
    if ! answered layer || [ "$said" != "$layer" ]; then
        lab_wrong layer "isocon -S turns its seccomp filter off; its init's CapBnd (grep Cap /proc/1/status inside) says what it keeps; findmnt inside says which mounts are ro"
    fi
}
