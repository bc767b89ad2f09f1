// SPDX-License-Identifier: MIT
/*
 * demo_pidns_end - when a PID namespace's init ends, the namespace ends
 *
 * Demonstrates: after unshare(CLONE_NEWPID), the caller stays where it is
 * but its next child becomes PID 1 of the new namespace. When that init
 * ends, the kernel sends SIGKILL to every other process in the namespace,
 * and the namespace can take no new process: a further fork() by the
 * caller fails with ENOMEM. (This is why `unshare -p` needs -f, and why a
 * container's init must outlive everything it starts.)
 *
 * Usage: demo_pidns_end
 *
 * Try:
 *     $ sudo ./demo_pidns_end
 *     init: PID 1 in the new namespace; starting a member, then ending
 *     member: PID 2 in the namespace, 4302 outside, waiting
 *     outside: init ended; the member 4302 was killed: gone from /proc
 *     fork() into the namespace after its init ended: ENOMEM
 *     $ ../userns/userns_child_exec -r ./demo_pidns_end     # rootless
 *   Observe: the member never finished waiting: SIGKILL, sent by the
 *   kernel when init ended. ENOMEM is the kernel's odd way of saying the
 *   namespace is closed.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: pid_namespaces(7) ("The namespace init process"), unshare(2); TLPI
 * 28.2.1 names the CLONE_NEW* flags, no more: namespaces grew after it; course
 * chapter 16 ("PID namespaces idiosyncrasies").
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWPID */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_pidns_end\n";

/* Our PID as the host sees it: the first number of NSpid. (/proc here is
 * still the host's: nothing was remounted.) */
static long
outer_pid(void)
{
    char nspid[256];

    if (proc_status_value("self", "NSpid", nspid, sizeof(nspid)) == -1)
        return -1;
    return strtol(nspid, NULL, 10);
}

int
main(int argc, char *argv[])
{
    int opt, status, report[2], to_init[2];
    long member = -1;
    char path[64];
    struct stat sb;
    pid_t init;

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

    /* unshare(CLONE_NEWPID) does not move us: our next child is the
     * namespace's first process, its init (PID 1), and our later
     * children join it while that init lives. */
    if (unshare(CLONE_NEWPID) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWPID: needs CAP_SYS_ADMIN; run as root, "
                  "or under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWPID");
    }
    /* The member reports its host PID to us, and to init that it has
     * started: two pipes, one reader each. */
    if (pipe(report) == -1 || pipe(to_init) == -1)
        err_exit("pipe");
    fflush(stdout);

    init = fork();
    if (init == -1)
        err_exit("fork");
    if (init == 0) {
        printf("init: PID %ld in the new namespace; starting a member, then "
               "ending\n",
               (long)getpid());
        fflush(stdout);
        if (fork() == 0) {
            /* The member: report, then wait for ever (until killed). */
            long me = outer_pid();

            printf("member: PID %ld in the namespace, %ld outside, waiting\n",
                   (long)getpid(), me);
            fflush(stdout);
            if (write(report[1], &me, sizeof(me)) != sizeof(me) ||
                write(to_init[1], "x", 1) != 1)
                _exit(EXIT_FAILURE);
            close(report[1]);
            close(to_init[1]);
            pause();
            _exit(EXIT_SUCCESS); /* never reached */
        }
        /* Init waits until the member has started, then ends. */
        char c;

        close(to_init[1]);
        if (read(to_init[0], &c, 1) != 1)
            _exit(EXIT_FAILURE);
        _exit(EXIT_SUCCESS);
    }

    /* When a PID namespace's init ends, the kernel sends SIGKILL to
     * every other process in it: nothing may outlive the process that
     * reaps orphans there. */
    close(report[1]);
    close(to_init[0]);
    close(to_init[1]);
    if (read(report[0], &member, sizeof(member)) != sizeof(member))
        fatal("the member did not report");
    /* Init's end waits for the killed members to go, so once init is
     * reaped, the member is gone. */
    if (waitpid(init, &status, 0) == -1)
        err_exit("waitpid");
    snprintf(path, sizeof(path), "/proc/%ld", member);
    printf("outside: init ended; the member %ld was killed: %s\n", member,
           stat(path, &sb) == -1 ? "gone from /proc" : "still there");

    /* And the namespace takes no one new: its init is gone, so a fork()
     * that would put a child in it fails (ENOMEM, for historical
     * reasons). */
    pid_t late = fork();
    if (late == 0)
        _exit(EXIT_SUCCESS);
    if (late == -1)
        printf("fork() into the namespace after its init ended: %s\n",
               errno_name(errno));
    else
        waitpid(late, NULL, 0);
    return EXIT_SUCCESS;
}
