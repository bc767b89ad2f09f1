// SPDX-License-Identifier: MIT
/*
 * demo_zombie - a child that has ended but not been waited for
 *
 * Demonstrates: when a process ends, the kernel keeps a small record of
 * it (its PID and exit status) until the parent collects it with wait():
 * until then the process is a zombie, state Z in /proc/PID/stat and ps.
 * A zombie cannot be killed (it is already dead); only its parent's
 * wait(), or the parent's own end, removes it. A program that never
 * waits for its children fills the process table with them.
 *
 * Usage: demo_zombie
 *   Start a child that exits at once, show its state while it is a
 *   zombie, try to kill it, then reap it and show that it is gone.
 *
 * Try:
 *     $ ./demo_zombie
 *     child 4301: exited; parent has not waited yet
 *     child 4301 state: Z (zombie)
 *     kill(4301, SIGKILL): ok, and still: Z (zombie)
 *     waitpid: reaped 4301, exit status 7
 *     child 4301 state: gone from /proc
 *   Observe: SIGKILL changes nothing: there is nothing left to kill.
 *   While it runs, `ps -o pid,stat,comm --ppid <parent PID>` shows the
 *   zombie as "Z" and "<defunct>".
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: wait(2), proc(5) (/proc/PID/stat), ps(1); TLPI 26.2.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_zombie\n";

/* A process's state letter from /proc/PID/stat, in words. */
static const char *
describe(char state)
{
    return state == 'Z' ? "Z (zombie)"
           : state == 0 ? "gone from /proc"
                        : "alive";
}

int
main(int argc, char *argv[])
{
    struct timespec tick = {.tv_nsec = 10 * 1000 * 1000};
    int opt, status;
    pid_t pid;

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

    /* (Flushed: the child must not inherit and write our buffer.) */
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    /* The child ends at once, with a status its parent has not read. */
    if (pid == 0)
        _exit(7);

    /* Wait (without wait()) until the child has really ended: up to 5 s,
     * in steps of 10 ms. */
    for (int i = 0; i < 500 && proc_state(pid) != 'Z'; i++)
        nanosleep(&tick, NULL);
    /* It has ended, and stays in the process table for us to reap. */
    printf("child %ld: exited; parent has not waited yet\n", (long)pid);
    printf("child %ld state: %s\n", (long)pid, describe(proc_state(pid)));

    /* A zombie has ended already: nothing is left to kill, so SIGKILL
     * succeeds and changes nothing. Only its parent's wait removes it. */
    if (kill(pid, SIGKILL) == -1)
        err_exit("kill");
    printf("kill(%ld, SIGKILL): ok, and still: %s\n", (long)pid,
           describe(proc_state(pid)));

    /* Reaping: the kernel hands over the exit status and frees the
     * process-table entry, and the PID may be reused from now on. */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    printf("waitpid: reaped %ld, exit status %d\n", (long)pid,
           WEXITSTATUS(status));
    printf("child %ld state: %s\n", (long)pid, describe(proc_state(pid)));
    return EXIT_SUCCESS;
}
