#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# Grading for exercises/caps (hints: exercises/caps/README.md).
# ISOLAB_TREE: solutions (make check, the default) or exercises (make grade).
# Copies with file capabilities are made by the test in its own directory
# (root only) and run as nobody; ports are bound only in a network
# namespace of the test's own; caps_only runs in a user namespace.

load ../helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    X=$ISOLAB_TOP/${ISOLAB_TREE:-solutions}/caps
    C=$ISOLAB_TOP/caps
    UCE=$ISOLAB_TOP/userns/userns_child_exec
    NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
}

@test "bind_low: binds port 80 with the capability only permitted (+p)" {
    priv_copy "$X/bind_low" root:root 755 cap_net_bind_service+p
    run -0 unshare -n "${NOBODY[@]}" "${PRIV[@]}" 80
    assert_line --index 0 "bind port 80: ok"
}

@test "bind_low: holds no capability after the bind" {
    priv_copy "$X/bind_low" root:root 755 cap_net_bind_service+p
    run -0 unshare -n "${NOBODY[@]}" "${PRIV[@]}" 80
    assert_line "CapPrm: 0000000000000000"
    assert_line "CapEff: 0000000000000000"
}

@test "aware_read: works from a +p file" {
    require root
    echo secret >secret && chmod 600 secret
    chmod o+x "$BATS_TEST_TMPDIR" "$(dirname "$BATS_TEST_TMPDIR")" "$BATS_RUN_TMPDIR"
    priv_copy "$X/aware_read" root:root 755 cap_dac_read_search+p
    run -0 "${NOBODY[@]}" "${PRIV[@]}" "$PWD/secret"
    assert_line "read: 7 bytes"
}

@test "aware_read: the capability is effective only around the open" {
    require root
    echo secret >secret && chmod 600 secret
    chmod o+x "$BATS_TEST_TMPDIR" "$(dirname "$BATS_TEST_TMPDIR")" "$BATS_RUN_TMPDIR"
    for flags in +ep +p; do
        priv_copy "$X/aware_read" root:root 755 "cap_dac_read_search$flags"
        run -0 "${NOBODY[@]}" "${PRIV[@]}" "$PWD/secret"
        assert_output "start: CapEff 0000000000000000
open: CapEff 0000000000000004
after: CapEff 0000000000000000
read: 7 bytes"
    done
}

# The same question to exec_caps (KEY=VALUE) and to cap_calc (options),
# which the caps tests hold against the kernel.
same_answer() {
    local ex=$1 calc=$2 ours theirs
    # shellcheck disable=SC2086 # split on purpose
    ours=$("$X/exec_caps" $ex)
    # shellcheck disable=SC2086
    theirs=$("$C/cap_calc" $calc | grep -e ^Cap -e ^execve | sed 's/): .*/)/')
    if [ "$ours" != "$theirs" ]; then
        echo "exec_caps $ex"
        echo "expected: $theirs"
        echo "actual: $ours"
        return 1
    fi
}

B=0x1ffffffffff

@test "exec_caps: file capabilities and the bounding set" {
    same_answer "pB=$B ruid=1000 euid=1000 fcaps=1 fP=0x2000 fE=1" \
        "-P none -i none -a none -b $B -r 1000 -u 1000 -f cap_net_raw+ep"
    same_answer "pB=$B ruid=1000 euid=1000 fcaps=1 fP=0x2000" \
        "-P none -i none -a none -b $B -r 1000 -u 1000 -f cap_net_raw+p"
    same_answer "pB=0x1ffffffdfff ruid=1000 euid=1000 fcaps=1 fP=0x2000" \
        "-P none -i none -a none -b 0x1ffffffdfff -r 1000 -u 1000 -f cap_net_raw+p"
    same_answer "pB=$B pI=0x2000 ruid=1000 euid=1000 fcaps=1 fI=0x2000 fE=1" \
        "-P none -i net_raw -a none -b $B -r 1000 -u 1000 -f cap_net_raw+ie"
}

@test "exec_caps: a capability-dumb file that would miss one fails" {
    same_answer "pB=0 ruid=1000 euid=1000 fcaps=1 fP=0x2000 fE=1" \
        "-P none -i none -a none -b none -r 1000 -u 1000 -f cap_net_raw+ep"
}

@test "exec_caps: root, noroot and set-UID root" {
    same_answer "pB=$B ruid=0 euid=0" "-P none -i none -a none -b $B -r 0 -u 0"
    same_answer "pB=$B ruid=0 euid=0 noroot=1" "-P none -i none -a none -b $B -r 0 -u 0 -S noroot"
    same_answer "pB=$B ruid=1000 euid=1000 suid=0" "-P none -i none -a none -b $B -r 1000 -u 1000 -s 0"
    same_answer "pB=$B ruid=1000 euid=1000 suid=0 fcaps=1 fP=0x1 fE=1" \
        "-P none -i none -a none -b $B -r 1000 -u 1000 -s 0 -f cap_chown+ep"
    same_answer "pB=$B ruid=0 euid=1000" "-P none -i none -a none -b $B -r 0 -u 1000"
}

@test "exec_caps: ambient capabilities, kept and cleared" {
    same_answer "pB=$B pP=$B pI=0x2000 pA=0x2000 ruid=1000 euid=1000" \
        "-P $B -i net_raw -a net_raw -b $B -r 1000 -u 1000"
    same_answer "pB=$B pP=$B pI=0x2000 pA=0x2000 ruid=1000 euid=1000 fcaps=1 fP=0x1 fE=1" \
        "-P $B -i net_raw -a net_raw -b $B -r 1000 -u 1000 -f cap_chown+ep"
    same_answer "pB=$B pP=$B pI=0x2000 pA=0x2000 ruid=1000 euid=1000 suid=0" \
        "-P $B -i net_raw -a net_raw -b $B -r 1000 -u 1000 -s 0"
}

@test "exec_caps: no_new_privs" {
    same_answer "pB=$B ruid=1000 euid=1000 suid=0 nnp=1" "-P none -i none -a none -b $B -r 1000 -u 1000 -s 0 -n"
    same_answer "pB=$B ruid=1000 euid=1000 fcaps=1 fP=0x2000 fE=1 nnp=1" \
        "-P none -i none -a none -b $B -r 1000 -u 1000 -n -f cap_net_raw+ep"
    same_answer "pB=$B pP=0x2000 ruid=1000 euid=1000 fcaps=1 fP=0x2000 fE=1 nnp=1" \
        "-P net_raw -i none -a none -b $B -r 1000 -u 1000 -n -f cap_net_raw+ep"
}

@test "caps_only: UID 0 gains nothing, for good" {
    require userns
    run -0 "$UCE" -r "$X/caps_only" "$C/capshow"
    assert_line "CapPrm: 0000000000000000"
    assert_line --regexp '^securebits: 0x2f '
}

@test "caps_only: the kept capability is the only one left, even in the bounding set" {
    require userns
    run -0 "$UCE" -r "$X/caps_only" -c net_bind_service,chown "$C/capshow"
    assert_line "CapPrm: 0000000000000401"
    assert_line "CapEff: 0000000000000401"
    assert_line "CapAmb: 0000000000000401"
    assert_line "CapBnd: 0000000000000401"
}

@test "caps_only: a set-UID-root program gains nothing under it" {
    priv_copy "$C/capshow" root:root 4755
    run -0 "$X/caps_only" -c chown "${PRIV[@]}"
    assert_line "CapPrm: 0000000000000001"
    assert_line --regexp '^securebits: 0x2f '
}

@test "missing_cap: the answer is what a fresh setup shows" {
    lab_grade caps/missing_cap "$X/missing_cap.answer"
}

@test "file_caps: the answer is what a fresh setup shows" {
    lab_grade caps/file_caps "$X/file_caps.answer"
}
