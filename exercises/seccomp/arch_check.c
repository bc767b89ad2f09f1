// SPDX-License-Identifier: MIT
/*
 * arch_check - a filter that checks the architecture before the number
 *
 * Exercise (see exercises/seccomp/README.md, "arch_check"): this
 * skeleton's filter refuses getpid by its number only, so a getpid made
 * through another ABI (i386 with `int $0x80`, or x32) slips past. Make
 * the filter kill such calls. Fill in the TODO(arch_check) part.
 *
 * Usage: arch_check native|i386|x32
 *   install the filter, then call getpid through that ABI
 *
 * Try:
 *     $ ./arch_check native
 *     getpid: Operation not permitted (EPERM)
 *     $ ./arch_check i386; echo $?
 *     159
 *   Observe: 159 is 128 + SIGSYS: the foreign call was killed.
 *
 * Needs: x86_64 (elsewhere it exits with 77); no privilege.
 *
 * See also: seccomp(2), ../../seccomp/demo_arch.c; TLPI has no seccomp filters
 * (Linux 3.5, after it); course chapter 20.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h> /* SYS_getpid */
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] = "Usage: arch_check native|i386|x32\n";

#ifdef __x86_64__
static void
install(void)
{
    struct sock_filter filter[] = {
        /* TODO(arch_check): check the architecture before anything else,
         * and refuse x32 calls once the number is loaded. */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getpid, 0, 1),
        BPF_RETURN(SECCOMP_RET_ERRNO | EPERM),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };

    if (install_filter(filter, FILTER_LEN(filter), 0) == -1)
        err_exit("seccomp");
}

/* getpid through the i386 entry (number 20 there). */
static long
i386_getpid(void)
{
    long ret;

    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
    if (ret < 0 && ret > -4096) {
        errno = (int)-ret;
        return -1;
    }
    return ret;
}

int
main(int argc, char *argv[])
{
    long ret;
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    if (strcmp(argv[optind], "native") != 0 &&
        strcmp(argv[optind], "i386") != 0 && strcmp(argv[optind], "x32") != 0)
        usage_err("'%s' is not native, i386 or x32", argv[optind]);

    install();
    if (strcmp(argv[optind], "i386") == 0)
        ret = i386_getpid();
    else if (strcmp(argv[optind], "x32") == 0)
        ret = syscall(X32_SYSCALL_BIT | SYS_getpid);
    else
        ret = syscall(SYS_getpid);
    if (ret == -1)
        printf("getpid: %s (%s)\n", strerror(errno), errno_name(errno));
    else
        printf("getpid: %ld\n", ret);
    return EXIT_SUCCESS;
}
#else
/* Elsewhere (aarch64 has no 32-bit entry on most CPUs, and no x32):
 * say so, with exit 77, as for any missing feature. */
int
main(int argc, char *argv[])
{
    /* The command line is checked first, as on x86_64: a wrong one is
     * a usage error (2) here too, a right one meets the missing ABI. */
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1)
        usage(opt == 'h' ? EXIT_SUCCESS : EXIT_USAGE, usage_text);
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    if (strcmp(argv[optind], "native") != 0 &&
        strcmp(argv[optind], "i386") != 0 && strcmp(argv[optind], "x32") != 0)
        usage_err("'%s' is not native, i386 or x32", argv[optind]);
    lacks("an exercise for x86_64, which can make i386 and x32 system "
          "calls; this is another architecture");
}
#endif
