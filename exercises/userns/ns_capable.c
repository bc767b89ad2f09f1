// SPDX-License-Identifier: MIT
/*
 * ns_capable - does a process have a capability in a namespace? Why?
 *
 * Exercise (see exercises/userns/README.md, "ns_capable"): this skeleton
 * gathers the facts (the target's chain of user namespaces with their
 * owners, the process's user namespace, effective UID and capability)
 * but decides nothing. Apply the kernel's rules. Fill in the
 * TODO(ns_capable) part.
 *
 * Usage: ns_capable PID CAPABILITY NSFILE
 *   CAPABILITY is a name such as cap_sys_admin. NSFILE is a namespace
 *   file such as /proc/PID/ns/uts (its owning user namespace is used) or
 *   /proc/PID/ns/user. Prints the steps and "answer: yes" or "answer: no".
 *
 * Try:
 *     $ ../../userns/userns_child_exec -r -u sleep 60 &
 *     $ ./ns_capable $$ cap_sys_admin /proc/$(pgrep -n sleep)/ns/uts
 *     $ make grade EX=userns/ns_capable      # from the top of the kit
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

    /* TODO(ns_capable): apply the three rules of user_namespaces(7) to
     * OWN (the process's user namespace), CHAIN[0..N-1] (the target and
     * its ancestors, each with its owner), EUID and HAS_CAP. Print the
     * rule that decides, as "rule 1: ...", "rule 2: ...", "rule 3: ..."
     * or "no rule: ...", then "answer: yes" or "answer: no". */
    (void)n;
    (void)has_cap;
    printf("answer: ?\n");
    return EXIT_SUCCESS;
}
