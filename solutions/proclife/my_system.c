// SPDX-License-Identifier: MIT
/*
 * my_system - system(3), written correctly
 *
 * Demonstrates: what system() must do besides fork, exec and wait. While
 * the command runs, the caller blocks SIGCHLD, so that its own SIGCHLD
 * handler cannot reap the command's child first and lose its status, and
 * ignores SIGINT and SIGQUIT, so that Control-C stops the command but not
 * the caller. The child puts the caller's original mask and dispositions
 * back before it runs the shell, the parent retries waitpid() on EINTR,
 * and everything is restored before returning.
 *
 * Usage: my_system COMMAND
 *   Run COMMAND through my_system() with a SIGCHLD handler installed, as
 *   signals/demo_system does, and report the status and the caller's
 *   state afterwards.
 *
 * Try:
 *     $ ./my_system 'exit 3'
 *     status: exited 3
 *     SIGCHLD handler reaped the command: no
 *     after: SIGINT default, SIGQUIT default, SIGCHLD unblocked
 *     $ ./my_system 'kill -INT $PPID'
 *     status: exited 0
 *     ...
 *     $ ./my_system 'grep -e SigBlk -e SigIgn /proc/$PPID/status'
 *     SigBlk:	0000000000010000
 *     SigIgn:	0000000000000006
 *     ...
 *   Observe: the caller survives a SIGINT sent while the command runs,
 *   and during the command its masks show SIGCHLD blocked (bit 17) and
 *   SIGINT and SIGQUIT ignored (bits 2 and 3).
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: system(3), sigprocmask(2), sigaction(2), waitpid(2);
 * TLPI 27.7.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: my_system COMMAND\n";

static volatile sig_atomic_t reaped_by_handler;

static void
sigchld_handler(int sig)
{
    int saved_errno = errno;

    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        reaped_by_handler = 1;
    errno = saved_errno;
}

/* Run "sh -c COMMAND" and return its wait status (-1 and errno if it
 * could not be run or waited for). COMMAND NULL asks whether a shell
 * is there at all. */
static int
my_system(const char *command)
{
    struct sigaction ignore, old_int, old_quit;
    sigset_t block, old_mask;
    int status = -1, saved_errno;
    pid_t pid;

    if (command == NULL)
        return my_system(":") == 0;

    /* Before fork(): no SIGCHLD handler may run, and no SIGINT or
     * SIGQUIT may end us, until the command is waited for. */
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &old_mask);
    ignore.sa_handler = SIG_IGN;
    ignore.sa_flags = 0;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);

    pid = fork();
    if (pid == 0) {
        /* The command gets the caller's own mask and dispositions: what
         * the caller ignored stays ignored, the rest is the default. */
        if (old_int.sa_handler != SIG_IGN)
            signal(SIGINT, SIG_DFL);
        if (old_quit.sa_handler != SIG_IGN)
            signal(SIGQUIT, SIG_DFL);
        sigprocmask(SIG_SETMASK, &old_mask, NULL);
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(EXIT_NOT_FOUND); /* as the shell reports a missing shell */
    }
    if (pid != -1) {
        while (waitpid(pid, &status, 0) == -1) {
            if (errno != EINTR) {
                status = -1;
                break;
            }
        }
    }

    /* Restore everything, keeping the errno of a failure. */
    saved_errno = errno;
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    errno = saved_errno;
    return status;
}

static const char *
disposition(int sig)
{
    struct sigaction sa;

    sigaction(sig, NULL, &sa);
    return sa.sa_handler == SIG_IGN   ? "ignored"
           : sa.sa_handler == SIG_DFL ? "default"
                                      : "caught";
}

int
main(int argc, char *argv[])
{
    struct sigaction sa;
    sigset_t mask;
    int opt, status;
    char name[32];

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);

    sa.sa_handler = sigchld_handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGCHLD, &sa, NULL) == -1)
        err_exit("sigaction");

    fflush(stdout);
    status = my_system(argv[optind]);
    if (status == -1)
        printf("status: -1, %s (%s)\n", strerror(errno), errno_name(errno));
    else if (WIFEXITED(status))
        printf("status: exited %d\n", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("status: killed by %s\n",
               signal_name(WTERMSIG(status), name, sizeof(name)));
    printf("SIGCHLD handler reaped the command: %s\n",
           reaped_by_handler ? "yes (its status is lost)" : "no");
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("after: SIGINT %s, SIGQUIT %s, SIGCHLD %s\n", disposition(SIGINT),
           disposition(SIGQUIT),
           sigismember(&mask, SIGCHLD) ? "blocked" : "unblocked");
    return EXIT_SUCCESS;
}
