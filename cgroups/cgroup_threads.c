// SPDX-License-Identifier: MIT
/*
 * cgroup_threads - thread mode: threads of one process in two cgroups
 *
 * Demonstrates: cgroups v2 keeps a process's threads together, except in
 * a threaded subtree. Under a new cgroup P, the program makes t1, t2
 * and d. Writing "threaded" to t1/cgroup.type turns P into the root of
 * a threaded subtree ("domain threaded"), and its other children into
 * "domain invalid": they must become threaded too, and until then no
 * process may enter them (EOPNOTSUPP). After t2 is made threaded, the
 * program moves itself into P and then each of its two threads, through
 * cgroup.threads, into t1 and t2: /proc/self/task/TID/cgroup differs.
 * Then everything is undone.
 *
 * Usage: cgroup_threads [-P PARENT]
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *
 * Try (cgroup v2):
 *     $ sudo ./cgroup_threads
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     t1 made threaded: P domain threaded, t1 threaded, t2 domain invalid, ...
 *     a process into d: Operation not supported (EOPNOTSUPP)
 *     t2 made threaded: t2 threaded
 *     thread 4242: 0::/.../isolab.cgroup_threads.4242/t1
 *     thread 4243: 0::/.../isolab.cgroup_threads.4242/t2
 *
 * Needs: root, or a cgroup delegated to you (-P); cgroups v2, Linux 4.14.
 *
 * See also: cgroups(7) (Cgroups v2 thread mode), the kernel's
 * Documentation/admin-guide/cgroup-v2.rst (Threads); TLPI has no cgroups (v1 is
 * not in it, v2 came after it); course chapter 25.
 */
#define _GNU_SOURCE /* gettid() */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_threads [-P PARENT]\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n";

/* Two pipes between the threads: the second sends its thread ID on
 * HELLO once it runs, then waits on QUIT until the end. */
static int hello[2], quit[2];

static void *
second_thread(void *arg)
{
    pid_t tid = gettid();
    char byte;

    (void)arg;
    /* (a pipe, not a shared variable: read() waits for it, and hands
     * the value over safely between threads) */
    if (write(hello[1], &tid, sizeof(tid)) != sizeof(tid))
        err_warn("write");
    if (read(quit[0], &byte, 1) == -1) /* until the end */
        err_warn("read");
    return NULL;
}

static const char *
type_of(const char *cg, char *buf, size_t size)
{
    if (cg_read(cg, "cgroup.type", buf, size) == -1)
        snprintf(buf, size, "?");
    return buf;
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
    const char *parent = NULL;
    char p[PATH_MAX], t1[PATH_MAX + 4], t2[PATH_MAX + 4], d[PATH_MAX + 4];
    char ty[4][32];
    int opt, status;
    struct cg_hier h;
    pthread_t thread;
    pid_t other_tid;
    pid_t child;

    while ((opt = get_option(argc, argv, "P:h")) != -1) {
        switch (opt) {
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

    cg_need(NULL, 2, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, p, sizeof(p));
    snprintf(t1, sizeof(t1), "%s/t1", p);
    snprintf(t2, sizeof(t2), "%s/t2", p);
    snprintf(d, sizeof(d), "%s/d", p);
    if (mkdir(t1, 0755) == -1 || mkdir(t2, 0755) == -1 || mkdir(d, 0755) == -1)
        err_exit("mkdir in %s", p);

    if (cg_write(t1, "cgroup.type", "threaded") == -1)
        err_exit("write threaded to %s/cgroup.type", t1);
    printf("t1 made threaded: P %s, t1 %s, t2 %s, d %s\n",
           type_of(p, ty[0], 32), type_of(t1, ty[1], 32),
           type_of(t2, ty[2], 32), type_of(d, ty[3], 32));

    /* A "domain invalid" cgroup takes no process. */
    fflush(stdout);
    child = fork();
    if (child == -1)
        err_exit("fork");
    if (child == 0) {
        pause();
        _exit(EXIT_SUCCESS);
    }
    if (cg_move(d, child) == 0)
        fatal("a process entered a domain invalid cgroup");
    printf("a process into d: %s (%s)\n", strerror(errno), errno_name(errno));
    kill(child, SIGKILL);
    waitpid(child, &status, 0);

    if (cg_write(t2, "cgroup.type", "threaded") == -1)
        err_exit("write threaded to %s/cgroup.type", t2);
    printf("t2 made threaded: t2 %s\n", type_of(t2, ty[2], 32));

    /* Our two threads: into P as a process, then apart, one each. */
    if (pipe(hello) == -1 || pipe(quit) == -1)
        err_exit("pipe");
    /* The pthread functions return the error number; they do not set errno. */
    int rc = pthread_create(&thread, NULL, second_thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_create");
    /* Its thread ID, once it runs: the kernel's name for that thread. */
    if (read(hello[0], &other_tid, sizeof(other_tid)) != sizeof(other_tid))
        err_exit("read the second thread's ID");
    if (cg_move(p, 0) == -1)
        err_exit("move ourselves to %s", p);
    if (cg_write(t1, "cgroup.threads", "%d", (int)gettid()) == -1 ||
        cg_write(t2, "cgroup.threads", "%d", (int)other_tid) == -1)
        err_exit("write to cgroup.threads");
    show_thread(&h, gettid());
    show_thread(&h, other_tid);

    /* Undo: the thread ends, we leave the subtree, the cgroups go. */
    close(quit[1]);
    rc = pthread_join(thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_join");
    if (cg_move(h.own, 0) == -1)
        err_exit("move back to %s", h.own);
    if (cg_remove(t1) == -1 || cg_remove(t2) == -1 || cg_remove(d) == -1 ||
        cg_remove(p) == -1)
        err_exit("rmdir in %s", p);
    return EXIT_SUCCESS;
}
