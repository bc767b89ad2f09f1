// SPDX-License-Identifier: MIT
/*
 * lsc_deny_open - seccomp_deny_open again, with libseccomp
 *
 * Demonstrates: the filter of seccomp_deny_open built with libseccomp.
 * The library writes the architecture check and the x32 check, finds the
 * numbers of the calls by name on this architecture (a call the
 * architecture lacks, such as open on aarch64, is left out), sets
 * no_new_privs and loads the program. Compare the two sources; then
 * compare the filters: `lsc_rules -p` prints the one libseccomp writes.
 *
 * Usage: lsc_deny_open [-e ERRNO | -k] [-x CMD [ARG...]]
 *   -e ERRNO  the error the open calls get (a name or number; EPERM)
 *   -k        kill the process with SIGSYS instead (exit status 159)
 *   -x        after the demo, execute CMD under the filter
 *
 * Try:
 *     $ ./lsc_deny_open -e EACCES
 *     before: open /etc/passwd: ok
 *     filter: open, openat, openat2 -> EACCES
 *     after: open /etc/passwd: Permission denied (EACCES)
 *     $ ./lsc_deny_open -x busybox cat /etc/passwd
 *     ...
 *     cat: can't open '/etc/passwd': Operation not permitted
 *   Observe: the same behaviour as seccomp_deny_open in a third of the
 *   filter code.
 *
 * Needs: libseccomp; no privilege.
 *
 * See also: seccomp_init(3), seccomp_rule_add(3), seccomp_load(3),
 * seccomp_deny_open.c; TLPI has no seccomp filters (Linux 3.5, after it);
 * course chapter 20.
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: lsc_deny_open [-e ERRNO | -k] [-x CMD [ARG...]]\n"
    "  -e ERRNO  the error the open calls get (a name or number; EPERM)\n"
    "  -k        kill the process with SIGSYS instead (exit status 159)\n"
    "  -x        after the demo, execute CMD under the filter\n";

/* Open a file everyone may read, and say how it went. The C library's
 * open() makes the openat system call on most architectures (aarch64 has
 * no open call at all): a filter that named open alone would miss it. */
static void
try_open(const char *when)
{
    int fd = open("/etc/passwd", O_RDONLY);

    if (fd == -1) {
        printf("%s: open /etc/passwd: %s (%s)\n", when, strerror(errno),
               errno_name(errno));
    } else {
        printf("%s: open /etc/passwd: ok\n", when);
        close(fd);
    }
    fflush(stdout);
}

static void
install(uint32_t action)
{
    scmp_filter_ctx ctx;
    int rc;

    /* Allow by default; the rules name the exceptions. libseccomp
     * returns a negative error number instead of setting errno. */
    ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (ctx == NULL)
        fatal("seccomp_init failed");
    /* One rule per call, by name: libseccomp turns SCMP_SYS(open) into
     * this architecture's number, and knows where a call does not exist
     * (open on aarch64), and the 0 says "whatever the arguments". */
    rc = seccomp_rule_add(ctx, action, SCMP_SYS(open), 0);
    if (rc == 0)
        rc = seccomp_rule_add(ctx, action, SCMP_SYS(openat), 0);
    if (rc == 0)
        rc = seccomp_rule_add(ctx, action, SCMP_SYS(openat2), 0);
    if (rc != 0)
        err_exit_en(-rc, "seccomp_rule_add");
    /* seccomp_load() compiles the rules to a BPF program (the
     * architecture check first), sets no_new_privs (the context's default)
     * and installs it. The context is only the library's; the filter
     * stays after seccomp_release(). */
    rc = seccomp_load(ctx);
    if (rc != 0)
        err_exit_en(-rc, "seccomp_load");
    seccomp_release(ctx);
}

int
main(int argc, char *argv[])
{
    int opt, err = EPERM, kill = 0, exec = 0;

    while ((opt = get_option(argc, argv, "+e:kxh")) != -1) {
        switch (opt) {
        case 'e':
            err = parse_errno(optarg, "-e");
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

    try_open("before");
    if (kill)
        printf("filter: open, openat, openat2 -> kill (SIGSYS)\n");
    else
        printf("filter: open, openat, openat2 -> %s\n", errno_name(err));
    /* Flushed now: if the filter kills us, the buffer dies with us. */
    fflush(stdout);
    /* SCMP_ACT_ERRNO: the call fails with ERR and does nothing; the
     * program sees an ordinary error. SCMP_ACT_KILL_PROCESS: the kernel
     * kills the whole process with SIGSYS at the call; the shell shows
     * 159 (128 + 31). */
    install(kill ? SCMP_ACT_KILL_PROCESS : SCMP_ACT_ERRNO(err));
    try_open("after");

    /* The filter is inherited across execve(): whatever CMD is, it cannot
     * open a file (and if the loader itself must open libraries, even
     * starting it fails). */
    if (exec) {
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }
    return EXIT_SUCCESS;
}
