// SPDX-License-Identifier: MIT
/*
 * escape_probe - try the ways out of a container, one by one
 *
 * Demonstrates: what a container's layers stop. Each VECTOR is one
 * classic escape or privilege attempt, made from inside; the program
 * prints "VECTOR: refused (ENAME)" when the kernel says no and "VECTOR:
 * ALLOWED" when it does not. Every attempt is made so that it changes
 * nothing even where it is allowed: it asks the kernel the question
 * (the permission check comes first) and makes the call fail just after
 * it (an invalid reboot magic, an unknown file system type, a file opened
 * but never written, a NULL character for TIOCSTI), or works in a
 * directory or mount namespace of its own that it removes. It is linked statically and copied into the
 * container root by make rootfs (the root has no C library).
 *
 * Usage: escape_probe [-f] VECTOR...      (or: escape_probe [-f] all)
 *   -f  run outside a container too (in the initial user namespace),
 *       where as root most attempts are ALLOWED: that is the point
 *   unshare clone clone3 setns mount umount pivot_root fsopen chroot
 *   handle proc_sys sysrq core_pattern mknod keyctl ptrace vm_readv
 *   tiocsti ldisc cgroup_v1 module bpf perf userfaultfd io_uring reboot clock
 *   suid fds cwd
 *
 * Try (at the top of the kit):
 *     $ container/isocon /bin/escape_probe all
 *     unshare: refused (EPERM)
 *     ...
 *     $ container/isocon -S /bin/escape_probe unshare keyctl
 *     unshare: ALLOWED
 *     keyctl: ALLOWED
 *     $ sudo container/escape_probe -f mount reboot   # the host, as root
 *     mount: ALLOWED
 *     reboot: ALLOWED
 *   Observe: with -S (no filter) some attempts get further, and other
 *   layers (the user namespace, capabilities) still stop most of them;
 *   on the host, root may do them all (and nothing is mounted, nor
 *   rebooted: the calls fail just after their permission check).
 *   The exit status is 1 if any attempt was allowed.
 *
 * Needs: to be run inside a container: in the initial user namespace it
 * refuses (exit 2) unless given -f.
 *
 * See also: container/README.md (the table of vectors and layers); the
 * capstone, after course chapter 26; TLPI 38 (writing secure privileged
 * programs), for the attacker's view; the APIs are in the chapters' headers.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <ctype.h>
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
#include <sys/timex.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static const char usage_text[] =
    "Usage: escape_probe [-f] VECTOR...      (or: escape_probe [-f] all)\n"
    "  -f  run outside a container too (every attempt is harmless)\n";

/* A private directory for the attempts that make a file; removed. */
static char scratch[] = "/tmp/isolab-probe.XXXXXX";

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

/* Open PATH for writing, and write nothing: the permission is checked
 * at open(2), and a write would change the machine where it is allowed. */
static long
open_for_write(const char *path)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);

    if (fd == -1)
        return -1;
    close(fd);
    return 0;
}

/* RET, with the error ALLOWED_ERRNO counted as allowed: the call got
 * past its permission check and failed only on the harmless argument we
 * gave it on purpose. */
static long
past_check(long ret, int allowed_errno)
{
    return ret == -1 && errno == allowed_errno ? 0 : ret;
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

    char jail[sizeof(scratch) + 8];

    snprintf(jail, sizeof(jail), "%s/jail", scratch);
    if (stat("/", &before) == -1 || mkdir(jail, 0700) == -1 ||
        chroot(jail) == -1)
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

/* A set-UID-root copy of ourselves, run as UID 1000: euid 0 in it? The
 * copy lies in our private directory (0700), so no one else can reach
 * it; UID 1000 runs it through a descriptor (execveat), which needs no
 * search permission on the directory. */
static long
suid_gain(void)
{
    char copy[sizeof(scratch) + 16], buf[65536];
    char *const args[] = {"escape_probe", "euid0", NULL}, *const env[] = {NULL};
    int in, out, status;
    ssize_t n;
    pid_t pid;

    snprintf(copy, sizeof(copy), "%s/suid-probe", scratch);
    in = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    out = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0700);
    if (in == -1 || out == -1)
        return -1;
    while ((n = read(in, buf, sizeof(buf))) > 0)
        if (write(out, buf, n) != n)
            return -1;
    close(in);
    close(out);
    if (chmod(copy, 04755) == -1)
        return -1;
    in = open(copy, O_PATH); /* inherited by the child, for execveat */
    if (in == -1)
        return -1;
    pid = fork();
    if (pid == 0) {
        if (setresgid(1000, 1000, 1000) == -1 ||
            setresuid(1000, 1000, 1000) == -1)
            _exit(2);
        syscall(SYS_execveat, in, "", args, env, AT_EMPTY_PATH);
        _exit(2);
    }
    close(in);
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

/* TIOCSTI pushes a character into a terminal's input, as if typed: from
 * a container, into the caller's terminal outside. The kernel allows it
 * only on the caller's controlling terminal, or with CAP_SYS_ADMIN (and
 * not at all where the legacy_tiocsti sysctl is 0), and checks that
 * before it reads the character: given no character (a NULL pointer),
 * an allowed call fails with EFAULT and types nothing. */
static long
tiocsti(void)
{
    return past_check(ioctl(STDIN_FILENO, TIOCSTI, NULL), EFAULT);
}

/* A v1 hierarchy mounted in a mount namespace of our own, which ends
 * with this child: can we mount one (and set its release_agent)? */
static long
cgroup_v1(void)
{
    char dir[sizeof(scratch) + 8];

    snprintf(dir, sizeof(dir), "%s/cg", scratch);
    if (unshare(CLONE_NEWNS) == -1 ||
        mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1 ||
        mkdir(dir, 0700) == -1)
        return -1;
    if (mount("cgroup", dir, "cgroup", 0, "none,name=isolab_probe") == -1)
        return -1;
    umount2(dir, MNT_DETACH);
    return 0;
}

static long
try(const char *v)
{
    struct iovec local = {&allowed, 1}, remote = {&allowed, 1};
    char cwd[4096], handle[128] = {0};
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
    /* mount(2) checks CAP_SYS_ADMIN before it looks for the type. */
    if (!strcmp(v, "mount"))
        return past_check(mount("none", "/tmp", "isolab-no-such-fs", 0, NULL),
                          ENODEV);
    /* MNT_EXPIRE with MNT_DETACH is invalid, and found so only after
     * the permission check: EINVAL means we could have unmounted it. */
    if (!strcmp(v, "umount"))
        return past_check(umount2("/proc/sys", MNT_EXPIRE | MNT_DETACH),
                          EINVAL);
    /* pivot_root(2) checks CAP_SYS_ADMIN before it looks at its paths. */
    if (!strcmp(v, "pivot_root"))
        return past_check(syscall(SYS_pivot_root, "/isolab-no-such-dir",
                                  "/isolab-no-such-dir"),
                          ENOENT);
    if (!strcmp(v, "fsopen"))
        return syscall(SYS_fsopen, "tmpfs", 0);
    if (!strcmp(v, "chroot"))
        return chroot_climb();
    /* the "shocker" attack: an empty handle is invalid (EINVAL), found
     * after the CAP_DAC_READ_SEARCH check */
    if (!strcmp(v, "handle"))
        return past_check(
            syscall(SYS_open_by_handle_at, AT_FDCWD, handle, O_RDONLY), EINVAL);
    if (!strcmp(v, "proc_sys"))
        return open_for_write("/proc/sys/kernel/hostname");
    if (!strcmp(v, "sysrq"))
        return open_for_write("/proc/sysrq-trigger");
    if (!strcmp(v, "core_pattern"))
        return open_for_write("/proc/sys/kernel/core_pattern");
    if (!strcmp(v, "mknod")) { /* in our own directory, then removed */
        snprintf(cwd, sizeof(cwd), "%s/sda", scratch);
        return mknod(cwd, S_IFBLK | 0600, makedev(8, 0));
    }
    if (!strcmp(v, "keyctl"))
        return syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3, 0);
    /* PTRACE_SEIZE attaches without stopping PID 1 (PTRACE_ATTACH would
     * stop it), and this child's exit detaches it again: allowed or not,
     * PID 1 runs on untouched. */
    if (!strcmp(v, "ptrace"))
        return ptrace(PTRACE_SEIZE, 1, NULL, NULL);
    if (!strcmp(v, "vm_readv"))
        return process_vm_readv(1, &local, 1, &remote, 1, 0);
    if (!strcmp(v, "tiocsti"))
        return tiocsti();
    /* Another line discipline for the terminal: the kernel checks no
     * privilege, only the filter can refuse. No number given (NULL): an
     * allowed call fails with EFAULT and changes nothing. */
    if (!strcmp(v, "ldisc"))
        return past_check(ioctl(STDIN_FILENO, TIOCSETD, NULL), EFAULT);
    if (!strcmp(v, "cgroup_v1")) /* to set a release_agent */
        return cgroup_v1();
    /* CAP_SYS_MODULE is checked before the descriptor (-1: EBADF). */
    if (!strcmp(v, "module"))
        return past_check(syscall(SYS_finit_module, -1, "", 0), EBADF);
    if (!strcmp(v, "bpf"))
        return syscall(SYS_bpf, 0 /* BPF_MAP_CREATE */, handle, 64);
    if (!strcmp(v, "perf"))
        return syscall(SYS_perf_event_open, handle, 0, -1, -1, 0);
    if (!strcmp(v, "userfaultfd"))
        return syscall(SYS_userfaultfd, 0);
    if (!strcmp(v, "io_uring"))
        return syscall(SYS_io_uring_setup, 1, handle);
    /* reboot(2) checks CAP_SYS_BOOT first, then its magic numbers: a
     * wrong second magic is EINVAL only for a caller who may reboot. */
    if (!strcmp(v, "reboot"))
        return past_check(
            syscall(SYS_reboot, 0xfee1dead, 0x15014b, 0x4321fedc, NULL),
            EINVAL);
    /* adjtimex(2) checks CAP_SYS_TIME before it finds the tick invalid. */
    if (!strcmp(v, "clock")) {
        struct timex tx = {.modes = ADJ_TICK, .tick = 1};

        return past_check(adjtimex(&tx), EINVAL);
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
    /* The name as typed, unless a control character in it could forge a
     * line or drive the terminal. */
    for (const char *p = v; *p != '\0'; p++)
        if (iscntrl((unsigned char)*p))
            v = "(a name with a control character)";
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

/* Are we in the initial user namespace, whose uid_map maps every ID to
 * itself? A container made with a user namespace (isocon, rootless
 * runtimes) maps a range. */
static int
initial_userns(void)
{
    unsigned long inside, outside, count;
    FILE *f = fopen("/proc/self/uid_map", "r");
    int n;

    if (f == NULL)
        return 1; /* cannot tell: take the careful side */
    n = fscanf(f, "%lu %lu %lu", &inside, &outside, &count);
    fclose(f);
    return n == 3 && inside == 0 && outside == 0 && count == 4294967295UL;
}

/* Remove what the attempts may have left in the scratch directory. */
static void
remove_scratch(void)
{
    static const char *const names[] = {"suid-probe", "sda", "jail", "cg"};
    char path[sizeof(scratch) + 16];
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", scratch, names[i]);
        if (unlink(path) == -1) /* jail and cg are directories */
            rmdir(path);
    }
    rmdir(scratch);
}

/* At exit, as every program of the kit does through its library (this
 * one runs inside the busybox root, linked statically without it): a
 * report that could not be written (a full disk, a closed descriptor)
 * is a failure, not a silent success. */
static void
check_stdout(void)
{
    int err;

    if (fflush(stdout) == EOF || ferror(stdout)) {
        err = errno != 0 ? errno : EIO;
        fprintf(stderr, "escape_probe: write error on standard output: %s\n",
                strerror(err));
        _exit(1);
    }
}

int
main(int argc, char *argv[])
{
    static const char *const all[] = {
        "unshare",  "clone",      "clone3",       "setns",       "mount",
        "umount",   "pivot_root", "fsopen",       "chroot",      "handle",
        "proc_sys", "sysrq",      "core_pattern", "mknod",       "keyctl",
        "ptrace",   "vm_readv",   "tiocsti",      "ldisc",       "cgroup_v1",
        "module",   "bpf",        "perf",         "userfaultfd", "io_uring",
        "reboot",   "clock",      "suid",         "fds",         "cwd"};
    int opt, outside = 0, a;
    size_t i;

    if (argc == 2 && strcmp(argv[1], "euid0") == 0) /* the suid copy */
        return geteuid() == 0 ? 0 : 1;
    atexit(check_stdout);
    /* Built without the kit's library (it runs in a root with no C
     * library but its own), so plain getopt, told to keep quiet: a bad
     * option is reported below, in the kit's form "escape_probe: -x: ...". */
    opterr = 0;
    while ((opt = getopt(argc, argv, "+fh")) != -1) {
        switch (opt) {
        case 'f':
            outside = 1;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        default:
            fprintf(stderr, "escape_probe: -%c: unknown option\n%s", optopt,
                    usage_text);
            return 2;
        }
    }
    if (optind == argc) {
        fputs(usage_text, stderr);
        return 2;
    }
    /* Outside a container the attempts are made against this machine:
     * harmless as they are, a trainer asks for that with -f. */
    if (initial_userns() && !outside) {
        fprintf(stderr, "escape_probe: not inside a container (this is the "
                        "initial user namespace): run it in one, such as "
                        "container/isocon /bin/escape_probe all, or give -f "
                        "to try this machine itself (nothing is changed)\n");
        return 2;
    }
    if (mkdtemp(scratch) == NULL) {
        perror("escape_probe: mkdtemp /tmp/isolab-probe.XXXXXX");
        return 1;
    }
    atexit(remove_scratch);
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (a = optind; a < argc; a++) {
        if (strcmp(argv[a], "all") != 0) {
            one(argv[a]);
            continue;
        }
        for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
            one(all[i]);
    }
    return allowed ? 1 : 0;
}
