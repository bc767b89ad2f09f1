// SPDX-License-Identifier: MIT
/*
 * demo_setns_user - join an existing user namespace, and what that grants
 *
 * Demonstrates: setns() on a /proc/PID/ns/user file moves the caller into
 * that user namespace. The kernel allows it only to a process with
 * CAP_SYS_ADMIN in the target namespace, which the owner rule gives to the
 * user who created it, and only to a single-threaded process. The joiner
 * then holds every capability in the namespace (as a new member created
 * there would), and its IDs are read through the namespace's maps.
 *
 * Usage: demo_setns_user PID [CMD [ARG...]]
 *   Join the user namespace of process PID, print the IDs and effective
 *   capabilities before and after, then run CMD there if one is given.
 *
 * Try:
 *     $ ./userns_child_exec -r sleep 60 &
 *     $ sleep 1; ./demo_setns_user $(pgrep -P $!) id -u     # its child
 *     before: euid 1000, CapEff 0000000000000000
 *     after: euid 0, CapEff 000001ffffffffff
 *     0
 *     $ ./demo_setns_user $$
 *     before: euid 1000, CapEff 0000000000000000
 *     demo_setns_user: setns /proc/4242/ns/user: Invalid argument (EINVAL)
 *     $ ./demo_setns_user 1
 *     demo_setns_user: open /proc/1/ns/user: Permission denied (EACCES)
 *   Observe: joining the namespace your UID created costs nothing and
 *   grants everything in it. The one you are in cannot be joined again
 *   (EINVAL); another user's process does not even let you open its
 *   namespace files (EACCES: that takes the right to ptrace it); and
 *   without CAP_SYS_ADMIN in the target, setns() says EPERM.
 *
 * Needs: Linux 3.8; unprivileged user namespaces to make one to join.
 *
 * See also: setns(2), user_namespaces(7) ("Joining a user namespace"); TLPI has
 * no user namespaces (complete in Linux 3.8, after it); course chapter 17.
 */
#define _GNU_SOURCE /* setns(), CLONE_NEWUSER */
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_setns_user PID [CMD [ARG...]]\n";

/* Our effective UID and capabilities, as the kernel sees them now. */
static void
show(const char *when)
{
    char cap[64];

    if (proc_status_value("self", "CapEff", cap, sizeof(cap)) == -1)
        err_exit("read CapEff from /proc/self/status");
    printf("%s: euid %ld, CapEff %s\n", when, (long)geteuid(), cap);
}

int
main(int argc, char *argv[])
{
    char path[64];
    int opt, fd;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);
    snprintf(path, sizeof(path), "/proc/%lld/ns/user",
             parse_ll(argv[optind], 10, 1, INT_MAX, "PID"));

    /* A namespace is named by a file: /proc/PID/ns/user. Opening it
     * needs only the right to inspect PID (ptrace's read check). */
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        err_exit("open %s", path);
    show("before");
    /* Joining a user namespace needs CAP_SYS_ADMIN in it: which its
     * owner's processes outside have, as the parent namespace's view of
     * its child. Inside, we get every capability, as its creator did.
     * (CLONE_NEWUSER: EINVAL if FD is not a user namespace; EINVAL too
     * for the namespace we are in already.) */
    if (setns(fd, CLONE_NEWUSER) == -1)
        err_exit("setns %s", path);
    close(fd);
    show("after");

    if (optind + 1 < argc) {
        fflush(stdout);
        /* The capabilities are lost across execve() unless the command
         * is root in the namespace: id -u shows 0 when our UID is mapped
         * to root there. */
        execvp(argv[optind + 1], &argv[optind + 1]);
        exec_failed(argv[optind + 1]);
    }
    return EXIT_SUCCESS;
}
