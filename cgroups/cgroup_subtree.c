// SPDX-License-Identifier: MIT
/*
 * cgroup_subtree - controllers are handed down with subtree_control
 *
 * Demonstrates: how cgroups v2 decides which controllers a cgroup may
 * use. A cgroup's cgroup.controllers lists what its parent passes down;
 * writing "+NAME" to its own cgroup.subtree_control passes NAME on to
 * its children, whose directories then grow NAME's files. And the rule
 * of no internal processes: a cgroup that passes a domain controller
 * down may not itself hold processes (apart from the root cgroup), so
 * the write fails with EBUSY while a process is in it, works once the
 * process has moved to a leaf, and after that no process may move back
 * in (EBUSY again). Resources are shared out among leaves only.
 *
 * Usage: cgroup_subtree [-c CONTROLLER] [-P PARENT]
 *   -c CONTROLLER  the controller to hand down (the first one offered)
 *
 * Try:
 *     $ sudo ./cgroup_subtree
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     offered to our cgroup: cpu memory pids
 *     +pids with a process inside: Device or resource busy (EBUSY)
 *     +pids once the process is in leaf: ok
 *     leaf/cgroup.controllers: pids
 *     the process back into our cgroup: Device or resource busy (EBUSY)
 *   Observe: on a hybrid system the controllers live in v1 and the v2
 *   hierarchy offers none: the program says so and exits with 77.
 *
 * Needs: root, or a cgroup delegated to you (-P); cgroups v2 with a
 * controller that the parent's cgroup.subtree_control hands down.
 *
 * See also: cgroups(7) (Cgroups v2 subtree control, "no internal
 * processes" rule); course chapter 22.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_subtree [-c CONTROLLER] [-P PARENT]\n"
    "  -c CONTROLLER  the controller to hand down (the first one offered)\n";

static void
report(const char *what, int ret)
{
    if (ret == -1)
        printf("%s: %s (%s)\n", what, strerror(errno), errno_name(errno));
    else
        printf("%s: ok\n", what);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL, *controller = NULL;
    char cg[PATH_MAX], leaf[PATH_MAX + 8], offered[512], first[64];
    char what[640];
    int opt, status;
    struct cg_hier h;
    pid_t pid;

    while ((opt = getopt(argc, argv, "c:P:h")) != -1) {
        switch (opt) {
        case 'c':
            controller = optarg;
            break;
        case 'P':
            parent = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    cg_need(NULL, 2, &h);
    cg_create(&h, parent, cg, sizeof(cg));
    if (cg_read(cg, "cgroup.controllers", offered, sizeof(offered)) == -1)
        err_exit("read %s/cgroup.controllers", cg);
    printf("offered to our cgroup: %s\n", *offered ? offered : "(none)");
    if (controller == NULL) { /* the first word offered */
        snprintf(first, sizeof(first), "%.*s", (int)strcspn(offered, " "),
                 offered);
        controller = first;
    }
    if (*controller == '\0') {
        cg_remove(cg);
        fprintf(stderr, "cgroup_subtree: the v2 hierarchy hands no "
                        "controller down to cgroups made here (on a hybrid "
                        "system the controllers are bound to v1; the kit "
                        "does not change cgroups it did not make)\n");
        return EXIT_NOFEATURE;
    }

    snprintf(leaf, sizeof(leaf), "%s/leaf", cg);
    if (mkdir(leaf, 0755) == -1)
        err_exit("mkdir %s", leaf);
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        pause();
        _exit(EXIT_SUCCESS);
    }
    if (cg_move(cg, pid) == -1)
        err_exit("move %d to %s", (int)pid, cg);

    snprintf(what, sizeof(what), "+%s with a process inside", controller);
    report(what, cg_write(cg, "cgroup.subtree_control", "+%s", controller));
    if (cg_move(leaf, pid) == -1)
        err_exit("move %d to %s", (int)pid, leaf);
    snprintf(what, sizeof(what), "+%s once the process is in leaf", controller);
    report(what, cg_write(cg, "cgroup.subtree_control", "+%s", controller));
    if (cg_read(leaf, "cgroup.controllers", offered, sizeof(offered)) == 0)
        printf("leaf/cgroup.controllers: %s\n", offered);
    report("the process back into our cgroup", cg_move(cg, pid));

    /* Undo: the process ends, the controller is taken back, all goes. */
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    cg_write(cg, "cgroup.subtree_control", "-%s", controller);
    if (cg_remove(leaf) == -1 || cg_remove(cg) == -1)
        err_exit("rmdir in %s", cg);
    return EXIT_SUCCESS;
}
