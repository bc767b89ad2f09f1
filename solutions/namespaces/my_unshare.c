// SPDX-License-Identifier: MIT
/*
 * my_unshare - your own unshare(1): new namespaces, then a command
 *
 * Demonstrates: unshare(2) with the flags the options name; a new mount
 * namespace made private at once, so nothing done in it reaches the
 * host's; and -f, the fork that a new PID namespace needs before its
 * first member exists.
 *
 * Usage: my_unshare [-imnpuU] [-f] [--] CMD [ARG...]
 *   -i -m -n -p -u -U  new IPC, mount, network, PID, UTS and user
 *                      namespaces
 *   -f  fork, and run CMD in the child
 *   The exit status is CMD's.
 *
 * Try:
 *     $ sudo ./my_unshare -u sh -c 'hostname inside; hostname'
 *     inside
 *     $ sudo ./my_unshare -pf sh -c 'echo $$'
 *     1
 *     $ ../../userns/userns_child_exec -r ./my_unshare -pf sh -c 'echo $$'
 *     1
 *   Observe: without -f, the shell of -p would not be in the new PID
 *   namespace: only its children would.
 *
 * Needs: CAP_SYS_ADMIN for all but -U: root, or root in a user namespace.
 *
 * See also: unshare(2), unshare(1), namespaces(7); TLPI 28.2.1 names the
 * CLONE_NEW* flags, no more: namespaces grew after it; course chapter 16.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEW* */
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: my_unshare [-imnpuU] [-f] [--] CMD [ARG...]\n"
    "  -i -m -n -p -u -U  new IPC, mount, network, PID, UTS and user\n"
    "                     namespaces\n"
    "  -f  fork, and run CMD in the child\n";

int
main(int argc, char *argv[])
{
    bool do_fork = false;
    int opt, flags = 0, status;
    pid_t pid;

    while ((opt = get_option(argc, argv, "+imnpuUfh")) != -1) {
        switch (opt) {
        case 'i':
            flags |= CLONE_NEWIPC;
            break;
        case 'm':
            flags |= CLONE_NEWNS;
            break;
        case 'n':
            flags |= CLONE_NEWNET;
            break;
        case 'p':
            flags |= CLONE_NEWPID;
            break;
        case 'u':
            flags |= CLONE_NEWUTS;
            break;
        case 'U':
            flags |= CLONE_NEWUSER;
            break;
        case 'f':
            do_fork = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    if (unshare(flags) == -1)
        err_exit("unshare");
    /* Private first: mounts made in here must not reach the host. */
    if ((flags & CLONE_NEWNS) &&
        mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit("mount --make-rprivate /");

    if (do_fork) {
        fflush(stdout);
        pid = fork();
        if (pid == -1)
            err_exit("fork");
        if (pid != 0) {
            if (waitpid(pid, &status, 0) == -1)
                err_exit("waitpid");
            return child_exit_status(status);
        }
    }
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
