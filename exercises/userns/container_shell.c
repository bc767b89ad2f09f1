// SPDX-License-Identifier: MIT
/*
 * container_shell - a rootless "container": new user, mount, PID and UTS
 * namespaces with a /proc of their own
 *
 * Exercise (see exercises/userns/README.md, "container_shell"): this
 * skeleton runs the command in a new user namespace only, as root there.
 * Add the mount, PID and UTS namespaces, the hostname, and a /proc of
 * the container's own. Fill in the TODO(container_shell) parts.
 *
 * Usage: container_shell [-n HOSTNAME] [CMD [ARG...]]
 *   -n HOSTNAME  the hostname inside (default "container")
 *   CMD defaults to /bin/sh. The exit status is the command's.
 *
 * Try:
 *     $ ./container_shell sh -c 'id -u; hostname; echo $$; ps -e'
 *     $ make grade EX=userns/container_shell      # from the top of the kit
 *
 * Needs: Linux 5.3; unprivileged user namespaces.
 *
 * See also: namespaces(7), user_namespaces(7), pid_namespaces(7),
 * mount_namespaces(7), proc(5); TLPI has no user namespaces (complete in Linux
 * 3.8, after it); course chapter 17 ("Combining user namespaces with other
 * namespaces").
 */
#define _GNU_SOURCE /* CLONE_NEW* */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: container_shell [-n HOSTNAME] [CMD [ARG...]]\n"
    "  -n HOSTNAME  the hostname inside (default \"container\")\n";

/* PID 1 of the new namespaces: set up, then become the command. */
static noreturn void
child(int sync, const char *hostname, char *cmd[])
{
    char c;

    if (read(sync, &c, 1) == -1) /* end of file: the maps are written */
        err_exit_child("read");
    /* TODO(container_shell): set the hostname to HOSTNAME; make every
     * mount private (so that nothing propagates back to the host); mount
     * a new proc on /proc. */
    (void)hostname;
    execvp(cmd[0], cmd);
    exec_failed(cmd[0]);
}

int
main(int argc, char *argv[])
{
    struct clone_args args = {
        /* TODO(container_shell): new mount, PID and UTS namespaces too. */
        .flags = CLONE_NEWUSER,
        .exit_signal = SIGCHLD,
    };
    const char *hostname = "container";
    char *shell[] = {"/bin/sh", NULL};
    int sync[2], opt, status;
    char pidstr[32];
    long pid;

    while ((opt = get_option(argc, argv, "+n:h")) != -1) {
        switch (opt) {
        case 'n':
            hostname = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    char **cmd = optind < argc ? &argv[optind] : shell;

    if (pipe(sync) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3");
    if (pid == 0) {
        close(sync[1]);
        child(sync[0], hostname, cmd);
    }
    close(sync[0]);
    snprintf(pidstr, sizeof(pidstr), "%ld", pid);
    map_root(pidstr, geteuid(), getegid()); /* our own IDs become 0 */
    close(sync[1]);                         /* let the child go on */

    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
