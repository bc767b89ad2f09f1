#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# shellcheck disable=SC2016 # $$ in single quotes is for the inner shell
# container: isocon on a real distribution's root, Debian 12 as `make
# debian` lays it out (mmdebstrap, from the distribution's packages), read-
# only and with a writable layer (-w), as root and rootless. Each test file
# run unpacks the cached build/debian.tar into a directory of its own, as
# the user who runs it: the files are root's in the root run (an image as
# distributions ship them) and nobody's own in the rootless run (a root
# the user made).

load helper

setup_file() {
    DEB=$BATS_FILE_TMPDIR/debian
    export DEB
    [ -f "$ISOLAB_TOP/build/debian.tar" ] || return 0
    "$ISOLAB_TOP/tools/mkdebian" --unpack "$DEB" || return 1
    let_through "$BATS_FILE_TMPDIR"
    # A package of our own to install inside: a script and its control
    # file, packed by the host's dpkg-deb, put where the container sees it.
    if command -v dpkg-deb >/dev/null; then
        local p=$BATS_FILE_TMPDIR/pkg
        mkdir -p "$p/DEBIAN" "$p/usr/bin"
        printf '%s\n' 'Package: isolab-hello' 'Version: 1.0' \
            'Architecture: all' 'Maintainer: isolab <isolab@localhost>' \
            'Description: a package installed inside a container' >"$p/DEBIAN/control"
        printf '#!/bin/sh\necho hello from a package\n' >"$p/usr/bin/isolab-hello"
        chmod 755 "$p/usr/bin/isolab-hello"
        dpkg-deb --root-owner-group -b "$p" "$DEB/opt/isolab-hello.deb" >/dev/null
    fi
}

setup() {
    require userns
    cd "$BATS_TEST_TMPDIR" || return 1
    ISOCON=$ISOLAB_TOP/container/isocon
    if [ ! -d "$DEB/etc/apt" ]; then
        local why="no build/debian.tar"
        [ -f "$ISOLAB_TOP/build/debian.why" ] &&
            why=$(cat "$ISOLAB_TOP/build/debian.why")
        skip "no Debian root: $why (make debian builds it from the distribution's packages)"
    fi
}

# Does isocon, run by us, show the root's files as the container's own?
# Rootless on a root of our own, yes; as root, through an ID-mapped mount
# (Linux 5.12, on ext4, xfs, btrfs; tmpfs from 6.3).
require_own_files() {
    run "$ISOCON" -r "$DEB" stat -c %u /etc
    assert_success # (its output shown if not)
    [ "$output" = 0 ] ||
        skip "the root's files are not the container's own here: no ID-mapped mount of $DEB ($(stat -f -c %T "$DEB"), Linux $(uname -r))"
}

@test "isocon -r DEBIAN: its own PID 1, hostname and network, the mapped IDs" {
    run "$ISOCON" -H deb -r "$DEB" bash -c 'echo $$; hostname; id -u; ps -e -o pid=,comm=; ip -o link | cut -d: -f2; cat /proc/self/uid_map; cat /etc/debian_version'
    assert_success # (its output shown if not)
    assert_line --index 0 2 # bash; PID 1 is the init
    assert_line --index 1 deb
    assert_line --index 2 0
    assert_line --index 3 --regexp '^ +1 isocon-init$'
    assert_line --index 4 --regexp '^ +2 bash$'
    assert_line --index 5 --regexp '^ +[0-9]+ ps$'
    assert_line --index 6 ' lo' # only lo
    if [ "$(id -u)" -eq 0 ]; then
        assert_line --index 7 --regexp '^ +0 +[1-9][0-9]{5,} +65536$'
    else
        assert_line --index 7 --regexp "^ +0 +$(id -u) +1$"
    fi
    assert_line --index 8 --regexp '^12\.'
    assert_equal "${#lines[@]}" 9
}

@test "isocon -r DEBIAN: its programs run: apt-get, dpkg, bash, id" {
    run "$ISOCON" -r "$DEB" sh -c 'apt-get --version | head -1; dpkg -s base-files | grep ^Status; bash -c "echo \$BASH_VERSION"; id -un'
    assert_success # (its output shown if not)
    assert_line --index 0 --regexp '^apt [0-9.]+ \('
    assert_line --index 1 'Status: install ok installed'
    assert_line --index 2 --regexp '^5\.'
    assert_line --index 3 root
}

@test "isocon -r DEBIAN: without -w the root is read-only" {
    run "$ISOCON" -r "$DEB" bash -c 'echo x 2>&1 >/etc/x; echo x >/tmp/x && echo tmp ok'
    assert_success # (its output shown if not)
    assert_line --partial 'Read-only file system'
    assert_line 'tmp ok'
    assert_file_not_exists "$DEB/etc/x"
}

@test "isocon -w -r DEBIAN: writable inside, and nothing reaches the image" {
    require kernel 5.11 # overlayfs in a user namespace
    require_own_files
    [ -f "$DEB/opt/isolab-hello.deb" ] || skip "no dpkg-deb on the host to pack a package"
    before=$(cd "$DEB" && sha256sum var/lib/dpkg/status etc/passwd)
    run "$ISOCON" -w -r "$DEB" bash -c 'echo written >/etc/x && cat /etc/x
        dpkg -i /opt/isolab-hello.deb >/dev/null && isolab-hello
        useradd -m ann && ls /home; rm /usr/bin/tac && echo removed'
    assert_success # (its output shown if not)
    assert_line written
    assert_line 'hello from a package'
    assert_line ann
    assert_line removed
    # The image is as it was: every change was in the container's tmpfs.
    assert_file_not_exists "$DEB/etc/x"
    assert_file_not_exists "$DEB/usr/bin/isolab-hello"
    assert_file_exists "$DEB/usr/bin/tac"
    assert_equal "$(cd "$DEB" && sha256sum var/lib/dpkg/status etc/passwd)" "$before"
    # ...and the next container starts from the image again.
    run "$ISOCON" -w -r "$DEB" sh -c 'test -e /etc/x || echo fresh'
    assert_success # (its output shown if not)
    assert_output fresh
}

@test "isocon -W DIR -r DEBIAN: the changes are kept in DIR, for the next container" {
    require kernel 5.11
    require_own_files
    mkdir layer
    let_through "$PWD"
    run "$ISOCON" -W layer -r "$DEB" bash -c 'echo kept >/etc/x; rm -r /etc/apt; mkdir /etc/apt; touch /etc/apt/mine'
    assert_success # (its output shown if not)
    run "$ISOCON" -W layer -r "$DEB" bash -c 'cat /etc/x; ls /etc/apt'
    assert_success # (its output shown if not)
    assert_line kept
    assert_line mine # an opaque directory: none of the image's files show
    refute_line sources.list.d
    assert_file_exists layer/upper/etc/x
    assert_file_not_exists "$DEB/etc/x"
    assert_dir_exists "$DEB/etc/apt/sources.list.d"
    # Run by root, the layer's files are container root's on the host: its
    # range, not host root.
    if [ "$(id -u)" -eq 0 ]; then
        [ "$(stat -c %u layer/upper/etc/x)" -ge 100000 ]
    else
        assert_equal "$(stat -c %u layer/upper/etc/x)" "$(id -u)"
    fi
}

@test "isocon -w on the busybox root: a file written in /, gone afterwards" {
    require kernel 5.11
    run "$ISOCON" -w sh -c 'echo hi >/new && cat /new; grep " / " /proc/self/mountinfo | grep -o " - overlay "'
    assert_success # (its output shown if not)
    assert_line hi
    assert_line ' - overlay '
    assert_file_not_exists "$ISOLAB_TOP/build/rootfs/new"
}

@test "isocon as root on DEBIAN: the image's files are container root's (an ID-mapped mount)" {
    require root
    require_own_files
    run "$ISOCON" -v -r "$DEB" sh -c 'stat -c "%u:%g %n" /etc/shadow /root; head -c 5 /etc/shadow; echo'
    assert_success # (its output shown if not)
    assert_line '0:42 /etc/shadow'
    assert_line '0:0 /root'
    assert_line 'root:'
    assert_line --partial 'root: ID-mapped'
    # On disk they are still host root's.
    assert_equal "$(stat -c %u "$DEB/etc/shadow")" 0
}

@test "isocon rootless on a root owned by host root: its files are nobody's, and -w cannot write to them" {
    require root # to run isocon as nobody on the root's files
    require kernel 5.11
    run setpriv --reuid="$ISOLAB_USER_ID" --regid="$ISOLAB_USER_ID" --clear-groups \
        "$ISOCON" -w -r "$DEB" sh -c 'stat -c "%u %n" /etc /bin/bash
            cat /etc/shadow 2>&1; echo x 2>&1 >/etc/x; echo x >/y && echo "/ ok"; true'
    assert_success # (its output shown if not)
    assert_line '65534 /etc'
    assert_line '65534 /bin/bash'
    assert_line --regexp 'shadow: Permission denied'
    assert_line --regexp '/etc/x: Permission denied'
    assert_line '/ ok' # the overlay's top directory is the container's own
}
