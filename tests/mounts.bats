#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $M in single quotes is for the inner shell
# mounts: mount(2), umount2(2) and the mount table (course chapters 13 and
# 19). Every mount happens in a mount namespace that the test made and
# made private first (in_mountns: as root directly, otherwise inside a new
# user namespace), and each test checks that the host's table is the same.

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    export M=$ISOLAB_TOP/mounts
    HOST_MOUNTS=$(awk '{print $5, $(NF-2)}' /proc/self/mountinfo | sort)
    [ "$(id -u)" -eq 0 ] || require userns
}

host_unchanged() {
    assert_equal "$(awk '{print $5, $(NF-2)}' /proc/self/mountinfo | sort)" "$HOST_MOUNTS"
}

@test "t_mount: mounts a tmpfs with a data string, printed as strace would" {
    mkdir a
    run -0 in_mountns sh -c '"$M/t_mount" -t tmpfs -o size=1m,mode=700 isolab-t tmpfs_dir 2>&1; mkdir tmpfs_dir; "$M/t_mount" -t tmpfs -o size=1m,mode=700 isolab-t tmpfs_dir && grep " $PWD/tmpfs_dir " /proc/self/mountinfo'
    assert_line --index 0 'mount("isolab-t", "tmpfs_dir", "tmpfs", 0, "size=1m,mode=700") = -1 ENOENT (No such file or directory)'
    assert_line --index 1 'mount("isolab-t", "tmpfs_dir", "tmpfs", 0, "size=1m,mode=700") = 0'
    assert_line --index 2 --regexp " - tmpfs isolab-t rw,.*size=1024k,mode=700"
    host_unchanged
}

@test "t_mount: a read-only bind is a second view with flags of its own" {
    mkdir a b
    run -0 in_mountns sh -c '
        "$M/t_mount" -t tmpfs tmpfs a >/dev/null &&
        "$M/t_mount" -f bind a b &&
        "$M/t_mount" -f remount,bind,rdonly none b &&
        echo x >a/file && cat b/file &&
        { touch b/other 2>/dev/null || echo "b is read-only"; }'
    assert_line --index 0 'mount("a", "b", NULL, MS_BIND, NULL) = 0'
    assert_line --index 1 'mount("none", "b", NULL, MS_BIND|MS_RDONLY|MS_REMOUNT, NULL) = 0'
    assert_line --index 2 x
    assert_line --index 3 "b is read-only"
    host_unchanged
}

@test "t_mount: propagation flags change the optional fields of mountinfo" {
    mkdir a
    run -0 in_mountns sh -c '
        "$M/t_mount" -t tmpfs tmpfs a >/dev/null &&
        "$M/t_mount" -f shared none a >/dev/null &&
        grep " $PWD/a " /proc/self/mountinfo &&
        "$M/t_mount" -f unbindable none a &&
        grep " $PWD/a " /proc/self/mountinfo'
    assert_line --index 0 --regexp " $PWD/a rw[^ ]* shared:[0-9]+ - tmpfs "
    assert_line --index 1 'mount("none", "a", NULL, MS_UNBINDABLE, NULL) = 0'
    assert_line --index 2 --regexp " $PWD/a rw[^ ]* unbindable - tmpfs "
    host_unchanged
}

@test "t_mount: bad flags are a usage error; a failed call exits 1 with its errno" {
    run -2 --separate-stderr "$M/t_mount" -f bogus a b
    assert_equal "${stderr_lines[0]}" "t_mount: -f: 'bogus' is not a flag this program knows"
    run -1 "$M/t_mount" -t nosuchfs none "$BATS_TEST_TMPDIR"
    assert_output --regexp '= -1 (ENODEV|EPERM) '
}

@test "t_umount: EBUSY while in use; MNT_DETACH detaches at once" {
    mkdir a
    run -0 in_mountns sh -c '
        "$M/t_mount" -t tmpfs tmpfs a >/dev/null &&
        cd a && { "$M/t_umount" "$OLDPWD/a"; true; } &&
        "$M/t_umount" -f detach "$OLDPWD/a" &&
        grep -c " $OLDPWD/a " /proc/self/mountinfo; true'
    assert_line --index 0 "umount2(\"$PWD/a\", 0) = -1 EBUSY (Device or resource busy)"
    assert_line --index 1 "umount2(\"$PWD/a\", MNT_DETACH) = 0"
    assert_line --index 2 0
    host_unchanged
}

@test "t_umount: an unknown flag and a path that is not a mount point" {
    run -2 "$M/t_umount" -f lazy x
    run -1 in_mountns "$M/t_umount" "$BATS_TEST_TMPDIR"
    assert_output --regexp '= -1 EINVAL '
}

@test "mountinfo_tree: the tree with IDs, and propagation in plain words" {
    mkdir a b
    run -0 in_mountns sh -c '
        "$M/t_mount" -t tmpfs isolab-a a >/dev/null &&
        "$M/t_mount" -f shared none a >/dev/null &&
        "$M/t_mount" -t tmpfs isolab-b a/../b >/dev/null &&
        "$M/t_mount" -f bind a b >/dev/null &&
        "$M/mountinfo_tree"'
    # The namespace's root mount has no parent in the list: first line.
    assert_line --index 0 --regexp '^[0-9]+ / [^ ]+ [^ ]+: '
    # a is shared; the bind of a onto b joins a's peer group.
    group=$(sed -n "s|^ *[0-9]* $PWD/a tmpfs isolab-a: shared, peer group \\([0-9]*\\)\$|\\1|p" <<<"$output")
    [ -n "$group" ]
    assert_line --regexp "^ +[0-9]+ $PWD/b tmpfs isolab-a: shared, peer group $group\$"
    assert_line --regexp "^ +[0-9]+ $PWD/b tmpfs isolab-b: private\$"
    host_unchanged
}

@test "mountinfo_tree: reads another process's table, and names a missing one" {
    run -0 "$M/mountinfo_tree" $$
    assert_line --index 0 --regexp '^[0-9]+ / '
    run -1 --separate-stderr "$M/mountinfo_tree" 999999999
    assert_equal "$stderr" "mountinfo_tree: open /proc/999999999/mountinfo: No such file or directory (ENOENT)"
}

@test "demo_propagation: shared peers, private, slave, unbindable, and across namespaces" {
    if [ "$(id -u)" -eq 0 ]; then
        run -0 "$M/demo_propagation"
    else
        run -0 "$ISOLAB_TOP/userns/userns_child_exec" -r "$M/demo_propagation"
    fi
    group=$(sed -n 's/^shared: \/tmp\/A and \/tmp\/B are peers, group \([0-9]*\)$/\1/p' <<<"$output")
    [ "$group" -gt 0 ]
    assert_output "shared: /tmp/A and /tmp/B are peers, group $group
shared: mounted /tmp/A/sub, seen at /tmp/B/sub: yes
shared: unmounted /tmp/B/sub, still at /tmp/A/sub: no
private: mounted /tmp/A/p, seen at /tmp/P/p: no
slave: mounted /tmp/A/s, seen at /tmp/S/s: yes
slave: mounted /tmp/S/own, seen at /tmp/A/own: no
unbindable: bind of /tmp/U: EINVAL
other namespace: /tmp/A in peer group $group there too
other namespace: mounted /tmp/A/x here, seen there: yes
this namespace: mounted /tmp/A/y there (shared), seen here: yes
this namespace: mounted /tmp/P/y there (private), seen here: no"
    host_unchanged
    # Its tmpfs over /tmp was its own: our directory is still there.
    assert_dir_exist "$BATS_TEST_TMPDIR"
}

@test "pivot_shell: the busybox root is / and nothing of the host is left" {
    require busybox
    [ -x "$ISOLAB_TOP/build/rootfs/bin/busybox" ] || skip "no container root: make rootfs"
    [ "$(id -u)" -eq 0 ] || require userns
    # The shell's own glob counts /proc's PIDs without starting anyone.
    run -0 "$M/pivot_shell" -r "$ISOLAB_TOP/build/rootfs" -n box sh -c '
        ls /; echo "oldroot: $(ls -A /oldroot | wc -l)"; echo "pid: $$"
        hostname; set -- /proc/[0-9]*; echo "procs: $*"
        cat /etc/motd; ls "$0" 2>&1 || true; echo data >/dev/null && echo "dev/null: ok"' \
        "$ISOLAB_TOP"
    assert_output --partial "bin
dev
etc
oldroot
proc
root
sys
tmp"
    assert_line "oldroot: 0"
    assert_line "pid: 1"
    assert_line box
    assert_line "procs: /proc/1"
    assert_line "isolab container root (tools/mkrootfs)"
    # The kit's own directory, on the host, is nowhere in there.
    assert_line "ls: $ISOLAB_TOP: No such file or directory"
    assert_line "dev/null: ok"
    host_unchanged
}

@test "pivot_shell: the command's status comes back; the default root from anywhere; a missing root is named" {
    require busybox
    [ -x "$ISOLAB_TOP/build/rootfs/bin/busybox" ] || skip "no container root: make rootfs"
    [ "$(id -u)" -eq 0 ] || require userns
    run -9 "$M/pivot_shell" -r "$ISOLAB_TOP/build/rootfs" sh -c 'exit 9'
    # Without -r, the kit's root, from any working directory.
    cd /
    run -0 "$M/pivot_shell" sh -c 'test -x /bin/busybox && hostname'
    assert_output pivot
    run -1 --separate-stderr "$M/pivot_shell" -r /nonexistent true
    assert_equal "$stderr" "pivot_shell: /nonexistent (make rootfs builds build/rootfs): No such file or directory (ENOENT)"
    host_unchanged
}

@test "demo_bind: a directory, a file, with and without the mounts below, read-only" {
    if [ "$(id -u)" -eq 0 ]; then
        run -0 "$M/demo_bind"
    else
        run -0 "$ISOLAB_TOP/userns/userns_child_exec" -r "$M/demo_bind"
    fi
    assert_output "directory: wrote /tmp/dir/f, read at /tmp/dir2/f: same file
file: /tmp/f2 shows /tmp/f1: hello from f1
plain bind: /tmp/flat/sub/inner: absent (the mount below stays behind)
recursive bind: /tmp/deep/sub/inner: present
read-only bind: write to /tmp/ro/f: EROFS; to /tmp/dir/f: ok"
    host_unchanged
}

@test "pivot_shell: without the bind the new root is no mount point: EINVAL, named" {
    require busybox
    [ -x "$ISOLAB_TOP/build/rootfs/bin/busybox" ] || skip "no container root: make rootfs"
    [ "$(id -u)" -eq 0 ] || require userns
    run -1 --separate-stderr "$M/pivot_shell" -B -r "$ISOLAB_TOP/build/rootfs" true
    assert_equal "$stderr" "pivot_shell: pivot_root . oldroot (EINVAL: the new root is no mount point, or a mount on the way is shared; EBUSY: old kernels, the new root is the current one): Invalid argument (EINVAL)"
    host_unchanged
}

@test "chroot_escape: out of a chroot with .., but not out of a pivot_root" {
    require busybox
    [ -x "$ISOLAB_TOP/build/rootfs/bin/chroot_escape" ] || skip "no container root: make rootfs"
    [ "$(id -u)" -eq 0 ] || require userns
    # chroot_escape makes its jail in the root's /tmp: a copy of the root
    # of the test's own, so that the shared build/rootfs, which other
    # test files use meanwhile, never changes.
    root=$BATS_TEST_TMPDIR/root
    cp -a "$ISOLAB_TOP/build/rootfs" "$root"
    # After chroot (in a user namespace of the test's own, root or not):
    # the kit's own directory, outside the jail, comes back into view.
    run -0 "$ISOLAB_TOP/namespaces/unshare" -r chroot "$root" /bin/chroot_escape "$ISOLAB_TOP"
    assert_output "escape: climbed 40 levels with \"..\" and chrooted there
escaped: $ISOLAB_TOP is visible: yes"
    # After pivot_root and the old root's detach: nowhere to climb to.
    run -0 "$M/pivot_shell" -r "$root" /bin/chroot_escape "$ISOLAB_TOP"
    assert_output "escape: climbed 40 levels with \"..\" and chrooted there
escaped: $ISOLAB_TOP is visible: no"
    # The jail directories it made are gone.
    assert_equal "$(find "$root/tmp" -mindepth 1 | wc -l)" 0
    host_unchanged
}

@test "demo_idmap: as root, owners seen through the map, creation mapped back, root outside the map refused; the mount only in its namespace, its directory removed" {
    require root
    # UID 100000 must pass through bats' directories to the view.
    let_through "$BATS_TEST_TMPDIR"
    TMPDIR=$BATS_TEST_TMPDIR run --separate-stderr "$M/demo_idmap"
    [ "$status" -ne 77 ] || skip "$stderr"
    assert_success
    assert_output --regexp "^mapping: uid_map and gid_map 0 100000 65536 \(a container's\)
mount options of view: rw,[a-z,]*idmapped
file         on disk        through view
by-0         0:0            100000:100000
by-1000      1000:1000      101000:101000
by-200000    200000:200000  65534:65534
create view/as-0 as UID 0: Value too large for defined data type \(EOVERFLOW\)
create view/as-100000 as UID 100000: on disk 0:0$"
    assert_equal "$(find "$BATS_TEST_TMPDIR" -name 'demo_idmap.*')" ""
    host_unchanged
}

@test "demo_idmap: a user namespace refused is an error with its reason, not a hang, and the directory still goes" {
    require root
    require cmd strace
    # strace makes the kernel's answer to unshare() EPERM (fault injection).
    TMPDIR=$BATS_TEST_TMPDIR run -1 --separate-stderr timeout 20 \
        strace -o /dev/null -f -e trace=unshare -e inject=unshare:error=EPERM "$M/demo_idmap"
    assert_equal "$stderr" "demo_idmap: unshare CLONE_NEWUSER: Operation not permitted (EPERM)"
    assert_equal "$(find "$BATS_TEST_TMPDIR" -name 'demo_idmap.*')" ""
}

@test "demo_idmap: as an ordinary user, root of its own user namespace may copy the mount, not map its IDs (EPERM, 77)" {
    local dir
    dir=$(user_tmpdir)
    TMPDIR=$dir run -77 --separate-stderr as_user "$M/demo_idmap"
    assert_output "mapping: my own user namespace's, uid_map 0 $(as_user id -u) 1
mount_setattr MOUNT_ATTR_IDMAP: Operation not permitted (EPERM)"
    assert_equal "$stderr" "demo_idmap: only root may map the IDs of a file system it mounted: an ID-mapped mount needs CAP_SYS_ADMIN in the user namespace that mounted it; run as root"
    assert_equal "$(find "$dir" -mindepth 1)" ""
}

@test "demo_newmount: a tmpfs made by descriptors, used before it is placed; a detached copy made read-only; the kernel's own message for a bad option" {
    if [ "$(id -u)" -eq 0 ]; then
        run -0 --separate-stderr "$M/demo_newmount"
    else
        run -0 --separate-stderr "$ISOLAB_TOP/userns/userns_child_exec" -r "$M/demo_newmount"
    fi
    assert_output "fsconfig size=bogus: Invalid argument (EINVAL); the kernel says: e tmpfs: Bad value for 'size'
fsopen tmpfs, fsconfig, fsmount: a mount in no table: in mountinfo: no
through its descriptor: wrote hello
move_mount to /tmp/new: in mountinfo: yes; /tmp/new/hello: present
open_tree /tmp/new, mount_setattr RDONLY, move_mount to /tmp/ro
write to /tmp/ro/f: EROFS; to /tmp/new/f: ok"
    host_unchanged
    [ ! -e /tmp/new ]
    [ ! -e /tmp/ro ]
}

@test "demo_unbindable: recursive binds into the tree itself double the mounts each time; made unbindable, three more each time" {
    local uce=()
    [ "$(id -u)" -eq 0 ] || uce=("$ISOLAB_TOP/userns/userns_child_exec" -r)
    run -0 --separate-stderr "${uce[@]}" "$M/demo_unbindable" -n 5
    assert_output "the tree: /tmp/root, with /tmp/root/x and /tmp/root/y: 3 mounts
rbind /tmp/root to /tmp/root/home/u1: 6 mounts
rbind /tmp/root to /tmp/root/home/u2: 12 mounts
rbind /tmp/root to /tmp/root/home/u3: 24 mounts
rbind /tmp/root to /tmp/root/home/u4: 48 mounts
rbind /tmp/root to /tmp/root/home/u5: 96 mounts
again, each bind made unbindable at once:
rbind /tmp/root to /tmp/root/home/u1: 6 mounts
rbind /tmp/root to /tmp/root/home/u2: 9 mounts
rbind /tmp/root to /tmp/root/home/u3: 12 mounts
rbind /tmp/root to /tmp/root/home/u4: 15 mounts
rbind /tmp/root to /tmp/root/home/u5: 18 mounts"
    host_unchanged
    run -2 --separate-stderr "${uce[@]}" "$M/demo_unbindable" -n 11
    assert_equal "${stderr%%$'\n'*}" "demo_unbindable: -n: '11' is out of range (1 to 10)"
}
