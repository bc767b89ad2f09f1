// SPDX-License-Identifier: MIT
/*
 * no_newns - run a command that cannot create namespaces
 *
 * Demonstrates: testing flag bits in a hand-written filter. clone() and
 * unshare() take their flags in argument 0; BPF_JSET jumps when any of
 * the CLONE_NEW* bits is set there, and the call fails with EPERM. A
 * plain fork (clone without those bits) goes on. clone3() takes its
 * flags in a structure in memory that a filter cannot read, so it fails
 * with ENOSYS: the C library then falls back to clone(), which the
 * filter can check. (setns() joins, it does not create: left alone.)
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
        BPF_ON_NR(SYS_clone3, SECCOMP_RET_ERRNO | ENOSYS),
        /* clone or unshare: go on to the flags; anything else: allow. */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 1, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_unshare, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LOW(0)),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, NS_FLAGS, 0, 1),
        BPF_RETURN(SECCOMP_RET_ERRNO | EPERM),
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
