// SPDX-License-Identifier: MIT
/*
 * demo_userns - the first moments of a new user namespace
 *
 * Demonstrates: a process in a new user namespace starts with every
 * capability in it, but its user and group IDs have no mapping yet, so
 * it sees them as the overflow IDs (65534, from
 * /proc/sys/kernel/overflowuid). Once the parent writes the maps, the
 * same process, without doing anything itself, is UID 0 in the namespace.
 * Outside, it is still the user who created it.
 *
 * Usage: demo_userns
 *
 * Try:
 *     $ ./demo_userns
 *     child before the maps: euid 65534, egid 65534
 *     child before the maps: CapEff 000001ffffffffff
 *     parent: wrote uid_map '0 1000 1' and gid_map '0 1000 1'
 *     parent: the child seen from outside: Uid 1000
 *     child after the maps: euid 0, egid 0
 *     child after the maps: CapEff 000001ffffffffff
 *   Observe: the capabilities were there from the start; the maps only
 *   give the IDs a meaning. From outside, the child's Uid line in
 *   /proc/PID/status still shows the real user.
 *
 * Needs: Linux 5.3; unprivileged user namespaces for a non-root caller.
 *
 * See also: user_namespaces(7), capabilities(7); TLPI has no user namespaces
 * (complete in Linux 3.8, after it); course chapter 17.
 */
#define _GNU_SOURCE /* CLONE_NEWUSER */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] = "Usage: demo_userns\n";

/* The child's IDs and effective capabilities as it sees them itself. */
static void
report(const char *when)
{
    char cap[256];

    if (proc_status_value("self", "CapEff", cap, sizeof(cap)) == -1)
        err_exit("read CapEff from /proc/self/status");
    printf("child %s: euid %ld, egid %ld\n", when, (long)geteuid(),
           (long)getegid());
    printf("child %s: CapEff %s\n", when, cap);
    fflush(stdout);
}

int
main(int argc, char *argv[])
{
    struct clone_args args = {.flags = CLONE_NEWUSER, .exit_signal = SIGCHLD};
    char pidstr[32], uid[256];
    int to_parent[2], to_child[2], opt, status;
    char c;
    long pid;

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

    /* Two pipes: the child says it has looked; the parent says the maps
     * are written (by closing its end). */
    if (pipe(to_parent) == -1 || pipe(to_child) == -1)
        err_exit("pipe");
    fflush(stdout);
    /* The child starts in a new user namespace with every capability
     * in it, but with no IDs mapped yet: it shows as the overflow UID,
     * 65534, until the parent writes the maps. */
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3 CLONE_NEWUSER");
    if (pid == 0) {
        close(to_child[1]);
        report("before the maps");
        if (write(to_parent[1], "x", 1) != 1 || read(to_child[0], &c, 1) == -1)
            err_exit_child("sync");
        report("after the maps");
        _exit(EXIT_SUCCESS);
    }

    /* The parent, in the old namespace, writes the maps: only a process
     * outside (or the child itself, for its own UID) may. */
    close(to_child[0]);
    close(to_parent[1]);
    if (read(to_parent[0], &c, 1) != 1)
        fatal("the child ended early");

    /* Map our own IDs to 0: the one mapping an unprivileged user may
     * write (setgroups must be denied before the gid_map). */
    snprintf(pidstr, sizeof(pidstr), "%ld", pid);
    map_root(pidstr, geteuid(), getegid());
    printf("parent: wrote uid_map '0 %ld 1' and gid_map '0 %ld 1'\n",
           (long)geteuid(), (long)getegid());

    /* /proc shows IDs as the reader's namespace sees them: from out
     * here, the child is still the user who created it. */
    if (proc_status_value(pidstr, "Uid", uid, sizeof(uid)) == -1)
        err_exit("read Uid from /proc/%s/status", pidstr);
    uid[strcspn(uid, "\t")] = '\0'; /* the real UID, first of four */
    printf("parent: the child seen from outside: Uid %s\n", uid);
    fflush(stdout);
    close(to_child[1]);

    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
