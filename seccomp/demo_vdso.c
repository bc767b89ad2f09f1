// SPDX-License-Identifier: MIT
/*
 * demo_vdso - calls a seccomp filter never sees
 *
 * Demonstrates: a filter that refuses clock_gettime, gettimeofday and
 * time, and a clock that still works. The C library reads the clock
 * through the vDSO, code the kernel maps into every process, without
 * entering the kernel; a filter runs only on real system calls. The
 * same call made with syscall(2) is refused.
 *
 * Usage: demo_vdso
 *
 * Try:
 *     $ ./demo_vdso
 *     filter: clock_gettime, gettimeofday, time -> EPERM
 *     clock_gettime() through the C library: ok
 *     syscall(SYS_clock_gettime): Operation not permitted (EPERM)
 *     $ strace -e trace=clock_gettime ./demo_vdso
 *   Observe: strace, too, sees only the second call. (With a clock
 *   source that has no vDSO path, such as some virtual machines', both
 *   calls enter the kernel and both fail.)
 *
 * Needs: nothing (no_new_privs is set first).
 *
 * See also: vdso(7), seccomp(2) (Caveats); TLPI has no seccomp filters (Linux
 * 3.5, after it); course chapter 21.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h> /* SYS_clock_gettime, SYS_gettimeofday */
#include <time.h>
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] = "Usage: demo_vdso\n";

static void
report(const char *what, int ret)
{
    if (ret == -1)
        printf("%s: %s (%s)\n", what, strerror(errno), errno_name(errno));
    else
        printf("%s: ok\n", what);
}

int
main(int argc, char *argv[])
{
    struct sock_filter filter[] = {
        BPF_CHECK_ARCH,
        BPF_LOAD_NR,
        BPF_ON_NR(SYS_clock_gettime, SECCOMP_RET_ERRNO | EPERM),
        BPF_ON_NR(SYS_gettimeofday, SECCOMP_RET_ERRNO | EPERM),
#ifdef SYS_time
        BPF_ON_NR(SYS_time, SECCOMP_RET_ERRNO | EPERM),
#endif
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };
    struct timespec ts;
    int opt;

    while ((opt = getopt(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    if (install_filter(filter, FILTER_LEN(filter), 0) == -1)
        err_exit("seccomp");
    printf("filter: clock_gettime, gettimeofday, time -> EPERM\n");
    report("clock_gettime() through the C library",
           clock_gettime(CLOCK_MONOTONIC, &ts));
    report("syscall(SYS_clock_gettime)",
           (int)syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts));
    return EXIT_SUCCESS;
}
