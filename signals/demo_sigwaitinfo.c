// SPDX-License-Identifier: MIT
/*
 * demo_sigwaitinfo - accept signals synchronously, with no handler at all
 *
 * Demonstrates: a program that blocks its signals and then calls
 * sigwaitinfo() receives each pending signal as the return value of a
 * call, in ordinary code: no handler, no async-signal-safety rules, no
 * interrupted system calls. The siginfo_t it fills in tells who sent the
 * signal (si_pid, si_uid) and how (si_code). A thread or process that
 * does nothing but wait for signals is often built this way.
 *
 * Usage: demo_sigwaitinfo
 *   Block SIGHUP, SIGINT, SIGUSR1, SIGUSR2 and SIGTERM, then report each
 *   one as it is accepted, with its sender, until SIGTERM.
 *
 * Try:
 *     $ ./demo_sigwaitinfo &
 *     pid: 4300
 *     $ kill -USR1 %1
 *     accepted: SIGUSR1 from pid 4242 uid 1000 (SI_USER)
 *     $ kill -HUP %1
 *     accepted: SIGHUP from pid 4242 uid 1000 (SI_USER)
 *     $ kill %1
 *     accepted: SIGTERM from pid 4242 uid 1000 (SI_USER): ending
 *   Observe: the sender's PID is the shell's. Signals pending at the same
 *   time are accepted lowest number first (SIGHUP is 1, SIGUSR1 is 10):
 *   send both in one line (kill -USR1 %1; kill -HUP %1) and HUP may come
 *   first.
 *   A signal from the terminal (Control-C) shows SI_KERNEL and pid 0.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: sigwaitinfo(2), sigprocmask(2), signalfd(2); TLPI 22.10.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_sigwaitinfo\n";

int
main(int argc, char *argv[])
{
    const int sigs[] = {SIGHUP, SIGINT, SIGUSR1, SIGUSR2, SIGTERM};
    siginfo_t si;
    sigset_t set;
    char name[32];
    int opt, sig;

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

    /* Blocked signals stay pending until sigwaitinfo() accepts them. */
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaddset(&set, sigs[i]);
    if (sigprocmask(SIG_BLOCK, &set, NULL) == -1)
        err_exit("sigprocmask");

    printf("pid: %ld\n", (long)getpid());
    fflush(stdout);
    /* No handler: sigwaitinfo() takes a pending signal of SET off the
     * pending set and returns it, with who sent it and how in SI; it
     * sleeps until one comes. The lowest-numbered pending signal comes
     * first, whatever the order they arrived in. */
    do {
        sig = sigwaitinfo(&set, &si);
        if (sig == -1)
            err_exit("sigwaitinfo"); /* EINTR: a signal not in SET */
        /* si_pid and si_uid: the sender, as the kernel recorded it.
         * si_code: SI_USER for kill(), SI_QUEUE for sigqueue(), SI_KERNEL
         * for a signal the kernel sent itself. */
        printf("accepted: %s from pid %ld uid %ld (%s)",
               signal_name(sig, name, sizeof(name)), (long)si.si_pid,
               (long)si.si_uid,
               si.si_code == SI_USER     ? "SI_USER"
               : si.si_code == SI_QUEUE  ? "SI_QUEUE"
               : si.si_code == SI_KERNEL ? "SI_KERNEL"
                                         : "other");
        printf(sig == SIGTERM ? ": ending\n" : "\n");
        fflush(stdout);
    } while (sig != SIGTERM);
    return EXIT_SUCCESS;
}
