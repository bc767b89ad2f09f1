#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# The benchmarks (docs/benchmarks.md): each runs in its quick mode, and
# the tests check the shape of what it prints, never its timing.

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
}

# Every line that is not a comment has N fields, all numbers after the
# first NAMED ones.
rows_have() {
    local fields=$1 named=$2 line f i
    while read -r line; do
        [[ $line == \#* || -z $line || $line == hierarchy:* ]] && continue
        read -ra f <<<"$line"
        if [ "${#f[@]}" -ne "$fields" ]; then
            echo "not $fields fields: $line"
            return 1
        fi
        for ((i = named; i < fields; i++)); do
            [[ ${f[$i]} =~ ^[0-9]+(\.[0-9]+)?$ ]] || {
                echo "not a number: ${f[$i]} in: $line"
                return 1
            }
        done
    done <<<"$output"
}

@test "bench_spawn: one row per size, the median, min and max of four methods" {
    run -0 "$ISOLAB_TOP/proclife/bench_spawn" -q
    assert_line --index 0 "# bench_spawn: create and reap one child, microseconds"
    assert_line --index 1 --regexp '^# machine: Linux .*, [0-9]+ CPUs, 5 runs per point$'
    assert_line --index 2 --partial "# MiB fork fork_min fork_max vfork"
    rows_have 13 0
    assert_equal "$(grep -c '^[0-9]' <<<"$output")" 3
    run -0 "$ISOLAB_TOP/proclife/bench_spawn" -q 2 3
    assert_line --regexp '^2 '
    assert_line --regexp '^3 '
    run -2 "$ISOLAB_TOP/proclife/bench_spawn" 0
}

@test "seccomp_bench -g: one row per number of rules, three layouts" {
    require seccomp
    run -0 "$ISOLAB_TOP/seccomp/seccomp_bench" -g -q
    assert_line --index 2 "# rules linear linear_min linear_max libseccomp libseccomp_min libseccomp_max tree tree_min tree_max"
    rows_have 10 0
    assert_equal "$(grep -c '^[0-9]' <<<"$output")" 5
}

@test "bench_ns: one row per namespace type" {
    require userns
    run -0 "$ISOLAB_TOP/namespaces/bench_ns" -q
    assert_line --index 2 "# type create create_min create_max total total_min total_max"
    rows_have 7 1
    for t in none uts ipc mnt pid net cgroup user; do
        assert_line --regexp "^$t [0-9]+ "
    done
}

@test "bench_cgroup: one row per operation" {
    require root
    require cgroup pids
    if check_cgroup v2; then
        cg=$(kit_cgroup v2)
    else
        cg=$(kit_cgroup pids)
    fi
    run -0 "$ISOLAB_TOP/cgroups/bench_cgroup" -q -P "$cg"
    assert_line "# operation median min max"
    rows_have 4 1
    for op in mkdir move "fork\\+move" rmdir; do
        assert_line --regexp "^$op [0-9]+ [0-9]+ [0-9]+\$"
    done
    run -0 find "$cg" -mindepth 1 -type d
    assert_output ""
}

@test "make bench: tables for each benchmark, and plots where gnuplot is" {
    run -0 "$ISOLAB_TOP/tools/bench" --quick --out "$PWD/out"
    for name in spawn seccomp seccomp-growth ns; do
        assert_file_exists "out/$name.txt"
    done
    if [ "$(id -u)" -eq 0 ]; then
        assert_file_exists out/cgroup.txt
    fi
    if command -v gnuplot >/dev/null; then
        assert_file_exists out/spawn.png
        assert_file_exists out/spawn.plot
        run -0 grep -c 'Creating a child as the parent grows' out/spawn.plot
    fi
}
