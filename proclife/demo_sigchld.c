// SPDX-License-Identifier: MIT
/*
 * demo_sigchld - SIGCHLD coalesces: a handler must reap in a loop
 *
 * Demonstrates: a parent learns that children ended through SIGCHLD, but
 * SIGCHLD is a standard signal: several children ending while it is
 * pending (or blocked, or while the handler runs) produce one delivery.
 * A handler that calls waitpid() once per signal leaves zombies behind; a
 * correct one calls waitpid(-1, &status, WNOHANG) until it returns 0 or
 * fails with ECHILD. This demo makes the worst case certain: SIGCHLD is
 * blocked until every child has ended, so it arrives exactly once.
 *
 * Usage: demo_sigchld [-o] [-n COUNT]
 *   -o        a naive handler: one waitpid() per SIGCHLD
 *   -n COUNT  how many children (1 to 1000; default 20)
 *
 * Try:
 *     $ ./demo_sigchld
 *     children: 20, all ended while SIGCHLD was blocked
 *     handler calls: 1
 *     reaped by the handler: 20
 *     zombies left: 0
 *     $ ./demo_sigchld -o
 *     ...
 *     reaped by the handler: 1
 *     zombies left: 19
 *   Observe: twenty ends, one signal. The naive handler reaped one child;
 *   the loop reaped all. (The zombies left are reaped at the end.)
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: sigaction(2), waitpid(2), signal(7); TLPI 26.3.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_sigchld [-o] [-n COUNT]\n"
    "  -o        a naive handler: one waitpid() per SIGCHLD\n"
    "  -n COUNT  how many children (1 to 1000; default 20)\n";

/* Counted by the handlers, read by main() once they are done. */
static volatile sig_atomic_t calls, reaped;

/* One child per SIGCHLD: wrong, because standard signals are not queued.
 * Twenty children that end while SIGCHLD is blocked leave it pending
 * once, not twenty times, and this handler reaps one of them. waitpid()
 * may change errno, which the interrupted code may be about to read: it
 * is saved and put back. */
static void
naive_handler(int sig)
{
    int saved_errno = errno;

    (void)sig;
    calls++;
    if (waitpid(-1, NULL, WNOHANG) > 0)
        reaped++;
    errno = saved_errno;
}

/* Right: reap until no ended child is left (WNOHANG: return 0 instead
 * of waiting while children still run). One signal, however many
 * children. */
static void
loop_handler(int sig)
{
    int saved_errno = errno;

    (void)sig;
    calls++;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        reaped++;
    errno = saved_errno;
}

int
main(int argc, char *argv[])
{
    struct timespec tick = {.tv_nsec = 1000 * 1000};
    struct sigaction sa;
    sigset_t block;
    pid_t *pids;
    int opt, count = 20, left = 0;

    sa.sa_handler = loop_handler;
    while ((opt = get_option(argc, argv, "on:h")) != -1) {
        switch (opt) {
        case 'o':
            sa.sa_handler = naive_handler;
            break;
        case 'n':
            count = parse_ll(optarg, 10, 1, 1000, "-n");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* SA_RESTART: a read or wait the handler interrupts goes on. */
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGCHLD, &sa, NULL) == -1)
        err_exit("sigaction");
    /* Blocked while the children end: their SIGCHLDs pile up as one
     * pending signal, the case that breaks the naive handler. */
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    if (sigprocmask(SIG_BLOCK, &block, NULL) == -1)
        err_exit("sigprocmask");

    /* Their PIDs, to watch each become a zombie and to count. */
    pids = calloc(count, sizeof(*pids));
    if (pids == NULL)
        err_exit("calloc");
    fflush(stdout);
    for (int i = 0; i < count; i++) {
        /* Each child ends at once: a zombie until reaped. */
        pids[i] = fork();
        if (pids[i] == -1)
            err_exit("fork");
        if (pids[i] == 0)
            _exit(EXIT_SUCCESS);
    }
    /* Every child a zombie (5 s at most): SIGCHLD is pending, once. */
    for (int i = 0; i < count; i++)
        for (int t = 0; t < 5000 && proc_state(pids[i]) != 'Z'; t++)
            nanosleep(&tick, NULL);
    printf("children: %d, all ended while SIGCHLD was blocked\n", count);

    /* Unblocking delivers the pending SIGCHLD before sigprocmask()
     * returns: the handler has run once by the next line. */
    if (sigprocmask(SIG_UNBLOCK, &block, NULL) == -1)
        err_exit("sigprocmask");
    printf("handler calls: %d\n", (int)calls);
    printf("reaped by the handler: %d\n", (int)reaped);
    for (int i = 0; i < count; i++)
        left += proc_state(pids[i]) == 'Z';
    printf("zombies left: %d\n", left);

    /* Clean up after the naive handler. */
    if (sigprocmask(SIG_BLOCK, &block, NULL) == -1)
        err_exit("sigprocmask");
    while (waitpid(-1, NULL, 0) > 0)
        continue;
    free(pids);
    return EXIT_SUCCESS;
}
