// SPDX-License-Identifier: MIT
/*
 * sigloop - an event loop that reads signals from a signalfd
 *
 * Demonstrates: signalfd() turns signals into a file descriptor: block
 * the signals, create the descriptor, and each pending signal becomes a
 * struct signalfd_siginfo to read(). It joins standard input in one
 * poll() loop, with no handler anywhere, so the signal is handled by
 * ordinary code and no system call is ever interrupted.
 *
 * Usage: sigloop
 *   Echo lines from standard input as "stdin: LINE" and report SIGHUP,
 *   SIGUSR1 and SIGUSR2 as "signal: NAME from pid PID"; end at end of
 *   input ("stdin: end of input") or on SIGTERM ("signal: SIGTERM from
 *   pid PID: ending").
 *
 * Try:
 *     $ mkfifo /tmp/keys; ./sigloop </tmp/keys &
 *     $ exec 3>/tmp/keys          # its input: what you would type
 *     pid: 4300
 *     $ echo hello >&3
 *     stdin: hello
 *     $ kill -USR1 %1
 *     signal: SIGUSR1 from pid 4242
 *   Observe: compare with signals/demo_selfpipe, which needs a handler
 *   and a pipe for the same job.
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
    const int sigs[] = {SIGHUP, SIGUSR1, SIGUSR2, SIGTERM};
    struct signalfd_siginfo ssi;
    struct pollfd fds[2];
    char line[4096], name[32];
    sigset_t set;
    int opt, sfd;

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

    /* Blocked first: otherwise the default action (termination) would
     * run before the signal ever reached the descriptor. */
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaddset(&set, sigs[i]);
    if (sigprocmask(SIG_BLOCK, &set, NULL) == -1)
        err_exit("sigprocmask");
    sfd = signalfd(-1, &set, SFD_CLOEXEC);
    if (sfd == -1)
        err_exit("signalfd");

    printf("pid: %ld\n", (long)getpid());
    fflush(stdout);
    fds[0] = (struct pollfd){.fd = STDIN_FILENO, .events = POLLIN};
    fds[1] = (struct pollfd){.fd = sfd, .events = POLLIN};
    for (;;) {
        if (poll(fds, 2, -1) == -1)
            err_exit("poll");
        if (fds[1].revents & POLLIN) {
            if (read(sfd, &ssi, sizeof(ssi)) != sizeof(ssi))
                err_exit("read signalfd");
            printf("signal: %s from pid %u",
                   signal_name(ssi.ssi_signo, name, sizeof(name)), ssi.ssi_pid);
            if (ssi.ssi_signo == SIGTERM) {
                printf(": ending\n");
                return EXIT_SUCCESS;
            }
            printf("\n");
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
