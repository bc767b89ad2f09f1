// SPDX-License-Identifier: MIT
/*
 * bench_cgroup - what cgroup operations cost
 *
 * Demonstrates: the price of the operations a container manager makes for
 * every container: create a cgroup (mkdir), move a process in (a write
 * to cgroup.procs), start a process in it (fork, then move; or, in v2,
 * clone3 with CLONE_INTO_CGROUP in one step), and remove it (rmdir).
 * Each is timed RUNS times, in cgroups of the benchmark's own; the table
 * gives the median and the fastest and slowest run in microseconds.
 * With -i it also times one move after a second of quiet: a move must
 * wait for an RCU grace period, which a busy machine has just had and an
 * idle one has not, so that one costs milliseconds, not microseconds
 * (clone3 into the cgroup avoids the move altogether).
 *
 * Usage: bench_cgroup [-q] [-i] [-r RUNS] [-P PARENT] [-V 1|2]
 *   -q         quick: 3 runs
 *   -i         add a move after a second of quiet
 *   -r RUNS    runs per operation (21)
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2     use only a v1 or a v2 hierarchy
 *
 * Try (cgroup v2):
 *     $ sudo ./bench_cgroup -i
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     # bench_cgroup: microseconds
 *     # machine: ...
 *     # operation median min max
 *     mkdir ...
 *     ...
 *
 * Needs: root, or a cgroup delegated to you (-P).
 *
 * See also: cgroups(7), clone(2) CLONE_INTO_CGROUP, ../docs/benchmarks.md; TLPI
 * has no cgroups (v1 is not in it, v2 came after it); course chapter 22.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "cgroup.h"
#include "compat.h" /* sys_clone3(), CLONE_INTO_CGROUP */
#include "isolab.h"

static const char usage_text[] =
    "Usage: bench_cgroup [-q] [-i] [-r RUNS] [-P PARENT] [-V 1|2]\n"
    "  -q         quick: 3 runs\n"
    "  -i         add a move after a second of quiet\n"
    "  -r RUNS    runs per operation (21)\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2     use only a v1 or a v2 hierarchy\n";

#define MAX_RUNS 101

static double t[MAX_RUNS];
static int runs = 21;

static void
row(const char *name, int n)
{
    struct bench_spread sp = bench_spread(t, n);

    bench_progress_end(); /* on a terminal, the row is shorter */
    printf("%s %.0f %.0f %.0f\n", name, sp.median, sp.min, sp.max);
    fflush(stdout);
}

/* A child that waits to be killed. */
static pid_t
sleeper(void)
{
    pid_t pid = fork();

    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        pause();
        _exit(EXIT_SUCCESS);
    }
    return pid;
}

static void
end(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX], sub[PATH_MAX + 16], home[PATH_MAX];
    int opt, version = 0, idle = 0, r, fd;
    struct clone_args args;
    struct cg_hier h;
    double t0;
    pid_t pid;

    while ((opt = get_option(argc, argv, "qir:P:V:h")) != -1) {
        switch (opt) {
        case 'q':
            runs = 3;
            break;
        case 'i':
            idle = 1;
            break;
        case 'r':
            runs = parse_ll(optarg, 10, 1, MAX_RUNS, "-r");
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

    if (version != 1 && cg_find(NULL, 2, &h) == 0)
        cg_need(NULL, 2, &h);
    else
        cg_need("pids", 1, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    snprintf(home, sizeof(home), "%s", cg);
    printf("# bench_cgroup: microseconds\n");
    bench_machine("%d runs per operation", runs);
    printf("# operation median min max\n");

    bench_progress("mkdir");
    for (r = 0; r <= runs; r++) { /* run 0 warms up */
        snprintf(sub, sizeof(sub), "%s/c%d", cg, r);
        t0 = bench_now_us();
        if (mkdir(sub, 0755) == -1)
            err_exit("mkdir %s", sub);
        t[r ? r - 1 : 0] = bench_now_us() - t0;
    }
    row("mkdir", runs);

    bench_progress("move");
    pid = sleeper();
    for (r = 0; r <= runs; r++) { /* back and forth between two */
        snprintf(sub, sizeof(sub), "%s/c%d", cg, r % 2);
        t0 = bench_now_us();
        if (cg_move(sub, pid) == -1)
            err_exit("move %d to %s", (int)pid, sub);
        t[r ? r - 1 : 0] = bench_now_us() - t0;
    }
    row("move", runs);
    end(pid);

    bench_progress("fork+move");
    for (r = 0; r <= runs; r++) {
        t0 = bench_now_us();
        pid = sleeper();
        if (cg_move(cg, pid) == -1)
            err_exit("move %d to %s", (int)pid, cg);
        t[r ? r - 1 : 0] = bench_now_us() - t0;
        end(pid);
    }
    row("fork+move", runs);

    bench_progress("clone3_into_cgroup");
    fd = open(cg, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd == -1)
        err_exit("open %s", cg);
    for (r = 0; h.version == 2 && r <= runs; r++) {
        memset(&args, 0, sizeof(args));
        args.flags = CLONE_INTO_CGROUP;
        args.exit_signal = SIGCHLD;
        args.cgroup = fd;
        t0 = bench_now_us();
        pid = sys_clone3(&args, sizeof(args));
        if (pid == 0) {
            pause();
            _exit(EXIT_SUCCESS);
        }
        t[r ? r - 1 : 0] = bench_now_us() - t0;
        if (pid == -1)
            break; /* before Linux 5.7 */
        end(pid);
    }
    if (h.version == 2 && r > runs)
        row("clone3_into_cgroup", runs);
    close(fd);

    if (idle) {
        bench_progress("move_after_1s_idle");
        pid = sleeper();
        sleep(1);
        t0 = bench_now_us();
        if (cg_move(cg, pid) == -1)
            err_exit("move %d to %s", (int)pid, cg);
        t[0] = bench_now_us() - t0;
        row("move_after_1s_idle", 1);
        end(pid);
    }

    bench_progress("rmdir");
    for (r = 0; r <= runs; r++) {
        snprintf(sub, sizeof(sub), "%s/c%d", cg, r);
        t0 = bench_now_us();
        if (cg_remove(sub) == -1)
            err_exit("rmdir %s", sub);
        t[r ? r - 1 : 0] = bench_now_us() - t0;
    }
    row("rmdir", runs);
    bench_progress_end();
    if (cg_remove(home) == -1)
        err_exit("rmdir %s", home);
    return EXIT_SUCCESS;
}
