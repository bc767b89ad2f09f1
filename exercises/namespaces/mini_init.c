// SPDX-License-Identifier: MIT
/*
 * mini_init - a minimal init for a PID namespace
 *
 * Exercise (see exercises/namespaces/README.md, "mini_init"): this
 * skeleton starts the command and waits for it alone. Make it reap the
 * orphans too, and pass signals on to the command. Fill in the
 * TODO(mini_init) part.
 *
 * Usage: mini_init CMD [ARG...]
 *   Meant to be PID 1 of a new PID namespace, for example:
 *   unshare -rpf --mount-proc ./mini_init CMD. It also works elsewhere.
 *
 * Try:
 *     $ unshare -rpf --mount-proc ./mini_init sh -c 'sh -c "true &"; sleep 1; ps -e -o pid,stat,comm'
 *     $ make grade EX=namespaces/mini_init      # from the top of the kit
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

    /* TODO(mini_init): this waits for the command only. Wait instead
     * for the signals in SET with sigwaitinfo(): pass SIGTERM, SIGINT and
     * SIGHUP on to the command, and on SIGCHLD reap every child that has
     * ended (orphans included), until the command itself is reaped. */
    (void)si;
    (void)done;
    if (waitpid(child, &status, 0) == -1)
        err_exit("waitpid");
    result = child_exit_status(status);
    return result;
}
