# SPDX-License-Identifier: MIT
# shellcheck shell=bash
#
# helper.bash - loaded by every bats file: `load helper` (or
# `load ../helper` from tests/exercises/).
#
# Provides the bats libraries, the kit's paths, and:
#   require WHAT [ARG]  skip the test, with the doctor's words, unless the
#                       machine allows WHAT: root | nonroot | userns | timens
#                       | seccomp | cgroup CONTROLLER (or v2: the cgroup2
#                       hierarchy itself) | cmd NAME | kernel X.Y
#                       | busybox | suid_fs
#   as_user CMD...      run CMD as the unprivileged user nobody when the
#                       suite runs as root (as yourself otherwise)
#   user_tmpdir         a fresh directory that CMD run by as_user can write
#   let_through DIR     let other users through bats' 0700 directories to DIR
#   priv_copy PROG OWNER MODE [FILECAPS]  (root) a copy of PROG with that
#                       owner (user[:group]), mode and file capabilities,
#                       in a directory only root may enter ($PRIV_DIR);
#                       "${PRIV[@]}" runs it, by descriptor (tests/bin/
#                       run_fd), for any user; skips where nosuid forbids it
#   in_mountns CMD...   run CMD in a new private mount namespace (inside a
#                       new user namespace when not root): its mounts never
#                       reach the host's mount table
#   kit_cgroup CONTROLLER  create a cgroup under the kit's own subtree in
#                       the hierarchy holding CONTROLLER and print its path;
#                       it is removed in teardown, even if the test fails
#   cg_for CONTROLLER   skip unless cgroups of CONTROLLER (or v2) can be
#                       made here; else kit_cgroup's new cgroup in $CG
#   cg_version CONTROLLER  v1 or v2: the hierarchy holding CONTROLLER
#   spawn CMD...        start CMD in the background, PID in $SPAWNED;
#                       teardown kills it
#   wait_for CMD...     retry CMD until it succeeds (5 s at most)
#   state_of PID        its state letter; asleep PID: it is S; ended PID:
#                       it is a zombie or gone
#   descendant PID NAME the PIDs named NAME anywhere below PID
#   trapper SIG STATUS, caught OUT LAUNCHER TARGET SIG STATUS
#                       a command that catches SIG, and the check that a
#                       signal sent to TARGET reached it
#   lab_grade CHAPTER/NAME FILE  (tools/lab.bash) an observe exercise: a
#                       fresh setup, the answer FILE checked against it;
#                       teardown ends a setup that a failure left

bats_require_minimum_version 1.5.0

ISOLAB_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export ISOLAB_TOP
# shellcheck source=tools/checks.bash
source "$ISOLAB_TOP/tools/checks.bash"
# The observe exercises' setups (lab_grade), for tests/exercises/.
# shellcheck source=tools/lab.bash
source "$ISOLAB_TOP/tools/lab.bash"

# Source the libraries' files directly: their load.bash files start extra
# processes on every test, which doubles the cost of a small test.
_bats_libs=$(bats_lib_dir) || {
    echo "bats-support, bats-assert and bats-file are needed: make deps" >&2
    exit 1
}
for _f in "$_bats_libs"/bats-support/src/*.bash \
    "$_bats_libs"/bats-assert/src/*.bash "$_bats_libs"/bats-file/src/*.bash; do
    # shellcheck source=/dev/null
    source "$_f"
done
unset _f _bats_libs

# The user that as_user runs commands as; nobody:nogroup exists on every
# distribution with the numbers 65534:65534.
ISOLAB_USER_ID=65534

require() {
    local what=$1
    shift
    case $what in
    root | nonroot | userns | util_userns | timens | seccomp | busybox | \
        suid_fs | cgroup | cmd | kernel)
        "check_$what" "$@" || skip "$CHECK_MSG"
        ;;
    *)
        echo "require: unknown requirement '$what'" >&2
        return 1
        ;;
    esac
}

# The command prefix that as_user uses (empty when not root).
AS_USER=()
if [ "$(id -u)" -eq 0 ]; then
    AS_USER=(setpriv "--reuid=$ISOLAB_USER_ID" "--regid=$ISOLAB_USER_ID"
        --clear-groups --)
fi

as_user() {
    "${AS_USER[@]}" "$@"
}

# let_through DIR: bats' own directories are 0700; let other users
# (the test's user, a container's root) through them down to DIR.
let_through() {
    local d=$1
    while [ "$d" != "$(dirname "$BATS_RUN_TMPDIR")" ] && [ "$d" != / ]; do
        chmod o+x "$d" 2>/dev/null || true
        d=$(dirname "$d")
    done
}

user_tmpdir() {
    local d
    d=$(mktemp -d "$BATS_TEST_TMPDIR/user.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
        chown "$ISOLAB_USER_ID:$ISOLAB_USER_ID" "$d"
        let_through "$BATS_TEST_TMPDIR"
    fi
    echo "$d"
}

priv_copy() {
    local prog=$1 owner=$2 mode=$3 fcaps=${4:-} dir copy fd
    require root
    # A directory only root may enter: no other user of the machine can
    # reach the copy, for as long as it lives (bats removes it with the
    # test's directory). The test's user runs it through a descriptor.
    dir=$(mktemp -d "$BATS_TEST_TMPDIR/priv.XXXXXX") || return 1
    check_suid_fs "$dir" || skip "$CHECK_MSG"
    copy=$dir/$(basename "$prog")
    cp "$prog" "$copy" && chown "$owner" "$copy" && chmod "$mode" "$copy" ||
        return 1
    if [ -n "$fcaps" ]; then
        setcap "$fcaps" "$copy" 2>/dev/null ||
            skip "this file system does not take file capabilities"
    fi
    exec {fd}<"$copy"
    # shellcheck disable=SC2034 # read by the tests
    PRIV=("$ISOLAB_TOP/tests/bin/run_fd" "$fd" "$(basename "$prog")")
    # shellcheck disable=SC2034
    PRIV_DIR=$dir
}

in_mountns() {
    if [ "$(id -u)" -eq 0 ]; then
        unshare --mount --propagation private -- "$@"
    else
        # The kit's own unshare, which `make apparmor` covers where
        # AppArmor restricts user namespaces; like util-linux's, it makes
        # every mount private at once.
        "$ISOLAB_TOP/namespaces/unshare" -rm -- "$@"
    fi
}

cg_for() {
    require cgroup "$1"
    # shellcheck disable=SC2034 # read by the tests
    CG=$(kit_cgroup "$1")
}

cg_version() {
    local version rest
    read -r version rest <<<"$(cgroup_hierarchy "$1")"
    echo "$version"
}

# The kit's subtree: one per suite run, below this process's own cgroup,
# named so that the leak check can find anything left behind. What
# kit_cgroup made is listed in a file, since it is often called in $(...).

kit_cgroup() {
    local ctrl=$1 base dir
    check_cgroup "$ctrl" || {
        echo "kit_cgroup: $CHECK_MSG" >&2
        return 1
    }
    base=$(cgroup_dir "$ctrl")/isolab.${ISOLAB_RUN_ID:-$$}
    # On pure v2, tests/run made the kit's subtree beside its own leaf.
    if [ -n "${ISOLAB_CG2_BASE:-}" ] && [ "$(cg_version "$ctrl")" = v2 ]; then
        base=$ISOLAB_CG2_BASE
    fi
    dir=$base/t$BATS_SUITE_TEST_NUMBER.$RANDOM
    # A test in another file may remove the subtree, once empty, between
    # mkdir -p's two steps: then once more.
    mkdir -p "$dir" 2>/dev/null || mkdir -p "$dir" || return 1
    echo "$dir" >>"$BATS_TEST_TMPDIR/.kit_cgroups"
    echo "$dir"
}

# Remove one cgroup made by kit_cgroup, and the kit's subtree once empty:
# end what the test started inside it, then rmdir from the bottom up.
kit_cgroup_remove() {
    local dir=$1 procs pids pid sub
    # Children first (a test may have made cgroups below its own).
    while read -r sub; do
        [ "$sub" = "$dir" ] || kit_cgroup_remove "$sub"
    done < <(find "$dir" -mindepth 1 -maxdepth 1 -type d 2>/dev/null)
    procs=$dir/cgroup.procs
    # (cgroup files have size 0 to stat: read them to see if they are empty)
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        pids=$(cat "$procs" 2>/dev/null)
        [ -n "$pids" ] || break
        for pid in $pids; do kill -KILL "$pid" 2>/dev/null; done
        sleep 0.05
    done
    rmdir "$dir" 2>/dev/null || true
    # The kit's subtree, once empty; not the one tests/run made on v2.
    [ "$(dirname "$dir")" = "${ISOLAB_CG2_BASE:-}" ] ||
        rmdir "$(dirname "$dir")" 2>/dev/null || true
}

# state_of PID: the one-letter state of PID, nothing if it is gone.
state_of() {
    local st
    read -r st 2>/dev/null <"/proc/$1/stat" || return 0
    st=${st##*) }
    echo "${st%% *}"
}

# asleep PID: PID sleeps (state S). A command that spawn has seen start
# may still be running its start-up (state R) for a moment.
asleep() {
    [ "$(state_of "$1")" = S ]
}

# ended PID: PID has ended (a zombie, or gone).
ended() {
    case $(state_of "$1") in
    Z | X | '') return 0 ;;
    *) return 1 ;;
    esac
}

teardown() {
    local d pid _
    # A failed `run -N` says only which status it got: what the command
    # printed is what tells why (bats shows this only for a failed test).
    if [ -z "${BATS_TEST_COMPLETED:-}" ] && [ -n "${output:-}" ]; then
        echo "the last run's output (status ${status:-?}):"
        tail -40 <<<"$output" | sed 's/^/  /'
    fi
    if [ -f "$BATS_TEST_TMPDIR/.spawned" ]; then
        while read -r pid; do
            kill -KILL -- "-$pid" "$pid" 2>/dev/null || true
            # Reap it once it has died (not waiting for ever: a frozen
            # process may not die), or bash reports "Killed" on its own,
            # outside any test, into the suite's output.
            for _ in $(seq 40); do
                ended "$pid" && break
                sleep 0.05
            done
            [ "$(state_of "$pid")" != Z ] || { wait "$pid" || true; } 2>/dev/null
        done <"$BATS_TEST_TMPDIR/.spawned"
        rm -f "$BATS_TEST_TMPDIR/.spawned"
    fi
    if [ -f "$BATS_TEST_TMPDIR/.kit_cgroups" ]; then
        while read -r d; do
            kit_cgroup_remove "$d"
        done <"$BATS_TEST_TMPDIR/.kit_cgroups"
        rm -f "$BATS_TEST_TMPDIR/.kit_cgroups"
    fi
    if declare -F local_teardown >/dev/null; then
        local_teardown
    fi
    # An observe exercise's setup that a failed or skipped check left.
    lab_stop
}

# spawn CMD...: start CMD in the background (without bats' fd 3, which
# would hold the test open) and set SPAWNED to its PID. CMD leads a
# process group of its own (setsid; in a non-interactive shell setsid
# does not need to fork, so the PID is CMD's), and teardown kills that
# whole group: CMD and whatever it started. spawn returns once CMD itself
# runs, not the forked shell or setsid (or setpriv, for as_user) that
# come before it: a test looks at CMD's process, never its launcher's.
spawn() {
    local cmd=$1 _
    # A shell function would run in a subshell of its own, and $! would be
    # that subshell's PID: use the command behind as_user directly.
    if [ "$1" = as_user ]; then
        shift
        cmd=$1
        set -- "${AS_USER[@]}" "$@"
    fi
    setsid "$@" 3>&- &
    SPAWNED=$!
    echo "$SPAWNED" >>"$BATS_TEST_TMPDIR/.spawned"
    # Until then, the process is a fork of this shell (named bash), then
    # setsid, then setpriv: wait while it has one of those names. (A CMD
    # that is bash itself cannot be told from the fork: no wait.)
    for _ in $(seq 500); do
        case $(cat "/proc/$SPAWNED/comm" 2>/dev/null) in
        setsid | setpriv) ;;
        bash) [ "${cmd##*/}" != bash ] || return 0 ;;
        *) return 0 ;; # CMD, or gone already
        esac
        sleep 0.01
    done
    echo "spawn: $cmd did not start" >&2
    return 1
}

# descendant PID NAME: the PIDs of the processes named NAME anywhere below
# PID (children, grandchildren...); fails if there is none. Unlike
# pgrep -f, it never finds a process of another test, or of another user
# of the machine.
descendant() {
    local kid found=1
    for kid in $(pgrep -P "$1"); do
        if [ "$(cat "/proc/$kid/comm" 2>/dev/null)" = "$2" ]; then
            echo "$kid"
            found=0
        fi
        descendant "$kid" "$2" && found=0
    done
    return "$found"
}

# trapper SIG STATUS: a shell command that says "ready", then on SIG says
# "got-SIG" and ends with STATUS.
trapper() {
    echo "trap 'echo got-$1; exit $2' $1; echo ready; while :; do sleep 0.1; done"
}

# caught OUT LAUNCHER TARGET SIG STATUS: once the trapper command (started
# by LAUNCHER, a child of this shell, its output in the file OUT) is ready,
# send SIG to TARGET (a PID, or "init": LAUNCHER's child). The command
# must catch it, and LAUNCHER end with the command's STATUS.
caught() {
    local out=$1 launcher=$2 target=$3 sig=$4 want=$5 st=0
    wait_for grep -qx ready "$out"
    [ "$target" != init ] || target=$(pgrep -P "$launcher")
    kill -"$sig" "$target"
    wait_for ended "$launcher" # rather than wait for ever
    wait "$launcher" || st=$?
    assert_equal "$st" "$want"
    run -0 cat "$out"
    assert_output "ready
got-$sig"
}

# wait_for TEST...: retry the test command for up to 5 s (for a spawned
# process to reach the state under test), then fail.
wait_for() {
    local _ tries=100 # about 5 s
    # In the emulated test guest everything takes fourteen times longer.
    [ ! -e /run/isolab-emulated ] || tries=600
    for _ in $(seq "$tries"); do
        "$@" && return 0
        sleep 0.05
    done
    echo "wait_for: timed out: $*" >&2
    return 1
}
