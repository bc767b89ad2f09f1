# shellcheck shell=bash
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# try.bash - what tests/try.bats and tests/try_machine.bats share: playing
# one Try: session of a header with tools/try.

# plays SRC [K]: play session K (default: the only one) of SRC's header.
plays() {
    local src=$1 k=${2:-}
    # Sanitizer builds print what their runtime does (its handlers, its
    # mappings): the chapters' own tests run them, and tests/run reads
    # their reports.
    [ -z "${ISOLAB_SANITIZE:-}" ] ||
        skip "a sanitizer build's output is not the header's"
    run "$ISOLAB_TOP/tools/try" ${k:+-s "$k"} "$ISOLAB_TOP/$src"
    [ "$status" -eq 77 ] && skip "${output##*skipped: }"
    assert_success
}
