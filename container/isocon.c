// SPDX-License-Identifier: MIT
/*
 * isocon - a small container runtime made of the course's pieces
 *
 * Demonstrates: every chapter at once. A command runs in a container of:
 *   - a user namespace (rootless: our UID is root inside; run by root,
 *     container root is a range of host UIDs from 100000 on that no
 *     user holds in /etc/subuid, never host root), maps written
 *     by the parent, setgroups denied when rootless;
 *   - new mount, UTS, IPC, PID and network namespaces, made at once by
 *     clone3(); a cgroup namespace once the container is in its cgroups
 *     (and time with -T); the network has only lo, up;
 *   - a root file system (the kit's busybox, or a distribution's: make
 *     debian), read-only or, with -w, writable through an overlay whose
 *     changes live in a tmpfs and die with the container; as root, an
 *     ID-mapped mount shows the image's root-owned files to container
 *     root as its own; entered with pivot_root, the old root detached,
 *     /proc mounted for the new PID namespace with its sensitive parts
 *     read-only or masked, a minimal /dev, a /tmp of its own, no /sys;
 *   - an init (PID 1, "isocon-init": no host path, command line or
 *     environment shows) that forwards signals to the command, reaps
 *     orphans and returns the command's exit status; isocon forwards
 *     signals to the init, and the init dies with isocon;
 *   - cgroup limits (pids, memory, cpu) in v2 or v1, removed at the end
 *     (they need root, or a delegated cgroup: -P); 1024 tasks unless -p
 *     says otherwise, wherever a cgroup can be made; with -m, the number
 *     of OOM kills is reported on stderr at the end;
 *   - as root, a cgroup device policy: only the devices of its /dev and
 *     its terminals open, nothing is made with mknod (isocon_dev.c);
 *   - the bounding set a mainstream runtime keeps, no_new_privs, and a
 *     seccomp filter that refuses what a container should not do;
 *   - no descriptor beyond 0-2 and no working directory from the host;
 *   - a session of its own, and on a terminal a pseudo-terminal of its
 *     own: the caller's terminal is out of its reach.
 * -x PID runs another command in the running container whose init is
 * PID: it joins every namespace and the cgroup, and takes the same
 * bounding set, no_new_privs and filter.
 * This file holds the story: the container's init and first process,
 * the parent's side (run(): clone3, maps, cgroups, waiting), -x and
 * main(). Four layers have files of their own: isocon_root.c (file
 * system, network), isocon_lock.c (capabilities, no_new_privs,
 * seccomp), isocon_signals.c (signals passed on), isocon_tty.c (session
 * and terminal).
 *
 * Usage: isocon [-v] [-S] [-T] [-w | -W DIR] [-r ROOT] [-H HOSTNAME]
 *               [-p PIDS] [-m MIB] [-c PERCENT] [-P PARENT] [--] CMD [ARG...]
 *        isocon [-v] [-S] -x PID [--] CMD [ARG...]
 *   -r ROOT      the root file system (../build/rootfs: make rootfs)
 *   -w           a writable layer over the root (overlayfs; Linux 5.11):
 *                the changes in a tmpfs, gone at the end
 *   -W DIR       the same, the changes kept in DIR/upper (and DIR/work)
 *   -H HOSTNAME  the container's hostname (isocon)
 *   -p -m -c     limits: tasks, memory in MiB, CPU in percent of one CPU;
 *                without -p, 1024 tasks where a cgroup can be made (-p 0:
 *                none)
 *   -P PARENT    the cgroup to make the container's below (our own)
 *   -S           no seccomp filter     -T  a time namespace too
 *   -x PID       join the container whose init is PID
 *   -v           say each step (for a live demo)
 *
 * Try (at the top of the kit):
 *     $ make rootfs          # busybox in build/rootfs
 *     $ container/isocon sh -c 'hostname; id; ps'
 *     isocon
 *     uid=0(root) gid=0(root) ...
 *     PID   USER     COMMAND
 *         1 root     isocon-init
 *         2 root     {ps} sh -c hostname; id; ps
 *     $ container/isocon sleep 300 </dev/null &     # no terminal for it
 *     $ sleep 1; container/isocon -x $(pgrep -P $!) ps    # once it is up
 *     PID   USER     COMMAND
 *         1 root     isocon-init
 *         2 root     sleep 300
 *         3 root     ps
 *   Observe: hostname isocon, PID 1, only the container's processes,
 *   the busybox root. (id goes on with groups= where you have
 *   supplementary groups: yours, as the container maps them.) With -p 5 (root, or a delegated cgroup: on pure v2
 *   from a cgroup of its own, sudo systemd-run --scope -p Delegate=yes
 *   container/isocon -p 5 sh) a fork bomb stops at five tasks. A real
 *   distribution's root: make debian, then
 *   container/isocon -w -r build/debian bash (container/README.md). The
 *   README also has the table of escape attempts and what stops each.
 *
 * Needs: unprivileged user namespaces (or root); root or a delegated
 * cgroup for the limits; Linux 5.9 (close_range).
 *
 * See also: every chapter; user_namespaces(7), pivot_root(2), seccomp(2),
 * capabilities(7), cgroups(7); the capstone, after course chapter 26; TLPI, for
 * the pieces older than containers: 28.2.1 (clone), 18.12 (chroot), 39
 * (capabilities), 34 (sessions), 64 (pseudoterminals).
 */
#define _GNU_SOURCE /* clone(), setns(), CLONE_NEW* */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h> /* setgroups() */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "compat.h"
#include "isocon.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: isocon [-v] [-S] [-T] [-w | -W DIR] [-r ROOT] [-H HOSTNAME]\n"
    "              [-p PIDS] [-m MIB] [-c PERCENT] [-P PARENT] [--] CMD "
    "[ARG...]\n"
    "       isocon [-v] [-S] -x PID [--] CMD [ARG...]\n"
    "  -r ROOT      the root file system (../build/rootfs: make rootfs)\n"
    "  -w           a writable layer over the root, gone at the end\n"
    "  -W DIR       a writable layer kept in DIR\n"
    "  -H HOSTNAME  the container's hostname (isocon)\n"
    "  -p -m -c     limits: tasks (1024 where a cgroup can be made; 0: none),\n"
    "               memory in MiB, CPU in percent\n"
    "  -P PARENT    the cgroup to make the container's below\n"
    "  -S           no seccomp filter     -T  a time namespace too\n"
    "  -x PID       join the container whose init is PID\n"
    "  -v           say each step\n";

#define DEFAULT_PIDS 1024   /* tasks, when -p is not given */
#define REMAP_BASE   100000 /* container root, when run by root: the first */
#define REMAP_SIZE   65536  /* range of this size that no user holds */

static struct {
    const char *root, *hostname, *parent;
    int filter, timens, writable, pids, mib, cpu;
    char **cmd;
    int sync[2];          /* parent -> child: "maps written, go on", and */
    int tree;             /* with it, as root, the ID-mapped root, or -1 */
    const char *layer;    /* -W: the layer's directory, or NULL */
    int layer_fd;         /* ...open, in isocon */
    struct stat layer_id; /* ...and which directory it is */
    int master, slave;    /* the container's terminal, or -1 */
    int rootful;          /* run by root: container root is a range */
    struct stat root_id;  /* the root directory isocon checked */
    char *args;           /* our command line and environment, as the */
    size_t args_len;      /* kernel shows them in /proc/PID/cmdline, environ */
} opt = {.hostname = "isocon",
         .filter = 1,
         .pids = -1, /* not given: the default, where it can be had */
         .master = -1,
         .slave = -1,
         .tree = -1,
         .layer_fd = -1};

/* ---- init: PID 1 of the container ---- */

/* A command in the container gets an environment of its own, not the
 * caller's: host paths (HOME, PWD, XDG_*), credentials (SSH_AUTH_SOCK,
 * tokens) and whatever else the host's variables hold stay outside, as
 * with docker run. TERM is kept, for the terminal. */
static void
clean_environment(void)
{
    const char *term = getenv("TERM");
    char keep[64] = "";

    if (term != NULL)
        snprintf(keep, sizeof(keep), "%s", term);
    if (clearenv() != 0)
        fatal("clearenv failed");
    if (setenv("PATH",
               "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:"
               "/sbin:/bin",
               1) == -1 ||
        setenv("HOME", "/root", 1) == -1 ||
        setenv("HOSTNAME", opt.hostname, 1) == -1 ||
        (keep[0] != '\0' && setenv("TERM", keep, 1) == -1))
        err_exit_child("setenv");
}

/* The init is a copy of isocon, and a process of the container can read
 * what the kernel shows of it: its command line (/proc/1/cmdline, which
 * any process may read: ps shows it) and its environment as it started.
 * Those are isocon's own, with host paths and the caller's variables, in
 * the memory that argv[] and environ[] pointed into when main() began.
 * Overwrite them there, and rename the thread for ps -o comm. The
 * command has been forked off already: its copy of that memory, from
 * which it takes its arguments, is its own. */
static void
become_isocon_init(void)
{
    static const char name[] = "isocon-init";

    memset(opt.args, 0, opt.args_len);
    memcpy(opt.args, name,
           opt.args_len < sizeof(name) ? opt.args_len - 1 : sizeof(name) - 1);
    if (prctl(PR_SET_NAME, name) == -1)
        err_exit_child("PR_SET_NAME");
}

/* Start the command as PID 2, forward signals to it, reap everything,
 * and end with its status. A PID namespace's init gets only the signals
 * it has a handler for: without these handlers, "kill -TERM" from
 * outside would do nothing at all. */
static noreturn void
run_init(void)
{
    int status;
    pid_t cmd, pid;

    cmd = fork_forwarding();
    if (cmd == -1)
        err_exit_child("fork");
    if (cmd == 0) {
        execvp(opt.cmd[0], opt.cmd);
        exec_failed(opt.cmd[0]);
    }
    become_isocon_init();
    /* The init only passes signals on and reaps: it keeps no capability,
     * so that nothing in the container gains one by taking it over. */
    drop_all_caps();
    /* Reap orphans that the command leaves to us, until it ends itself;
     * the others die with the PID namespace when we exit. */
    while ((pid = waitpid(-1, &status, 0)) != cmd)
        if (pid == -1 && errno != EINTR)
            err_exit_child("waitpid");
    _exit(child_exit_status(status));
}

/* The container's first process, in all its new namespaces. */
static noreturn void
container(void)
{

    close(opt.sync[1]);
    /* A session of our own, and a terminal of our own if we run on one:
     * nothing of the caller's terminal is ours to control. */
    if (opt.master != -1)
        close(opt.master);
    tty_enter(opt.slave);
    if (recv_fd(opt.sync[0], &opt.tree) == -1) /* the parent failed */
        _exit(EXIT_FAILURE);
    if (setresgid(0, 0, 0) == -1 || setresuid(0, 0, 0) == -1)
        err_exit_child("become root of the user namespace");
    /* Run by root, we still carry root's supplementary groups (0, and
     * whatever else): unmapped inside, they would still open host files
     * of those groups. Rootless, setgroups is denied, and the groups are
     * the caller's own anyway. */
    if (opt.rootful && setgroups(0, NULL) == -1)
        err_exit_child("setgroups");
    /* If isocon dies, even by SIGKILL, the container dies with it. Set
     * after the UID change, which clears it. The parent keeps its end
     * of the pipe open while it lives: a hang-up means it died before
     * the setting took hold. */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1)
        err_exit_child("PR_SET_PDEATHSIG");
    if (poll(&(struct pollfd){.fd = opt.sync[0], .events = POLLIN}, 1, 0) != 0)
        _exit(EXIT_FAILURE);
    close(opt.sync[0]);
    /* The cgroup namespace only now that the parent has moved us into the
     * container's cgroups: its root is the cgroup we are in when it is
     * made, and the container sees that as "/", and nothing above it. */
    if (unshare(CLONE_NEWCGROUP) == -1)
        err_exit_child("unshare CLONE_NEWCGROUP");
    if (sethostname(opt.hostname, strlen(opt.hostname)) == -1)
        err_exit_child("sethostname");
    set_up_root(opt.root, &opt.root_id, opt.tree, opt.writable, opt.layer,
                &opt.layer_id);
    loopback_up();
    say("network: lo up, nothing else");
    if (opt.timens && unshare(CLONE_NEWTIME) == -1)
        err_exit_child("unshare CLONE_NEWTIME");
    lock_down(opt.filter);
    clean_environment();
    say("locked: %zu capabilities in the bounding set, no_new_privs, %s",
        kept_caps_count,
        opt.filter ? "seccomp filter" : "no seccomp filter (-S)");
    run_init();
}

/* ---- the parent: maps, cgroup, waiting ---- */

/* Does [BASE, BASE + REMAP_SIZE) meet a range of FILE (/etc/subuid or
 * /etc/subgid: "user:first:count" lines)? */
static int
taken(const char *file, unsigned long base)
{
    unsigned long first, count;
    char line[256];
    FILE *f = fopen(file, "r");
    int hit = 0;

    while (f != NULL && !hit && fgets(line, sizeof(line), f) != NULL) {
        char *p = strchr(line, ':');

        if (p != NULL && sscanf(p + 1, "%lu:%lu", &first, &count) == 2)
            hit = first < base + REMAP_SIZE && base < first + count;
    }
    if (f != NULL)
        fclose(f);
    return hit;
}

/* Run by root, container root is a host UID that no one else uses. The
 * ranges in /etc/subuid and /etc/subgid belong to users (the first user
 * that adduser makes gets 100000-165535 on Debian): a process of that
 * user could signal or trace the container's. So the first free range
 * from REMAP_BASE on, in steps of REMAP_SIZE. */
static unsigned long
free_range(void)
{
    unsigned long base;

    for (base = REMAP_BASE; base < 0x7fff0000UL; base += REMAP_SIZE)
        if (!taken("/etc/subuid", base) && !taken("/etc/subgid", base))
            return base;
    fatal("no free range of %d IDs beside /etc/subuid and /etc/subgid",
          REMAP_SIZE);
}

/* Write PID's maps; return the host UID of container root. */
static uid_t
write_maps(pid_t pid)
{
    unsigned long base = getuid();
    char path[64], map[64];
    uid_t uid = getuid();
    gid_t gid = getgid();

    if (geteuid() == 0) { /* container root: a UID of nobody's on the host */
        base = free_range();
        snprintf(map, sizeof(map), "0 %lu %d", base, REMAP_SIZE);
    } else {
        snprintf(path, sizeof(path), "/proc/%d/setgroups", (int)pid);
        map_write(path, "deny");
        snprintf(map, sizeof(map), "0 %d 1", (int)uid);
    }
    snprintf(path, sizeof(path), "/proc/%d/uid_map", (int)pid);
    map_write(path, map);
    if (geteuid() != 0)
        snprintf(map, sizeof(map), "0 %d 1", (int)gid);
    snprintf(path, sizeof(path), "/proc/%d/gid_map", (int)pid);
    map_write(path, map);
    say("user namespace: uid_map and gid_map '%s'", map);
    return (uid_t)base;
}

/* The limits, in this order in every array below: tasks (-p), memory
 * (-m) and CPU (-c), each set through its controller. */
enum { L_PIDS, L_MEMORY, L_CPU };
static const char *const ctrl[3] = {"pids", "memory", "cpu"};

/* Write limit I, of WANT, into the cgroup DIR of a v1 or v2 (VERSION)
 * hierarchy. The files differ between the two versions, but for pids. */
static int
write_limit(int i, const char *dir, int version, int want)
{
    switch (i) {
    case L_PIDS:
        return cg_write(dir, "pids.max", "%d", want);
    case L_MEMORY: /* in bytes */
        return cg_write(dir,
                        version == 2 ? "memory.max" : "memory.limit_in_bytes",
                        "%lld", (long long)want << 20);
    default: /* L_CPU: WANT% of one CPU, as a quota per 100 ms period */
        if (version == 2)
            return cg_write(dir, "cpu.max", "%d 100000", want * 1000);
        return cg_write(dir, "cpu.cfs_quota_us", "%d", want * 1000);
    }
}

/* Find the hierarchy of each limited controller, before anything runs:
 * on v1 each controller may have a hierarchy of its own, and -P names a
 * cgroup in one of them only. */
static void
find_limits(struct cg_hier h[3])
{
    int want[3], i, first = -1;

    /* No -p: a default task limit wherever we may make a cgroup, so that
     * a fork bomb inside cannot fill the host's process table. Where we
     * may not (rootless without a delegated cgroup), none: only the
     * user's RLIMIT_NPROC bounds it, as for any program they run. */
    if (opt.pids == -1) {
        opt.pids = 0;
        if (cg_find("pids", 0, &h[L_PIDS]) == 0 &&
            cg_usable(&h[L_PIDS], opt.parent))
            opt.pids = DEFAULT_PIDS;
        if (opt.pids != 0)
            say("limits: at most %d tasks, the default (-p 0: none)", opt.pids);
        else
            say("limits: no task limit: no cgroup with the pids controller "
                "that we may make");
    }
    want[L_PIDS] = opt.pids;
    want[L_MEMORY] = opt.mib;
    want[L_CPU] = opt.cpu;

    for (i = 0; i < 3; i++) {
        h[i].version = 0;
        if (want[i] == 0)
            continue;
        if (cg_find(ctrl[i], 0, &h[i]) == -1)
            fatal("no cgroup hierarchy holds the %s controller", ctrl[i]);
        if (first == -1)
            first = i;
        else if (opt.parent != NULL && strcmp(h[i].mount, h[first].mount) != 0)
            usage_err("-P names one cgroup, but %s and %s are in different "
                      "hierarchies (%s, %s): give one limit with -P",
                      ctrl[first], ctrl[i], h[first].mount, h[i].mount);
    }
}

/* Put PID under the limits. On v2 one cgroup holds them all: the first
 * limit's, which asks cg_create() for every controller wanted. On v1
 * each controller's hierarchy gets a cgroup of its own. DIRS[i] is the
 * cgroup of limit i ("" if none; on v2 the same path for all). */
static void
limit(pid_t pid, struct cg_hier h[3], char dirs[3][PATH_MAX])
{
    int want[3] = {
        [L_PIDS] = opt.pids, [L_MEMORY] = opt.mib, [L_CPU] = opt.cpu};
    int i, j, v2 = -1;

    for (i = 0; i < 3; i++) {
        dirs[i][0] = '\0';
        if (want[i] == 0)
            continue;
        if (h[i].version == 2 && v2 != -1) { /* the v2 cgroup made already */
            snprintf(dirs[i], PATH_MAX, "%s", dirs[v2]);
        } else {
            if (h[i].version == 2) {
                v2 = i;
                /* (h[i].want names ctrl[i]; the others go with it) */
                for (j = i + 1; j < 3; j++)
                    if (want[j] != 0 && h[j].version == 2)
                        snprintf(h[i].want + strlen(h[i].want),
                                 sizeof(h[i].want) - strlen(h[i].want), " %s",
                                 ctrl[j]);
            }
            cg_create(&h[i], opt.parent, dirs[i], PATH_MAX);
            if (cg_move(dirs[i], pid) == -1)
                err_exit("move the init into %s", dirs[i]);
        }
        if (write_limit(i, dirs[i], h[i].version, want[i]) == -1)
            err_exit("cgroup %s: set the %s limit", dirs[i], ctrl[i]);
        say("cgroup: %s, %s limited", dirs[i], ctrl[i]);
    }
}

/* As root, the device policy of isocon_dev.c: on v2 on the cgroup of the
 * limits (or one made for it); on v1 the devices controller has a
 * hierarchy of its own, where a cgroup is made for it below ours. DIR
 * gets a cgroup made here, to remove at the end, or "". */
static void
devices(pid_t pid, struct cg_hier h[3], char dirs[3][PATH_MAX], char *dir)
{
    static const char list[] = "null, zero, random, urandom, tty, pts/*";
    struct cg_hier hd;
    int i;

    dir[0] = '\0';
    if (!opt.rootful)
        return; /* the user namespace refuses mknod; every mount is nodev */
    for (i = 0; i < 3; i++)
        if (dirs[i][0] != '\0' && h[i].version == 2) {
            dev_policy_v2(dirs[i]);
            say("devices: %s allows only %s (a BPF program)", dirs[i], list);
            return;
        }
    if ((cg_find("devices", 1, &hd) == 0 || cg_find(NULL, 2, &hd) == 0) &&
        cg_usable(&hd, NULL)) {
        cg_create(&hd, NULL, dir, PATH_MAX);
        if (cg_move(dir, pid) == -1)
            err_exit("move the init into %s", dir);
        if (hd.version == 1)
            dev_policy_v1(dir);
        else
            dev_policy_v2(dir);
        say("devices: %s allows only %s (%s)", dir, list,
            hd.version == 1 ? "devices.allow" : "a BPF program");
        return;
    }
    say("devices: no device policy, no cgroup of ours to hold one (nodev "
        "still keeps the image's device nodes shut)");
}

/* Is DIRS[I] one of DIRS[0..I-1]? (On v2 the limits share a cgroup.) */
static int
named_before(char dirs[3][PATH_MAX], int i)
{
    int j;

    for (j = 0; j < i; j++)
        if (strcmp(dirs[j], dirs[i]) == 0)
            return 1;
    return 0;
}

static int
run(void)
{
    int pidfd = -1;
    /* CLONE_PIDFD: a pidfd of the init, in PIDFD, made with it, so that
     * the signals we pass on cannot reach another process. */
    struct clone_args args = {
        .flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC |
                 CLONE_NEWPID | CLONE_NEWNET | CLONE_PIDFD,
        .pidfd = (uint64_t)(uintptr_t)&pidfd,
        .exit_signal = SIGCHLD,
    };
    char dirs[3][PATH_MAX], devdir[PATH_MAX];
    struct cg_hier h[3];
    long long kills;
    int status, i;
    uid_t root_uid;
    pid_t pid;

    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP until forward_signals()
     * below takes those over (then we remove the cgroups ourselves). */
    cg_undo_on_exit();
    find_limits(h);
    tty_make(&opt.master, &opt.slave);
    /* A socket, not a pipe: the "go on" may carry a descriptor. */
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, opt.sync) == -1)
        err_exit("socketpair");
    fflush(stdout);
    /* clone3() without a stack of its own: the child goes on, like after
     * fork(), on a copy of ours, already in every new namespace. */
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3 with CLONE_NEWUSER and the other namespaces");
    if (pid == 0)
        container();
    say("container: init is PID %d here, PID 1 inside", (int)pid);
    close(opt.sync[0]);
    root_uid = write_maps(pid);
    if (opt.rootful && opt.layer_fd != -1)
        own_layer(opt.layer_fd, root_uid);
    if (opt.rootful) /* the maps are written: the mount may use them */
        opt.tree = idmapped_root(opt.root, &opt.root_id, pid);
    limit(pid, h, dirs); /* before the container runs anything */
    devices(pid, h, dirs, devdir);
    /* Signals to us go to the init (which replaces the cgroup removal
     * on SIGINT/SIGTERM/SIGHUP that cg_create() set up: we remove the
     * cgroups ourselves once the init has ended). */
    forward_signals(pidfd);
    if (send_fd(opt.sync[1], opt.tree) == -1)
        err_exit("send to the container");
    if (opt.tree != -1)
        close(opt.tree); /* the container has its own descriptor now */
    /* opt.sync[1] stays open while we live: see container(). */
    if (opt.master != -1) {
        close(opt.slave);
        tty_relay(opt.master); /* until the container's side is closed */
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    /* What the memory limit did, before its cgroup goes (v2, or v1). */
    if (dirs[L_MEMORY][0] != '\0') {
        kills = cg_key(dirs[L_MEMORY], "memory.events", "oom_kill");
        if (kills < 0)
            kills = cg_key(dirs[L_MEMORY], "memory.oom_control", "oom_kill");
        fprintf(stderr, "isocon: memory limit: %lld OOM kills\n", kills);
    }
    for (i = 0; i < 3; i++)
        if (dirs[i][0] != '\0' && !named_before(dirs, i) &&
            cg_remove(dirs[i]) == -1)
            err_warn("rmdir %s", dirs[i]);
    if (devdir[0] != '\0' && cg_remove(devdir) == -1)
        err_warn("rmdir %s", devdir);
    return child_exit_status(status);
}

/* ---- -x: join a running container ---- */

/* PID must be a container's init: PID 1 in a PID namespace below ours
 * (the last NSpid field of its status is 1), in a user namespace that is
 * not ours. Anything else, a host process above all, is refused: as root,
 * -x would otherwise run the command in that process's namespaces and
 * cgroups, with host root's privilege. */
static void
check_target(pid_t target)
{
    char pid[16], nspid[256], path[64], *last;
    struct stat ours, theirs;

    /* "NSpid: 4242 1": its PID in each PID namespace, ours first. */
    snprintf(pid, sizeof(pid), "%d", (int)target);
    if (proc_status_value(pid, "NSpid", nspid, sizeof(nspid)) == -1)
        err_exit("-x %d: /proc/%d/status", (int)target, (int)target);
    last = strrchr(nspid, '\t') != NULL ? strrchr(nspid, '\t') + 1 : nspid;
    snprintf(path, sizeof(path), "/proc/%d/ns/user", (int)target);
    if (strcmp(last, "1") != 0 || stat(path, &theirs) == -1 ||
        stat("/proc/self/ns/user", &ours) == -1 || theirs.st_ino == ours.st_ino)
        fatal("-x %d: not a container's init (PID 1 of a PID namespace, in a "
              "user namespace of its own); give the child of a running "
              "isocon: pgrep -P ISOCON_PID",
              (int)target);
}

static int
join(pid_t target)
{
    static const char *const types[] = {"user", "cgroup", "ipc", "uts",
                                        "net",  "pid",    "mnt", "time"};
    char path[64], line[PATH_MAX + 64], *p;
    struct stat ours[8], theirs;
    int fds[8], i, status;
    FILE *f;
    pid_t pid;

    check_target(target);
    /* Our terminal's stand-in, while the host's /dev/ptmx is in view. */
    tty_make(&opt.master, &opt.slave);
    /* Open all first: once in the mount namespace, /proc is another. */
    for (i = 0; i < 8; i++) {
        snprintf(path, sizeof(path), "/proc/%d/ns/%s", (int)target, types[i]);
        fds[i] = open(path, O_RDONLY | O_CLOEXEC);
        if (fds[i] == -1)
            err_exit("open %s", path);
        snprintf(path, sizeof(path), "/proc/self/ns/%s", types[i]);
        if (stat(path, &ours[i]) == -1)
            err_exit("stat %s", path);
    }
    /* Its cgroups: join them where we may (root), v2 or v1. */
    snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)target);
    f = fopen(path, "r");
    while (f != NULL && geteuid() == 0 && fgets(line, sizeof(line), f)) {
        struct cg_hier h;
        char dir[2 * PATH_MAX];
        char *ctrls = strchr(line, ':') + 1, *cg = strchr(ctrls, ':');

        *cg++ = '\0';
        cg[strcspn(cg, "\n")] = '\0';
        p = strchr(ctrls, ',');
        if (p != NULL)
            *p = '\0';
        if (cg_find(*ctrls ? ctrls : NULL, *ctrls ? 1 : 2, &h) == 0) {
            snprintf(dir, sizeof(dir), "%s%s", h.mount, cg);
            cg_move(dir, 0); /* where it fails, we stay: no harm */
        }
    }
    if (f != NULL)
        fclose(f);
    for (i = 0; i < 8; i++) {
        /* A namespace we are in already (the time namespace, without
         * -T) needs no joining, and may not be joinable from inside. */
        if (fstat(fds[i], &theirs) == 0 && theirs.st_ino == ours[i].st_ino &&
            theirs.st_dev == ours[i].st_dev) {
            close(fds[i]);
            continue;
        }
        if (setns(fds[i], 0) == -1)
            err_exit("setns %s", types[i]);
        close(fds[i]);
    }
    say("joined the namespaces of PID %d", (int)target);
    fflush(stdout);
    /* The PID namespace takes effect for children only. */
    pid = fork_forwarding();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        if (opt.master != -1)
            close(opt.master);
        tty_enter(opt.slave);
        if (setresgid(0, 0, 0) == -1 || setresuid(0, 0, 0) == -1 ||
            chdir("/") == -1)
            err_exit_child("become root in the container");
        if (opt.rootful && setgroups(0, NULL) == -1)
            err_exit_child("setgroups");
        lock_down(opt.filter);
        clean_environment();
        execvp(opt.cmd[0], opt.cmd);
        exec_failed(opt.cmd[0]);
    }
    if (opt.master != -1) {
        close(opt.slave);
        tty_relay(opt.master);
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}

/* Where the kernel's copy of our arguments and environment lies: the
 * strings argv[] and environ[] point to, one after the other. */
static void
find_args(int argc, char *argv[])
{
    char *end = argv[0];
    int i;

    for (i = 0; i < argc; i++)
        if (argv[i] + strlen(argv[i]) + 1 > end)
            end = argv[i] + strlen(argv[i]) + 1;
    for (i = 0; environ[i] != NULL; i++)
        if (environ[i] + strlen(environ[i]) + 1 > end)
            end = environ[i] + strlen(environ[i]) + 1;
    opt.args = argv[0];
    opt.args_len = (size_t)(end - argv[0]);
}

int
main(int argc, char *argv[])
{
    static char root[PATH_MAX], layer[PATH_MAX];
    char kit_root[PATH_MAX]; /* the default, before realpath() */
    int c;
    pid_t target = 0;

    find_args(argc, argv); /* before anything changes environ */
    opt.rootful = geteuid() == 0;
    while ((c = get_option(argc, argv, "+r:H:p:m:c:P:STwW:x:vh")) != -1) {
        switch (c) {
        case 'r':
            opt.root = optarg;
            break;
        case 'H':
            opt.hostname = optarg;
            if (strlen(optarg) > HOST_NAME_MAX || *optarg == '\0')
                usage_err("-H: a hostname of 1 to %d characters",
                          HOST_NAME_MAX);
            break;
        case 'p':
            opt.pids = parse_ll(optarg, 10, 0, 1000000, "-p");
            break;
        case 'm':
            opt.mib = parse_ll(optarg, 10, 4, 1 << 20, "-m");
            break;
        case 'c':
            opt.cpu = parse_ll(optarg, 10, 1, 100 * 1024, "-c");
            break;
        case 'P':
            opt.parent = optarg;
            break;
        case 'S':
            opt.filter = 0;
            break;
        case 'T':
            opt.timens = 1;
            break;
        case 'w':
            opt.writable = 1;
            break;
        case 'W':
            opt.writable = 1;
            opt.layer = optarg;
            break;
        case 'x':
            target = parse_ll(optarg, 10, 1, INT32_MAX, "-x");
            break;
        case 'v':
            isocon_verbose = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);
    opt.cmd = &argv[optind];
    if (target != 0)
        return join(target);

    /* The default root: build/rootfs beside this program's directory. */
    if (opt.root == NULL)
        opt.root = beside_self("../build/rootfs", kit_root, sizeof(kit_root));
    /* (Into another buffer: realpath()'s arguments may not overlap.) */
    if (realpath(opt.root, root) == NULL)
        err_exit("%s (make rootfs builds one)", opt.root);
    opt.root = root;
    /* Which directory that is (device and inode): the container binds
     * only this very one. */
    if (stat(root, &opt.root_id) == -1)
        err_exit("stat %s", root);
    if (!S_ISDIR(opt.root_id.st_mode))
        fatal("%s: not a directory", root);
    if (opt.layer != NULL) {
        /* The container opens it again from inside the root: by its
         * absolute path. */
        if (realpath(opt.layer, layer) == NULL)
            err_exit("-W %s", opt.layer);
        opt.layer = layer;
        opt.layer_fd = open_layer(opt.layer, &opt.layer_id);
    }
    return run();
}
