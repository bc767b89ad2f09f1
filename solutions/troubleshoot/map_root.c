// SPDX-License-Identifier: MIT
/*
 * map_root - run a command as root of a new user namespace
 *
 * Demonstrates: the order in which an unprivileged process writes its own
 * ID maps: uid_map, then "deny" to /proc/self/setgroups, and only then
 * gid_map. Without the deny, the kernel refuses the gid_map (EPERM): a
 * process that may call setgroups() could drop a group whose absence
 * grants it access ("negative" group permissions).
 *
 * Usage: map_root CMD [ARG...]
 *
 * Try:
 *     $ ./map_root id
 *     uid=0(root) gid=0(root) groups=...
 *
 * Needs: unprivileged user namespaces.
 *
 * See also: user_namespaces(7) (The /proc/[pid]/setgroups file),
 * exercises/troubleshoot/README.md; the capstone, after course chapter 26; TLPI
 * has no user namespaces (complete in Linux 3.8, after it).
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWUSER */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: map_root CMD [ARG...]\n";

int
main(int argc, char *argv[])
{
    char map[64];
    uid_t uid = getuid();
    gid_t gid = getgid();
    int opt;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    if (unshare(CLONE_NEWUSER) == -1)
        userns_failed("unshare CLONE_NEWUSER");
    snprintf(map, sizeof(map), "0 %d 1", (int)uid);
    if (write_file("/proc/self/uid_map", map) == -1)
        err_exit("write /proc/self/uid_map");
    if (write_file("/proc/self/setgroups", "deny") == -1)
        err_exit("write /proc/self/setgroups");
    snprintf(map, sizeof(map), "0 %d 1", (int)gid);
    if (write_file("/proc/self/gid_map", map) == -1)
        err_exit("write /proc/self/gid_map");

    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
