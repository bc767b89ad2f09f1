// SPDX-License-Identifier: MIT
/*
 * pivot_shell - run a command in a container root entered with pivot_root
 *
 * Demonstrates: how a container gets a root file system of its own. In
 * new user, mount, PID and UTS namespaces: make every mount private; bind
 * the new root onto itself (pivot_root needs a mount point); bind the
 * host's null, zero, random, urandom and tty devices into its /dev (an
 * unprivileged user may not create device files, but may bind them);
 * mount a proc for the new PID namespace in it; pivot_root() makes it
 * "/" and puts the old root under /oldroot; then unmount the old root
 * (MNT_DETACH: it is busy) so that no path leads back to the host; run
 * the command. Unlike chroot(), this leaves nothing to escape to.
 *
 * Usage: pivot_shell [-B] [-r ROOT] [-n HOSTNAME] [CMD [ARG...]]
 *   -r ROOT      the new root (default the kit's build/rootfs, from `make
 *                rootfs`, wherever you run this from)
 *   -n HOSTNAME  the hostname inside (default "pivot")
 *   -B           skip binding ROOT onto itself, to see pivot_root refuse
 *   CMD defaults to /bin/sh. The exit status is the command's.
 *
 * Try (at the top of the kit):
 *     $ make rootfs          # busybox in build/rootfs
 *     $ mounts/pivot_shell -r build/rootfs
 *     / # ls /; ls /oldroot; ps
 *     bin      dev      etc      oldroot  proc     root     sys      tmp
 *     PID   USER     COMMAND
 *         1 root     /bin/sh
 *         4 root     {ps} /bin/sh
 *     $ mounts/pivot_shell -B -r build/rootfs true
 *     pivot_shell: pivot_root . oldroot (EINVAL: ...): Invalid argument (EINVAL)
 *   Observe: a busybox world with nothing of the host left: /oldroot is
 *   an empty directory, /proc shows two processes. With -B the new root
 *   is no mount point and pivot_root refuses with EINVAL; without the
 *   private step it refuses the same way on a host whose "/" is shared.
 *
 * Needs: Linux 5.3; unprivileged user namespaces (or root).
 *
 * See also: pivot_root(2), mount_namespaces(7), chroot(2); TLPI 18.12 for
 * chroot(); pivot_root is not in it; course chapter 19 ("Mounting a container
 * filesystem").
 */
#define _GNU_SOURCE /* CLONE_NEW* */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: pivot_shell [-B] [-r ROOT] [-n HOSTNAME] [CMD [ARG...]]\n"
    "  -r ROOT      the new root (default the kit's build/rootfs)\n"
    "  -n HOSTNAME  the hostname inside (default \"pivot\")\n"
    "  -B           skip binding ROOT onto itself (pivot_root will refuse)\n";

static const char *root, *hostname = "pivot";
static bool skip_bind;

/* Each step, with what its failure usually means. */
static void
step(int result, const char *what, const char *hint)
{
    if (result == -1) {
        int saved_errno = errno;
        char msg[512];

        snprintf(msg, sizeof(msg), "%s%s%s", what, hint ? " (" : "",
                 hint ? hint : "");
        if (hint)
            strcat(msg, ")");
        errno = saved_errno;
        err_exit_child("%s", msg);
    }
}

static void
bind_device(const char *name)
{
    char host[64], inside[PATH_MAX];

    snprintf(host, sizeof(host), "/dev/%s", name);
    snprintf(inside, sizeof(inside), "%s/dev/%s", root, name);
    step(mount(host, inside, NULL, MS_BIND, NULL), inside,
         "make rootfs creates the empty file to bind onto");
}

static noreturn void
child(int sync, char *cmd[])
{
    const char *devices[] = {"null", "zero", "random", "urandom", "tty"};
    char c;

    if (read(sync, &c, 1) == -1) /* end of file: the maps are written */
        err_exit_child("read");
    step(sethostname(hostname, strlen(hostname)), "sethostname", NULL);
    step(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL),
         "mount --make-rprivate /", NULL);
    /* -B skips this, to show what pivot_root says without it. */
    if (!skip_bind)
        step(mount(root, root, NULL, MS_BIND | MS_REC, NULL), root,
             "bind the new root onto itself");
    for (size_t i = 0; i < sizeof(devices) / sizeof(devices[0]); i++)
        bind_device(devices[i]);
    /* proc now, while the host's /proc is still in view: the kernel lets
     * a user namespace mount proc only where a proc mount is already
     * fully visible to it, which will not be true after the pivot. */
    char proc[PATH_MAX];
    snprintf(proc, sizeof(proc), "%s/proc", root);
    step(mount("proc", proc, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL),
         "mount proc", NULL);

    step(chdir(root), root, NULL);
    step(sys_pivot_root(".", "oldroot"), "pivot_root . oldroot",
         "EINVAL: the new root is no mount point, or a mount on the way "
         "is shared; EBUSY: old kernels, the new root is the current one");
    step(chdir("/"), "chdir /", NULL);
    /* The old root is busy (our open files, our own binary): detach it
     * from the tree now; it goes when the last user closes it. */
    step(umount2("/oldroot", MNT_DETACH), "umount /oldroot", NULL);

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
    char *shell[] = {"/bin/sh", NULL};
    char pidstr[32], abs_root[PATH_MAX], kit_root[PATH_MAX];
    int sync[2], opt, status;
    long pid;

    while ((opt = get_option(argc, argv, "+r:n:Bh")) != -1) {
        switch (opt) {
        case 'r':
            root = optarg;
            break;
        case 'B':
            skip_bind = true;
            break;
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
    if (root == NULL) /* the kit's: this program lives in mounts/ */
        root = beside_self("../build/rootfs", kit_root, sizeof(kit_root));
    if (realpath(root, abs_root) == NULL)
        err_exit("%s (make rootfs builds build/rootfs)", root);
    root = abs_root;

    if (pipe(sync) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3");
    if (pid == 0) {
        close(sync[1]);
        child(sync[0], cmd);
    }
    close(sync[0]);
    snprintf(pidstr, sizeof(pidstr), "%ld", pid);
    map_root(pidstr, geteuid(), getegid());
    close(sync[1]);

    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
