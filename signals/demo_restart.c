// SPDX-License-Identifier: MIT
/*
 * demo_restart - a signal interrupts a blocking read(): EINTR or restart
 *
 * Demonstrates: when a handler runs while a process is blocked in a slow
 * system call (read() from a pipe, a terminal or a socket; wait(); ...),
 * the call fails with EINTR once the handler returns, unless the handler
 * was installed with SA_RESTART, in which case the kernel restarts the
 * call and the program never notices. Programs without SA_RESTART must
 * retry on EINTR themselves.
 *
 * Usage: demo_restart [-r]
 *   -r  install the SIGUSR1 handler with SA_RESTART
 *   The program blocks in read() on a pipe. A child sends it SIGUSR1
 *   after 100 ms, and writes "data" into the pipe 100 ms later.
 *
 * Try:
 *     $ ./demo_restart
 *     handler: SIGUSR1 (SA_RESTART off)
 *     read: -1 EINTR (Interrupted system call)
 *     $ ./demo_restart -r
 *     handler: SIGUSR1 (SA_RESTART on)
 *     read: 5 bytes: data
 *     $ strace -e trace=read ./demo_restart -r 2>&1 | grep -e RESTART -e data
 *     read(3, 0x7ffe6cd12ea0, 63)             = ? ERESTARTSYS (To be restarted if SA_RESTART is set)
 *     read(3, "data\n", 63)                   = 5
 *     handler: SIGUSR1 (SA_RESTART on)
 *     read: 5 bytes: data
 *   Observe: without SA_RESTART read() gave up when the handler returned;
 *   with it, read() went on waiting and got the data. strace shows the
 *   kernel's side: "read(...) = ? ERESTARTSYS" and then the restarted call.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: signal(7) ("Interruption of system calls"), sigaction(2);
 * TLPI 21.5.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_restart [-r]\n"
                                 "  -r  install the handler with SA_RESTART\n";

/* Set by the handler, read by main(): volatile sig_atomic_t, the one
 * type a handler may write and the interrupted code read safely. */
static volatile sig_atomic_t handled;

/* The handler only notes that it ran: the point is what its running
 * does to the read() it interrupts. */
static void
handler(int sig)
{
    (void)sig;
    handled = 1;
}

/* Sleep MS milliseconds, all of them: nanosleep() leaves what remains in
 * TS when a signal cuts it short, so the loop sleeps on. */
static void
sleep_ms(long ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = ms % 1000 * 1000000};

    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        continue;
}

int
main(int argc, char *argv[])
{
    bool restart = false;
    struct sigaction sa;
    char buf[64];
    int pipefd[2], opt;
    ssize_t n;

    while ((opt = get_option(argc, argv, "rh")) != -1) {
        switch (opt) {
        case 'r':
            restart = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* SA_RESTART asks the kernel to restart a "slow" call (a read from
     * a pipe, a terminal, a socket) that the handler interrupted, as if
     * nothing had happened. Without it the call fails with EINTR, and the
     * program must call it again itself. */
    sa.sa_handler = handler;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGUSR1, &sa, NULL) == -1)
        err_exit("sigaction");

    /* A pipe the child fills late: something for read() to block on. */
    if (pipe(pipefd) == -1)
        err_exit("pipe");
    fflush(stdout);
    switch (fork()) {
    case -1:
        err_exit("fork");
    case 0:
        /* The child: interrupt the parent's read(), then feed it. */
        close(pipefd[0]);
        sleep_ms(100);
        if (kill(getppid(), SIGUSR1) == -1)
            err_exit_child("kill");
        sleep_ms(100);
        if (write(pipefd[1], "data\n", 5) != 5)
            err_exit_child("write");
        _exit(EXIT_SUCCESS);
    default:
        close(pipefd[1]);
    }

    /* The pipe is empty for 100 ms: read() blocks, the signal comes in
     * the middle of it, the handler runs. Then read() either fails with
     * EINTR (no SA_RESTART) or goes back to waiting and returns the data
     * that comes 100 ms later (SA_RESTART). */
    n = read(pipefd[0], buf, sizeof(buf) - 1);
    int saved_errno = errno;

    if (handled)
        printf("handler: SIGUSR1 (SA_RESTART %s)\n", restart ? "on" : "off");
    if (n == -1) {
        printf("read: -1 %s (%s)\n", errno_name(saved_errno),
               strerror(saved_errno));
    } else {
        buf[n] = '\0';
        printf("read: %zd bytes: %s", n, buf);
    }
    if (wait(NULL) == -1)
        err_exit("wait");
    return EXIT_SUCCESS;
}
