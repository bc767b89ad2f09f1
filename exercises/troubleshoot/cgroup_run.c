// SPDX-License-Identifier: MIT
/*
 * cgroup_run - run a command in a cgroup of its own, and clean up
 *
 * Troubleshooting lab (see exercises/troubleshoot/README.md,
 * "cgroup_run"): this launcher runs the command in a new cgroup, and
 * then fails to remove it, every time. Find out why, and fix it.
 *
 * Usage: cgroup_run [-P PARENT] CMD [ARG...]
 *   -P PARENT  make the cgroup below PARENT, not below our own
 *
 * Try:
 *     $ sudo ./cgroup_run cat /proc/self/cgroup
 *
 * Needs: root, or a cgroup delegated to you (-P).
 *
 * See also: cgroups(7), rmdir(2), exercises/troubleshoot/README.md; the
 * capstone, after course chapter 26; TLPI has no cgroups (v1 is not in it, v2
 * came after it).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_run [-P PARENT] CMD [ARG...]\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own\n";

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX];
    struct cg_hier h;
    int opt, status;
    pid_t pid;

    while ((opt = get_option(argc, argv, "+P:h")) != -1) {
        switch (opt) {
        case 'P':
            parent = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    if (cg_find("pids", 0, &h) == -1)
        fatal("no hierarchy holds the pids controller");
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    if (cg_move(cg, 0) == -1)
        err_exit("move to %s", cg);

    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");

    if (rmdir(cg) == -1)
        err_exit("rmdir %s", cg);
    return child_exit_status(status);
}
