// SPDX-License-Identifier: MIT
/*
 * cgroup_delegate - hand a cgroup subtree to an unprivileged user
 *
 * Demonstrates: delegation. Root creates a cgroup and gives a user the
 * directory and exactly the files a manager of the subtree needs
 * (cgroups(7), "Cgroups delegation"): in v2 cgroup.procs,
 * cgroup.threads and cgroup.subtree_control; in v1 cgroup.procs and
 * tasks. Root moves a child into it; the child becomes the user and
 * then, unprivileged: creates a cgroup below (allowed), moves itself
 * into it (allowed: both ends lie within the subtree), tries to move
 * itself out of the subtree and to pull a process of root's in (both
 * refused: a move needs write access to cgroup.procs of the nearest
 * common ancestor, and that is outside), and tries to change a limit
 * file of the delegated cgroup itself (refused: it stays root's, so the
 * user cannot raise its own limits). systemd's Delegate=yes works so.
 *
 * Usage: cgroup_delegate [-u UID] [-P PARENT] [-V 1|2]
 *   -u UID     the user to delegate to (65534)
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2     use only a v1 or a v2 hierarchy
 *
 * Try (cgroup v2):
 *     $ sudo ./cgroup_delegate
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     delegated: .../isolab.cgroup_delegate.4242 to uid 65534
 *     as uid 65534: mkdir sub: ok
 *     as uid 65534: move itself into sub: ok
 *     as uid 65534: move itself out of the subtree: Permission denied (EACCES)
 *     as uid 65534: move root's process 4242 into sub: Permission denied (EACCES)
 *     as uid 65534: write cgroup.max.descendants: Permission denied (EACCES)
 *     as uid 65534: back, and rmdir sub: ok
 *
 * Needs: root.
 *
 * See also: cgroups(7) (Cgroups delegation: delegating a hierarchy to a less
 * privileged user), the kernel's Documentation/admin-guide/ cgroup-v2.rst
 * (Delegation Containment); TLPI has no cgroups (v1 is not in it, v2 came after
 * it); course chapters 24 and 26.
 */
#define _GNU_SOURCE /* setresuid() */
#include <errno.h>
#include <grp.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_delegate [-u UID] [-P PARENT] [-V 1|2]\n"
    "  -u UID     the user to delegate to (65534)\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2     use only a v1 or a v2 hierarchy\n";

static uid_t uid = 65534;

static void
report(const char *what, int ret)
{
    if (ret == -1)
        printf("as uid %d: %s: %s (%s)\n", (int)uid, what, strerror(errno),
               errno_name(errno));
    else
        printf("as uid %d: %s: ok\n", (int)uid, what);
    fflush(stdout);
}

/* The user's side, in a child that root has moved into CG. */
static noreturn void
as_user(const struct cg_hier *h, const char *cg, pid_t root_pid)
{
    char sub[PATH_MAX + 8], what[64], up[PATH_MAX];

    if (setgroups(0, NULL) == -1 || setresgid(uid, uid, uid) == -1 ||
        setresuid(uid, uid, uid) == -1)
        err_exit_child("become uid %d", (int)uid);
    snprintf(sub, sizeof(sub), "%s/sub", cg);
    snprintf(up, sizeof(up), "%s", cg);

    report("mkdir sub", mkdir(sub, 0755));
    report("move itself into sub", cg_move(sub, 0));
    report("move itself out of the subtree", cg_move(dirname(up), 0));
    snprintf(what, sizeof(what), "move root's process %d into sub",
             (int)root_pid);
    report(what, cg_move(sub, root_pid));
    report(h->version == 2 ? "write cgroup.max.descendants"
                           : "write notify_on_release",
           h->version == 2 ? cg_write(cg, "cgroup.max.descendants", "1000")
                           : cg_write(cg, "notify_on_release", "1"));
    report("back, and rmdir sub", cg_move(cg, 0) == -1 ? -1 : cg_remove(sub));
    exit(EXIT_SUCCESS);
}

int
main(int argc, char *argv[])
{
    static const char *const v2_files[] = {"cgroup.procs", "cgroup.threads",
                                           "cgroup.subtree_control", NULL};
    static const char *const v1_files[] = {"cgroup.procs", "tasks", NULL};
    const char *parent = NULL, *const * f;
    char cg[PATH_MAX], path[PATH_MAX + 32];
    int opt, version = 0, go[2], status;
    struct cg_hier h;
    pid_t pid;
    char byte;

    while ((opt = get_option(argc, argv, "u:P:V:h")) != -1) {
        switch (opt) {
        case 'u':
            uid = parse_ll(optarg, 10, 1, (uid_t)-2, "-u");
            break;
        case 'P':
            parent = optarg;
            break;
        case 'V':
            version = parse_ll(optarg, 10, 1, 2, "-V");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    if (geteuid() != 0)
        fatal("needs root: run with sudo");

    if (version != 1 && cg_find(NULL, 2, &h) == 0)
        cg_need(NULL, 2, &h);
    else
        cg_need("pids", 1, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));

    /* Delegate: the directory and the files a subtree manager writes. */
    if (chown(cg, uid, uid) == -1)
        err_exit("chown %s", cg);
    for (f = h.version == 2 ? v2_files : v1_files; *f != NULL; f++) {
        snprintf(path, sizeof(path), "%s/%s", cg, *f);
        if (chown(path, uid, uid) == -1)
            err_exit("chown %s", path);
    }
    printf("delegated: %s to uid %d\n", cg, (int)uid);

    if (pipe(go) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        close(go[1]);
        if (read(go[0], &byte, 1) == -1)
            err_exit_child("read");
        as_user(&h, cg, getppid());
    }
    if (cg_move(cg, pid) == -1) { /* root puts it in; then it is on its own */
        kill(pid, SIGKILL);
        err_exit("move %d to %s", (int)pid, cg);
    }
    close(go[1]);
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return child_exit_status(status);
}
