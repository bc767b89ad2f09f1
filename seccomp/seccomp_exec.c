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
#include <stdio.h>
#include <stdlib.h>
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
    size_t n;
    int opt;

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
     * 8-byte instructions (lib/bpf_filter.h reads it, and refuses a size
     * that is no whole number of them). */
    n = read_filter_file(file, filter);

    /* The kernel checks the program before it takes it (valid opcodes,
     * jumps forward and inside it, every path ending in a return):
     * EINVAL if not. install_filter() sets no_new_privs first. */
    if (install_filter(filter, n, 0) == -1)
        err_exit("seccomp %s", file);
    /* The filter stays across execve(), and binds the command and
     * everything it starts: no way to take it off. */
    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
