#!/bin/sh
# SPDX-License-Identifier: MIT
# strace exercise "pipeline" (see exercises/proclife/README.md).
# -f follows every child; -e trace=process selects the process lifecycle
# calls (clone, fork, vfork, execve, wait4, exit_group, ...); -e
# signal=none drops the "--- SIGCHLD" lines; -qq drops "+++ exited".
exec strace -f -qq -e trace=process -e signal=none sh -c 'echo hello | wc -c'
