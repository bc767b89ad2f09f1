// SPDX-License-Identifier: MIT
/*
 * isocon_signals.c - isocon's signals: from isocon to the init, from the
 * init to the command
 *
 * The command runs two forks away from isocon: isocon -> the init (PID 1
 * inside) -> the command. A signal sent to isocon has to be handed down
 * both steps, and the init must catch it anyway: PID 1 of a namespace
 * gets only the signals it has a handler for.
 *
 * See also: signal(7), sigaction(2), pid_namespaces(7); the signals
 * chapter.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "isocon.h"

/* What a terminal, a service manager or kill(1) sends to stop a program
 * or talk to it. Both isocon and the container's init catch these and
 * hand them on, so that Ctrl-C or "kill PID-of-isocon" reaches the
 * command; its exit status then comes back the same way. */
static const int forwarded[] = {SIGTERM, SIGINT,  SIGHUP,
                                SIGQUIT, SIGUSR1, SIGUSR2};
#define NFORWARDED (sizeof(forwarded) / sizeof(forwarded[0]))

static volatile sig_atomic_t forward_to; /* the PID to pass them on to */

static void
forward(int sig)
{
    int saved = errno;

    kill((pid_t)forward_to, sig); /* async-signal-safe */
    errno = saved;
}

/* From now on, pass the forwarded signals on to PID. SA_RESTART: our
 * waitpid() just goes on waiting for PID to end. */
void
forward_signals(pid_t pid)
{
    struct sigaction sa = {.sa_handler = forward, .sa_flags = SA_RESTART};
    size_t i;

    forward_to = pid;
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
    if (pid > 0)
        forward_signals(pid);
    sigprocmask(SIG_SETMASK, &old, NULL); /* errno stays fork()'s */
    return pid;
}
