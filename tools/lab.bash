# SPDX-License-Identifier: MIT
# shellcheck shell=bash
#
# lab.bash - the observe exercises: a small system to look at, and the
# check of what a student says of it
#
# Sourced by tools/lab (make lab EX=CHAPTER/NAME: a student starts the
# setup, looks at it with the usual tools, and writes an answer file) and
# by the grader (tests/exercises/CHAPTER.bats: lab_grade builds a fresh
# setup for each grading and checks the answer file against what that
# live setup shows). A lab is tools/labs/CHAPTER/NAME.bash; it defines
#   lab_setup    build the setup: LAB_N is a number drawn from the seed,
#                LAB_DIR a fresh directory of the user's own (mode 0700);
#                start processes with lab_spawn; say what to look at with
#                lab_show
#   lab_check    compare each answer (`answer KEY`) with what the setup
#                shows now, and call lab_wrong KEY HINT for each wrong one
#   lab_cleanup  (optional) undo what lab_setup made besides its processes
#                (lab_spawn), its cgroups (lab_cgroup) and LAB_DIR, which
#                lab_stop ends and removes itself
#
# The seed is the student's own (their UID, the machine's ID and the kit's
# directory), so that neighbours get different setups; it is 1 for the
# reference answers in solutions/ (make check), and ISOLAB_LAB_SEED picks
# another. Everything an answer names follows from LAB_N: two setups with
# one seed differ only in what no answer names (PIDs, directories), and
# the setup of LAB_N + 1 changes at least one answer (make
# verify-exercises checks that the reference answer fails there).

LAB_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=tools/checks.bash
source "$LAB_TOP/tools/checks.bash"

# lab_seed: the seed of this grading or setup, a whole number.
lab_seed() {
    local id
    if [ -n "${ISOLAB_LAB_SEED:-}" ]; then
        echo "$ISOLAB_LAB_SEED"
    elif [ "${ISOLAB_TREE:-solutions}" = solutions ]; then
        echo 1
    else
        id=$(cat /etc/machine-id 2>/dev/null || hostname)
        printf '%s %s %s' "$(id -u)" "$id" "$LAB_TOP" | cksum | cut -d' ' -f1
    fi
}

# pick N WORD...: the WORD at position N modulo their number (N + 1 gives
# the next one, so a setup's answer changes with its seed).
pick() {
    local n=$1
    shift
    shift $((n % $#))
    echo "$1"
}

# in_suite: we run in a test of the suite (bats defines skip), not in
# tools/lab.
in_suite() {
    declare -F skip >/dev/null
}

# lab_cannot WHY: this machine or user cannot have the setup. The grader
# skips with WHY; tools/lab says it and exits 77, as the programs do.
lab_cannot() {
    if in_suite; then
        skip "$1"
    fi
    echo "lab: $LAB_NAME cannot be set up here: $1" >&2
    [ -z "${CHECK_FIX:-}" ] || echo "lab: to fix: $CHECK_FIX" >&2
    exit 77
}

# lab_need WHAT [ARG]: as the suite's require (tools/checks.bash's check_*).
lab_need() {
    local what=$1
    shift
    "check_$what" "$@" || lab_cannot "$CHECK_MSG"
}

# lab_show TEXT...: what the student is told to look at.
lab_show() {
    printf '%s\n' "$@"
}

# lab_spawn NAME CMD...: start CMD in the background, in a process group
# of its own, and set LAB_PID to its PID once the process is running the
# program NAME (a command such as `unshare ... sleep` execs several
# programs in turn: what the student looks at is the last one).
# lab_stop kills the group.
lab_spawn() {
    local name=$1 _
    shift
    # (setsid does not fork here: a background job of a script is not a
    # process group leader, so the PID is the command's own.)
    setsid "$@" </dev/null >/dev/null 2>&1 3>&- &
    LAB_PID=$!
    # Not a job of this shell's any more: bash still reaps it when it
    # ends, but says nothing ("Killed") when lab_stop ends it.
    disown "$LAB_PID"
    echo "$LAB_PID" >>"$LAB_DIR/.pids"
    for _ in $(seq 500); do
        [ "$(cat "/proc/$LAB_PID/comm" 2>/dev/null)" != "$name" ] || return 0
        [ -d "/proc/$LAB_PID" ] || break
        sleep 0.01
    done
    echo "lab: $* did not start" >&2
    return 1
}

# lab_below PID NAME: the PID of the process named NAME below PID (a
# child, grandchild...), once it runs (up to 5 s).
lab_below() {
    local _ pid
    for _ in $(seq 500); do
        pid=$(_lab_find "$1" "$2") && {
            echo "$pid"
            return 0
        }
        sleep 0.01
    done
    echo "lab: no process $2 below $1" >&2
    return 1
}

_lab_find() {
    local kid
    for kid in $(pgrep -P "$1"); do
        if [ "$(cat "/proc/$kid/comm" 2>/dev/null)" = "$2" ]; then
            echo "$kid"
            return 0
        fi
        _lab_find "$kid" "$2" && return 0
    done
    return 1
}

# lab_cgroup CONTROLLER NAME: make the cgroup NAME for the setup, in the
# hierarchy that holds CONTROLLER ("v2": the cgroup2 hierarchy, whatever
# its controllers), and set LAB_CG to its path; lab_stop removes it. (Not
# in $(...): a subshell would be one more process in our cgroup.) Its
# parent: in the suite, a cgroup of the kit's subtree (kit_cgroup);
# otherwise isolab-lab.PID below our own cgroup. On v2 a cgroup has a
# controller's files only if its parent hands the controller down, which
# a cgroup may do only while it holds no process (no internal
# processes). If our own cgroup hands none down and holds only us (as
# when tools/lab was started by systemd-run --scope -p Delegate=yes), we
# move into a leaf beside the setup's cgroups, and hand it down.
lab_cgroup() {
    local ctrl=$1 base version own procs
    lab_need cgroup "$ctrl"
    read -r version _ <<<"$(cgroup_hierarchy "$ctrl")"
    if in_suite; then
        base=$(kit_cgroup "$ctrl") || return 1
    else
        own=$(cgroup_dir "$ctrl") || return 1
        if [ "$version" = v2 ] && [ "$ctrl" != v2 ] &&
            ! grep -qw "$ctrl" "$own/cgroup.subtree_control"; then
            # (mapfile, a builtin: a $(cat) would be one more process
            # of ours in there, a subshell.)
            mapfile -t procs <"$own/cgroup.procs"
            [ "${procs[*]}" = $$ ] ||
                lab_cannot "$own holds other processes too, so it cannot hand the $ctrl controller down (cgroups v2: no internal processes); start the lab in a cgroup of its own: systemd-run --user --scope -p Delegate=yes tools/lab $LAB_NAME (sudo systemd-run --scope ... as root)"
            mkdir -p "$own/isolab-lab.$$.self" &&
                echo $$ >"$own/isolab-lab.$$.self/cgroup.procs" &&
                echo "+$ctrl" >"$own/cgroup.subtree_control" || return 1
        fi
        base=$own/isolab-lab.$$
        mkdir -p "$base" || return 1
        echo "$base" >>"$LAB_DIR/.cgroups"
    fi
    # BASE holds no process: it may hand the controller down.
    if [ "$version" = v2 ] && [ "$ctrl" != v2 ] &&
        ! grep -qw "$ctrl" "$base/cgroup.subtree_control"; then
        echo "+$ctrl" >"$base/cgroup.subtree_control" || return 1
    fi
    mkdir "$base/$2" || return 1
    echo "$base/$2" >>"$LAB_DIR/.cgroups"
    # shellcheck disable=SC2034 # for the lab's own functions
    LAB_CG=$base/$2
}

# lab_start CHAPTER/NAME: build a setup of that lab (tools/labs/...).
lab_start() {
    LAB_NAME=$1
    local file=$LAB_TOP/tools/labs/$LAB_NAME.bash
    [ -f "$file" ] || {
        echo "lab: no lab $LAB_NAME ($file)" >&2
        return 2
    }
    unset -f lab_setup lab_check lab_cleanup
    # shellcheck source=/dev/null
    source "$file"
    # shellcheck disable=SC2034 # for the lab's own functions
    LAB_N=$(lab_seed)
    # In the suite: in the test's own directory, which bats removes.
    # Otherwise named by our PID, so that a later run of the suite can
    # remove what a killed tools/lab left (tests/run).
    if in_suite; then
        LAB_DIR=$(mktemp -d "$BATS_TEST_TMPDIR/isolab-lab.XXXXXX") || return 1
    else
        LAB_DIR=$(mktemp -d "${TMPDIR:-/tmp}/isolab-lab.$$.XXXXXX") || return 1
    fi
    lab_setup
}

# _lab_gone PID TRIES: wait until PID is gone, TRIES times 10 ms at most.
_lab_gone() {
    local _
    for _ in $(seq "$2"); do
        [ -d "/proc/$1" ] || return 0
        sleep 0.01
    done
    return 1
}

# lab_children PID COUNT: wait until PID has COUNT children (5 s at most):
# a shell that starts them in the background may not have started all.
lab_children() {
    local _
    for _ in $(seq 500); do
        [ "$(pgrep -c -P "$1")" -lt "$2" ] || return 0
        sleep 0.01
    done
    echo "lab: $1 has not $2 children" >&2
    return 1
}

# status_field PID KEY: the first value on the KEY: line of
# /proc/PID/status (CapEff, Seccomp...), as the student reads it there.
status_field() {
    awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"
}

# pidns_count PID: how many processes are in the PID namespace of PID.
pidns_count() {
    local ns count=0 p
    ns=$(readlink "/proc/$1/ns/pid")
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/ns/pid" 2>/dev/null)" != "$ns" ] || count=$((count + 1))
    done
    echo "$count"
}

# lab_stop: end the setup's processes, undo the rest, remove LAB_DIR. Safe
# to call twice, and after a setup that stopped halfway.
lab_stop() {
    local pid cg _
    [ -n "${LAB_DIR:-}" ] && [ -d "$LAB_DIR" ] || return 0
    if [ -f "$LAB_DIR/.pids" ]; then
        # SIGTERM first: a launcher such as isocon then ends its command
        # and removes what it made (its cgroups); SIGKILL for what is
        # left after a second.
        while read -r pid; do
            kill -TERM -- "-$pid" "$pid" 2>/dev/null || true
        done <"$LAB_DIR/.pids"
        while read -r pid; do
            _lab_gone "$pid" 100 || kill -KILL -- "-$pid" "$pid" 2>/dev/null || true
        done <"$LAB_DIR/.pids"
        # Until they are gone: a cgroup with a process in it cannot be
        # removed, and the suite checks that nothing was left behind.
        while read -r pid; do
            _lab_gone "$pid" 200 || true
        done <"$LAB_DIR/.pids"
    fi
    if declare -F lab_cleanup >/dev/null; then
        lab_cleanup
    fi
    # The setup's cgroups, each with whatever it made below, deepest first
    # (their processes are gone: rmdir removes an empty cgroup).
    if [ -f "$LAB_DIR/.cgroups" ]; then
        while read -r cg; do
            find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null || true
        done <"$LAB_DIR/.cgroups"
    fi
    rm -rf "$LAB_DIR"
    LAB_DIR=
}

# ---- the answer file ----

# answer KEY: the value on the line "KEY: VALUE" of the answer file
# (LAB_ANSWER), without the blanks around it; "" if there is none.
answer() {
    local key value
    while IFS=: read -r key value; do
        key=${key#"${key%%[![:space:]]*}"}
        key=${key%"${key##*[![:space:]]}"}
        [ "$key" = "$1" ] || continue
        value=${value#"${value%%[![:space:]]*}"}
        echo "${value%"${value##*[![:space:]]}"}"
        return 0
    done < <(grep -v '^[[:space:]]*#' "$LAB_ANSWER")
}

# words LIST: the words of LIST (blanks or commas between them), in lower
# case, sorted, each once: two lists that name the same things compare
# equal.
words() {
    tr ',[:upper:]' ' [:lower:]' <<<"$1" | tr -s ' \t' '\n' | sed '/^$/d' |
        sort -u | tr '\n' ' ' | sed 's/ $//'
}

# lab_wrong KEY HINT: the answer to KEY is not what the setup shows; HINT
# says what to look at again (never the answer).
lab_wrong() {
    local got
    got=$(answer "$1")
    if ! answered "$1"; then
        LAB_WRONG+=("$1: not answered yet. To find it: $2")
    else
        LAB_WRONG+=("$1: '$got' is not what this setup shows. Look again: $2")
    fi
}

# answered KEY: the answer file has a value for KEY, not the ? it is
# shipped with.
answered() {
    local got
    got=$(answer "$1")
    [ -n "$got" ] && [ "$got" != "?" ]
}

# expect KEY VALUE HINT: the answer to KEY must be VALUE (compared as
# words: order, case and commas do not matter).
expect() {
    if ! answered "$1" || [ "$(words "$(answer "$1")")" != "$(words "$2")" ]; then
        lab_wrong "$1" "$3"
    fi
}

# lab_grade CHAPTER/NAME ANSWER_FILE: a fresh setup, its check against
# the file, and its end; fails with one line per wrong answer.
lab_grade() {
    LAB_ANSWER=$2 LAB_WRONG=()
    [ -r "$LAB_ANSWER" ] || {
        echo "no answer file $LAB_ANSWER" >&2
        return 1
    }
    # (What the setup tells a student to look at is no news to the grader.)
    lab_start "$1" >/dev/null || return 1
    lab_check
    lab_stop
    [ "${#LAB_WRONG[@]}" -eq 0 ] && return 0
    printf '%s\n' "${LAB_WRONG[@]}" >&2
    return 1
}
