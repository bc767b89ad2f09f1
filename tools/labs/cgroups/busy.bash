# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab cgroups/busy (exercises/cgroups/README.md): a cgroup that rmdir will
# not remove; why? Sourced by tools/lab.bash.

LAB_WORDS=(quartz basalt gneiss schist marble slate chalk flint)

lab_setup() {
    local name=${LAB_WORDS[LAB_N / 2 % 8]}.lab
    local what=${LAB_WORDS[(LAB_N / 2 + 3) % 8]}
    # No controller is needed: any cgroup of the v2 hierarchy (or, where
    # there is none, of the v1 pids one) will do.
    if cgroup_hierarchy v2 >/dev/null && check_cgroup v2; then
        lab_cgroup v2 "$name" || return 1
    else
        lab_cgroup pids "$name" || return 1
    fi
    # LAB_N even: a process inside, running a program named WHAT (a copy
    # of sleep, so that ps names it so); odd: a cgroup WHAT below it.
    if [ $((LAB_N % 2)) -eq 0 ]; then
        cp "$(command -v sleep)" "$LAB_DIR/$what" || return 1
        lab_spawn "$what" "$LAB_DIR/$what" 3600 || return 1
        echo "$LAB_PID" >"$LAB_CG/cgroup.procs" || return 1
    else
        mkdir "$LAB_CG/$what" || return 1
    fi
    lab_show "A cgroup: $LAB_CG" \
        "rmdir refuses to remove it. With which error, and why: is it a" \
        "process inside (then name its command), or a cgroup below it" \
        "(then name that cgroup)?" \
        "    error: ERRNO-NAME" \
        "    because: process | cgroup" \
        "    name: NAME"
}

lab_check() {
    local procs child
    procs=$(cat "$LAB_CG/cgroup.procs")
    child=$(find "$LAB_CG" -mindepth 1 -maxdepth 1 -type d -printf '%f\n')
    # rmdir(2) on a cgroup: EBUSY while it has processes or children.
    expect error EBUSY \
        "rmdir says it (strace -e rmdir rmdir DIR shows the errno's name)"
    if [ -n "$procs" ]; then
        expect because process \
            "what is in its cgroup.procs? and in the directory itself?"
        expect name "$(cat "/proc/${procs%%[!0-9]*}/comm")" \
            "ps -o comm= -p PID names the command of a PID"
    else
        expect because cgroup \
            "what is in its cgroup.procs? and in the directory itself?"
        expect name "$child" "a cgroup below it is a directory in it"
    fi
}
