// SPDX-License-Identifier: MIT
/*
 * slave_mount - one-way propagation with a slave mount
 *
 * Exercise (see exercises/mounts/README.md, "slave_mount"): this skeleton
 * makes /tmp/slave a shared peer of /tmp/master, so mounts go both ways.
 * Make the propagation one-way. Fill in the TODO(slave_mount) part.
 *
 * Usage: slave_mount
 *   In a mount namespace of its own (made private first, on a tmpfs over
 *   /tmp that only it sees): make /tmp/master shared, bind it to
 *   /tmp/slave, make that a slave, then mount under each and report what
 *   the other one sees.
 *
 * Try:
 *     $ ../../userns/userns_child_exec -r ./slave_mount
 *     $ make grade EX=mounts/slave_mount      # from the top of the kit
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: mount_namespaces(7) ("Shared subtrees", MS_SLAVE), mount(2); TLPI
 * chapter 14 for mount(2); propagation is not in it; course chapter 19.
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

static const char usage_text[] = "Usage: slave_mount\n";

/* The mountinfo line of the mount at POINT, in LINE; 0 if there is none. */
static int
mountinfo_line(const char *point, char *line, size_t size)
{
    char buf[4096], mp[4096];
    int found = 0;
    FILE *f = fopen("/proc/self/mountinfo", "r");

    if (f == NULL)
        err_exit("fopen /proc/self/mountinfo");
    while (fgets(buf, sizeof(buf), f) != NULL) {
        if (sscanf(buf, "%*d %*d %*s %*s %4095s", mp) == 1 &&
            strcmp(mp, point) == 0) {
            snprintf(line, size, "%s", buf);
            found = 1;
        }
    }
    fclose(f);
    return found;
}

static const char *
seen(const char *point)
{
    char line[4096];

    return mountinfo_line(point, line, sizeof(line)) ? "yes" : "no";
}

static void
tmpfs_at(const char *dir, const char *name)
{
    if (mkdir(dir, 0755) == -1 && errno != EEXIST)
        err_exit("mkdir %s", dir);
    if (mount(name, dir, "tmpfs", 0, NULL) == -1)
        err_exit("mount tmpfs on %s", dir);
}

int
main(int argc, char *argv[])
{
    char line[4096], *master;
    int opt;

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

    if (unshare(CLONE_NEWNS) == -1)
        err_exit("unshare CLONE_NEWNS (needs CAP_SYS_ADMIN: run under "
                 "../../userns/userns_child_exec -r)");
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit("mount --make-rprivate /");
    if (mount("isolab-tmp", "/tmp", "tmpfs", 0, NULL) == -1)
        err_exit("mount tmpfs on /tmp");

    tmpfs_at("/tmp/master", "isolab-master");
    if (mount(NULL, "/tmp/master", NULL, MS_SHARED, NULL) == -1)
        err_exit("make /tmp/master shared");
    if (mkdir("/tmp/slave", 0755) == -1 ||
        mount("/tmp/master", "/tmp/slave", NULL, MS_BIND, NULL) == -1)
        err_exit("bind /tmp/master on /tmp/slave");
    /* TODO(slave_mount): /tmp/slave is now a peer of /tmp/master: make it
     * receive their mounts without sending its own. */

    if (!mountinfo_line("/tmp/slave", line, sizeof(line)))
        fatal("/tmp/slave is not mounted");
    master = strstr(line, " master:");
    if (master != NULL)
        printf("slave: /tmp/slave is a slave of peer group %d\n",
               atoi(master + 8));
    else
        printf("slave: /tmp/slave is no slave\n");

    tmpfs_at("/tmp/master/m", "isolab-m");
    printf("master to slave: mounted /tmp/master/m, seen at /tmp/slave/m: "
           "%s\n",
           seen("/tmp/slave/m"));
    tmpfs_at("/tmp/slave/s", "isolab-s");
    printf("slave to master: mounted /tmp/slave/s, seen at /tmp/master/s: "
           "%s\n",
           seen("/tmp/master/s"));
    return EXIT_SUCCESS;
}
