// SPDX-License-Identifier: MIT
/*
 * no_newns - run a command that cannot create namespaces
 *
 * Exercise (see exercises/seccomp/README.md, "no_newns"): this
 * skeleton's filter allows everything. Make clone() and unshare() fail
 * with EPERM when their flags ask for a new namespace, and clone3() fail
 * with ENOSYS, while a plain fork still works. Fill in the
 * TODO(no_newns) part.
 *
 * Usage: no_newns CMD [ARG...]
 *
 * Try:
 *     $ ./no_newns unshare -U true
 *     unshare: unshare failed: Operation not permitted
 *     $ ./no_newns sh -c '(echo a child)'        # forks still work
 *
 * Needs: no privilege.
 *
 * See also: seccomp(2), clone(2), unshare(2), ../../seccomp/lsc_rules.c (-n,
 * the same with libseccomp); TLPI has no seccomp filters (Linux 3.5, after it);
 * course chapter 20.
 */
#define _GNU_SOURCE /* CLONE_NEW* */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h> /* SYS_clone, SYS_clone3, SYS_unshare */
#include <unistd.h>

#include "bpf_filter.h" /* and compat.h: CLONE_NEWCGROUP, CLONE_NEWTIME */
#include "isolab.h"

static const char usage_text[] = "Usage: no_newns CMD [ARG...]\n";

/* Every namespace flag. CLONE_NEWTIME lies in clone()'s exit-signal
 * byte, where no real signal number sets it: one mask serves both. */
#define NS_FLAGS                                                               \
    (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |               \
     CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP | CLONE_NEWTIME)

static void
install(void)
{
    struct sock_filter filter[] = {
        BPF_CHECK_ARCH,
        BPF_LOAD_NR,
        /* TODO(no_newns): clone3 -> ENOSYS; clone and unshare with any
         * of NS_FLAGS in argument 0 -> EPERM. */
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };

    if (install_filter(filter, FILTER_LEN(filter), 0) == -1)
        err_exit("seccomp");
}

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

    install();
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
