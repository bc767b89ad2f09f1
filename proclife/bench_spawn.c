// SPDX-License-Identifier: MIT
/*
 * bench_spawn - what creating a process costs as the parent grows
 *
 * Demonstrates: fork() copies the parent's page tables (the pages
 * themselves are shared copy-on-write), so its cost grows with the
 * parent's resident memory: the reason shells and servers spawn with
 * vfork() or posix_spawn(). vfork() and clone(CLONE_VM | CLONE_VFORK)
 * share the parent's memory and copy nothing; posix_spawn() (glibc uses
 * clone with CLONE_VM | CLONE_VFORK) adds an execve() of /bin/true, so
 * its flat cost is mostly that exec. For each size, the parent maps and
 * touches that much memory, then times RUNS creations (child exits at
 * once, parent reaps it) per method after a warm-up; it prints the
 * median and the fastest and slowest run, in microseconds.
 *
 * Usage: bench_spawn [-q] [-r RUNS] [SIZE_MIB...]
 *   -q       quick: sizes 1 4 16 MiB, 5 runs (to check the output's shape)
 *   -r RUNS  timed runs per method and size (15)
 *   SIZE_MIB the parent's resident sizes (1 16 64 256; make bench goes
 *            on to 2048)
 *
 * Try:
 *     $ ./bench_spawn 1 64 512      # more sizes, up to 2048, take longer
 *     # bench_spawn: create and reap one child, microseconds
 *     # machine: ..., 15 runs per point
 *     # MiB  fork fork_min fork_max  vfork ...
 *     1      210      190      260 ...
 *     64 ...
 *     512 ...
 *   Observe: fork's column grows with the size (about 40 us per MiB on a
 *   VM); the other three stay flat.
 *
 * Needs: memory for the largest size asked for.
 *
 * See also: fork(2), vfork(2), clone(2), posix_spawn(3), ../docs/
 * benchmarks.md; TLPI chapter 28; course chapter 6.
 */
#define _GNU_SOURCE /* clone(), CLONE_VM, CLONE_VFORK */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: bench_spawn [-q] [-r RUNS] [SIZE_MIB...]\n"
    "  -q        quick: sizes 1 4 16 MiB, 5 runs\n"
    "  -r RUNS   timed runs per method and size (15)\n";

#define MIB        (1024L * 1024)
#define MAX_RUNS   101
#define STACK_SIZE (64 * 1024)

extern char **environ;

static char *stack;

static int
child_exits(void *arg)
{
    (void)arg;
    _exit(0);
}

/* One creation and reap by METHOD. */
static void
spawn_once(int method)
{
    static char *const argv[] = {"true", NULL};
    pid_t pid = -1;
    int status;

    switch (method) {
    case 0:
        pid = fork();
        break;
    case 1:
        pid = vfork();
        break;
    case 2:
        if (posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) != 0)
            pid = -1;
        break;
    case 3:
        pid = clone(child_exits, stack + STACK_SIZE,
                    CLONE_VM | CLONE_VFORK | SIGCHLD, NULL);
        break;
    }
    if (pid == 0)
        _exit(0); /* fork, vfork: the child */
    if (pid == -1)
        err_exit("create a child");
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
}

int
main(int argc, char *argv[])
{
    static const char *const names[] = {"fork", "vfork", "posix_spawn",
                                        "clone_vm"};
    long default_sizes[] = {1, 16, 64, 256}, quick_sizes[] = {1, 4, 16};
    long *sizes = default_sizes, nsizes = 4, size, *given;
    int opt, runs = 15, quick = 0, i, m, r;
    double t[MAX_RUNS], t0;
    struct bench_spread sp;
    char *mem;

    while ((opt = get_option(argc, argv, "qr:h")) != -1) {
        switch (opt) {
        case 'q':
            quick = 1;
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
    if (quick) {
        sizes = quick_sizes;
        nsizes = 3;
        runs = 5;
    }
    if (optind < argc) {
        given = calloc(argc - optind, sizeof(*given));
        if (given == NULL)
            err_exit("calloc");
        for (i = optind; i < argc; i++)
            given[i - optind] = parse_ll(argv[i], 10, 1, 65536, "SIZE_MIB");
        sizes = given;
        nsizes = argc - optind;
    }
    stack = malloc(STACK_SIZE);
    if (stack == NULL)
        err_exit("malloc");

    printf("# bench_spawn: create and reap one child, microseconds\n");
    bench_machine("%d runs per point", runs);
    printf("# MiB");
    for (m = 0; m < 4; m++)
        printf(" %s %s_min %s_max", names[m], names[m], names[m]);
    printf("\n");
    for (i = 0; i < nsizes; i++) {
        size = sizes[i];
        bench_progress("%ld MiB (%d/%ld)", size, i + 1, nsizes);
        /* Resident: mapped and touched, so fork has page tables to copy. */
        mem = mmap(NULL, size * MIB, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mem == MAP_FAILED)
            err_exit("mmap %ld MiB", size);
        memset(mem, 1, size * MIB);
        printf("%ld", size);
        for (m = 0; m < 4; m++) {
            spawn_once(m); /* warm-up */
            for (r = 0; r < runs; r++) {
                t0 = bench_now_us();
                spawn_once(m);
                t[r] = bench_now_us() - t0;
            }
            sp = bench_spread(t, runs);
            printf(" %.0f %.0f %.0f", sp.median, sp.min, sp.max);
        }
        printf("\n");
        fflush(stdout);
        munmap(mem, size * MIB);
    }
    bench_progress_end();
    return EXIT_SUCCESS;
}
