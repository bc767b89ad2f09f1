// SPDX-License-Identifier: MIT
/*
 * userns_chain - a process's user namespace and its ancestors, with owners
 *
 * Demonstrates: user namespaces form a tree. Every namespace of every
 * type is owned by a user namespace, and every user namespace but the
 * initial one has a parent and an owner: the effective UID of the process
 * that created it. The ioctl_ns(2) requests on a /proc/PID/ns file walk
 * the tree: NS_GET_USERNS (the owning user namespace), NS_GET_PARENT (the
 * parent) and NS_GET_OWNER_UID (the owner). Namespaces are told apart by
 * their inode numbers, as `ls -l /proc/PID/ns` shows them.
 *
 * Usage: userns_chain [PID | NSFILE]
 *   Start from the user namespace of PID (default: ourselves), or from
 *   the user namespace that owns the namespace file NSFILE (for example
 *   /proc/PID/ns/uts), and walk up to the top.
 *
 * Try:
 *     $ ./userns_chain
 *     user ns 4026531837, owner uid 0: top (the initial user namespace)
 *     $ ./userns_child_exec -r ./userns_child_exec -r sleep 61 &
 *     $ sleep 1; ./userns_chain $(pgrep -n -f 'sleep 61')    # once it runs
 *     user ns 4026532458, owner uid 1000
 *     user ns 4026532457, owner uid 1000
 *     user ns 4026531837, owner uid 0: top (the initial user namespace)
 *     $ ./userns_child_exec -r ./userns_chain
 *     user ns 4026532459, owner uid 0: top (no parent we may see)
 *   Observe: owners are shown as the reader's namespace maps them: the
 *   innermost namespace was made by UID 0 of the middle one, which is
 *   UID 1000 out here. From inside, the parent cannot be seen
 *   (NS_GET_PARENT fails with EPERM): a namespace cannot look up.
 *
 * Needs: Linux 4.11 (NS_GET_OWNER_UID).
 *
 * See also: ioctl_ns(2), user_namespaces(7), namespaces(7); TLPI has no user
 * namespaces (complete in Linux 3.8, after it); course chapter 18 ("Discovering
 * namespace relationships").
 */
#define _GNU_SOURCE /* CLONE_NEWUSER */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] = "Usage: userns_chain [PID | NSFILE]\n";

int
main(int argc, char *argv[])
{
    char path[PATH_MAX];
    struct stat sb;
    int fd, opt;
    uid_t owner;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind > 1)
        usage(EXIT_USAGE, usage_text);

    if (optind == argc)
        snprintf(path, sizeof(path), "/proc/self/ns/user");
    else if (argv[optind][0] >= '0' && argv[optind][0] <= '9')
        snprintf(path, sizeof(path), "/proc/%lld/ns/user",
                 parse_ll(argv[optind], 10, 1, INT_MAX, "PID"));
    else
        snprintf(path, sizeof(path), "%s", argv[optind]);

    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        err_exit("open %s", path);

    /* Not a user namespace file? Start from the user namespace that
     * owns it. (EINVAL from NS_GET_NSTYPE: not a namespace at all.) */
    int type = ioctl(fd, NS_GET_NSTYPE);
    if (type == -1)
        err_exit("ioctl NS_GET_NSTYPE %s (is it a namespace file?)", path);
    if (type != CLONE_NEWUSER) {
        int owner_fd = ioctl(fd, NS_GET_USERNS);

        if (owner_fd == -1)
            err_exit("ioctl NS_GET_USERNS %s", path);
        close(fd);
        fd = owner_fd;
    }

    for (;;) {
        if (fstat(fd, &sb) == -1)
            err_exit("fstat");
        if (ioctl(fd, NS_GET_OWNER_UID, &owner) == -1)
            err_exit("ioctl NS_GET_OWNER_UID");
        printf("user ns %ju, owner uid %ld", (uintmax_t)sb.st_ino, (long)owner);

        int parent = ioctl(fd, NS_GET_PARENT);
        if (parent == -1) {
            /* EPERM: the initial namespace, or one above ours, which we
             * may not look at. */
            if (errno != EPERM)
                err_exit("ioctl NS_GET_PARENT");
            printf(": top (%s)\n", sb.st_ino == 0xEFFFFFFD
                                       ? "the initial user namespace"
                                       : "no parent we may see");
            break;
        }
        printf("\n");
        close(fd);
        fd = parent;
    }
    return EXIT_SUCCESS;
}
