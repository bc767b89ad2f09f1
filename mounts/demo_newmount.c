// SPDX-License-Identifier: MIT
/*
 * demo_newmount - the new mount API: a mount made, then placed, by
 * descriptors
 *
 * Demonstrates: mount(2) does everything in one call, from a path to a
 * path, with its options in one string. Since Linux 5.2 the steps are
 * calls of their own, and a mount is a file descriptor before it is
 * anywhere in the tree:
 *   fsopen()        a file system context ("tmpfs"), as a descriptor;
 *   fsconfig()      its options, one by one; a bad one is refused then,
 *                   and the kernel's message about it is read from the
 *                   descriptor (mount(2) says only EINVAL);
 *   fsmount()       the mount, detached: usable through its descriptor,
 *                   in no mount table;
 *   move_mount()    attaches it at a path;
 *   open_tree()     with OPEN_TREE_CLONE: a detached copy of a mount, a
 *                   bind mount not yet placed;
 *   mount_setattr() changes a mount's flags (here read-only) through its
 *                   descriptor, before it is placed (Linux 5.12).
 * It runs in a mount namespace of its own (made private first), on a
 * tmpfs over /tmp that only it sees: nothing reaches the host.
 *
 * Usage: demo_newmount
 *
 * Try:
 *     $ ../userns/userns_child_exec -r ./demo_newmount
 *     fsconfig size=bogus: Invalid argument (EINVAL); the kernel says: e tmpfs: Bad value for 'size'
 *     fsopen tmpfs, fsconfig, fsmount: a mount in no table: in mountinfo: no
 *     through its descriptor: wrote hello
 *     move_mount to /tmp/new: in mountinfo: yes; /tmp/new/hello: present
 *     open_tree /tmp/new, mount_setattr RDONLY, move_mount to /tmp/ro
 *     write to /tmp/ro/f: EROFS; to /tmp/new/f: ok
 *   Observe: the file was written before the mount was anywhere; the
 *   read-only copy was made read-only before anyone could see it
 *   writable. The capstone makes its ID-mapped root this way
 *   (container/isocon_root.c).
 *
 * Needs: Linux 5.12; CAP_SYS_ADMIN: root, or root in a user namespace
 * (as above).
 *
 * See also: fsopen(2), fsconfig(2), fsmount(2), move_mount(2),
 * open_tree(2), mount_setattr(2); TLPI has no new mount API (Linux 5.2,
 * after it; TLPI 14.8 for mount(2)); course chapter 19.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat.h" /* sys_fsopen() and the others, their constants */
#include "isolab.h"

static const char usage_text[] = "Usage: demo_newmount\n";

/* Is a mount of source "isolab-new" in our mount table? */
static const char *
in_mountinfo(void)
{
    char line[1024];
    const char *found = "no";
    FILE *f = fopen("/proc/self/mountinfo", "r");

    if (f == NULL)
        err_exit("open /proc/self/mountinfo");
    while (fgets(line, sizeof(line), f) != NULL)
        if (strstr(line, " - tmpfs isolab-new ") != NULL)
            found = "yes";
    fclose(f);
    return found;
}

/* Create PATH and write a line to it; the errno name, or "ok". */
static const char *
try_write(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    if (fd == -1)
        return errno_name(errno);
    close(fd);
    return "ok";
}

int
main(int argc, char *argv[])
{
    struct mount_attr ro = {.attr_set = MOUNT_ATTR_RDONLY};
    char msg[256];
    int fsfd, mfd, tfd, fd, opt;
    ssize_t n;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* A mount namespace of our own, private, and a /tmp no one else sees,
     * as demo_bind does: all that follows stays in here. */
    if (unshare(CLONE_NEWNS) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWNS: needs CAP_SYS_ADMIN; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWNS");
    }
    if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1 ||
        mount("isolab-tmp", "/tmp", "tmpfs", 0, NULL) == -1)
        err_exit("mount a private /tmp");

    /* A file system context: tmpfs, configured one option at a time. A
     * bad value is refused at once, and the kernel leaves a message in
     * the context's descriptor, "e " for an error. */
    fsfd = sys_fsopen("tmpfs", FSOPEN_CLOEXEC);
    if (fsfd == -1) {
        if (errno == ENOSYS)
            lacks("fsopen: not in this kernel (Linux 5.2)");
        err_exit("fsopen tmpfs");
    }
    if (sys_fsconfig(fsfd, FSCONFIG_SET_STRING, "size", "bogus", 0) == -1) {
        int saved = errno;

        n = read(fsfd, msg, sizeof(msg) - 1);
        msg[n > 0 ? n : 0] = '\0';
        msg[strcspn(msg, "\n")] = '\0';
        printf("fsconfig size=bogus: %s (%s); the kernel says: %s\n",
               strerror(saved), errno_name(saved), msg);
    }
    /* The good values; then CMD_CREATE makes the superblock. */
    if (sys_fsconfig(fsfd, FSCONFIG_SET_STRING, "source", "isolab-new", 0) ==
            -1 ||
        sys_fsconfig(fsfd, FSCONFIG_SET_STRING, "size", "1m", 0) == -1 ||
        sys_fsconfig(fsfd, FSCONFIG_CMD_CREATE, NULL, NULL, 0) == -1)
        err_exit("fsconfig");

    /* The mount, detached: a descriptor, in no mount table yet. */
    mfd = sys_fsmount(fsfd, FSMOUNT_CLOEXEC, 0);
    if (mfd == -1)
        err_exit("fsmount");
    close(fsfd);
    printf("fsopen tmpfs, fsconfig, fsmount: a mount in no table: in "
           "mountinfo: %s\n",
           in_mountinfo());

    /* Yet usable: a path relative to the descriptor is in the mount. */
    fd = openat(mfd, "hello", O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd == -1)
        err_exit("openat the detached mount, hello");
    close(fd);
    printf("through its descriptor: wrote hello\n");

    /* Attach it: the empty path means "the mount mfd itself". */
    if (mkdir("/tmp/new", 0755) == -1 || mkdir("/tmp/ro", 0755) == -1)
        err_exit("mkdir in /tmp");
    if (sys_move_mount(mfd, "", AT_FDCWD, "/tmp/new",
                       MOVE_MOUNT_F_EMPTY_PATH) == -1)
        err_exit("move_mount to /tmp/new");
    printf("move_mount to /tmp/new: in mountinfo: %s; /tmp/new/hello: %s\n",
           in_mountinfo(),
           access("/tmp/new/hello", F_OK) == 0 ? "present" : "absent");

    /* A detached copy of that mount (a bind mount, unplaced), made
     * read-only through its descriptor before it is attached: nobody ever
     * sees it writable, as a remount after mount(MS_BIND) would allow. */
    tfd = sys_open_tree(AT_FDCWD, "/tmp/new",
                        OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
    if (tfd == -1)
        err_exit("open_tree /tmp/new");
    if (sys_mount_setattr(tfd, "", AT_EMPTY_PATH, &ro, sizeof(ro)) == -1) {
        if (errno == ENOSYS)
            lacks("mount_setattr: not in this kernel (Linux 5.12)");
        err_exit("mount_setattr RDONLY");
    }
    if (sys_move_mount(tfd, "", AT_FDCWD, "/tmp/ro", MOVE_MOUNT_F_EMPTY_PATH) ==
        -1)
        err_exit("move_mount to /tmp/ro");
    printf("open_tree /tmp/new, mount_setattr RDONLY, move_mount to /tmp/ro\n");
    printf("write to /tmp/ro/f: %s; ", try_write("/tmp/ro/f"));
    printf("to /tmp/new/f: %s\n", try_write("/tmp/new/f"));
    /* The namespace, and every mount in it, ends with us. */
    return 0;
}
