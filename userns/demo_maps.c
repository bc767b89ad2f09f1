// SPDX-License-Identifier: MIT
/*
 * demo_maps - the rules for writing uid_map, gid_map and setgroups
 *
 * Demonstrates: which ID maps a process may write for a new user
 * namespace, each rule tried on a fresh namespace and the kernel's answer
 * shown. Without CAP_SETUID (CAP_SETGID) in the parent namespace, a map
 * may have one line only, mapping the writer's own effective UID (GID),
 * and gid_map may be written only after "deny" went into setgroups. With
 * the capability (root), any IDs and ranges may be mapped. Either way a
 * map is written once, and "deny" makes setgroups(2) fail inside.
 *
 * Usage: demo_maps
 *
 * Try:
 *     $ ./demo_maps              # as an ordinary user
 *     uid_map '0 1000 1' (our own UID): allowed
 *     uid_map written a second time: refused (EPERM)
 *     uid_map '0 0 1' (another UID): refused (EPERM)
 *     uid_map '0 1000 1,1 100000 1' (two lines): refused (EPERM)
 *     gid_map '0 1000 1' before setgroups is denied: refused (EPERM)
 *     setgroups 'deny': allowed
 *     gid_map '0 1000 1' after setgroups 'deny': allowed
 *     uid_map (so that the child is root inside): allowed
 *     setgroups() inside after 'deny': refused (EPERM)
 *     $ sudo ./demo_maps         # as root: the ranges are allowed
 *     uid_map '0 0 1' (our own UID): allowed
 *     uid_map written a second time: refused (EPERM)
 *     uid_map '0 65534 1' (another UID): allowed
 *     uid_map '0 0 1,1 100000 1' (two lines): allowed
 *     gid_map '0 0 1' before setgroups is denied: allowed
 *     setgroups 'deny': allowed
 *     gid_map '0 0 1' after setgroups 'deny': allowed
 *     uid_map (so that the child is root inside): allowed
 *     setgroups() inside after 'deny': refused (EPERM)
 *   Observe: which answers change when root runs it, and which do not.
 *
 * Needs: Linux 5.3; unprivileged user namespaces for a non-root caller.
 *
 * See also: user_namespaces(7) ("Defining user and group ID mappings",
 * "Interaction with system calls that change process UIDs or GIDs"),
 * setgroups(2); TLPI has no user namespaces (complete in Linux 3.8, after it);
 * course chapter 17.
 */
#define _GNU_SOURCE /* CLONE_NEWUSER, setgroups() */
#include <errno.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] = "Usage: demo_maps\n";

static int release[2]; /* the child waits for end of file on release[0] */

/* A child in a new user namespace that waits; with CALL_SETGROUPS, it
 * then tries setgroups() and reports. */
static pid_t
new_userns(int call_setgroups)
{
    struct clone_args args = {.flags = CLONE_NEWUSER, .exit_signal = SIGCHLD};
    long pid;
    char c;

    if (pipe(release) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3 CLONE_NEWUSER");
    if (pid == 0) {
        close(release[1]);
        if (read(release[0], &c, 1) == -1)
            err_exit_child("read");
        if (call_setgroups) {
            if (setgroups(0, NULL) == -1)
                printf("setgroups() inside after 'deny': refused (%s)\n",
                       errno_name(errno));
            else
                printf("setgroups() inside after 'deny': allowed\n");
        }
        exit(EXIT_SUCCESS);
    }
    close(release[0]);
    return pid;
}

static void
done(pid_t pid)
{
    fflush(stdout); /* our lines first, then the child's */
    close(release[1]);
    if (waitpid(pid, NULL, 0) == -1)
        err_exit("waitpid");
}

/* Write TEXT (lines separated by ',') to /proc/PID/FILE; say what came. */
static void
try(pid_t pid, const char *file, const char *text, const char *what)
{
    char path[64], buf[256];

    snprintf(path, sizeof(path), "/proc/%ld/%s", (long)pid, file);
    snprintf(buf, sizeof(buf), "%s", text);
    for (char *p = buf; *p != '\0'; p++)
        if (*p == ',')
            *p = '\n';
    printf("%s", what);
    if (write_file(path, buf) == -1)
        printf(": refused (%s)\n", errno_name(errno));
    else
        printf(": allowed\n");
}

int
main(int argc, char *argv[])
{
    long uid = geteuid(), gid = getegid();
    char own_u[64], own_g[64], what[128], two[64];
    int opt;
    pid_t pid;

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

    snprintf(own_u, sizeof(own_u), "0 %ld 1", uid);
    snprintf(own_g, sizeof(own_g), "0 %ld 1", gid);

    pid = new_userns(0);
    snprintf(what, sizeof(what), "uid_map '%s' (our own UID)", own_u);
    try(pid, "uid_map", own_u, what);
    try(pid, "uid_map", own_u, "uid_map written a second time");
    done(pid);

    /* Another UID: 0 unless we are root, then someone else. */
    pid = new_userns(0);
    snprintf(what, sizeof(what), "uid_map '0 %d 1' (another UID)",
             uid == 0 ? 65534 : 0);
    try(pid, "uid_map", uid == 0 ? "0 65534 1" : "0 0 1", what);
    done(pid);

    pid = new_userns(0);
    snprintf(two, sizeof(two), "0 %ld 1,1 100000 1", uid);
    snprintf(what, sizeof(what), "uid_map '%s' (two lines)", two);
    try(pid, "uid_map", two, what);
    done(pid);

    pid = new_userns(0);
    snprintf(what, sizeof(what), "gid_map '%s' before setgroups is denied",
             own_g);
    try(pid, "gid_map", own_g, what);
    done(pid);

    pid = new_userns(1);
    try(pid, "setgroups", "deny", "setgroups 'deny'");
    snprintf(what, sizeof(what), "gid_map '%s' after setgroups 'deny'", own_g);
    try(pid, "gid_map", own_g, what);
    try(pid, "uid_map", own_u, "uid_map (so that the child is root inside)");
    done(pid);
    return EXIT_SUCCESS;
}
