// SPDX-License-Identifier: MIT
/*
 * cgroup_v1_tasks - cgroups v1: hierarchies, and tasks vs cgroup.procs
 *
 * Demonstrates: two things v1 does that v2 does not. First, the
 * hierarchies: each controller is bound to one hierarchy, several
 * hierarchies exist side by side, and a process is in one cgroup in
 * each; /proc/cgroups lists the binding. Second, a v1 cgroup has two
 * member files: cgroup.procs (processes) and tasks (threads), and any
 * thread can be moved alone by writing its TID to tasks. The program
 * puts its two threads into two cgroups a and b: each cgroup's
 * cgroup.procs then lists the same process, and the threads' lines in
 * /proc/self/task/TID/cgroup differ. With a controller such as memory,
 * what would "a thread's memory" in another cgroup even mean? That
 * question is one reason v2 keeps threads together (outside thread
 * mode, see cgroup_threads).
 *
 * Usage: cgroup_v1_tasks [-c CONTROLLER] [-P PARENT]
 *   -c CONTROLLER  the v1 hierarchy to use (pids)
 *   -P PARENT      make the cgroup below PARENT, not below our own cgroup
 *
 * Try:
 *     $ sudo ./cgroup_v1_tasks
 *     /proc/cgroups: cpu in hierarchy 1, cpuacct in 2, ..., pids in 8
 *     hierarchy: v1 /sys/fs/cgroup/pids (pids)
 *     a/tasks: 4242
 *     b/tasks: 4243
 *     a/cgroup.procs: 4242
 *     b/cgroup.procs: 4242
 *     thread 4242: 8:pids:/isolab.cgroup_v1_tasks.4242/a
 *     thread 4243: 8:pids:/isolab.cgroup_v1_tasks.4242/b
 *
 * Needs: root, or a cgroup delegated to you (-P); a v1 hierarchy (not on
 * a pure v2 system: exit 77).
 *
 * See also: cgroups(7) (Cgroups version 1: tasks, Problems with cgroups
 * v1), proc(5) /proc/cgroups; course chapter 26.
 */
#define _GNU_SOURCE /* gettid() */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_v1_tasks [-c CONTROLLER] [-P PARENT]\n"
    "  -c CONTROLLER  the v1 hierarchy to use (pids)\n"
    "  -P PARENT      make the cgroup below PARENT, not below our own cgroup\n";

static int quit[2];
static volatile pid_t other_tid;

static void *
second_thread(void *arg)
{
    char byte;

    (void)arg;
    other_tid = gettid();
    if (read(quit[0], &byte, 1) == -1)
        err_warn("read");
    return NULL;
}

/* "/proc/cgroups: cpu in hierarchy 1, ..." (0: in v2, or unmounted). */
static void
show_bindings(void)
{
    char name[64];
    int hier, n = 0;
    FILE *f = fopen("/proc/cgroups", "r");

    if (f == NULL)
        return;
    if (fscanf(f, "%*[^\n]\n") == EOF) { /* the header line */
        fclose(f);
        return;
    }
    printf("/proc/cgroups:");
    while (fscanf(f, "%63s %d %*d %*d\n", name, &hier) == 2)
        printf("%s %s in hierarchy %d", n++ ? "," : "", name, hier);
    printf("\n");
    fclose(f);
}

static void
show(const char *dir, const char *name, const char *file)
{
    char buf[256];

    if (cg_read(dir, file, buf, sizeof(buf)) == -1)
        err_exit("read %s/%s", dir, file);
    printf("%s/%s: %s\n", name, file, buf);
}

static void
show_thread(const struct cg_hier *h, pid_t tid)
{
    char path[64], line[PATH_MAX + 8];

    snprintf(path, sizeof(path), "/proc/self/task/%d/cgroup", (int)tid);
    if (cg_proc_line(path, h, line, sizeof(line)) == -1)
        err_exit("%s", path);
    printf("thread %d: %s\n", (int)tid, line);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL, *controller = "pids";
    char cg[PATH_MAX], a[PATH_MAX + 4], b[PATH_MAX + 4];
    struct cg_hier h;
    pthread_t thread;
    int opt;

    while ((opt = getopt(argc, argv, "c:P:h")) != -1) {
        switch (opt) {
        case 'c':
            controller = optarg;
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

    show_bindings();
    cg_need(controller, 1, &h);
    cg_create(&h, parent, cg, sizeof(cg));
    snprintf(a, sizeof(a), "%s/a", cg);
    snprintf(b, sizeof(b), "%s/b", cg);
    if (mkdir(a, 0755) == -1 || mkdir(b, 0755) == -1)
        err_exit("mkdir in %s", cg);

    if (pipe(quit) == -1)
        err_exit("pipe");
    errno = pthread_create(&thread, NULL, second_thread, NULL);
    if (errno != 0)
        err_exit("pthread_create");
    while (other_tid == 0)
        usleep(1000);
    /* One thread each, through tasks. */
    if (cg_write(a, "tasks", "%d", (int)gettid()) == -1 ||
        cg_write(b, "tasks", "%d", (int)other_tid) == -1)
        err_exit("write to tasks");
    show(a, "a", "tasks");
    show(b, "b", "tasks");
    show(a, "a", "cgroup.procs");
    show(b, "b", "cgroup.procs");
    show_thread(&h, gettid());
    show_thread(&h, other_tid);

    close(quit[1]);
    errno = pthread_join(thread, NULL);
    if (errno != 0)
        err_exit("pthread_join");
    if (cg_move(h.own, 0) == -1)
        err_exit("move back to %s", h.own);
    if (cg_remove(a) == -1 || cg_remove(b) == -1 || cg_remove(cg) == -1)
        err_exit("rmdir in %s", cg);
    return EXIT_SUCCESS;
}
