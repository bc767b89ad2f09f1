// SPDX-License-Identifier: MIT
/*
 * escape_probe - try the ways out of a container, one by one
 *
 * Demonstrates: what a container's layers stop. Each VECTOR is one
 * classic escape or privilege attempt, made for real from inside; the
 * program prints "VECTOR: refused (ENAME)" when the kernel says no and
 * "VECTOR: ALLOWED" when it does not. It is linked statically and copied
 * into the container root by make rootfs (the root has no C library).
 *
 * Usage: escape_probe VECTOR...      (or: escape_probe all)
 *   unshare clone clone3 setns mount umount pivot_root fsopen chroot
 *   handle proc_sys sysrq core_pattern mknod keyctl ptrace vm_readv
 *   tiocsti cgroup_v1 module bpf perf userfaultfd io_uring reboot clock
 *   suid fds cwd
 *
 * Try:
 *     $ container/isocon /bin/escape_probe all
 *     unshare: refused (EPERM)
 *     ...
 *     $ container/isocon -S /bin/escape_probe unshare keyctl
 *   Observe: with -S (no filter) some attempts get further, and other
 *   layers (the user namespace, capabilities) still stop most of them.
 *   The exit status is 1 if any attempt was allowed.
 *
 * Needs: to be run inside the container (outside, as root, much of it
 * would be allowed: that is the point).
 *
 * See also: container/README.md (the table of vectors and layers);
 * the capstone, after course chapter 26.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h> /* struct clone_args */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static const char usage_text[] =
    "Usage: escape_probe VECTOR...      (or: escape_probe all)\n";

static int allowed;

/* RET is the call's result: -1 with errno is a refusal. */
static void
verdict(const char *vector, long ret)
{
    int saved = errno;

    const char *name;

    if (ret == -1) {
        name = strerrorname_np(saved);
        printf("%s: refused (%s)\n", vector, name != NULL ? name : "?");
    } else {
        printf("%s: ALLOWED\n", vector);
        allowed = 1;
    }
}

/* Open PATH for writing and write a byte: the refusal is at either. */
static long
write_to(const char *path)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    long ret;

    if (fd == -1)
        return -1;
    ret = write(fd, "\n", 1);
    close(fd);
    return ret;
}

/* A child made with FLAGS by the raw clone(), or clone3() when 3. */
static long
new_child(unsigned long flags, int three)
{
    struct clone_args ca = {.flags = flags, .exit_signal = SIGCHLD};
    long pid = three ? syscall(SYS_clone3, &ca, sizeof(ca))
                     : syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);

    if (pid == 0)
        _exit(0);
    if (pid > 0)
        waitpid(pid, NULL, 0);
    return pid > 0 ? 0 : -1;
}

/* Climb out of a chroot with "..": is "/" then still ours? */
static long
chroot_climb(void)
{
    struct stat before, after;
    int i;

    if (stat("/", &before) == -1 || mkdir("/tmp/jail", 0700) == -1 ||
        chroot("/tmp/jail") == -1)
        return -1;
    for (i = 0; i < 64; i++)
        if (chdir("..") == -1)
            return -1;
    if (chroot(".") == -1 || stat("/", &after) == -1)
        return -1;
    if (after.st_dev == before.st_dev && after.st_ino == before.st_ino) {
        errno = ENOENT; /* back at our own root: nothing above it */
        return -1;
    }
    return 0;
}

/* A set-UID-root copy of ourselves, run as UID 1000: euid 0 in it? */
static long
suid_gain(void)
{
    char self[] = "/proc/self/exe", copy[] = "/tmp/suid-probe", buf[65536];
    int in, out, status;
    ssize_t n;
    pid_t pid;

    in = open(self, O_RDONLY);
    out = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 04755);
    if (in == -1 || out == -1)
        return -1;
    while ((n = read(in, buf, sizeof(buf))) > 0)
        if (write(out, buf, n) != n)
            return -1;
    close(in);
    close(out);
    if (chmod(copy, 04755) == -1)
        return -1;
    pid = fork();
    if (pid == 0) {
        if (setresgid(1000, 1000, 1000) == -1 ||
            setresuid(1000, 1000, 1000) == -1)
            _exit(2);
        execl(copy, "escape_probe", "euid0", (char *)NULL);
        _exit(2);
    }
    if (pid == -1 || waitpid(pid, &status, 0) == -1)
        return -1;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0; /* the copy ran with effective UID 0 */
    errno = EPERM;
    return -1;
}

/* Any descriptor beyond 0, 1, 2 (and the one reading the list)? */
static long
leaked_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    int n = 0;

    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' && atoi(e->d_name) > 2 &&
            atoi(e->d_name) != dirfd(d))
            n++;
    closedir(d);
    errno = EBADF;
    return n > 0 ? 0 : -1;
}

static long
try(const char *v)
{
    struct iovec local = {&allowed, 1}, remote = {&allowed, 1};
    char cwd[4096], handle[128] = {0};
    struct timespec now;
    int fd;

    if (!strcmp(v, "unshare"))
        return unshare(CLONE_NEWUSER);
    if (!strcmp(v, "clone"))
        return new_child(CLONE_NEWUSER, 0);
    if (!strcmp(v, "clone3"))
        return new_child(CLONE_NEWUSER, 1);
    if (!strcmp(v, "setns")) {
        fd = open("/proc/1/ns/uts", O_RDONLY | O_CLOEXEC);
        return fd == -1 ? -1 : setns(fd, 0);
    }
    if (!strcmp(v, "mount"))
        return mount("tmpfs", "/tmp", "tmpfs", 0, NULL);
    if (!strcmp(v, "umount"))
        return umount2("/proc/sys", MNT_DETACH);
    if (!strcmp(v, "pivot_root"))
        return syscall(SYS_pivot_root, "/", "/tmp");
    if (!strcmp(v, "fsopen"))
        return syscall(SYS_fsopen, "tmpfs", 0);
    if (!strcmp(v, "chroot"))
        return chroot_climb();
    if (!strcmp(v, "handle")) /* the "shocker" attack */
        return syscall(SYS_open_by_handle_at, AT_FDCWD, handle, O_RDONLY);
    if (!strcmp(v, "proc_sys"))
        return write_to("/proc/sys/kernel/hostname");
    if (!strcmp(v, "sysrq"))
        return write_to("/proc/sysrq-trigger");
    if (!strcmp(v, "core_pattern"))
        return write_to("/proc/sys/kernel/core_pattern");
    if (!strcmp(v, "mknod"))
        return mknod("/tmp/sda", S_IFBLK | 0600, makedev(8, 0));
    if (!strcmp(v, "keyctl"))
        return syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3, 0);
    if (!strcmp(v, "ptrace"))
        return ptrace(PTRACE_ATTACH, 1, NULL, NULL);
    if (!strcmp(v, "vm_readv"))
        return process_vm_readv(1, &local, 1, &remote, 1, 0);
    if (!strcmp(v, "tiocsti"))
        return ioctl(STDIN_FILENO, TIOCSTI, "x");
    if (!strcmp(v, "cgroup_v1")) { /* to set a release_agent */
        mkdir("/tmp/cg", 0755);
        return mount("cgroup", "/tmp/cg", "cgroup", 0, "rdma");
    }
    if (!strcmp(v, "module"))
        return syscall(SYS_finit_module, -1, "", 0);
    if (!strcmp(v, "bpf"))
        return syscall(SYS_bpf, 0 /* BPF_MAP_CREATE */, handle, 64);
    if (!strcmp(v, "perf"))
        return syscall(SYS_perf_event_open, handle, 0, -1, -1, 0);
    if (!strcmp(v, "userfaultfd"))
        return syscall(SYS_userfaultfd, 0);
    if (!strcmp(v, "io_uring"))
        return syscall(SYS_io_uring_setup, 1, handle);
    if (!strcmp(v, "reboot"))
        return syscall(SYS_reboot, 0xfee1dead, 672274793, 0x4321fedc, NULL);
    if (!strcmp(v, "clock")) {
        clock_gettime(CLOCK_REALTIME, &now);
        return clock_settime(CLOCK_REALTIME, &now);
    }
    if (!strcmp(v, "suid"))
        return suid_gain();
    if (!strcmp(v, "fds"))
        return leaked_fds();
    if (!strcmp(v, "cwd")) { /* a host directory is "(unreachable)" */
        if (getcwd(cwd, sizeof(cwd)) == NULL)
            return -1;
        errno = ENOENT;
        return cwd[0] == '/' ? -1 : 0;
    }
    fprintf(stderr, "escape_probe: no vector '%s'\n%s", v, usage_text);
    exit(2);
}

/* Each attempt in a child of its own: one that worked (a chroot, a new
 * user namespace) must not change what the next one finds. */
static void
one(const char *vector)
{
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        verdict(vector, try(vector));
        _exit(allowed ? 1 : 0);
    }
    if (pid == -1 || waitpid(pid, &status, 0) == -1) {
        perror("escape_probe: fork");
        exit(2);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 2)
        exit(2); /* no such vector */
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        allowed = 1;
}

int
main(int argc, char *argv[])
{
    static const char *const all[] = {
        "unshare",      "clone",  "clone3", "setns",  "mount",       "umount",
        "pivot_root",   "fsopen", "chroot", "handle", "proc_sys",    "sysrq",
        "core_pattern", "mknod",  "keyctl", "ptrace", "vm_readv",    "tiocsti",
        "cgroup_v1",    "module", "bpf",    "perf",   "userfaultfd", "io_uring",
        "reboot",       "clock",  "suid",   "fds",    "cwd"};
    size_t i;
    int a;

    if (argc == 2 && strcmp(argv[1], "euid0") == 0) /* the suid copy */
        return geteuid() == 0 ? 0 : 1;
    if (argc < 2 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_text, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "all") != 0) {
            one(argv[a]);
            continue;
        }
        for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
            one(all[i]);
    }
    return allowed ? 1 : 0;
}
