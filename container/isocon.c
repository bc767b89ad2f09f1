// SPDX-License-Identifier: MIT
/*
 * isocon - a small container runtime made of the course's pieces
 *
 * Demonstrates: every chapter at once. A command runs in a container of:
 *   - a user namespace (rootless: our UID is root inside; run by root,
 *     container root is host UID 100000, never host root), maps written
 *     by the parent, setgroups denied when rootless;
 *   - new mount, UTS, IPC, PID, network and cgroup namespaces, made at
 *     once by clone3() (and time with -T); the network has only lo, up;
 *   - a busybox root, read-only, entered with pivot_root, the old root
 *     detached, /proc mounted for the new PID namespace with its
 *     sensitive parts read-only or masked, a minimal /dev, a /tmp of its
 *     own, no /sys;
 *   - an init (PID 1) that forwards signals to the command, reaps
 *     orphans and returns the command's exit status; isocon forwards
 *     signals to the init, and the init dies with isocon;
 *   - cgroup limits (pids, memory, cpu) in v2 or v1, removed at the end
 *     (they need root, or a delegated cgroup: -P); with -m, the number
 *     of OOM kills is reported on stderr at the end;
 *   - the bounding set a mainstream runtime keeps, no_new_privs, and a
 *     seccomp filter that refuses what a container should not do;
 *   - no descriptor beyond 0-2 and no working directory from the host.
 * -x PID runs another command in the running container whose init is
 * PID: it joins every namespace and the cgroup, and takes the same
 * bounding set, no_new_privs and filter.
 *
 * Usage: isocon [-v] [-S] [-T] [-r ROOT] [-H HOSTNAME] [-p PIDS] [-m MIB]
 *               [-c PERCENT] [-P PARENT] [--] CMD [ARG...]
 *        isocon [-v] [-S] -x PID [--] CMD [ARG...]
 *   -r ROOT      the root file system (../build/rootfs: make rootfs)
 *   -H HOSTNAME  the container's hostname (isocon)
 *   -p -m -c     limits: tasks, memory in MiB, CPU in percent of one CPU
 *   -P PARENT    the cgroup to make the container's below (our own)
 *   -S           no seccomp filter     -T  a time namespace too
 *   -x PID       join the container whose init is PID
 *   -v           say each step (for a live demo)
 *
 * Try:
 *     $ make rootfs
 *     $ container/isocon -v sh -c 'hostname; id; ps; ls /'
 *     $ container/isocon -p 20 sh      # then a fork bomb: :(){ :|:& };:
 *     $ container/isocon sleep 300 &
 *     $ container/isocon -x $(pgrep -P $!) ps   # $!'s child is the init
 *   Observe: hostname isocon, PID 1, only the container's processes,
 *   the busybox root; container/README.md has the table of escape
 *   attempts and what stops each.
 *
 * Needs: unprivileged user namespaces (or root); root or a delegated
 * cgroup for the limits; Linux 5.9 (close_range).
 *
 * See also: every chapter; user_namespaces(7), pivot_root(2), seccomp(2),
 * capabilities(7), cgroups(7); the capstone, after course chapter 26.
 */
#define _GNU_SOURCE /* clone(), setns(), CLONE_NEW* */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h> /* TIOCSTI */
#include <unistd.h>

#include "cgroup.h"
#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: isocon [-v] [-S] [-T] [-r ROOT] [-H HOSTNAME] [-p PIDS] "
    "[-m MIB]\n"
    "              [-c PERCENT] [-P PARENT] [--] CMD [ARG...]\n"
    "       isocon [-v] [-S] -x PID [--] CMD [ARG...]\n"
    "  -r ROOT      the root file system (../build/rootfs: make rootfs)\n"
    "  -H HOSTNAME  the container's hostname (isocon)\n"
    "  -p -m -c     limits: tasks, memory in MiB, CPU in percent\n"
    "  -P PARENT    the cgroup to make the container's below\n"
    "  -S           no seccomp filter     -T  a time namespace too\n"
    "  -x PID       join the container whose init is PID\n"
    "  -v           say each step\n";

#define REMAP_BASE 100000 /* container root, when run by root */
#define REMAP_SIZE 65536

static struct {
    const char *root, *hostname, *parent;
    int verbose, filter, timens, pids, mib, cpu;
    char **cmd;
    int sync[2]; /* parent -> child: "maps written, go on" */
} opt = {.hostname = "isocon", .filter = 1};

static void say(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* With -v, narrate a step on stderr. */
static void
say(const char *fmt, ...)
{
    va_list ap;

    if (!opt.verbose)
        return;
    fprintf(stderr, "isocon: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
}

/* ---- security: the bounding set, no_new_privs, the filter ---- */

/* Docker's default capabilities: everything else leaves the bounding
 * set, so no execve() in the container can ever regain it. */
static const cap_value_t kept_caps[] = {
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
        for (i = 0; i < sizeof(kept_caps) / sizeof(kept_caps[0]); i++)
            if (kept_caps[i] == cap)
                break;
        if (i == sizeof(kept_caps) / sizeof(kept_caps[0]) &&
            prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == -1)
            err_exit_child("prctl PR_CAPBSET_DROP %d", cap);
    }
}

/* The calls a container has no business making: EPERM (clone3 ENOSYS,
 * so that the C library falls back to clone, whose flags we can see). */
static const char *const denied[] = {
    "unshare",
    "setns",
    "mount",
    "umount2",
    "pivot_root",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsmount",
    "fspick",
    "mount_setattr",
    "keyctl",
    "add_key",
    "request_key",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "open_by_handle_at",
    "name_to_handle_at",
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "reboot",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "syslog",
    "vhangup",
    "iopl",
    "ioperm",
    "personality",
    "lookup_dcookie",
    "fanotify_init",
};

static void
deny(scmp_filter_ctx ctx, int nr, int err, unsigned int nargs,
     struct scmp_arg_cmp cmp)
{
    int rc = nargs ? seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 1, cmp)
                   : seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 0);

    if (rc != 0 && rc != -EDOM) /* EDOM: not on this architecture */
        err_exit_en(-rc, "seccomp_rule_add %d", nr);
}

static void
install_filter(void)
{
    const unsigned long ns = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC |
                             CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET |
                             CLONE_NEWCGROUP;
    struct scmp_arg_cmp none = {0};
    scmp_filter_ctx ctx;
    size_t i;
    int nr, bit, rc;

    ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (ctx == NULL)
        fatal("seccomp_init failed");
    for (i = 0; i < sizeof(denied) / sizeof(denied[0]); i++) {
        nr = seccomp_syscall_resolve_name(denied[i]);
        if (nr != __NR_SCMP_ERROR)
            deny(ctx, nr, EPERM, 0, none);
    }
    deny(ctx, SCMP_SYS(clone3), ENOSYS, 0, none);
    for (bit = 0; bit < 64; bit++) /* clone with any CLONE_NEW* flag */
        if (ns & (1UL << bit))
            deny(ctx, SCMP_SYS(clone), EPERM, 1,
                 SCMP_A0(SCMP_CMP_MASKED_EQ, 1UL << bit, 1UL << bit));
    /* Typing into the terminal of the session outside (TIOCSTI) and the
     * console's own requests (TIOCLINUX). */
    deny(ctx, SCMP_SYS(ioctl), EPERM, 1,
         SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffff, TIOCSTI));
    deny(ctx, SCMP_SYS(ioctl), EPERM, 1,
         SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffff, TIOCLINUX));
    rc = seccomp_load(ctx); /* sets no_new_privs too */
    if (rc != 0)
        err_exit_en(-rc, "seccomp_load");
    seccomp_release(ctx);
}

/* What every process in the container gets before it runs a command. */
static void
lock_down(void)
{
    drop_bounding();
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
        err_exit_child("prctl PR_SET_NO_NEW_PRIVS");
    if (opt.filter)
        install_filter();
    /* Nothing of the host's descriptors beyond stdin, stdout, stderr. */
    if (syscall(SYS_close_range, 3, ~0U, 0) == -1)
        err_exit_child("close_range");
}

/* ---- the file system: root, /proc, /dev, pivot_root ---- */

static void
mnt(const char *src, const char *dst, const char *type, unsigned long flags,
    const char *data)
{
    if (mount(src, dst, type, flags, data) == -1)
        err_exit_child("mount %s on %s", src != NULL ? src : "(none)", dst);
}

/* Bind PATH onto itself and make it read-only, keeping its flags. */
static void
read_only(const char *path)
{
    struct stat sb;

    if (stat(path, &sb) == -1)
        return; /* not on this kernel */
    mnt(path, path, NULL, MS_BIND | MS_REC, NULL);
    mnt(NULL, path, NULL,
        MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
        NULL);
}

/* Hide PATH: /dev/null over a file, an empty read-only tmpfs over a
 * directory. */
static void
mask(const char *path)
{
    struct stat sb;

    if (stat(path, &sb) == -1)
        return;
    if (S_ISDIR(sb.st_mode))
        mnt("tmpfs", path, "tmpfs", MS_RDONLY, "size=0");
    else
        mnt("/dev/null", path, NULL, MS_BIND, NULL);
}

static void
set_up_root(void)
{
    static const char *const devs[] = {"null", "zero", "random", "urandom",
                                       "tty"};
    static const char *const ro[] = {"/proc/sys", "/proc/sysrq-trigger",
                                     "/proc/irq", "/proc/bus", "/proc/fs"};
    static const char *const masked[] = {"/proc/kcore",      "/proc/keys",
                                         "/proc/timer_list", "/proc/acpi",
                                         "/proc/scsi",       "/proc/kallsyms"};
    char path[PATH_MAX + 64];
    size_t i;

    /* Nothing we mount may reach the host: private first. */
    mnt(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
    /* pivot_root needs the new root to be a mount point. */
    mnt(opt.root, opt.root, NULL, MS_BIND | MS_REC, NULL);
    if (chdir(opt.root) == -1)
        err_exit_child("chdir %s", opt.root);

    /* /proc for our PID namespace, while the host's /proc is still in
     * view (the kernel lets a user namespace mount proc only then). */
    mnt("proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    /* /dev: a tmpfs with the harmless devices bound in from the host. */
    mnt("tmpfs", "dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=755,size=64k");
    for (i = 0; i < sizeof(devs) / sizeof(devs[0]); i++) {
        snprintf(path, sizeof(path), "dev/%s", devs[i]);
        close(open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0666));
        snprintf(path, sizeof(path), "/dev/%s", devs[i]);
        if (mount(path, path + 1, NULL, MS_BIND, NULL) == -1)
            say("no %s: %s", path, strerror(errno));
    }
    if (symlink("/proc/self/fd", "dev/fd") == -1)
        err_exit_child("symlink dev/fd");
    /* A /tmp of its own, and the shared root read-only: what one
     * container writes, the next one never sees. */
    mnt("tmpfs", "tmp", "tmpfs", MS_NODEV, "mode=1777,size=64m");
    mnt(NULL, ".", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL);

    if (syscall(SYS_pivot_root, ".", "oldroot") == -1)
        err_exit_child("pivot_root");
    if (chdir("/") == -1)
        err_exit_child("chdir /");
    if (umount2("/oldroot", MNT_DETACH) == -1)
        err_exit_child("umount /oldroot");
    say("root: pivot_root into %s; the old root detached", opt.root);

    for (i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
        read_only(ro[i]);
    for (i = 0; i < sizeof(masked) / sizeof(masked[0]); i++)
        mask(masked[i]);
    say("/proc: /proc/sys and friends read-only, kcore and keys masked");
}

static void
loopback_up(void)
{
    struct ifreq ifr = {0};
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

    if (fd == -1)
        err_exit_child("socket");
    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "lo");
    if (ioctl(fd, SIOCGIFFLAGS, &ifr) == -1)
        err_exit_child("SIOCGIFFLAGS lo");
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(fd, SIOCSIFFLAGS, &ifr) == -1)
        err_exit_child("SIOCSIFFLAGS lo");
    close(fd);
}

/* ---- signals: passed on, from isocon to init, from init to the command ---- */

/* What a terminal, a service manager or kill(1) sends to stop a program
 * or talk to it. Both isocon and the container's init catch these and
 * hand them on, so that Ctrl-C or "kill PID-of-isocon" reaches the
 * command; its exit status then comes back the same way. */
static const int forwarded[] = {SIGTERM, SIGINT,  SIGHUP,
                                SIGQUIT, SIGUSR1, SIGUSR2};
#define NFORWARDED (sizeof(forwarded) / sizeof(forwarded[0]))

static volatile sig_atomic_t forward_to; /* the PID to pass them on to */

static void
forward(int sig)
{
    int saved = errno;

    kill((pid_t)forward_to, sig); /* async-signal-safe */
    errno = saved;
}

/* From now on, pass the forwarded signals on to PID. SA_RESTART: our
 * waitpid() just goes on waiting for PID to end. */
static void
forward_signals(pid_t pid)
{
    struct sigaction sa = {.sa_handler = forward, .sa_flags = SA_RESTART};
    size_t i;

    forward_to = pid;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < NFORWARDED; i++)
        if (sigaction(forwarded[i], &sa, NULL) == -1)
            err_exit("sigaction");
}

/* fork(), and in the parent pass the forwarded signals on to the child.
 * They are held back until then, so that none arriving in between is
 * lost or kills us (a blocked signal waits; PID 1 of a namespace drops
 * one it has no handler for). The child starts with our old mask. */
static pid_t
fork_forwarding(void)
{
    sigset_t set, old;
    pid_t pid;
    size_t i;

    sigemptyset(&set);
    for (i = 0; i < NFORWARDED; i++)
        sigaddset(&set, forwarded[i]);
    sigprocmask(SIG_BLOCK, &set, &old);
    pid = fork();
    if (pid > 0)
        forward_signals(pid);
    sigprocmask(SIG_SETMASK, &old, NULL); /* errno stays fork()'s */
    return pid;
}

/* ---- init: PID 1 of the container ---- */

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
    char byte;

    close(opt.sync[1]);
    if (read(opt.sync[0], &byte, 1) != 1) /* the parent failed */
        _exit(EXIT_FAILURE);
    if (setresgid(0, 0, 0) == -1 || setresuid(0, 0, 0) == -1)
        err_exit_child("become root of the user namespace");
    /* If isocon dies, even by SIGKILL, the container dies with it. Set
     * after the UID change, which clears it. The parent keeps its end
     * of the pipe open while it lives: a hang-up means it died before
     * the setting took hold. */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1)
        err_exit_child("PR_SET_PDEATHSIG");
    if (poll(&(struct pollfd){.fd = opt.sync[0], .events = POLLIN}, 1, 0) != 0)
        _exit(EXIT_FAILURE);
    close(opt.sync[0]);
    if (sethostname(opt.hostname, strlen(opt.hostname)) == -1)
        err_exit_child("sethostname");
    set_up_root();
    loopback_up();
    say("network: lo up, nothing else");
    if (opt.timens && unshare(CLONE_NEWTIME) == -1)
        err_exit_child("unshare CLONE_NEWTIME");
    lock_down();
    say("locked: %zu capabilities in the bounding set, no_new_privs, %s",
        sizeof(kept_caps) / sizeof(kept_caps[0]),
        opt.filter ? "seccomp filter" : "no seccomp filter (-S)");
    run_init();
}

/* ---- the parent: maps, cgroup, waiting ---- */

static void
write_maps(pid_t pid)
{
    char path[64], map[64];
    uid_t uid = getuid();
    gid_t gid = getgid();

    if (geteuid() == 0) { /* container root: a UID of nobody's on the host */
        snprintf(map, sizeof(map), "0 %d %d", REMAP_BASE, REMAP_SIZE);
    } else {
        snprintf(path, sizeof(path), "/proc/%d/setgroups", (int)pid);
        if (write_file(path, "deny") == -1)
            err_exit("write %s", path);
        snprintf(map, sizeof(map), "0 %d 1", (int)uid);
    }
    snprintf(path, sizeof(path), "/proc/%d/uid_map", (int)pid);
    if (write_file(path, map) == -1)
        err_exit("write %s", path);
    if (geteuid() != 0)
        snprintf(map, sizeof(map), "0 %d 1", (int)gid);
    snprintf(path, sizeof(path), "/proc/%d/gid_map", (int)pid);
    if (write_file(path, map) == -1)
        err_exit("write %s", path);
    say("user namespace: uid_map and gid_map '%s'", map);
}

/* One cgroup per limited controller; each path in DIRS[i] ("" if none). */
static void
limit(pid_t pid, char dirs[3][PATH_MAX])
{
    static const char *const ctrl[] = {"pids", "memory", "cpu"};
    int want[3] = {opt.pids, opt.mib, opt.cpu}, i, rc;
    struct cg_hier h;

    for (i = 0; i < 3; i++) {
        dirs[i][0] = '\0';
        if (want[i] == 0)
            continue;
        if (cg_find(ctrl[i], 0, &h) == -1)
            fatal("no cgroup hierarchy holds the %s controller", ctrl[i]);
        cg_create(&h, opt.parent, dirs[i], PATH_MAX);
        if (i == 0)
            rc = cg_write(dirs[i], "pids.max", "%d", want[i]);
        else if (i == 1)
            rc = cg_write(dirs[i],
                          h.version == 2 ? "memory.max"
                                         : "memory.limit_in_bytes",
                          "%lld", (long long)want[i] << 20);
        else if (h.version == 2)
            rc = cg_write(dirs[i], "cpu.max", "%d 100000", want[i] * 1000);
        else
            rc = cg_write(dirs[i], "cpu.cfs_quota_us", "%d", want[i] * 1000);
        if (rc == -1 || cg_move(dirs[i], pid) == -1)
            err_exit("cgroup %s", dirs[i]);
        say("cgroup: %s, %s limited", dirs[i], ctrl[i]);
    }
}

static int
run(void)
{
    struct clone_args args = {
        .flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC |
                 CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP,
        .exit_signal = SIGCHLD,
    };
    char dirs[3][PATH_MAX];
    long long kills;
    int status, i;
    pid_t pid;

    if (pipe2(opt.sync, O_CLOEXEC) == -1)
        err_exit("pipe2");
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
    write_maps(pid);
    limit(pid, dirs); /* before the container runs anything */
    /* Signals to us go to the init (which replaces the cgroup removal
     * on SIGINT/SIGTERM/SIGHUP that cg_create() set up: we remove the
     * cgroups ourselves once the init has ended). */
    forward_signals(pid);
    if (write(opt.sync[1], "", 1) != 1)
        err_exit("write");
    /* opt.sync[1] stays open while we live: see container(). */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    /* What the memory limit did, before its cgroup goes (v2, or v1). */
    if (dirs[1][0] != '\0') {
        kills = cg_key(dirs[1], "memory.events", "oom_kill");
        if (kills < 0)
            kills = cg_key(dirs[1], "memory.oom_control", "oom_kill");
        fprintf(stderr, "isocon: memory limit: %lld OOM kills\n", kills);
    }
    for (i = 0; i < 3; i++)
        if (dirs[i][0] != '\0' && cg_remove(dirs[i]) == -1)
            err_warn("rmdir %s", dirs[i]);
    return child_exit_status(status);
}

/* ---- -x: join a running container ---- */

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
        if (setresgid(0, 0, 0) == -1 || setresuid(0, 0, 0) == -1 ||
            chdir("/") == -1)
            err_exit_child("become root in the container");
        lock_down();
        execvp(opt.cmd[0], opt.cmd);
        exec_failed(opt.cmd[0]);
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}

int
main(int argc, char *argv[])
{
    static char root[PATH_MAX];
    int c;
    pid_t target = 0;

    while ((c = getopt(argc, argv, "+r:H:p:m:c:P:STx:vh")) != -1) {
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
            opt.pids = parse_ll(optarg, 10, 1, 1000000, "-p");
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
        case 'x':
            target = parse_ll(optarg, 10, 1, INT32_MAX, "-x");
            break;
        case 'v':
            opt.verbose = 1;
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
    if (opt.root == NULL) {
        ssize_t n = readlink("/proc/self/exe", root, sizeof(root) - 32);

        if (n == -1)
            err_exit("readlink /proc/self/exe");
        root[n] = '\0';
        *strrchr(root, '/') = '\0';
        strcat(root, "/../build/rootfs");
        opt.root = root;
    }
    if (realpath(opt.root, root) == NULL)
        err_exit("%s (make rootfs builds one)", opt.root);
    opt.root = root;
    return run();
}
