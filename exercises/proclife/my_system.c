// SPDX-License-Identifier: MIT
/*
 * my_system - system(3), written correctly
 *
 * Exercise (see exercises/proclife/README.md, "my_system"): my_system()
 * below is the naive fork, exec, wait. Give it the signal handling that
 * system(3) needs. Fill in the TODO(my_system) part.
 *
 * Usage: my_system COMMAND
 *   Run COMMAND through my_system() with a SIGCHLD handler installed, as
 *   signals/demo_system does, and report the status and the caller's
 *   state afterwards.
 *
 * Try:
 *     $ ./my_system 'kill -INT $PPID'; echo $?
 *     $ make grade EX=proclife/my_system      # from the top of the kit
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
 * is there at all.
 *
 * TODO(my_system): this is the naive version. Make it block SIGCHLD and
 * ignore SIGINT and SIGQUIT while the command runs (and give the child
 * back the caller's mask and dispositions before it execs), retry
 * waitpid() on EINTR, and restore everything before returning. */
static int
my_system(const char *command)
{
    int status = -1;
    pid_t pid;

    if (command == NULL)
        return my_system(":") == 0;

    pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(EXIT_NOT_FOUND);
    }
    if (pid != -1 && waitpid(pid, &status, 0) == -1)
        status = -1;
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
