// SPDX-License-Identifier: MIT
/*
 * demo_sa_flags - SA_NODEFER and SA_RESETHAND change how a handler runs
 *
 * Demonstrates: while a handler runs, its own signal is blocked, so the
 * same signal arriving again waits until the handler returns: handlers do
 * not nest. SA_NODEFER removes that block, and the handler can be
 * interrupted by itself. SA_RESETHAND resets the disposition to SIG_DFL
 * as the handler starts, so the next delivery gets the default action
 * (for SIGUSR1: termination). Together they are the old System V
 * semantics of signal(), one reason to use sigaction() instead.
 *
 * Usage: demo_sa_flags [-N] [-R]
 *   -N  install the SIGUSR1 handler with SA_NODEFER
 *   -R  install it with SA_RESETHAND
 *   The program raises SIGUSR1; the handler raises it again from inside,
 *   until it has run three times.
 *
 * Try:
 *     $ ./demo_sa_flags
 *     enter: run 1, depth 1
 *     leave: run 1, depth 1
 *     enter: run 2, depth 1
 *     ...
 *     $ ./demo_sa_flags -N
 *     enter: run 1, depth 1
 *     enter: run 2, depth 2
 *     enter: run 3, depth 3
 *     leave: run 3, depth 3
 *     ...
 *     $ ./demo_sa_flags -R; echo "exit status $?"
 *     enter: run 1, depth 1
 *     leave: run 1, depth 1
 *     User defined signal 1
 *     exit status 138
 *   Observe: without -N the raise() inside the handler is held back until
 *   the handler returns (depth stays 1); with -N handlers nest. With -R
 *   the second SIGUSR1 finds SIG_DFL and kills the process: 128 + 10.
 *   This demo is meant to die by SIGUSR1 with -R.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: sigaction(2) (SA_NODEFER, SA_RESETHAND), signal(2),
 * signal-safety(7); TLPI 20.13 and 22.7.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_sa_flags [-N] [-R]\n"
    "  -N  install the SIGUSR1 handler with SA_NODEFER\n"
    "  -R  install it with SA_RESETHAND\n";

#define MAX_RUNS 3

/* How many times the handler has run, and how deep it is nested now:
 * both shared between the handler's runs and main(). */
static volatile sig_atomic_t runs, depth;

/* printf() is not async-signal-safe: the handler formats by hand and
 * writes with write(), which is. */
static void
say(const char *what, int run, int level)
{
    char msg[] = "xxxxx: run N, depth N\n";

    for (int i = 0; i < 5; i++)
        msg[i] = what[i];
    msg[11] = '0' + run;
    msg[20] = '0' + level;
    if (write(STDOUT_FILENO, msg, sizeof(msg) - 1) == -1) {
        /* nothing to do about it in a handler */
    }
}

/* Raise the same signal again from inside the handler. By default the
 * kernel blocks a signal while its handler runs: the second one waits,
 * pending, and runs after this one returns (depth stays 1). SA_NODEFER
 * leaves it unblocked: it runs at once, inside this one (depth 2, 3).
 * SA_RESETHAND puts back the default action on entry: the second SIGUSR1
 * ends the process. */
static void
handler(int sig)
{
    int run = ++runs;

    depth++;
    say("enter", run, depth);
    if (runs < MAX_RUNS)
        raise(sig); /* blocked here, unless SA_NODEFER */
    say("leave", run, depth);
    depth--;
}

int
main(int argc, char *argv[])
{
    struct sigaction sa;
    int opt;

    sa.sa_handler = handler;
    sa.sa_flags = 0;
    sigemptyset(&sa.sa_mask);
    while ((opt = get_option(argc, argv, "NRh")) != -1) {
        switch (opt) {
        case 'N':
            sa.sa_flags |= SA_NODEFER;
            break;
        case 'R':
            sa.sa_flags |= SA_RESETHAND;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    if (sigaction(SIGUSR1, &sa, NULL) == -1)
        err_exit("sigaction");
    /* Everything is printed with write(): nothing waits in a buffer. */
    raise(SIGUSR1);
    return EXIT_SUCCESS;
}
