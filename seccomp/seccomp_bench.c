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
 * Usage: seccomp_bench [-g] [-q] [-n CALLS] [-r RUNS]
 *   -g        growth: the long filters with 10 to 1000 rules, one row per
 *             length: rules, then median, min, max for linear BPF,
 *             libseccomp's default layout, and its tree
 *   -q        quick: few calls, for a test of the output's shape
 *   -n CALLS  calls per run (100000)
 *   -r RUNS   timed runs per case (5)
 *
 * Try:
 *     $ ./seccomp_bench
 *     # seccomp_bench: getppid() under filters, ns per call
 *     # machine: ..., 100000 calls x 5 runs
 *     # case                          median       min       max
 *     none                             220.1     218.0     231.5
 *     1 filter, number only            221.0 ...
 *     ...
 *     libseccomp tree, 300 rules ...
 *   Observe: any filter adds a fixed cost at system call entry, but
 *   "number only" costs the same with 1 or 10 filters (the cache);
 *   filters that read an argument add up; the linear filter of 300
 *   rules costs several times the tree of the same rules. Compare on
 *   your machine; VMs differ.
 *
 * Needs: libseccomp; no privilege.
 *
 * See also: seccomp(2), seccomp_attr_set(3) SCMP_FLTATR_CTL_OPTIMIZE,
 * ../docs/speed.md; TLPI has no seccomp filters (Linux 3.5, after it); course
 * chapter 21.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: seccomp_bench [-g] [-q] [-n CALLS] [-r RUNS]\n"
    "  -g        growth: the long filters with 10 to 1000 rules\n"
    "  -q        quick: few calls, for a test of the output's shape\n"
    "  -n CALLS  calls per run (100000)\n"
    "  -r RUNS   timed runs per case (5)\n";

#define NEVER     0xdeadbeef /* an argument value no call here passes */
#define MAX_RUNS  101
#define MAX_RULES 1000 /* the most rules in a long filter */

static long calls = 100000;
static int runs = 5;

/* ---- the filters of each case ---- */

/* Allow everything, looking at the number only: cacheable. N filters. */
static void
number_only(int n, int unused)
{
    struct sock_filter f[] = {BPF_CHECK_ARCH, BPF_LOAD_NR,
                              BPF_ON_NR(SYS_getppid, SECCOMP_RET_ALLOW),
                              BPF_RETURN(SECCOMP_RET_ALLOW)};

    (void)unused;
    while (n-- > 0)
        if (install_filter(f, FILTER_LEN(f), 0) == -1)
            err_exit_child("seccomp");
}

/* Read the first argument on every call: never cacheable. N filters. */
static void
reads_argument(int n, int unused)
{
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                 offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NEVER, 0, 1),
        BPF_RETURN(SECCOMP_RET_ERRNO | EPERM),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };

    (void)unused;
    while (n-- > 0)
        if (install_filter(f, FILTER_LEN(f), 0) == -1)
            err_exit_child("seccomp");
}

/* RULES comparisons of the number, none of them getppid's, then a
 * look at an argument (so that the cache cannot skip it). */
static void
linear_bpf(int rules, int unused)
{
    static struct sock_filter f[2 * MAX_RULES + 8];
    int i, len = 0, nr = 0;

    (void)unused;
    f[len++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                            offsetof(struct seccomp_data, nr));
    for (i = 0; i < rules; i++, nr++) {
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
 * RULES calls (getppid among them). OPTIMIZE 1 is its default layout,
 * 2 the binary tree. */
static void
libseccomp_rules(int rules, int optimize)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    int nr, added = 0;

    if (ctx == NULL ||
        seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, optimize) != 0)
        err_exit_child("seccomp_init");
    for (nr = 0; added < rules && nr < 4096; nr++) {
        if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 1,
                             SCMP_A0(SCMP_CMP_EQ, NEVER, 0)) == 0)
            added++;
    }
    if (seccomp_load(ctx) != 0)
        err_exit_child("seccomp_load");
}

struct bench_case {
    const char *name;
    void (*setup)(int, int);
    int count, optimize;
};

static const struct bench_case cases[] = {
    {"none", NULL, 0, 0},
    {"1 filter, number only", number_only, 1, 0},
    {"10 filters, number only", number_only, 10, 0},
    {"1 filter, reads an argument", reads_argument, 1, 0},
    {"2 filters, read an argument", reads_argument, 2, 0},
    {"10 filters, read an argument", reads_argument, 10, 0},
    {"linear BPF, 300 rules", linear_bpf, 300, 0},
    {"libseccomp, 300 rules", libseccomp_rules, 300, 1},
    {"libseccomp tree, 300 rules", libseccomp_rules, 300, 2},
};

/* -g: the long filters, with more and more rules. */
static const int growth_rules[] = {10, 30, 100, 300, 1000};
static const struct bench_case growth_cases[] = {
    {"linear", linear_bpf, 0, 0},
    {"libseccomp", libseccomp_rules, 0, 1},
    {"tree", libseccomp_rules, 0, 2},
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

/* In a child: set up the case's filters, time it, print its median,
 * fastest and slowest run (after its name, unless NAMELESS). */
static void
run_case(const struct bench_case *c, int nameless)
{
    double t[MAX_RUNS];
    struct bench_spread sp;
    int i;

    if (c->setup != NULL)
        c->setup(c->count, c->optimize);
    ns_per_call(); /* warm-up: caches, branch predictors, CPU clock */
    for (i = 0; i < runs; i++)
        t[i] = ns_per_call();
    sp = bench_spread(t, runs);
    if (!nameless)
        printf("%-30s", c->name);
    printf(" %9.1f %9.1f %9.1f", sp.median, sp.min, sp.max);
    if (!nameless)
        printf("\n");
    fflush(stdout);
}

/* Run C in a child of its own: filters cannot be removed. */
static void
in_child(const struct bench_case *c, int nameless)
{
    int status;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        run_case(c, nameless);
        exit(EXIT_SUCCESS);
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    if (status != 0)
        fatal("case '%s' failed", c->name);
}

int
main(int argc, char *argv[])
{
    struct bench_case c;
    size_t i, j, n;
    int opt, growth = 0;

    while ((opt = get_option(argc, argv, "gqn:r:h")) != -1) {
        switch (opt) {
        case 'g':
            growth = 1;
            break;
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

    printf("# seccomp_bench: getppid() under filters, ns per call\n");
    bench_machine("%ld calls x %d runs", calls, runs);
    if (!growth) {
        n = sizeof(cases) / sizeof(cases[0]);
        printf("# %-28s %9s %9s %9s\n", "case", "median", "min", "max");
        for (i = 0; i < n; i++) {
            bench_progress("%zu/%zu %s", i + 1, n, cases[i].name);
            in_child(&cases[i], 0);
        }
    } else { /* one row per length: rules, then each layout's numbers */
        n = sizeof(growth_rules) / sizeof(growth_rules[0]);
        printf("# rules");
        for (j = 0; j < 3; j++)
            printf(" %s %s_min %s_max", growth_cases[j].name,
                   growth_cases[j].name, growth_cases[j].name);
        printf("\n");
        for (i = 0; i < n; i++) {
            bench_progress("%zu/%zu %d rules", i + 1, n, growth_rules[i]);
            printf("%d", growth_rules[i]);
            for (j = 0; j < 3; j++) {
                c = growth_cases[j];
                c.count = growth_rules[i];
                in_child(&c, 1);
            }
            printf("\n");
        }
    }
    bench_progress_end();
    return EXIT_SUCCESS;
}
