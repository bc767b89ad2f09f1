#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $1 in single quotes is for the inner shell
# shellcheck disable=SC2030,SC2031 # each test is a subshell; helpers read its $output
# cgroups: v2 and v1, controllers, notification, delegation, namespaces,
# thread mode (course chapters 22 to 26). Every program runs with -P, in
# a cgroup the test made under the kit's own subtree (kit_cgroup), which
# teardown removes with whatever is left in it. What this machine's
# layout cannot show skips with the reason; its v1 counterpart runs.

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    G=$ISOLAB_TOP/cgroups
}

# The hierarchy line a program prints first: "hierarchy: vN MOUNT (...)".
hierarchy_of() {
    local version mnt _
    read -r version mnt _ <<<"$(cgroup_hierarchy "$1")"
    echo "hierarchy: $version $mnt"
}

# ---- creating, populating, destroying ----

@test "cgroup_basics: a process moves in; rmdir is refused until it is empty" {
    cg_for v2
    run -0 "$G/cgroup_basics" -P "$CG"
    assert_line --index 0 --partial "$(hierarchy_of v2) (cgroup2)"
    assert_line --index 1 --regexp "^cgroup: $CG/isolab\.cgroup_basics\.[0-9]+\$"
    assert_line --index 2 --regexp "^child [0-9]+ moved in; its /proc/[0-9]+/cgroup: 0::/.*/isolab\.cgroup_basics\.[0-9]+\$"
    assert_line "rmdir while populated: Device or resource busy (EBUSY)"
    assert_line "child ended; cgroup.procs: (empty)"
    assert_line "rmdir when empty: ok"
    run -0 find "$CG" -mindepth 1 -type d
    assert_output ""
}

@test "cgroup_basics: the same in a v1 hierarchy" {
    cg_for pids
    [ "$(cg_version pids)" = v1 ] || skip "pids is a v2 controller here: no v1 hierarchy"
    run -0 "$G/cgroup_basics" -V 1 -P "$CG"
    assert_line --regexp '^child [0-9]+ moved in; its /proc/[0-9]+/cgroup: [0-9]+:pids:/'
    assert_line "rmdir while populated: Device or resource busy (EBUSY)"
    assert_line "rmdir when empty: ok"
}

@test "cgroup_basics: a parent outside the hierarchy is refused" {
    cg_for v2
    run -2 --separate-stderr "$G/cgroup_basics" -P /tmp
    [[ "${stderr_lines[0]}" == "cgroup_basics: -P /tmp: not a cgroup in "* ]]
}

# ---- the tree viewer ----

@test "cgroup_tree: a subtree with its cgroups, types, processes and threads" {
    cg_for v2
    mkdir "$CG/x"
    spawn sleep 30
    echo "$SPAWNED" >"$CG/x/cgroup.procs"
    run -0 "$G/cgroup_tree" -t "$CG"
    # (on pure v2, CG is offered the controllers: the line names them)
    [[ ${lines[0]} == "$CG [domain]" || ${lines[0]} == "$CG [domain] controllers: "* ]]
    assert_line --index 1 "  x [domain]"
    assert_line --index 2 "    pid $SPAWNED sleep"
    assert_line --index 3 "      tid $SPAWNED sleep"
}

@test "cgroup_tree: every hierarchy, each under its mount point" {
    run -0 "$G/cgroup_tree"
    mounts=$(awk '{for (i = 7; $i != "-"; i++); if ($(i+1) ~ /^cgroup2?$/) print $5}' /proc/self/mountinfo)
    [ -n "$mounts" ] || skip "no cgroup hierarchy is mounted"
    for mnt in $mounts; do
        assert_line --regexp "^== v[12] $mnt( |\$)"
    done
    run -1 "$G/cgroup_tree" /tmp
}

# ---- controllers ----

@test "cgroup_pids_demo: fork fails with EAGAIN at pids.max, and pids.events counts it" {
    cg_for pids
    run -0 "$G/cgroup_pids_demo" -n 5 -P "$CG"
    assert_line --index 0 --partial "$(hierarchy_of pids)"
    assert_line "pids.max: 5"
    assert_line "forks: 4, then fork: Resource temporarily unavailable (EAGAIN)"
    assert_line "pids.current: 5"
    assert_line "pids.events max: 1"
    assert_line --regexp "^removed: $CG/isolab\\.cgroup_pids_demo\\.[0-9]+\$"
}

@test "cgroup_cpu: a quota holds a busy loop near its share" {
    cg_for cpu
    run -0 "$G/cgroup_cpu" -q 20 -d 500 -P "$CG"
    assert_line "quota: 20% of a CPU (20000 us every 100000 us)"
    share=$(sed -n 's/^cpu time: .*: \([0-9]*\)%$/\1/p' <<<"$output")
    # A ceiling, not a stopwatch: well under the 100% it would take.
    [ "$share" -ge 5 ] && [ "$share" -le 40 ]
    throttled=$(sed -n 's/^throttled: \([0-9]*\) periods$/\1/p' <<<"$output")
    [ "$throttled" -ge 1 ]
}

@test "cgroup_cpu: weights share a contended CPU" {
    cg_for cpu
    # (a second: under emulation, in the test guest, half of one was
    # once too short for the scheduler to show the weights)
    run -0 "$G/cgroup_cpu" -w 100,300 -d 1000 -P "$CG"
    assert_line "weights: 100 and 300"
    read -r a b < <(sed -n 's/^cpu time: .*: \([0-9]*\)% and \([0-9]*\)%$/\1 \2/p' <<<"$output")
    # 25% and 75% in theory; the heavier one clearly ahead in practice.
    [ "$b" -ge 55 ] && [ "$a" -le 45 ] || {
        echo "$output"
        return 1
    }
}

@test "cgroup_cpuset: the child's CPUs follow its cpuset, changed while it runs; it cannot step out" {
    local dir
    cg_for cpuset
    [ "$(nproc)" -ge 2 ] || skip "needs two CPUs"
    # v1: a new cpuset starts with no CPU and no memory node; the kit's
    # cgroups above ours get their parent's, top down.
    if [ "$(cg_version cpuset)" = v1 ]; then
        for dir in "$(dirname "$CG")" "$CG"; do
            cat "$(dirname "$dir")/cpuset.cpus" >"$dir/cpuset.cpus"
            cat "$(dirname "$dir")/cpuset.mems" >"$dir/cpuset.mems"
        done
    fi
    run -0 --separate-stderr "$G/cgroup_cpuset" -P "$CG"
    first=$(sed -n 's/^cpuset.cpus: //p' <<<"$output" | sed -n 1p)
    second=$(sed -n 's/^cpuset.cpus: //p' <<<"$output" | sed -n 2p)
    [ -n "$first" ]
    [ "$first" != "$second" ]
    assert_line --index 1 "cpuset.cpus: $first"
    assert_line --index 2 "child: Cpus_allowed_list: $first"
    assert_line --index 3 "cpuset.cpus: $second"
    assert_line --index 4 "child: Cpus_allowed_list: $second"
    assert_line --index 5 "child: sched_setaffinity to CPU $first: Invalid argument (EINVAL)"
}

@test "cgroup_memory: past the limit the OOM killer ends the child, and it is counted" {
    cg_for memory
    run -0 "$G/cgroup_memory" -m 32 -P "$CG"
    assert_line "limit: 32 MiB"
    assert_line --regexp '^child: killed by SIGKILL after [0-9]+ of 64 MiB$'
    if [ "$(cg_version memory)" = v2 ]; then
        assert_line --regexp '^memory.events oom_kill: [1-9]'
    else
        assert_line --regexp '^memory.oom_control oom_kill: [1-9]'
    fi
}

@test "cgroup_memory: under the limit the child finishes" {
    cg_for memory
    run -0 "$G/cgroup_memory" -m 32 -a 8 -P "$CG"
    assert_line "child: exited with status 0 after 8 of 8 MiB"
}

@test "cgroup_pressure: over memory.high the cgroup is reclaimed, not killed; memory.events and memory.pressure count it" {
    local peak
    cg_for memory
    [ "$(cg_version memory)" = v2 ] || skip "memory.high is v2's, and memory is a v1 controller here (make check-vm runs this)"
    run -0 --separate-stderr "$G/cgroup_pressure" -H 16 -a 64 -P "$CG"
    assert_line --index 1 "memory.high: 16 MiB"
    assert_line --index 2 "child: wrote 64 MiB to a file in /var/tmp, exited with status 0"
    # The cgroup never held the file: a little over memory.high at most.
    peak=$(sed -n 's/^memory.peak: \([0-9]*\) MiB$/\1/p' <<<"$output")
    [ -n "$peak" ] && [ "$peak" -ge 8 ] && [ "$peak" -le 40 ] || {
        echo "memory.peak: $peak MiB"
        return 1
    }
    assert_line --regexp '^memory.events high: [1-9][0-9]*$'
    assert_line "memory.events oom_kill: 0"
    assert_line --regexp '^memory.pressure: some [0-9]+ us, full [0-9]+ us$'
}

@test "cgroup_pressure: under memory.high nothing is reclaimed" {
    cg_for memory
    [ "$(cg_version memory)" = v2 ] || skip "memory.high is v2's, and memory is a v1 controller here (make check-vm runs this)"
    run -0 --separate-stderr "$G/cgroup_pressure" -H 256 -a 8 -P "$CG"
    assert_line "child: wrote 8 MiB to a file in /var/tmp, exited with status 0"
    assert_line "memory.events high: 0"
}

@test "cgroup_pressure: a file on a tmpfs is refused first, with its reason" {
    findmnt -no FSTYPE -T /dev/shm | grep -qx tmpfs || skip "/dev/shm is no tmpfs here"
    run -1 --separate-stderr "$G/cgroup_pressure" -d /dev/shm
    assert_equal "$stderr" "cgroup_pressure: /dev/shm is in memory (tmpfs): its pages cannot be reclaimed without swap; name a directory on a disk with -d"
}

@test "cgroup_io: io.max holds the reads back to its rate; io.stat counts each one" {
    local free slow
    cg_for io
    [ "$(cg_version io)" = v2 ] || skip "io.max is v2's, and the io controller is not in v2 here (make check-vm runs this)"
    run --separate-stderr "$G/cgroup_io" -r 40 -n 40 -P "$CG"
    [ "$status" -ne 77 ] || skip "$stderr"
    assert_success
    assert_line --index 1 --regexp '^disk: [0-9]+:[0-9]+ \([a-z0-9]+\), under /var/tmp$'
    assert_line --regexp '^io.max: [0-9]+:[0-9]+ rbps=max wbps=max riops=40 wiops=max$'
    # Each read counted, 4096 bytes (an extent's lookup may add one).
    assert_line --index 3 --regexp '^io.stat: [0-9:]+ rbytes=(16384[0-9]|16[45][0-9]{3}) wbytes=0 rios=4[0-4] '
    assert_line --index 6 --regexp '^io.stat: [0-9:]+ rbytes=[0-9]+ wbytes=0 rios=(8[0-9]) '
    # 40 reads at 40 a second: most of a second, where they took less
    # than half of one without the limit.
    free=$(sed -n 's/^no limit: 40 reads in \([0-9.]*\) s$/\1/p' <<<"$output")
    slow=$(sed -n 's/^riops=40: 40 reads in \([0-9.]*\) s$/\1/p' <<<"$output")
    awk -v f="$free" -v s="$slow" 'BEGIN { exit !(s >= 0.6 && f < s / 2) }' || {
        echo "no limit: $free s; riops=40: $slow s"
        return 1
    }
}

@test "cgroup_freezer: the count stops while frozen and goes on when thawed" {
    if check_cgroup v2; then cg_for v2; else cg_for freezer; fi
    run -0 "$G/cgroup_freezer" -P "$CG"
    assert_line --index 1 "running: the count went on"
    assert_line --index 2 --regexp '^frozen: the count stood still; the child.s state: [SD] '
    assert_line --index 3 "thawed: the count went on"
}

@test "cgroup_freezer: the v1 freezer controller does the same" {
    cg_for freezer
    [ "$(cg_version freezer)" = v1 ] || skip "no v1 freezer hierarchy here (v2 freezes in its core)"
    run -0 "$G/cgroup_freezer" -V 1 -P "$CG"
    assert_line --index 0 --partial "hierarchy: v1"
    assert_line --index 2 --regexp '^frozen: the count stood still'
}

@test "cgroup_subtree: controllers handed down, the no internal processes rule, and no taking back while a child hands down" {
    cg_for v2
    run "$G/cgroup_subtree" -P "$CG"
    [ "$status" -ne 77 ] || skip "the v2 hierarchy hands no controller down here: ${lines[1]}"
    assert_success
    assert_line --regexp '^\+[a-z_]+ with a process inside: Device or resource busy \(EBUSY\)$'
    assert_line --regexp '^\+[a-z_]+ once the process is in leaf: ok$'
    assert_line "the process back into our cgroup: Device or resource busy (EBUSY)"
    assert_line --regexp '^\+[a-z_]+ in sub \(empty\): ok$'
    assert_line --regexp '^-[a-z_]+ in our cgroup, while sub hands it down: Device or resource busy \(EBUSY\)$'
    assert_line --regexp '^-[a-z_]+ once sub has taken it back: ok$'
}

# ---- the library's undoing (lib/cgroup.c) ----

@test "lib: what cg_create made, a tree below it too, is removed at exit" {
    cg_for pids
    run -0 sh -c 'echo exit | "$1" "$2"' sh "$ISOLAB_TOP/tests/bin/cg_undo" "$CG"
    [[ $output == "$CG"/isolab.cg_undo.* ]]
    assert_dir_not_exists "$output"
}

@test "lib: what cg_create made is removed on SIGTERM, and the program dies of it" {
    cg_for pids
    spawn sh -c 'exec "$1" "$2" >"$3" </dev/zero' sh \
        "$ISOLAB_TOP/tests/bin/cg_undo" "$CG" "$BATS_TEST_TMPDIR/path"
    wait_for grep -q . "$BATS_TEST_TMPDIR/path"
    dir=$(cat "$BATS_TEST_TMPDIR/path")
    assert_dir_exists "$dir/a/b"
    kill -TERM "$SPAWNED"
    wait_for ended "$SPAWNED"
    assert_dir_not_exists "$dir"
}

@test "lib: cg_create refuses to run before cg_undo_on_exit()" {
    cg_for pids
    run -1 "$ISOLAB_TOP/tests/bin/cg_undo" -n "$CG"
    assert_output "cg_undo: cg_create: call cg_undo_on_exit() first, so that what it makes is removed on every way out"
    run -0 find "$CG" -mindepth 1 -maxdepth 1 -name 'isolab.cg_undo.*'
    assert_output ""
}

# ---- notification, kill, clone3 ----

@test "cgroup_events: populated goes to 0 when the last process, a grandchild, ends" {
    cg_for v2
    run -0 "$G/cgroup_events" -P "$CG"
    assert_line --index 1 "cgroup.events: populated 1"
    assert_line --index 3 "cgroup.events: populated 0"
}

@test "cgroup_release: the v1 release agent runs when the cgroup empties" {
    require root
    run "$G/cgroup_release"
    [ "$status" -ne 77 ] || skip "this kernel cannot mount a v1 hierarchy: $output"
    assert_success
    assert_line --regexp "^hierarchy: v1 ${TMPDIR:-/tmp}/isolab-release\\.[^/]*/mnt \\(name=isolab_release\\.[0-9]+\\)\$"
    assert_line "the agent ran with: /job"
    assert_line "removed the hierarchy"
    run grep -c name=isolab_release /proc/self/cgroup
    assert_output 0
}

@test "cgroup_release: two at once, each with a hierarchy of its own" {
    require root
    "$G/cgroup_release" >one 2>&1 &
    run "$G/cgroup_release"
    wait $! && st=0 || st=$?
    [ "$status" -ne 77 ] || skip "this kernel cannot mount a v1 hierarchy: $output"
    assert_success
    assert_equal "$st" 0
    run -1 grep -c name=isolab_release /proc/self/cgroup
}

@test "cgroup_clone_kill: children start inside the cgroup, and cgroup.kill ends them all" {
    cg_for v2
    require kernel 5.14
    run -0 "$G/cgroup_clone_kill" -n 3 -P "$CG"
    assert_line "started 3 children with CLONE_INTO_CGROUP"
    assert_equal "$(grep -c '^child [0-9]*: 0::/.*/isolab\.cgroup_clone_kill\.[0-9]*$' <<<"$output")" 3
    assert_line "cgroup.procs: 3 processes"
    assert_line "cgroup.kill: 3 children killed by SIGKILL"
    assert_line "cgroup.events: populated 0"
}

# ---- delegation, namespaces, threads, v1 ----

@test "cgroup_delegate: the user manages the subtree and cannot leave it" {
    require root
    if check_cgroup v2; then cg_for v2; else cg_for pids; fi
    run -0 "$G/cgroup_delegate" -P "$CG"
    assert_line "as uid 65534: mkdir sub: ok"
    assert_line "as uid 65534: move itself into sub: ok"
    assert_line "as uid 65534: move itself out of the subtree: Permission denied (EACCES)"
    assert_line --regexp "^as uid 65534: move root's process [0-9]+ into sub: Permission denied \\(EACCES\\)\$"
    assert_line --regexp '^as uid 65534: write [a-z_.]+: Permission denied \(EACCES\)$'
    assert_line "as uid 65534: back, and rmdir sub: ok"
}

@test "cgroup_delegate: v1 delegation" {
    require root
    cg_for pids
    [ "$(cg_version pids)" = v1 ] || skip "pids is a v2 controller here: no v1 hierarchy"
    run -0 "$G/cgroup_delegate" -V 1 -P "$CG"
    assert_line "as uid 65534: move itself into sub: ok"
    assert_line "as uid 65534: move itself out of the subtree: Permission denied (EACCES)"
}

@test "cgroup_ns_move: / inside, and .. once moved out of the namespace's root" {
    require root
    if check_cgroup v2; then cg_for v2; else cg_for pids; fi
    run -0 "$G/cgroup_ns_move" -P "$CG"
    assert_line --regexp '^inside, in a: [0-9]+:[a-z]*:/$'
    assert_line --regexp '^inside, moved to b: [0-9]+:[a-z]*:/\.\./b$'
    assert_line --regexp '^inside, moved to the parent: [0-9]+:[a-z]*:/\.\.$'
}

@test "cgroup_threads: a threaded subtree, its invalid domains, threads apart" {
    cg_for v2
    run -0 "$G/cgroup_threads" -P "$CG"
    assert_line "t1 made threaded: P domain threaded, t1 threaded, t2 domain invalid, d domain invalid"
    assert_line "a process into d: Operation not supported (EOPNOTSUPP)"
    assert_line "t2 made threaded: t2 threaded"
    assert_line --regexp '^thread [0-9]+: 0::/.*/isolab\.cgroup_threads\.[0-9]+/t1$'
    assert_line --regexp '^thread [0-9]+: 0::/.*/isolab\.cgroup_threads\.[0-9]+/t2$'
}

# One process in cgroups a and b of hierarchy HIER (a regular expression
# for its /proc/PID/cgroup field), a thread in each, in $output.
one_process_two_cgroups() {
    local hier=$1 pa pb ta tb
    pa=$(sed -n 's/^a\/cgroup.procs: //p' <<<"$output")
    pb=$(sed -n 's/^b\/cgroup.procs: //p' <<<"$output")
    assert_equal "$pa" "$pb"
    ta=$(sed -n 's/^a\/tasks: //p' <<<"$output")
    tb=$(sed -n 's/^b\/tasks: //p' <<<"$output")
    [ "$ta" != "$tb" ]
    assert_line --regexp "^thread $ta: [0-9]+:$hier:/.*/a\$"
    assert_line --regexp "^thread $tb: [0-9]+:$hier:/.*/b\$"
}

@test "cgroup_v1_tasks: one process in two cgroups, a thread in each" {
    cg_for pids
    [ "$(cg_version pids)" = v1 ] || skip "pids is in v2 here: the next test shows a named v1 hierarchy"
    run -0 "$G/cgroup_v1_tasks" -P "$CG"
    assert_line --index 0 --regexp '^/proc/cgroups: .*pids in hierarchy [1-9]'
    one_process_two_cgroups pids
}

@test "cgroup_v1_tasks: where no v1 hierarchy holds pids, a named one of its own, gone afterwards" {
    require root
    # Pure v2 as it is, or v1 with the pids hierarchy unmounted in a
    # mount namespace of the test's own.
    without_v1_pids() {
        if [ "$(cg_version pids)" = v1 ]; then
            unshare -m --propagation private sh -c 'umount "$1" && shift && exec "$@"' \
                sh "$(cgroup_hierarchy pids | cut -d' ' -f2)" "$G/cgroup_v1_tasks" "$@"
        else
            "$G/cgroup_v1_tasks" "$@"
        fi
    }
    run -0 without_v1_pids
    [ "$status" -ne 77 ] || skip "this kernel cannot mount a v1 hierarchy: $output"
    assert_line --regexp '^hierarchy: a named v1 hierarchy of our own, name=isolab_tasks\.[0-9]+ \(no v1 hierarchy holds pids here\)$'
    name=$(sed -n 's/^hierarchy: a named v1 hierarchy of our own, \(name=[^ ]*\) .*/\1/p' <<<"$output")
    one_process_two_cgroups "$name"
    # Unmounted and without cgroups, the hierarchy is gone from the kernel.
    run -1 grep -c ":$name:" /proc/self/cgroup
    run -2 without_v1_pids -P /sys/fs/cgroup
    assert_line --partial "-P: no v1 hierarchy holds pids here"
}

@test "cgroup programs: interrupted, they still remove what they made" {
    cg_for cpu
    spawn "$G/cgroup_cpu" -q 20 -d 20000 -P "$CG"
    wait_for sh -c 'ls -d "$1"/isolab.cgroup_cpu.* >/dev/null 2>&1' sh "$CG"
    kill -INT "$SPAWNED"
    wait_for sh -c '[ -z "$(find "$1" -mindepth 1 -type d)" ]' sh "$CG"
    run -0 cat "$CG/cgroup.procs"
    assert_output ""
}

@test "cgroup programs: no hierarchy of the asked version is a skip (77)" {
    if cgroup_hierarchy pids | grep -q '^v1'; then
        run -77 "$G/cgroup_pids_demo" -V 2
    else
        run -77 "$G/cgroup_pids_demo" -V 1
    fi
    assert_line --partial "no cgroup"
}

# ---- pure v2: the no-internal-process rule, for a program without -P ----

# in_cgroup DIR CMD...: run CMD as a process moved into DIR first.
in_cgroup() {
    local dir=$1
    shift
    sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$dir" "$@"
}

@test "cgroup programs (v2): alone in a cgroup, a program uses a leaf, and undoes it all" {
    cg_for pids
    [ "$(cg_version pids)" = v2 ] || skip "pids is a v1 controller here: the rule is v2's (make check-vm runs this)"
    run -0 in_cgroup "$CG" "$G/cgroup_pids_demo" -n 4
    assert_line --regexp "^cgroup: $CG/isolab\.cgroup_pids_demo\.[0-9]+\$"
    assert_line "forks: 3, then fork: Resource temporarily unavailable (EAGAIN)"
    # Nothing left: no cgroup, no leaf, the controller taken back.
    run -0 find "$CG" -mindepth 1 -type d
    assert_output ""
    run -0 cat "$CG/cgroup.subtree_control"
    assert_output ""
}

@test "cgroup programs (v2): in a cgroup shared with others, 77 names the rule and the way out" {
    cg_for memory
    [ "$(cg_version memory)" = v2 ] || skip "memory is a v1 controller here: the rule is v2's (make check-vm runs this)"
    spawn sleep 61
    echo "$SPAWNED" >"$CG/cgroup.procs"
    run -77 --separate-stderr in_cgroup "$CG" "$G/cgroup_memory" -m 32
    assert_equal "${#stderr_lines[@]}" 1
    [[ ${stderr_lines[0]} == "cgroup_memory: $CG holds other processes, "*"(cgroups v2: no internal processes)"*"systemd-run --scope -p Delegate=yes ./cgroup_memory"* ]]
    run -0 find "$CG" -mindepth 1 -type d
    assert_output ""
    run -0 cat "$CG/cgroup.subtree_control"
    assert_output ""
}
