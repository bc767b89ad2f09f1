// SPDX-License-Identifier: MIT
/*
 * sig_receiver - block signals, let them pile up, then see what arrives
 *
 * Demonstrates: a blocked signal stays pending. A standard signal is
 * pending or not, so sending it ten times while it is blocked delivers it
 * once. Realtime signals (SIGRTMIN to SIGRTMAX) queue: each one sent is
 * delivered, lowest signal number first and in the order sent within one
 * number, with the value that sigqueue() attached. A handler installed
 * with SA_SIGINFO receives that value and the sender's PID.
 *
 * Usage: sig_receiver
 *   Block every signal that can be blocked, print the PID, read standard
 *   input until end of file (send signals meanwhile, with sig_sender or
 *   kill), print the pending set, then unblock and report each delivery.
 *
 * Try:
 *     $ mkfifo /tmp/keys; ./sig_receiver </tmp/keys &
 *     $ exec 3>/tmp/keys          # its input, held open (a terminal)
 *     pid: 4300
 *     signals blocked; press Control-D to unblock them
 *     $ ./sig_sender $! USR1 5
 *     sent SIGUSR1 5 times with kill()
 *     $ ./sig_sender -q $! RTMIN+1 3
 *     sent SIGRTMIN+1 3 times with sigqueue()
 *     $ exec 3>&-                 # end of input: Control-D on a terminal
 *     pending: SIGUSR1 SIGRTMIN+1
 *     delivered: SIGUSR1 code SI_USER
 *     delivered: SIGRTMIN+1 value 0 code SI_QUEUE
 *     delivered: SIGRTMIN+1 value 1 code SI_QUEUE
 *     delivered: SIGRTMIN+1 value 2 code SI_QUEUE
 *     deliveries: 4
 *   Observe: five SIGUSR1s became one; three SIGRTMIN+1s stayed three,
 *   in order, each with its value. With two terminals it is simpler:
 *   sig_receiver in one, sig_sender in the other, then Control-D in the
 *   first; in one terminal, the fifo stands for the receiver's keyboard.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: sigaction(2) (SA_SIGINFO), sigpending(2), sigprocmask(2),
 * signal(7); TLPI 20.10, 20.12, 21.4 and 22.8.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: sig_receiver\n";

#define MAX_RECORDS 1024

/* The handler only records; main() prints once the deliveries are done
 * (printf() is not async-signal-safe). */
static struct {
    int sig, code, value;
} records[MAX_RECORDS];
static volatile sig_atomic_t nrecords;

/* An SA_SIGINFO handler gets, besides the signal's number, what the
 * kernel knows of it: who sent it (si_pid, si_uid), how (si_code), and
 * the value sigqueue() sent with it. */
static void
handler(int sig, siginfo_t *si, void *ucontext)
{
    (void)ucontext;
    if (nrecords < MAX_RECORDS) {
        records[nrecords].sig = sig;
        records[nrecords].code = si->si_code;
        records[nrecords].value = si->si_value.sival_int;
        nrecords++;
    }
}

int
main(int argc, char *argv[])
{
    struct sigaction sa;
    sigset_t all, pending;
    char buf[4096], name[32];
    int opt;

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

    /* Block everything that can be blocked (SIGKILL and SIGSTOP cannot),
     * and install the handler for each signal that can be caught. The
     * handler's own sa_mask blocks all others while it runs. */
    sigfillset(&all);
    if (sigprocmask(SIG_BLOCK, &all, NULL) == -1)
        err_exit("sigprocmask");
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sa.sa_mask = all;
    for (int sig = 1; sig < NSIG; sig++)
        if (sig != SIGKILL && sig != SIGSTOP)
            sigaction(sig, &sa, NULL); /* fails only for the libc's own */

    printf("pid: %ld\n", (long)getpid());
    printf("signals blocked; press Control-D to unblock them\n");
    fflush(stdout);
    while (read(STDIN_FILENO, buf, sizeof(buf)) > 0)
        continue; /* wait for end of file (or an error) */

    if (sigpending(&pending) == -1)
        err_exit("sigpending");
    printf("pending:");
    for (int sig = 1; sig < NSIG; sig++)
        if (sigismember(&pending, sig) == 1)
            printf(" %s", signal_name(sig, name, sizeof(name)));
    printf("\n");

    /* Unblocking delivers everything pending before this call returns. */
    if (sigprocmask(SIG_UNBLOCK, &all, NULL) == -1)
        err_exit("sigprocmask");

    /* The order of delivery: the standard signals lowest first, each
     * once however often it was sent; then the real-time signals, every
     * instance queued, in order, each with its value. */
    for (int i = 0; i < nrecords; i++) {
        int sig = records[i].sig;

        printf("delivered: %s", signal_name(sig, name, sizeof(name)));
        if (records[i].code == SI_QUEUE)
            printf(" value %d code SI_QUEUE\n", records[i].value);
        else if (records[i].code == SI_USER)
            printf(" code SI_USER\n");
        else
            printf(" code %d\n", records[i].code);
    }
    printf("deliveries: %d\n", (int)nrecords);
    return EXIT_SUCCESS;
}
