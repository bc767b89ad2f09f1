#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# What every program promises, checked for each program found on disk, so
# a new program is covered the day it lands: its header block, -h, usage
# errors, and a corpus of bad arguments that must never crash it.

load helper

CHAPTERS=$(grep -v '^#' "$ISOLAB_TOP/mk/chapters")

# Every program: chapter demos, the capstone's programs and reference
# solutions, by their sources: those with a main() (isocon's parts,
# isocon_*.c, have none).
programs() {
    local src
    for src in $(cd "$ISOLAB_TOP" && for c in $CHAPTERS solutions/*; do
        [ -d "$c" ] && ls "$c"/*.c 2>/dev/null
    done); do
        grep -q '^main(' "$ISOLAB_TOP/$src" && echo "${src%.c}"
    done
}

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    mapfile -t PROGS < <(programs)
    [ "${#PROGS[@]}" -gt 0 ]
}

# sources_only: skip a test that reads only the kit's texts (its sources,
# a program's -h against its Usage: line) in the emulated test guest:
# they are the same bytes on every machine, the host's suite reads them,
# and under emulation a read of every program's header costs minutes.
sources_only() {
    [ ! -e /run/isolab-emulated ] ||
        skip "in the emulated test guest: the kit's texts are the same on every machine, and the host suite reads them"
}

@test "every program: is built" {
    local missing=()
    for p in "${PROGS[@]}"; do
        [ -x "$ISOLAB_TOP/$p" ] || missing+=("$p")
    done
    assert_equal "${missing[*]}" ""
}

@test "every program: has the header block of STYLE.md" {
    sources_only
    local bad=() src
    for p in "${PROGS[@]}"; do
        src=$ISOLAB_TOP/$p.c
        name=$(basename "$p")
        head -1 "$src" | grep -q 'SPDX-License-Identifier: MIT' &&
            grep -q "^ \* $name - " "$src" &&
            grep -q '^ \* Usage: ' "$src" &&
            grep -Eq '^ \* Try( \([^)]*\))?:' "$src" &&
            grep -q '^ \* Needs:' "$src" &&
            grep -q '^ \* See also:' "$src" ||
            bad+=("$p")
    done
    assert_equal "${bad[*]}" ""
}

@test "every program: tests/try.bats or try_machine.bats plays each of its Try: sessions" {
    sources_only
    local missing=() heads k name file line
    for p in "${PROGS[@]}"; do
        mapfile -t heads < <(grep -E '^ \* Try( \([^)]*\))?:' "$ISOLAB_TOP/$p.c")
        for ((k = 1; k <= ${#heads[@]}; k++)); do
            # A session that names its machine goes in try_machine.bats.
            file=try.bats
            [[ ${heads[k - 1]} == ' * Try ('* ]] && file=try_machine.bats
            if [ "${#heads[@]}" -eq 1 ]; then
                line="@test \"try: $p\" { plays $p.c; }"
            else
                line="@test \"try: $p (session $k)\" { plays $p.c $k; }"
            fi
            grep -qxF "$line" "$ISOLAB_TOP/tests/$file" || missing+=("$p#$k:$file")
        done
    done
    assert_equal "${missing[*]}" ""
}

@test "every program and part of isocon: its header names the TLPI section, or says TLPI has none" {
    sources_only
    local bad=() src
    cd "$ISOLAB_TOP"
    for src in "${PROGS[@]/%/.c}" container/isocon_*.c; do
        # The header block: up to the first line that closes a comment.
        sed '/\*\//q' "$src" | grep -q 'TLPI' || bad+=("$src")
    done
    assert_equal "${bad[*]}" ""
}

@test "every program: output it cannot write is an error (exit 1, with a message)" {
    local bad=() p name err
    for p in "${PROGS[@]}"; do
        name=$(basename "$p")
        # A full disk, and a closed standard output.
        for how in full closed; do
            if [ "$how" = full ]; then
                "$ISOLAB_TOP/$p" -h >/dev/full 2>err && st=0 || st=$?
            else
                "$ISOLAB_TOP/$p" -h >&- 2>err && st=0 || st=$?
            fi
            err=$(<err)
            if [ "$st" -ne 1 ] || [[ $err != "$name: write error on standard output: "* ]]; then
                bad+=("$p($how: status $st)")
            fi
        done
    done
    assert_equal "${bad[*]}" ""
}

@test "every program: with standard output closed, a file it opens gets none of its report" {
    # demo_holes opens FILE itself: it must not be given descriptor 1.
    # shellcheck disable=SC2016 # $1 and $2 are the inner shell's
    run -1 --separate-stderr sh -c '"$1" "$2" >&-' sh "$ISOLAB_TOP/fileio/demo_holes" sparse
    [[ $stderr == *"demo_holes: write error on standard output: Bad file descriptor (EBADF)"* ]]
    run -1 grep -c "size" sparse
    assert_output 0
}

@test "every program: -h prints Usage: to stdout, nothing to stderr, exits 0" {
    local bad=()
    for p in "${PROGS[@]}"; do
        run --separate-stderr "$ISOLAB_TOP/$p" -h
        if [ "$status" -ne 0 ] || [[ $output != Usage:* ]] || [ -n "$stderr" ]; then
            bad+=("$p(status $status)")
        fi
    done
    assert_equal "${bad[*]}" ""
}

@test "every program: -h describes every option its Usage: line names" {
    sources_only
    local bad=() p line usage desc o
    for p in "${PROGS[@]}"; do
        usage="" desc=""
        # The Usage: line and its continuations, then the descriptions.
        while IFS= read -r line; do
            if [ -z "$desc" ] && { [[ $line == Usage:* ]] || [[ $line =~ ^\ +[^\ -] ]]; }; then
                usage+=" $line"
            else
                desc+=" $line"$'\n'
            fi
        done < <("$ISOLAB_TOP/$p" -h)
        while read -r o; do
            grep -Eq -- "(^|[ ,|])-$o([ ,|:]|\$)" <<<"$desc" || bad+=("$p(-$o)")
        done < <(grep -o '\[-[A-Za-z0-9]' <<<"$usage" | cut -c3 | sort -u)
    done
    assert_equal "${bad[*]}" ""
}

@test "every program: an unknown option is named in the kit's form, then usage to stderr, exit 2" {
    # "copy: -@: unknown option", as every other message starts: the
    # program's name, not argv[0] as typed ("./copy", as getopt would say).
    local bad=()
    for p in "${PROGS[@]}"; do
        run --separate-stderr "$ISOLAB_TOP/$p" -@ </dev/null
        if [ "$status" -ne 2 ] || [[ $stderr != "${p##*/}: -@: unknown option"$'\n'*Usage:* ]] ||
            [ -n "$output" ]; then
            bad+=("$p(status $status)")
        fi
    done
    assert_equal "${bad[*]}" ""
}

@test "every program: bad arguments never crash it, hang it or make a sanitizer report" {
    # The test guest under TCG (tools/vm-guest): thousands of runs at 14
    # times the cost, and the 3 s hang limit would blame the emulator.
    # What it checks depends on no cgroup layout, systemd or account: the
    # host suite (make check, CI) runs it in full.
    [ ! -e /run/isolab-emulated ] ||
        skip "in the emulated test guest: the corpus does not depend on the machine's layout, and the host suite runs it"
    local bins=()
    for p in "${PROGS[@]}"; do
        bins+=("$ISOLAB_TOP/$p")
    done
    # Not through run: on failure, bats shows what bad-args printed.
    "$ISOLAB_TOP/tests/bad-args" "${bins[@]}"
}
