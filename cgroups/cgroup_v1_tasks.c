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
 * On a pure v2 machine no controller is left for v1, but the kernel
 * still mounts a v1 hierarchy with no controller at all, known by a name
 * ("none,name=..."): systemd itself ran on one for years. Without -c,
 * the program then mounts one of its own in a private mount namespace
 * (the host's mount table never sees it) and shows tasks and
 * cgroup.procs there: the lesson needs no controller.
 *
 * Usage: cgroup_v1_tasks [-c CONTROLLER] [-P PARENT]
 *   -c CONTROLLER  the v1 hierarchy to use (pids; without -c, where no v1
 *                  hierarchy holds pids, a named one of our own)
 *   -P PARENT      make the cgroup below PARENT, not below our own cgroup
 *
 * Try (hybrid):
 *     $ sudo ./cgroup_v1_tasks
 *     /proc/cgroups: cpuset in hierarchy 3, cpu in hierarchy 1, ..., pids in hierarchy 8
 *     hierarchy: v1 /sys/fs/cgroup/pids (pids)
 *     a/tasks: 4242
 *     b/tasks: 4243
 *     a/cgroup.procs: 4242
 *     b/cgroup.procs: 4242
 *     thread 4242: 8:pids:/isolab.cgroup_v1_tasks.4242/a
 *     thread 4243: 8:pids:/isolab.cgroup_v1_tasks.4242/b
 * Try (cgroup v2): (a named hierarchy of our own)
 *     $ sudo ./cgroup_v1_tasks
 *     /proc/cgroups: cpuset in hierarchy 0, cpu in hierarchy 0, ...
 *     hierarchy: a named v1 hierarchy of our own, name=isolab_tasks.4242 ...
 *     hierarchy: v1 /tmp/isolab-tasks... (name=isolab_tasks.4242)
 *     ...
 *     thread 4242: ...:name=isolab_tasks.4242:/isolab.cgroup_v1_tasks.4242/a
 *     thread 4243: ...:name=isolab_tasks.4242:/isolab.cgroup_v1_tasks.4242/b
 *
 * Needs: root, or a cgroup delegated to you (-P); a v1 hierarchy, or on a
 * pure v2 system root and a kernel that can still mount v1 (exit 77
 * otherwise).
 *
 * See also: cgroups(7) (Cgroups version 1: tasks, Problems with cgroups v1),
 * proc(5) /proc/cgroups; TLPI has no cgroups (v1 is not in it, v2 came after
 * it); course chapter 26.
 */
#define _GNU_SOURCE /* gettid() */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_v1_tasks [-c CONTROLLER] [-P PARENT]\n"
    "  -c CONTROLLER  the v1 hierarchy to use (pids; without -c, where no v1\n"
    "                 hierarchy holds pids, a named one of our own)\n"
    "  -P PARENT      make the cgroup below PARENT, not below our own cgroup\n";

/* Two pipes between the threads: the second sends its thread ID on
 * HELLO once it runs, then waits on QUIT until the end. */
static int hello[2], quit[2];
static char named_dir[256]; /* where our named hierarchy is mounted */

static char named[64]; /* its name, "name=isolab_tasks.PID" */

static void
unmount_named(void)
{
    /* Our cgroups in it are gone by now (cg_create()'s own exit handler
     * runs first): unmounted, the empty hierarchy goes with it. */
    if (cg_unmount_named(named_dir, named) == -1)
        err_warn("the hierarchy %s is still there", named);
    if (rmdir(named_dir) == -1)
        err_warn("rmdir %s", named_dir);
}

/* A v1 hierarchy with no controller, NAME, mounted in a private mount
 * namespace of ours; its name in NAME. */
static void
mount_named(void)
{
    char options[96];

    snprintf(named, sizeof(named), "name=isolab_tasks.%d", (int)getpid());
    snprintf(options, sizeof(options), "none,%s", named);
    printf("hierarchy: a named v1 hierarchy of our own, %s (no v1 hierarchy "
           "holds pids here)\n",
           named);
    if (unshare(CLONE_NEWNS) == -1) {
        if (errno == EPERM)
            lacks("no v1 hierarchy holds pids here, and mounting one of our "
                  "own needs root: sudo ./cgroup_v1_tasks");
        err_exit("unshare CLONE_NEWNS");
    }
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit("make / private");
    snprintf(named_dir, sizeof(named_dir), "%s/isolab-tasks.XXXXXX", tmp_dir());
    if (mkdtemp(named_dir) == NULL)
        err_exit("mkdtemp %s", named_dir);
    if (mount("cgroup", named_dir, "cgroup", 0, options) == -1) {
        int saved = errno;

        rmdir(named_dir);
        errno = saved;
        if (errno == ENODEV || errno == EPERM || errno == EINVAL)
            lacks("this kernel cannot mount a v1 hierarchy (mount cgroup "
                  "%s: %s): cgroups v1 is not built in, or is switched off",
                  options, strerror(errno));
        err_exit("mount cgroup %s %s", options, named_dir);
    }
    atexit(unmount_named);
}

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
    const char *parent = NULL, *controller = NULL;
    char cg[PATH_MAX], a[PATH_MAX + 4], b[PATH_MAX + 4];
    struct cg_hier h;
    pthread_t thread;
    pid_t other_tid;
    int opt;

    while ((opt = get_option(argc, argv, "c:P:h")) != -1) {
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
    if (controller == NULL && cg_find("pids", 1, &h) == -1) {
        if (parent != NULL)
            usage_err("-P: no v1 hierarchy holds pids here, and the named "
                      "one of our own has no cgroup of yours");
        mount_named();
        controller = named;
    }
    cg_need(controller != NULL ? controller : "pids", 1, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    snprintf(a, sizeof(a), "%s/a", cg);
    snprintf(b, sizeof(b), "%s/b", cg);
    if (mkdir(a, 0755) == -1 || mkdir(b, 0755) == -1)
        err_exit("mkdir in %s", cg);

    if (pipe(hello) == -1 || pipe(quit) == -1)
        err_exit("pipe");
    /* The pthread functions return the error number; they do not set errno. */
    int rc = pthread_create(&thread, NULL, second_thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_create");
    /* Its thread ID, once it runs: the kernel's name for that thread. */
    if (read(hello[0], &other_tid, sizeof(other_tid)) != sizeof(other_tid))
        err_exit("read the second thread's ID");
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
    rc = pthread_join(thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_join");
    if (cg_move(h.own, 0) == -1)
        err_exit("move back to %s", h.own);
    if (cg_remove(a) == -1 || cg_remove(b) == -1 || cg_remove(cg) == -1)
        err_exit("rmdir in %s", cg);
    return EXIT_SUCCESS;
}
