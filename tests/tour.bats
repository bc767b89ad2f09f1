#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# The trainer's tour (./tour): every chapter's tour plays through without
# a failed step (a step this user or machine cannot run is skipped with
# its reason), and a paused tour is driven in a real terminal with tmux.

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    TOUR=$ISOLAB_TOP/tour
}

# Play CHAPTER straight through: success, one verdict per step, every skip
# with a reason, and the summary line.
plays() {
    local ch=$1 steps
    run -0 "$TOUR" --no-pause "$ch"
    steps=$(grep -c '^step:' "$ISOLAB_TOP/$ch/tour.steps")
    assert_equal "$(grep -c -e '^ok$' -e '^skipped: .' <<<"$output")" "$steps"
    refute_line --partial FAILED
    refute_line --regexp '^skipped: *$'
    assert_line --regexp "^tour $ch: [0-9]+ ok, [0-9]+ skipped, 0 failed\$"
}

@test "tour: fileio plays through" { plays fileio; }
@test "tour: procs plays through" { plays procs; }
@test "tour: signals plays through" { plays signals; }
@test "tour: proclife plays through" { plays proclife; }
@test "tour: setuid plays through" { plays setuid; }
@test "tour: caps plays through" { plays caps; }
@test "tour: namespaces plays through" { plays namespaces; }
@test "tour: userns plays through" { plays userns; }
@test "tour: mounts plays through" { plays mounts; }
@test "tour: seccomp plays through" { plays seccomp; }
@test "tour: cgroups plays through" { plays cgroups; }

@test "tour: a step without the privilege it needs is a skip, with the rootless form" {
    cat >steps <<'STEPS'
step: needs root
needs: root
rootless: echo the rootless way
run: echo as root

step: needs a command nobody has
needs: cmd isolab-no-such-command
run: isolab-no-such-command

step: exits 77
run: echo "no such feature here"; exit 77
STEPS
    run -0 "$TOUR" --no-pause --file steps
    if [ "$(id -u)" -ne 0 ]; then
        assert_line "rootless: echo the rootless way"
        refute_line "as root"
    fi
    assert_line --regexp '^skipped: .*isolab-no-such-command'
    assert_line "skipped: this machine lacks what the step needs (exit status 77, above)"
    assert_line --regexp '^tour steps: [0-9] ok, [23] skipped, 0 failed$'
}

@test "tour: a failing step is reported, and the tour's status says so" {
    printf 'step: fails\nrun: exit 4\n\nstep: expected\nrun: exit 4\nexpect: 4\n' >steps
    run -1 "$TOUR" --no-pause --file steps
    assert_line "FAILED: exit status 4, expected 0"
    assert_line "tour steps: 1 ok, 0 skipped, 1 failed"
    run -2 "$TOUR" nosuchchapter
    run -0 "$TOUR" --list fileio
    assert_line --index 1 --regexp '^  1\. '
}

@test "tour: the second view follows the step when there is no tmux" {
    printf 'step: two views\nrun: echo inside\nsplit: echo outside\n' >steps
    run -0 env -u TMUX "$TOUR" --no-pause --file steps
    assert_line "inside"
    assert_line --partial -- "-- the other view: \$ echo outside"
    assert_line "outside"
}

# A tmux server of the test's own, its socket in the test's directory
# (not in /tmp/tmux-UID), ended in teardown.
local_teardown() {
    TMUX_TMPDIR=$BATS_TEST_TMPDIR tmux -L isolab kill-server 2>/dev/null || true
}

@test "tour: paused in a terminal, it waits for Enter; a split step opens a pane" {
    require cmd tmux
    sock=isolab
    export TMUX_TMPDIR=$BATS_TEST_TMPDIR
    printf 'step: first\nrun: echo first-output\n\nstep: second\nrun: echo second-output\nsplit: echo other-view; sleep 30\n\nstep: third\nrun: echo third-output\n' >steps
    # tmux runs pane commands with $SHELL, or else with the user's login
    # shell: for nobody that is nologin, and CI sets no SHELL.
    SHELL=/bin/sh tmux -L "$sock" -f /dev/null new-session -d -x 150 -y 40 \
        "'$TOUR' --file '$PWD/steps'; echo tour-ended; sleep 30"
    screen() { tmux -L "$sock" capture-pane -p -t 0.0 -S -100; }
    wait_for sh -c "tmux -L '$sock' capture-pane -p -S -100 | grep -q 'Enter: next step'"
    run screen
    assert_line --partial "first-output"
    refute_line --partial "second-output" # it waits
    tmux -L "$sock" send-keys Enter
    wait_for sh -c "tmux -L '$sock' capture-pane -p -t 0.0 -S -100 | grep -q second-output"
    # The second step's other view is in a pane of its own, beside it.
    wait_for sh -c "[ \$(tmux -L '$sock' list-panes | wc -l) -eq 2 ]"
    tmux -L "$sock" send-keys -t 0.0 Enter
    wait_for sh -c "tmux -L '$sock' capture-pane -p -t 0.0 -S -100 | grep -q third-output"
    run tmux -L "$sock" list-panes
    assert_equal "${#lines[@]}" 1 # the pane went with its step
    tmux -L "$sock" send-keys -t 0.0 q Enter
    wait_for sh -c "tmux -L '$sock' capture-pane -p -t 0.0 -S -100 | grep -q tour-ended"
}
