// SPDX-License-Identifier: MIT
/*
 * my_unshare - your own unshare(1): new namespaces, then a command
 *
 * Exercise (see exercises/namespaces/README.md, "my_unshare"): this
 * skeleton parses the options and runs the command, but creates no
 * namespace and ignores -f. Fill in the TODO(my_unshare) part.
 *
 * Usage: my_unshare [-imnpuU] [-f] [--] CMD [ARG...]
 *   -i -m -n -p -u -U  new IPC, mount, network, PID, UTS and user
 *                      namespaces
 *   -f  fork, and run CMD in the child
 *   The exit status is CMD's.
 *
 * Try:
 *     $ sudo ./my_unshare -pf sh -c 'echo $$'
 *     $ make grade EX=namespaces/my_unshare      # from the top of the kit
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

    /* TODO(my_unshare): unshare() the namespaces in FLAGS; in a new
     * mount namespace, make every mount private at once; with -f, fork
     * and run the command in the child, the parent waiting and passing
     * on its status. */
    (void)flags;
    (void)do_fork;
    (void)status;
    (void)pid;
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
