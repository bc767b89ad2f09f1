// SPDX-License-Identifier: MIT
/*
 * ns_share - which namespaces do two processes share?
 *
 * Demonstrates: two processes are in the same namespace of a type exactly
 * when their /proc/PID/ns/TYPE files have the same device and inode
 * numbers; stat() follows the symbolic link to the namespace itself.
 *
 * Usage: ns_share PID1 PID2
 *   For each namespace type, print "TYPE: shared (INODE)" or
 *   "TYPE: different (INODE1 INODE2)".
 *
 * Try:
 *     $ sudo ./ns_share 1 $$          # everything shared, on a plain host
 *     $ unshare -r sleep 60 &
 *     $ sleep 1; ./ns_share $$ $!     # once it has its namespace
 *     cgroup: shared (4026531835)
 *     ...
 *     user: different (4026531837 4026532460)
 *     ...
 *   Observe: everything shared with PID 1 on a plain host; inside a
 *   container, almost nothing.
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
        struct stat sb[2];
        char path[64];

        for (int i = 0; i < 2; i++) {
            snprintf(path, sizeof(path), "/proc/%ld/ns/%s", pid[i], types[t]);
            /* stat(), not lstat(): the namespace, not the link. */
            if (stat(path, &sb[i]) == -1)
                err_exit("stat %s", path);
        }
        if (sb[0].st_dev == sb[1].st_dev && sb[0].st_ino == sb[1].st_ino)
            printf("%s: shared (%ju)\n", types[t], (uintmax_t)sb[0].st_ino);
        else
            printf("%s: different (%ju %ju)\n", types[t],
                   (uintmax_t)sb[0].st_ino, (uintmax_t)sb[1].st_ino);
    }
    return EXIT_SUCCESS;
}
