// SPDX-License-Identifier: MIT
/*
 * sig_sender - send a signal many times, with kill() or sigqueue()
 *
 * Demonstrates: kill() sends a bare signal; sigqueue() sends one with a
 * value attached (an int or a pointer) that the receiver finds in
 * siginfo_t.si_value. Sending a standard signal many times to a process
 * that blocks it leaves it pending once; a realtime signal is queued once
 * per send. Run it against signals/sig_receiver.
 *
 * Usage: sig_sender [-q] PID SIGNAL COUNT
 *   Send SIGNAL (a number or a name: USR1, SIGRTMIN+1, ...) to PID,
 *   COUNT times (1 to 10000).
 *   -q  use sigqueue() with the values 0, 1, 2, ... instead of kill()
 *
 * Try:
 *     $ mkfifo /tmp/keys; ./sig_receiver </tmp/keys &
 *     $ exec 3>/tmp/keys          # its input, held open
 *     pid: 4300
 *     signals blocked; press Control-D to unblock them
 *     $ ./sig_sender $! USR1 5
 *     sent SIGUSR1 5 times with kill()
 *     $ ./sig_sender -q $! RTMIN+1 3
 *     sent SIGRTMIN+1 3 times with sigqueue()
 *     $ exec 3>&-                 # end of input: it unblocks them
 *     ...
 *     deliveries: 4
 *   Observe: what the receiver reports once it unblocks.
 *
 * Needs: permission to signal PID: the same user, or CAP_KILL.
 *
 * See also: kill(2), sigqueue(3), signal(7); TLPI 20.5 and 22.8.
 */
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: sig_sender [-q] PID SIGNAL COUNT\n"
    "  -q  use sigqueue() with the values 0, 1, 2, ... instead of kill()\n";

int
main(int argc, char *argv[])
{
    bool queue = false;
    int opt, sig;
    long count;
    pid_t pid;
    char name[32];

    while ((opt = get_option(argc, argv, "qh")) != -1) {
        switch (opt) {
        case 'q':
            queue = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 3)
        usage(EXIT_USAGE, usage_text);
    /* PID 1 and up only: 0 and negative PIDs are process groups, -1 is
     * every process we may signal, none of them a demo's business. */
    pid = parse_ll(argv[optind], 10, 1, INT_MAX, "PID");
    sig = parse_signal(argv[optind + 1], "SIGNAL");
    /* (10000 at most: more than any queue limit needs to show.) */
    count = parse_ll(argv[optind + 2], 10, 1, 10000, "COUNT");

    /* COUNT sends as fast as we can. Standard signals sent while one is
     * pending merge into it, so the receiver may count fewer; real-time
     * signals sent with sigqueue() are queued each with its value. */
    for (long i = 0; i < count; i++) {
        if (queue) {
            union sigval value = {.sival_int = (int)i};

            /* EAGAIN: the receiver's queue of realtime signals is full
             * (RLIMIT_SIGPENDING). */
            if (sigqueue(pid, sig, value) == -1)
                err_exit("sigqueue %ld (send %ld)", (long)pid, i + 1);
        } else if (kill(pid, sig) == -1) {
            err_exit("kill %ld (send %ld)", (long)pid, i + 1);
        }
    }
    /* Sent, not received: how many arrive is the receiver's to say. */
    printf("sent %s %ld times with %s\n", signal_name(sig, name, sizeof(name)),
           count, queue ? "sigqueue()" : "kill()");
    return EXIT_SUCCESS;
}
