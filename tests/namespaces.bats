#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# namespaces: UTS namespaces and the namespace APIs (course chapters 12
# and 16). Privileged forms run as root; each also runs rootless inside a
# user namespace where the system allows it. No test changes the host's
# hostname or mount table.

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    N=$ISOLAB_TOP/namespaces
    UCE=$ISOLAB_TOP/userns/userns_child_exec
}

ino() {
    stat -L -c %i "$1"
}

@test "demo_uts: the child's hostname changes, the parent's does not (root)" {
    require root
    host=$(hostname)
    # In a UTS namespace of the test's own: the host's is safe whatever
    # the demo does.
    run -0 unshare --uts -- "$N/demo_uts" box
    assert_line --index 1 "child: hostname: box"
    assert_line --index 3 "parent: hostname: $host"
    child_ns=$(sed -n 's/^child: uts ns: //p' <<<"$output")
    parent_ns=$(sed -n 's/^parent: uts ns: //p' <<<"$output")
    [ "$child_ns" != "$parent_ns" ]
    assert_equal "$(hostname)" "$host"
}

@test "demo_uts: rootless, inside a user namespace" {
    require userns
    run -0 "$UCE" -r "$N/demo_uts" box
    assert_line --index 1 "child: hostname: box"
    assert_line --index 3 "parent: hostname: $(hostname)"
}

@test "demo_uts: without privilege it says what is needed" {
    run -1 --separate-stderr as_user "$N/demo_uts"
    assert_equal "$stderr" "demo_uts: clone CLONE_NEWUTS: needs CAP_SYS_ADMIN; run as root, or under ../userns/userns_child_exec -r"
}

@test "ns_child_exec: the child is PID 1 of its PID namespace at once" {
    require root
    run -0 unshare --uts -- "$N/ns_child_exec" -pu sh -c 'echo $$; hostname box; hostname'
    assert_output "1
box"
    run -4 "$N/ns_child_exec" -p sh -c 'exit 4'
}

@test "ns_child_exec: a user namespace without maps: the overflow UID" {
    require userns
    run -0 "$N/ns_child_exec" -U id -u
    assert_output 65534
    run -0 "$UCE" -r "$N/ns_child_exec" -pu sh -c 'echo $$'
    assert_output 1
}

@test "unshare: -r maps us to root, as util-linux unshare -r does" {
    require userns
    require util_userns
    ours=$("$N/unshare" -r sh -c 'id -u; id -g; cat /proc/self/uid_map /proc/self/setgroups; grep CapEff /proc/self/status')
    theirs=$(unshare -r sh -c 'id -u; id -g; cat /proc/self/uid_map /proc/self/setgroups; grep CapEff /proc/self/status')
    assert_equal "$ours" "$theirs"
}

@test "unshare: -p without -f leaves the caller outside; with -f the command is PID 1" {
    require userns
    run -0 "$N/unshare" -rp sh -c 'echo $$'
    [ "$output" != 1 ]
    run -0 "$N/unshare" -rpf sh -c 'echo $$'
    assert_output 1
}

@test "unshare: --mount-proc shows only the new PID namespace, as util-linux does" {
    require userns
    require util_userns
    before=$(awk '{print $5}' /proc/self/mountinfo | sort)
    # echo is the shell's own: the shell, PID 1, is the only process.
    ours=$("$N/unshare" -rpf --mount-proc sh -c 'echo /proc/[0-9]*; readlink /proc/1/ns/pid')
    theirs=$(unshare -rpf --mount-proc sh -c 'echo /proc/[0-9]*; readlink /proc/1/ns/pid')
    assert_equal "$(head -1 <<<"$ours")" "/proc/1"
    assert_equal "$(head -1 <<<"$theirs")" "/proc/1"
    [ "$(tail -1 <<<"$ours")" != "$(readlink /proc/self/ns/pid)" ]
    assert_equal "$(awk '{print $5}' /proc/self/mountinfo | sort)" "$before"
}

@test "unshare: new UTS, IPC, network, cgroup and time namespaces differ from ours" {
    require userns
    require timens
    run -0 "$N/unshare" -ruinCTf sh -c 'for t in uts ipc net cgroup time; do readlink /proc/self/ns/$t; done'
    i=0
    for t in uts ipc net cgroup time; do
        [ "${lines[$i]}" != "$(readlink /proc/self/ns/$t)" ]
        i=$((i + 1))
    done
}

@test "unshare: without privilege the error names what is missing; exit status is the command's" {
    run -1 --separate-stderr as_user "$N/unshare" -u true
    assert_equal "$stderr" "unshare: unshare: needs CAP_SYS_ADMIN; run as root, or add -r"
    require userns
    run -9 "$N/unshare" -r sh -c 'exit 9'
}

@test "ns_exec: joins the UTS namespace of a target, as nsenter does" {
    require userns
    spawn "$UCE" -ru sh -c 'hostname inside; exec sleep 35'
    wait_for descendant "$SPAWNED" sleep
    target=$(descendant "$SPAWNED" sleep)
    # Rootless, the user namespace is joined first; as root, too.
    run -0 "$N/ns_exec" "/proc/$target/ns/uts" "/proc/$target/ns/user" -- hostname
    assert_output inside
    run -0 nsenter --target "$target" --user --preserve-credentials --uts hostname
    assert_output inside
}

@test "ns_exec: opens every file first: a mount namespace with another /proc does not hide the rest" {
    require root
    # The target's mount namespace has the /proc of its own PID namespace,
    # where /proc/TARGET (a host PID) does not exist.
    spawn unshare --mount --uts --pid --fork --mount-proc sh -c 'hostname inside; exec sleep 36'
    wait_for descendant "$SPAWNED" sleep
    target=$(descendant "$SPAWNED" sleep)
    run -0 "$N/ns_exec" "/proc/$target/ns/mnt" "/proc/$target/ns/uts" -- hostname
    assert_output inside
}

@test "ns_exec: -t and -n join several namespaces in one setns() on a pidfd" {
    require userns
    require kernel 5.8
    spawn "$UCE" -ru sh -c 'hostname pidfd; exec sleep 36'
    wait_for descendant "$SPAWNED" sleep
    target=$(descendant "$SPAWNED" sleep)
    run -0 "$N/ns_exec" -t "$target" -n user,uts -- sh -c 'hostname; id -u'
    assert_output "pidfd
0"
}

@test "ns_exec: -f is needed for a PID namespace to take effect" {
    require userns
    spawn "$UCE" -rp sleep 37
    wait_for descendant "$SPAWNED" sleep
    target=$(descendant "$SPAWNED" sleep)
    # Without -f the command is ns_exec itself, after execve(): setns()
    # into a PID namespace moves only the children to come, so it is
    # still in ours, with a PID of ours.
    run -0 "$N/ns_exec" "/proc/$target/ns/user" "/proc/$target/ns/pid" -- sh -c 'echo $$; readlink /proc/$$/ns/pid'
    [ "${lines[0]}" -gt 2 ]
    assert_equal "${lines[1]}" "$(readlink /proc/self/ns/pid)"
    # With -f it is a child: in the target's namespace, with a small PID
    # there (the first run's readlink took one already).
    run -0 "$N/ns_exec" -f "/proc/$target/ns/user" "/proc/$target/ns/pid" -- sh -c 'echo $$; readlink /proc/self/ns/pid'
    [ "${lines[0]}" -le 3 ]
    assert_line --index 1 "$(readlink "/proc/$target/ns/pid")"
}

@test "ns_exec: errors name the file and the reason" {
    run -1 --separate-stderr "$N/ns_exec" /etc/hostname -- true
    assert_equal "$stderr" "ns_exec: setns /etc/hostname: Invalid argument (EINVAL)"
    run -1 --separate-stderr "$N/ns_exec" /nonexistent -- true
    assert_equal "$stderr" "ns_exec: open /nonexistent: No such file or directory (ENOENT)"
    run -2 "$N/ns_exec" -n uts true
    run -2 "$N/ns_exec" -t 1 -n nosuch true
}

@test "ns_exec: joining a namespace we have no rights in is EPERM" {
    require nonroot
    run -1 --separate-stderr "$N/ns_exec" /proc/self/ns/uts -- true
    assert_equal "$stderr" "ns_exec: setns /proc/self/ns/uts: Operation not permitted (EPERM)"
}

# run_ns PROGRAM [ARG...]: as root, inside UTS, IPC and mount namespaces
# that the test makes (so that even a broken demo cannot change the
# host's); otherwise inside a new user namespace (skipped with the reason
# where the system forbids those).
run_ns() {
    if [ "$(id -u)" -eq 0 ]; then
        run unshare --uts --ipc --mount --propagation private -- "$@"
    else
        require userns
        run "$UCE" -r "$@"
    fi
}

@test "pidns_nest: PID 1 at every level, one more PID in NSpid per level" {
    run_ns "$N/pidns_nest" -n 3
    assert_success
    assert_line --index 0 --regexp '^level 1: getpid\(\) 1, getppid\(\) 0, NSpid: [0-9]+ 1$'
    assert_line --index 1 --regexp '^level 2: getpid\(\) 1, getppid\(\) 0, NSpid: [0-9]+ 2 1$'
    assert_line --index 2 --regexp '^level 3: getpid\(\) 1, getppid\(\) 0, NSpid: [0-9]+ 3 2 1$'
    run -2 "$N/pidns_nest" -n 33
}

@test "demo_pidns_init: init sees only its namespace, adopts orphans, ignores signals" {
    before=$(awk '{print $5}' /proc/self/mountinfo | sort)
    run_ns "$N/demo_pidns_init"
    assert_success
    assert_output --regexp "^init: getpid\\(\\) 1, getppid\\(\\) 0
init: /proc lists PIDs: 1
init: sent itself SIGTERM, SIGINT, SIGUSR1 without handlers: still here
orphan: adopted by PID 1, the namespace's init
outside: the namespace's init was PID [0-9]+ here\$"
    assert_equal "$(awk '{print $5}' /proc/self/mountinfo | sort)" "$before"
}

@test "demo_pidns_end: init's end kills the members and closes the namespace" {
    run_ns "$N/demo_pidns_end"
    assert_success
    assert_line --index 0 "init: PID 1 in the new namespace; starting a member, then ending"
    assert_line --index 1 --regexp '^member: PID 2 in the namespace, [0-9]+ outside, waiting$'
    assert_line --index 2 --regexp '^outside: init ended; the member [0-9]+ was killed: gone from /proc$'
    assert_line --index 3 "fork() into the namespace after its init ended: ENOMEM"
}

@test "PID namespace programs: without privilege they say what is needed" {
    run -1 --separate-stderr as_user "$N/pidns_nest"
    [[ $stderr == *"needs CAP_SYS_ADMIN; run as root, or under ../userns/userns_child_exec -r" ]]
    run -1 --separate-stderr as_user "$N/demo_pidns_end"
    [[ $stderr == *"needs CAP_SYS_ADMIN"* ]]
}

@test "demo_ipcns: IPC objects are found in their namespace only, never on the host" {
    host_mq=$(find /dev/mqueue -mindepth 1 2>/dev/null | wc -l)
    host_sysv=$(wc -l </proc/sysvipc/msg)
    run_ns "$N/demo_ipcns"
    assert_success
    assert_line --index 0 --regexp '^namespace A: created POSIX queue /isolab-demo and System V queue [0-9]+$'
    assert_line --index 1 --regexp '^child in A, ipc ns [0-9]+: POSIX queue found; System V queue [0-9]+ found$'
    assert_line --index 2 --regexp '^child in B, ipc ns [0-9]+: POSIX queue ENOENT; System V queue [0-9]+ EINVAL$'
    assert_equal "$(find /dev/mqueue -mindepth 1 2>/dev/null | wc -l)" "$host_mq"
    assert_equal "$(wc -l </proc/sysvipc/msg)" "$host_sysv"
}

@test "demo_timens: monotonic and boot time shifted inside, not outside; offsets frozen" {
    require timens
    run_ns "$N/demo_timens" -m 86400 -b 3600
    assert_success
    read -r _ _ mono_out _ _ boot_out _ _ up_out _ <<<"${lines[0]//,/}"
    read -r _ _ mono_in _ _ boot_in _ _ up_in _ <<<"${lines[1]//,/}"
    # One second of slack: the two readings are moments apart.
    (( mono_in - mono_out >= 86400 && mono_in - mono_out <= 86401 ))
    (( boot_in - boot_out >= 3600 && boot_in - boot_out <= 3601 ))
    (( up_in - up_out >= 3599 && up_in - up_out <= 3601 ))
    assert_line --index 2 "offsets written again after a child entered: EACCES"
    # And the host's clock was not shifted.
    (( $(cut -d. -f1 /proc/uptime) - up_out < 60 ))
}

@test "demo_cgroupns: our cgroups become the root inside; one outside climbs out with .." {
    run_ns "$N/demo_cgroupns"
    assert_success
    # Every hierarchy's line reads "/" inside.
    refute_line --regexp '^inside: .*[^/]$'
    # Where our cgroup is not the hierarchy's root, PID 1 is above us.
    while IFS=: read -r num ctrls path; do
        if [ "$path" != / ]; then
            assert_line --regexp "^inside, PID 1: $num:$ctrls:/\\.\\.(/\\.\\.)*"
        fi
    done </proc/self/cgroup
}

@test "demo_netns: only lo, down; brought up by ioctl; a socket inside is not reachable outside" {
    run_ns "$N/demo_netns"
    assert_success
    assert_line --index 0 "inside: interfaces: lo"
    assert_line --index 1 "inside: lo is down"
    assert_line --index 2 "inside: lo is up after SIOCSIFFLAGS"
    assert_line --index 3 --regexp '^inside: listening on 127\.0\.0\.1:[0-9]+; connect from inside: ok$'
    assert_line --index 4 --regexp '^outside: connect to 127\.0\.0\.1:[0-9]+: ECONNREFUSED$'
}

@test "veth_demo.sh: two namespaces joined by a veth pair answer a ping; the host has no veth" {
    require userns
    require cmd ping
    require cmd ip
    host_links=$(ip -o link | wc -l)
    run -0 "$N/veth_demo.sh"
    assert_line --index 0 "A: veth-a 192.0.2.1/24, up"
    assert_line --index 1 "B: veth-b 192.0.2.2/24, up"
    assert_line --index 2 --regexp '^A: ping 192\.0\.2\.2: 1 packets transmitted, 1 received, 0% packet loss'
    assert_equal "$(ip -o link | wc -l)" "$host_links"
}

@test "demo_ns_lifetime: a namespace lives while a descriptor or a bind mount holds it" {
    before=$(awk '{print $5}' /proc/self/mountinfo | sort)
    run_ns "$N/demo_ns_lifetime"
    assert_success
    assert_output --regexp "^child: made uts ns [0-9]+, hostname kept-alive, and ended
held by a descriptor and a bind mount: joined, hostname kept-alive
held by the bind mount only: joined, hostname kept-alive
unmounted, a plain file again: setns: EINVAL\$"
    assert_equal "$(awk '{print $5}' /proc/self/mountinfo | sort)" "$before"
}

@test "ns_list: a new user namespace appears under ours, owning its UTS namespace" {
    require userns
    spawn "$UCE" -ru sleep 38
    wait_for descendant "$SPAWNED" sleep
    target=$(descendant "$SPAWNED" sleep)
    run -0 "$N/ns_list" -p
    user=$(ino "/proc/$target/ns/user")
    uts=$(ino "/proc/$target/ns/uts")
    # Our own user namespace at some depth D, the new one at D+1, its UTS
    # namespace at D+2, each naming the sleeping process as a member.
    own=$(grep -E "^ *user $(ino /proc/self/ns/user) " <<<"$output" | head -1)
    indent=${own%%user*}
    assert_line "$indent  user $user (owner uid $(id -u)): 1 member ($target)"
    assert_line "$indent    uts $uts: 1 member ($target)"
}

@test "ns_list: every namespace of ours is listed with us as a member" {
    run -0 bash -c "echo \$\$; exec '$N/ns_list' -p"
    me=${lines[0]}
    for t in cgroup ipc mnt net pid uts user; do
        assert_line --regexp "^ *$t $(ino /proc/self/ns/$t)( \\(owner uid [0-9]+\\))?: [0-9]+ members? \\((.* )?$me( .*)?\\)\$"
    done
}

@test "ns_list: a child PID namespace names its parent" {
    require userns
    spawn "$UCE" -rp sleep 43
    wait_for descendant "$SPAWNED" sleep
    t=$(descendant "$SPAWNED" sleep)
    run -0 "$N/ns_list" -p
    assert_line --regexp "^ *pid $(ino "/proc/$t/ns/pid") \\(parent pid $(ino /proc/self/ns/pid)\\): 1 member \\($t\\)\$"
}

@test "namespace lifetime: a namespace kept by a bind mount is joined again with ns_exec" {
    # In a mount namespace of the test's own, util-linux unshare keeps the
    # new UTS namespace alive with a bind mount on the file "held".
    run -1 in_mountns sh -c "
        touch held
        unshare --uts=held hostname kept
        '$N/ns_exec' held -- hostname
        umount held
        '$N/ns_exec' held -- hostname"
    assert_line --index 0 kept
    assert_line --index 1 --partial "setns held: Invalid argument (EINVAL)"
}
