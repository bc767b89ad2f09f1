// SPDX-License-Identifier: MIT
/*
 * clean_signals - run a command with no signal blocked or ignored
 *
 * A test fixture. A process inherits its signal mask and its ignored
 * signals across fork() and execve(), so a test started by a harness
 * that blocks or ignores signals (GNU parallel, make, a CI runner, a
 * background job) would see them too. clean_signals empties the mask,
 * sets every disposition back to the default, and runs COMMAND.
 *
 * Usage: clean_signals COMMAND [ARG...]
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

int
main(int argc, char *argv[])
{
    sigset_t none;

    if (argc < 2)
        usage(EXIT_USAGE, "Usage: clean_signals COMMAND [ARG...]\n");
    for (int sig = 1; sig < NSIG; sig++)
        signal(sig, SIG_DFL); /* fails harmlessly for KILL, STOP, 32, 33 */
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) == -1)
        err_exit("sigprocmask");
    execvp(argv[1], &argv[1]);
    exec_failed(argv[1]);
}
