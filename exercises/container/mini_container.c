// SPDX-License-Identifier: MIT
/*
 * mini_container - the container runtime, built in six levels
 *
 * Exercise (see exercises/container/README.md): build the capstone's
 * runtime (../../container/isocon.c) one level at a time, each level a
 * chapter, by filling in the TODO(mini_container) parts in this order:
 *   1. namespaces: user (our UID is root inside), UTS, IPC, mount and
 *      network, made by clone3(); the maps written by the parent;
 *   2. the root file system: / made private, ROOT bound and entered with
 *      pivot_root, the old root detached;
 *   3. PID 1 and /proc: a PID namespace, a /proc of its own, and an init
 *      that runs the command and passes on its status;
 *   4. cgroups: with -p, a cgroup with pids.max, the child moved in
 *      before it runs anything, removed at the end;
 *   5. capabilities: the bounding set cut to what a runtime keeps;
 *   6. seccomp: no_new_privs and a filter that refuses the way out.
 * Each level is a part of its own below, marked "Level N".
 *
 * Usage: mini_container [-H HOSTNAME] [-r ROOT] [-p PIDS] [-P PARENT]
 *                       CMD [ARG...]
 *   -H HOSTNAME  the container's hostname (mini)
 *   -r ROOT      the root file system (../../build/rootfs)
 *   -p PIDS      level 4: at most PIDS tasks (a cgroup below -P PARENT)
 *   -P PARENT    the cgroup to make the container's below (our own)
 *
 * Try:
 *     $ ./mini_container -H box sh -c 'hostname; id -u; echo $$; ls /'
 *     $ make grade EX=container/mini_container      # from the top
 *
 * Needs: unprivileged user namespaces; for -p, a cgroup delegated to
 * you (-P), or root.
 *
 * See also: ../../container/isocon.c and README.md, every chapter; the
 * capstone, after course chapter 26; TLPI 28.2.1 (clone), 18.12 (chroot), 39
 * (capabilities); the rest came after it.
 */
#define _GNU_SOURCE /* CLONE_NEW*, setresuid() */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: mini_container [-H HOSTNAME] [-r ROOT] [-p PIDS] [-P PARENT]\n"
    "                      CMD [ARG...]\n"
    "  -H HOSTNAME  the container's hostname (mini)\n"
    "  -r ROOT      the root file system (../../build/rootfs)\n"
    "  -p PIDS      level 4: at most PIDS tasks (a cgroup below -P PARENT)\n"
    "  -P PARENT    the cgroup to make the container's below (our own)\n";

static const char *hostname = "mini";
static char root[PATH_MAX];
static char **cmd;
static int sync_pipe[2];

/* ---- Level 1: namespaces, and root of the user namespace ---- */

/* The namespaces clone3() makes (level 3 adds the PID namespace). */
static unsigned long
namespaces(void)
{
    /* TODO(mini_container): level 1: the user, UTS, IPC, mount and
     * network namespaces; level 3: the PID namespace. Without any, clone3()
     * is a plain fork(). */
    return 0;
}

/* In the parent: map our UID and GID to root in the child's namespace. */
static void
write_maps(pid_t pid)
{
    /* TODO(mini_container): level 1: map our UID and GID to 0 in the
     * child's user namespace (see ../userns/uidmap_exec). */
    (void)pid;
}

/* In the child, once mapped: root, with a hostname of its own. */
static void
become_root(void)
{
    /* TODO(mini_container): level 1: become UID and GID 0 (now mapped),
     * and set the hostname. */
}

/* ---- Level 2: the root file system (and level 3's /proc) ---- */

static void
enter_root(void)
{
    /* TODO(mini_container): level 2: make / private, bind ROOT (in root[])
     * onto itself, chdir into it, pivot_root into it and detach the old
     * root; level 3: mount proc on ROOT/proc before the pivot. */
}

/* ---- Level 3: PID 1 runs the command and passes on its status ---- */

static noreturn void
run_command(void)
{
    /* TODO(mini_container): level 3: be PID 1: run the command in a child,
     * wait for it and end with its status (child_exit_status()). */
    execvp(cmd[0], cmd);
    exec_failed(cmd[0]);
}

/* ---- Level 4: a pids limit (-p) ---- */

/* In the parent, before the child runs: CG gets the child, limited. */
static void
limit(pid_t pid, int pids, const char *parent, char *cg, size_t size)
{
    /* TODO(mini_container): level 4: with -p, a new cgroup (cg_create(),
     * after cg_undo_on_exit()) with pids.max PIDS, and the child moved
     * in. */
    (void)pid;
    (void)pids;
    (void)parent;
    (void)cg;
    (void)size;
}

/* ---- Level 5: the bounding set ---- */

/* The capabilities a mainstream runtime keeps. */
static const cap_value_t kept[] = {
    CAP_CHOWN,   CAP_DAC_OVERRIDE, CAP_FSETID,           CAP_FOWNER,
    CAP_MKNOD,   CAP_NET_RAW,      CAP_SETGID,           CAP_SETUID,
    CAP_SETFCAP, CAP_SETPCAP,      CAP_NET_BIND_SERVICE, CAP_SYS_CHROOT,
    CAP_KILL,    CAP_AUDIT_WRITE,
};

static void
drop_bounding(void)
{
    /* TODO(mini_container): level 5: drop from the bounding set every
     * capability that is not in kept[]. */
    (void)kept;
}

/* ---- Level 6: no_new_privs and the way out refused ---- */

static void
filter(void)
{
    /* TODO(mini_container): level 6: a seccomp filter (libseccomp) that
     * refuses unshare, setns, mount, umount2, pivot_root, keyctl, ptrace,
     * bpf, perf_event_open, io_uring_setup, reboot, open_by_handle_at and
     * the module calls with EPERM, clone3 with ENOSYS, and clone with
     * CLONE_NEWUSER with EPERM; seccomp_load() also sets no_new_privs. */
}

/* ---- the child: the levels in their order ---- */

static noreturn void
container(void)
{
    char byte;

    close(sync_pipe[1]);
    if (read(sync_pipe[0], &byte, 1) != 1) /* the parent gave up */
        _exit(EXIT_FAILURE);
    become_root();
    enter_root();
    drop_bounding();
    filter();
    run_command();
}

int
main(int argc, char *argv[])
{
    char kit_root[PATH_MAX];
    struct clone_args args = {.flags = namespaces(), .exit_signal = SIGCHLD};
    const char *rootfs = NULL, *parent = NULL;
    char cg[PATH_MAX] = "";
    int opt, pids = 0, status;
    pid_t pid;

    while ((opt = get_option(argc, argv, "+H:r:p:P:h")) != -1) {
        switch (opt) {
        case 'H':
            hostname = optarg;
            if (*optarg == '\0' || strlen(optarg) > HOST_NAME_MAX)
                usage_err("-H: 1 to %d characters", HOST_NAME_MAX);
            break;
        case 'r':
            rootfs = optarg;
            break;
        case 'p':
            pids = parse_ll(optarg, 10, 1, 100000, "-p");
            break;
        case 'P':
            parent = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);
    cmd = &argv[optind];
    if (rootfs == NULL) /* the kit's, from where this program lives */
        rootfs = beside_self("../../build/rootfs", kit_root, sizeof(kit_root));
    if (realpath(rootfs, root) == NULL) /* (buffers may not overlap) */
        err_exit("%s (make rootfs builds one)", rootfs);

    if (pipe2(sync_pipe, O_CLOEXEC) == -1)
        err_exit("pipe2");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3 with CLONE_NEWUSER");
    if (pid == 0)
        container();
    close(sync_pipe[0]);
    write_maps(pid);

    limit(pid, pids, parent, cg, sizeof(cg));

    if (write(sync_pipe[1], "", 1) != 1)
        err_exit("write");
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    if (*cg != '\0' && cg_remove(cg) == -1)
        err_warn("rmdir %s", cg);
    return child_exit_status(status);
}
