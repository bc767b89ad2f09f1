# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab cgroups/pressure (exercises/cgroups/README.md): three services with
# the same memory.high; which one is short of memory, and what says so?
# Sourced by tools/lab.bash.

LAB_WORDS=(ledger mailer search billing catalog render)

lab_setup() {
    local i version first=$((LAB_N % 6)) busy=$((LAB_N / 6 % 3)) name
    lab_need cgroup memory
    read -r version _ <<<"$(cgroup_hierarchy memory)"
    [ "$version" = v2 ] ||
        lab_cannot "memory.high and pressure stall information are cgroup v2's; here the memory controller is in v1 (the test guest, make check-vm, is v2)"
    LAB_CGS=()
    for i in 0 1 2; do
        name=${LAB_WORDS[(first + 2 * i) % 6]}.service
        lab_cgroup memory "$name" || return 1
        LAB_CGS+=("$LAB_CG")
        echo 16M >"$LAB_CG/memory.high" || return 1
        if [ "$i" -eq "$busy" ]; then
            # Writes 48 MiB again and again: page cache, charged to its
            # cgroup, which must be reclaimed to stay near memory.high.
            # (It waits a second first, to be in its cgroup before its
            # first write.)
            # shellcheck disable=SC2016 # $0 is the inner shell's
            lab_spawn bash bash -c 'sleep 1; while :; do
                dd if=/dev/zero of="$0" bs=1M count=48 conv=notrunc status=none
                sleep 0.5; done' "$LAB_DIR/$name.data" || return 1
            LAB_BUSY=$name
        else
            lab_spawn sleep sleep 3600 || return 1
        fi
        echo "$LAB_PID" >"$LAB_CG/cgroup.procs" || return 1
    done
    lab_show "Three services, each in a cgroup of its own with memory.high 16M:" \
        "${LAB_CGS[@]/#/    }" \
        "One of them is short of memory: which? Which file of its cgroup" \
        "says how long its processes waited for memory, and which key of" \
        "memory.events counts the times it went over memory.high?" \
        "    cgroup: NAME" \
        "    pressure: FILE" \
        "    events: KEY"
}

lab_check() {
    expect cgroup "$LAB_BUSY" \
        "look at what each cgroup counted: the same file in each of the three"
    expect pressure memory.pressure \
        "pressure stall information: a file per resource, named after it"
    expect events high \
        "memory.events has a line per event; the one named after memory.high"
}
