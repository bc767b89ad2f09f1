// SPDX-License-Identifier: MIT
/*
 * demo_unbindable - the mount explosion, and the unbindable mounts that
 * stop it
 *
 * Demonstrates: a recursive bind (MS_BIND | MS_REC) copies a mount and
 * every mount below it. Bind a tree into a directory inside itself, once
 * per user (as a system that gives each user a view of the root would),
 * and each bind also copies the binds made before it: the number of
 * mounts doubles each time. Made unbindable (MS_UNBINDABLE) right after
 * it is made, a bind is skipped by the recursive binds that follow, and
 * the count grows by the same few mounts each time.
 * It runs in a mount namespace of its own (made private first), on a
 * tmpfs over /tmp that only it sees: nothing reaches the host.
 *
 * Usage: demo_unbindable [-n USERS]
 *   -n USERS  how many binds (1 to 10; default 4)
 *
 * Try:
 *     $ ../userns/userns_child_exec -r ./demo_unbindable
 *     the tree: /tmp/root, with /tmp/root/x and /tmp/root/y: 3 mounts
 *     rbind /tmp/root to /tmp/root/home/u1: 6 mounts
 *     rbind /tmp/root to /tmp/root/home/u2: 12 mounts
 *     rbind /tmp/root to /tmp/root/home/u3: 24 mounts
 *     rbind /tmp/root to /tmp/root/home/u4: 48 mounts
 *     again, each bind made unbindable at once:
 *     rbind /tmp/root to /tmp/root/home/u1: 6 mounts
 *     rbind /tmp/root to /tmp/root/home/u2: 9 mounts
 *     rbind /tmp/root to /tmp/root/home/u3: 12 mounts
 *     rbind /tmp/root to /tmp/root/home/u4: 15 mounts
 *   Observe: 3 times 2 to the power of the binds, against 3 more per
 *   bind; findmnt in there would list every copy of a copy. (-n 10
 *   makes 3072 mounts the first way.)
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: mount_namespaces(7) ("MS_UNBINDABLE example"), mount(2),
 * Documentation/filesystems/sharedsubtree.rst; TLPI 14.9 (bind mounts;
 * TLPI has no shared subtrees' unbindable); course chapter 19.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_unbindable [-n USERS]\n"
    "  -n USERS  how many binds (1 to 10; default 4)\n";

static void
do_mount(const char *src, const char *target, const char *type,
         unsigned long flags)
{
    if (mount(src, target, type, flags, NULL) == -1)
        err_exit("mount %s on %s", src, target);
}

static void
make_dir(const char *path)
{
    if (mkdir(path, 0755) == -1 && errno != EEXIST)
        err_exit("mkdir %s", path);
}

/* How many mounts there are at /tmp/root and below, in our namespace. */
static int
count_mounts(void)
{
    char line[4096], target[4096];
    int n = 0;
    FILE *f = fopen("/proc/self/mountinfo", "r");

    if (f == NULL)
        err_exit("open /proc/self/mountinfo");
    while (fgets(line, sizeof(line), f) != NULL) {
        /* ID PARENT MAJ:MIN ROOT MOUNTPOINT ...: the fifth field. */
        if (sscanf(line, "%*s %*s %*s %*s %4095s", target) == 1 &&
            strncmp(target, "/tmp/root", 9) == 0 &&
            (target[9] == '\0' || target[9] == '/'))
            n++;
    }
    fclose(f);
    return n;
}

/* A fresh tree: /tmp/root with two mounts below it, and a directory per
 * user in /tmp/root/home; then USERS recursive binds of /tmp/root into
 * them, each made unbindable at once if UNBINDABLE. */
static void
explode(int users, int unbindable)
{
    char home[64];
    int i;

    do_mount("isolab-root", "/tmp/root", "tmpfs", 0);
    make_dir("/tmp/root/x");
    make_dir("/tmp/root/y");
    make_dir("/tmp/root/home");
    for (i = 1; i <= users; i++) {
        snprintf(home, sizeof(home), "/tmp/root/home/u%d", i);
        make_dir(home);
    }
    do_mount("isolab-x", "/tmp/root/x", "tmpfs", 0);
    do_mount("isolab-y", "/tmp/root/y", "tmpfs", 0);
    if (!unbindable)
        printf("the tree: /tmp/root, with /tmp/root/x and /tmp/root/y: %d "
               "mounts\n",
               count_mounts());
    for (i = 1; i <= users; i++) {
        snprintf(home, sizeof(home), "/tmp/root/home/u%d", i);
        /* The whole tree, the binds already in it included: each user's
         * view has every earlier user's view inside it. */
        do_mount("/tmp/root", home, NULL, MS_BIND | MS_REC);
        /* Unbindable: a bind (recursive or not) of a tree that holds this
         * mount leaves it out, and all below it. It also stops
         * propagation, as private does. */
        if (unbindable)
            do_mount("none", home, NULL, MS_UNBINDABLE);
        printf("rbind /tmp/root to %s: %d mounts\n", home, count_mounts());
        fflush(stdout);
    }
    /* Take the tree down for the next round: MNT_DETACH unmounts it and
     * every mount below it, at once. */
    if (umount2("/tmp/root", MNT_DETACH) == -1)
        err_exit("umount2 /tmp/root");
}

int
main(int argc, char *argv[])
{
    int opt, users = 4;

    while ((opt = get_option(argc, argv, "n:h")) != -1) {
        switch (opt) {
        case 'n':
            users = (int)parse_ll(optarg, 10, 1, 10, "-n");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* A mount namespace of our own, private, and a /tmp no one else sees,
     * as demo_bind does: all that follows stays in here. */
    if (unshare(CLONE_NEWNS) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWNS: needs CAP_SYS_ADMIN; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWNS");
    }
    do_mount("none", "/", NULL, MS_REC | MS_PRIVATE);
    do_mount("isolab-tmp", "/tmp", "tmpfs", 0);
    make_dir("/tmp/root");

    explode(users, 0);
    printf("again, each bind made unbindable at once:\n");
    explode(users, 1);
    return 0;
}
