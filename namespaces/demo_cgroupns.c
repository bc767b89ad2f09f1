// SPDX-License-Identifier: MIT
/*
 * demo_cgroupns - a cgroup namespace makes our cgroup look like the root
 *
 * Demonstrates: /proc/PID/cgroup shows a process's cgroup in each
 * hierarchy as a path. In a new cgroup namespace (which, unlike PID and
 * time namespaces, the caller of unshare() enters at once), those paths
 * are relative to the cgroups the caller was in: its own become "/", so a
 * container does not learn where on the host it runs. A process whose
 * cgroup lies outside that root shows as a path that climbs out with "..".
 *
 * Usage: demo_cgroupns [PID]
 *   Print our /proc/self/cgroup, then unshare a cgroup namespace and print
 *   it again, and PID's (default 1, the host's init) as seen from inside.
 *
 * Try (cgroup v2):
 *     $ sudo ./demo_cgroupns
 *     outside: 0::/...
 *     inside: 0::/
 *     inside, PID 1: 0::/../../../init.scope
 *     $ ../userns/userns_child_exec -r ./demo_cgroupns     # rootless
 *     outside: 0::/...
 *     inside: 0::/
 *     inside, PID 1: 0::/../...
 *   Observe: the same cgroup, two names. PID 1 lives above our root:
 *   each ".." climbs one level out of the namespace's view.
 *
 * Needs: Linux 4.6; CAP_SYS_ADMIN: root, or root in a user namespace.
 *
 * See also: cgroup_namespaces(7), cgroups(7), proc(5); TLPI 28.2.1 names the
 * CLONE_NEW* flags, no more: namespaces grew after it; course chapters 15 and
 * 24.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWCGROUP */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] = "Usage: demo_cgroupns [PID]\n";

/* Print each line of PATH, a /proc/PID/cgroup, after WHO. */
static void
show(const char *who, const char *path)
{
    char line[4096];
    FILE *f = fopen(path, "r");

    if (f == NULL)
        err_exit("open %s", path);
    while (fgets(line, sizeof(line), f) != NULL)
        printf("%s: %s", who, line);
    fclose(f);
}

int
main(int argc, char *argv[])
{
    char path[64], who[64];
    long pid = 1;
    int opt;

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
    if (optind < argc)
        pid = parse_ll(argv[optind], 10, 1, INT_MAX, "PID");

    /* Before: our cgroup paths as the whole hierarchy knows them. */
    show("outside", "/proc/self/cgroup");
    /* A new cgroup namespace takes our cgroups, at this moment, as its
     * root: from now on paths are shown relative to them. Nothing moves;
     * only the view changes. (Unlike the PID namespace, it applies to
     * ourselves at once, not only to children.) */
    if (unshare(CLONE_NEWCGROUP) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWCGROUP: needs CAP_SYS_ADMIN; run as "
                  "root, or under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWCGROUP");
    }
    /* Now our own cgroup is "/". */
    show("inside", "/proc/self/cgroup");
    /* A process outside our root (PID 1 usually is) shows as a path that
     * climbs above "/" with "..": the namespace hides where things are,
     * but it is no wall, and does not pretend to be one. */
    snprintf(path, sizeof(path), "/proc/%ld/cgroup", pid);
    snprintf(who, sizeof(who), "inside, PID %ld", pid);
    show(who, path);
    return EXIT_SUCCESS;
}
