// SPDX-License-Identifier: MIT
/*
 * cgroup_tree - the cgroup hierarchies, their cgroups and processes
 *
 * Demonstrates: a cgroup is a directory, and what it holds is in its
 * files. For each mounted hierarchy (v1 with its controllers, v2 with the
 * controllers its root offers), this walks the directories and prints
 * each cgroup with, in v2, its type (cgroup.type: domain, threaded,
 * domain threaded, domain invalid) and the controllers it may use
 * (cgroup.controllers), then its member processes from cgroup.procs with
 * their names, and with -t their threads (cgroup.threads in v2, tasks in
 * v1). A small systemd-cgls that also shows v1.
 *
 * Usage: cgroup_tree [-t] [DIR]
 *   DIR  only the subtree of this cgroup (default: every hierarchy)
 *   -t   list the threads of each process too
 *
 * Try (cgroup v2, systemd):
 *     $ ./cgroup_tree | head -2
 *     == v2 /sys/fs/cgroup
 *     / controllers: cpuset cpu io memory ...
 *     $ ./cgroup_tree -t /sys/fs/cgroup/init.scope
 *     /sys/fs/cgroup/init.scope [domain] controllers: ...
 *       pid 1 systemd
 *         tid 1 systemd
 *     $ systemd-cgls --no-pager | head      # systemd's view of the same
 *   Observe: a process is in exactly one cgroup per hierarchy: in v1 the
 *   same process shows once in each of several trees.
 *
 * Needs: nothing to read.
 *
 * See also: cgroups(7), systemd-cgls(1), proc(5) /proc/PID/cgroup; TLPI has no
 * cgroups (v1 is not in it, v2 came after it); course chapter 22.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] = "Usage: cgroup_tree [-t] [DIR]\n"
                                 "  DIR  only the subtree of this cgroup "
                                 "(default: every hierarchy)\n"
                                 "  -t   list the threads of each process "
                                 "too\n";

static int threads;

/* The command name of PID, or of thread TID of PID. */
static void
comm_of(const char *pid, const char *tid, char *name, size_t size)
{
    char path[128];
    FILE *f;

    if (tid != NULL)
        snprintf(path, sizeof(path), "/proc/%s/task/%s/comm", pid, tid);
    else
        snprintf(path, sizeof(path), "/proc/%s/comm", pid);
    f = fopen(path, "r");
    if (f == NULL || fgets(name, size, f) == NULL)
        snprintf(name, size, "?\n"); /* gone meanwhile */
    name[strcspn(name, "\n")] = '\0';
    if (f != NULL)
        fclose(f);
}

/* The members of cgroup DIR: processes, and with -t their threads. */
static void
members(const char *dir, int v2, int depth)
{
    char procs[65536], tids[65536], name[64], *pid, *tid, *s1, *s2;
    char path[PATH_MAX + 32];
    struct stat sb;

    if (cg_read(dir, "cgroup.procs", procs, sizeof(procs)) == -1)
        return;
    for (pid = strtok_r(procs, "\n", &s1); pid != NULL;
         pid = strtok_r(NULL, "\n", &s1)) {
        comm_of(pid, NULL, name, sizeof(name));
        printf("%*spid %s %s\n", 2 * depth + 2, "", pid, name);
        if (!threads)
            continue;
        /* The threads of PID that are in this cgroup (in a threaded
         * subtree, some may be elsewhere). */
        if (cg_read(dir, v2 ? "cgroup.threads" : "tasks", tids, sizeof(tids)) ==
            -1)
            continue;
        for (tid = strtok_r(tids, "\n", &s2); tid != NULL;
             tid = strtok_r(NULL, "\n", &s2)) {
            snprintf(path, sizeof(path), "/proc/%s/task/%s", pid, tid);
            if (stat(path, &sb) == -1)
                continue; /* another process's thread */
            comm_of(pid, tid, name, sizeof(name));
            printf("%*stid %s %s\n", 2 * depth + 4, "", tid, name);
        }
    }
}

static void
walk(const char *dir, const char *name, int v2, int depth)
{
    char type[64] = "", ctrls[512] = "", sub[PATH_MAX];
    struct dirent *d;
    DIR *dp;

    printf("%*s%s", 2 * depth, "", name);
    if (v2 && cg_read(dir, "cgroup.type", type, sizeof(type)) == 0)
        printf(" [%s]", type);
    if (v2 && cg_read(dir, "cgroup.controllers", ctrls, sizeof(ctrls)) == 0 &&
        *ctrls != '\0')
        printf(" controllers: %s", ctrls);
    printf("\n");
    members(dir, v2, depth);

    dp = opendir(dir);
    if (dp == NULL)
        return;
    while ((d = readdir(dp)) != NULL) {
        if (d->d_type != DT_DIR || d->d_name[0] == '.')
            continue;
        if (snprintf(sub, sizeof(sub), "%s/%s", dir, d->d_name) >=
            (int)sizeof(sub))
            continue;
        walk(sub, d->d_name, v2, depth + 1);
    }
    closedir(dp);
}

/* Every cgroup and cgroup2 mount, from /proc/self/mountinfo. */
static void
all_hierarchies(void)
{
    char line[2 * PATH_MAX], mnt[PATH_MAX], fstype[64], opts[512], *sep;
    FILE *f = fopen("/proc/self/mountinfo", "r");

    if (f == NULL)
        err_exit("fopen /proc/self/mountinfo");
    while (fgets(line, sizeof(line), f) != NULL) {
        sep = strstr(line, " - ");
        if (sep == NULL || sscanf(line, "%*d %*d %*s %*s %4095s", mnt) != 1 ||
            sscanf(sep + 3, "%63s %*s %511s", fstype, opts) != 2)
            continue;
        if (strcmp(fstype, "cgroup") == 0)
            printf("== v1 %s (%s)\n", mnt,
                   strncmp(opts, "rw,", 3) == 0 ? opts + 3 : opts);
        else if (strcmp(fstype, "cgroup2") == 0)
            printf("== v2 %s\n", mnt);
        else
            continue;
        walk(mnt, "/", strcmp(fstype, "cgroup2") == 0, 0);
    }
    fclose(f);
}

int
main(int argc, char *argv[])
{
    char probe[PATH_MAX + 32];
    int opt;

    while ((opt = get_option(argc, argv, "th")) != -1) {
        switch (opt) {
        case 't':
            threads = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind > 1)
        usage(EXIT_USAGE, usage_text);

    if (optind == argc) {
        all_hierarchies();
        return EXIT_SUCCESS;
    }
    /* A cgroup of either version has cgroup.procs; only v2 has
     * cgroup.controllers. */
    snprintf(probe, sizeof(probe), "%s/cgroup.procs", argv[optind]);
    if (access(probe, F_OK) == -1)
        fatal("%s: not a cgroup (no cgroup.procs)", argv[optind]);
    snprintf(probe, sizeof(probe), "%s/cgroup.controllers", argv[optind]);
    walk(argv[optind], argv[optind], access(probe, F_OK) == 0, 0);
    return EXIT_SUCCESS;
}
