// SPDX-License-Identifier: MIT
/*
 * cgroup_pids_demo - a pids.max limit stops fork() with EAGAIN
 *
 * Demonstrates: the pids controller. The program creates a cgroup, sets
 * pids.max to MAX, moves itself in, and forks children (which wait)
 * until fork() fails. The limit counts every task in the cgroup, threads
 * and the program itself included, so MAX - 1 forks succeed; the failing
 * one gets EAGAIN, and pids.events counts it. Then it ends the children,
 * moves itself back out and removes the cgroup. It works with the pids
 * controller in cgroups v2 or v1, and says which.
 *
 * Usage: cgroup_pids_demo [-n MAX] [-P PARENT] [-V 1|2]
 *   -n MAX     the limit (5)
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2     use only a v1 or a v2 hierarchy
 *
 * Try (cgroup v2, systemd, the test guest): (a cgroup of its own: see README)
 *     $ sudo systemd-run --scope -p Delegate=yes ./cgroup_pids_demo
 *     Running scope as unit: run-r....scope
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     cgroup: /sys/fs/cgroup/system.slice/run-r....scope/isolab.cgroup_pids_demo.4242
 *     pids.max: 5
 *     forks: 4, then fork: Resource temporarily unavailable (EAGAIN)
 *     pids.current: 5
 *     pids.events max: 1
 *     removed: /sys/fs/cgroup/system.slice/run-r....scope/isolab.cgroup_pids_demo.4242
 *   Observe: a fork bomb inside such a cgroup stops at MAX tasks and
 *   harms nothing outside it.
 *
 * Needs: root, or a cgroup delegated to you (-P, or systemd-run --user
 * --scope -p Delegate=yes); the pids controller. On v2, a cgroup of its
 * own: from a login shell's session scope it exits with 77, naming the
 * rule and the command.
 *
 * See also: cgroups(7), the kernel's Documentation/admin-guide/cgroup-v2.rst
 * (PID) and cgroup-v1/pids.rst; TLPI has no cgroups (v1 is not in it, v2 came
 * after it); course chapters 22 and 23.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_pids_demo [-n MAX] [-P PARENT] [-V 1|2]\n"
    "  -n MAX     the limit (5)\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2     use only a v1 or a v2 hierarchy\n";

#define MAX_CHILDREN 1000

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX], value[64];
    pid_t children[MAX_CHILDREN], pid;
    int opt, version = 0, max = 5, n = 0, i, fork_errno = 0;
    struct cg_hier h;

    while ((opt = get_option(argc, argv, "n:P:V:h")) != -1) {
        switch (opt) {
        case 'n':
            max = parse_ll(optarg, 10, 1, MAX_CHILDREN, "-n");
            break;
        case 'P':
            parent = optarg;
            break;
        case 'V':
            version = parse_ll(optarg, 10, 1, 2, "-V");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    cg_need("pids", version, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    printf("cgroup: %s\n", cg);
    /* The limit first, then ourselves in: never a moment inside
     * without it. */
    if (cg_write(cg, "pids.max", "%d", max) == -1 || cg_move(cg, 0) == -1) {
        err_warn("set up %s", cg);
        cg_remove(cg);
        return EXIT_FAILURE;
    }
    /* We are inside now: every fork() from here on is counted. */
    printf("pids.max: %d\n", max);
    fflush(stdout);

    /* Fork until the limit says no. Each child only waits to be ended.
     * pids.max counts every task in the cgroup, threads included, and we
     * are in it ourselves: MAX - 1 children fit. The refused fork()
     * fails with EAGAIN, as at RLIMIT_NPROC, and pids.events counts it. */
    while (n < MAX_CHILDREN) {
        pid = fork();
        if (pid == -1) {
            fork_errno = errno;
            break;
        }
        if (pid == 0) {
            pause();
            _exit(EXIT_SUCCESS);
        }
        children[n++] = pid;
    }
    printf("forks: %d, then fork: %s (%s)\n", n, strerror(fork_errno),
           errno_name(fork_errno));
    if (cg_read(cg, "pids.current", value, sizeof(value)) == 0)
        printf("pids.current: %s\n", value);
    printf("pids.events max: %lld\n", cg_key(cg, "pids.events", "max"));

    /* Clean up: children, then ourselves back to our own cgroup (not its
     * parent: with -P that is elsewhere, and on v2 a cgroup that hands
     * controllers down may hold no process), then the
     * cgroup, which must be empty to be removed. */
    for (i = 0; i < n; i++)
        kill(children[i], SIGKILL);
    for (i = 0; i < n; i++)
        waitpid(children[i], NULL, 0);
    /* (A cgroup with a process in it, ourselves included, cannot be
     * removed: EBUSY.) */
    if (cg_move(h.own, 0) == -1)
        err_exit("move back to %s", h.own);
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    printf("removed: %s\n", cg);
    return EXIT_SUCCESS;
}
