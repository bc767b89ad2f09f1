#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# container: the capstone runtime (container/isocon). Isolation as seen
# from inside, and escape attempts that must all be refused, rootless
# (as nobody) and rootful (as root); limits where cgroups may be made.

load helper

setup() {
    require userns
    cd "$BATS_TEST_TMPDIR" || return 1
    ISOCON=$ISOLAB_TOP/container/isocon
    [ -x "$ISOLAB_TOP/build/rootfs/bin/escape_probe" ] ||
        skip "no container root: make rootfs"
}

inside() {
    "$ISOCON" "$@"
}

# Spawn isocon -v ARGS..., its steps into $ERR, and wait for its command,
# CMD_NAME, to run.
spawn_isocon_v() {
    local cmd_name=$1
    shift
    ERR=$BATS_TEST_TMPDIR/err
    spawn sh -c 'exec "$@" 2>"$0"' "$ERR" "$ISOCON" -v "$@"
    wait_for descendant "$SPAWNED" "$cmd_name"
}

# End a spawned isocon as a user would, with SIGTERM: it passes it on to
# the container, then removes its cgroups (teardown's SIGKILL leaves
# them to the next kit program to sweep).
end_isocon() {
    kill -TERM "$1"
    wait_for ended "$1"
}

# ---- isolation, seen from inside ----

@test "isocon: its own hostname, PID 1, and only its own processes" {
    run -0 inside -H box sh -c 'hostname; echo $$; ps -o pid,comm; true'
    assert_line --index 0 box
    assert_line --index 1 2 # the command; PID 1 is the container's init
    assert_line --index 3 --regexp '^ +1 +isocon-init$'
    assert_line --index 4 --regexp '^ +2 +sh$'
    assert_line --index 5 --regexp '^ +[0-9] +ps$'
    assert_equal "${#lines[@]}" 6 # nothing else: no host process
    [ "$(hostname)" != box ]
}

@test "isocon: the init shows no host path, command line or environment" {
    export ISOLAB_SECRET=hush
    run -0 inside sh -c 'ps -o pid,args; tr "\0" "\n" </proc/1/cmdline; tr "\0" "\n" </proc/1/environ 2>&1; true'
    assert_line --regexp '^ +1 +isocon-init$'
    refute_output --partial "$ISOLAB_TOP"
    refute_output --partial ISOLAB_SECRET
    refute_output --partial "$PATH"
    # Run by root, the init is not dumpable: not even its exe link opens.
    if [ "$(id -u)" -eq 0 ]; then
        run -0 inside sh -c 'readlink /proc/1/exe || echo denied'
        assert_output denied
    fi
}

@test "isocon: one kernel: the host's release and boot ID inside, and namespaces of its own" {
    run -0 inside sh -c 'uname -r; cat /proc/sys/kernel/random/boot_id; for n in mnt uts ipc pid net user cgroup; do readlink /proc/self/ns/$n; done'
    assert_line --index 0 "$(uname -r)"
    assert_line --index 1 "$(cat /proc/sys/kernel/random/boot_id)"
    for i in 2 3 4 5 6 7 8; do
        n=${lines[$i]%%:*}
        [ "${lines[$i]}" != "$(readlink "/proc/self/ns/$n")" ] ||
            fail "the container shares the $n namespace with the host"
    done
}

@test "isocon: / is the busybox root; the host's files and the old root are gone" {
    run -0 inside sh -c 'ls /; ls -A /oldroot; test -e "$1" && echo host-visible; true' sh "$ISOLAB_TOP"
    assert_line bin
    assert_line proc
    refute_line host-visible
    run -0 inside readlink /proc/self/root
    assert_output /
}

@test "isocon: a root with no directory for the old root runs (pivot_root onto itself)" {
    r=$(user_tmpdir)/r
    chmod 755 "$(dirname "$r")"
    cp -a "$ISOLAB_TOP/build/rootfs" "$r"
    rmdir "$r/oldroot"
    run -0 inside -r "$r" sh -c 'ls /; grep -c . /proc/self/mountinfo'
    assert_line bin
    refute_line oldroot
}

@test "isocon: as root, on a host whose mounts are shared (systemd's), the ID-mapped root still pivots" {
    require root
    # In a mount namespace of the test's own, every mount made shared, as
    # systemd makes them: a copy of a shared mount joins its peer group.
    run unshare --mount --propagation shared "$ISOCON" -v ls -n /bin/busybox
    assert_success # (its output shown if not)
    if [[ $output == *"root: ID-mapped"* ]]; then
        assert_line --regexp ' 0 +0 .*/bin/busybox$'
    fi
}

@test "isocon -W: a layer directory that is not there is a clear failure" {
    run -1 "$ISOCON" -W "$BATS_TEST_TMPDIR/none" true
    assert_output --regexp '^isocon: -W .*/none: No such file or directory \(ENOENT\)$'
}

@test "isocon: the shared root is read-only; /tmp is the container's own" {
    run -0 inside sh -c 'touch /x 2>&1; echo note > /tmp/note && cat /tmp/note'
    assert_line --partial "Read-only file system"
    assert_line note
    run -0 find "$ISOLAB_TOP/build/rootfs/tmp" -mindepth 1
    assert_output ""
}

# free_base: the first range of 65536 IDs from 100000 on that meets no
# range of /etc/subuid or /etc/subgid (what isocon maps container root to).
free_base() {
    local base=100000 first count hit
    while :; do
        hit=0
        while IFS=: read -r _ first count; do
            [ -n "$count" ] || continue
            if [ "$first" -lt $((base + 65536)) ] && [ "$base" -lt $((first + count)) ]; then
                hit=1
            fi
        done < <(cat /etc/subuid /etc/subgid 2>/dev/null)
        [ "$hit" = 1 ] || break
        base=$((base + 65536))
    done
    echo "$base"
}

@test "isocon: the user namespace maps container root to us, or to an unused range for root" {
    run -0 inside sh -c 'id -u; cat /proc/self/uid_map'
    assert_line --index 0 0
    if [ "$(id -u)" -eq 0 ]; then
        assert_line --index 1 --regexp "^ +0 +$(free_base) +65536\$"
    else
        assert_line --index 1 --regexp "^ +0 +$(id -u) +1\$"
    fi
}

@test "isocon: as root, container root is a range that no user holds in /etc/subuid" {
    require root
    [ -f /etc/subuid ] || skip "no /etc/subuid here to stand in for"
    # The first user that adduser makes gets 100000:65536 on Debian. In a
    # mount namespace of the test's, /etc/subuid says so.
    echo "student:100000:65536" >subuid
    run -0 unshare --mount --propagation private sh -c \
        'mount --bind "$1" /etc/subuid && exec "$2" cat /proc/self/uid_map' \
        sh "$PWD/subuid" "$ISOCON"
    refute_output --regexp '^ +0 +100000 '
    assert_output --regexp '^ +0 +[0-9]+ +65536$'
    base=$(awk '{print $2}' <<<"$output")
    [ "$base" -ge 165536 ]
}

@test "isocon: the bounding set of a mainstream runtime, no_new_privs, seccomp mode 2" {
    run -0 inside grep -e ^Cap -e NoNewPrivs -e '^Seccomp:' /proc/self/status
    assert_line "CapBnd:	00000000a80425fb"
    assert_line "CapEff:	00000000a80425fb"
    assert_line "CapAmb:	0000000000000000"
    assert_line "NoNewPrivs:	1"
    assert_line "Seccomp:	2"
}

@test "isocon: the network has only lo, and it is up" {
    run -0 inside sh -c 'tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " "; ip link show lo | head -1'
    assert_line --index 0 lo
    assert_line --index 1 --regexp '^1: lo: <LOOPBACK,UP,'
    assert_equal "${#lines[@]}" 2
}

@test "isocon: -T adds a time namespace; -v says each step" {
    require timens
    host=$(readlink /proc/self/ns/time)
    run -0 inside readlink /proc/self/ns/time
    assert_output "$host"
    run -0 inside -T readlink /proc/self/ns/time
    refute_output "$host"
    run -0 --separate-stderr inside -v true
    [[ "$stderr" == *"isocon: user namespace: uid_map and gid_map"* ]]
    [[ "$stderr" == *"root: pivot_root into "* ]]
    [[ "$stderr" == *"locked: 14 capabilities in the bounding set, no_new_privs, seccomp filter"* ]]
}

@test "isocon: /proc/sys is read-only; kcore, keys and timer_list masked" {
    run -0 inside sh -c 'grep " /proc/sys " /proc/self/mountinfo | cut -d" " -f6'
    assert_output --regexp '^ro,'
    for f in /proc/kcore /proc/keys /proc/timer_list; do
        [ -e "$f" ] || continue # not on this kernel
        run -0 inside sh -c 'wc -c < "$1"' sh "$f"
        assert_output 0
    done
}

@test "isocon: passes on the command's status; a missing command is 127" {
    run -7 inside sh -c 'exit 7'
    run -127 inside /nonexistent
    run -2 "$ISOCON"
    run -2 "$ISOCON" -p -1 true
}

@test "isocon: a SIGTERM to isocon reaches the command through the init; its status comes back" {
    out=$BATS_TEST_TMPDIR/out
    spawn "$ISOCON" sh -c "$(trapper TERM 3)" >"$out"
    caught "$out" "$SPAWNED" "$SPAWNED" TERM 3
}

@test "isocon: the init, PID 1 of its namespace, takes a signal from outside and passes it on" {
    out=$BATS_TEST_TMPDIR/out
    spawn "$ISOCON" sh -c "$(trapper HUP 4)" >"$out"
    caught "$out" "$SPAWNED" init HUP 4
}

@test "isocon: -x runs a second command inside, with the same restrictions" {
    spawn "$ISOCON" -H joined sleep 30
    # The container's init is the clone()d child of isocon; once the
    # command runs under it, the container is fully set up.
    wait_for descendant "$SPAWNED" sleep
    init=$(pgrep -P "$SPAWNED")
    run -0 "$ISOCON" -x "$init" sh -c 'hostname; ps -o comm | tail -n +2 | sort | tr "\n" " "; echo; grep -e NoNewPrivs -e "^Seccomp:" -e CapBnd /proc/self/status'
    assert_line --index 0 joined
    assert_line --partial "sleep"
    assert_line "NoNewPrivs:	1"
    assert_line "Seccomp:	2"
    assert_line "CapBnd:	00000000a80425fb"
    end_isocon "$SPAWNED"
}

@test "isocon: -x passes a signal on to its command, and its status back" {
    spawn "$ISOCON" sleep 49
    wait_for descendant "$SPAWNED" sleep
    out=$BATS_TEST_TMPDIR/out
    "$ISOCON" -x "$(pgrep -P "$SPAWNED")" sh -c "$(trapper TERM 6)" >"$out" &
    caught "$out" $! $! TERM 6
    end_isocon "$SPAWNED"
}

@test "isocon: killed with SIGKILL, isocon takes its container with it; the next one removes its cgroup" {
    spawn "$ISOCON" sleep 48
    wait_for descendant "$SPAWNED" sleep
    s=$(descendant "$SPAWNED" sleep)
    kill -KILL "$SPAWNED"
    wait_for test ! -e "/proc/$s"
    # As root on v1, the default task limit's cgroup was made below ours;
    # killed, isocon could not remove it: the next kit program does.
    if [ "$(id -u)" -eq 0 ] && [ "$(cg_version pids)" = v1 ]; then
        left=$(cgroup_dir pids)/isolab.isocon.$SPAWNED
        [ -d "$left" ]
        run -0 "$ISOCON" true
        [ ! -d "$left" ]
    fi
}

@test "isocon: the container is a session of its own, with no terminal of the caller's" {
    # /proc/PID/stat fields 6 and 7: the session (its leader's PID, 0
    # when the leader is outside the PID namespace) and the terminal.
    run -0 inside sh -c 'cut -d" " -f6,7 /proc/self/stat'
    assert_output "1 0"
    spawn "$ISOCON" sleep 49
    wait_for descendant "$SPAWNED" sleep
    run -0 "$ISOCON" -x "$(pgrep -P "$SPAWNED")" sh -c 'echo $$; cut -d" " -f6,7 /proc/self/stat'
    assert_line --index 1 "${lines[0]} 0" # sh leads a session of its own
    end_isocon "$SPAWNED"
}

@test "isocon: on a terminal, the container gets one of its own: what it does to it stays there" {
    require cmd script
    # script(1) gives the test a terminal. Inside, the container turns
    # echo off and asks for the terminal's process group; outside, after
    # it, the caller's terminal still echoes.
    run -0 script -qec "'$ISOCON' sh -c 'stty -echo; [ -t 0 ] && echo inside-a-tty'; stty -a" /dev/null
    assert_line --partial inside-a-tty
    assert_output --regexp '(^|[ ;])echo[ ;]'
    refute_output --regexp '(^|[ ;])-echo[ ;]'
}

@test "isocon: the command gets an environment of its own, not the caller's" {
    run -0 env FOO=secret SSH_AUTH_SOCK=/tmp/agent "$ISOCON" env
    refute_line --partial FOO
    refute_line --partial SSH_AUTH_SOCK
    assert_line "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    assert_line "HOME=/root"
    assert_line "HOSTNAME=isocon"
}

@test "isocon: the init keeps no capability; as root, no supplementary group comes in" {
    run -0 inside sh -c 'grep -e CapPrm -e CapEff /proc/1/status'
    assert_output "CapPrm:	0000000000000000
CapEff:	0000000000000000"
    require root
    run -0 setpriv --groups=4,24 "$ISOCON" sh -c 'grep Groups /proc/self/status'
    assert_output --regexp '^Groups:\s*$'
}

@test "isocon: -x refuses a process that is not a container's init" {
    run -1 --separate-stderr "$ISOCON" -x $$ echo ran
    assert_output ""
    assert_equal "$stderr" "isocon: -x $$: not a container's init (PID 1 of a PID namespace, in a user namespace of its own); give the child of a running isocon: pgrep -P ISOCON_PID"
}

@test "isocon: a device node that the image brings does not open (nodev)" {
    require root
    # An image may hold any node its maker made: here /dev/null's numbers,
    # harmless to try, in the root's /root.
    r=$(user_tmpdir)/r # (a path the container's root may search)
    chmod 755 "$(dirname "$r")"
    cp -a "$ISOLAB_TOP/build/rootfs" "$r"
    mknod -m 666 "$r/root/node" c 1 3
    run inside -r "$r" sh -c 'echo x >/root/node; grep " / " /proc/self/mountinfo'
    assert_line --partial "can't create /root/node: Permission denied"
    assert_line --regexp ' / ro,nosuid,nodev[, ]'
}

@test "isocon: rootless, a root on a nosuid,nodev,noatime file system keeps those locked flags" {
    require root # to mount that file system, in a mount namespace of the test's
    dir=$(user_tmpdir)
    run -0 in_mountns sh -c '
        mount -t tmpfs -o nosuid,nodev,noatime,mode=755 isolab "$1" &&
        cp -a "$2/." "$1" &&
        exec setpriv --reuid=65534 --regid=65534 --clear-groups "$3" -r "$1" \
            sh -c "grep \" / \" /proc/self/mountinfo"' \
        sh "$dir" "$ISOLAB_TOP/build/rootfs" "$ISOCON"
    assert_output --regexp ' / ro,nosuid,nodev,noatime '
}

# ---- limits (cgroups: root, or a delegated subtree) ----

@test "isocon: a fork bomb stops at pids.max" {
    require root
    require cgroup pids
    cg=$(kit_cgroup pids)
    run inside -p 10 -P "$cg" sh -c 'for i in $(seq 30); do sleep 2 & done; wait'
    assert_line --partial "can't fork"
    run -0 find "$cg" -mindepth 1 -type d
    assert_output ""
}

@test "isocon: without -p, 1024 tasks at most where a cgroup can be made; -p 0, none" {
    require root
    require cgroup pids
    cg=$(kit_cgroup pids)
    spawn_isocon_v sleep -P "$cg" sleep 49
    run -0 grep "limits:" "$ERR"
    assert_output "isocon: limits: at most 1024 tasks, the default (-p 0: none)"
    dir=$(sed -n 's/^isocon: cgroup: \([^,]*\), pids limited$/\1/p' "$ERR")
    assert_equal "$(cat "$dir/pids.max")" 1024
    grep -qx "$(pgrep -P "$SPAWNED")" "$dir/cgroup.procs"
    kill "$SPAWNED"
    wait_for ended "$SPAWNED"
    run -0 "$ISOCON" -v -p 0 -P "$cg" true
    refute_output --partial "cgroup:"
    wait_for sh -c '[ -z "$(find "$1" -mindepth 1 -type d)" ]' sh "$cg"
}

@test "isocon: as root, its cgroup lets the container open only its own devices, and mknod nothing" {
    require root
    require cgroup pids
    cg=$(kit_cgroup pids)
    spawn_isocon_v sleep -P "$cg" sleep 50
    dir=$(sed -n 's/^isocon: devices: \(.*\) allows only null, zero, random, urandom, tty, pts\/\* (.*)$/\1/p' "$ERR")
    [ -n "$dir" ] || { cat "$ERR"; false; }
    # A process of the test's own in the container's cgroup, on the
    # host's /dev (no nodev there): the policy alone decides.
    in_cg() {
        sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' sh "$dir" "$@"
    }
    run -0 in_cg head -c1 /dev/zero
    run -1 --separate-stderr in_cg head -c1 /dev/full
    assert_equal "$stderr" "head: cannot open '/dev/full' for reading: Operation not permitted"
    run -1 --separate-stderr in_cg mknod "$BATS_TEST_TMPDIR/null" c 1 3
    [[ $stderr == *"Operation not permitted"* ]]
    if [ "$(cg_version devices)" = v1 ]; then
        run -0 cat "$dir/devices.list"
        assert_output "c 1:3 rw
c 1:5 rw
c 1:8 rw
c 1:9 rw
c 5:0 rw
c 136:* rw"
    fi
    end_isocon "$SPAWNED"
}

@test "isocon: rootless, the default task limit in a cgroup delegated to the user, and none, said so, without one" {
    require userns
    if [ "$(id -u)" -ne 0 ] && check_cgroup pids; then
        cg=$(kit_cgroup pids)
        run -0 "$ISOCON" -v -P "$cg" true
        assert_line "isocon: limits: at most 1024 tasks, the default (-p 0: none)"
    else
        run -0 as_user "$ISOCON" -v true
        assert_line "isocon: limits: no task limit: no cgroup with the pids controller that we may make"
    fi
}

@test "isocon: with a limit, its own cgroup is the container's /, and -x joins it there" {
    require root
    require cgroup pids
    cg=$(kit_cgroup pids)
    spawn "$ISOCON" -p 20 -P "$cg" sleep 47
    wait_for descendant "$SPAWNED" sleep
    # The pids line of /proc/PID/cgroup: v1's names the controller.
    if [ "$(cg_version pids)" = v2 ]; then line='^0::'; else line=':pids:'; fi
    # Inside the container's cgroup namespace, its own cgroup is "/".
    run -0 "$ISOCON" -x "$(pgrep -P "$SPAWNED")" sh -c \
        "grep '$line' /proc/self/cgroup; grep '$line' /proc/1/cgroup"
    assert_equal "${#lines[@]}" 2
    assert_equal "${lines[0]}" "${lines[1]}"
    assert_line --index 0 --regexp ':/$'
}

@test "isocon: an allocation past the memory limit is killed, and counted" {
    require root
    require cgroup memory
    cg=$(kit_cgroup memory)
    run inside -m 16 -P "$cg" sh -c 'x=$(head -c 64000000 /dev/zero | tr "\0" a); echo survived ${#x}'
    refute_output --partial survived
    [ "$status" -ne 0 ]
    assert_line --regexp '^isocon: memory limit: [1-9][0-9]* OOM kills$'
}

@test "isocon: two limits on v2 share one cgroup; on v1, -P with two hierarchies is refused at once" {
    require root
    require cgroup pids
    require cgroup memory
    cg=$(kit_cgroup pids)
    if [ "$(cg_version pids)" = v1 ] && [ "$(cg_version memory)" = v1 ]; then
        # -P names a cgroup in one hierarchy: a usage error, before clone3.
        run -2 --separate-stderr inside -v -p 20 -m 64 -P "$cg" true
        assert_equal "${stderr_lines[0]}" "isocon: -P names one cgroup, but pids and memory are in different hierarchies ($(cgroup_hierarchy pids | cut -d' ' -f2), $(cgroup_hierarchy memory | cut -d' ' -f2)): give one limit with -P"
        refute_output --partial "container:"
        return
    fi
    spawn_isocon_v sleep -p 20 -m 64 -P "$cg" sleep 48
    # Both limits name the same cgroup, and it holds both.
    run -0 grep -o 'cgroup: [^,]*, [a-z]* limited' "$ERR"
    assert_equal "${#lines[@]}" 2
    dir=$(sed -n 's/^isocon: cgroup: \([^,]*\), pids limited$/\1/p' "$ERR")
    assert_line "cgroup: $dir, memory limited"
    assert_equal "$(cat "$dir/pids.max") $(cat "$dir/memory.max")" "20 67108864"
    kill "$SPAWNED"
    wait_for ended "$SPAWNED"
    wait_for sh -c '[ -z "$(find "$1" -mindepth 1 -type d)" ]' sh "$cg"
}

# ---- escape attempts: each must be refused ----

refused() {
    run inside /bin/escape_probe "$1"
    assert_output --regexp "^$1: refused \\([A-Z0-9]+\\)\$"
    assert_success
}

@test "escape: a nested user namespace through unshare" { refused unshare; }
@test "escape: a nested user namespace through clone" { refused clone; }
@test "escape: a nested user namespace through raw clone3" { refused clone3; }
@test "escape: joining another namespace with setns" { refused setns; }
@test "escape: mount" { refused mount; }
@test "escape: umount of a masking mount" { refused umount; }
@test "escape: pivot_root" { refused pivot_root; }
@test "escape: the new mount API (fsopen)" { refused fsopen; }
@test "escape: climbing out of a chroot" { refused chroot; }
@test "escape: open_by_handle_at (shocker)" { refused handle; }
@test "escape: writing /proc/sys" { refused proc_sys; }
@test "escape: writing /proc/sysrq-trigger" { refused sysrq; }
@test "escape: writing core_pattern" { refused core_pattern; }
@test "escape: mknod of a disk device" { refused mknod; }
@test "escape: keyctl" { refused keyctl; }
@test "escape: ptrace of a process outside its own" { refused ptrace; }
@test "escape: process_vm_readv" { refused vm_readv; }
@test "escape: TIOCSTI on the terminal" { refused tiocsti; }
@test "escape: another line discipline for the terminal (TIOCSETD)" { refused ldisc; }
@test "escape: mounting a cgroup v1 hierarchy for a release_agent" { refused cgroup_v1; }
@test "escape: loading a kernel module" { refused module; }
@test "escape: bpf" { refused bpf; }
@test "escape: perf_event_open" { refused perf; }
@test "escape: userfaultfd" { refused userfaultfd; }
@test "escape: io_uring" { refused io_uring; }
@test "escape: reboot" { refused reboot; }
@test "escape: setting the clock" { refused clock; }
@test "escape: a set-UID root binary inside gains nothing" { refused suid; }
@test "escape: no host descriptor leaks in" {
    exec 9</dev/null # a descriptor the container must not inherit
    refused fds
    exec 9<&-
}
@test "escape: no host working directory leaks in" { refused cwd; }

@test "escape_probe: outside a container it refuses, unless told with -f" {
    run -2 --separate-stderr "$ISOLAB_TOP/container/escape_probe" all
    assert_output ""
    assert_equal "$stderr" "escape_probe: not inside a container (this is the initial user namespace): run it in one, such as container/isocon /bin/escape_probe all, or give -f to try this machine itself (nothing is changed)"
}

@test "escape_probe -f: as root on the machine itself, the attempts are allowed and change nothing" {
    require root
    # In namespaces of the test's own, so that a probe that did change
    # something would change only them; the test fails if it did.
    run -1 unshare --mount --uts --ipc --propagation private sh -c '
        h=$(hostname); m=$(cat /proc/self/mountinfo)
        "$1" -f all; st=$?
        [ "$(hostname)" = "$h" ] || echo "hostname changed"
        [ "$(cat /proc/self/mountinfo)" = "$m" ] || echo "mounts changed"
        ls -d /tmp/isolab-probe.* 2>/dev/null && echo "/tmp changed"
        exit $st' sh "$ISOLAB_TOP/container/escape_probe"
    # Root may do each of these: the probe asked the kernel for real.
    for v in unshare mount umount pivot_root proc_sys core_pattern mknod \
        cgroup_v1 reboot clock suid; do
        assert_line "$v: ALLOWED"
    done
    refute_line --partial changed
    # The probe's v1 hierarchy is unmounted and empty: the kernel destroys
    # it a moment later, from a worker of its own. It must go (5 s at most).
    wait_for sh -c '! grep -q name=isolab_probe /proc/self/cgroup'
}

@test "escape: without the filter, the other layers still hold most" {
    # (ptrace is left out: PID 1, the only other process in view, is the
    # container's own init, which holds no capability: rootless, without
    # the filter, the container may trace it, and that is no way out.)
    run inside -S /bin/escape_probe mount pivot_root mknod core_pattern cgroup_v1 reboot clock
    assert_success
    refute_output --partial ALLOWED
}

# ---- sandbox: an ordinary program of the machine, sandboxed ----

@test "sandbox: the machine's own program, in its own namespaces, on a read-only /usr and /etc, with no home" {
    local sb=$ISOLAB_TOP/container/sandbox
    run -0 --separate-stderr "$sb" sh -c 'hostname; echo $$; id -u; ls -m /; ls /home /var /run 2>&1; touch /usr/x /etc/x /tmp/x 2>&1; echo done'
    assert_line --index 0 sandbox
    assert_line --index 1 2
    assert_line --index 2 "$(id -u)"
    assert_line --index 3 --regexp '^bin, dev, etc, lib, .*proc, sbin, tmp, usr$'
    assert_line "ls: cannot access '/home': No such file or directory"
    assert_line "touch: cannot touch '/usr/x': Read-only file system"
    assert_line "touch: cannot touch '/etc/x': Read-only file system"
    refute_line --partial "/tmp/x"
    assert_line 'done'
    # Its namespaces are none of ours.
    run -0 "$sb" sh -c 'for t in mnt pid net ipc uts user; do readlink /proc/self/ns/$t; done'
    for t in mnt pid net ipc uts user; do
        refute_line "$(readlink "/proc/self/ns/$t")"
    done
}

@test "sandbox: no capability, no_new_privs, a filter, no new user namespace, a network of lo alone; the status comes back" {
    local sb=$ISOLAB_TOP/container/sandbox
    run -0 "$sb" grep -e CapEff -e CapBnd -e NoNewPrivs -e 'Seccomp:' /proc/self/status
    assert_output "CapEff:	0000000000000000
CapBnd:	0000000000000000
NoNewPrivs:	1
Seccomp:	2"
    run -1 --separate-stderr "$sb" unshare -U true
    assert_equal "$stderr" "unshare: unshare failed: Operation not permitted"
    run -0 "$sb" cat /proc/net/dev
    assert_equal "${#lines[@]}" 3
    assert_line --index 2 --regexp '^ *lo:'
    run -7 "$sb" sh -c 'exit 7'
    run -127 --separate-stderr "$sb" no-such-command
    assert_equal "$stderr" "sandbox: exec no-such-command: No such file or directory (ENOENT)"
}

@test "sandbox: its filter, read from the running command: user namespaces, the keyring and TIOCSTI refused (root: bpf_dump -p)" {
    require root
    spawn "$ISOLAB_TOP/container/sandbox" sleep 30
    wait_for descendant "$SPAWNED" sleep
    pid=$(descendant "$SPAWNED" sleep)
    run --separate-stderr "$ISOLAB_TOP/seccomp/bpf_dump" -p "$pid"
    [ "$status" -ne 77 ] || skip "$stderr"
    assert_success
    assert_line --regexp '   \(keyctl\)$'
    assert_line --regexp '   \(add_key\)$'
    assert_line --regexp '   \(unshare\)$'
    assert_line --regexp '   \(ioctl\)$'
    assert_line --regexp 'ret  ERRNO\(1\)   \(EPERM\)$'
}
