// SPDX-License-Identifier: MIT
/*
 * mountinfo_tree - a process's mounts as a tree, propagation in plain words
 *
 * Demonstrates: how to read /proc/PID/mountinfo, the kernel's full view
 * of a mount namespace. Each line is one mount: its ID and its parent's
 * ID (which make the tree), the root of the file system it shows, where
 * it is mounted, its options, then optional fields that say how mount
 * and unmount events propagate (shared:N, master:N, propagate_from:N,
 * unbindable), a "-", and the file system type and source.
 *
 * Usage: mountinfo_tree [PID]
 *   PID defaults to the program itself.
 *
 * Try (systemd):
 *     $ ./mountinfo_tree | head -2
 *     ... / ...: shared, peer group ...
 *       ...
 *     $ unshare -rm ./mountinfo_tree | head -1     # a copy, all private
 *     ... / ...: private
 *   Observe: on a systemd system "/" is shared. In a new mount namespace
 *   made by unshare(1) the same mounts appear with new IDs, and private:
 *   unshare makes them so, because a shared "/" would send every mount
 *   made inside back out to the host.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: proc(5) (/proc/PID/mountinfo), mount_namespaces(7) ("Shared
 * subtrees"), findmnt(8); TLPI chapter 14 for the mount table (mountinfo came
 * after it); course chapters 13 and 19.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: mountinfo_tree [PID]\n";

/* One line of mountinfo: the mount's ID and its parent's (the mount it
 * sits on), where it is, what it is, and its propagation in words. */
struct mnt {
    int id, parent;
    char point[PATH_MAX], fstype[64], source[PATH_MAX], how[256];
};

static struct mnt *mnts;
static size_t nmnts;

/* The optional fields, in plain words ("private" if there are none).
 * shared:N: the mount is in peer group N, and what is mounted below it
 * or its peers appears in all of them. master:N: it receives from group
 * N but sends nothing back (a slave). propagate_from:N: the nearest
 * group in our namespace it receives from, when its master is outside.
 * unbindable: no bind mount may copy it. */
static void
describe(char *fields, char *how, size_t size)
{
    size_t len = 0;
    int n;

    how[0] = '\0';
    for (char *f = strtok(fields, " "); f != NULL; f = strtok(NULL, " ")) {
        const char *sep = len ? ", " : "";

        if (sscanf(f, "shared:%d", &n) == 1)
            len += snprintf(how + len, size - len, "%sshared, peer group %d",
                            sep, n);
        else if (sscanf(f, "master:%d", &n) == 1)
            len += snprintf(how + len, size - len, "%sslave of peer group %d",
                            sep, n);
        else if (sscanf(f, "propagate_from:%d", &n) == 1)
            len += snprintf(how + len, size - len,
                            "%sreceives from peer group %d", sep, n);
        else if (strcmp(f, "unbindable") == 0)
            len += snprintf(how + len, size - len, "%sunbindable", sep);
        if (len >= size)
            break;
    }
    if (how[0] == '\0')
        snprintf(how, size, "private");
}

/* Print the mounts whose parent is PARENT, each followed by its own
 * children, indented one step deeper: the tree findmnt draws. */
static void
print_tree(int parent, int depth)
{
    for (size_t i = 0; i < nmnts; i++) {
        if (mnts[i].parent != parent || mnts[i].id == parent)
            continue;
        printf("%*s%d %s %s %s: %s\n", 2 * depth, "", mnts[i].id, mnts[i].point,
               mnts[i].fstype, mnts[i].source, mnts[i].how);
        print_tree(mnts[i].id, depth + 1);
    }
}

int
main(int argc, char *argv[])
{
    char path[64], *line = NULL;
    size_t cap = 0;
    FILE *f;
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
        snprintf(path, sizeof(path), "/proc/%lld/mountinfo",
                 parse_ll(argv[optind], 10, 1, INT_MAX, "PID"));
    else
        snprintf(path, sizeof(path), "/proc/self/mountinfo");

    /* mountinfo, not /proc/mounts: only it has the mount IDs and
     * parent IDs that make the tree, and the propagation fields. The
     * kernel writes it for the mount namespace of PID. */
    f = fopen(path, "r");
    if (f == NULL)
        err_exit("open %s", path);
    /* getline(): a line of any length (paths can be long). */
    while (getline(&line, &cap, f) != -1) {
        /* "ID PARENT MAJ:MIN ROOT POINT OPTIONS [FIELDS...] - TYPE SRC
         * SUPEROPTIONS": the optional fields end at " - ". */
        char *dash = strstr(line, " - ");
        struct mnt m;
        int consumed;

        if (dash == NULL)
            continue;
        *dash = '\0';
        if (sscanf(line, "%d %d %*s %*s %4095s %*s %n", &m.id, &m.parent,
                   m.point, &consumed) < 3 ||
            sscanf(dash + 3, "%63s %4095s", m.fstype, m.source) != 2)
            continue;
        describe(line + consumed, m.how, sizeof(m.how));

        /* One more entry: the table grows as the file is read, since
         * nothing says beforehand how many mounts there are. */
        mnts = realloc(mnts, (nmnts + 1) * sizeof(*mnts));
        if (mnts == NULL)
            err_exit("realloc");
        mnts[nmnts++] = m;
    }
    fclose(f);
    free(line);

    /* The roots: mounts whose parent is not in this namespace's list
     * (the root of the namespace, whose parent lies outside it). */
    for (size_t i = 0; i < nmnts; i++) {
        size_t j;

        for (j = 0; j < nmnts; j++)
            if (mnts[j].id == mnts[i].parent && j != i)
                break;
        if (j == nmnts) {
            printf("%d %s %s %s: %s\n", mnts[i].id, mnts[i].point,
                   mnts[i].fstype, mnts[i].source, mnts[i].how);
            print_tree(mnts[i].id, 1);
        }
    }
    return EXIT_SUCCESS;
}
