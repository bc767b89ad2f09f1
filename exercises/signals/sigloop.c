// SPDX-License-Identifier: MIT
/*
 * sigloop - an event loop that reads signals from a signalfd
 *
 * Exercise (see exercises/signals/README.md, "sigloop"): this skeleton
 * echoes standard input in a poll() loop, but any of the signals kills
 * it. Make the signals events of the loop, through a signalfd. Fill in
 * the TODO(sigloop) parts.
 *
 * Usage: sigloop
 *   Echo lines from standard input as "stdin: LINE" and report SIGHUP,
 *   SIGUSR1 and SIGUSR2 as "signal: NAME from pid PID"; end at end of
 *   input ("stdin: end of input") or on SIGTERM ("signal: SIGTERM from
 *   pid PID: ending").
 *
 * Try:
 *     $ ./sigloop
 *     $ kill -USR1 PID                          (from another terminal)
 *     $ make grade EX=signals/sigloop           # from the top of the kit
 *
 * Needs: nothing special; Linux 2.6.22 or later.
 *
 * See also: signalfd(2), poll(2), sigprocmask(2); TLPI 22.11.
 */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: sigloop\n";

int
main(int argc, char *argv[])
{
    struct pollfd fds[2];
    char line[4096];
    int opt, sfd = -1;

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

    /* TODO(sigloop): block SIGHUP, SIGUSR1, SIGUSR2 and SIGTERM, and make
     * SFD a signalfd for them. */

    printf("pid: %ld\n", (long)getpid());
    fflush(stdout);
    fds[0] = (struct pollfd){.fd = STDIN_FILENO, .events = POLLIN};
    fds[1] = (struct pollfd){.fd = sfd, .events = POLLIN}; /* -1: ignored */
    for (;;) {
        if (poll(fds, 2, -1) == -1)
            err_exit("poll");
        if (fds[1].revents & POLLIN) {
            /* TODO(sigloop): read one struct signalfd_siginfo and report
             * it; on SIGTERM, end as the usage says. */
        }
        if (fds[0].revents & (POLLIN | POLLHUP)) {
            ssize_t n = read(STDIN_FILENO, line, sizeof(line) - 1);

            if (n == -1)
                err_exit("read stdin");
            if (n == 0) {
                printf("stdin: end of input\n");
                return EXIT_SUCCESS;
            }
            line[n] = '\0';
            printf("stdin: %s%s", line, line[n - 1] == '\n' ? "" : "\n");
        }
        fflush(stdout);
    }
}
