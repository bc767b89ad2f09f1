// SPDX-License-Identifier: MIT
/*
 * pivot_launch - run a command with ROOT as its root directory
 *
 * Troubleshooting lab (see exercises/troubleshoot/README.md,
 * "pivot_launch"): this launcher should run a command with ROOT as its
 * root. It makes "/" shared first, as systemd does on most machines (keep
 * that line), and then fails. Find out why, and fix it.
 *
 * Usage: pivot_launch ROOT CMD [ARG...]
 *
 * Try:
 *     $ ../../userns/userns_child_exec -r ./pivot_launch ../../build/rootfs ls /
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: pivot_root(2), mount_namespaces(7) (shared subtrees),
 * exercises/troubleshoot/README.md; the capstone, after course chapter 26; TLPI
 * 18.12 for chroot(); pivot_root is not in it.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: pivot_launch ROOT CMD [ARG...]\n";

int
main(int argc, char *argv[])
{
    const char *root;
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
    root = argv[optind];

    if (unshare(CLONE_NEWNS) == -1)
        err_exit("unshare CLONE_NEWNS (needs CAP_SYS_ADMIN)");
    /* What systemd does on the host: our copy of "/" is shared. */
    if (mount(NULL, "/", NULL, MS_REC | MS_SHARED, NULL) == -1)
        err_exit("make / shared");

    if (mount(root, root, NULL, MS_BIND | MS_REC, NULL) == -1)
        err_exit("bind %s", root);
    if (chdir(root) == -1)
        err_exit("chdir %s", root);
    if (syscall(SYS_pivot_root, ".", "oldroot") == -1)
        err_exit("pivot_root");
    if (chdir("/") == -1 || umount2("/oldroot", MNT_DETACH) == -1)
        err_exit("detach the old root");

    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
