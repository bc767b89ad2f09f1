// SPDX-License-Identifier: MIT
/*
 * safe_handler - a handler that is safe wherever the signal arrives
 *
 * Demonstrates: a handler can run between any two instructions of the
 * program, for instance between a failing system call and the line that
 * reads errno. If the handler makes a call that sets errno, the program
 * then reports the handler's error instead of its own. And a handler that
 * prints with printf() writes into the stdio buffer the program may be in
 * the middle of using (printf() is not async-signal-safe), and its words
 * come out whenever that buffer is flushed. A safe handler saves and
 * restores errno and calls only async-signal-safe functions: write(),
 * not printf().
 *
 * Usage: safe_handler
 *   Make a call that fails (close(-1): EBADF), have SIGUSR1 arrive right
 *   after it (raise() stands for a signal that arrives at the worst
 *   moment), then report errno. Every line of main() is written with
 *   write(), so the output order is the order of events.
 *
 * Try:
 *     $ ./safe_handler | cat
 *     main: before
 *     handler: SIGUSR1
 *     main: close(-1) failed: EBADF
 *     main: after
 *   Observe: the handler's line comes where the signal arrived, and
 *   main() still sees its own error. The naive version in exercises/
 *   prints ENOENT (the handler's access() failed) and its handler line
 *   comes last, when exit() flushes the buffer.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: signal-safety(7), errno(3), sigaction(2); TLPI 21.1.2.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: safe_handler\n";

static void
handler(int sig)
{
    static const char msg[] = "handler: SIGUSR1\n";
    int saved_errno = errno; /* the interrupted code may be about to read it */

    (void)sig;
    if (write(STDOUT_FILENO, msg, strlen(msg)) == -1) {
        /* nothing a handler can do about it */
    }
    /* Any call may set errno, even a successful one: this one fails. */
    (void)access("/nonexistent/isolab.log", W_OK);
    errno = saved_errno;
}

/* main()'s lines go out with write() too, unbuffered, so that they stay
 * in order with the handler's. */
static void
say(const char *text)
{
    if (write(STDOUT_FILENO, text, strlen(text)) == -1)
        err_exit("write");
}

int
main(int argc, char *argv[])
{
    struct sigaction sa;
    char line[128];
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

    sa.sa_handler = handler;
    sa.sa_flags = 0;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGUSR1, &sa, NULL) == -1)
        err_exit("sigaction");

    say("main: before\n");
    if (close(-1) == -1) {
        raise(SIGUSR1); /* the signal arrives here, at the worst moment */
        snprintf(line, sizeof(line), "main: close(-1) failed: %s\n",
                 errno_name(errno));
        say(line);
    }
    say("main: after\n");
    return EXIT_SUCCESS;
}
