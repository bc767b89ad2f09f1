// SPDX-License-Identifier: MIT
/*
 * wait_empty - wait until a cgroup holds no process
 *
 * Demonstrates: waiting on a cgroup instead of on processes. A cgroup
 * may hold processes that are not our children (a daemon that forked
 * and left, a grandchild), so waitpid() cannot say when they are all
 * gone; the cgroup can. In v2, cgroup.events says "populated 0", and
 * inotify wakes us when it changes; in v1 there is no such file (only
 * the release agent, see ../../cgroups/cgroup_release), so this polls
 * cgroup.procs every 20 ms.
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

    snprintf(events, sizeof(events), "%s/cgroup.events", dir);
    if (access(events, R_OK) == 0) { /* v2: sleep until told */
        ifd = inotify_init1(IN_CLOEXEC);
        if (ifd == -1 || inotify_add_watch(ifd, events, IN_MODIFY) == -1)
            err_exit("inotify %s", events);
        /* Watch first, then look: no change can slip in between. */
        while (cg_key(dir, "cgroup.events", "populated") != 0)
            if (read(ifd, buf, sizeof(buf)) == -1 && errno != EINTR)
                err_exit("read inotify");
        close(ifd);
    } else { /* v1: look again and again */
        while (cg_read(dir, "cgroup.procs", procs, sizeof(procs)) == 0 &&
               *procs != '\0')
            usleep(20 * 1000);
    }
    printf("%s: empty\n", dir);
    return EXIT_SUCCESS;
}
