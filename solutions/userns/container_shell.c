// SPDX-License-Identifier: MIT
/*
 * container_shell - a rootless "container": new user, mount, PID and UTS
 * namespaces with a /proc of their own
 *
 * Demonstrates: how the namespaces combine. The user namespace comes
 * first (clone3() creates it before the others, so it owns them), which
 * is what lets an ordinary user create the rest. The child is PID 1 of
 * its PID namespace; it sets its hostname, makes every mount private so
 * that nothing leaks back to the host, and mounts a fresh proc on /proc,
 * which then shows only the namespace's processes. Then it runs the
 * command, by default a shell.
 *
 * Usage: container_shell [-n HOSTNAME] [CMD [ARG...]]
 *   -n HOSTNAME  the hostname inside (default "container")
 *   CMD defaults to /bin/sh. The exit status is the command's.
 *
 * Try:
 *     $ ./container_shell
 *     (ns) # id -u; hostname; echo $$; ps -e
 *     0
 *     container
 *     1
 *       PID TTY          TIME CMD
 *         1 pts/...  00:00:00 sh
 *         4 pts/...  00:00:00 ps
 *   Observe: root, PID 1, and a process list of two, all without any
 *   privilege outside. From another terminal, the host's ps shows the
 *   shell with its real PID and your UID.
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
    if (sethostname(hostname, strlen(hostname)) == -1)
        err_exit_child("sethostname");
    /* Private first: our mounts must never propagate to the host. */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit_child("mount --make-rprivate /");
    if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
              NULL) == -1)
        err_exit_child("mount proc on /proc");
    execvp(cmd[0], cmd);
    exec_failed(cmd[0]);
}

int
main(int argc, char *argv[])
{
    struct clone_args args = {
        .flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS,
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
