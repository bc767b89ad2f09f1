// SPDX-License-Identifier: MIT
/*
 * delegate_to - hand a cgroup to a user, the way cgroups(7) says
 *
 * Exercise (see exercises/cgroups/README.md, "delegate_to"): this
 * program gives the user the cgroup's directory and nothing else, so the
 * user can create cgroups but not put a process anywhere. Give the user
 * what a manager of the subtree needs, and nothing more. Fill in the
 * TODO(delegate_to) parts.
 *
 * Usage: delegate_to USER DIR
 *   USER: a user name or number; DIR: the cgroup's directory
 *
 * Try (cgroup v2, the test guest):
 *     $ sudo mkdir /sys/fs/cgroup/d
 *     $ sudo ./delegate_to nobody /sys/fs/cgroup/d
 *     delegated /sys/fs/cgroup/d to 65534: the directory, cgroup.procs, ...
 *     $ ls -l /sys/fs/cgroup/d | grep -c nobody
 *     3
 *     $ sudo rmdir /sys/fs/cgroup/d
 *
 * Needs: root (CAP_CHOWN).
 *
 * See also: cgroups(7) (Cgroups delegation), ../../cgroups/cgroup_delegate.c;
 * TLPI has no cgroups (v1 is not in it, v2 came after it); course chapter 24.
 */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: delegate_to USER DIR\n"
    "  USER: a user name or number; DIR: the cgroup's directory\n";

int
main(int argc, char *argv[])
{
    /* TODO(delegate_to): the files the user must own, in each version. */
    static const char *const v2_files[] = {NULL};
    static const char *const v1_files[] = {NULL};
    const char *const *files, *const *f;
    char path[PATH_MAX + 32];
    struct passwd *pw;
    const char *dir;
    int opt, v2;

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
    pw = getpwnam(argv[optind]);
    if (pw == NULL && argv[optind][0] >= '0' && argv[optind][0] <= '9')
        pw = getpwuid(parse_ll(argv[optind], 10, 0, (uid_t)-2, "USER"));
    if (pw == NULL)
        usage_err("no user '%s'", argv[optind]);
    dir = argv[optind + 1];

    snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
    if (access(path, F_OK) == -1)
        fatal("%s: not a cgroup (no cgroup.procs)", dir);
    snprintf(path, sizeof(path), "%s/cgroup.controllers", dir);
    v2 = access(path, F_OK) == 0;
    files = v2 ? v2_files : v1_files;

    if (chown(dir, pw->pw_uid, pw->pw_gid) == -1)
        err_exit("chown %s", dir);
    printf("delegated %s to %d: the directory", dir, (int)pw->pw_uid);
    for (f = files; *f != NULL; f++) {
        snprintf(path, sizeof(path), "%s/%s", dir, *f);
        if (chown(path, pw->pw_uid, pw->pw_gid) == -1)
            err_exit("chown %s", path);
        printf(", %s", *f);
    }
    printf("\n");
    return EXIT_SUCCESS;
}
