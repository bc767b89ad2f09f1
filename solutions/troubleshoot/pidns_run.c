// SPDX-License-Identifier: MIT
/*
 * pidns_run - run a command as PID 1 of a new PID namespace
 *
 * Demonstrates: unshare(CLONE_NEWPID) does not move the caller: its PID
 * cannot change. Only the children it creates afterwards are in the new
 * namespace, the first of them as PID 1. So the launcher must fork after
 * the unshare, run the command in the child, and wait for it (and pass
 * on its status). The same holds for setns() into a PID namespace.
 *
 * Usage: pidns_run CMD [ARG...]
 *
 * Try:
 *     $ ../../userns/userns_child_exec -r ./pidns_run sh -c 'echo $$'
 *     1
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: pid_namespaces(7), unshare(2), setns(2),
 * exercises/troubleshoot/README.md; the capstone, after course chapter 26; TLPI
 * 28.2.1 names the CLONE_NEW* flags, no more: namespaces grew after it.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWPID */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: pidns_run CMD [ARG...]\n";

int
main(int argc, char *argv[])
{
    int opt, status;
    pid_t pid;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    if (unshare(CLONE_NEWPID) == -1)
        err_exit("unshare CLONE_NEWPID (needs CAP_SYS_ADMIN)");
    fflush(stdout);
    pid = fork(); /* the first child is PID 1 of the new namespace */
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
