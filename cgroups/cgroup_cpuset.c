// SPDX-License-Identifier: MIT
/*
 * cgroup_cpuset - the CPUs a cgroup's processes may run on
 *
 * Demonstrates: the cpuset controller. A cgroup's cpuset.cpus is the set
 * of CPUs its processes may run on: the kernel narrows each process's CPU
 * affinity to it, at once, while the process runs, and a process inside
 * may choose among those CPUs (sched_setaffinity) but never step out of
 * them (EINVAL: no allowed CPU in the mask it asks for). A child is moved
 * into a new cgroup whose cpuset.cpus is the first CPU its parent allows;
 * the cpuset is then changed to the second; each time the child reads
 * its own Cpus_allowed_list in /proc/self/status. (On v1 a cpuset also
 * needs its memory nodes, cpuset.mems, before a process may join it.)
 *
 * Usage: cgroup_cpuset [-P PARENT] [-V 1|2]
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2     use only a v1 or a v2 hierarchy
 *
 * Try (hybrid):
 *     $ sudo ./cgroup_cpuset
 *     hierarchy: v1 /sys/fs/cgroup/cpuset (cpuset)
 *     cpuset.cpus: 0
 *     child: Cpus_allowed_list: 0
 *     cpuset.cpus: 1
 *     child: Cpus_allowed_list: 1
 *     child: sched_setaffinity to CPU 0: Invalid argument (EINVAL)
 *   Observe: the child did nothing to move; the cgroup moved it. A
 *   container limited to some CPUs (docker run --cpuset-cpus) is this.
 *
 * Needs: root, or a cgroup delegated to you (-P) with the cpuset
 * controller; two CPUs or more.
 *
 * See also: cpuset(7), sched_setaffinity(2), Documentation/admin-guide/
 * cgroup-v2.rst ("Cpuset"); TLPI 35.4 for CPU affinity (TLPI has no
 * cgroups); course chapter 23.
 */
#define _GNU_SOURCE /* CPU_SET, sched_setaffinity() */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_cpuset [-P PARENT] [-V 1|2]\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2     use only a v1 or a v2 hierarchy\n";

/* The child: each two bytes read from FD are a request, 'r' to report
 * its CPUs, 's' to try to run on CPU (the second byte) alone. Once it has
 * printed its answer, a byte on ACK says so. */
static void
child(int fd, int ack)
{
    unsigned char req[2]; /* unsigned: a CPU number is 0 to 126 */
    char cpus[256];
    cpu_set_t set;

    while (read(fd, req, 2) == 2) {
        if (req[0] == 'r') {
            if (proc_status_value("self", "Cpus_allowed_list", cpus,
                                  sizeof(cpus)) == -1)
                err_exit_child("read Cpus_allowed_list");
            printf("child: Cpus_allowed_list: %s\n", cpus);
        } else {
            /* Outside the cpuset: the kernel refuses, it does not
             * quietly narrow the mask to nothing. */
            CPU_ZERO(&set);
            CPU_SET(req[1], &set);
            if (sched_setaffinity(0, sizeof(set), &set) == -1)
                printf("child: sched_setaffinity to CPU %d: %s (%s)\n", req[1],
                       strerror(errno), errno_name(errno));
            else
                printf("child: sched_setaffinity to CPU %d: ok\n", req[1]);
        }
        fflush(stdout);
        if (write(ack, "", 1) != 1)
            err_exit_child("acknowledge");
    }
    _exit(EXIT_SUCCESS);
}

/* Ask the child (through FD) for REQ, and wait (on ACK) until it has
 * printed its answer: our lines and its share one stdout, in order. */
static void
ask(int fd, int ack, char req, int cpu)
{
    unsigned char msg[2] = {(unsigned char)req, (unsigned char)cpu};
    char c;

    if (write(fd, msg, 2) != 2 || read(ack, &c, 1) != 1)
        err_exit("talk to the child");
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX], mems[64];
    int opt, version = 0, to_child[2], acks[2], status, cpu;
    int first_cpu = -1, second_cpu = -1;
    struct cg_hier h;
    cpu_set_t ours;
    pid_t pid;

    while ((opt = get_option(argc, argv, "P:V:h")) != -1) {
        switch (opt) {
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

    /* Two CPUs that we may run on: the first and the second (among the
     * first 127: a CPU's number travels to the child in one byte). */
    if (sched_getaffinity(0, sizeof(ours), &ours) == -1)
        err_exit("sched_getaffinity");
    for (cpu = 0; cpu < CPU_SETSIZE && cpu < 127; cpu++)
        if (CPU_ISSET(cpu, &ours)) {
            if (first_cpu == -1)
                first_cpu = cpu;
            else if (second_cpu == -1)
                second_cpu = cpu;
        }
    if (second_cpu == -1)
        lacks("this process may run on one CPU only: the demo moves a "
              "process from one CPU to another");

    cg_need("cpuset", version, &h);
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    /* v1 leaves a new cpuset empty: no CPU, no memory node, and no
     * process may join it until both are set. v2 starts it with the
     * parent's, and cpuset.mems may stay as it is. */
    if (h.version == 1) {
        const char *above = parent != NULL ? parent : h.own;

        if (cg_read(above, "cpuset.mems", mems, sizeof(mems)) == -1)
            err_exit("read %s/cpuset.mems", above);
        if (mems[0] == '\0')
            fatal("%s/cpuset.mems is empty (a new v1 cpuset is): a cpuset "
                  "below it can have no memory node either; set it first",
                  above);
        if (cg_write(cg, "cpuset.mems", "%s", mems) == -1)
            err_exit("copy cpuset.mems into %s", cg);
    }
    if (cg_write(cg, "cpuset.cpus", "%d", first_cpu) == -1)
        err_exit("write cpuset.cpus");
    printf("cpuset.cpus: %d\n", first_cpu);

    /* A child that answers requests, and a pipe each way: requests down,
     * and an acknowledgement back once it has printed its answer. */
    if (pipe(to_child) == -1 || pipe(acks) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        close(to_child[1]);
        close(acks[0]);
        child(to_child[0], acks[1]);
    }
    close(to_child[0]);
    close(acks[1]);
    if (cg_move(cg, pid) == -1)
        err_exit("move %d into %s", (int)pid, cg);

    ask(to_child[1], acks[0], 'r', 0);
    /* Change the cpuset while the child runs: its affinity follows. */
    if (cg_write(cg, "cpuset.cpus", "%d", second_cpu) == -1)
        err_exit("write cpuset.cpus");
    printf("cpuset.cpus: %d\n", second_cpu);
    fflush(stdout);
    ask(to_child[1], acks[0], 'r', 0);
    ask(to_child[1], acks[0], 's', first_cpu);

    close(to_child[1]);
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return child_exit_status(status);
}
