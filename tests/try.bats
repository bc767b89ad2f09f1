#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# Every header's Try: session, played by tools/try as docs/try.md says a
# reader types it, on a terminal, and compared with the output the header
# shows: here the sessions whose output is the same on any machine;
# tests/try_machine.bats has those whose output is a particular machine's
# (Try (cgroup v2):, Try (hybrid): ...). One test per session;
# tests/programs.bats checks that every program's sessions are listed in
# the right one of the two files.

load helper
load try

# Under emulation (the test guest without KVM, where a session takes
# seconds) these sessions are the host's to play, when the host has the
# guest's architecture (/run/isolab-emulated names the host's; a guest
# of another architecture, arm64, plays them all).
setup() {
    if [ -e /run/isolab-emulated ] &&
        [ "$(cat /run/isolab-emulated)" = "$(uname -m)" ]; then
        skip "needs no particular machine: played on the host, not under emulation"
    fi
}

@test "try: fileio/copy" { plays fileio/copy.c; }
@test "try: fileio/demo_append" { plays fileio/demo_append.c; }
@test "try: fileio/demo_errno" { plays fileio/demo_errno.c; }
@test "try: fileio/demo_excl" { plays fileio/demo_excl.c; }
@test "try: fileio/demo_holes" { plays fileio/demo_holes.c; }
@test "try: fileio/demo_shared_fd" { plays fileio/demo_shared_fd.c; }
@test "try: fileio/demo_types" { plays fileio/demo_types.c; }
@test "try: procs/demo_args" { plays procs/demo_args.c; }
@test "try: procs/demo_environ" { plays procs/demo_environ.c; }
@test "try: procs/demo_ids" { plays procs/demo_ids.c; }
@test "try: procs/demo_layout" { plays procs/demo_layout.c; }
@test "try: procs/mini_ps" { plays procs/mini_ps.c; }
@test "try: procs/proc_status" { plays procs/proc_status.c; }
@test "try: signals/demo_pending" { plays signals/demo_pending.c; }
@test "try: signals/demo_restart" { plays signals/demo_restart.c; }
@test "try: signals/demo_sa_flags" { plays signals/demo_sa_flags.c; }
@test "try: signals/demo_selfpipe" { plays signals/demo_selfpipe.c; }
@test "try: signals/demo_sigwaitinfo" { plays signals/demo_sigwaitinfo.c; }
@test "try: signals/sig_count" { plays signals/sig_count.c; }
@test "try: signals/sig_receiver" { plays signals/sig_receiver.c; }
@test "try: signals/sig_sender" { plays signals/sig_sender.c; }
@test "try: signals/sig_show" { plays signals/sig_show.c; }
@test "try: signals/t_kill" { plays signals/t_kill.c; }
@test "try: proclife/bench_spawn" { plays proclife/bench_spawn.c; }
@test "try: proclife/demo_exec" { plays proclife/demo_exec.c; }
@test "try: proclife/demo_exit" { plays proclife/demo_exit.c; }
@test "try: proclife/demo_fork" { plays proclife/demo_fork.c; }
@test "try: proclife/demo_orphan" { plays proclife/demo_orphan.c; }
@test "try: proclife/demo_pidfd" { plays proclife/demo_pidfd.c; }
@test "try: proclife/demo_sigchld" { plays proclife/demo_sigchld.c; }
@test "try: proclife/demo_system" { plays proclife/demo_system.c; }
@test "try: proclife/demo_wait" { plays proclife/demo_wait.c; }
@test "try: proclife/demo_zombie" { plays proclife/demo_zombie.c; }
@test "try: proclife/mystery" { plays proclife/mystery.c; }
@test "try: setuid/demo_secure" { plays setuid/demo_secure.c; }
@test "try: setuid/drop_priv" { plays setuid/drop_priv.c; }
@test "try: setuid/idshow" { plays setuid/idshow.c; }
@test "try: setuid/owner_cat" { plays setuid/owner_cat.c; }
@test "try: setuid/t_setuid" { plays setuid/t_setuid.c; }
@test "try: caps/cap_text" { plays caps/cap_text.c; }
@test "try: caps/cap_try" { plays caps/cap_try.c; }
@test "try: caps/demo_ambient" { plays caps/demo_ambient.c; }
@test "try: caps/demo_noroot" { plays caps/demo_noroot.c; }
@test "try: caps/filecap" { plays caps/filecap.c; }
@test "try: namespaces/bench_ns" { plays namespaces/bench_ns.c; }
@test "try: namespaces/demo_ipcns" { plays namespaces/demo_ipcns.c; }
@test "try: namespaces/demo_netns" { plays namespaces/demo_netns.c; }
@test "try: namespaces/demo_ns_lifetime" { plays namespaces/demo_ns_lifetime.c; }
@test "try: namespaces/demo_pidns_end" { plays namespaces/demo_pidns_end.c; }
@test "try: namespaces/demo_pidns_init" { plays namespaces/demo_pidns_init.c; }
@test "try: namespaces/demo_timens" { plays namespaces/demo_timens.c; }
@test "try: namespaces/demo_uts" { plays namespaces/demo_uts.c; }
@test "try: namespaces/ns_child_exec" { plays namespaces/ns_child_exec.c; }
@test "try: namespaces/ns_exec" { plays namespaces/ns_exec.c; }
@test "try: namespaces/ns_list" { plays namespaces/ns_list.c; }
@test "try: namespaces/pidns_nest" { plays namespaces/pidns_nest.c; }
@test "try: namespaces/unshare" { plays namespaces/unshare.c; }
@test "try: userns/demo_maps" { plays userns/demo_maps.c; }
@test "try: userns/demo_setns_user" { plays userns/demo_setns_user.c; }
@test "try: userns/demo_userns" { plays userns/demo_userns.c; }
@test "try: userns/demo_userns_files" { plays userns/demo_userns_files.c; }
@test "try: userns/demo_userns_caps" { plays userns/demo_userns_caps.c; }
@test "try: userns/userns_chain" { plays userns/userns_chain.c; }
@test "try: userns/userns_child_exec" { plays userns/userns_child_exec.c; }
@test "try: mounts/demo_bind" { plays mounts/demo_bind.c; }
@test "try: mounts/demo_idmap" { plays mounts/demo_idmap.c; }
@test "try: mounts/demo_newmount" { plays mounts/demo_newmount.c; }
@test "try: mounts/demo_propagation" { plays mounts/demo_propagation.c; }
@test "try: mounts/demo_unbindable" { plays mounts/demo_unbindable.c; }
@test "try: mounts/t_mount" { plays mounts/t_mount.c; }
@test "try: mounts/t_umount" { plays mounts/t_umount.c; }
@test "try: seccomp/bpf_dump" { plays seccomp/bpf_dump.c; }
@test "try: seccomp/demo_arch" { plays seccomp/demo_arch.c; }
@test "try: seccomp/demo_nnp" { plays seccomp/demo_nnp.c; }
@test "try: seccomp/demo_trace" { plays seccomp/demo_trace.c; }
@test "try: seccomp/lsc_deny_open" { plays seccomp/lsc_deny_open.c; }
@test "try: seccomp/lsc_rules" { plays seccomp/lsc_rules.c; }
@test "try: seccomp/seccomp_allow" { plays seccomp/seccomp_allow.c; }
@test "try: seccomp/seccomp_bench" { plays seccomp/seccomp_bench.c; }
@test "try: seccomp/seccomp_deny_open" { plays seccomp/seccomp_deny_open.c; }
@test "try: seccomp/seccomp_exec" { plays seccomp/seccomp_exec.c; }
@test "try: seccomp/seccomp_notify" { plays seccomp/seccomp_notify.c; }
@test "try: seccomp/seccomp_log" { plays seccomp/seccomp_log.c; }
@test "try: seccomp/seccomp_ret" { plays seccomp/seccomp_ret.c; }
@test "try: seccomp/seccomp_strict" { plays seccomp/seccomp_strict.c; }
@test "try: seccomp/seccomp_tsync" { plays seccomp/seccomp_tsync.c; }
@test "try: cgroups/cgroup_release" { plays cgroups/cgroup_release.c; }
@test "try: container/sandbox" { plays container/sandbox.c; }
@test "try: solutions/caps/aware_read" { plays solutions/caps/aware_read.c; }
@test "try: solutions/caps/bind_low" { plays solutions/caps/bind_low.c; }
@test "try: solutions/caps/caps_only" { plays solutions/caps/caps_only.c; }
@test "try: solutions/caps/exec_caps" { plays solutions/caps/exec_caps.c; }
@test "try: solutions/container/mini_container" { plays solutions/container/mini_container.c; }
@test "try: solutions/fileio/copy_sparse" { plays solutions/fileio/copy_sparse.c; }
@test "try: solutions/fileio/tee" { plays solutions/fileio/tee.c; }
@test "try: solutions/mounts/mini_pivot" { plays solutions/mounts/mini_pivot.c; }
@test "try: solutions/mounts/slave_mount" { plays solutions/mounts/slave_mount.c; }
@test "try: solutions/namespaces/mini_init" { plays solutions/namespaces/mini_init.c; }
@test "try: solutions/namespaces/my_ns_exec" { plays solutions/namespaces/my_ns_exec.c; }
@test "try: solutions/namespaces/my_unshare" { plays solutions/namespaces/my_unshare.c; }
@test "try: solutions/namespaces/ns_share" { plays solutions/namespaces/ns_share.c; }
@test "try: solutions/proclife/minish" { plays solutions/proclife/minish.c; }
@test "try: solutions/proclife/my_system" { plays solutions/proclife/my_system.c; }
@test "try: solutions/proclife/reaper" { plays solutions/proclife/reaper.c; }
@test "try: solutions/procs/procs_of_user" { plays solutions/procs/procs_of_user.c; }
@test "try: solutions/procs/pstree" { plays solutions/procs/pstree.c; }
@test "try: solutions/procs/who_has" { plays solutions/procs/who_has.c; }
@test "try: solutions/seccomp/arch_check" { plays solutions/seccomp/arch_check.c; }
@test "try: solutions/seccomp/deny_family" { plays solutions/seccomp/deny_family.c; }
@test "try: solutions/seccomp/no_newns" { plays solutions/seccomp/no_newns.c; }
@test "try: solutions/seccomp/upper_sandbox" { plays solutions/seccomp/upper_sandbox.c; }
@test "try: solutions/setuid/drop_regain" { plays solutions/setuid/drop_regain.c; }
@test "try: solutions/setuid/suid_helper" { plays solutions/setuid/suid_helper.c; }
@test "try: solutions/signals/safe_handler" { plays solutions/signals/safe_handler.c; }
@test "try: solutions/signals/sigloop" { plays solutions/signals/sigloop.c; }
@test "try: solutions/troubleshoot/map_root" { plays solutions/troubleshoot/map_root.c; }
@test "try: solutions/troubleshoot/nnp_filter" { plays solutions/troubleshoot/nnp_filter.c; }
@test "try: solutions/troubleshoot/pidns_run" { plays solutions/troubleshoot/pidns_run.c; }
@test "try: solutions/troubleshoot/pivot_launch" { plays solutions/troubleshoot/pivot_launch.c; }
@test "try: solutions/userns/container_shell" { plays solutions/userns/container_shell.c; }
@test "try: solutions/userns/ns_capable" { plays solutions/userns/ns_capable.c; }
@test "try: solutions/userns/uidmap_exec" { plays solutions/userns/uidmap_exec.c; }
