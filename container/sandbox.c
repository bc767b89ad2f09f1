// SPDX-License-Identifier: MIT
/*
 * sandbox - run an ordinary program of this machine in a sandbox, as
 * bubblewrap does for Flatpak
 *
 * Demonstrates: the security and isolation APIs of the course put
 * together around a program that knows nothing of them (chapter 8's
 * overview, in code). Unlike the capstone's container, the root is not an
 * image: it is the machine's own /usr and /etc, bound read-only, with a
 * /proc, a /dev and a /tmp of the sandbox's own and nothing else (no home,
 * no /run, no /var). The command gets:
 *   - a user namespace whose one mapping is the caller's own IDs, so it
 *     runs as the caller, and needs no privilege to be set up;
 *   - new mount, PID, network (loopback only, down), IPC and UTS
 *     namespaces; the root built from detached mounts (open_tree,
 *     mount_setattr RDONLY, move_mount) and entered with pivot_root;
 *   - no capabilities (bounding set emptied too), no_new_privs, and a
 *     seccomp filter that refuses new user namespaces, the kernel
 *     keyring, and typing into the terminal (TIOCSTI);
 *   - an init of its own, PID 1, that waits for it and passes its status
 *     on.
 * The bubblewrap command that makes about the same sandbox is in the
 * chapter's README.
 *
 * Usage: sandbox CMD [ARG...]
 *
 * Try:
 *     $ ./sandbox sh -c 'hostname; echo $$; id -u; ls -m /'
 *     sandbox
 *     2
 *     1000
 *     bin, dev, etc, lib...proc, sbin, tmp, usr
 *     $ ./sandbox sh -c 'ls /home; touch /usr/x; cat /proc/net/dev | wc -l'
 *     ls: cannot access '/home': No such file or directory
 *     touch: cannot touch '/usr/x': Read-only file system
 *     3
 *     $ ./sandbox grep -e CapEff -e NoNewPrivs -e 'Seccomp:' /proc/self/status
 *     CapEff:	0000000000000000
 *     NoNewPrivs:	1
 *     Seccomp:	2
 *     $ ./sandbox unshare -U true; echo $?
 *     unshare: unshare failed: Operation not permitted
 *     1
 *   Observe: the program is the machine's own, its view is not: PID 2
 *   under the sandbox's init, the same UID as outside, no home, the
 *   system read-only, a network with nothing but a loopback (two header
 *   lines and lo), and nothing to gain privilege with; its status comes
 *   back through the sandbox.
 *
 * Needs: Linux 5.12 (mount_setattr); unprivileged user namespaces for an
 * ordinary user (as root too: it maps root's own IDs, and drops every
 * capability before the command).
 *
 * See also: bwrap(1), user_namespaces(7), mount_namespaces(7),
 * pivot_root(2), seccomp(2); TLPI has no namespaces or seccomp filters
 * (after it); course chapter 8, and the chapters of each part.
 */
#define _GNU_SOURCE /* CLONE_NEW*, pivot_root via syscall() */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h" /* sys_clone3(), sys_open_tree(), sys_pivot_root()... */
#include "isolab.h"

static const char usage_text[] = "Usage: sandbox CMD [ARG...]\n";

/* The new root, on a tmpfs in our own mount namespace. */
#define ROOT "/tmp/sandbox-root"

/* Mount SRC's tree at ROOT/DST read-only: a detached copy, made read-only
 * (recursively) before it is attached, so never seen writable. (A
 * remount with MS_RDONLY would have to repeat every flag the mount has,
 * which a user namespace may not clear.) */
static void
bind_ro(const char *src, const char *dst)
{
    struct mount_attr ro = {.attr_set = MOUNT_ATTR_RDONLY};
    char target[256];
    int fd;

    snprintf(target, sizeof(target), "%s/%s", ROOT, dst);
    if (mkdir(target, 0755) == -1 && errno != EEXIST)
        err_exit_child("mkdir %s", target);
    fd = sys_open_tree(AT_FDCWD, src,
                       OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
    if (fd == -1)
        err_exit_child("open_tree %s", src);
    if (sys_mount_setattr(fd, "", AT_EMPTY_PATH | AT_RECURSIVE, &ro,
                          sizeof(ro)) == -1)
        err_exit_child("mount_setattr %s read-only", src);
    if (sys_move_mount(fd, "", AT_FDCWD, target, MOVE_MOUNT_F_EMPTY_PATH) == -1)
        err_exit_child("move_mount %s", target);
    close(fd);
}

/* The top-level names beside /usr: a link on a merged-/usr system (made
 * the same in the sandbox), a directory otherwise (bound read-only). */
static void
top_level(const char *name)
{
    char host[64], link[64], target[256];
    struct stat st;
    ssize_t n;

    snprintf(host, sizeof(host), "/%s", name);
    if (lstat(host, &st) == -1)
        return; /* not on this machine: none in the sandbox either */
    if (S_ISDIR(st.st_mode)) {
        bind_ro(host, name);
        return;
    }
    n = readlink(host, link, sizeof(link) - 1);
    if (n == -1)
        err_exit_child("readlink %s", host);
    link[n] = '\0';
    snprintf(target, sizeof(target), "%s/%s", ROOT, name);
    if (symlink(link, target) == -1)
        err_exit_child("symlink %s", target);
}

/* A /dev with the harmless devices only: each one the machine's node,
 * bound onto an empty file (a user namespace may not mknod). */
static void
make_dev(void)
{
    static const char *const devs[] = {"null", "zero", "full", "random",
                                       "urandom"};
    char src[64], dst[256];
    size_t i;
    int fd;

    if (mount("sandbox-dev", ROOT "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC,
              "mode=0755") == -1)
        err_exit_child("mount tmpfs on %s/dev", ROOT);
    for (i = 0; i < sizeof(devs) / sizeof(devs[0]); i++) {
        snprintf(src, sizeof(src), "/dev/%s", devs[i]);
        snprintf(dst, sizeof(dst), "%s/dev/%s", ROOT, devs[i]);
        fd = open(dst, O_WRONLY | O_CREAT, 0666);
        if (fd == -1)
            err_exit_child("create %s", dst);
        close(fd);
        if (mount(src, dst, NULL, MS_BIND, NULL) == -1)
            err_exit_child("bind %s", src);
    }
}

/* The filter: no new user namespace (unshare or clone with the flag; the
 * flags of clone3 are in memory: ENOSYS, and the C library falls back to
 * clone), no kernel keyring (not namespaced), no typing into the
 * terminal (TIOCSTI: the command shares the caller's terminal). */
static void
install_filter(void)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    int rc = ctx == NULL ? -ENOMEM : 0;

    if (rc == 0)
        rc = seccomp_rule_add(
            ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(unshare), 1,
            SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER));
    if (rc == 0)
        rc = seccomp_rule_add(
            ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
            SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER));
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(keyctl), 0);
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(add_key), 0);
    /* The command is 32 bits for the kernel: compare those only. */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
                              SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffff, TIOCSTI));
    if (rc == 0)
        rc = seccomp_load(ctx); /* sets no_new_privs first */
    if (rc != 0) {
        errno = -rc; /* libseccomp returns -errno */
        err_exit_child("seccomp filter");
    }
    seccomp_release(ctx);
}

/* Every capability gone, the bounding set too: root in here (when root
 * started us) is then as powerless as anyone. */
static void
drop_caps(void)
{
    cap_t none = cap_init();
    int cap;

    for (cap = 0; cap <= CAP_LAST_CAP; cap++)
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == -1 && errno != EINVAL)
            err_exit_child("drop %d from the bounding set", cap);
    if (none == NULL || cap_set_proc(none) == -1)
        err_exit_child("drop every capability");
    cap_free(none);
}

/* The sandbox's first process, PID 1 of its PID namespace: build the
 * root, then run CMD in a child, and pass its status on. */
static noreturn void
sandbox_init(char *cmd[])
{
    pid_t pid;
    int status;

    /* Nothing we mount may reach the caller's mount namespace. */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit_child("make / private");
    if (mount("sandbox-tmp", "/tmp", "tmpfs", 0, NULL) == -1 ||
        mkdir(ROOT, 0755) == -1 ||
        mount("sandbox-root", ROOT, "tmpfs", MS_NOSUID, "mode=0755") == -1)
        err_exit_child("mount the sandbox's root at %s", ROOT);
    bind_ro("/usr", "usr");
    bind_ro("/etc", "etc");
    top_level("bin");
    top_level("sbin");
    top_level("lib");
    top_level("lib32");
    top_level("lib64");
    if (mkdir(ROOT "/proc", 0555) == -1 || mkdir(ROOT "/dev", 0755) == -1 ||
        mkdir(ROOT "/tmp", 01777) == -1)
        err_exit_child("mkdir in %s", ROOT);
    /* A /proc of the new PID namespace: it shows the sandbox's processes
     * only. */
    if (mount("proc", ROOT "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
              NULL) == -1)
        err_exit_child("mount proc");
    make_dev();
    if (mount("sandbox-tmp", ROOT "/tmp", "tmpfs", MS_NOSUID | MS_NODEV,
              NULL) == -1)
        err_exit_child("mount %s/tmp", ROOT);

    /* pivot_root(".", "."): the old root stacks under the new one and is
     * detached at once: no path leads back to the machine's files. */
    if (chdir(ROOT) == -1 || sys_pivot_root(".", ".") == -1 ||
        umount2(".", MNT_DETACH) == -1 || chdir("/") == -1)
        err_exit_child("pivot_root into %s", ROOT);
    if (sethostname("sandbox", 7) == -1)
        err_exit_child("sethostname");

    /* Lock it: no capability, no_new_privs, the filter. */
    drop_caps();
    install_filter();

    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit_child("fork");
    if (pid == 0) {
        execvp(cmd[0], cmd);
        exec_failed(cmd[0]);
    }
    /* As init: reap everything, and end with the command's status. */
    for (;;) {
        pid_t w = wait(&status);

        if (w == pid)
            _exit(child_exit_status(status));
        if (w == -1 && errno != EINTR)
            err_exit_child("wait");
    }
}

int
main(int argc, char *argv[])
{
    struct clone_args args = {
        .flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET |
                 CLONE_NEWIPC | CLONE_NEWUTS,
        .exit_signal = SIGCHLD,
    };
    int sync[2], opt, status;
    char pidstr[32], c;
    long pid;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    /* The child starts in all the new namespaces at once; it waits until
     * we have written its maps (closing our end of the pipe). */
    if (pipe(sync) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3 CLONE_NEWUSER | CLONE_NEWNS | ...");
    if (pid == 0) {
        close(sync[1]);
        if (read(sync[0], &c, 1) == -1)
            err_exit_child("sync");
        close(sync[0]);
        sandbox_init(&argv[optind]);
    }
    close(sync[0]);
    /* The caller's own UID and GID, the same inside: the command runs as
     * the caller, as bubblewrap's does by default. */
    snprintf(pidstr, sizeof(pidstr), "%ld", pid);
    map_one(pidstr, geteuid(), geteuid(), getegid(), getegid());
    close(sync[1]);
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
