// SPDX-License-Identifier: MIT
/*
 * thread_split - put the two threads of one process in two cgroups
 *
 * Demonstrates: moving single threads. Under a new cgroup the program
 * makes a and b and starts a second thread; then it puts its main
 * thread in a and the other in b. In cgroups v2 that takes a threaded
 * subtree: a and b are made "threaded", the process moves into their
 * parent through cgroup.procs, and each thread moves through
 * cgroup.threads. In v1 any thread moves alone, through tasks. Each
 * thread's line of /proc/self/task/TID/cgroup shows where it is. Then
 * everything is undone.
 *
 * Usage: thread_split [-P PARENT] [-V 1|2]
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2     use only a v1 or a v2 hierarchy
 *
 * Try (cgroup v2):
 *     $ sudo ./thread_split
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     thread 4242: 0::/.../isolab.thread_split.4242/a
 *     thread 4243: 0::/.../isolab.thread_split.4242/b
 *
 * Needs: root, or a cgroup delegated to you (-P); v2 (Linux 4.14) or a
 * v1 hierarchy (the pids one).
 *
 * See also: cgroups(7) (thread mode; tasks in v1),
 * ../../cgroups/cgroup_threads.c; TLPI has no cgroups (v1 is not in it, v2 came
 * after it); course chapter 25.
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
    "Usage: thread_split [-P PARENT] [-V 1|2]\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2     use only a v1 or a v2 hierarchy\n";

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

/* "thread TID: LINE" for the line of hierarchy H. */
static void
show(const struct cg_hier *h, pid_t tid)
{
    char path[64], line[PATH_MAX + 8];

    snprintf(path, sizeof(path), "/proc/self/task/%d/cgroup", (int)tid);
    if (cg_proc_line(path, h, line, sizeof(line)) == -1)
        err_exit("%s", path);
    printf("thread %d: %s\n", (int)tid, line);
}

/* Put thread TID into the cgroup DIR. */
static void
move_thread(const struct cg_hier *h, const char *dir, pid_t tid)
{
    if (cg_write(dir, h->version == 2 ? "cgroup.threads" : "tasks", "%d",
                 (int)tid) == -1)
        err_exit("move thread %d to %s", (int)tid, dir);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX], a[PATH_MAX + 4], b[PATH_MAX + 4];
    int opt, version = 0;
    struct cg_hier h;
    pthread_t thread;

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

    if (version != 1 && cg_find(NULL, 2, &h) == 0)
        cg_need(NULL, 2, &h);
    else
        cg_need("pids", 1, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    snprintf(a, sizeof(a), "%s/a", cg);
    snprintf(b, sizeof(b), "%s/b", cg);
    if (mkdir(a, 0755) == -1 || mkdir(b, 0755) == -1)
        err_exit("mkdir in %s", cg);

    if (pipe(quit) == -1)
        err_exit("pipe");
    /* The pthread functions return the error number; they do not set errno. */
    int rc = pthread_create(&thread, NULL, second_thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_create");
    while (other_tid == 0)
        usleep(1000);

    if (h.version == 2) { /* a threaded subtree, the process in its root */
        if (cg_write(a, "cgroup.type", "threaded") == -1 ||
            cg_write(b, "cgroup.type", "threaded") == -1)
            err_exit("make %s/a and b threaded", cg);
        if (cg_move(cg, 0) == -1)
            err_exit("move ourselves to %s", cg);
    }
    move_thread(&h, a, gettid());
    move_thread(&h, b, other_tid);
    show(&h, gettid());
    show(&h, other_tid);

    close(quit[1]);
    rc = pthread_join(thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_join");
    if (cg_move(h.own, 0) == -1)
        err_exit("move back to %s", h.own);
    if (cg_remove(a) == -1 || cg_remove(b) == -1 || cg_remove(cg) == -1)
        err_exit("rmdir in %s", cg);
    return EXIT_SUCCESS;
}
