// SPDX-License-Identifier: MIT
/*
 * ns_child_exec - clone() a child in new namespaces and run a command there
 *
 * Demonstrates: clone() with CLONE_NEW* flags: the child starts its life
 * in the new namespaces (for CLONE_NEWPID it is PID 1 there, at once,
 * unlike after unshare()). The parent waits and passes the command's
 * status on. It writes no ID maps: with -U the child is the overflow
 * user 65534 (see ../userns/userns_child_exec, which does write them).
 *
 * Usage: ns_child_exec [-CimnpuU] [--] CMD [ARG...]
 *   -C -i -m -n -p -u -U  new cgroup, IPC, mount, network, PID, UTS and
 *               user namespaces (a time namespace needs clone3() or
 *               unshare(): clone() has no room for its flag)
 *
 * Try:
 *     $ sudo ./ns_child_exec -pu sh -c 'echo $$; hostname box; hostname'
 *     1
 *     box
 *     $ ./ns_child_exec -U id -u
 *     65534
 *     $ ls -l /proc/self/ns | grep uts
 *     lrwxrwxrwx 1 ... uts -> uts:[4026531838]
 *   Observe: PID 1 at once; a hostname that the host does not see; and in
 *   a user namespace without maps, the overflow UID.
 *
 * Needs: CAP_SYS_ADMIN for the namespaces other than user: root.
 *
 * See also: clone(2), namespaces(7), pid_namespaces(7); TLPI 28.2.1 names the
 * CLONE_NEW* flags, no more: namespaces grew after it; course chapter 16.
 */
#define _GNU_SOURCE /* clone(), CLONE_NEW* */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: ns_child_exec [-CimnpuU] [--] CMD [ARG...]\n"
    "  -C -i -m -n -p -u -U  new cgroup, IPC, mount, network, PID, UTS and\n"
    "              user namespaces\n";

/* clone() runs the child on a stack we give it: a megabyte is plenty
 * for a function that only calls execvp(). */
#define STACK_SIZE (1024 * 1024)

/* The child, already in its new namespaces: become the command. The
 * namespaces stay across execve(); they are the process's, not the
 * program's. */
static int
child(void *arg)
{
    char **cmd = arg;

    execvp(cmd[0], cmd);
    exec_failed(cmd[0]);
}

int
main(int argc, char *argv[])
{
    int opt, flags = 0, status;
    char *stack;
    pid_t pid;

    while ((opt = get_option(argc, argv, "+CimnpuUh")) != -1) {
        switch (opt) {
        case 'C':
            flags |= CLONE_NEWCGROUP;
            break;
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
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    /* The child runs on this stack, from its top (stacks grow down). */
    stack = malloc(STACK_SIZE);
    if (stack == NULL)
        err_exit("malloc");
    /* (Flushed: the child must not write our buffered output again.)
     * clone() makes the child in new namespaces of each kind FLAGS names,
     * all at once; with CLONE_NEWUSER the others are owned by the new
     * user namespace, and so an unprivileged user may make them all in
     * one call. SIGCHLD in the low byte: the signal the child's end sends
     * us, which waitpid() needs to see it as an ordinary child. */
    fflush(stdout);
    pid = clone(child, stack + STACK_SIZE, flags | SIGCHLD, &argv[optind]);
    if (pid == -1) {
        if (flags & CLONE_NEWUSER)
            userns_failed("clone");
        if (errno == EPERM)
            fatal("clone: needs CAP_SYS_ADMIN; run as root, or under "
                  "../userns/userns_child_exec -r");
        err_exit("clone");
    }
    /* The namespaces live while a process is in them (or something holds
     * them open): when the command ends, they are gone. */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    free(stack);
    return child_exit_status(status);
}
