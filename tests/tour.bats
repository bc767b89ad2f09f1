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
    [ -z "${ISOLAB_SANITIZE:-}" ] ||
        skip "a sanitizer build's output is not what the steps expect: the chapters' tests run these programs under the sanitizers"
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

@test "tour: its scratch directory, where set-UID copies are made, is the tour user's alone" {
    # shellcheck disable=SC2016 # $TOUR_TMP is the tour's, in the step
    printf 'step: mode\nrun: stat -c "%%a %%U" "$TOUR_TMP"\n' >steps
    run -0 "$TOUR" --no-pause --file steps
    assert_line "700 $(id -un)"
}

@test "tour: a failing step is reported, and the tour's status says so" {
    printf 'step: fails\nrun: exit 4\n\nstep: expected\nrun: exit 4\nstatus: 4\n' >steps
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

# A tmux server of the test's own: its socket in the test's directory
# (not in /tmp/tmux-UID), ended in teardown. tmux runs a pane's command
# with $SHELL, or else with the user's login shell: nobody's is nologin,
# and CI sets no SHELL.
tm() {
    SHELL=/bin/sh TMUX_TMPDIR=$BATS_TEST_TMPDIR tmux -L isolab -f /dev/null "$@"
}
local_teardown() {
    tm kill-server 2>/dev/null || true
}
# on_screen PANE TEXT: pane PANE (0: the tour's, 1: a step's other view)
# shows TEXT.
on_screen() {
    tm capture-pane -p -t "0.$1" -S -100 | grep -q -- "$2"
}

@test "tour: paused in a terminal, it waits for Enter; a split step opens a pane" {
    require cmd tmux
    printf 'step: first\nrun: echo first-output\n\nstep: second\nrun: echo second-output\nsplit: echo other-view; sleep 30\n\nstep: third\nrun: echo third-output\n' >steps
    tm new-session -d -x 150 -y 40 \
        "'$TOUR' --file '$PWD/steps'; echo tour-ended; sleep 30"
    wait_for on_screen 0 'Enter: next step'
    on_screen 0 first-output
    run -1 on_screen 0 second-output # it waits
    tm send-keys -t 0.0 Enter
    wait_for on_screen 0 second-output
    # The second step's other view runs in a pane of its own, beside it.
    wait_for on_screen 1 other-view
    tm send-keys -t 0.0 Enter
    wait_for on_screen 0 third-output
    run -0 tm list-panes
    assert_equal "${#lines[@]}" 1 # the pane went with its step
    tm send-keys -t 0.0 q Enter
    wait_for on_screen 0 tour-ended
}

@test "tour: Ctrl-C during a step ends the step with the tour" {
    require cmd tmux
    printf 'step: long\nrun: echo $$ >step.pid; exec sleep 37\n' >steps
    # bash, not sh, around the tour: Ctrl-C reaches it too, and bash goes
    # on when the tour exits with a status (dash would die).
    tm new-session -d -x 150 -y 40 \
        "exec bash -c \"'$TOUR' --file '$PWD/steps'; echo tour-ended \\\$?; sleep 30\""
    wait_for test -s step.pid
    step=$(cat step.pid)
    wait_for grep -qx sleep "/proc/$step/comm"
    tm send-keys -t 0.0 C-c
    wait_for on_screen 0 'tour-ended 130'
    wait_for ended "$step"
}

@test "tour: a step fails when the words its observe: talks about are not on screen" {
    printf 'step: says hello\nrun: echo hello world\nexpect: hello\nexpect: world\n\nstep: says less\nrun: echo hello\nexpect: hello\nexpect: world\n' >steps
    run -1 "$TOUR" --no-pause --file steps
    assert_line "FAILED: not on screen: world"
    assert_line --regexp '^tour steps: 1 ok, 0 skipped, 1 failed$'
}

@test "tour: a command that cannot run fails the step, and no line number of the tour's shows" {
    printf 'step: no such command\nrun: isolab-no-such-command\n\nstep: killed\nrun: sh -c '"'"'kill -SYS $$'"'"'; echo "status $?"\nexpect: status 159\n' >steps
    run -1 "$TOUR" --no-pause --file steps
    assert_line "FAILED: the command could not run (exit status 127, above)"
    assert_line "status 159"
    refute_output --partial "tour: line"
}

@test "tour: a step 'as: user' runs as an ordinary user, even for root" {
    let_through "$BATS_TEST_TMPDIR"
    printf 'step: who\nas: user\nrun: id -u\nexpect: %s\n' "${ISOLAB_USER_ID}" >steps
    [ "$(id -u)" -eq 0 ] || sed -i "s/^expect: .*/expect: $(id -u)/" steps
    run -0 "$TOUR" --no-pause --file steps
    assert_line "$([ "$(id -u)" -eq 0 ] && echo "$ISOLAB_USER_ID" || id -u)"
}

@test "tour: every step of every chapter has expect: lines for what it asks to observe" {
    local f bad=() found
    for f in "$ISOLAB_TOP"/*/tour.steps; do
        # a step: a block; one with observe: and no expect: is reported
        mapfile -t found < <(awk -v f="${f#"$ISOLAB_TOP"/}" '
            /^step:/ { t = $0; o = 0; e = 0 }
            /^observe:/ { o = 1 }
            /^expect:/ { e = 1 }
            /^$/ { if (t != "" && o && !e) print f ":" NR; t = "" }
            END { if (t != "" && o && !e) print f ":end" }' "$f")
        bad+=("${found[@]}")
    done
    assert_equal "${bad[*]}" ""
}
