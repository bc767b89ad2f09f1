// SPDX-License-Identifier: MIT
/*
 * isocon_signals.c - isocon's signals: from isocon to the init, from the
 * init to the command
 *
 * The command runs two forks away from isocon: isocon -> the init (PID 1
 * inside) -> the command. A signal sent to isocon has to be handed down
 * both steps, and the init must catch it anyway: PID 1 of a namespace
 * gets only the signals it has a handler for. Each step sends through a
 * pidfd (pidfd_send_signal()), not kill() of a PID: the process it
 * names is the one it was made for, never a later one with its number.
 *
 * See also: signal(7), sigaction(2), pid_namespaces(7), pidfd_open(2),
 * pidfd_send_signal(2); TLPI 20.5 (kill; pidfds came after it); the
 * signals chapter.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "compat.h" /* sys_pidfd_open(), sys_pidfd_send_signal() */
#include "isocon.h"

/* What a terminal, a service manager or kill(1) sends to stop a program
 * or talk to it. Both isocon and the container's init catch these and
 * hand them on, so that Ctrl-C or "kill PID-of-isocon" reaches the
 * command; its exit status then comes back the same way. */
static const int forwarded[] = {SIGTERM, SIGINT,  SIGHUP,
                                SIGQUIT, SIGUSR1, SIGUSR2};
#define NFORWARDED (sizeof(forwarded) / sizeof(forwarded[0]))

/* A pidfd of the process to pass them on to: a descriptor for that one
 * process, where a PID is only a number. */
static volatile sig_atomic_t forward_to = -1;

static void
forward(int sig)
{
    int saved = errno;

    /* pidfd_send_signal() reaches that very process or none: once it
     * has ended and been reaped, it fails (ESRCH), where kill() of its
     * PID could hit a newcomer that was given the same number. A system
     * call, so async-signal-safe. */
    sys_pidfd_send_signal((int)forward_to, sig, NULL, 0);
    errno = saved;
}

/* From now on, pass the forwarded signals on to the process PIDFD
 * refers to. SA_RESTART: our waitpid() just goes on waiting for it to
 * end. */
void
forward_signals(int pidfd)
{
    struct sigaction sa = {.sa_handler = forward, .sa_flags = SA_RESTART};
    size_t i;

    forward_to = pidfd;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < NFORWARDED; i++)
        if (sigaction(forwarded[i], &sa, NULL) == -1)
            err_exit("sigaction");
}

/* fork(), and in the parent pass the forwarded signals on to the child.
 * They are held back until then, so that none arriving in between is
 * lost or kills us (a blocked signal waits; PID 1 of a namespace drops
 * one it has no handler for). The child starts with our old mask. */
pid_t
fork_forwarding(void)
{
    sigset_t set, old;
    pid_t pid;
    size_t i;

    sigemptyset(&set);
    for (i = 0; i < NFORWARDED; i++)
        sigaddset(&set, forwarded[i]);
    sigprocmask(SIG_BLOCK, &set, &old);
    pid = fork();
    if (pid > 0) {
        /* Our child, not yet reaped: its PID cannot have been reused, so
         * the pidfd is for this very child. (Close-on-exec, as every
         * pidfd is: the command never inherits it.) */
        int pidfd = sys_pidfd_open(pid, 0);

        if (pidfd == -1)
            err_exit("pidfd_open %d", (int)pid);
        forward_signals(pidfd);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return pid;
}
