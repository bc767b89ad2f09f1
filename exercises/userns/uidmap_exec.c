// SPDX-License-Identifier: MIT
/*
 * uidmap_exec - run a command as root in a new user namespace
 *
 * Exercise (see exercises/userns/README.md, "uidmap_exec"): this skeleton
 * creates the child in a new user namespace and lets it run, but writes
 * no maps, so the command runs as the overflow UID 65534. Write the maps.
 * Fill in the TODO(uidmap_exec) part.
 *
 * Usage: uidmap_exec CMD [ARG...]
 *   The exit status is the command's.
 *
 * Try:
 *     $ ./uidmap_exec id
 *     $ make grade EX=userns/uidmap_exec      # from the top of the kit
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

/* Map our effective UID and GID to 0 in PID's user namespace.
 *
 * TODO(uidmap_exec): write "0 EUID 1" to /proc/PID/uid_map and
 * "0 EGID 1" to /proc/PID/gid_map (write_file() in lib/isolab.h writes a
 * string with one write()). Something else must be written before the
 * gid_map when we are not root: see user_namespaces(7). */
static void
write_maps(pid_t pid)
{
    (void)pid;
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
