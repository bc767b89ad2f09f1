// SPDX-License-Identifier: MIT
/*
 * isocon_root.c - isocon's file system and network
 *
 * In its new mount namespace the container makes everything private,
 * so no mount of its own reaches the host, then builds its view: the
 * root bound onto itself and made read-only (or, with -w, an overlay
 * over it whose upper layer is a tmpfs of the container's), /proc for
 * the new PID namespace, a /dev with only harmless devices, a /tmp of
 * its own. pivot_root makes that the root, and the old root is
 * detached: no path leads back to the host's files. The root is the
 * directory isocon opened, checked by inode, and needs no directory for
 * the old root, so any distribution's root will do. Run by root, isocon
 * first makes an ID-mapped copy of the root's mount, so that the
 * image's files, owned by host root, are container root's. Parts of
 * /proc that reach the host's kernel are made read-only or hidden. The
 * new network namespace gets its loopback interface up, and nothing
 * else.
 *
 * See also: mount_namespaces(7), pivot_root(2), open_tree(2),
 * mount_setattr(2) (ID-mapped mounts), proc(5), netdevice(7); the
 * kernel's Documentation/filesystems/overlayfs.rst; TLPI 14.8 and 14.9
 * (mount(2), bind mounts) and 18.12 (chroot(), which pivot_root
 * replaces here); TLPI has no mount namespaces' propagation, overlayfs
 * or ID-mapped mounts (all after it); the mounts and namespaces chapters.
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

#include "compat.h" /* after sys/mount.h */
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

/* Run by root, container root is host UID 100000 or so, and a root made
 * by root (debootstrap, a distribution's image) belongs to host UID 0:
 * inside, every file would be nobody's, and even container root could
 * write nothing, not even in a layer of its own (-w). An ID-mapped mount
 * shows the files through the container's user namespace instead: on
 * disk UID 0, through this mount container root, and so on for every ID
 * the namespace maps. Only root may make one (CAP_SYS_ADMIN where the
 * file system was mounted), so isocon makes it here, in the parent,
 * once the maps are written, as a detached mount (open_tree's clone of
 * ROOT, a bind mount that is not mounted anywhere yet); the container
 * mounts it with move_mount(). Returns its descriptor, or -1 where the
 * kernel (before 5.12) or the file system (ext4, xfs, btrfs have it;
 * tmpfs since 6.3) has none: then the files stay nobody's inside. */
int
idmapped_root(const char *root, const struct stat *want, pid_t pid)
{
    /* Private, too: a copy of a shared mount (systemd makes / shared)
     * joins its peer group, and pivot_root() refuses a shared mount
     * (EINVAL). The container made its mounts private before this one
     * arrives, so it must come private itself. */
    struct mount_attr attr = {.attr_set = MOUNT_ATTR_IDMAP,
                              .propagation = MS_PRIVATE};
    char path[64];
    struct stat sb;
    int tree, userns, err;

    /* Not AT_RECURSIVE: the root's own file system, and no mount below
     * it, as with a plain bind. */
    tree = sys_open_tree(AT_FDCWD, root, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
    if (tree == -1) {
        say("root: no ID-mapped mount (open_tree: %s)", strerror(errno));
        return -1;
    }
    if (fstat(tree, &sb) == -1 || sb.st_dev != want->st_dev ||
        sb.st_ino != want->st_ino)
        fatal("%s changed under us: not the directory isocon checked", root);
    snprintf(path, sizeof(path), "/proc/%d/ns/user", (int)pid);
    userns = open(path, O_RDONLY | O_CLOEXEC);
    if (userns == -1)
        err_exit("open %s", path);
    attr.userns_fd = (uint64_t)userns;
    err = sys_mount_setattr(tree, "", AT_EMPTY_PATH, &attr, sizeof(attr));
    if (err == -1)
        err = errno;
    close(userns);
    if (err != 0) {
        say("root: no ID-mapped mount (%s): the root's files are nobody's "
            "inside",
            strerror(err));
        close(tree);
        return -1;
    }
    say("root: ID-mapped: files of host UID and GID 0-65535 are the "
        "container's own 0-65535");
    return tree;
}

/* -W DIR: the layer's directory, with upper/ and work/ in it, made now if
 * this is its first use. Returns a descriptor of DIR, for own_layer(), and
 * its device and inode in ID: the container opens DIR again by its path,
 * in its own mount namespace (overlayfs takes only layers that are
 * mounted there), and checks that it found the same directory. */
int
open_layer(const char *dir, struct stat *id)
{
    int fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);

    if (fd == -1 || fstat(fd, id) == -1)
        err_exit("-W %s", dir);
    if ((mkdirat(fd, "upper", 0755) == -1 && errno != EEXIST) ||
        (mkdirat(fd, "work", 0755) == -1 && errno != EEXIST))
        err_exit("-W %s: mkdir upper and work", dir);
    return fd;
}

/* Run by root, container root is host UID UID, which must own upper/ and
 * work/ to write in them; the files it makes there belong to UID and
 * above on disk, as they would in any container's writable layer. */
void
own_layer(int dir, uid_t uid)
{
    if (fchownat(dir, "upper", uid, uid, 0) == -1 ||
        fchownat(dir, "work", uid, uid, 0) == -1)
        err_exit("-W: chown upper and work to %d", (int)uid);
}

/* -w, -W: a writable layer over the root, which stays as it is.
 * Overlayfs (mountable in a user namespace since Linux 5.11) shows the
 * root as its lower layer and a directory of the container's as its
 * upper one: a file written is copied up into that directory, a file
 * removed is hidden by a "whiteout" there, and the root itself is never
 * written. The upper directory is DIR/upper if isocon was given DIR
 * (-W: the changes outlive the container), else a tmpfs of the
 * container's own (-w: gone when the container ends). Beside it,
 * overlayfs needs DIR/work, an empty directory on the same file system,
 * as its scratch space. The tmpfs, then the overlay, go onto ROOT's path
 * in our private mount namespace; we stay in the root itself through
 * ".", the current directory, and the options name each layer by a
 * /proc/self/fd path: a root's path may hold a comma or a colon, which
 * separate the options. On return "." is the overlay. */
static void
writable_layer(const char *root, const char *layer, const struct stat *id)
{
    char opts[256];
    struct stat sb;
    int lower, dir;

    lower = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (lower == -1)
        err_exit_child("open the root");
    if (layer != NULL) { /* -W */
        dir = open(layer, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (dir == -1 || fstat(dir, &sb) == -1)
            err_exit_child("-W %s", layer);
        if (sb.st_dev != id->st_dev || sb.st_ino != id->st_ino)
            fatal_child("-W %s changed under us", layer);
    } else {
        mnt("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=755,size=512m");
        dir = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (dir == -1)
            err_exit_child("open the tmpfs on %s", root);
        if (mkdirat(dir, "upper", 0755) == -1 ||
            mkdirat(dir, "work", 0755) == -1)
            err_exit_child("mkdir in the tmpfs on %s", root);
    }
    /* userxattr: overlayfs keeps what it marks (an opaque directory, a
     * renamed one) in "user.overlay.*" attributes, which a user namespace
     * may set, not in "trusted.overlay.*", which only host root may. */
    snprintf(opts, sizeof(opts),
             "lowerdir=/proc/self/fd/%d,upperdir=/proc/self/fd/%d/upper,"
             "workdir=/proc/self/fd/%d/work,userxattr",
             lower, dir, dir);
    if (mount("overlay", root, "overlay", MS_NOSUID | MS_NODEV, opts) == -1)
        err_exit_child("-w: mount an overlay on %s (in a user namespace: "
                       "Linux 5.11 and later)",
                       root);
    if (chdir(root) == -1)
        err_exit_child("chdir %s", root);
    close(lower);
    close(dir);
}

/* Called in the new mount namespace, as root of the user namespace. TREE
 * is the ID-mapped root that isocon made (idmapped_root()), or -1;
 * WRITABLE asks for an overlay, its upper layer in the directory LAYER
 * (-W; LAYER_ID its device and inode), or in a tmpfs if LAYER is NULL. */
void
set_up_root(const char *root, const struct stat *want, int tree, int writable,
            const char *layer, const struct stat *layer_id)
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
     * onto its own path, or the ID-mapped copy that isocon made of it
     * mounted there. The path is looked up once, by open(); it must be
     * the directory isocon checked (WANT: its device and inode), and the
     * bind takes that very directory (/proc/self/fd): a path looked up
     * twice could be swapped in between by whoever may rename its
     * directories. */
    fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd == -1 || fstat(fd, &here) == -1)
        err_exit_child("open %s", root);
    if (here.st_dev != want->st_dev || here.st_ino != want->st_ino)
        fatal_child("%s changed under us: not the directory isocon checked",
                    root);
    if (tree != -1) {
        if (sys_move_mount(tree, "", fd, "",
                           MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) ==
            -1)
            err_exit_child("move_mount the ID-mapped root onto %s", root);
        close(tree);
    } else {
        snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
        mnt(path, root, NULL, MS_BIND | MS_REC, NULL);
    }
    if (chdir(root) == -1 || stat(".", &here) == -1)
        err_exit_child("chdir %s", root);
    /* ...and we are on it, not on a directory put at ROOT since. */
    if (here.st_dev != want->st_dev || here.st_ino != want->st_ino)
        fatal_child("%s changed under us: not the directory isocon checked",
                    root);
    close(fd);
    if (writable) {
        writable_layer(root, layer, layer_id);
        say("root: writable through an overlay; the changes %s",
            layer == NULL ? "in a tmpfs, gone at the end" : "kept (-W)");
    }

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
    if (!writable)
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
