// SPDX-License-Identifier: MIT
/*
 * safe_handler - a handler that is safe wherever the signal arrives
 *
 * Exercise (see exercises/signals/README.md, "safe_handler"): the handler
 * below is the naive one. Run the program through a pipe and see two
 * things go wrong: main() reports the wrong error, and the handler's line
 * comes out last. Make the handler safe. Fill in the TODO(safe_handler)
 * part; main() is right as it is.
 *
 * Usage: safe_handler
 *   Make a call that fails (close(-1): EBADF), have SIGUSR1 arrive right
 *   after it (raise() stands for a signal that arrives at the worst
 *   moment), then report errno. Every line of main() is written with
 *   write(), so the output order is the order of events.
 *
 * Try:
 *     $ ./safe_handler | cat
 *     $ make grade EX=signals/safe_handler      # from the top of the kit
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

/* TODO(safe_handler): this handler is not safe. Find the two mistakes
 * (signal-safety(7) lists the functions a handler may call) and fix
 * them, keeping both what it prints and its check of the log file. */
static void
handler(int sig)
{
    (void)sig;
    printf("handler: SIGUSR1\n");
    /* Any call may set errno, even a successful one: this one fails. */
    (void)access("/nonexistent/isolab.log", W_OK);
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
