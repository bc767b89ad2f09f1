// SPDX-License-Identifier: MIT
/*
 * clean_signals - run a command with no signal blocked or ignored
 *
 * A test fixture. A process inherits its signal mask and its ignored
 * signals across fork() and execve(), so a test started by a harness
 * that blocks or ignores signals (GNU parallel, make, a CI runner, a
 * background job) would see them too. clean_signals empties the mask,
 * sets every disposition back to the default, and runs COMMAND. The C
 * library keeps two real-time signals for itself (32 and 33 in glibc)
 * and its sigaction() refuses them; an ignored one is still inherited,
 * so those two are set back with the system call itself.
 *
 * Usage: clean_signals COMMAND [ARG...]
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "isolab.h"

int
main(int argc, char *argv[])
{
    sigset_t none;

    if (argc < 2)
        usage(EXIT_USAGE, "Usage: clean_signals COMMAND [ARG...]\n");
    for (int sig = 1; sig < NSIG; sig++) {
        /* The kernel's struct sigaction, all zero: SIG_DFL, no flags, an
         * empty mask, whatever the architecture's layout of it. 8: the
         * size of the kernel's signal set. It fails harmlessly for KILL
         * and STOP. */
        unsigned long action[8] = {0};

        syscall(SYS_rt_sigaction, sig, action, NULL, 8);
    }
    sigemptyset(&none);
    if (sigprocmask(SIG_SETMASK, &none, NULL) == -1)
        err_exit("sigprocmask");
    execvp(argv[1], &argv[1]);
    exec_failed(argv[1]);
}
