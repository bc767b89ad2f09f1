// SPDX-License-Identifier: MIT
/*
 * seccomp_exec - run a command under a raw BPF filter read from a file
 *
 * Demonstrates: what the kernel receives in the end: an array of 8-byte
 * struct sock_filter instructions, whoever wrote them (by hand, through
 * libseccomp, or a container runtime from its JSON profile). This loads
 * such an array from FILE, installs it and executes CMD under it.
 *
 * Usage: seccomp_exec FILE CMD [ARG...]
 *
 * Try:
 *     $ ./lsc_rules -n -b /tmp/no-ns.bpf
 *     $ ./seccomp_exec /tmp/no-ns.bpf unshare -U true
 *     unshare: unshare failed: Operation not permitted
 *     $ ./seccomp_exec /tmp/no-ns.bpf grep Seccomp /proc/self/status
 *     Seccomp:        2
 *     Seccomp_filters:        1
 *   Observe: the file is all there is: no libseccomp at run time. A file
 *   whose size is not a multiple of 8, or with more than 4096
 *   instructions, is refused here; a malformed program is refused by the
 *   kernel with EINVAL.
 *
 * Needs: nothing (no_new_privs is set first).
 *
 * See also: seccomp(2) struct sock_fprog, seccomp_export_bpf(3); TLPI has no
 * seccomp filters (Linux 3.5, after it); course chapter 20.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h> /* intmax_t */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] = "Usage: seccomp_exec FILE CMD [ARG...]\n";

int
main(int argc, char *argv[])
{
    /* The kernel takes at most BPF_MAXINSNS (4096) instructions. */
    struct sock_filter filter[BPF_MAXINSNS];
    const char *file;
    struct stat sb;
    ssize_t n;
    int opt, fd;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind < 2)
        usage(EXIT_USAGE, usage_text);
    file = argv[optind];

    /* The file holds the program as the kernel takes it: an array of
     * struct sock_filter (8 bytes each: code, jt, jf, k) in this
     * machine's byte order, as seccomp_export_bpf() writes it. */
    fd = open(file, O_RDONLY);
    if (fd == -1)
        err_exit("open %s", file);
    if (fstat(fd, &sb) == -1)
        err_exit("fstat %s", file);
    /* A size that is no whole number of instructions is not a filter:
     * refuse it here, with its size, rather than hand the kernel half an
     * instruction (it would say only EINVAL). */
    if (sb.st_size == 0 || sb.st_size % sizeof(filter[0]) != 0 ||
        sb.st_size > (off_t)sizeof(filter))
        fatal("%s: %jd bytes is not 1 to %d instructions of %zu bytes", file,
              (intmax_t)sb.st_size, BPF_MAXINSNS, sizeof(filter[0]));
    n = read(fd, filter, sb.st_size);
    if (n != sb.st_size)
        err_exit("read %s", file);
    close(fd);

    /* The kernel checks the program before it takes it (valid opcodes,
     * jumps forward and inside it, every path ending in a return):
     * EINVAL if not. install_filter() sets no_new_privs first. */
    if (install_filter(filter, n / sizeof(filter[0]), 0) == -1)
        err_exit("seccomp %s", file);
    /* The filter stays across execve(), and binds the command and
     * everything it starts: no way to take it off. */
    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
