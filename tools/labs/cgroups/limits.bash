# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab cgroups/limits (exercises/cgroups/README.md): a process in a cgroup;
# which one, and what does its pids controller say? Sourced by
# tools/lab.bash.

LAB_WORDS=(alder beech cherry dogwood elm fir ginkgo hazel)

lab_setup() {
    local name=${LAB_WORDS[LAB_N / 3 % 8]}.slot$((LAB_N % 7))
    local max=$((20 + LAB_N % 80)) count=$((2 + LAB_N / 5 % 5))
    lab_cgroup pids "$name" || return 1
    echo "$max" >"$LAB_CG/pids.max" || return 1
    # COUNT sleeps, each moved into the cgroup once it runs.
    for _ in $(seq "$count"); do
        lab_spawn sleep sleep 3600 || return 1
        echo "$LAB_PID" >"$LAB_CG/cgroup.procs" || return 1
    done
    lab_show "A process in a cgroup that limits the number of processes:" \
        "PID $LAB_PID (a sleep). What is the name of its cgroup (the last" \
        "part of the path), how many processes may that cgroup hold, and" \
        "how many does it hold now?" \
        "    cgroup: NAME" \
        "    pids.max: NUMBER" \
        "    pids.current: NUMBER"
}

lab_check() {
    expect cgroup "${LAB_CG##*/}" \
        "/proc/PID/cgroup has the process's cgroup in each hierarchy (the pids one)"
    expect pids.max "$(cat "$LAB_CG/pids.max")" \
        "the limit is a file of the cgroup's directory, below /sys/fs/cgroup"
    expect pids.current "$(cat "$LAB_CG/pids.current")" \
        "the count is a file beside the limit (or count its cgroup.procs)"
}
