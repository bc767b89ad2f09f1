// SPDX-License-Identifier: MIT
/*
 * isocon_root.c - isocon's file system and network
 *
 * In its new mount namespace the container makes everything private,
 * so no mount of its own reaches the host, then builds its view: the
 * busybox root bound onto itself and made read-only, /proc for the new
 * PID namespace, a /dev with only harmless devices, a /tmp of its own.
 * pivot_root makes that the root, and the old root is detached: no path
 * leads back to the host's files. The root is the directory isocon
 * opened, checked by inode, and needs no directory for the old root. Parts of /proc that reach the host's
 * kernel are made read-only or hidden. The new network namespace gets
 * its loopback interface up, and nothing else.
 *
 * See also: mount_namespaces(7), pivot_root(2), proc(5), netdevice(7);
 * the mounts and namespaces chapters.
 */
#define _GNU_SOURCE /* syscall() */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h> /* ST_RELATIME */
#include <sys/syscall.h>
#include <unistd.h>

#include "isocon.h"

static void
mnt(const char *src, const char *dst, const char *type, unsigned long flags,
    const char *data)
{
    if (mount(src, dst, type, flags, data) == -1)
        err_exit_child("mount %s on %s", src != NULL ? src : "(none)", dst);
}

/* Remount the bind mount at PATH read-only, nosuid and nodev, and MORE.
 * No set-UID bit and no device node on it works: a node the image brought
 * (a disk's numbers, made by whoever built the image) opens with EACCES.
 * In a user namespace the kernel locks the flags a mount came with: a
 * root on a noexec or noatime file system stays so, and a remount that
 * leaves one out fails with EPERM. So the flags it has are kept, read
 * with statvfs(), as bubblewrap does. */
static void
seal(const char *path, unsigned long more)
{
    unsigned long flags =
        MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | more;
    struct statvfs sv;

    if (statvfs(path, &sv) == -1)
        err_exit_child("statvfs %s", path);
    if (sv.f_flag & ST_NOEXEC)
        flags |= MS_NOEXEC;
    if (sv.f_flag & ST_NOATIME)
        flags |= MS_NOATIME;
    if (sv.f_flag & ST_NODIRATIME)
        flags |= MS_NODIRATIME;
    if (sv.f_flag & ST_RELATIME)
        flags |= MS_RELATIME;
    mnt(NULL, path, NULL, flags, NULL);
}

/* Bind PATH onto itself and make it read-only. */
static void
read_only(const char *path)
{
    struct stat sb;

    if (stat(path, &sb) == -1)
        return; /* not on this kernel */
    mnt(path, path, NULL, MS_BIND | MS_REC, NULL);
    seal(path, MS_NOEXEC);
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

/* Called in the new mount namespace, as root of the user namespace. */
void
set_up_root(const char *root, const struct stat *want)
{
    struct stat here;
    int fd;
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
    /* pivot_root needs the new root to be a mount point: the root bound
     * onto its own path. The path is looked up once, by open(); it must
     * be the directory isocon checked (WANT: its device and inode), and
     * the bind takes that very directory (/proc/self/fd): a path looked
     * up twice could be swapped in between by whoever may rename its
     * directories. */
    fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd == -1 || fstat(fd, &here) == -1)
        err_exit_child("open %s", root);
    if (here.st_dev != want->st_dev || here.st_ino != want->st_ino)
        fatal_child("%s changed under us: not the directory isocon checked",
                    root);
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    mnt(path, root, NULL, MS_BIND | MS_REC, NULL);
    if (chdir(root) == -1 || stat(".", &here) == -1)
        err_exit_child("chdir %s", root);
    /* ...and we are on it, not on a directory put at ROOT since. */
    if (here.st_dev != want->st_dev || here.st_ino != want->st_ino)
        fatal_child("%s changed under us: not the directory isocon checked",
                    root);
    close(fd);

    /* /proc for our PID namespace, while the host's /proc is still in
     * view (the kernel lets a user namespace mount proc only then). */
    mnt("proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    /* /dev: a tmpfs with the harmless devices bound in from the host.
     * It is nodev itself: each bound device is a mount of its own, with
     * the flags of the host's /dev. */
    mnt("tmpfs", "dev", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
        "mode=755,size=64k");
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
    mnt("tmpfs", "tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777,size=64m");
    seal(".", 0);

    /* pivot_root(".", "."), as runc and crun do: the new root and the old
     * one stacked on the same directory, the old one on top. Detaching
     * the top of "." takes the old root away, and no directory for it
     * is needed in the image: any distribution's root will do. */
    if (syscall(SYS_pivot_root, ".", ".") == -1)
        err_exit_child("pivot_root");
    if (umount2(".", MNT_DETACH) == -1)
        err_exit_child("umount the old root");
    if (chdir("/") == -1)
        err_exit_child("chdir /");
    say("root: pivot_root into %s; the old root detached", root);

    for (i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
        read_only(ro[i]);
    for (i = 0; i < sizeof(masked) / sizeof(masked[0]); i++)
        mask(masked[i]);
    say("/proc: /proc/sys and friends read-only, kcore and keys masked");
}

/* A new network namespace has lo only, and down. */
void
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
