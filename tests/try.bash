# shellcheck shell=bash
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# try.bash - what tests/try.bats and tests/try_machine.bats share: playing
# one Try: session of a header with tools/try.

# plays SRC [K]: play session K (default: the only one) of SRC's header.
# Under emulation (the test guest without KVM, where each session takes
# seconds) only the sessions whose output needs such a machine are
# played: the others are the host's to play, when the host has the
# guest's architecture (/run/isolab-emulated names the host's; an arm64
# guest plays them all).
plays() {
    local src=$1 k=${2:-}
    # Sanitizer builds print what their runtime does (its handlers, its
    # mappings): the chapters' own tests run them, and tests/run reads
    # their reports.
    [ -z "${ISOLAB_SANITIZE:-}" ] ||
        skip "a sanitizer build's output is not the header's"
    if [ -e /run/isolab-emulated ] &&
        [ "$(cat /run/isolab-emulated)" = "$(uname -m)" ] &&
        ! grep -E '^ \* Try( \([^)]*\))?:' "$ISOLAB_TOP/$src" |
        sed -n "${k:-1}p" | grep -q '^ \* Try ('; then
        skip "needs no particular machine: played on the host, not under emulation"
    fi
    run "$ISOLAB_TOP/tools/try" ${k:+-s "$k"} "$ISOLAB_TOP/$src"
    [ "$status" -eq 77 ] && skip "${output##*skipped: }"
    assert_success
}
