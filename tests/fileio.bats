#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# fileio: the model chapter's demos (course chapters 2 and 3).

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    F=$ISOLAB_TOP/fileio
}

@test "demo_errno: each failing call shows -1 and its errno name" {
    run -0 --separate-stderr "$F/demo_errno"
    assert_line 'open("/nonexistent/file", O_RDONLY) = -1 ENOENT (No such file or directory)'
    assert_line 'open("/", O_WRONLY) = -1 EISDIR (Is a directory)'
    assert_line 'open("/dev/null/x", O_RDONLY) = -1 ENOTDIR (Not a directory)'
    assert_line 'mkdir("/", 0755) = -1 EEXIST (File exists)'
    assert_line 'close(-1) = -1 EBADF (Bad file descriptor)'
    assert_line 'lseek(pipe, 0, SEEK_SET) = -1 ESPIPE (Illegal seek)'
    assert_line --regexp '^getpid\(\) = [0-9]+$'
    assert_line 'errno after the successful getpid(): ENOENT (stale)'
    assert_equal "$stderr" "demo_errno: open /nonexistent/file: No such file or directory (ENOENT)"
}

@test "demo_errno: opens the given paths and reports each outcome" {
    echo hi >readable
    run -0 "$F/demo_errno" readable missing
    assert_line --index 0 --regexp '^open\("readable", O_RDONLY\) = [0-9]+$'
    assert_line --index 1 'open("missing", O_RDONLY) = -1 ENOENT (No such file or directory)'
}

@test "demo_errno: an unprivileged user gets EACCES on a 0600 file it does not own" {
    require root
    echo secret >secret
    chmod 600 secret
    dir=$(user_tmpdir)
    cp secret "$dir/secret"
    chown root:root "$dir/secret"
    run -0 as_user "$F/demo_errno" "$dir/secret"
    assert_output "open(\"$dir/secret\", O_RDONLY) = -1 EACCES (Permission denied)"
}

@test "demo_types: sizes and signedness match the ABI, stat fields match stat(1)" {
    echo 1234 >f
    run -0 "$F/demo_types" f
    assert_line "pid_t: 4 bytes, signed"
    assert_line "uid_t: 4 bytes, unsigned"
    assert_line "off_t: 8 bytes, signed"
    assert_line "size_t: $(getconf LONG_BIT | awk '{print $1/8}') bytes, unsigned"
    assert_line "(uid_t)-1: 4294967295"
    assert_line "st_ino: $(stat -c %i f)"
    assert_line "st_size: 5"
    assert_line "st_nlink: 1"
    assert_line "st_uid: $(id -u)"
    assert_line "st_mode: $(printf '%o' 0x"$(stat -c %f f)")"
    assert_line "st_blocks: $(stat -c %b f)"
    assert_line "st_mtime: $(stat -c %Y f)"
}

@test "demo_types: a missing path is a failure in the kit's format" {
    run -1 --separate-stderr "$F/demo_types" missing
    assert_equal "$stderr" "demo_types: stat missing: No such file or directory (ENOENT)"
}

@test "copy: copies bytes exactly with any buffer size" {
    head -c 100000 /dev/urandom >src
    for b in 1 7 4096 65536; do
        run -0 "$F/copy" -b "$b" src "dst.$b"
        cmp src "dst.$b"
    done
}

@test "copy: -v counts one read() more than there are buffers" {
    head -c 10000 /dev/zero >src
    run -0 "$F/copy" -v -b 4096 src dst
    assert_output "bytes: 10000
reads: 4
writes: 3"
    : >empty
    run -0 "$F/copy" -v empty dst2
    assert_output "bytes: 0
reads: 1
writes: 0"
    assert_file_empty dst2
}

@test "copy: the new file's mode is 0666 less the umask; an old one is truncated" {
    echo short >src
    head -c 1000 /dev/zero >dst
    run -0 bash -c "umask 027; '$F/copy' src new"
    assert_equal "$(stat -c %a new)" 640
    run -0 "$F/copy" src dst
    cmp src dst
}

@test "copy: a missing source fails with exit 1 and names it" {
    run -1 --separate-stderr "$F/copy" nosuchfile dst
    assert_equal "$stderr" "copy: open nosuchfile: No such file or directory (ENOENT)"
    assert_file_not_exist dst
}

@test "copy: an unwritable destination fails with exit 1 and names it" {
    echo x >src
    run -1 --separate-stderr "$F/copy" src nodir/dst
    assert_equal "$stderr" "copy: open nodir/dst: No such file or directory (ENOENT)"
}

@test "copy: bad buffer sizes and operands are usage errors (exit 2)" {
    run -2 --separate-stderr "$F/copy" -b 0 a b
    assert_equal "${stderr_lines[0]}" "copy: -b: '0' is out of range (1 to 16777216)"
    run -2 --separate-stderr "$F/copy" -b 4k a b
    assert_equal "${stderr_lines[0]}" "copy: -b: '4k' has junk after the number"
    run -2 --separate-stderr "$F/copy" onlyone
    assert_equal "${stderr_lines[0]}" "Usage: copy [-v] [-b SIZE] SOURCE DEST"
}

# Holes need a file system that supports them; BATS_TEST_TMPDIR is on /tmp.
require_holes() {
    truncate -s 1M probe
    [ "$(stat -c %b probe)" -eq 0 ] ||
        skip "the file system of $BATS_TEST_TMPDIR does not make holes"
}

@test "demo_holes: the size counts the hole, the allocated blocks do not" {
    require_holes
    run -0 "$F/demo_holes" sparse
    assert_line "size: 1048579"
    assert_equal "$(stat -c %s sparse)" 1048579
    assert_line "allocated: $(($(stat -c %b sparse) * 512))"
    [ "$(($(stat -c %b sparse) * 512))" -lt 65536 ]
    assert_line "hole reads as: 0 0 0 0"
    # The map: data at both ends, one hole between, edges on block bounds.
    assert_line --index 2 --regexp '^data: 0-[0-9]+$'
    assert_line --index 3 --regexp '^hole: [0-9]+-[0-9]+$'
    assert_line --index 4 --regexp '^data: [0-9]+-1048578$'
}

@test "demo_holes: the file reads back as start, zeros, end" {
    require_holes
    run -0 "$F/demo_holes" -o 100 sparse
    assert_line "size: 103"
    assert_equal "$(head -c 5 sparse)" start
    assert_equal "$(tail -c 3 sparse)" end
    assert_equal "$(head -c 100 sparse | tail -c 95 | tr -d '\0' | wc -c)" 0
}

@test "demo_holes: offsets too small for a hole are refused" {
    run -2 --separate-stderr "$F/demo_holes" -o 8 f
    assert_equal "${stderr_lines[0]}" "demo_holes: -o: '8' is out of range (9 to 1099511627776)"
}

@test "demo_append: lseek()+write() from two writers loses records" {
    run -0 "$F/demo_append" -n 2000 log
    assert_line "mode: lseek(SEEK_END) + write"
    assert_line "expected records: 4000"
    lost=$(sed -n 's/^lost records: //p' <<<"$output")
    [ "$lost" -gt 0 ]
    assert_equal "$(($(stat -c %s log) / 16))" "$((4000 - lost))"
}

@test "demo_append: with O_APPEND no record is lost" {
    run -0 "$F/demo_append" -a -n 5000 log
    assert_line "mode: O_APPEND"
    assert_line "records in file: 10000"
    assert_line "lost records: 0"
    # Every record of both writers is there, whole.
    assert_equal "$(grep -c '^writer A [0-9]\{6\}$' log)" 5000
    assert_equal "$(grep -c '^writer B [0-9]\{6\}$' log)" 5000
}

@test "demo_excl: check-then-create lets both processes believe they created it" {
    run -0 "$F/demo_excl" lock
    assert_line "process A: lock does not exist yet"
    assert_line "process B: lock does not exist yet"
    assert_line "process A: created lock"
    assert_line "process B: created lock"
    assert_line "creators: 2"
    assert_file_exist lock
}

@test "demo_excl: with O_EXCL exactly one creates it, the other gets EEXIST" {
    run -0 "$F/demo_excl" -x lock
    assert_line --regexp '^process [AB]: created lock$'
    assert_line --regexp '^process [AB]: open: File exists \(EEXIST\)$'
    assert_line "creators: 1"
    assert_file_exist lock
}

@test "demo_excl: a failure other than the race is an error, on stderr" {
    run -1 --separate-stderr "$F/demo_excl" -x "$PWD/no-such-dir/lock"
    assert_equal "${#stderr_lines[@]}" 2
    assert_equal "${stderr_lines[0]}" "demo_excl: open $PWD/no-such-dir/lock: No such file or directory (ENOENT)"
    assert_output "creators: 0"
}

@test "demo_shared_fd: dup and fork share offset and O_APPEND, a reopen does not" {
    run -0 "$F/demo_shared_fd" f
    assert_equal "${lines[*]}" "step: write 5 bytes through orig \
offset orig: 5 O_APPEND orig: clear FD_CLOEXEC orig: clear \
offset dup: 5 O_APPEND dup: clear FD_CLOEXEC dup: clear \
offset reopen: 0 O_APPEND reopen: clear FD_CLOEXEC reopen: clear \
step: set O_APPEND and FD_CLOEXEC on orig \
offset orig: 5 O_APPEND orig: set FD_CLOEXEC orig: set \
offset dup: 5 O_APPEND dup: set FD_CLOEXEC dup: clear \
offset reopen: 0 O_APPEND reopen: clear FD_CLOEXEC reopen: clear \
step: child wrote 6 bytes through its copy of orig \
offset orig: 11 O_APPEND orig: set FD_CLOEXEC orig: set \
offset dup: 11 O_APPEND dup: set FD_CLOEXEC dup: clear \
offset reopen: 0 O_APPEND reopen: clear FD_CLOEXEC reopen: clear"
    assert_equal "$(cat f)" "hello world"
}

@test "demo_shared_fd: output is complete and in order through a pipe" {
    run -0 bash -c "'$F/demo_shared_fd' f | cat"
    assert_equal "${#lines[@]}" 30
    assert_equal "$(grep -c '^step:' <<<"$output")" 3
}
