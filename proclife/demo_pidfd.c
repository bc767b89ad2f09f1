// SPDX-License-Identifier: MIT
/*
 * demo_pidfd - a process held by a file descriptor, not by its PID
 *
 * Demonstrates: a PID is a number that the kernel gives to the next
 * process once the old one is reaped, so kill(pid) can hit a stranger. A
 * pidfd refers to one process for as long as the descriptor is open:
 *   - clone3() with CLONE_PIDFD hands it over with the child, no race;
 *   - pidfd_getfd() copies one of the child's descriptors into ours (as
 *     a debugger or a container manager takes a socket out of a process);
 *   - poll() on it says when the process ends, like any descriptor;
 *   - pidfd_send_signal() signals exactly that process;
 *   - waitid(P_PIDFD) reaps it; after that, pidfd_send_signal() fails with
 *     ESRCH, whoever now has the PID.
 * The capstone (isocon) forwards signals to its container this way.
 *
 * Usage: demo_pidfd
 *
 * Try:
 *     $ ./demo_pidfd
 *     clone3 CLONE_PIDFD: child 4242, pidfd ...
 *     pidfd_getfd: the child's fd ... is our fd ...: "a line from the child"
 *     poll: not readable: the child runs
 *     pidfd_send_signal SIGTERM: ok
 *     poll: readable: the child has ended
 *     waitid P_PIDFD: killed by SIGTERM
 *     pidfd_send_signal after the reaping: No such process (ESRCH)
 *   Observe: nothing here names the child by its PID after clone3()
 *   (the PID is printed, not used); a pidfd is a descriptor, so it works
 *   with poll() and epoll() beside sockets and pipes. The two descriptor
 *   numbers of pidfd_getfd are in two tables: they may well be equal.
 *
 * Needs: Linux 5.6 (pidfd_getfd; 5.4 for waitid P_PIDFD, 5.3 for
 * CLONE_PIDFD in clone3).
 *
 * See also: pidfd_open(2), pidfd_send_signal(2), pidfd_getfd(2), clone(2)
 * CLONE_PIDFD, waitid(2) P_PIDFD; TLPI has no pidfds (Linux 5.1, after
 * it; TLPI 26 for waiting, 20 for signals); course chapter 6.
 */
#define _GNU_SOURCE /* CLONE_PIDFD */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h" /* sys_clone3(), sys_pidfd_*(), P_PIDFD */
#include "isolab.h"

static const char usage_text[] = "Usage: demo_pidfd\n";

/* Is the pidfd readable now (the process has ended)? poll() with no
 * wait: a pidfd becomes readable when its process exits. */
static void
report_poll(int pidfd)
{
    struct pollfd p = {.fd = pidfd, .events = POLLIN};
    int n = poll(&p, 1, 0);

    if (n == -1)
        err_exit("poll");
    printf("poll: %s\n", n == 1 ? "readable: the child has ended"
                                : "not readable: the child runs");
}

int
main(int argc, char *argv[])
{
    int pidfd = -1, pipefd[2], theirs, ours, opt;
    struct clone_args args = {.flags = CLONE_PIDFD, .exit_signal = SIGCHLD};
    char line[64], signame[32];
    struct pollfd end;
    siginfo_t info;
    ssize_t n;
    long pid;

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

    /* A pipe whose read end only the child will keep: the parent gets it
     * back through the child with pidfd_getfd(). */
    if (pipe(pipefd) == -1)
        err_exit("pipe");
    theirs = pipefd[0];
    fflush(stdout);

    /* The kernel writes the new child's pidfd to args.pidfd, in the same
     * call that creates it: there is no moment when only the PID exists. */
    args.pidfd = (unsigned long)&pidfd;
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1) {
        if (errno == ENOSYS)
            lacks("clone3: not in this kernel (Linux 5.3)");
        err_exit("clone3 CLONE_PIDFD");
    }
    if (pid == 0) {
        /* The child: write a line into the pipe, keep its read end
         * (THEIRS), close the write end, and wait for a signal. */
        const char msg[] = "a line from the child\n";

        if (write(pipefd[1], msg, sizeof(msg) - 1) != sizeof(msg) - 1)
            err_exit_child("write");
        close(pipefd[1]);
        pause();
        _exit(EXIT_SUCCESS);
    }
    /* The parent lets go of the read end: from now on, only the child
     * holds it, as descriptor THEIRS in its own table. */
    close(pipefd[0]);
    close(pipefd[1]);
    printf("clone3 CLONE_PIDFD: child %ld, pidfd %d\n", pid, pidfd);

    /* Copy the child's descriptor THEIRS into our table. The kernel asks
     * what ptrace would: the same user (and Yama allows a parent). The
     * copy is the same open pipe, so it reads what the child wrote. */
    ours = sys_pidfd_getfd(pidfd, theirs, 0);
    if (ours == -1) {
        if (errno == ENOSYS)
            lacks("pidfd_getfd: not in this kernel (Linux 5.6)");
        err_exit("pidfd_getfd");
    }
    n = read(ours, line, sizeof(line) - 1);
    if (n <= 0)
        err_exit("read the child's pipe");
    line[strcspn(line, "\n")] = '\0';
    printf("pidfd_getfd: the child's fd %d is our fd %d: \"%s\"\n", theirs,
           ours, line);
    close(ours);

    report_poll(pidfd);
    /* A signal to exactly this process, whatever its PID now means. */
    if (sys_pidfd_send_signal(pidfd, SIGTERM, NULL, 0) == -1)
        err_exit("pidfd_send_signal");
    printf("pidfd_send_signal SIGTERM: ok\n");

    /* Wait for the end the way a descriptor is waited for. */
    end = (struct pollfd){.fd = pidfd, .events = POLLIN};
    if (poll(&end, 1, -1) == -1)
        err_exit("poll");
    report_poll(pidfd);

    /* Reap it through the pidfd. */
    if (waitid((idtype_t)P_PIDFD, (id_t)pidfd, &info, WEXITED) == -1)
        err_exit("waitid P_PIDFD");
    if (info.si_code == CLD_KILLED)
        printf("waitid P_PIDFD: killed by %s\n",
               signal_name(info.si_status, signame, sizeof(signame)));
    else
        printf("waitid P_PIDFD: exited %d\n", info.si_status);

    /* The process is gone: its PID may be anyone's now, but the pidfd
     * still means the old process, and says so. */
    if (sys_pidfd_send_signal(pidfd, SIGTERM, NULL, 0) == -1)
        printf("pidfd_send_signal after the reaping: %s (%s)\n",
               strerror(errno), errno_name(errno));
    else
        printf("pidfd_send_signal after the reaping: ok (unexpected)\n");
    close(pidfd);
    return 0;
}
