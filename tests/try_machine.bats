#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# The Try: sessions whose output is a particular machine's (Try (cgroup
# v2):, Try (hybrid):, Try (systemd): ...; docs/try.md), played by
# tools/try as tests/try.bats plays the others. Where the machine is not
# the one a session needs, it is skipped with the reason, and played where
# it holds: the test guest (make check-vm) is pure cgroup v2 under systemd,
# and CI runs this file there, as root and as the student.

load helper
load try

@test "try: caps/cap_bound_drop" { plays caps/cap_bound_drop.c; }
@test "try: caps/cap_calc" { plays caps/cap_calc.c; }
@test "try: caps/cap_launcher" { plays caps/cap_launcher.c; }
@test "try: caps/capshow" { plays caps/capshow.c; }
@test "try: caps/demo_uid_caps" { plays caps/demo_uid_caps.c; }
@test "try: namespaces/demo_cgroupns" { plays namespaces/demo_cgroupns.c; }
@test "try: mounts/chroot_escape" { plays mounts/chroot_escape.c; }
@test "try: mounts/mountinfo_tree" { plays mounts/mountinfo_tree.c; }
@test "try: mounts/pivot_shell" { plays mounts/pivot_shell.c; }
@test "try: seccomp/demo_vdso" { plays seccomp/demo_vdso.c; }
@test "try: cgroups/bench_cgroup" { plays cgroups/bench_cgroup.c; }
@test "try: cgroups/cgroup_basics" { plays cgroups/cgroup_basics.c; }
@test "try: cgroups/cgroup_clone_kill" { plays cgroups/cgroup_clone_kill.c; }
@test "try: cgroups/cgroup_cpu" { plays cgroups/cgroup_cpu.c; }
@test "try: cgroups/cgroup_cpuset" { plays cgroups/cgroup_cpuset.c; }
@test "try: cgroups/cgroup_delegate" { plays cgroups/cgroup_delegate.c; }
@test "try: cgroups/cgroup_events" { plays cgroups/cgroup_events.c; }
@test "try: cgroups/cgroup_freezer" { plays cgroups/cgroup_freezer.c; }
@test "try: cgroups/cgroup_io" { plays cgroups/cgroup_io.c; }
@test "try: cgroups/cgroup_memory" { plays cgroups/cgroup_memory.c; }
@test "try: cgroups/cgroup_ns_move" { plays cgroups/cgroup_ns_move.c; }
@test "try: cgroups/cgroup_pressure" { plays cgroups/cgroup_pressure.c; }
@test "try: cgroups/cgroup_pids_demo" { plays cgroups/cgroup_pids_demo.c; }
@test "try: cgroups/cgroup_subtree" { plays cgroups/cgroup_subtree.c; }
@test "try: cgroups/cgroup_threads" { plays cgroups/cgroup_threads.c; }
@test "try: cgroups/cgroup_tree" { plays cgroups/cgroup_tree.c; }
@test "try: cgroups/cgroup_v1_tasks (session 1)" { plays cgroups/cgroup_v1_tasks.c 1; }
@test "try: cgroups/cgroup_v1_tasks (session 2)" { plays cgroups/cgroup_v1_tasks.c 2; }
@test "try: container/escape_probe" { plays container/escape_probe.c; }
@test "try: container/isocon" { plays container/isocon.c; }
@test "try: solutions/cgroups/delegate_to" { plays solutions/cgroups/delegate_to.c; }
@test "try: solutions/cgroups/fork_jail" { plays solutions/cgroups/fork_jail.c; }
@test "try: solutions/cgroups/thread_split" { plays solutions/cgroups/thread_split.c; }
@test "try: solutions/cgroups/wait_empty" { plays solutions/cgroups/wait_empty.c; }
@test "try: solutions/troubleshoot/cap_drop" { plays solutions/troubleshoot/cap_drop.c; }
@test "try: solutions/troubleshoot/cgroup_run" { plays solutions/troubleshoot/cgroup_run.c; }
