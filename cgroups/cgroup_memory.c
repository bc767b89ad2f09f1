// SPDX-License-Identifier: MIT
/*
 * cgroup_memory - a memory limit ends in the OOM killer, and is counted
 *
 * Demonstrates: the memory controller. A child in a cgroup limited to
 * LIMIT MiB allocates and touches memory one MiB at a time. When its
 * cgroup cannot reclaim enough to stay under the limit, the kernel's
 * OOM killer kills it (SIGKILL) inside the cgroup, and nothing outside
 * it is touched. The parent reports how far the child got and what the
 * cgroup counted: in v2 memory.events (max, oom, oom_kill) and
 * memory.peak; in v1 memory.failcnt, memory.oom_control (oom_kill) and
 * memory.max_usage_in_bytes. Swap is limited to 0 too where the kernel
 * accounts it (memory.swap.max, memory.memsw.limit_in_bytes), so the
 * child cannot escape into swap.
 *
 * Usage: cgroup_memory [-m LIMIT] [-a ALLOC] [-P PARENT] [-V 1|2]
 *   -m LIMIT   the limit in MiB (32)
 *   -a ALLOC   how much the child tries to allocate, in MiB (LIMIT * 2)
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2     use only a v1 or a v2 hierarchy
 *
 * Try (cgroup v2, systemd, the test guest): (a cgroup of its own: see README)
 *     $ sudo systemd-run --scope -p Delegate=yes ./cgroup_memory
 *     Running scope as unit: run-r....scope
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     limit: 32 MiB
 *     child: killed by SIGKILL after ... of 64 MiB
 *     memory.events max: ...
 *     memory.events oom_kill: 1
 *     memory.peak: 33554432
 *     $ sudo systemd-run --scope -p Delegate=yes ./cgroup_memory -a 16
 *     ...
 *     child: exited with status 0 after 16 of 16 MiB
 *     ...
 *   Observe: the child gets a little under 32 MiB (29 to 31 in the test
 *   guest, from one run to the next): its program, its stack and its
 *   page tables are charged to the cgroup too. dmesg shows the OOM
 *   killer's report, naming the cgroup ("Memory cgroup out of memory").
 *
 * Needs: root, or a cgroup delegated to you (-P, or systemd-run --user
 * --scope -p Delegate=yes); the memory controller; on v2 a cgroup of its
 * own (from a login shell's session scope it exits with 77).
 *
 * See also: cgroups(7), the kernel's Documentation/admin-guide/cgroup-v2.rst
 * (Memory) and cgroup-v1/memory.rst; TLPI has no cgroups (v1 is not in it, v2
 * came after it); course chapter 23.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_memory [-m LIMIT] [-a ALLOC] [-P PARENT] [-V 1|2]\n"
    "  -m LIMIT   the limit in MiB (32)\n"
    "  -a ALLOC   how much the child tries to allocate, in MiB (LIMIT * 2)\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2     use only a v1 or a v2 hierarchy\n";

#define MIB (1024 * 1024)

static void
set_limit(const struct cg_hier *h, const char *cg, long mib)
{
    long long bytes = (long long)mib * MIB;

    if (h->version == 2) {
        if (cg_write(cg, "memory.max", "%lld", bytes) == -1)
            err_exit("write %s/memory.max", cg);
        cg_write(cg, "memory.swap.max", "0"); /* absent without swap */
    } else {
        if (cg_write(cg, "memory.limit_in_bytes", "%lld", bytes) == -1)
            err_exit("write %s/memory.limit_in_bytes", cg);
        /* memory + swap, where the kernel accounts swap */
        cg_write(cg, "memory.memsw.limit_in_bytes", "%lld", bytes);
    }
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX], value[64];
    long limit = 32, alloc = 0, i;
    int opt, version = 0, status, go[2];
    volatile long *done; /* MiB touched, shared with the child */
    struct cg_hier h;
    char *p, byte;
    pid_t pid;

    while ((opt = get_option(argc, argv, "m:a:P:V:h")) != -1) {
        switch (opt) {
        case 'm':
            limit = parse_ll(optarg, 10, 4, 4096, "-m");
            break;
        case 'a':
            alloc = parse_ll(optarg, 10, 1, 8192, "-a");
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
    if (alloc == 0)
        alloc = 2 * limit;

    cg_need("memory", version, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    set_limit(&h, cg, limit);
    printf("limit: %ld MiB\n", limit);

    done = mmap(NULL, sizeof(*done), PROT_READ | PROT_WRITE,
                MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (done == MAP_FAILED)
        err_exit("mmap");
    if (pipe(go) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) { /* wait until in the cgroup, then eat memory */
        close(go[1]);
        if (read(go[0], &byte, 1) == -1)
            err_exit_child("read");
        for (i = 0; i < alloc; i++) {
            p = mmap(NULL, MIB, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED)
                err_exit_child("mmap");
            memset(p, 1, MIB); /* touched: now it is charged */
            *done = i + 1;
        }
        _exit(EXIT_SUCCESS);
    }
    if (cg_move(cg, pid) == -1) {
        kill(pid, SIGKILL);
        err_exit("move %d to %s", (int)pid, cg);
    }
    close(go[1]); /* go */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");

    if (WIFSIGNALED(status))
        printf("child: killed by %s after %ld of %ld MiB\n",
               WTERMSIG(status) == SIGKILL ? "SIGKILL"
                                           : strsignal(WTERMSIG(status)),
               *done, alloc);
    else
        printf("child: exited with status %d after %ld of %ld MiB\n",
               WEXITSTATUS(status), *done, alloc);
    if (h.version == 2) {
        printf("memory.events max: %lld\n", cg_key(cg, "memory.events", "max"));
        printf("memory.events oom_kill: %lld\n",
               cg_key(cg, "memory.events", "oom_kill"));
        if (cg_read(cg, "memory.peak", value, sizeof(value)) == 0)
            printf("memory.peak: %s\n", value);
    } else {
        if (cg_read(cg, "memory.failcnt", value, sizeof(value)) == 0)
            printf("memory.failcnt: %s\n", value);
        printf("memory.oom_control oom_kill: %lld\n",
               cg_key(cg, "memory.oom_control", "oom_kill"));
        if (cg_read(cg, "memory.max_usage_in_bytes", value, sizeof(value)) == 0)
            printf("memory.max_usage_in_bytes: %s\n", value);
    }
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return EXIT_SUCCESS;
}
