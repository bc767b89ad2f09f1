// SPDX-License-Identifier: MIT
/*
 * demo_pending - block a signal, raise it, see it pending, unblock it
 *
 * Demonstrates: while a signal is blocked, raising it does not run the
 * handler: the signal waits in the pending set (sigpending(), and SigPnd
 * or ShdPnd in /proc/self/status). Unblocking delivers it before
 * sigprocmask() returns. A standard signal raised three times is
 * delivered once; a realtime signal raised three times is delivered three
 * times.
 *
 * Usage: demo_pending [-s SIGNAL] [-n COUNT]
 *   -s SIGNAL  the signal to use (default SIGUSR1; try RTMIN)
 *   -n COUNT   how many times to raise it while blocked (1-100; default 3)
 *
 * Try:
 *     $ ./demo_pending
 *     blocked: SIGUSR1
 *     raised: 3 times
 *     pending: yes
 *     proc SigPnd: 0000000000000200
 *     handler runs: 0 before unblocking
 *     handler runs: 1 after unblocking
 *     $ ./demo_pending -s RTMIN
 *     ...
 *     handler runs: 3 after unblocking
 *   Observe: SigPnd has bit 9 set: signal 10 (SIGUSR1) is pending. A
 *   standard signal is a flag; a realtime signal is a queue.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: sigprocmask(2), sigpending(2), raise(3), signal(7);
 * TLPI 20.10-20.12 and 22.8.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_pending [-s SIGNAL] [-n COUNT]\n"
    "  -s SIGNAL  the signal to use (default SIGUSR1; try RTMIN)\n"
    "  -n COUNT   how many times to raise it while blocked (default 3)\n";

/* How often the handler ran: the number to compare with how often the
 * signal was sent. */
static volatile sig_atomic_t runs;

/* Counts its runs: one per delivery, whatever was sent. */
static void
handler(int sig)
{
    (void)sig;
    runs++;
}

/* The SigPnd line of /proc/self/status: this thread's pending signals. */
static void
show_proc_pending(void)
{
    char line[256];
    FILE *f = fopen("/proc/self/status", "r");

    if (f == NULL)
        err_exit("fopen /proc/self/status");
    while (fgets(line, sizeof(line), f) != NULL)
        if (strncmp(line, "SigPnd:", 7) == 0)
            printf("proc SigPnd: %s", line + 7 + strspn(line + 7, " \t"));
    fclose(f);
}

int
main(int argc, char *argv[])
{
    int sig = SIGUSR1, count = 3, opt;
    struct sigaction sa;
    sigset_t set, pending;
    char name[32];

    while ((opt = get_option(argc, argv, "s:n:h")) != -1) {
        switch (opt) {
        case 's':
            sig = parse_signal(optarg, "-s");
            break;
        case 'n':
            count = parse_ll(optarg, 10, 1, 100, "-n");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    if (sig == 0 || sig == SIGKILL || sig == SIGSTOP)
        usage_err("-s: %s cannot be caught or blocked",
                  sig ? signal_name(sig, name, sizeof(name)) : "0");

    /* A handler, so that a delivery is seen (and counted) instead of
     * ending the process: SIGUSR1's default action is to terminate. */
    sa.sa_handler = handler;
    sa.sa_flags = 0;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) == -1)
        err_exit("sigaction %s", signal_name(sig, name, sizeof(name)));

    /* Blocked: a signal sent now is not delivered but left pending, a bit
     * in the thread's pending set, until it is unblocked. */
    sigemptyset(&set);
    sigaddset(&set, sig);
    if (sigprocmask(SIG_BLOCK, &set, NULL) == -1)
        err_exit("sigprocmask SIG_BLOCK");
    printf("blocked: %s\n", signal_name(sig, name, sizeof(name)));

    /* COUNT times the same signal. A standard signal's pending state is
     * one bit: the second and later copies merge into the first. A
     * real-time signal (SIGRTMIN and up) is queued, each copy kept. */
    for (int i = 0; i < count; i++)
        if (raise(sig) != 0)
            err_exit("raise");
    printf("raised: %d times\n", count);

    /* sigpending(): the signals waiting, blocked, for this thread or
     * the process; /proc shows the same set as a mask. */
    if (sigpending(&pending) == -1)
        err_exit("sigpending");
    printf("pending: %s\n", sigismember(&pending, sig) ? "yes" : "no");
    show_proc_pending();
    printf("handler runs: %d before unblocking\n", (int)runs);

    /* Every pending instance is delivered before this call returns:
     * for a standard signal that is one run of the handler, however
     * many were sent; for a real-time signal, one run per copy. */
    if (sigprocmask(SIG_UNBLOCK, &set, NULL) == -1)
        err_exit("sigprocmask SIG_UNBLOCK");
    printf("handler runs: %d after unblocking\n", (int)runs);
    return EXIT_SUCCESS;
}
