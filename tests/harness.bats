#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# The harness itself: what helper.bash and tools/checks.bash promise.

load helper

@test "harness: in_mountns mounts that the host's mount table never sees" {
    if [ "$(id -u)" -ne 0 ]; then
        require userns
    fi
    dir=$BATS_TEST_TMPDIR/mnt
    mkdir "$dir"
    run -0 in_mountns sh -c "mount -t tmpfs isolab-probe '$dir' && grep -c isolab-probe /proc/self/mountinfo"
    assert_output 1
    run grep -c isolab-probe /proc/self/mountinfo
    assert_output 0
}

@test "harness: kit_cgroup makes a cgroup below our own and removes it" {
    require cgroup pids
    cg=$(kit_cgroup pids)
    if [ -n "${ISOLAB_CG2_BASE:-}" ]; then
        # pure v2: in the subtree that tests/run made beside its own leaf
        [[ $cg == "$ISOLAB_CG2_BASE/t"* ]]
        [[ $ISOLAB_CG2_BASE == "$(dirname "$(cgroup_dir pids)")/isolab."* ]]
    else
        [[ $cg == "$(cgroup_dir pids)/isolab."* ]]
    fi
    assert_file_exist "$cg/cgroup.procs"
    sleep 30 3>&- &
    echo $! >"$cg/cgroup.procs"
    rel=${cg#"$(cgroup_hierarchy pids | cut -d' ' -f2)"}
    run -0 grep -E "^[0-9]+:([^:]*,)?pids(,[^:]*)?:$rel\$|^0::$rel\$" "/proc/$!/cgroup"
    # A populated cgroup cannot be removed: gone means the process was
    # ended first.
    kit_cgroup_remove "$cg"
    assert_file_not_exist "$cg"
}

@test "harness: as_user runs as the unprivileged user" {
    run -0 as_user id -u
    if [ "$(id -u)" -eq 0 ]; then
        assert_output 65534
    else
        assert_output "$(id -u)"
    fi
    dir=$(user_tmpdir)
    run -0 as_user touch "$dir/f"
}

@test "harness: a check that fails explains itself and names the fix" {
    run check_kernel 99.0
    assert_failure
    check_kernel 99.0 || true
    [[ $CHECK_MSG == "needs Linux 99.0 or later (this is $(uname -r))" ]]
    check_cmd no-such-command-isolab || true
    assert_equal "$CHECK_MSG" "the command no-such-command-isolab is missing"
    assert_equal "$CHECK_FIX" "make deps"
}

@test "harness: doctor prints one line per requirement and exits 0 when the packages are there" {
    run -0 "$ISOLAB_TOP/tools/doctor"
    assert_line --index 0 "isolab doctor: what this machine allows"
    assert_line --regexp '^  (ok|NO)  user namespaces'
    assert_line --regexp '^  (ok|NO)  cgroups'
    assert_line --regexp '^  ok  kernel: Linux '
    assert_line "  ok  bats"
    assert_line --regexp '^  (ok|NO)  a (clock read through the vDSO|vDSO clock)'
    # What the architecture lacks: on aarch64, the 32-bit entries that
    # the seccomp chapter's lesson on ABIs uses.
    if [ "$(uname -m)" = x86_64 ]; then
        assert_line --partial "  ok  x86_64: the i386 and x32 entries"
    else
        assert_line "  NO  32-bit system calls: $(uname -m) has no i386 or x32 entry (demo_arch, arch_check: x86_64's lessons)"
        assert_line "        skips: demo_arch and the arch_check exercise (they exit 77 here)"
    fi
}

@test "harness: doctor's delegation line names a cgroup that systemd delegated to a user" {
    require root
    run -0 "$ISOLAB_TOP/tools/doctor"
    # What systemd makes for a logged-in (or lingering) user: user@UID.service,
    # owned by that user. Without systemd there is none, and the line says how.
    d=$(find /sys/fs/cgroup -path '*/user@*.service' -maxdepth 4 -type d ! -user 0 2>/dev/null | head -1)
    if [ -n "$d" ]; then
        assert_line --regexp "^  ok  a cgroup subtree is delegated to a non-root user: /sys/fs/cgroup/user\.slice/.*user@[0-9]+\.service"
    else
        assert_line "  NO  cgroup delegation: no cgroup subtree is delegated to a non-root user"
    fi
}

@test "harness: doctor, as a user on pure v2, names the controllers systemd delegates to them" {
    require nonroot
    [ "$(cg_version pids)" = v2 ] || skip "pids is a v1 controller here: delegation to users is v2's (make check-vm runs this)"
    um=/sys/fs/cgroup/user.slice/user-$(id -u).slice/user@$(id -u).service
    [ -r "$um/cgroup.controllers" ] || skip "no user manager (user@$(id -u).service) for this user"
    run -0 "$ISOLAB_TOP/tools/doctor"
    assert_line --regexp "^  (ok  controllers delegated to you \(user@$(id -u)\.service\): |NO  controllers delegated to you: systemd delegates to you only: )$(cat "$um/cgroup.controllers")"
}

# Ubuntu's AppArmor restriction, faked in a mount namespace of the test's
# own: a tmpfs over /proc/sys/kernel holds the one sysctl file. In the
# same namespace /mnt, a tmpfs, holds the profile directory, a stand-in
# apparmor_parser that logs its arguments, and the kit bound at /mnt/kit.
# shellcheck disable=SC2016 # the inner shell expands $1 and $2
APPARMOR_FAKE='mount -t tmpfs -o mode=755 isolab-sysctl /proc/sys/kernel &&
echo 1 >/proc/sys/kernel/apparmor_restrict_unprivileged_userns &&
mount -t tmpfs -o mode="$2" isolab-aa /mnt &&
mkdir -p /mnt/aa /mnt/bin "/mnt/$3" && mount --bind "$1" "/mnt/$3" &&
printf "#!/bin/sh\necho apparmor_parser \"\$@\" >>/mnt/calls\n" >/mnt/bin/apparmor_parser &&
chmod +x /mnt/bin/apparmor_parser && cd "/mnt/$3" && shift 3 &&
PATH=/mnt/bin:$PATH ISOLAB_APPARMOR_DIR=/mnt/aa "$@"'

apparmor_fake() { # MODE_OF_/mnt KIT_DIR_BELOW_/mnt CMD...
    "$ISOLAB_TOP/userns/userns_child_exec" -rm sh -c "$APPARMOR_FAKE" sh "$ISOLAB_TOP" "$@"
}

@test "apparmor: where AppArmor restricts user namespaces, the doctor names make apparmor first, the sysctl second" {
    require userns
    run -0 apparmor_fake 755 kit tools/doctor
    assert_line "  NO  user namespaces: AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1) and this checkout has no profile"
    assert_line "        fix: sudo make apparmor (a profile for this checkout's programs only; make apparmor-remove takes it away), or for every program: sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"
}

@test "apparmor: make apparmor installs a profile for this checkout only, the doctor sees it, make apparmor-remove takes it away" {
    require userns
    run -0 apparmor_fake 755 kit sh -c 'make -s apparmor && cat /mnt/aa/isolab-mnt-kit &&
        tools/doctor | grep "user namespaces" && make -s apparmor-remove && ls /mnt/aa && cat /mnt/calls'
    assert_line "apparmor: /mnt/aa/isolab-mnt-kit loaded: this checkout's programs may create user namespaces"
    assert_line "abi <abi/4.0>,"
    assert_line "profile isolab-mnt-kit /mnt/kit/** flags=(unconfined) {"
    assert_line "  userns,"
    assert_line "  ok  user namespaces: AppArmor restricts them; this checkout's profile (make apparmor) grants them to its programs"
    assert_line "apparmor: /mnt/aa/isolab-mnt-kit unloaded and removed"
    assert_line "apparmor_parser -r /mnt/aa/isolab-mnt-kit"
    assert_line "apparmor_parser -R /mnt/aa/isolab-mnt-kit"
    # The profile grants nothing but userns.
    run -0 "$ISOLAB_TOP/tools/apparmor" profile
    assert_equal "$(grep -v '^#' <<<"$output" | grep -c .)" 5
}

@test "apparmor: make apparmor refuses a checkout that others can write to, or a path a glob cannot take" {
    require userns
    run -1 apparmor_fake 777 kit tools/apparmor install
    assert_output --partial "apparmor: /mnt is writable by others than its owner (mode 777"
    run -1 apparmor_fake 755 "a b/kit" tools/apparmor install
    assert_output --partial "apparmor: the checkout's path '/mnt/a b/kit' has characters"
    run -1 "$ISOLAB_TOP/userns/userns_child_exec" -U -- "$ISOLAB_TOP/tools/apparmor" install
    assert_output "apparmor: needs root: sudo make apparmor (or, as root, make apparmor)"
}

@test "harness: an ordinary user's run has their own HOME and none of root's variables" {
    require nonroot
    [ -O "$HOME" ] && [ -w "$HOME" ]
    run env
    refute_output --regexp '^(SUDO_[A-Z]+|MAIL)=.*root'
    refute_output --regexp '=/root(/|$)'
    # login.defs' PATH, then the sbin directories the kit adds itself.
    [[ :$PATH: == *:/usr/bin:* ]]
}

@test "harness: a run removes what a killed run left, privileged copies included" {
    # A run killed with SIGKILL: its PID gone, its TMPDIR left with a
    # set-UID copy in a test's 0700 directory.
    dead=$(sh -c 'echo $$')
    left=/tmp/isolab-run.$dead.1
    mkdir -p "$left/bats-run-x/test/1"
    mkdir -m 700 "$left/bats-run-x/test/1/priv.x"
    cp "$ISOLAB_TOP/setuid/idshow" "$left/bats-run-x/test/1/priv.x/"
    chmod 4755 "$left/bats-run-x/test/1/priv.x/idshow"
    printf '@test "nothing" {\n    true\n}\n' >"$BATS_TEST_TMPDIR/one.bats"
    run -0 "$ISOLAB_TOP/tests/run" "$BATS_TEST_TMPDIR/one.bats"
    assert_line "# removing $left, left by a run that was killed (PID $dead)"
    assert_line --index $((${#lines[@]} - 1)) "2 passed, 0 failed"
    [ ! -e "$left" ]
}

@test "harness: make NAME in a chapter directory hands the name to the top-level build, which knows its sources" {
    # -n prints what would be done, builds nothing. A program's name is
    # also its file: make alone would call it up to date after its .c
    # changed, and a student's edit would never be built.
    run -0 make -n -C "$ISOLAB_TOP/fileio" copy
    assert_line "make --no-print-directory -C .. fileio/copy"
}

@test "harness: make deps, as an ordinary user with a login PATH and everything installed, says so and exits 0" {
    run as_user env PATH=/usr/local/bin:/usr/bin:/bin "$ISOLAB_TOP/tools/deps" install
    [[ $output != *"installing needs root"* ]] || skip "something is missing here: $output"
    assert_success
    assert_output "deps: everything the kit needs is installed"
}

@test "harness: the grader shows why an exercise could not be checked, and a total" {
    # Two gradings as nobody: 26 s under emulation, for messages that
    # depend on no cgroup layout.
    [ ! -e /run/isolab-emulated ] ||
        skip "in the emulated test guest: the grader's messages depend on no layout, and the host suite checks them"
    # drop_regain's checks need root: as nobody they all skip.
    run -0 as_user "$ISOLAB_TOP/tools/grade" setuid/drop_regain
    assert_line --regexp '^  drop_regain +SKIP  all [0-9]+ checks skipped on this machine$'
    assert_line --regexp '^      why: needs root'
    # A chapter's exercises, or all, end with a total: of setuid's five,
    # four need root, and find_suid's shipped answer file is not answered.
    run as_user "$ISOLAB_TOP/tools/grade" setuid
    assert_line --regexp '^0 of 5 exercises pass, 4 could not be checked here$'
}

@test "harness: a failure in the grader shows the check and how it failed, without the harness's noise" {
    # Grading skeletons waits out every check's time limit: minutes under
    # emulation, for output that depends on no cgroup layout.
    [ ! -e /run/isolab-emulated ] ||
        skip "in the emulated test guest: the grader's output depends on no layout, and the host suite checks it"
    # The signals skeletons fail, killing processes the checks started.
    run -1 "$ISOLAB_TOP/tools/grade" signals
    assert_line --regexp '^  sigloop +FAIL  [0-9]+ of [0-9]+ checks fail$'
    assert_line --regexp '^      first failure: sigloop: '
    refute_output --regexp '\.(bash|bats): line [0-9]+: +[0-9]+ '
    refute_output --partial '/usr/lib/bats'
    refute_output --partial 'in test file'
}

@test "harness: grade --list names every exercise once, with its kind" {
    run -0 "$ISOLAB_TOP/tools/grade" --list
    # One line for each exercise source (a program, a script, an answer).
    local f want names=()
    for f in "$ISOLAB_TOP"/exercises/*/*.{c,sh,answer}; do
        [ -e "$f" ] && names+=("${f%.*}")
    done
    want=$(printf '%s\n' "${names[@]}" | sort -u | wc -l)
    assert_equal "${#lines[@]}" "$want"
    for line in "${lines[@]}"; do
        [[ $line =~ ^[a-z]+/[a-z_]+\ (code|observe|troubleshoot)$ ]] ||
            fail "not CHAPTER/NAME KIND: $line"
    done
    assert_line "fileio/tee code"
    assert_line "proclife/mystery observe"
    assert_line "troubleshoot/cap_drop troubleshoot"
}

@test "harness: every chapter's README ends with its exercises, each with its kind, every troubleshooting lab in one chapter" {
    local ch table rows listed lab where chapters
    listed=$("$ISOLAB_TOP/tools/grade" --list)
    read -ra chapters <<<"$(grep -v '^#' "$ISOLAB_TOP/mk/chapters" | tr '\n' ' ')"
    for ch in "${chapters[@]}"; do
        # The last section, and the rows of its table: | `NAME` | KIND | ...
        table=$(awk '/^## /{s=$0; body=""} {body=body $0 "\n"} END{printf "%s", body}' \
            "$ISOLAB_TOP/$ch/README.md")
        [[ $table == "## Exercises"* ]] || fail "$ch/README.md: the last section is not ## Exercises"
        # shellcheck disable=SC2016 # the backquotes are markdown's
        rows=$(sed -n 's/^| `\([a-z_]*\/[a-z_]*\)` | \([a-z]*\) |.*/\1 \2/p' <<<"$table")
        # Every exercise of the chapter is there, with the kind grade gives.
        assert_equal "$(grep -v '^troubleshoot/' <<<"$rows" | sort)" \
            "$(grep "^$ch/" <<<"$listed" | sort)"
        # A row that names a troubleshooting lab has its kind too.
        while read -r lab; do
            grep -qFx "$lab" <<<"$listed" || fail "$ch/README.md: $lab is not an exercise"
        done < <(grep '^troubleshoot/' <<<"$rows")
    done
    # Each troubleshooting lab in exactly one chapter's table.
    while read -r lab _; do
        where=$(grep -l "^| \`$lab\` |" "$ISOLAB_TOP"/*/README.md | wc -l)
        [ "$where" -eq 1 ] || fail "$lab is in $where chapters' tables"
    done < <(grep '^troubleshoot/' <<<"$listed")
}

@test "harness: after the first day, at least as many observe and troubleshoot exercises as code ones, three in each chapter" {
    local day1=" fileio procs signals proclife " ch kind code=0 other=0 line
    declare -A per=()
    while read -r line; do
        kind=${line#* }
        ch=${line%%/*}
        # A troubleshooting lab counts for the chapter whose table has it.
        [ "$ch" != troubleshoot ] ||
            ch=$(grep -l "^| \`${line% *}\` |" "$ISOLAB_TOP"/*/README.md | xargs dirname | xargs basename)
        [[ $day1 != *" $ch "* ]] || continue
        if [ "$kind" = code ]; then
            code=$((code + 1))
        else
            other=$((other + 1))
            per[$ch]=$((${per[$ch]:-0} + 1))
        fi
    done < <("$ISOLAB_TOP/tools/grade" --list)
    [ "$other" -ge "$code" ] || fail "$other observe and troubleshoot, $code code"
    for ch in setuid caps namespaces userns mounts seccomp cgroups container; do
        [ "${per[$ch]:-0}" -ge 3 ] || fail "$ch: ${per[$ch]:-0} observe and troubleshoot exercises"
    done
}

@test "harness: every observe exercise with a setup has its answer file, its reference, its hints and its check" {
    local lab ch name missing=()
    run -0 "$ISOLAB_TOP/tools/lab" --list
    [ "${#lines[@]}" -ge 18 ]
    for lab in "${lines[@]}"; do
        ch=${lab%/*} name=${lab#*/}
        # Shipped with its keys unanswered (or, keyed by names the setup
        # gives, with the form of a line in a comment).
        grep -qE '^[a-z_.]+: \?$|^# NAME: ' "$ISOLAB_TOP/exercises/$lab.answer" ||
            missing+=("$lab(answer file)")
        [ -f "$ISOLAB_TOP/solutions/$lab.answer" ] || missing+=("$lab(reference)")
        [ "$(grep -c "^<details><summary>Hint [123]" <(awk -v h="## $name (observe" \
            'index($0, h) == 1 {on=1; next} /^## /{on=0} on' "$ISOLAB_TOP/exercises/$ch/README.md"))" -eq 3 ] ||
            missing+=("$lab(three hints)")
        grep -q "lab_grade $lab " "$ISOLAB_TOP/tests/exercises/$ch.bats" || missing+=("$lab(check)")
    done
    assert_equal "${missing[*]}" ""
}

@test "harness: tools/lab starts a setup, says what to look at, and removes it at Enter; a name that is no lab is a usage error" {
    run -0 --separate-stderr "$ISOLAB_TOP/tools/lab" setuid/find_suid </dev/null
    assert_line --index 0 --regexp '^setuid/find_suid: setting up \(seed [0-9]+\)$'
    assert_line --regexp '^Six files in /.*/isolab-lab\.[0-9]+\.[A-Za-z0-9]+\.$'
    assert_line "setuid/find_suid: removed"
    dir=$(sed -n 's/^Six files in \(.*\)\.$/\1/p' <<<"$output")
    [ ! -e "$dir" ]
    run -2 --separate-stderr "$ISOLAB_TOP/tools/lab" setuid/nothing
    assert_equal "$stderr" "lab: no lab setuid/nothing ($ISOLAB_TOP/tools/labs/setuid/nothing.bash)"
    run -2 "$ISOLAB_TOP/tools/lab"
}

@test "harness: an answer read off the student's own setup (tools/lab) passes the grader's fresh setup, and another seed's does not" {
    require userns
    local fifo=$BATS_TEST_TMPDIR/enter out=$BATS_TEST_TMPDIR/lab.out a b t seed hold
    local differ=()
    mkfifo "$fifo"
    # tools/lab waits for Enter: hold the FIFO open until the answer is in.
    # shellcheck disable=SC2016 # $0, $1, $2 are the inner shell's
    spawn bash -c 'exec "$0" namespaces/ns_differ <"$1" >"$2"' \
        "$ISOLAB_TOP/tools/lab" "$fifo" "$out"
    exec {hold}>"$fifo"
    wait_for grep -q "Press Enter" "$out"
    read -r a b < <(sed -n 's/^Two processes, both sleep: PID \([0-9]*\) and PID \([0-9]*\)\.$/\1 \2/p' "$out")
    for t in cgroup ipc mnt net pid time user uts; do
        [ "$(readlink "/proc/$a/ns/$t")" = "$(readlink "/proc/$b/ns/$t")" ] || differ+=("$t")
    done
    exec {hold}>&-
    wait_for grep -q "removed" "$out"
    [ ! -d "/proc/$a" ]
    [ ! -d "/proc/$b" ]
    echo "differ: ${differ[*]}" >"$BATS_TEST_TMPDIR/mine.answer"
    ISOLAB_TREE=exercises lab_grade namespaces/ns_differ "$BATS_TEST_TMPDIR/mine.answer"
    # The student's seed, plus one: the same answer is wrong there.
    seed=$(sed -n 's/.*(seed \([0-9]*\))$/\1/p' "$out")
    if ISOLAB_LAB_SEED=$((seed + 1)) lab_grade namespaces/ns_differ \
        "$BATS_TEST_TMPDIR/mine.answer"; then
        fail "the answer passed on the setup of seed $((seed + 1)) too"
    fi
}

@test "harness: tools/lab, started in a delegated cgroup of its own (systemd-run), sets up a cgroup lab there" {
    # The way exercises/README.md gives an ordinary user on cgroup v2:
    # tools/lab, alone in the scope, moves into a leaf and hands the pids
    # controller down to the setup's cgroup.
    [ -d /run/systemd/system ] || skip "needs systemd (the test guest has it)"
    [ "$(cg_version pids)" = v2 ] || skip "for cgroup v2, where a cgroup must hand its controllers down"
    local user=()
    [ "$(id -u)" -eq 0 ] || user=(--user)
    # (stderr with stdout: a failure shows tools/lab's reason.)
    run -0 systemd-run "${user[@]}" --quiet --scope -p Delegate=yes \
        "$ISOLAB_TOP/tools/lab" cgroups/limits </dev/null
    assert_line --regexp '^PID [0-9]+ \(a sleep\)\. What is the name of its cgroup'
    assert_line "cgroups/limits: removed"
}
