// SPDX-License-Identifier: MIT
/*
 * pidns_nest - nested PID namespaces: one PID per level
 *
 * Demonstrates: PID namespaces nest. A process has a PID in its own PID
 * namespace and in every ancestor's; the NSpid line of /proc/PID/status
 * lists them, outermost first. Each new namespace's first process is
 * PID 1 there and sees its parent as PID 0 (the parent is outside, so it
 * has no PID in this namespace).
 *
 * Usage: pidns_nest [-n LEVELS]
 *   -n LEVELS  how many nested PID namespaces to create (1 to 32;
 *              default 3); the innermost process reports at each level
 *
 * Try:
 *     $ sudo ./pidns_nest
 *     level 1: getpid() 1, getppid() 0, NSpid: 4301 1
 *     level 2: getpid() 1, getppid() 0, NSpid: 4302 2 1
 *     level 3: getpid() 1, getppid() 0, NSpid: 4303 3 2 1
 *     $ ../userns/userns_child_exec -r ./pidns_nest    # without root
 *   Observe: getpid() is 1 at every level, while NSpid grows by one PID
 *   per level. Seen from the host, the same process has the first number.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: pid_namespaces(7), clone(2), proc(5) (NSpid); TLPI 28.2.1 names the
 * CLONE_NEW* flags, no more: namespaces grew after it; course chapter 14.
 */
#define _GNU_SOURCE /* clone(), CLONE_NEWPID */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: pidns_nest [-n LEVELS]\n"
                                 "  -n LEVELS  nested PID namespaces (1-32)\n";

/* Each level's clone() child runs on a stack of its own. */
#define STACK_SIZE (256 * 1024)

/* How deep to go: the kernel allows 32 nested PID namespaces. */
static int levels = 3;

/* Each level: report, then clone the next level, and wait for it. */
static int
level(void *arg)
{
    long depth = (long)arg;
    char nspid[256];
    int status;

    /* NSpid lists our PID in each PID namespace we are in, from the
     * namespace of the /proc we read (the host's, outermost) down to
     * our own, whose PID is last: 1, since we are its first process. */
    if (proc_status_value("self", "NSpid", nspid, sizeof(nspid)) == -1)
        err_exit_child("read NSpid from /proc/self/status");
    for (char *p = nspid; *p != '\0'; p++)
        if (*p == '\t')
            *p = ' ';
    /* getpid() answers in our own namespace: 1 at every level. The
     * parent is in the namespace above, where we cannot see it: 0. */
    printf("level %ld: getpid() %ld, getppid() %ld, NSpid: %s\n", depth,
           (long)getpid(), (long)getppid(), nspid);
    fflush(stdout);
    if (depth == levels)
        return EXIT_SUCCESS;

    char *stack = malloc(STACK_SIZE);
    if (stack == NULL)
        err_exit_child("malloc");
    /* The next level: a new PID namespace below ours. Its first process
     * has a PID in each namespace above it too, one more NSpid field. */
    pid_t pid = clone(level, stack + STACK_SIZE, CLONE_NEWPID | SIGCHLD,
                      (void *)(depth + 1));
    if (pid == -1)
        err_exit_child("clone CLONE_NEWPID (level %ld)", depth + 1);
    if (waitpid(pid, &status, 0) == -1)
        err_exit_child("waitpid");
    return child_exit_status(status);
}

int
main(int argc, char *argv[])
{
    int opt, status;
    char *stack;
    pid_t pid;

    while ((opt = get_option(argc, argv, "n:h")) != -1) {
        switch (opt) {
        case 'n':
            levels = parse_ll(optarg, 10, 1, 32, "-n");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    stack = malloc(STACK_SIZE);
    if (stack == NULL)
        err_exit("malloc");
    fflush(stdout);
    /* Level 1: the first new PID namespace. Creating one needs
     * CAP_SYS_ADMIN in our user namespace, hence root or a user namespace
     * of our own. */
    pid = clone(level, stack + STACK_SIZE, CLONE_NEWPID | SIGCHLD, (void *)1L);
    if (pid == -1) {
        if (errno == EPERM)
            fatal("clone CLONE_NEWPID: needs CAP_SYS_ADMIN; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("clone CLONE_NEWPID");
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
