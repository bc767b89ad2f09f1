// SPDX-License-Identifier: MIT
/*
 * ns_share - which namespaces do two processes share?
 *
 * Exercise (see exercises/namespaces/README.md, "ns_share"): this
 * skeleton checks its arguments and loops over the types, but compares
 * nothing. Fill in the TODO(ns_share) part.
 *
 * Usage: ns_share PID1 PID2
 *   For each namespace type, print "TYPE: shared (INODE)" or
 *   "TYPE: different (INODE1 INODE2)".
 *
 * Try:
 *     $ ./ns_share $$ $$
 *     $ make grade EX=namespaces/ns_share      # from the top of the kit
 *
 * Needs: the right to inspect both processes (your own, or root).
 *
 * See also: namespaces(7) ("The /proc/[pid]/ns/ directory"), stat(2); TLPI
 * 28.2.1 names the CLONE_NEW* flags, no more: namespaces grew after it; course
 * chapter 16.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: ns_share PID1 PID2\n";

int
main(int argc, char *argv[])
{
    static const char *const types[] = {"cgroup", "ipc",  "mnt",  "net",
                                        "pid",    "time", "user", "uts"};
    long pid[2];
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 2)
        usage(EXIT_USAGE, usage_text);
    pid[0] = parse_ll(argv[optind], 10, 1, INT_MAX, "PID1");
    pid[1] = parse_ll(argv[optind + 1], 10, 1, INT_MAX, "PID2");

    for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
        /* TODO(ns_share): stat() /proc/PIDn/ns/TYPE for both PIDs
         * (failing with err_exit() if either cannot be read) and print
         * "TYPE: shared (INODE)" or "TYPE: different (INODE1 INODE2)". */
        (void)pid;
        printf("%s: ?\n", types[t]);
    }
    return EXIT_SUCCESS;
}
