// SPDX-License-Identifier: MIT
/*
 * seccomp_bench - what a seccomp filter costs per system call
 *
 * Demonstrates: the time of one cheap call, getppid(), under filters of
 * growing size. Since Linux 5.11 the kernel remembers, per call number,
 * the calls that every filter allows whatever the arguments, and skips
 * the filters for them: a filter that looks only at numbers costs next
 * to nothing. A filter that reads an argument must run on every call,
 * and then its length and the number of stacked filters show. A long
 * linear filter compares the number against each rule in turn;
 * libseccomp can sort the same rules into a binary tree
 * (SCMP_FLTATR_CTL_OPTIMIZE 2), which needs about log2(N) comparisons.
 *
 * Each case runs in a child of its own (a filter cannot be removed):
 * warm-up, then RUNS timed runs of CALLS calls; the table gives the
 * median and the spread (fastest, slowest run) in nanoseconds per call.
 *
 * Usage: seccomp_bench [-q] [-n CALLS] [-r RUNS]
 *   -q        quick: few calls, for a test of the output's shape
 *   -n CALLS  calls per run (100000)
 *   -r RUNS   timed runs per case (5)
 *
 * Try:
 *     $ ./seccomp_bench
 *     # seccomp_bench: getppid() under filters, ns per call
 *     # machine: Linux 6.18.0 x86_64, 2 CPUs; 100000 calls x 5 runs
 *     # case                          median       min       max
 *     none                             220.1     218.0     231.5
 *     1 filter, number only            221.0 ...
 *   Observe: any filter adds a fixed cost at system call entry, but
 *   "number only" costs the same with 1 or 10 filters (the cache);
 *   filters that read an argument add up; the linear filter of 300
 *   rules costs several times the tree of the same rules. Compare on
 *   your machine; VMs differ.
 *
 * Needs: libseccomp; no privilege.
 *
 * See also: seccomp(2), seccomp_attr_set(3) SCMP_FLTATR_CTL_OPTIMIZE,
 * ../docs/speed.md; course chapter 21.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: seccomp_bench [-q] [-n CALLS] [-r RUNS]\n"
    "  -q        quick: few calls, for a test of the output's shape\n"
    "  -n CALLS  calls per run (100000)\n"
    "  -r RUNS   timed runs per case (5)\n";

#define NEVER     0xdeadbeef /* an argument value no call here passes */
#define MAX_RUNS  101
#define LONG_LIST 300 /* rules in the long filters */

static long calls = 100000;
static int runs = 5;

/* ---- the filters of each case ---- */

/* Allow everything, looking at the number only: cacheable. */
static void
number_only(int n)
{
    struct sock_filter f[] = {BPF_CHECK_ARCH, BPF_LOAD_NR,
                              BPF_ON_NR(SYS_getppid, SECCOMP_RET_ALLOW),
                              BPF_RETURN(SECCOMP_RET_ALLOW)};

    while (n-- > 0)
        if (install_filter(f, FILTER_LEN(f), 0) == -1)
            err_exit_child("seccomp");
}

/* Read the first argument on every call: never cacheable. */
static void
reads_argument(int n)
{
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                 offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NEVER, 0, 1),
        BPF_RETURN(SECCOMP_RET_ERRNO | EPERM),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };

    while (n-- > 0)
        if (install_filter(f, FILTER_LEN(f), 0) == -1)
            err_exit_child("seccomp");
}

/* LONG_LIST comparisons of the number, none of them getppid's, then a
 * look at an argument (so that the cache cannot skip it). */
static void
linear_bpf(int n)
{
    static struct sock_filter f[2 * LONG_LIST + 8];
    int i, len = 0, nr = 0;

    (void)n;
    f[len++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                            offsetof(struct seccomp_data, nr));
    for (i = 0; i < LONG_LIST; i++, nr++) {
        if (nr == SYS_getppid)
            nr++;
        f[len++] =
            (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, nr, 0, 1);
        f[len++] = (struct sock_filter)BPF_RETURN(SECCOMP_RET_ALLOW);
    }
    f[len++] = (struct sock_filter)BPF_STMT(
        BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]));
    f[len++] =
        (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NEVER, 0, 1);
    f[len++] = (struct sock_filter)BPF_RETURN(SECCOMP_RET_ERRNO | EPERM);
    f[len++] = (struct sock_filter)BPF_RETURN(SECCOMP_RET_ALLOW);
    if (install_filter(f, len, 0) == -1)
        err_exit_child("seccomp");
}

/* The same kind of rules through libseccomp: an argument rule on each of
 * LONG_LIST calls, and on getppid. OPTIMIZE 1 is its default layout,
 * 2 the binary tree. */
static void
libseccomp_rules(int optimize)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    int nr, added = 0;

    if (ctx == NULL ||
        seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, optimize) != 0)
        err_exit_child("seccomp_init");
    for (nr = 0; added < LONG_LIST && nr < 1000; nr++) {
        if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 1,
                             SCMP_A0(SCMP_CMP_EQ, NEVER, 0)) == 0)
            added++;
    }
    if (seccomp_load(ctx) != 0)
        err_exit_child("seccomp_load");
}

static const struct bench_case {
    const char *name;
    void (*setup)(int);
    int arg;
} cases[] = {
    {"none", NULL, 0},
    {"1 filter, number only", number_only, 1},
    {"10 filters, number only", number_only, 10},
    {"1 filter, reads an argument", reads_argument, 1},
    {"2 filters, read an argument", reads_argument, 2},
    {"10 filters, read an argument", reads_argument, 10},
    {"linear BPF, 300 rules", linear_bpf, 0},
    {"libseccomp, 300 rules", libseccomp_rules, 1},
    {"libseccomp tree, 300 rules", libseccomp_rules, 2},
};

/* ---- timing ---- */

static double
ns_per_call(void)
{
    struct timespec t0, t1;
    long i;

    clock_gettime(CLOCK_MONOTONIC, &t0); /* the vDSO: no filter run */
    for (i = 0; i < calls; i++)
        syscall(SYS_getppid, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / calls;
}

static int
compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

/* In a child: set up the case's filters, time it, print one row. */
static void
run_case(const struct bench_case *c)
{
    double t[MAX_RUNS];
    int i;

    if (c->setup != NULL)
        c->setup(c->arg);
    ns_per_call(); /* warm-up: caches, branch predictors, CPU clock */
    for (i = 0; i < runs; i++)
        t[i] = ns_per_call();
    qsort(t, runs, sizeof(t[0]), compare);
    printf("%-30s %9.1f %9.1f %9.1f\n", c->name, t[runs / 2], t[0],
           t[runs - 1]);
    fflush(stdout);
}

int
main(int argc, char *argv[])
{
    struct utsname u;
    size_t i;
    int opt, status;
    pid_t pid;

    while ((opt = getopt(argc, argv, "qn:r:h")) != -1) {
        switch (opt) {
        case 'q':
            calls = 2000;
            runs = 3;
            break;
        case 'n':
            calls = parse_ll(optarg, 10, 1, 1000000000, "-n");
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

    if (uname(&u) == -1)
        err_exit("uname");
    printf("# seccomp_bench: getppid() under filters, ns per call\n");
    printf("# machine: Linux %s %s, %ld CPUs; %ld calls x %d runs\n", u.release,
           u.machine, sysconf(_SC_NPROCESSORS_ONLN), calls, runs);
    printf("# %-28s %9s %9s %9s\n", "case", "median", "min", "max");
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (isatty(STDERR_FILENO)) /* progress, while the user waits */
            fprintf(stderr, "seccomp_bench: %zu/%zu %s\r", i + 1,
                    sizeof(cases) / sizeof(cases[0]), cases[i].name);
        fflush(stdout);
        pid = fork();
        if (pid == -1)
            err_exit("fork");
        if (pid == 0) {
            run_case(&cases[i]);
            exit(EXIT_SUCCESS);
        }
        if (waitpid(pid, &status, 0) == -1)
            err_exit("waitpid");
        if (status != 0)
            fatal("case '%s' failed", cases[i].name);
    }
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "%60s\r", "");
    return EXIT_SUCCESS;
}
