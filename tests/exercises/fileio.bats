#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# Grading for exercises/fileio (hints: exercises/fileio/README.md).
# ISOLAB_TREE says which tree to test: solutions (make check, the
# default) or exercises (make grade).

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/fileio
}

@test "tee: copies standard input to standard output" {
    run -0 bash -c "printf 'one\ntwo\n' | '$X/tee'"
    assert_output "one
two"
}

@test "tee: writes the same bytes to every FILE" {
    head -c 200000 /dev/urandom >in
    run -0 bash -c "'$X/tee' a b <in >out"
    cmp in out
    cmp in a
    cmp in b
}

@test "tee: truncates a FILE that exists" {
    echo "old old old" >a
    run -0 bash -c "echo new | '$X/tee' a"
    assert_equal "$(cat a)" new
}

@test "tee: -a appends to each FILE" {
    echo first >a
    run -0 bash -c "echo second | '$X/tee' -a a b"
    assert_equal "$(cat a)" "first
second"
    assert_equal "$(cat b)" second
}

@test "tee: a FILE that cannot be opened is reported, the others written, exit 1" {
    run -1 --separate-stderr bash -c "echo data | '$X/tee' nodir/x good"
    assert_output data
    assert_equal "$stderr" "tee: open nodir/x: No such file or directory (ENOENT)"
    assert_equal "$(cat good)" data
}

@test "copy_sparse: the copy has the same bytes" {
    head -c 100000 /dev/urandom >src
    truncate -s 5M src
    echo tail >>src
    run -0 "$X/copy_sparse" src dst
    cmp src dst
}

# Holes need a file system that supports them; BATS_TEST_TMPDIR is on /tmp.
require_holes() {
    truncate -s 1M probe
    [ "$(stat -c %b probe)" -eq 0 ] ||
        skip "the file system of $BATS_TEST_TMPDIR does not make holes"
}

@test "copy_sparse: the copy keeps the holes (uses no more blocks than the source)" {
    require_holes
    echo head >src
    truncate -s 8M src
    echo tail >>src
    run -0 "$X/copy_sparse" src dst
    src_kib=$(du -k src | cut -f1)
    dst_kib=$(du -k dst | cut -f1)
    echo "source uses ${src_kib} KiB, copy uses ${dst_kib} KiB" >&2
    [ "$dst_kib" -le $((src_kib + 8)) ]
}

@test "copy_sparse: a file that ends in a hole keeps its size" {
    echo head >src
    truncate -s 3M src
    run -0 "$X/copy_sparse" src dst
    assert_equal "$(stat -c %s dst)" "$(stat -c %s src)"
    cmp src dst
}

@test "copy_sparse: an empty file copies to an empty file" {
    : >src
    run -0 "$X/copy_sparse" src dst
    assert_file_empty dst
}

@test "copy_sparse: a missing source fails with exit 1 and names it" {
    run -1 --separate-stderr "$X/copy_sparse" missing dst
    assert_equal "$stderr" "copy_sparse: open missing: No such file or directory (ENOENT)"
}
