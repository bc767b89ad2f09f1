// SPDX-License-Identifier: MIT
/*
 * mini_pivot - a minimal pivot_root launcher, to harden later
 *
 * Demonstrates: the five steps that give a process a root file system of
 * its own, in new user, mount and PID namespaces: make every mount
 * private; bind the new root onto itself (pivot_root wants a mount
 * point); mount proc for the new PID namespace while a proc is still in
 * view; pivot_root(".", "oldroot") from inside the new root; detach the
 * old root. mounts/pivot_shell is the same with devices and a hostname;
 * the capstone container adds the rest (cgroups, capabilities, seccomp).
 *
 * Usage: mini_pivot ROOT CMD [ARG...]
 *   ROOT must hold an empty directory "oldroot" (make rootfs builds one).
 *   The exit status is CMD's.
 *
 * Try:
 *     $ ./mini_pivot ../../build/rootfs sh -c 'ls /; echo $$'
 *     bin  dev  etc  oldroot  proc  root  sys  tmp
 *     1
 *   Observe: the busybox tree is "/", and the shell is PID 1.
 *
 * Needs: Linux 5.3; unprivileged user namespaces (or root).
 *
 * See also: pivot_root(2), mount_namespaces(7); TLPI 18.12 for chroot();
 * pivot_root is not in it; course chapter 19.
 */
#define _GNU_SOURCE /* CLONE_NEW* */
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] = "Usage: mini_pivot ROOT CMD [ARG...]\n";

/* In the new namespaces: enter ROOT, then become the command. */
static noreturn void
child(int sync, const char *root, char *cmd[])
{
    char proc[PATH_MAX + 8], c;

    if (read(sync, &c, 1) == -1) /* end of file: the maps are written */
        err_exit_child("read");
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit_child("mount --make-rprivate /");
    if (mount(root, root, NULL, MS_BIND | MS_REC, NULL) == -1)
        err_exit_child("bind %s onto itself", root);
    snprintf(proc, sizeof(proc), "%s/proc", root);
    if (mount("proc", proc, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) ==
        -1)
        err_exit_child("mount proc on %s", proc);
    if (chdir(root) == -1)
        err_exit_child("chdir %s", root);
    if (sys_pivot_root(".", "oldroot") == -1)
        err_exit_child("pivot_root . oldroot");
    if (chdir("/") == -1)
        err_exit_child("chdir /");
    if (umount2("/oldroot", MNT_DETACH) == -1)
        err_exit_child("umount /oldroot");
    execvp(cmd[0], cmd);
    exec_failed(cmd[0]);
}

int
main(int argc, char *argv[])
{
    struct clone_args args = {
        .flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID,
        .exit_signal = SIGCHLD,
    };
    char root[PATH_MAX], pidstr[32];
    int sync[2], opt, status;
    long pid;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind < 2)
        usage(EXIT_USAGE, usage_text);
    if (realpath(argv[optind], root) == NULL)
        err_exit("%s", argv[optind]);

    if (pipe(sync) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3");
    if (pid == 0) {
        close(sync[1]);
        child(sync[0], root, &argv[optind + 1]);
    }
    close(sync[0]);
    snprintf(pidstr, sizeof(pidstr), "%ld", pid);
    map_root(pidstr, geteuid(), getegid());
    close(sync[1]);

    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
