// SPDX-License-Identifier: MIT
/*
 * fork_jail - run a command that cannot fork more than MAX processes
 *
 * Exercise (see exercises/cgroups/README.md, "fork_jail"): this
 * launcher runs the command with no limit at all. Make the command run
 * in a new cgroup whose pids.max is MAX, entered before it is executed;
 * when it ends, kill what it left behind in the cgroup and remove the
 * cgroup. Fill in the TODO(fork_jail) parts.
 *
 * Usage: fork_jail [-n MAX] [-P PARENT] CMD [ARG...]
 *   -n MAX     the most tasks the command may have at once (20)
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *
 * Try:
 *     $ sudo systemd-run --scope -p Delegate=yes ./fork_jail -n 10 sh -c 'for i in $(seq 30); do sleep 60 & done'
 *     sh: 1: Cannot fork
 *     ...
 *     fork_jail: pids.events max: 21; ended 9 left-over processes
 *
 * Needs: root, or a cgroup delegated to you (-P); the pids controller.
 *
 * See also: cgroups(7), ../../cgroups/cgroup_pids_demo.c; TLPI has no cgroups
 * (v1 is not in it, v2 came after it); course chapters 22 and 23.
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
    "Usage: fork_jail [-n MAX] [-P PARENT] CMD [ARG...]\n"
    "  -n MAX     the most tasks the command may have at once (20)\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n";

/* Kill everything in CG until it is empty; how many were killed. */
static int
empty_cgroup(const char *cg)
{
    char procs[65536], *pid, *save;
    int killed = 0, round;

    /* v2 kills the whole cgroup in one write, forks in flight included. */
    if (cg_write(cg, "cgroup.kill", "1") == 0) {
        if (cg_read(cg, "cgroup.procs", procs, sizeof(procs)) == 0)
            for (pid = procs; *pid != '\0'; pid++)
                killed += *pid == '\n';
    }
    /* Otherwise, and until the kernel has finished: one by one. The
     * limit keeps this a bounded chase. */
    for (round = 0; round < 500; round++) {
        if (cg_read(cg, "cgroup.procs", procs, sizeof(procs)) == -1)
            err_exit("read %s/cgroup.procs", cg);
        if (*procs == '\0')
            return killed;
        for (pid = strtok_r(procs, "\n", &save); pid != NULL;
             pid = strtok_r(NULL, "\n", &save))
            if (kill(atoi(pid), SIGKILL) == 0)
                killed++;
        usleep(10 * 1000);
    }
    fatal("%s does not become empty", cg);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    int opt, max = 20, go[2], status, killed;
    char cg[PATH_MAX], byte;
    struct cg_hier h;
    pid_t pid;

    while ((opt = get_option(argc, argv, "+n:P:h")) != -1) {
        switch (opt) {
        case 'n':
            max = parse_ll(optarg, 10, 1, 100000, "-n");
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
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    if (cg_find("pids", 0, &h) == -1)
        fatal("no hierarchy holds the pids controller here");
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    /* TODO(fork_jail): set the limit, MAX. */
    (void)max;

    /* The child waits until it is in the cgroup, then becomes CMD. */
    if (pipe(go) == -1)
        err_exit("pipe");
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        close(go[1]);
        if (read(go[0], &byte, 1) == -1)
            err_exit_child("read");
        close(go[0]);
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }
    close(go[0]);
    /* TODO(fork_jail): put the child in the cgroup before it goes on. */
    close(go[1]); /* go */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");

    /* TODO(fork_jail): end whatever the command left in the cgroup
     * (empty_cgroup() is written for you). */
    killed = 0;
    (void)empty_cgroup;
    fprintf(stderr,
            "fork_jail: pids.events max: %lld; ended %d left-over "
            "processes\n",
            cg_key(cg, "pids.events", "max"), killed);
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return child_exit_status(status);
}
