// SPDX-License-Identifier: MIT
/*
 * mini_container - the container runtime, built in six levels
 *
 * Demonstrates: the capstone's runtime (../../container/isocon.c) the way
 * a student builds it, one level at a time, each level a chapter:
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
 *     box
 *     0
 *     2
 *     bin      dev      etc      oldroot  proc     root     sys      tmp
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
    return CLONE_NEWUSER | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNS |
           CLONE_NEWNET | CLONE_NEWPID;
}

/* In the parent: map our UID and GID to root in the child's namespace. */
static void
write_maps(pid_t pid)
{
    char path[64], map[64];

    snprintf(map, sizeof(map), "0 %d 1", (int)getuid());
    snprintf(path, sizeof(path), "/proc/%d/uid_map", (int)pid);
    if (write_file(path, map) == -1)
        err_exit("write %s", path);
    snprintf(path, sizeof(path), "/proc/%d/setgroups", (int)pid);
    if (write_file(path, "deny") == -1)
        err_exit("write %s", path);
    snprintf(map, sizeof(map), "0 %d 1", (int)getgid());
    snprintf(path, sizeof(path), "/proc/%d/gid_map", (int)pid);
    if (write_file(path, map) == -1)
        err_exit("write %s", path);
}

/* In the child, once mapped: root, with a hostname of its own. */
static void
become_root(void)
{
    if (setresgid(0, 0, 0) == -1 || setresuid(0, 0, 0) == -1)
        err_exit_child("become root of the user namespace");
    if (sethostname(hostname, strlen(hostname)) == -1)
        err_exit_child("sethostname");
}

/* ---- Level 2: the root file system (and level 3's /proc) ---- */

static void
enter_root(void)
{
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit_child("make / private");
    if (mount(root, root, NULL, MS_BIND | MS_REC, NULL) == -1)
        err_exit_child("bind %s", root);
    if (chdir(root) == -1)
        err_exit_child("chdir %s", root);
    /* Level 3: /proc for the new PID namespace, while the host's /proc
     * is still in view (a user namespace may mount proc only then). */
    if (mount("proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) ==
        -1)
        err_exit_child("mount proc");
    if (syscall(SYS_pivot_root, ".", "oldroot") == -1)
        err_exit_child("pivot_root");
    if (chdir("/") == -1 || umount2("/oldroot", MNT_DETACH) == -1)
        err_exit_child("detach the old root");
}

/* ---- Level 3: PID 1 runs the command and passes on its status ---- */

static noreturn void
run_command(void)
{
    int status;
    pid_t pid = fork();

    if (pid == -1)
        err_exit_child("fork");
    if (pid == 0) {
        execvp(cmd[0], cmd);
        exec_failed(cmd[0]);
    }
    while (waitpid(pid, &status, 0) == -1)
        if (errno != EINTR)
            err_exit_child("waitpid");
    _exit(child_exit_status(status));
}

/* ---- Level 4: a pids limit (-p) ---- */

/* In the parent, before the child runs: CG gets the child, limited. */
static void
limit(pid_t pid, int pids, const char *parent, char *cg, size_t size)
{
    struct cg_hier h;

    if (pids == 0)
        return;
    if (cg_find("pids", 0, &h) == -1)
        fatal("no hierarchy holds the pids controller");
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, size);
    if (cg_write(cg, "pids.max", "%d", pids) == -1 || cg_move(cg, pid) == -1)
        err_exit("cgroup %s", cg);
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
    cap_value_t cap;
    size_t i;

    for (cap = 0; cap < (cap_value_t)cap_max_bits(); cap++) {
        for (i = 0; i < sizeof(kept) / sizeof(kept[0]) && kept[i] != cap;)
            i++;
        if (i == sizeof(kept) / sizeof(kept[0]) &&
            prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == -1)
            err_exit_child("prctl PR_CAPBSET_DROP %d", cap);
    }
}

/* ---- Level 6: no_new_privs and the way out refused ---- */

static void
filter(void)
{
    static const char *const denied[] = {
        "unshare",         "setns",          "mount",  "umount2",
        "pivot_root",      "keyctl",         "ptrace", "bpf",
        "perf_event_open", "io_uring_setup", "reboot", "open_by_handle_at",
        "init_module",     "finit_module"};
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    size_t i;
    int nr, rc = 0;

    if (ctx == NULL)
        fatal("seccomp_init failed");
    for (i = 0; rc == 0 && i < sizeof(denied) / sizeof(denied[0]); i++) {
        nr = seccomp_syscall_resolve_name(denied[i]);
        if (nr != __NR_SCMP_ERROR)
            rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0);
    }
    if (rc == 0) /* clone3's flags are out of a filter's sight */
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    if (rc == 0)
        rc = seccomp_rule_add(
            ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
            SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER));
    if (rc == 0)
        rc = seccomp_load(ctx); /* no_new_privs is set with it */
    if (rc != 0)
        err_exit_en(-rc, "seccomp");
    seccomp_release(ctx);
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
