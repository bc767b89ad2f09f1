// SPDX-License-Identifier: MIT
/*
 * demo_orphan - a process whose parent ends is adopted
 *
 * Demonstrates: when a parent ends before its child, the child is not
 * left without a parent: the kernel gives it a new one, the nearest
 * ancestor that has marked itself a "child subreaper" with
 * prctl(PR_SET_CHILD_SUBREAPER), or else the init process of its PID
 * namespace. The new parent is the one that must wait() for it. Service
 * managers (systemd) and container inits use the subreaper mark to keep
 * the processes they start, however those daemonize.
 *
 * Usage: demo_orphan [-s]
 *   -s  mark this process as a child subreaper first
 *   This process starts a child, which starts a grandchild and exits. The
 *   grandchild reports its parent before and after.
 *
 * Try:
 *     $ ./demo_orphan
 *     top: pid 4300
 *     grandchild: parent 4301 (the child)
 *     grandchild: parent now ...
 *     $ ./demo_orphan -s
 *     top: pid 4300, a child subreaper
 *     grandchild: parent 4301 (the child)
 *     grandchild: parent now 4300 (demo_orphan)
 *   Observe: without -s the orphan goes to init, or to a subreaper above
 *   us (a desktop session often has one: `systemd --user`); with -s it
 *   comes back to the top process, which reaps it.
 *
 * Needs: nothing special; Linux 3.4 or later for -s.
 *
 * See also: prctl(2) (PR_SET_CHILD_SUBREAPER), wait(2), getppid(2);
 * TLPI 26.2.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_orphan [-s]\n"
    "  -s  mark this process as a child subreaper first\n";

/* The command name of PID, from /proc/PID/comm. */
static const char *
comm_of(pid_t pid, char *buf, size_t size)
{
    char path[64];
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%ld/comm", (long)pid);
    f = fopen(path, "r");
    if (f == NULL || fgets(buf, size, f) == NULL)
        snprintf(buf, size, "?\n");
    if (f != NULL)
        fclose(f);
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

/* The grandchild: watch its parent change under it. getppid() is asked
 * anew each time: the kernel rewrites it when the parent ends. */
static noreturn void
grandchild(pid_t child)
{
    struct timespec tick = {.tv_nsec = 10 * 1000 * 1000};
    char name[64];

    printf("grandchild: parent %ld (the child)\n", (long)child);
    fflush(stdout);
    /* The child exits now; wait (up to 5 s) to be adopted. */
    for (int i = 0; i < 500 && getppid() == child; i++)
        nanosleep(&tick, NULL);
    /* Adopted by the nearest subreaper above it, or by init (PID 1 of
     * our PID namespace; under systemd, often a user manager that
     * declared itself a subreaper). */
    printf("grandchild: parent now %ld (%s)\n", (long)getppid(),
           comm_of(getppid(), name, sizeof(name)));
    fflush(stdout);
    _exit(EXIT_SUCCESS);
}

int
main(int argc, char *argv[])
{
    bool subreaper = false;
    int opt, status, done[2];
    pid_t child;
    char c;

    while ((opt = get_option(argc, argv, "sh")) != -1) {
        switch (opt) {
        case 's':
            subreaper = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* A subreaper adopts the orphans among its descendants, in init's
     * place: how a service manager or a container runtime keeps track
     * of processes that daemonize. */
    if (subreaper && prctl(PR_SET_CHILD_SUBREAPER, 1) == -1)
        err_exit("prctl PR_SET_CHILD_SUBREAPER");
    printf("top: pid %ld%s\n", (long)getpid(),
           subreaper ? ", a child subreaper" : "");
    fflush(stdout);

    /* Without -s the grandchild is not ours to wait() for; its end is
     * seen instead as end of file on a pipe whose write end it holds. */
    if (pipe(done) == -1)
        err_exit("pipe");
    child = fork();
    if (child == -1)
        err_exit("fork");
    if (child == 0) {
        pid_t me = getpid(); /* before fork(): the grandchild's parent */

        close(done[0]);
        switch (fork()) {
        case -1:
            err_exit_child("fork");
        case 0:
            grandchild(me);
        default:
            _exit(EXIT_SUCCESS); /* orphan the grandchild */
        }
    }
    close(done[1]);
    if (waitpid(child, &status, 0) == -1)
        err_exit("waitpid child");
    if (read(done[0], &c, 1) == -1) /* 0: the grandchild has ended */
        err_exit("read");

    /* A subreaper adopted the grandchild, and must reap it. */
    if (subreaper && wait(&status) == -1)
        err_exit("wait for the adopted grandchild");
    return EXIT_SUCCESS;
}
