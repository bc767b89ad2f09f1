// SPDX-License-Identifier: MIT
/*
 * cgroup_pressure - memory.high holds a cgroup back without killing it,
 * and pressure stall information says what that cost
 *
 * Demonstrates: the memory controller's soft limit (v2 only). Over
 * memory.max the kernel reclaims or, failing that, kills (cgroup_memory);
 * over memory.high it only reclaims, each time a process of the cgroup
 * returns to user space, and slows the process down when reclaim cannot
 * keep up. Nothing is killed. A child in a cgroup with memory.high HIGH
 * MiB writes ALLOC MiB to a file (on disk, in DIR): each page it writes
 * is charged to the cgroup, as page cache, and is reclaimed once the
 * cgroup is over HIGH. The parent reports what the cgroup counted:
 * memory.peak (a little over HIGH, not ALLOC), memory.events (high: the
 * times the cgroup went over; oom_kill: none), and memory.pressure, the
 * pressure stall information (PSI, Linux 4.20): how long, in
 * microseconds, some of the cgroup's processes (some) or all of them at
 * once (full) were held up waiting for memory. io.pressure and
 * cpu.pressure say the same of the disk and the CPU; /proc/pressure/ of
 * the whole machine. A monitor (systemd-oomd, a container platform)
 * acts on these numbers before the OOM killer would.
 *
 * Usage: cgroup_pressure [-H HIGH] [-a ALLOC] [-d DIR] [-P PARENT]
 *   -H HIGH    memory.high in MiB (16)
 *   -a ALLOC   how much the child writes, in MiB (HIGH * 4)
 *   -d DIR     where the child's file goes (/var/tmp); not a tmpfs
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *
 * Try (cgroup v2, systemd, the test guest):
 *     $ sudo systemd-run --scope -p Delegate=yes ./cgroup_pressure
 *     Running scope as unit: run-r....scope
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     memory.high: 16 MiB
 *     child: wrote 64 MiB to a file in /var/tmp, exited with status 0
 *     memory.peak: ... MiB
 *     memory.events high: ...
 *     memory.events oom_kill: 0
 *     memory.pressure: some ... us, full ... us
 *   Observe: memory.peak is near HIGH: the cgroup never held the whole
 *   file. Run with -H 1024 for a cgroup that never needs reclaim: no high
 *   event, and a pressure near 0.
 *
 * Needs: cgroup v2 with the memory controller; root, or a cgroup
 * delegated to you (-P, or systemd-run --user --scope -p Delegate=yes); a
 * cgroup of its own (from a login shell's session scope it exits with
 * 77); a kernel with PSI (for memory.pressure).
 *
 * See also: cgroups(7), Documentation/admin-guide/cgroup-v2.rst (Memory,
 * memory.high) and Documentation/accounting/psi.rst; TLPI has no cgroups
 * (v2 came after it); course chapter 23.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h> /* TMPFS_MAGIC, RAMFS_MAGIC */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_pressure [-H HIGH] [-a ALLOC] [-d DIR] [-P PARENT]\n"
    "  -H HIGH    memory.high in MiB (16)\n"
    "  -a ALLOC   how much the child writes, in MiB (HIGH * 4)\n"
    "  -d DIR     where the child's file goes (/var/tmp); not a tmpfs\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n";

#define MIB (1024 * 1024)

/* The child: write ALLOC MiB to FD, a MiB at a time. The pages stay in
 * the page cache, charged to our cgroup, until they are written back
 * and reclaimed. */
static void
child(int fd, long alloc)
{
    static char buf[MIB];
    long i;

    memset(buf, 'x', sizeof(buf));
    for (i = 0; i < alloc; i++)
        if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
            err_exit_child("write");
    _exit(EXIT_SUCCESS);
}

/* "some avg10=0.00 avg60=0.00 avg300=0.00 total=1234" and the same for
 * "full": print the two totals, or why there are none. */
static void
show_pressure(const char *cg)
{
    char text[512];
    unsigned long long some, full;
    const char *p, *q;

    if (cg_read(cg, "memory.pressure", text, sizeof(text)) == -1) {
        printf("memory.pressure: none (%s: the kernel was built without "
               "PSI, or booted with psi=0)\n",
               errno_name(errno));
        return;
    }
    p = strstr(text, "some ");
    q = strstr(text, "full ");
    if (p == NULL || q == NULL || (p = strstr(p, "total=")) == NULL ||
        (q = strstr(q, "total=")) == NULL ||
        sscanf(p, "total=%llu", &some) != 1 ||
        sscanf(q, "total=%llu", &full) != 1)
        fatal("memory.pressure: cannot read '%s'", text);
    printf("memory.pressure: some %llu us, full %llu us\n", some, full);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL, *dir = "/var/tmp";
    char cg[PATH_MAX], value[64];
    long high = 16, alloc = 0;
    int opt, status, fd, go[2];
    struct cg_hier h;
    struct statfs fs;
    char byte;
    pid_t pid;

    while ((opt = get_option(argc, argv, "H:a:d:P:h")) != -1) {
        switch (opt) {
        case 'H':
            high = parse_ll(optarg, 10, 4, 65536, "-H");
            break;
        case 'a':
            alloc = parse_ll(optarg, 10, 1, 65536, "-a");
            break;
        case 'd':
            dir = optarg;
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
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    if (alloc == 0)
        alloc = 4 * high;

    /* The file first: a tmpfs keeps its pages in memory (shmem), which
     * only swap can take, and the lesson would be a very slow child. */
    if (statfs(dir, &fs) == -1)
        err_exit("statfs %s", dir);
    if (fs.f_type == TMPFS_MAGIC || fs.f_type == RAMFS_MAGIC)
        fatal("%s is in memory (tmpfs): its pages cannot be reclaimed "
              "without swap; name a directory on a disk with -d",
              dir);
    fd = nameless_file(dir, O_WRONLY | O_CLOEXEC); /* gone with us */
    if (fd == -1)
        err_exit("create a file in %s", dir);

    /* memory.high is v2's: v1 has no soft limit that holds back. */
    cg_need("memory", 2, &h);
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    if (cg_write(cg, "memory.high", "%lld", (long long)high * MIB) == -1)
        err_exit("write %s/memory.high", cg);
    printf("memory.high: %ld MiB\n", high);

    if (pipe(go) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) { /* wait until in the cgroup, then write */
        close(go[1]);
        if (read(go[0], &byte, 1) == -1)
            err_exit_child("read");
        child(fd, alloc);
    }
    close(fd); /* the child has its own copy */
    close(go[0]);
    if (cg_move(cg, pid) == -1) {
        kill(pid, SIGKILL);
        err_exit("move %d to %s", (int)pid, cg);
    }
    close(go[1]); /* go */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    if (WIFSIGNALED(status))
        printf("child: killed by %s\n",
               signal_name(WTERMSIG(status), value, sizeof(value)));
    else
        printf("child: wrote %ld MiB to a file in %s, exited with status "
               "%d\n",
               alloc, dir, WEXITSTATUS(status));

    /* The cgroup keeps its counters until it is removed. memory.peak
     * came in Linux 5.19. */
    if (cg_read(cg, "memory.peak", value, sizeof(value)) == 0)
        printf("memory.peak: %lld MiB\n", (atoll(value) + MIB - 1) / MIB);
    printf("memory.events high: %lld\n", cg_key(cg, "memory.events", "high"));
    printf("memory.events oom_kill: %lld\n",
           cg_key(cg, "memory.events", "oom_kill"));
    show_pressure(cg);
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return EXIT_SUCCESS;
}
