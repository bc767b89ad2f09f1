// SPDX-License-Identifier: MIT
/*
 * t_kill - send a signal with kill(), or probe a process with signal 0
 *
 * Demonstrates: kill(pid, 0) sends nothing but performs every check that
 * a real signal would: it succeeds if the process exists and we may
 * signal it, fails with EPERM if it exists but belongs to someone we may
 * not signal, and with ESRCH if there is no such process. (A zombie still
 * exists: it is there until reaped.) A PID of 0 or below addresses a
 * process group: 0 is our own, -1 every process we may signal, -N group N.
 *
 * Usage: t_kill [-s SIGNAL] PID
 *   -s SIGNAL  the signal to send (a number or a name; default 0)
 *
 * Try:
 *     $ ./t_kill $$
 *     kill(4242, 0): ok: the process exists and we may signal it
 *     $ ./t_kill 1
 *     kill(1, 0): EPERM: the process exists, but we may not signal it
 *     $ ./t_kill 99999999
 *     kill(99999999, 0): ESRCH: no such process
 *     $ sleep 60 & ./t_kill -s TERM $!
 *     kill(4300, 15): ok: the process exists and we may signal it
 *   Observe: as an ordinary user, PID 1 answers EPERM; as root, ok.
 *
 * Needs: nothing special; root (or CAP_KILL) may signal any process.
 *
 * See also: kill(2), kill(1), signal(7); TLPI 20.5 and 20.6.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: t_kill [-s SIGNAL] PID\n"
    "  -s SIGNAL  the signal to send (a number or a name; default 0)\n";

int
main(int argc, char *argv[])
{
    int sig = 0, opt;
    pid_t pid;

    while ((opt = get_option(argc, argv, "s:h")) != -1) {
        switch (opt) {
        case 's':
            sig = parse_signal(optarg, "-s");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    /* Negative PIDs are process groups; -1 is "everyone we may signal",
     * which a student should not send by accident: refuse it. */
    pid = parse_ll(argv[optind], 10, -INT_MAX, INT_MAX, "PID");
    if (pid == -1)
        usage_err("PID: -1 would signal every process you may signal");

    /* Signal 0 is no signal: the kernel makes every check of a real one
     * (does the process exist, may we signal it: our real or effective
     * UID equal to its real or saved UID, or CAP_KILL) and sends nothing,
     * the standard way to ask "is it there". */
    printf("kill(%ld, %d): ", (long)pid, sig);
    if (kill(pid, sig) == 0) {
        printf("ok: the process exists and we may signal it\n");
        return EXIT_SUCCESS;
    }
    /* The two answers tell two things apart: EPERM says the process
     * exists (so PIDs of other users' processes can be probed); ESRCH
     * says none has this PID (in our PID namespace). */
    if (errno == EPERM)
        printf("EPERM: the process exists, but we may not signal it\n");
    else if (errno == ESRCH)
        printf("ESRCH: no such process\n");
    else
        printf("%s\n", errno_name(errno));
    return EXIT_FAILURE;
}
