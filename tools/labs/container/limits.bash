# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab container/limits (exercises/container/README.md): a running isocon
# container with a limit on its tasks; find its cgroup from outside.
# Sourced by tools/lab.bash.

lab_setup() {
    local max=$((20 + LAB_N % 80)) count=$((1 + LAB_N / 80 % 6)) cmd=""
    lab_need userns
    [ -x "$LAB_TOP/build/rootfs/bin/sh" ] ||
        lab_cannot "no container root: make rootfs"
    # The cgroup isocon makes its own below (-P): ours, so that it is
    # removed with the setup.
    lab_cgroup pids containers || return 1
    for _ in $(seq "$count"); do
        cmd+="sleep 3600 & "
    done
    lab_spawn isocon "$LAB_TOP/container/isocon" -p "$max" -P "$LAB_CG" \
        sh -c "${cmd}wait" || return 1
    LAB_INIT=$(lab_below "$LAB_PID" isocon-init) || return 1
    lab_children "$(lab_below "$LAB_INIT" sh)" "$count" || return 1
    lab_show "A container: isocon, PID $LAB_PID on this machine, runs it with" \
        "a limit on its tasks. How many may its cgroup hold, and how many" \
        "does it hold now?" \
        "    pids.max: NUMBER" \
        "    pids.current: NUMBER"
}

lab_check() {
    local dir
    # The container's cgroup: the one below ours that holds its init.
    dir=$(grep -lx "$LAB_INIT" "$LAB_CG"/*/cgroup.procs) || true
    dir=${dir%/cgroup.procs}
    expect pids.max "$(cat "$dir/pids.max")" \
        "the container's init is isocon's child; /proc/INIT/cgroup names its cgroup, a directory below /sys/fs/cgroup with the file"
    expect pids.current "$(cat "$dir/pids.current")" \
        "the same directory; or count the processes in it (cgroup.procs)"
}
