// SPDX-License-Identifier: MIT
/*
 * cgroup_events - learn that a cgroup has emptied, without polling
 *
 * Demonstrates: release notification in cgroups v2. Every non-root
 * cgroup has a file cgroup.events whose line "populated" is 1 while a
 * process is in the cgroup or below it, and 0 when none is. The kernel
 * signals each change as a file modification: inotify (IN_MODIFY) on
 * the file, or poll() for POLLPRI on it, wakes the watcher. Here a child
 * in a new cgroup starts a grandchild and ends; the parent watches until
 * the grandchild ends too and "populated" goes to 0. systemd learns that
 * a service has stopped this way. (In v1 the same news came from a
 * release agent, a program the kernel runs: see cgroup_release.)
 *
 * Usage: cgroup_events [-P PARENT]
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *
 * Try (cgroup v2):
 *     $ sudo ./cgroup_events
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     cgroup.events: populated 1
 *     (the child has ended; a grandchild of ours is still in the cgroup)
 *     cgroup.events: populated 0
 *   Observe: waitpid() could not have told us when the grandchild ended;
 *   the cgroup does, whoever the last process was.
 *
 * Needs: root, or a cgroup delegated to you (-P); cgroups v2 (Linux 4.5).
 *
 * See also: cgroups(7) (Cgroups v2 release notification), inotify(7), poll(2);
 * TLPI has no cgroups (v1 is not in it, v2 came after it); course chapter 24.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_events [-P PARENT]\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n";

int
main(int argc, char *argv[])
{
    char cg[PATH_MAX], events[PATH_MAX + 16], buf[4096];
    const char *parent = NULL;
    int opt, ifd, go[2];
    struct cg_hier h;
    char byte;
    pid_t pid;

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
    cg_create(&h, parent, cg, sizeof(cg));
    snprintf(events, sizeof(events), "%s/cgroup.events", cg);
    ifd = inotify_init1(IN_CLOEXEC);
    if (ifd == -1 || inotify_add_watch(ifd, events, IN_MODIFY) == -1)
        err_exit("inotify %s", events);

    /* A child that, once in the cgroup, leaves a grandchild behind that
     * lives a little longer than itself. */
    if (pipe(go) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        close(go[1]);
        if (read(go[0], &byte, 1) == -1)
            err_exit_child("read");
        if (fork() == 0) {
            usleep(300 * 1000);
            _exit(EXIT_SUCCESS);
        }
        _exit(EXIT_SUCCESS);
    }
    if (cg_move(cg, pid) == -1) {
        kill(pid, SIGKILL);
        err_exit("move %d to %s", (int)pid, cg);
    }
    printf("cgroup.events: populated %lld\n",
           cg_key(cg, "cgroup.events", "populated"));
    close(go[1]); /* go */
    if (waitpid(pid, NULL, 0) == -1)
        err_exit("waitpid");
    printf("(the child has ended; a grandchild of ours is still in the "
           "cgroup)\n");
    fflush(stdout);

    /* Sleep in read() until the file changes and says 0. */
    while (cg_key(cg, "cgroup.events", "populated") != 0)
        if (read(ifd, buf, sizeof(buf)) == -1 && errno != EINTR)
            err_exit("read inotify");
    printf("cgroup.events: populated 0\n");
    close(ifd);
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return EXIT_SUCCESS;
}
