// SPDX-License-Identifier: MIT
/*
 * cgroup_ns_move - a cgroup namespace's view, and a move out of it
 *
 * Demonstrates: a cgroup namespace roots a process's view of the
 * hierarchy at the cgroup it was in when the namespace was made. Inside,
 * /proc/self/cgroup says "/". The namespace does not stop the process
 * from being moved: when root outside moves it to a sibling cgroup or to
 * the parent, its own view climbs out of its root with "..": it learns
 * that it was moved, not where. (namespaces/demo_cgroupns shows the view
 * of other processes from inside.)
 *
 * Usage: cgroup_ns_move [-P PARENT] [-V 1|2]
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2     use only a v1 or a v2 hierarchy
 *
 * Try (cgroup v2):
 *     $ sudo ./cgroup_ns_move
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     outside: the child is in .../isolab.cgroup_ns_move.4242/a
 *     inside, in a: 0::/
 *     inside, moved to b: 0::/../b
 *     inside, moved to the parent: 0::/..
 *
 * Needs: root (CAP_SYS_ADMIN for the namespace and the moves); Linux 4.6.
 *
 * See also: cgroup_namespaces(7), cgroups(7); TLPI has no cgroups (v1 is not in
 * it, v2 came after it); course chapter 24.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWCGROUP */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "compat.h" /* CLONE_NEWCGROUP */
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_ns_move [-P PARENT] [-V 1|2]\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2     use only a v1 or a v2 hierarchy\n";

/* In the child: print our line of /proc/self/cgroup for hierarchy H. */
static void
show(const struct cg_hier *h, const char *where)
{
    char line[PATH_MAX + 64];

    if (cg_proc_line("/proc/self/cgroup", h, line, sizeof(line)) == -1)
        err_exit_child("/proc/self/cgroup");
    printf("inside, %s: %s\n", where, line);
    fflush(stdout);
}

int
main(int argc, char *argv[])
{
    static const char *const where[] = {"in a", "moved to b",
                                        "moved to the parent"};
    const char *parent = NULL;
    char cg[PATH_MAX], a[PATH_MAX + 4], b[PATH_MAX + 4];
    int opt, version = 0, to_child[2], to_parent[2], i, status;
    const char *dest[3];
    struct cg_hier h;
    char byte = 0;
    pid_t pid;

    while ((opt = get_option(argc, argv, "P:V:h")) != -1) {
        switch (opt) {
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

    if (version != 1 && cg_find(NULL, 2, &h) == 0)
        cg_need(NULL, 2, &h);
    else
        cg_need("pids", 1, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    snprintf(a, sizeof(a), "%s/a", cg);
    snprintf(b, sizeof(b), "%s/b", cg);
    if (mkdir(a, 0755) == -1 || mkdir(b, 0755) == -1)
        err_exit("mkdir in %s", cg);
    dest[0] = a, dest[1] = b, dest[2] = cg;

    /* Two pipes: the parent says "moved", the child says "shown". */
    if (pipe(to_child) == -1 || pipe(to_parent) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        for (i = 0; i < 3; i++) {
            if (read(to_child[0], &byte, 1) != 1)
                _exit(EXIT_FAILURE);
            if (i == 0 && unshare(CLONE_NEWCGROUP) == -1)
                err_exit_child("unshare CLONE_NEWCGROUP");
            show(&h, where[i]);
            if (write(to_parent[1], &byte, 1) != 1)
                _exit(EXIT_FAILURE);
        }
        _exit(EXIT_SUCCESS);
    }
    printf("outside: the child is in %s\n", a);
    for (i = 0; i < 3; i++) {
        if (cg_move(dest[i], pid) == -1) {
            kill(pid, SIGKILL);
            err_exit("move %d to %s", (int)pid, dest[i]);
        }
        fflush(stdout);
        if (write(to_child[1], &byte, 1) != 1 ||
            read(to_parent[0], &byte, 1) != 1)
            fatal("the child stopped answering");
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    if (cg_remove(a) == -1 || cg_remove(b) == -1 || cg_remove(cg) == -1)
        err_exit("rmdir in %s", cg);
    return child_exit_status(status);
}
