// SPDX-License-Identifier: MIT
/*
 * ns_list - every namespace on the system, as a tree of owners
 *
 * Demonstrates: what the ioctl_ns(2) requests reveal. Scanning the
 * /proc/PID/ns files of every process we may look at finds each namespace
 * in use (by its inode), with its members. NS_GET_USERNS gives the user
 * namespace that owns a namespace, NS_GET_PARENT the parent of a user or
 * PID namespace, NS_GET_OWNER_UID a user namespace's creator. Printed as a
 * tree: each user namespace with the namespaces it owns, and its child
 * user namespaces, indented below it.
 *
 * Usage: ns_list [-p]
 *   -p  list every member PID (default: the count and the first five)
 *
 * Try:
 *     $ sudo ./ns_list | head -3
 *     user 4026531837 (owner uid 0): 112 members (...)
 *       cgroup 4026531835: 112 members (...)
 *       ipc 4026531839: 112 members (...)
 *     $ ../userns/userns_child_exec -v -ru sleep 60 &
 *     userns_child_exec: child 4301 created in its new namespaces
 *     userns_child_exec: write /proc/4301/uid_map: 0 1000 1
 *     userns_child_exec: write /proc/4301/setgroups: deny
 *     userns_child_exec: write /proc/4301/gid_map: 0 1000 1
 *     $ sudo ./ns_list | grep -A1 "owner uid $(id -u)"
 *       user 4026532458 (owner uid 1000): 1 member (4301)
 *         uts 4026532459: 1 member (4301)
 *   Observe: the sleeping process's user namespace appears under the
 *   initial one, owned by your UID, with its UTS namespace below it. Run
 *   as an ordinary user, ns_list sees only your own processes.
 *
 * Needs: nothing to run; root to see every process's namespaces.
 *
 * See also: ioctl_ns(2), namespaces(7), lsns(8); TLPI 28.2.1 names the
 * CLONE_NEW* flags, no more: namespaces grew after it; course chapter 16.
 */
#define _GNU_SOURCE /* CLONE_NEW* */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] = "Usage: ns_list [-p]\n"
                                 "  -p  list every member PID\n";

static const char *const types[] = {"cgroup", "ipc",  "mnt", "net",
                                    "pid",    "time", "uts", "user"};
#define NTYPES (sizeof(types) / sizeof(types[0]))

struct ns {
    const char *type;
    ino_t ino, owner; /* owner: the owning user namespace (0: none seen) */
    ino_t parent;     /* for PID namespaces: the parent (0: none seen) */
    uid_t owner_uid;  /* for user namespaces */
    long *pids;
    size_t npids;
};

static struct ns *all;
static size_t nall, cap;
static bool all_pids;

static struct ns *
find(const char *type, ino_t ino)
{
    for (size_t i = 0; i < nall; i++)
        if (all[i].ino == ino && strcmp(all[i].type, type) == 0)
            return &all[i];
    return NULL;
}

/* Record namespace FD (of TYPE), and, for a user namespace, its parent
 * chain; return its entry. */
static struct ns *
record(int fd, const char *type)
{
    struct stat sb;
    struct ns *ns;

    if (fstat(fd, &sb) == -1)
        return NULL;
    ns = find(type, sb.st_ino);
    if (ns != NULL)
        return ns;
    if (nall == cap) {
        cap = cap ? 2 * cap : 64;
        all = realloc(all, cap * sizeof(*all));
        if (all == NULL)
            err_exit("realloc");
    }
    ns = &all[nall++];
    *ns = (struct ns){.type = type, .ino = sb.st_ino};

    /* The owner: for a user namespace its parent, else its user ns. */
    bool is_user = strcmp(type, "user") == 0;
    if (strcmp(type, "pid") == 0) {
        int parent_fd = ioctl(fd, NS_GET_PARENT); /* EPERM at the top */
        struct stat psb;

        if (parent_fd != -1 && fstat(parent_fd, &psb) == 0)
            ns->parent = psb.st_ino;
        if (parent_fd != -1)
            close(parent_fd);
    }
    int owner_fd = ioctl(fd, is_user ? NS_GET_PARENT : NS_GET_USERNS);
    if (is_user)
        ioctl(fd, NS_GET_OWNER_UID, &ns->owner_uid);
    if (owner_fd != -1) {
        size_t index = ns - all; /* record() may move ALL */
        struct ns *owner = record(owner_fd, "user");

        close(owner_fd);
        ns = &all[index];
        if (owner != NULL)
            ns->owner = owner->ino;
    }
    return ns;
}

static void
add_member(struct ns *ns, long pid)
{
    ns->pids = realloc(ns->pids, (ns->npids + 1) * sizeof(long));
    if (ns->pids == NULL)
        err_exit("realloc");
    ns->pids[ns->npids++] = pid;
}

static void
print_ns(const struct ns *ns, int depth)
{
    printf("%*s%s %ju", 2 * depth, "", ns->type, (uintmax_t)ns->ino);
    if (strcmp(ns->type, "user") == 0)
        printf(" (owner uid %ld)", (long)ns->owner_uid);
    if (ns->parent != 0)
        printf(" (parent pid %ju)", (uintmax_t)ns->parent);
    printf(": %zu member%s", ns->npids, ns->npids == 1 ? "" : "s");
    if (ns->npids > 0) {
        printf(" (");
        for (size_t i = 0; i < ns->npids && (all_pids || i < 5); i++)
            printf("%s%ld", i ? " " : "", ns->pids[i]);
        printf("%s)", !all_pids && ns->npids > 5 ? " ..." : "");
    }
    printf("\n");
}

/* A user namespace, then what it owns, then its child user namespaces. */
static void
print_tree(const struct ns *user, int depth)
{
    print_ns(user, depth);
    for (size_t t = 0; t < NTYPES - 1; t++)
        for (size_t i = 0; i < nall; i++)
            if (all[i].owner == user->ino && all[i].type == types[t])
                print_ns(&all[i], depth + 1);
    for (size_t i = 0; i < nall; i++)
        if (all[i].owner == user->ino && strcmp(all[i].type, "user") == 0)
            print_tree(&all[i], depth + 1);
}

int
main(int argc, char *argv[])
{
    struct dirent *de;
    char path[64];
    DIR *proc;
    int opt;

    while ((opt = get_option(argc, argv, "ph")) != -1) {
        switch (opt) {
        case 'p':
            all_pids = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    proc = opendir("/proc");
    if (proc == NULL)
        err_exit("opendir /proc");
    while ((de = readdir(proc)) != NULL) {
        if (!isdigit((unsigned char)de->d_name[0]))
            continue;
        long pid = strtol(de->d_name, NULL, 10);
        for (size_t t = 0; t < NTYPES; t++) {
            snprintf(path, sizeof(path), "/proc/%ld/ns/%s", pid, types[t]);
            /* Fails for processes we may not inspect, and ones gone. */
            int fd = open(path, O_RDONLY | O_CLOEXEC);
            if (fd == -1)
                continue;
            struct ns *ns = record(fd, types[t]);
            close(fd);
            if (ns != NULL)
                add_member(ns, pid);
        }
    }
    closedir(proc);

    /* The roots: user namespaces whose parent we could not see. */
    for (size_t i = 0; i < nall; i++)
        if (strcmp(all[i].type, "user") == 0 && all[i].owner == 0)
            print_tree(&all[i], 0);
    return EXIT_SUCCESS;
}
