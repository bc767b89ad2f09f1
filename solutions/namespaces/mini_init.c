// SPDX-License-Identifier: MIT
/*
 * mini_init - a minimal init for a PID namespace
 *
 * Demonstrates: what PID 1 of a container owes the processes below it.
 * It starts the command, then reaps every child that ends, its own and
 * the orphans the kernel hands it, so that none lingers as a zombie. It
 * passes SIGTERM, SIGINT and SIGHUP on to the command (as init, it would
 * otherwise ignore them: it has no default action), and when the command
 * ends, it ends with the command's status.
 *
 * Usage: mini_init CMD [ARG...]
 *   Meant to be PID 1 of a new PID namespace, for example:
 *   unshare -rpf --mount-proc ./mini_init CMD. It also works elsewhere.
 *
 * Try:
 *     $ unshare -rpf --mount-proc ./mini_init sh -c 'sleep 1 & ps -o pid,stat,comm'
 *         PID STAT COMMAND
 *           1 S+   mini_init
 *           2 S+   sh
 *           3 S+   sleep
 *           4 R+   ps
 *     $ unshare -rpf --mount-proc ./mini_init sh -c 'exit 3'; echo $?
 *     3
 *   Observe: the orphaned sleep is reaped by mini_init when it ends, and
 *   never shows as "Z"; the exit status is the command's.
 *
 * Needs: nothing special; a PID namespace (unshare -rpf) to play init.
 *
 * See also: pid_namespaces(7), wait(2), sigwaitinfo(2), tini and dumb-init (the
 * inits that container runtimes use); TLPI 28.2.1 names the CLONE_NEW* flags,
 * no more: namespaces grew after it; course chapter 14.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: mini_init CMD [ARG...]\n";

int
main(int argc, char *argv[])
{
    const int forwarded[] = {SIGTERM, SIGINT, SIGHUP};
    sigset_t set, orig;
    int opt, status, result = EXIT_FAILURE;
    bool done = false;
    siginfo_t si;
    pid_t child;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    /* Every signal we handle is taken synchronously with sigwaitinfo():
     * block them first, and unblock them for the command. */
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
        sigaddset(&set, forwarded[i]);
    if (sigprocmask(SIG_BLOCK, &set, &orig) == -1)
        err_exit("sigprocmask");

    fflush(stdout);
    child = fork();
    if (child == -1)
        err_exit("fork");
    if (child == 0) {
        sigprocmask(SIG_SETMASK, &orig, NULL);
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }

    /* Until the command has ended. Then we end too, and in a PID
     * namespace the kernel kills whatever is left. */
    while (!done) {
        if (sigwaitinfo(&set, &si) == -1) {
            if (errno == EINTR)
                continue;
            err_exit("sigwaitinfo");
        }
        if (si.si_signo != SIGCHLD) {
            kill(child, si.si_signo); /* pass it on to the command */
            continue;
        }
        /* One SIGCHLD may stand for many endings: reap them all. */
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            if (pid == child) {
                result = child_exit_status(status);
                done = true;
            }
        }
    }
    return result;
}
