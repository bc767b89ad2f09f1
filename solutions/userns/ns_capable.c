// SPDX-License-Identifier: MIT
/*
 * ns_capable - does a process have a capability in a namespace? Why?
 *
 * Demonstrates: the kernel's rules, from user_namespaces(7), for whether
 * process P has capability C over an object in namespace N. N's owning
 * user namespace T decides. (1) If P is in T, P has C there if C is in
 * its effective set. (2) If P is in an ancestor of T, then C in its
 * effective set counts there too. (3) If P is in the parent of a user
 * namespace on the way down to T, and P's effective UID owns that
 * namespace (it created it), P has every capability there, and so in T.
 * In any other namespace, P has no capability in T at all.
 *
 * Usage: ns_capable PID CAPABILITY NSFILE
 *   CAPABILITY is a name such as cap_sys_admin. NSFILE is a namespace
 *   file such as /proc/PID/ns/uts (its owning user namespace is used) or
 *   /proc/PID/ns/user. Prints the steps and "answer: yes" or "answer: no".
 *
 * Try:
 *     $ ../../userns/userns_child_exec -r -u sleep 60 &
 *     $ sleep 1; ./ns_capable $$ cap_sys_admin /proc/$(pgrep -P $!)/ns/uts
 *     target: user ns 4026532460 (owner uid 1000), owner of .../ns/uts
 *     process 4242: user ns 4026531837, euid 1000, cap_sys_admin not in CapEff
 *     rule 3: user ns 4026532460 is a child of the process's, created by ...
 *     answer: yes
 *     $ ./ns_capable $$ cap_sys_admin /proc/$$/ns/uts
 *     ...
 *     answer: no
 *   Observe: an ordinary shell is all-powerful over the namespaces that
 *   its user created, and powerless over the initial ones.
 *
 * Needs: Linux 4.11 (NS_GET_OWNER_UID); libcap for the names.
 *
 * See also: user_namespaces(7) ("Rules for determining whether a process has a
 * capability in a user namespace"), ioctl_ns(2), capabilities(7); TLPI has no
 * user namespaces (complete in Linux 3.8, after it); course chapter 18.
 */
#define _GNU_SOURCE /* CLONE_NEWUSER */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: ns_capable PID CAPABILITY NSFILE\n"
    "  e.g. ns_capable $$ cap_sys_admin /proc/1234/ns/uts\n";

#define MAX_DEPTH 33 /* user namespaces nest 32 deep at most */

struct userns {
    ino_t ino;
    uid_t owner;
};

/* The chain of user namespaces from FD up to the top we may see. */
static int
chain_of(int fd, struct userns chain[])
{
    struct stat sb;
    int n = 0;

    while (n < MAX_DEPTH) {
        if (fstat(fd, &sb) == -1 ||
            ioctl(fd, NS_GET_OWNER_UID, &chain[n].owner) == -1)
            err_exit("reading a user namespace");
        chain[n++].ino = sb.st_ino;
        int parent = ioctl(fd, NS_GET_PARENT);
        close(fd);
        if (parent == -1)
            break; /* EPERM: the top */
        fd = parent;
    }
    return n;
}

int
main(int argc, char *argv[])
{
    struct userns chain[MAX_DEPTH];
    char path[64], line[256], name[64];
    unsigned long long capeff = 0;
    unsigned long euid = 0;
    struct stat own;
    cap_value_t cap;
    int opt, fd, n;
    long pid;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 3)
        usage(EXIT_USAGE, usage_text);
    pid = parse_ll(argv[optind], 10, 1, INT_MAX, "PID");
    if (cap_from_name(argv[optind + 1], &cap) == -1)
        usage_err("CAPABILITY: '%s' is not a capability name (see "
                  "capabilities(7))",
                  argv[optind + 1]);
    const char *nsfile = argv[optind + 2];
    snprintf(name, sizeof(name), "%s", argv[optind + 1]);

    /* The target: the user namespace that owns NSFILE's namespace. */
    fd = open(nsfile, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        err_exit("open %s", nsfile);
    int type = ioctl(fd, NS_GET_NSTYPE);
    if (type == -1)
        err_exit("ioctl NS_GET_NSTYPE %s (is it a namespace file?)", nsfile);
    if (type != CLONE_NEWUSER) {
        int owner = ioctl(fd, NS_GET_USERNS);
        if (owner == -1)
            err_exit("ioctl NS_GET_USERNS %s", nsfile);
        close(fd);
        fd = owner;
    }
    n = chain_of(fd, chain);
    printf("target: user ns %ju (owner uid %ld), %s %s\n",
           (uintmax_t)chain[0].ino, (long)chain[0].owner,
           type == CLONE_NEWUSER ? "given as" : "owner of", nsfile);

    /* The process: its user namespace, effective UID and CapEff, all as
     * our namespace sees them. */
    snprintf(path, sizeof(path), "/proc/%ld/ns/user", pid);
    if (stat(path, &own) == -1)
        err_exit("stat %s", path);
    snprintf(path, sizeof(path), "/proc/%ld/status", pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        err_exit("open %s", path);
    while (fgets(line, sizeof(line), f) != NULL) {
        sscanf(line, "Uid: %*u %lu", &euid);
        sscanf(line, "CapEff: %llx", &capeff);
    }
    fclose(f);
    bool has_cap = (capeff >> cap) & 1;
    printf("process %ld: user ns %ju, euid %lu, %s %s CapEff\n", pid,
           (uintmax_t)own.st_ino, euid, name, has_cap ? "in" : "not in");

    if (own.st_ino == chain[0].ino) {
        printf("rule 1: the process is in the target namespace: its "
               "effective set decides\n");
        printf("answer: %s\n", has_cap ? "yes" : "no");
        return EXIT_SUCCESS;
    }
    for (int i = 1; i < n; i++) {
        if (chain[i].ino != own.st_ino)
            continue;
        /* The process is in an ancestor; chain[i - 1] is the namespace
         * just below it on the way down to the target. */
        if (chain[i - 1].owner == euid) {
            printf("rule 3: user ns %ju is a child of the process's, created "
                   "by euid %ld, which is the process's euid: every "
                   "capability there\n",
                   (uintmax_t)chain[i - 1].ino, (long)chain[i - 1].owner);
            printf("answer: yes\n");
        } else {
            printf("rule 2: the process is in an ancestor of the target "
                   "(%d level%s up): its effective set decides\n",
                   i, i > 1 ? "s" : "");
            printf("answer: %s\n", has_cap ? "yes" : "no");
        }
        return EXIT_SUCCESS;
    }
    printf("no rule: the process's user namespace is neither the target "
           "nor one of its ancestors\n");
    printf("answer: no\n");
    return EXIT_SUCCESS;
}
