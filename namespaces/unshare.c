// SPDX-License-Identifier: MIT
/*
 * unshare - run a command in new namespaces: the core of unshare(1)
 *
 * Demonstrates: unshare(). Unlike clone(), it moves the caller itself
 * into the new namespaces, which then last as long as something uses
 * them. Two kinds behave differently: a new PID or time namespace is only
 * for the caller's future children (the caller stays where it was), so
 * -p and -T need -f: fork, and run the command in the child. With -r the
 * caller, now in a new user namespace, writes its own ID maps. A new
 * mount namespace has every mount made private at once, as unshare(1)
 * does, and with --mount-proc the child mounts a proc that shows the new
 * PID namespace.
 *
 * Usage: unshare [-CimnpTuU] [-f] [-r] [--mount-proc] [--] [CMD [ARG...]]
 *   -C -i -m -n -p -T -u -U  new cgroup, IPC, mount, network, PID, time,
 *                UTS and user namespaces
 *   -f           fork, and run CMD in the child (for -p and -T)
 *   -r           map our UID and GID to root (implies -U)
 *   --mount-proc mount a new proc on /proc (implies -m)
 *   CMD defaults to $SHELL, or /bin/sh. The exit status is CMD's.
 *
 * Try:
 *     $ ./unshare -r id -u
 *     0
 *     $ ./unshare -rpf --mount-proc ps -e
 *         PID TTY          TIME CMD
 *           1 pts/...  00:00:00 ps
 *     $ ./unshare -rp sh -c 'echo $$'     # no -f: not in the new namespace
 *     4300
 *   Observe: the same as util-linux unshare(1) with the same options. The
 *   last command prints an ordinary PID: the shell is still in the old
 *   PID namespace; only its children would go to the new one.
 *
 * Needs: CAP_SYS_ADMIN for the namespaces other than user: root, or -r.
 *
 * See also: unshare(2), unshare(1), namespaces(7), pid_namespaces(7); TLPI
 * 28.2.1 names the CLONE_NEW* flags, no more: namespaces grew after it; course
 * chapter 16.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEW* */
#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: unshare [-CimnpTuU] [-f] [-r] [--mount-proc] [--] [CMD [ARG...]]\n"
    "  -C -i -m -n -p -T -u -U  new cgroup, IPC, mount, network, PID, time,\n"
    "               UTS and user namespaces\n"
    "  -f           fork, and run CMD in the child (for -p and -T)\n"
    "  -r           map our UID and GID to root (implies -U)\n"
    "  --mount-proc mount a new proc on /proc (implies -m)\n";

int
main(int argc, char *argv[])
{
    static const struct option longopts[] = {
        {"mount-proc", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    bool do_fork = false, root = false, proc = false;
    uid_t uid = geteuid();
    gid_t gid = getegid();
    int opt, flags = 0, status;

    while ((opt = get_option_long(argc, argv, "+CimnpTuUfrh", longopts)) !=
           -1) {
        switch (opt) {
        case 'C':
            flags |= CLONE_NEWCGROUP;
            break;
        case 'i':
            flags |= CLONE_NEWIPC;
            break;
        case 'm':
            flags |= CLONE_NEWNS;
            break;
        case 'n':
            flags |= CLONE_NEWNET;
            break;
        case 'p':
            flags |= CLONE_NEWPID;
            break;
        case 'T':
            flags |= CLONE_NEWTIME;
            break;
        case 'u':
            flags |= CLONE_NEWUTS;
            break;
        case 'U':
            flags |= CLONE_NEWUSER;
            break;
        case 'f':
            do_fork = true;
            break;
        case 'r':
            root = true;
            flags |= CLONE_NEWUSER;
            break;
        case 'P':
            proc = true;
            flags |= CLONE_NEWNS;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }

    /* One call: the user namespace is created first, so it owns the
     * others, and its capabilities allow creating them. */
    if (unshare(flags) == -1) {
        if (flags & CLONE_NEWUSER)
            userns_failed("unshare");
        if (errno == EPERM)
            fatal("unshare: needs CAP_SYS_ADMIN; run as root, or add -r");
        err_exit("unshare");
    }
    /* In our own new user namespace: map the IDs we had to 0. A process
     * may write its own maps, for the IDs of the namespace's creator. */
    if (root)
        map_root("self", uid, gid);
    /* As util-linux does: in a new mount namespace, make every mount
     * private at once, so that nothing done here reaches the host's. */
    if ((flags & CLONE_NEWNS) &&
        mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit("mount --make-rprivate /");

    char *shell[] = {getenv("SHELL") ? getenv("SHELL") : "/bin/sh", NULL};
    char **cmd = optind < argc ? &argv[optind] : shell;

    if (do_fork) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == -1)
            err_exit("fork");
        if (pid != 0) {
            if (waitpid(pid, &status, 0) == -1)
                err_exit("waitpid");
            return child_exit_status(status);
        }
    }
    /* In the child, after -f: it is PID 1 of the new PID namespace. */
    if (proc && mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                      NULL) == -1)
        err_exit("mount proc on /proc");
    execvp(cmd[0], cmd);
    exec_failed(cmd[0]);
}
