// SPDX-License-Identifier: MIT
/*
 * demo_propagation - shared, private, slave and unbindable mounts
 *
 * Demonstrates: mount propagation ("shared subtrees"). Mounts in one peer
 * group are shared: a mount or unmount under any of them happens under
 * all. A private mount sends and receives nothing. A slave receives from
 * its master's group but sends nothing back. An unbindable mount refuses
 * to be bind-mounted. A new mount namespace copies the table, and its
 * shared mounts stay in the same peer groups, so events cross between
 * the two namespaces too. Each answer is read from /proc/self/mountinfo.
 *
 * Usage: demo_propagation
 *   Runs in a mount namespace of its own (made private first), on a
 *   tmpfs over /tmp that only it sees: nothing reaches the host.
 *
 * Try:
 *     $ ../userns/userns_child_exec -r ./demo_propagation
 *     shared: /tmp/A and /tmp/B are peers, group 247
 *     shared: mounted /tmp/A/sub, seen at /tmp/B/sub: yes
 *     shared: unmounted /tmp/B/sub, still at /tmp/A/sub: no
 *     private: mounted /tmp/A/p, seen at /tmp/P/p: no
 *     slave: mounted /tmp/A/s, seen at /tmp/S/s: yes
 *     slave: mounted /tmp/S/own, seen at /tmp/A/own: no
 *     unbindable: bind of /tmp/U: EINVAL
 *     other namespace: /tmp/A in peer group 247 there too
 *     other namespace: mounted /tmp/A/x here, seen there: yes
 *     this namespace: mounted /tmp/A/y there (shared), seen here: yes
 *     this namespace: mounted /tmp/P/y there (private), seen here: no
 *   Observe: the same peer group number from both namespaces: that is how
 *   a mount made on a shared host can leak into every container, and why
 *   container runtimes make their mounts private or slave first.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: mount_namespaces(7) ("Shared subtrees"), mount(2);
 * Documentation/filesystems/sharedsubtree.rst; TLPI chapter 14 for mount(2);
 * propagation is not in it; course chapters 13 and 19.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS */
#include <errno.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_propagation\n";

/* The peer group of the mount at POINT (0 if not shared), or -1 if
 * nothing is mounted there. */
static int
peer_group(const char *point)
{
    char line[4096], mp[4096];
    int group = -1;
    FILE *f = fopen("/proc/self/mountinfo", "r");

    if (f == NULL)
        err_exit("fopen /proc/self/mountinfo");
    while (fgets(line, sizeof(line), f) != NULL) {
        if (sscanf(line, "%*d %*d %*s %*s %4095s", mp) == 1 &&
            strcmp(mp, point) == 0) {
            char *shared = strstr(line, " shared:");
            group = shared != NULL ? atoi(shared + 8) : 0; /* last wins */
        }
    }
    fclose(f);
    return group;
}

static const char *
seen(const char *point)
{
    return peer_group(point) != -1 ? "yes" : "no";
}

static void
do_mount(const char *src, const char *target, const char *type,
         unsigned long flags)
{
    if (mount(src, target, type, flags, NULL) == -1)
        err_exit("mount %s on %s", src, target);
}

static void
tmpfs_at(const char *dir, const char *name)
{
    if (mkdir(dir, 0755) == -1 && errno != EEXIST)
        err_exit("mkdir %s", dir);
    do_mount(name, dir, "tmpfs", 0);
}

int
main(int argc, char *argv[])
{
    int opt, to_child[2], to_parent[2], status;
    char c;

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

    if (unshare(CLONE_NEWNS) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWNS: needs CAP_SYS_ADMIN; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWNS");
    }
    do_mount("none", "/", NULL, MS_REC | MS_PRIVATE);
    do_mount("isolab-tmp", "/tmp", "tmpfs", 0); /* ours alone */

    /* Shared: A, and B a bind of A, in one peer group. */
    tmpfs_at("/tmp/A", "isolab-A");
    do_mount("none", "/tmp/A", NULL, MS_SHARED);
    mkdir("/tmp/B", 0755);
    do_mount("/tmp/A", "/tmp/B", NULL, MS_BIND);
    printf("shared: /tmp/A and /tmp/B are peers, group %d\n",
           peer_group("/tmp/B"));
    tmpfs_at("/tmp/A/sub", "isolab-sub");
    printf("shared: mounted /tmp/A/sub, seen at /tmp/B/sub: %s\n",
           seen("/tmp/B/sub"));
    if (umount("/tmp/B/sub") == -1)
        err_exit("umount /tmp/B/sub");
    printf("shared: unmounted /tmp/B/sub, still at /tmp/A/sub: %s\n",
           seen("/tmp/A/sub"));

    /* Private: a bind of A, then cut from the group. */
    mkdir("/tmp/P", 0755);
    do_mount("/tmp/A", "/tmp/P", NULL, MS_BIND);
    do_mount("none", "/tmp/P", NULL, MS_PRIVATE);
    tmpfs_at("/tmp/A/p", "isolab-p");
    printf("private: mounted /tmp/A/p, seen at /tmp/P/p: %s\n",
           seen("/tmp/P/p"));

    /* Slave: receives from A's group, sends nothing back. */
    mkdir("/tmp/S", 0755);
    do_mount("/tmp/A", "/tmp/S", NULL, MS_BIND);
    do_mount("none", "/tmp/S", NULL, MS_SLAVE);
    tmpfs_at("/tmp/A/s", "isolab-s");
    printf("slave: mounted /tmp/A/s, seen at /tmp/S/s: %s\n", seen("/tmp/S/s"));
    tmpfs_at("/tmp/S/own", "isolab-own");
    printf("slave: mounted /tmp/S/own, seen at /tmp/A/own: %s\n",
           seen("/tmp/A/own"));

    /* Unbindable: no bind mount may be made of it. */
    tmpfs_at("/tmp/U", "isolab-U");
    do_mount("none", "/tmp/U", NULL, MS_UNBINDABLE);
    mkdir("/tmp/U2", 0755);
    if (mount("/tmp/U", "/tmp/U2", NULL, MS_BIND, NULL) == -1)
        printf("unbindable: bind of /tmp/U: %s\n", errno_name(errno));
    else
        printf("unbindable: bind of /tmp/U: allowed\n");

    /* Another mount namespace: a copy, with A still in its group. */
    if (pipe(to_child) == -1 || pipe(to_parent) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        /* Only the parent writes TO_CHILD: its end of file is our go. */
        close(to_child[1]);
        close(to_parent[0]);
        if (unshare(CLONE_NEWNS) == -1)
            err_exit_child("unshare CLONE_NEWNS");
        printf("other namespace: /tmp/A in peer group %d there too\n",
               peer_group("/tmp/A"));
        fflush(stdout);
        if (write(to_parent[1], "x", 1) != 1 || read(to_child[0], &c, 1) != 1)
            err_exit_child("sync");
        printf("other namespace: mounted /tmp/A/x here, seen there: %s\n",
               seen("/tmp/A/x"));
        /* Now the other way: mounts made in the child namespace. */
        tmpfs_at("/tmp/A/y", "isolab-y");
        tmpfs_at("/tmp/P/y", "isolab-py");
        fflush(stdout);
        if (write(to_parent[1], "x", 1) != 1 || read(to_child[0], &c, 1) != 0)
            err_exit_child("sync");
        exit(EXIT_SUCCESS);
    }
    close(to_child[0]);
    close(to_parent[1]);
    if (read(to_parent[0], &c, 1) != 1)
        fatal("the child ended early");
    tmpfs_at("/tmp/A/x", "isolab-x");
    if (write(to_child[1], "x", 1) != 1 || read(to_parent[0], &c, 1) != 1)
        fatal("the child ended early");
    /* A shared mount lets the child's mount leak out to us; a private one
     * keeps it in: the reason to make everything private first. */
    printf("this namespace: mounted /tmp/A/y there (shared), seen here: %s\n",
           seen("/tmp/A/y"));
    printf("this namespace: mounted /tmp/P/y there (private), seen here: "
           "%s\n",
           seen("/tmp/P/y"));
    close(to_child[1]); /* let the child end */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
