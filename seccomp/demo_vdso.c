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
 * Try (vDSO clock):
 *     $ ./demo_vdso
 *     filter: clock_gettime, gettimeofday, time -> EPERM
 *     clock_gettime() through the C library: ok
 *     syscall(SYS_clock_gettime): Operation not permitted (EPERM)
 *     $ strace -e trace=clock_gettime ./demo_vdso >/dev/null
 *     clock_gettime(CLOCK_MONOTONIC, 0x7ffd146f5950) = -1 EPERM (Operation not permitted)
 *     +++ exited with 0 +++
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

/* Print how the call WHAT ended: RET -1 and errno, or success. */
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
    /* The filter refuses the three calls that read the clock, with EPERM
     * so that a refusal is seen, not a killed process. The architecture
     * is checked first: a number means a call only on its own ABI. */
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

    /* (install_filter() sets no_new_privs first: a filter needs it, or
     * CAP_SYS_ADMIN.) */
    if (install_filter(filter, FILTER_LEN(filter), 0) == -1)
        err_exit("seccomp");
    printf("filter: clock_gettime, gettimeofday, time -> EPERM\n");
    /* The C library's clock_gettime() runs code that the kernel maps into
     * every process (the vDSO): it reads the time from a page the kernel
     * keeps up to date, and enters the kernel not at all, so no filter
     * sees it. It succeeds. */
    report("clock_gettime() through the C library",
           clock_gettime(CLOCK_MONOTONIC, &ts));
    /* The same request as a real system call meets the filter: EPERM. A
     * filter is a boundary for system calls only; what a process can do
     * without entering the kernel, it is no boundary for. */
    report("syscall(SYS_clock_gettime)",
           (int)syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts));
    return EXIT_SUCCESS;
}
