// SPDX-License-Identifier: MIT
/*
 * demo_uts - a child in a new UTS namespace changes its hostname
 *
 * Demonstrates: the simplest namespace. clone(CLONE_NEWUTS) puts the
 * child in a new UTS namespace, a copy of the parent's hostname and NIS
 * domain name. When the child changes its hostname, the parent's does not
 * change: they are two namespaces now, with two inode numbers in
 * /proc/PID/ns/uts.
 *
 * Usage: demo_uts [HOSTNAME]
 *   The child sets HOSTNAME (default "isolab-child"), then both report.
 *
 * Try:
 *     $ sudo ./demo_uts box
 *     child: uts ns: 4026532451
 *     child: hostname: box
 *     parent: uts ns: 4026531838
 *     parent: hostname: ...
 *     $ ../userns/userns_child_exec -r ./demo_uts box     # no root needed
 *     child: uts ns: 4026532452
 *     child: hostname: box
 *     parent: uts ns: 4026531838
 *     parent: hostname: ...
 *     $ ls -l /proc/self/ns/uts
 *     lrwxrwxrwx 1 ... /proc/self/ns/uts -> 'uts:[4026531838]'
 *   Observe: two inode numbers, two hostnames. Rootless, it runs inside a
 *   user namespace, which owns the new UTS namespace and so lets its root
 *   change the hostname there.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: namespaces(7), uts_namespaces(7), clone(2), sethostname(2); TLPI
 * 28.2.1 names the CLONE_NEW* flags, no more: namespaces grew after it; course
 * chapter 12.
 */
#define _GNU_SOURCE /* clone(), CLONE_NEWUTS */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_uts [HOSTNAME]\n";

#define STACK_SIZE (256 * 1024)

/* Print "WHO: uts ns: INODE" and "WHO: hostname: NAME". */
static void
report(const char *who)
{
    char name[HOST_NAME_MAX + 1];
    struct stat sb;

    if (stat("/proc/self/ns/uts", &sb) == -1)
        err_exit("stat /proc/self/ns/uts");
    if (gethostname(name, sizeof(name)) == -1)
        err_exit("gethostname");
    printf("%s: uts ns: %ju\n", who, (uintmax_t)sb.st_ino);
    printf("%s: hostname: %s\n", who, name);
    fflush(stdout);
}

/* The child: its own UTS namespace from the start. */
static int
child(void *arg)
{
    const char *hostname = arg;

    if (sethostname(hostname, strlen(hostname)) == -1)
        err_exit_child("sethostname");
    report("child");
    return EXIT_SUCCESS;
}

int
main(int argc, char *argv[])
{
    const char *hostname = "isolab-child";
    int opt, status;
    char *stack;
    pid_t pid;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind > 1)
        usage(EXIT_USAGE, usage_text);
    if (optind < argc)
        hostname = argv[optind];
    if (strlen(hostname) > HOST_NAME_MAX)
        usage_err("HOSTNAME: longer than %d characters", HOST_NAME_MAX);

    /* clone() runs CHILD on a stack we give it; stacks grow down on
     * every architecture Linux runs on but one, so pass its top. */
    stack = malloc(STACK_SIZE);
    if (stack == NULL)
        err_exit("malloc");
    fflush(stdout);
    pid = clone(child, stack + STACK_SIZE, CLONE_NEWUTS | SIGCHLD,
                (void *)hostname);
    if (pid == -1) {
        if (errno == EPERM)
            fatal("clone CLONE_NEWUTS: needs CAP_SYS_ADMIN; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("clone");
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    report("parent");
    free(stack);
    return child_exit_status(status);
}
