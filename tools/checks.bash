# SPDX-License-Identifier: MIT
# shellcheck shell=bash
#
# checks.bash - what this machine allows, in one place
#
# Sourced by tools/doctor (which prints every check) and by the test
# harness (whose `require` skips a test with the same words). Each check_*
# function returns 0 when the requirement is met; otherwise it returns 1
# and sets:
#   CHECK_MSG  what is missing, in one line
#   CHECK_FIX  the exact command or setting that fixes it ("" if none)
# Checks are cheap (no package manager calls) so tests can use them.

# setcap, getcap, capsh and chroot live in /usr/sbin and /sbin, which an
# ordinary user's PATH lacks on Debian: the doctor, deps and the suite
# look there too.
case ":$PATH:" in
*:/usr/sbin:*) ;;
*) PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin ;;
esac

# shellcheck disable=SC2034 # CHECK_MSG and CHECK_FIX are for the caller
CHECK_MSG=""
CHECK_FIX=""

# shellcheck disable=SC2034
_fail() {
    CHECK_MSG=$1
    CHECK_FIX=${2:-}
    return 1
}

check_root() {
    [ "$(id -u)" -eq 0 ] || _fail "needs root (this runs as $(id -un))" \
        "run it as root, or the chapter's rootless variant under a user namespace"
}

check_nonroot() {
    [ "$(id -u)" -ne 0 ] || _fail "needs an unprivileged user" \
        "run it as an ordinary user (make check-rootless does, as root)"
}

check_cmd() {
    command -v "$1" >/dev/null 2>&1 || _fail "the command $1 is missing" \
        "make deps"
}

# check_kernel X.Y: the running kernel is X.Y or later.
check_kernel() {
    local want=$1 have major minor
    have=$(uname -r)
    major=${have%%.*}
    minor=${have#*.}
    minor=${minor%%[!0-9]*}
    if [ "$major" -gt "${want%%.*}" ] ||
        { [ "$major" -eq "${want%%.*}" ] && [ "$minor" -ge "${want#*.}" ]; }; then
        return 0
    fi
    _fail "needs Linux $want or later (this is $have)" ""
}

# Ubuntu 23.10 and later: AppArmor gives an unprivileged process's new user
# namespace no capability unless a profile grants it `userns`.
apparmor_restricts_userns() {
    local f=/proc/sys/kernel/apparmor_restrict_unprivileged_userns
    [ -r $f ] && [ "$(cat $f)" = 1 ]
}

# Unprivileged user namespaces can be switched off in three ways; name the
# one that is in force.
check_userns() {
    local f
    [ -e /proc/self/ns/user ] ||
        _fail "the kernel has no user namespaces (CONFIG_USER_NS)" "" || return 1
    # Ubuntu 23.10 and later: unshare(CLONE_NEWUSER) still succeeds, but
    # the namespace gets no capability (uid_map, setgroups: EPERM) unless
    # an AppArmor profile grants `userns` to the program. So this is
    # asked before trying, and root is no exception for the rootless runs.
    if apparmor_restricts_userns; then
        "$(dirname "${BASH_SOURCE[0]}")/apparmor" status >/dev/null && return 0
        _fail "AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1) and this checkout has no profile" \
            "sudo make apparmor (a profile for this checkout's programs only; make apparmor-remove takes it away), or for every program: sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"
        return 1
    fi
    if unshare --user --map-root-user true 2>/dev/null; then
        return 0
    fi
    f=/proc/sys/user/max_user_namespaces
    if [ -r $f ] && [ "$(cat $f)" = 0 ]; then
        _fail "user namespaces are disabled: user.max_user_namespaces = 0" \
            "sysctl -w user.max_user_namespaces=15000"
        return 1
    fi
    f=/proc/sys/kernel/unprivileged_userns_clone
    if [ -r $f ] && [ "$(cat $f)" = 0 ]; then
        _fail "unprivileged user namespaces are disabled: kernel.unprivileged_userns_clone = 0" \
            "sysctl -w kernel.unprivileged_userns_clone=1"
        return 1
    fi
    _fail "cannot create a user namespace (unshare --user failed; inside a container, the runtime may forbid it)" ""
}

# util-linux unshare -r, which tests compare the kit's launchers with: on
# Ubuntu it may be refused while the kit's own programs (with `make
# apparmor`) are not.
check_util_userns() {
    unshare --user --map-root-user true 2>/dev/null ||
        _fail "util-linux unshare -r cannot create a user namespace here (where AppArmor restricts them, only programs with a profile may, such as this checkout's after make apparmor): nothing to compare with" ""
}

check_timens() {
    [ -e /proc/self/ns/time ] ||
        _fail "the kernel has no time namespaces (needs Linux 5.6, CONFIG_TIME_NS)" ""
}

check_seccomp() {
    grep -q '^Seccomp:' /proc/self/status 2>/dev/null ||
        _fail "the kernel has no seccomp (CONFIG_SECCOMP)" "" || return 1
    [ -r /proc/sys/kernel/seccomp/actions_avail ] ||
        _fail "the kernel has no seccomp filters (CONFIG_SECCOMP_FILTER)" ""
}

# The C library reads the clocks without a system call (through the
# vDSO) only where the clock source can be read from user space; some
# virtual machines' cannot (an emulated one's hpet, say).
check_vdso_clock() {
    local cs
    cs=$(cat /sys/devices/system/clocksource/clocksource0/current_clocksource 2>/dev/null)
    case $cs in
    tsc | kvm-clock | arch_sys_counter | hyperv_clocksource_tsc_page) ;;
    *) _fail "the clock source (${cs:-unknown}) is read through system calls, not the vDSO" "" ;;
    esac
}

seccomp_actions() {
    cat /proc/sys/kernel/seccomp/actions_avail 2>/dev/null
}

# ---- cgroups ----
# cgroup_hierarchy CONTROLLER: print "VERSION MOUNTPOINT ROOT" of the
# hierarchy that holds CONTROLLER (v1: mounted with it as an option; v2: in
# the root's cgroup.controllers). ROOT is the mount's root within the
# hierarchy (field 4 of mountinfo).
cgroup_hierarchy() {
    local want=$1 root mnt rest fstype superopts
    # mountinfo: ID PARENT DEV ROOT MOUNTPOINT OPTIONS ... - FSTYPE SOURCE SUPEROPTS
    while read -r _ _ _ root mnt rest; do
        rest=${rest#*- }
        read -r fstype _ superopts <<<"$rest"
        case $fstype in
        cgroup)
            case ",$superopts," in
            *",$want,"* | *",name=${want#name=},"*)
                echo "v1 $mnt $root"
                return 0
                ;;
            esac
            ;;
        cgroup2)
            # "v2": the cgroup2 hierarchy itself, whatever its controllers.
            if [ "$want" = v2 ] ||
                grep -qw -- "$want" "$mnt/cgroup.controllers" 2>/dev/null; then
                echo "v2 $mnt $root"
                return 0
            fi
            ;;
        esac
    done </proc/self/mountinfo
    return 1
}

# cgroup_layout: v1, v2 or hybrid, from what is mounted.
cgroup_layout() {
    local v1 v2
    v1=$(awk '$0 ~ / - cgroup / {n++} END {print n+0}' /proc/self/mountinfo)
    v2=$(awk '$0 ~ / - cgroup2 / {n++} END {print n+0}' /proc/self/mountinfo)
    if [ "$v1" -gt 0 ] && [ "$v2" -gt 0 ]; then
        echo hybrid
    elif [ "$v1" -gt 0 ]; then
        echo v1
    elif [ "$v2" -gt 0 ]; then
        echo v2
    else
        echo none
    fi
}

# cgroup_current VERSION CONTROLLER: this process's cgroup path within the
# hierarchy, from /proc/self/cgroup.
cgroup_current() {
    local version=$1 want=$2 num ctrls path
    while IFS=: read -r num ctrls path; do
        if [ "$version" = v2 ] && [ "$num" = 0 ] && [ -z "$ctrls" ]; then
            echo "$path"
            return 0
        fi
        if [ "$version" = v1 ] && [[ ",$ctrls," == *",$want,"* ]]; then
            echo "$path"
            return 0
        fi
    done </proc/self/cgroup
    return 1
}

# cgroup_dir CONTROLLER: the directory of this process's own cgroup in the
# hierarchy that holds CONTROLLER, as seen through this mount namespace.
cgroup_dir() {
    local version mnt root path
    read -r version mnt root <<<"$(cgroup_hierarchy "$1")" || return 1
    [ -n "$version" ] || return 1
    path=$(cgroup_current "$version" "$1") || return 1
    # The mount shows the hierarchy from ROOT down: strip it from the path.
    [ "$root" = / ] || path=${path#"$root"}
    echo "$mnt${path%/}"
}

check_cgroup() {
    local ctrl=$1 dir
    if ! cgroup_hierarchy "$ctrl" >/dev/null; then
        _fail "no cgroup hierarchy holds the $ctrl controller" ""
        return 1
    fi
    dir=$(cgroup_dir "$ctrl") ||
        _fail "cannot find this process's cgroup in the $ctrl hierarchy" "" ||
        return 1
    [ -w "$dir" ] || _fail "cannot create cgroups in $dir (needs root or a delegated subtree)" \
        "run as root, or ask for a delegated subtree (systemd-run --user --scope -p Delegate=yes)" ||
        return 1
    # Pure v2 (tests/run): the controller must reach the kit's subtree.
    [ "$ctrl" != v2 ] && [ "$(cgroup_hierarchy "$ctrl" | cut -d' ' -f1)" = v2 ] ||
        return 0
    [ -z "${ISOLAB_CG2_SKIP:-}" ] || _fail "$ISOLAB_CG2_SKIP" "" || return 1
    if [ -n "${ISOLAB_CG2_BASE:-}" ] &&
        ! grep -qw -- "$ctrl" "$ISOLAB_CG2_BASE/cgroup.subtree_control"; then
        _fail "the $ctrl controller is not delegated to this cgroup ($(dirname "$ISOLAB_CG2_BASE") has: $(cat "$(dirname "$ISOLAB_CG2_BASE")/cgroup.controllers"))" \
            "as a user, have systemd delegate it: a drop-in for user@.service with Delegate=cpu cpuset io memory pids (cgroups/README.md)"
    fi
}

# ---- libraries, tools and the file system ----
BATS_LIB_DIRS="${BATS_LIB_PATH:-} /usr/lib/bats /usr/local/lib/bats /usr/share/bats /usr/lib/node_modules /opt/homebrew/lib"

bats_lib_dir() {
    local d
    for d in $BATS_LIB_DIRS; do
        if [ -f "$d/bats-assert/src/assert.bash" ] &&
            [ -f "$d/bats-support/src/output.bash" ] &&
            [ -f "$d/bats-file/src/file.bash" ]; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

check_bats() {
    command -v bats >/dev/null 2>&1 || _fail "bats is missing" "make deps" ||
        return 1
    bats_lib_dir >/dev/null ||
        _fail "bats-support, bats-assert or bats-file is missing" "make deps"
}

check_libcap_dev() {
    [ -f /usr/include/sys/capability.h ] ||
        _fail "the libcap headers are missing (sys/capability.h)" "make deps"
}

check_libseccomp_dev() {
    [ -f /usr/include/seccomp.h ] ||
        _fail "the libseccomp headers are missing (seccomp.h)" "make deps"
}

busybox_static() {
    local b
    for b in /bin/busybox /usr/bin/busybox /usr/lib/busybox-static/busybox; do
        if [ -x "$b" ] && ! ldd "$b" >/dev/null 2>&1; then
            echo "$b"
            return 0
        fi
    done
    return 1
}

check_busybox() {
    busybox_static >/dev/null ||
        _fail "busybox-static is missing (a statically linked busybox)" "make deps"
}

# check_suid_fs DIR: set-UID bits and file capabilities work on DIR's
# file system (it is not mounted nosuid).
check_suid_fs() {
    local dir=${1:-.} opts
    opts=$(findmnt -n -o OPTIONS -T "$dir" 2>/dev/null) || opts=""
    case ",$opts," in
    *,nosuid,*)
        _fail "$(findmnt -n -o TARGET -T "$dir") is mounted nosuid: set-UID bits and file capabilities are ignored there" \
            "put the checkout on a file system without nosuid (not /tmp on many systems)"
        return 1
        ;;
    esac
}

# Where is this running? Prints "container (docker)", "WSL" or "host".
runtime_environment() {
    if grep -qi microsoft /proc/version 2>/dev/null; then
        echo "WSL"
    elif [ -e /.dockerenv ]; then
        echo "container (docker)"
    elif [ -e /run/.containerenv ]; then
        echo "container (podman)"
    elif command -v systemd-detect-virt >/dev/null &&
        systemd-detect-virt -c -q 2>/dev/null; then
        echo "container ($(systemd-detect-virt -c))"
    else
        echo "host"
    fi
}
