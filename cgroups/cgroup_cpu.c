// SPDX-License-Identifier: MIT
/*
 * cgroup_cpu - a CPU quota that throttles, and weights that share
 *
 * Demonstrates: the cpu controller's two ways of dividing CPU time. A
 * quota (-q) is a hard ceiling: a busy loop in a cgroup allowed PERCENT
 * of one CPU per 100 ms period gets about that share, however idle the
 * machine, and cpu.stat counts the periods in which it was throttled.
 * Weights (-w) only divide what is contended: two busy loops pinned to
 * the same CPU, in two cgroups with weights W1 and W2, get about
 * W1/(W1+W2) and W2/(W1+W2) of it. v2 writes cpu.max and cpu.weight;
 * v1 writes cpu.cfs_quota_us (with cpu.cfs_period_us) and cpu.shares
 * (1024 for the weight 100). CPU times come from the children's rusage.
 *
 * Usage: cgroup_cpu [-q PERCENT | -w W1,W2] [-d MS] [-P PARENT] [-V 1|2]
 *   -q PERCENT  one busy child under a quota of PERCENT of a CPU (20)
 *   -w W1,W2    two busy children on one CPU, with these weights
 *   -d MS       how long to let them run (1000)
 *   -P PARENT   make the cgroups below PARENT, not below our own cgroup
 *   -V 1|2      use only a v1 or a v2 hierarchy
 *
 * Try (cgroup v2, systemd, the test guest): (a cgroup of its own: see README)
 *     $ sudo systemd-run --scope -p Delegate=yes ./cgroup_cpu -q 20
 *     Running scope as unit: run-r....scope
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     quota: 20% of a CPU (20000 us every 100000 us)
 *     cpu time: 200 ms of 1000 ms: ...
 *     throttled: ... periods
 *     $ sudo systemd-run --scope -p Delegate=yes ./cgroup_cpu -w 100,300
 *     ...
 *     weights: 100 and 300
 *     cpu time: 250 ms and 750 ms: ...
 *   Observe: the quota holds on an idle machine; the weights matter only
 *   because both children want the same CPU.
 *
 * Needs: root, or a cgroup delegated to you (-P, or systemd-run --user
 * --scope -p Delegate=yes); the cpu controller; on v2 a cgroup of its own
 * (from a login shell's session scope it exits with 77).
 *
 * See also: cgroups(7), the kernel's Documentation/admin-guide/cgroup-v2.rst
 * (CPU) and scheduler/sched-bwc.rst; TLPI has no cgroups (v1 is not in it, v2
 * came after it); course chapter 23.
 */
#define _GNU_SOURCE /* sched_setaffinity(), CPU_SET */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_cpu [-q PERCENT | -w W1,W2] [-d MS] [-P PARENT] "
    "[-V 1|2]\n"
    "  -q PERCENT  one busy child under a quota of PERCENT of a CPU (20)\n"
    "  -w W1,W2    two busy children on one CPU, with these weights\n"
    "  -d MS       how long to let them run (1000)\n"
    "  -P PARENT   make the cgroups below PARENT, not below our own cgroup\n"
    "  -V 1|2      use only a v1 or a v2 hierarchy\n";

#define PERIOD_US 100000

/* A child that spins on CPU 0 in the cgroup CG; its PID. It waits on
 * GO until it is in the cgroup, so that all its CPU time counts there. */
static pid_t
busy_child(const char *cg, int go[2])
{
    cpu_set_t cpu0;
    char byte;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        CPU_ZERO(&cpu0);
        CPU_SET(0, &cpu0);
        if (sched_setaffinity(0, sizeof(cpu0), &cpu0) == -1)
            err_exit_child("sched_setaffinity");
        close(go[1]);
        if (read(go[0], &byte, 1) == -1) /* 0 at end of file: go */
            err_exit_child("read");
        for (;;) /* spin */
            ;
    }
    if (cg_move(cg, pid) == -1) {
        kill(pid, SIGKILL);
        err_exit("move %d to %s", (int)pid, cg);
    }
    return pid;
}

static void
set_quota(const struct cg_hier *h, const char *cg, int percent)
{
    int quota = percent * PERIOD_US / 100, ret;

    if (h->version == 2) {
        ret = cg_write(cg, "cpu.max", "%d %d", quota, PERIOD_US);
    } else {
        ret = cg_write(cg, "cpu.cfs_period_us", "%d", PERIOD_US);
        if (ret == 0)
            ret = cg_write(cg, "cpu.cfs_quota_us", "%d", quota);
    }
    if (ret == -1)
        err_exit("set the quota of %s", cg);
    printf("quota: %d%% of a CPU (%d us every %d us)\n", percent, quota,
           PERIOD_US);
}

/* End PID and return the CPU time it used, in ms. */
static long
cpu_ms(pid_t pid)
{
    struct rusage ru;

    kill(pid, SIGKILL);
    if (wait4(pid, NULL, 0, &ru) == -1)
        err_exit("wait4");
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
}

static void
sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};

    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

static void
set_weight(const struct cg_hier *h, const char *cg, int weight)
{
    int ret = h->version == 2
                  ? cg_write(cg, "cpu.weight", "%d", weight)
                  : cg_write(cg, "cpu.shares", "%d", weight * 1024 / 100);

    if (ret == -1)
        err_exit("set the weight of %s", cg);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX], sub[2][PATH_MAX + 8];
    int opt, version = 0, percent = 20, w[2] = {0, 0}, go[2], i;
    long ms = 1000, used[2];
    struct cg_hier h;
    pid_t pid[2];
    char *comma;

    while ((opt = get_option(argc, argv, "q:w:d:P:V:h")) != -1) {
        switch (opt) {
        case 'q':
            percent = parse_ll(optarg, 10, 1, 100, "-q");
            break;
        case 'w':
            comma = strchr(optarg, ',');
            if (comma == NULL)
                usage_err("-w: '%s' is not W1,W2", optarg);
            *comma = '\0';
            w[0] = parse_ll(optarg, 10, 1, 10000, "-w");
            w[1] = parse_ll(comma + 1, 10, 1, 10000, "-w");
            break;
        case 'd':
            ms = parse_ll(optarg, 10, 100, 60000, "-d");
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

    cg_need("cpu", version, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));

    if (pipe(go) == -1)
        err_exit("pipe");
    if (w[0] == 0) { /* a quota */
        set_quota(&h, cg, percent);
        pid[0] = busy_child(cg, go);
        close(go[1]); /* go */
        sleep_ms(ms);
        used[0] = cpu_ms(pid[0]);
        printf("cpu time: %ld ms of %ld ms: %ld%%\n", used[0], ms,
               used[0] * 100 / ms);
        printf("throttled: %lld periods\n",
               cg_key(cg, "cpu.stat", "nr_throttled"));
    } else { /* two weights, in two cgroups below CG */
        printf("weights: %d and %d\n", w[0], w[1]);
        /* v2: our cgroup hands cpu down to a and b (it holds no process,
         * so the no-internal-process rule allows it). */
        if (h.version == 2 &&
            cg_write(cg, "cgroup.subtree_control", "+cpu") == -1)
            err_exit("write +cpu to %s/cgroup.subtree_control", cg);
        for (i = 0; i < 2; i++) {
            snprintf(sub[i], sizeof(sub[i]), "%s/%c", cg, 'a' + i);
            if (mkdir(sub[i], 0755) == -1)
                err_exit("mkdir %s", sub[i]);
            set_weight(&h, sub[i], w[i]);
        }
        for (i = 0; i < 2; i++)
            pid[i] = busy_child(sub[i], go);
        close(go[1]); /* go, both at once */
        sleep_ms(ms);
        for (i = 0; i < 2; i++)
            used[i] = cpu_ms(pid[i]);
        printf("cpu time: %ld ms and %ld ms: %ld%% and %ld%%\n", used[0],
               used[1], used[0] * 100 / (used[0] + used[1] + !used[0]),
               used[1] * 100 / (used[0] + used[1] + !used[0]));
        for (i = 0; i < 2; i++)
            if (cg_remove(sub[i]) == -1)
                err_exit("rmdir %s", sub[i]);
    }
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return EXIT_SUCCESS;
}
