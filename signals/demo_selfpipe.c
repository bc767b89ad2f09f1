// SPDX-License-Identifier: MIT
/*
 * demo_selfpipe - the self-pipe trick: signals as events in a poll() loop
 *
 * Demonstrates: a program that waits in poll() for input cannot also wait
 * for signals, and a handler cannot safely do the real work. The
 * self-pipe trick joins the two: the handler writes one byte (the signal
 * number) to a pipe, and the main loop polls the pipe's read end beside
 * its other descriptors, then handles the signal in ordinary code where
 * any function may be called. The pipe is non-blocking, so a handler
 * never blocks on a full pipe, and the handler saves and restores errno.
 *
 * Usage: demo_selfpipe
 *   Echo lines from standard input and report SIGHUP, SIGUSR1 and SIGUSR2
 *   as they arrive; end at end of input or on SIGTERM.
 *
 * Try:
 *     $ mkfifo /tmp/keys; ./demo_selfpipe </tmp/keys &
 *     $ exec 3>/tmp/keys          # its input: what you would type
 *     pid: 4300
 *     $ echo hello >&3
 *     stdin: hello
 *     $ kill -USR1 %1
 *     signal: SIGUSR1
 *     $ kill %1
 *     signal: SIGTERM: ending
 *   Observe: the signal is reported by the main loop, in order with the
 *   input, by code that may use printf() safely.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: poll(2), pipe(2), signal-safety(7), signalfd(2) (the modern
 * alternative); TLPI 63.5.2.
 */
#define _GNU_SOURCE /* pipe2() */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_selfpipe\n";

static int self_pipe[2];

/* Async-signal-safe: write() only, and errno as it was found. */
static void
handler(int sig)
{
    int saved_errno = errno;
    unsigned char byte = sig;

    if (write(self_pipe[1], &byte, 1) == -1) {
        /* EAGAIN: the pipe is full, the loop has bytes enough to read */
    }
    errno = saved_errno;
}

int
main(int argc, char *argv[])
{
    const int sigs[] = {SIGHUP, SIGUSR1, SIGUSR2, SIGTERM};
    struct sigaction sa;
    struct pollfd fds[2];
    char line[4096], name[32];
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

    /* O_NONBLOCK: a handler must never block on a full pipe. O_CLOEXEC:
     * a program we might exec has no business with it. */
    if (pipe2(self_pipe, O_NONBLOCK | O_CLOEXEC) == -1)
        err_exit("pipe2");
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        if (sigaction(sigs[i], &sa, NULL) == -1)
            err_exit("sigaction");

    printf("pid: %ld\n", (long)getpid());
    fflush(stdout);
    fds[0] = (struct pollfd){.fd = STDIN_FILENO, .events = POLLIN};
    fds[1] = (struct pollfd){.fd = self_pipe[0], .events = POLLIN};
    for (;;) {
        if (poll(fds, 2, -1) == -1) {
            if (errno == EINTR) /* poll() is never restarted */
                continue;
            err_exit("poll");
        }
        if (fds[1].revents & POLLIN) {
            unsigned char byte;

            while (read(self_pipe[0], &byte, 1) == 1) {
                printf("signal: %s", signal_name(byte, name, sizeof(name)));
                if (byte == SIGTERM) {
                    printf(": ending\n");
                    return EXIT_SUCCESS;
                }
                printf("\n");
            }
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
            printf("stdin: %s", line);
            if (line[n - 1] != '\n')
                printf("\n");
        }
        fflush(stdout);
    }
}
