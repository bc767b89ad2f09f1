// SPDX-License-Identifier: MIT
/*
 * pidns_run - run a command as PID 1 of a new PID namespace
 *
 * Troubleshooting lab (see exercises/troubleshoot/README.md,
 * "pidns_run"): this launcher should run the command as PID 1 of a new
 * PID namespace. The command runs, with no error, and is not PID 1. Find
 * out why, and fix it.
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
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: pidns_run CMD [ARG...]\n";

int
main(int argc, char *argv[])
{
    int opt;

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
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
