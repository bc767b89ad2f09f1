// SPDX-License-Identifier: MIT
/*
 * wait_empty - wait until a cgroup holds no process
 *
 * Exercise (see exercises/cgroups/README.md, "wait_empty"): this
 * program says a cgroup is empty at once. Make it wait until no process
 * is left in the cgroup, without burning CPU where the kernel can wake
 * it. Fill in the TODO(wait_empty) part.
 *
 * Usage: wait_empty DIR
 *   DIR: the cgroup's directory
 *
 * Try (cgroup v2, the test guest):
 *     $ sudo mkdir /sys/fs/cgroup/w
 *     $ sleep 2 &
 *     $ sudo sh -c "echo $! > /sys/fs/cgroup/w/cgroup.procs"
 *     $ ./wait_empty /sys/fs/cgroup/w        # returns when sleep ends
 *     /sys/fs/cgroup/w: empty
 *     $ sudo rmdir /sys/fs/cgroup/w
 *
 * Needs: read access to the cgroup's files.
 *
 * See also: cgroups(7), inotify(7); TLPI has no cgroups (v1 is not in it, v2
 * came after it); course chapter 24.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] = "Usage: wait_empty DIR\n";

int
main(int argc, char *argv[])
{
    char events[PATH_MAX + 16], procs[4096], buf[4096];
    const char *dir;
    int opt, ifd;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    dir = argv[optind];
    if (cg_read(dir, "cgroup.procs", procs, sizeof(procs)) == -1)
        err_exit("%s: not a cgroup: read cgroup.procs", dir);

    /* TODO(wait_empty): wait until no process is left in DIR. */
    (void)events;
    (void)buf;
    (void)ifd;
    printf("%s: empty\n", dir);
    return EXIT_SUCCESS;
}
