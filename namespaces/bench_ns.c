// SPDX-License-Identifier: MIT
/*
 * bench_ns - what creating (and dropping) each kind of namespace costs
 *
 * Demonstrates: namespaces are cheap, with one exception. For each type
 * a child is forked that calls unshare() for that type once and exits;
 * the child times its unshare() ("create"), and the parent times the
 * whole fork, unshare, exit and reap ("total"), so that total minus the
 * row "none" is the creation plus what tearing the namespace down costs
 * the exiting child. A network namespace is the slow one to create (a
 * loopback device, routing tables, netfilter...) and is torn down later
 * by kernel workers, so its teardown does not show here at all. Run by
 * an ordinary user, the benchmark first enters a user namespace of its
 * own, where it may create the others.
 *
 * Usage: bench_ns [-q] [-r RUNS]
 *   -q       quick: 3 runs per type
 *   -r RUNS  runs per type (21)
 *
 * Try:
 *     $ ./bench_ns
 *     # bench_ns: unshare() of one namespace, microseconds
 *     # machine: ...
 *     # type create create_min create_max total total_min total_max
 *     none ...
 *     uts ...
 *     ...
 *     net ...
 *     ...
 *   Observe: most types cost a few microseconds, less than the fork
 *   around them; net costs a hundred times more.
 *
 * Needs: root, or unprivileged user namespaces.
 *
 * See also: unshare(2), namespaces(7), ../docs/benchmarks.md; TLPI 28.2.1 names
 * the CLONE_NEW* flags, no more: namespaces grew after it; course chapters 12
 * and 16.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEW* */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "compat.h" /* CLONE_NEWCGROUP, CLONE_NEWTIME */
#include "isolab.h"

static const char usage_text[] = "Usage: bench_ns [-q] [-r RUNS]\n"
                                 "  -q       quick: 3 runs per type\n"
                                 "  -r RUNS  runs per type (21)\n";

#define MAX_RUNS 101

static const struct {
    const char *name;
    int flag;
} types[] = {
    {"none", 0},
    {"uts", CLONE_NEWUTS},
    {"ipc", CLONE_NEWIPC},
    {"mnt", CLONE_NEWNS},
    {"pid", CLONE_NEWPID},
    {"net", CLONE_NEWNET},
    {"cgroup", CLONE_NEWCGROUP},
    {"time", CLONE_NEWTIME},
    {"user", CLONE_NEWUSER},
};

/* One sample: the child's unshare() time in CREATE, the whole in TOTAL.
 * -1 if this kernel or this process cannot create the type. */
static int
sample(int flag, double *create, double *total)
{
    double t0 = bench_now_us(), t;
    int p[2], status;
    pid_t pid;

    if (pipe(p) == -1)
        err_exit("pipe");
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        t = bench_now_us();
        if (flag != 0 && unshare(flag) == -1)
            _exit(EXIT_FAILURE);
        t = bench_now_us() - t;
        if (write(p[1], &t, sizeof(t)) != sizeof(t))
            _exit(EXIT_FAILURE);
        _exit(EXIT_SUCCESS);
    }
    close(p[1]);
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    *total = bench_now_us() - t0;
    if (read(p[0], create, sizeof(*create)) != sizeof(*create))
        status = 1;
    close(p[0]);
    return status == 0 ? 0 : -1;
}

int
main(int argc, char *argv[])
{
    double create[MAX_RUNS], total[MAX_RUNS];
    int opt, runs = 21, r, ok;
    struct bench_spread c, t;
    size_t i;

    while ((opt = get_option(argc, argv, "qr:h")) != -1) {
        switch (opt) {
        case 'q':
            runs = 3;
            break;
        case 'r':
            runs = parse_ll(optarg, 10, 1, MAX_RUNS, "-r");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* Unprivileged: a user namespace of our own first, where we hold
     * CAP_SYS_ADMIN over the namespaces we create. */
    if (geteuid() != 0) {
        uid_t uid = getuid();
        gid_t gid = getgid();

        if (unshare(CLONE_NEWUSER) == -1)
            userns_failed("unshare CLONE_NEWUSER");
        map_root("self", uid, gid);
    }
    printf("# bench_ns: unshare() of one namespace, microseconds\n");
    bench_machine("%d runs per type%s", runs,
                  getuid() == 0 && geteuid() == 0 ? ""
                                                  : ", in a user namespace");
    printf("# type create create_min create_max total total_min total_max\n");
    for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        bench_progress("%s", types[i].name);
        ok = sample(types[i].flag, &create[0], &total[0]) == 0; /* warm */
        for (r = 0; ok && r < runs; r++)
            ok = sample(types[i].flag, &create[r], &total[r]) == 0;
        if (!ok) {
            printf("%s - - - - - -\n", types[i].name);
            continue;
        }
        c = bench_spread(create, runs);
        t = bench_spread(total, runs);
        printf("%s %.0f %.0f %.0f %.0f %.0f %.0f\n", types[i].name, c.median,
               c.min, c.max, t.median, t.min, t.max);
        fflush(stdout);
    }
    bench_progress_end();
    return EXIT_SUCCESS;
}
