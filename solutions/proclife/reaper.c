// SPDX-License-Identifier: MIT
/*
 * reaper - a subreaper that reaps a burst of orphans from one SIGCHLD
 *
 * Demonstrates: the job of a container's init or a service manager. It
 * marks itself a child subreaper, so orphans among its descendants are
 * given to it rather than to PID 1, and it reaps them all, although many
 * endings arrive as a single SIGCHLD: the handler calls
 * waitpid(-1, ..., WNOHANG) until nothing is left.
 *
 * Usage: reaper [-n COUNT]
 *   Start COUNT children (1 to 500; default 20), each of which starts a
 *   grandchild and exits, orphaning it. SIGCHLD stays blocked until all
 *   2 * COUNT processes have ended, so it is delivered once. Print how
 *   many the handler reaped; exit 0 if that was all of them.
 *
 * Try:
 *     $ ./reaper
 *     reaped: 40 of 40
 *     $ ./reaper -n 100
 *     reaped: 200 of 200
 *   Observe: 200 endings, one signal, no zombie left behind.
 *
 * Needs: Linux 3.4 or later (PR_SET_CHILD_SUBREAPER).
 *
 * See also: prctl(2) (PR_SET_CHILD_SUBREAPER), waitpid(2), signal(7);
 * TLPI 26.2 and 26.3.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: reaper [-n COUNT]\n"
    "  -n COUNT  children to start, each with a grandchild (default 20)\n";

static volatile sig_atomic_t reaped;

static void
handler(int sig)
{
    int saved_errno = errno;

    (void)sig;
    /* One SIGCHLD may stand for many endings: reap until none is left. */
    while (waitpid(-1, NULL, WNOHANG) > 0)
        reaped++;
    errno = saved_errno;
}

/* PID has ended: it is a zombie, or already gone from /proc. */
static bool
has_ended(pid_t pid)
{
    char state = proc_state(pid);

    return state == 'Z' || state == 0;
}

int
main(int argc, char *argv[])
{
    struct timespec tick = {.tv_nsec = 1000 * 1000};
    int opt, count = 20, pids_pipe[2];
    struct sigaction sa;
    sigset_t block;
    pid_t *pids;

    while ((opt = get_option(argc, argv, "n:h")) != -1) {
        switch (opt) {
        case 'n':
            count = parse_ll(optarg, 10, 1, 500, "-n");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    if (prctl(PR_SET_CHILD_SUBREAPER, 1) == -1)
        err_exit("prctl PR_SET_CHILD_SUBREAPER");

    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGCHLD, &sa, NULL) == -1)
        err_exit("sigaction");
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    if (sigprocmask(SIG_BLOCK, &block, NULL) == -1)
        err_exit("sigprocmask");

    /* Each child sends its own PID and its grandchild's down the pipe,
     * so we know every PID we are waiting for. */
    if (pipe(pids_pipe) == -1)
        err_exit("pipe");
    fflush(stdout);
    for (int i = 0; i < count; i++) {
        switch (fork()) {
        case -1:
            err_exit("fork");
        case 0: {
            pid_t both[2] = {getpid(), fork()};

            if (both[1] == -1)
                err_exit_child("fork");
            if (both[1] == 0)
                _exit(EXIT_SUCCESS); /* the grandchild */
            if (write(pids_pipe[1], both, sizeof(both)) != sizeof(both))
                err_exit_child("write");
            _exit(EXIT_SUCCESS); /* orphan the grandchild */
        }
        default:
            break;
        }
    }
    close(pids_pipe[1]);

    pids = calloc(2 * (size_t)count, sizeof(*pids));
    if (pids == NULL)
        err_exit("calloc");
    for (int i = 0; i < count; i++)
        if (read(pids_pipe[0], &pids[2 * i], 2 * sizeof(pid_t)) !=
            2 * sizeof(pid_t))
            fatal("a child did not report its PIDs");

    /* Every one ended (5 s at most): SIGCHLD is pending, once. */
    for (int i = 0; i < 2 * count; i++)
        for (int t = 0; t < 5000 && !has_ended(pids[i]); t++)
            nanosleep(&tick, NULL);
    if (sigprocmask(SIG_UNBLOCK, &block, NULL) == -1)
        err_exit("sigprocmask");

    printf("reaped: %d of %d\n", (int)reaped, 2 * count);
    free(pids);
    return reaped == 2 * count ? EXIT_SUCCESS : EXIT_FAILURE;
}
