// SPDX-License-Identifier: MIT
/*
 * demo_arch - why a seccomp filter checks the architecture first
 *
 * Demonstrates: a filter that refuses getpid by its number, and two ways
 * around it on x86_64 when the filter forgets the architecture. A 64-bit
 * process can still make i386 system calls with `int $0x80`, where the
 * numbers mean other calls (getpid is 20, not 39), and x32 calls carry
 * the x86_64 arch with X32_SYSCALL_BIT added to the number. Each attempt
 * runs in a child of its own; with -c the filter checks the arch and
 * refuses x32, and both ways around are killed.
 *
 * Usage: demo_arch [-c]
 *   -c  the filter checks the architecture (and x32) before the number
 *
 * Try:
 *     $ ./demo_arch
 *     filter: getpid -> EPERM, arch check: no
 *     native getpid (nr 39): Operation not permitted (EPERM)
 *     i386 getpid (int $0x80, nr 20): 4242: the filter let it through
 *     x32 getpid (nr 0x40000027): Function not implemented (ENOSYS): ...
 *     $ ./demo_arch -c
 *     filter: getpid -> EPERM, arch check: yes
 *     native getpid (nr 39): Operation not permitted (EPERM)
 *     i386 getpid (int $0x80, nr 20): killed by SIGSYS
 *     x32 getpid (nr 0x40000027): killed by SIGSYS
 *   Observe: without the check, the i386 call returns a PID: the filter
 *   compared 20 with 39 and allowed it. x32 passes the filter too; most
 *   kernels then refuse it with ENOSYS only because x32 is switched off.
 *
 * Needs: x86_64 with the i386 ABI (CONFIG_IA32_EMULATION, not turned off
 * by ia32_emulation=0); elsewhere it exits with 77.
 *
 * See also: seccomp(2) (the architecture check), syscall(2) (the calling
 * conventions of each ABI); TLPI has no seccomp filters (Linux 3.5, after it);
 * course chapter 20.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h> /* SYS_getpid */
#include <sys/wait.h>
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] = "Usage: demo_arch [-c]\n"
                                 "  -c  the filter checks the architecture "
                                 "(and x32) before the number\n";

#ifdef __x86_64__
#define I386_GETPID 20 /* arch/x86/entry/syscalls/syscall_32.tbl */

/* A system call through the i386 entry: number in eax, result in eax. */
static long
i386_getpid(void)
{
    long ret;

    __asm__ volatile("int $0x80"
                     : "=a"(ret)
                     : "a"((long)I386_GETPID)
                     : "memory");
    if (ret < 0 && ret > -4096) {
        errno = (int)-ret;
        return -1;
    }
    return ret;
}

/* x32, the third x86-64 ABI: the native entry, with bit 30 set in the
 * number. The filter sees nr 0x40000027, not 39, and the arch field says
 * x86_64: only a check of that bit catches it. */
static long
x32_getpid(void)
{
    return syscall(X32_SYSCALL_BIT | SYS_getpid);
}

/* The ordinary x86-64 call: nr 39, the one the filter names. */
static long
native_getpid(void)
{
    return syscall(SYS_getpid);
}

/* Make one call in a child under FILTER, and say what became of it. */
static void
attempt(const char *what, long (*call)(void), struct sock_filter *filter,
        unsigned short len)
{
    int status, err;
    long ret;
    pid_t pid;

    /* In a child: a filter cannot be taken off, and each attempt needs
     * a process without one. */
    printf("%s: ", what);
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        if (install_filter(filter, len, 0) == -1)
            err_exit_child("seccomp");
        ret = call();
        err = errno; /* before printf() can change it */
        if (ret == -1)
            printf("%s (%s)", strerror(err), errno_name(err));
        else
            printf("%ld: the filter let it through", ret);
        if (ret == -1 && err == ENOSYS)
            printf(": the filter let it through, the kernel has it off");
        printf("\n");
        fflush(stdout);
        _exit(EXIT_SUCCESS);
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    if (WIFSIGNALED(status))
        printf("killed by %s\n", WTERMSIG(status) == SIGSYS
                                     ? "SIGSYS"
                                     : strsignal(WTERMSIG(status)));
    fflush(stdout);
}

int
main(int argc, char *argv[])
{
    /* The naive filter: load the number, compare, done. On x86_64 the
     * i386 getpid is number 20, which this filter lets through, and the
     * i386 number that is 39 is another call altogether. */
    struct sock_filter unchecked[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_ON_NR(SYS_getpid, SECCOMP_RET_ERRNO | EPERM),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };
    struct sock_filter checked[] = {
        BPF_CHECK_ARCH, /* kills a foreign ABI */
        BPF_LOAD_NR,    /* kills x32 */
        BPF_ON_NR(SYS_getpid, SECCOMP_RET_ERRNO | EPERM),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };
    /* -c chooses the checked filter; the naive one is the default, to
     * show the hole first. */
    struct sock_filter *filter = unchecked;
    unsigned short len = FILTER_LEN(unchecked);
    int opt;

    while ((opt = get_option(argc, argv, "ch")) != -1) {
        switch (opt) {
        case 'c':
            filter = checked;
            len = FILTER_LEN(checked);
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* Is the i386 entry there at all (before any filter)? Distributions
     * may build the kernel without it or turn it off at boot
     * (ia32_emulation=0), which closes this hole for every process. */
    if (i386_getpid() == -1 && errno == ENOSYS)
        lacks("this kernel has the i386 ABI turned off (ia32_emulation=0)");

    printf("filter: getpid -> EPERM, arch check: %s\n",
           filter == checked ? "yes" : "no");
    /* The same call three ways: the native ABI, the i386 one through
     * int $0x80, and x32. A filter that is right stops all three; the
     * naive one stops only the first. */
    attempt("native getpid (nr 39)", native_getpid, filter, len);
    attempt("i386 getpid (int $0x80, nr 20)", i386_getpid, filter, len);
    attempt("x32 getpid (nr 0x40000027)", x32_getpid, filter, len);
    return EXIT_SUCCESS;
}
#else
int
main(int argc, char *argv[])
{
    /* The command line is checked first, as on x86_64: a wrong one is
     * a usage error (2) here too, a right one meets the missing ABI. */
    int opt;

    while ((opt = get_option(argc, argv, "ch")) != -1) {
        if (opt == 'h')
            usage(EXIT_SUCCESS, usage_text);
        if (opt != 'c')
            usage(EXIT_USAGE, usage_text);
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    lacks("the demo is for x86_64, which can make i386 system calls; this "
          "is another architecture");
}
#endif
