// SPDX-License-Identifier: MIT
/*
 * sig_count - a handler that counts the signals it receives
 *
 * Demonstrates: installing a handler with sigaction(); a handler that only
 * increments a counter of type volatile sig_atomic_t (the one thing it
 * can safely share with the main program); and the race-free way to wait
 * for a signal: keep the signals blocked, and let sigsuspend() unblock
 * them and wait in one atomic step.
 *
 * Usage: sig_count
 *   Count SIGHUP, SIGINT, SIGQUIT, SIGUSR1 and SIGUSR2, printing a line
 *   after each delivery, until SIGTERM arrives; then print the totals.
 *
 * Try:
 *     $ ./sig_count &
 *     pid: 4300
 *     waiting for signals (SIGTERM ends)
 *     $ kill -USR1 %1
 *     SIGUSR1: 1
 *     $ kill -USR1 %1
 *     SIGUSR1: 2
 *     $ kill -HUP %1
 *     SIGHUP: 1
 *     $ kill %1
 *     SIGTERM: ending
 *     total: 3
 *   Observe: Control-C (SIGINT) is counted, not fatal, while it runs in
 *   the foreground. Signals sent faster than the handler runs can merge
 *   into one: a standard signal is either pending or not (signals/
 *   sig_receiver shows it).
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: sigaction(2), sigsuspend(2), signal(7), signal-safety(7);
 * TLPI 20.13, 21.1 and 22.9.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: sig_count\n";

static const int counted[] = {SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2};

/* Written by the handler, read by main(): volatile so the compiler reads
 * memory every time, sig_atomic_t so a read is never half a write. */
static volatile sig_atomic_t count[NSIG];
static volatile sig_atomic_t got_term;

static void
handler(int sig)
{
    if (sig == SIGTERM)
        got_term = 1;
    else
        count[sig]++;
}

int
main(int argc, char *argv[])
{
    sig_atomic_t seen[NSIG] = {0};
    struct sigaction sa;
    sigset_t block, orig;
    char name[32];
    long total = 0;
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* Block the signals first, so none arrives between the check of the
     * counters and the wait: sigsuspend() unblocks them as it waits. */
    sigemptyset(&block);
    sigaddset(&block, SIGTERM);
    for (size_t i = 0; i < sizeof(counted) / sizeof(counted[0]); i++)
        sigaddset(&block, counted[i]);
    if (sigprocmask(SIG_BLOCK, &block, &orig) == -1)
        err_exit("sigprocmask");

    sa.sa_handler = handler;
    sa.sa_flags = 0;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) == -1)
        err_exit("sigaction SIGTERM");
    for (size_t i = 0; i < sizeof(counted) / sizeof(counted[0]); i++)
        if (sigaction(counted[i], &sa, NULL) == -1)
            err_exit("sigaction %d", counted[i]);

    printf("pid: %ld\n", (long)getpid());
    printf("waiting for signals (SIGTERM ends)\n");
    fflush(stdout);

    while (!got_term) {
        sigsuspend(&orig); /* returns -1 EINTR after a handler ran */
        for (size_t i = 0; i < sizeof(counted) / sizeof(counted[0]); i++) {
            int sig = counted[i];

            if (count[sig] != seen[sig]) {
                seen[sig] = count[sig];
                printf("%s: %d\n", signal_name(sig, name, sizeof(name)),
                       (int)seen[sig]);
            }
        }
        fflush(stdout);
    }
    for (int sig = 1; sig < NSIG; sig++)
        total += count[sig];
    printf("SIGTERM: ending\n");
    printf("total: %ld\n", total);
    return EXIT_SUCCESS;
}
