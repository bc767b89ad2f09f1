// SPDX-License-Identifier: MIT
/*
 * mini_pivot - a minimal pivot_root launcher, to harden later
 *
 * Exercise (see exercises/mounts/README.md, "mini_pivot"): this skeleton
 * creates the namespaces, writes the maps and runs the command, but never
 * leaves the host's root. Fill in the TODO(mini_pivot) part: the steps
 * that make ROOT the command's "/".
 *
 * Usage: mini_pivot ROOT CMD [ARG...]
 *   ROOT must hold an empty directory "oldroot" (make rootfs builds one).
 *   The exit status is CMD's.
 *
 * Try:
 *     $ ./mini_pivot ../../build/rootfs sh -c 'ls /; echo $$'
 *     $ make grade EX=mounts/mini_pivot      # from the top of the kit
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
    /* TODO(mini_pivot): make every mount private; bind ROOT onto itself;
     * mount proc on ROOT/proc (while the host's /proc is still in view);
     * chdir into ROOT and pivot_root(".", "oldroot"); chdir("/"); detach
     * the old root with umount2(..., MNT_DETACH). */
    (void)root;
    (void)proc;
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
