// SPDX-License-Identifier: MIT
/*
 * uidmap_exec - run a command as root in a new user namespace
 *
 * Demonstrates: the heart of `unshare -r`: the ID maps. The parent
 * creates a child in a new user namespace and, while the child waits,
 * writes the one mapping an unprivileged process may write: its own
 * effective UID (and GID) to 0. For the GID map, "deny" goes into
 * /proc/PID/setgroups first, or the kernel refuses the map.
 *
 * Usage: uidmap_exec CMD [ARG...]
 *   The exit status is the command's.
 *
 * Try:
 *     $ ./uidmap_exec id
 *     uid=0(root) gid=0(root) groups=0(root)
 *     $ ./uidmap_exec cat /proc/self/uid_map /proc/self/setgroups
 *              0       1000          1
 *     deny
 *   Observe: the map line reads "inside, outside, how many".
 *
 * Needs: Linux 5.3; unprivileged user namespaces.
 *
 * See also: user_namespaces(7) ("User and group ID mappings: uid_map and
 * gid_map"), unshare(1) (-r); TLPI has no user namespaces (complete in Linux
 * 3.8, after it); course chapter 17.
 */
#define _GNU_SOURCE /* CLONE_NEWUSER */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] = "Usage: uidmap_exec CMD [ARG...]\n";

/* Map our effective UID and GID to 0 in PID's user namespace. */
static void
write_maps(pid_t pid)
{
    char path[64], map[64];

    snprintf(path, sizeof(path), "/proc/%ld/uid_map", (long)pid);
    snprintf(map, sizeof(map), "0 %ld 1", (long)geteuid());
    if (write_file(path, map) == -1)
        err_exit("write %s", path);

    /* Only a writer with CAP_SETGID in our namespace may skip this. */
    snprintf(path, sizeof(path), "/proc/%ld/setgroups", (long)pid);
    if (geteuid() != 0 && write_file(path, "deny") == -1)
        err_exit("write %s", path);

    snprintf(path, sizeof(path), "/proc/%ld/gid_map", (long)pid);
    snprintf(map, sizeof(map), "0 %ld 1", (long)getegid());
    if (write_file(path, map) == -1)
        err_exit("write %s", path);
}

int
main(int argc, char *argv[])
{
    struct clone_args args = {.flags = CLONE_NEWUSER, .exit_signal = SIGCHLD};
    int sync[2], opt, status;
    long pid;
    char c;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    /* The child waits for end of file on the pipe: the parent closes its
     * end once the maps are written. */
    if (pipe(sync) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3 CLONE_NEWUSER");
    if (pid == 0) {
        close(sync[1]);
        if (read(sync[0], &c, 1) == -1)
            err_exit_child("read");
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }
    close(sync[0]);
    write_maps(pid);
    close(sync[1]);

    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
