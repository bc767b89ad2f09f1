// SPDX-License-Identifier: MIT
/*
 * seccomp_deny_open - a hand-written BPF filter that makes open() fail
 *
 * Demonstrates: a seccomp filter written out instruction by instruction.
 * It checks the architecture first, refuses x32 calls on x86_64, then
 * answers open, openat and openat2 with an error (or kills the process)
 * and allows everything else. An open before the filter works; the same
 * open after it fails. With -x a command runs under the filter, which
 * it inherits across execve().
 *
 * Usage: seccomp_deny_open [-e ERRNO | -k] [-x CMD [ARG...]]
 *   -e ERRNO  the error the open calls get (a name or number; EPERM)
 *   -k        kill the process with SIGSYS instead (exit status 159)
 *   -x        after the demo, execute CMD under the filter
 *
 * Try:
 *     $ ./seccomp_deny_open
 *     before: open /etc/passwd: ok
 *     filter: open, openat, openat2 -> EPERM
 *     after: open /etc/passwd: Operation not permitted (EPERM)
 *     $ ./seccomp_deny_open -k; echo $?
 *     ...
 *     159
 *     $ ./seccomp_deny_open -x cat /etc/passwd
 *     ...
 *     cat: error while loading shared libraries: libc.so.6: cannot open ...
 *     $ ./seccomp_deny_open -x busybox cat /etc/passwd
 *     ...
 *     cat: can't open '/etc/passwd': Operation not permitted
 *   Observe: the dynamic loader opens libraries before main(), so a
 *   dynamically linked command dies at start-up; a static busybox gets as
 *   far as its own open. With -k, the kill ends the process: $? is
 *   128 + 31 (SIGSYS). This demo is meant to die with -k.
 *
 * Needs: nothing: no_new_privs lets any process install a filter.
 *
 * See also: seccomp(2), prctl(2) PR_SET_NO_NEW_PRIVS, bpf filter syntax in the
 * kernel's Documentation/userspace-api/seccomp_filter.rst; TLPI has no seccomp
 * filters (Linux 3.5, after it); course chapter 20.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>   /* AUDIT_ARCH_* */
#include <linux/filter.h>  /* struct sock_filter, BPF_STMT, BPF_JUMP */
#include <linux/seccomp.h> /* struct seccomp_data, SECCOMP_RET_* */
#include <stddef.h>        /* offsetof */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h> /* SYS_open, SYS_openat, SYS_openat2 */
#include <unistd.h>

#include "compat.h" /* NATIVE_AUDIT_ARCH, X32_SYSCALL_BIT, sys_seccomp */
#include "isolab.h"

static const char usage_text[] =
    "Usage: seccomp_deny_open [-e ERRNO | -k] [-x CMD [ARG...]]\n"
    "  -e ERRNO  the error the open calls get (a name or number; EPERM)\n"
    "  -k        kill the process with SIGSYS instead (exit status 159)\n"
    "  -x        after the demo, execute CMD under the filter\n";

static const char path[] = "/etc/passwd";

/* Open a file everyone may read: only the filter can make it fail. The
 * C library's open() makes the openat call on most architectures. */
static void
try_open(const char *when)
{
    int fd = open(path, O_RDONLY);

    if (fd == -1) {
        printf("%s: open %s: %s (%s)\n", when, path, strerror(errno),
               errno_name(errno));
    } else {
        printf("%s: open %s: ok\n", when, path);
        close(fd);
    }
    fflush(stdout);
}

static void
install(unsigned int action)
{
    /* The filter runs on every system call with the accumulator empty
     * and struct seccomp_data to load from. Jumps count instructions. */
    struct sock_filter filter[] = {
        /* 1. The architecture. A number means a different call in each
         *    ABI (on x86_64, int $0x80 uses the i386 numbers, where 5
         *    is open), so a call from a foreign ABI is killed. */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_AUDIT_ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),

        /* 2. The number. x32 calls share the x86_64 arch value and add
         *    X32_SYSCALL_BIT to the number: without this test, x32's
         *    open would pass (where the kernel enables x32). */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#ifdef __x86_64__
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
#endif

    /* 3. The calls to refuse: "if equal, fall through to the return;
         *    else skip it". Newer architectures have no open at all. */
#ifdef SYS_open
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_open, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, action),
#endif
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, action),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat2, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, action),

        /* 4. Everything else. */
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {
        .len = sizeof(filter) / sizeof(filter[0]),
        .filter = filter,
    };

    /* Without CAP_SYS_ADMIN, a process must first promise that execve()
     * will never grant it privilege (set-UID bits, file capabilities):
     * otherwise a filter could trick a set-UID program. */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
        err_exit("prctl PR_SET_NO_NEW_PRIVS");
    if (sys_seccomp(SECCOMP_SET_MODE_FILTER, 0, &prog) == -1)
        err_exit("seccomp SECCOMP_SET_MODE_FILTER");
}

int
main(int argc, char *argv[])
{
    int opt, err = EPERM, kill = 0, exec = 0, with_e = 0;

    while ((opt = get_option(argc, argv, "+e:kxh")) != -1) {
        switch (opt) {
        case 'e':
            err = parse_errno(optarg, "-e");
            with_e = 1;
            break;
        case 'k':
            kill = 1;
            break;
        case 'x':
            exec = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (exec != (optind < argc))
        usage(EXIT_USAGE, usage_text);
    if (with_e && kill) /* an error to return, or a kill: one action */
        usage_err("-e and -k exclude each other");

    try_open("before");
    if (kill)
        printf("filter: open, openat, openat2 -> kill (SIGSYS)\n");
    else
        printf("filter: open, openat, openat2 -> %s\n", errno_name(err));
    fflush(stdout);
    /* The errno travels in the low 16 bits (SECCOMP_RET_DATA). */
    install(kill ? SECCOMP_RET_KILL_PROCESS : SECCOMP_RET_ERRNO | err);
    try_open("after");

    /* A filter cannot be removed, and execve() keeps it: the command is
     * bound by it too (and cannot even start if its loader must open a
     * library). */
    if (exec) {
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }
    return EXIT_SUCCESS;
}
