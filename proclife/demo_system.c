// SPDX-License-Identifier: MIT
/*
 * demo_system - why system() needs signal handling, shown with a naive one
 *
 * Demonstrates: system(CMD) runs "sh -c CMD" and waits for it. Written
 * naively (fork, exec, waitpid) it has two flaws that the real one fixes.
 * While the command runs, SIGINT and SIGQUIT from the terminal reach both
 * the command and the caller: Control-C meant for the command kills the
 * program that called system() too; the real system() ignores them while
 * it waits. And the caller's own SIGCHLD handler is called for the
 * command's child, and may reap it before system()'s waitpid() can,
 * losing its status; the real system() blocks SIGCHLD while it waits.
 * (That second flaw is a race that the naive version usually wins; the
 * command below shows the masks that close it.)
 *
 * Usage: demo_system [-n] COMMAND
 *   Run COMMAND through system() (or, with -n, the naive version), with
 *   a SIGCHLD handler installed, and report the status and what the
 *   handler saw.
 *
 * Try:
 *     $ ./demo_system 'exit 3'
 *     system: glibc
 *     status: exited 3
 *     SIGCHLD handler reaped the command: no
 *     caller: still running
 *     $ ./demo_system 'kill -INT $PPID'
 *     system: glibc
 *     status: exited 0
 *     SIGCHLD handler reaped the command: no
 *     caller: still running
 *     $ ./demo_system -n 'kill -INT $PPID'
 *     system: naive
 *     $ echo $?
 *     130
 *     $ ./demo_system 'sleep 1; grep -e SigBlk -e SigIgn /proc/$PPID/status'
 *     system: glibc
 *     SigBlk:	0000000000010000
 *     SigIgn:	0000000000000006
 *     ...
 *     $ ./demo_system -n 'grep -e SigBlk -e SigIgn /proc/$PPID/status'
 *     system: naive
 *     SigBlk:	0000000000000000
 *     SigIgn:	0000000000000000
 *     ...
 *   Observe: $PPID in the command is our program: `kill -INT $PPID`
 *   plays the terminal's Control-C. The real system() survives it; the
 *   naive one dies (status 130 = 128 + SIGINT) and never reports. The
 *   masks say why: while the command runs, glibc's caller blocks
 *   SIGCHLD (bit 17) and ignores SIGINT and SIGQUIT (bits 2 and 3); the
 *   naive caller does neither. (The sleep: glibc starts the command with
 *   posix_spawn(), and for an instant after, the caller still has every
 *   signal blocked; a command that looks at once may see that.)
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: system(3), sigaction(2), waitpid(2); TLPI 27.7.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_system [-n] COMMAND\n"
    "  -n  use the naive system() (fork, exec, waitpid) instead of glibc's\n";

/* Set by the handler if it reaped a child: the command system() ran. */
static volatile sig_atomic_t reaped_by_handler;

/* A caller's typical handler: reap whatever children have ended. */
static void
sigchld_handler(int sig)
{
    int saved_errno = errno;

    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        reaped_by_handler = 1;
    errno = saved_errno;
}

/* fork, exec, wait: and nothing about signals. The caller's SIGCHLD
 * handler runs when the command ends and reaps it first (waitpid(-1)),
 * so the waitpid() below finds no child: -1, ECHILD, the status lost.
 * glibc's system() blocks SIGCHLD while it waits, so that its own
 * waitpid() gets the child, and it ignores SIGINT and SIGQUIT meanwhile
 * (Ctrl-C is for the command). */
static int
naive_system(const char *command)
{
    int status;
    /* (The caller flushed stdout before calling us.) */
    pid_t pid = fork();

    if (pid == -1)
        return -1;
    if (pid == 0) {
        /* The shell parses COMMAND, as system(3) promises; 127 is the
         * shell's own "could not run it". */
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) == -1)
        return -1;
    return status;
}

int
main(int argc, char *argv[])
{
    bool naive = false;
    struct sigaction sa;
    int opt, status;
    char name[32];

    while ((opt = get_option(argc, argv, "nh")) != -1) {
        switch (opt) {
        case 'n':
            naive = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);

    /* A SIGCHLD handler, as a server that reaps its workers has: the
     * trap the naive system() falls into. */
    sa.sa_handler = sigchld_handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGCHLD, &sa, NULL) == -1)
        err_exit("sigaction");

    printf("system: %s\n", naive ? "naive" : "glibc");
    fflush(stdout); /* the child must not inherit unwritten output */
    status = naive ? naive_system(argv[optind]) : system(argv[optind]);

    if (status == -1)
        printf("status: -1, %s (%s)\n", strerror(errno), errno_name(errno));
    else if (WIFEXITED(status))
        printf("status: exited %d\n", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("status: killed by %s\n",
               signal_name(WTERMSIG(status), name, sizeof(name)));
    printf("SIGCHLD handler reaped the command: %s\n",
           reaped_by_handler ? "yes (its status is lost)" : "no");
    printf("caller: still running\n");
    return EXIT_SUCCESS;
}
