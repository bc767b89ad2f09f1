#!/bin/bash
# SPDX-License-Identifier: MIT
#
# syscall_list.sh - the system calls a command makes, one name per line
#
# Demonstrates: the first step towards an allowlist. strace follows the
# command and its children (-f) and writes every call to a log; the
# names are pulled out, sorted and made unique. The list holds only what
# this run did: another input, option or error path may need more, which
# is why an allowlist is built from runs that cover the program's work.
#
# Usage: syscall_list.sh LIST CMD [ARG...]
#   writes the names to LIST; CMD's own output is untouched
#
# Try:
#     $ ./syscall_list.sh ls.list ls /
#     $ wc -l ls.list; head -3 ls.list
#     $ ./seccomp_allow ls.list ls /                    # works
#     $ grep -v getdents64 ls.list > less.list
#     $ ./seccomp_allow less.list ls /
#     ls: reading directory '/': State not recoverable
#   Observe: about 25 calls for ls; take one away and the program fails
#   at that call with the launcher's conspicuous error.
#
# Needs: strace.
#
# See also: strace(1) -f -o, seccomp_allow.c; course chapter 21.
set -euo pipefail

usage() {
    echo "Usage: syscall_list.sh LIST CMD [ARG...]"
    echo "  writes the names to LIST; CMD's own output is untouched"
}
case ${1:-} in
-h) usage; exit 0 ;;
-*) usage >&2; exit 2 ;;
esac
[ $# -ge 2 ] || { usage >&2; exit 2; }
command -v strace >/dev/null || {
    echo "syscall_list.sh: strace is not installed (make deps)" >&2
    exit 1
}

list=$1
shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# -qq: no "attached"/"exited" lines. The command's status is passed on.
status=0
strace -f -qq -o "$log" -- "$@" || status=$?

# Lines look like "1234 openat(AT_FDCWD, ...) = 3"; resumed calls
# ("<... read resumed>") were already seen when they started.
sed -n 's/^[0-9]\+ \+\([a-z0-9_]\+\)(.*/\1/p' "$log" | sort -u >"$list"
echo "syscall_list.sh: $(wc -l <"$list") system calls written to $list" >&2
exit "$status"
