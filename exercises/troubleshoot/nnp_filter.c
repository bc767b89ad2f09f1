// SPDX-License-Identifier: MIT
/*
 * nnp_filter - run a command that may not open sockets
 *
 * Troubleshooting lab (see exercises/troubleshoot/README.md,
 * "nnp_filter"): this launcher should run a command that may not open
 * sockets. It works for root and fails for everyone else. Find out why,
 * and fix it (keeping the attribute line).
 *
 * Usage: nnp_filter CMD [ARG...]
 *
 * Try:
 *     $ ./nnp_filter ping -c1 127.0.0.1
 *     ping: socket: Operation not permitted
 *
 * Needs: nothing (no_new_privs is set).
 *
 * See also: seccomp(2) (EACCES), prctl(2) PR_SET_NO_NEW_PRIVS,
 * seccomp_attr_set(3), exercises/troubleshoot/README.md; the capstone, after
 * course chapter 26; TLPI has no seccomp filters (Linux 3.5, after it).
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: nnp_filter CMD [ARG...]\n";

int
main(int argc, char *argv[])
{
    scmp_filter_ctx ctx;
    int opt, rc;

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

    ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (ctx == NULL)
        fatal("seccomp_init failed");
    /* Leave no_new_privs to us (the attribute's default is to set it). */
    rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(socket), 0);
    if (rc != 0)
        err_exit_en(-rc, "seccomp_rule_add");
    rc = seccomp_load(ctx);
    if (rc != 0)
        err_exit_en(-rc, "seccomp_load");
    seccomp_release(ctx);

    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
