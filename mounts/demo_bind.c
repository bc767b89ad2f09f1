// SPDX-License-Identifier: MIT
/*
 * demo_bind - bind mounts: a directory, a single file, with and without
 * the mounts below, read-only
 *
 * Demonstrates: a bind mount makes a file or directory that already
 * exists visible at a second place: the same files, not a copy. A plain
 * bind (MS_BIND) takes only the one mount: a mount below the source shows
 * as an empty directory at the target; MS_BIND|MS_REC takes the mounts
 * below too. A bind has mount flags of its own: remounted with
 * MS_REMOUNT|MS_BIND|MS_RDONLY it is read-only while the original stays
 * writable, which is how containers get read-only views of host paths.
 *
 * Usage: demo_bind
 *   Runs in a mount namespace of its own (made private first), on a
 *   tmpfs over /tmp that only it sees: nothing reaches the host.
 *
 * Try:
 *     $ ../userns/userns_child_exec -r ./demo_bind
 *     directory: wrote /tmp/dir/f, read at /tmp/dir2/f: same file
 *     file: /tmp/f2 shows /tmp/f1: hello from f1
 *     plain bind: /tmp/flat/sub/inner: absent (the mount below stays behind)
 *     recursive bind: /tmp/deep/sub/inner: present
 *     read-only bind: write to /tmp/ro/f: EROFS; to /tmp/dir/f: ok
 *   Observe: the same inode through two paths; a submount taken only with
 *   MS_REC; one tree, writable at one place and not at another.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: mount(2) (MS_BIND, MS_REC, MS_REMOUNT), mount_namespaces(7);
 * TLPI 14.9; course chapter 13.
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

#include "isolab.h"

static const char usage_text[] = "Usage: demo_bind\n";

static void
do_mount(const char *src, const char *target, const char *type,
         unsigned long flags)
{
    if (mount(src, target, type, flags, NULL) == -1)
        err_exit("mount %s on %s", src, target);
}

static void
make_dir(const char *path)
{
    if (mkdir(path, 0755) == -1 && errno != EEXIST)
        err_exit("mkdir %s", path);
}

/* Create (or truncate) PATH with TEXT in it. */
static void
put(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    if (fd == -1 || write(fd, text, strlen(text)) == -1 || close(fd) == -1)
        err_exit("write %s", path);
}

int
main(int argc, char *argv[])
{
    struct stat a, b;
    char buf[64] = "";
    int opt, fd;

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

    if (unshare(CLONE_NEWNS) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWNS: needs CAP_SYS_ADMIN; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWNS");
    }
    do_mount("none", "/", NULL, MS_REC | MS_PRIVATE);
    do_mount("isolab-tmp", "/tmp", "tmpfs", 0); /* ours alone */

    /* A directory at a second place: the same inode. */
    make_dir("/tmp/dir");
    make_dir("/tmp/dir2");
    do_mount("/tmp/dir", "/tmp/dir2", NULL, MS_BIND);
    put("/tmp/dir/f", "data\n");
    if (stat("/tmp/dir/f", &a) == -1 || stat("/tmp/dir2/f", &b) == -1)
        err_exit("stat");
    printf("directory: wrote /tmp/dir/f, read at /tmp/dir2/f: %s\n",
           a.st_ino == b.st_ino && a.st_dev == b.st_dev ? "same file"
                                                        : "different");

    /* A single file over another file. */
    put("/tmp/f1", "hello from f1\n");
    put("/tmp/f2", "f2's own text\n");
    do_mount("/tmp/f1", "/tmp/f2", NULL, MS_BIND);
    fd = open("/tmp/f2", O_RDONLY);
    if (fd == -1 || read(fd, buf, sizeof(buf) - 1) == -1)
        err_exit("read /tmp/f2");
    close(fd);
    printf("file: /tmp/f2 shows /tmp/f1: %s", buf);

    /* A tree with a mount below it: plain bind vs MS_REC. */
    make_dir("/tmp/tree");
    make_dir("/tmp/tree/sub");
    do_mount("isolab-sub", "/tmp/tree/sub", "tmpfs", 0);
    put("/tmp/tree/sub/inner", "inner\n");
    make_dir("/tmp/flat");
    make_dir("/tmp/deep");
    do_mount("/tmp/tree", "/tmp/flat", NULL, MS_BIND);
    do_mount("/tmp/tree", "/tmp/deep", NULL, MS_BIND | MS_REC);
    printf("plain bind: /tmp/flat/sub/inner: %s\n",
           access("/tmp/flat/sub/inner", F_OK) == 0
               ? "present"
               : "absent (the mount below stays behind)");
    printf("recursive bind: /tmp/deep/sub/inner: %s\n",
           access("/tmp/deep/sub/inner", F_OK) == 0 ? "present" : "absent");

    /* A read-only view of a writable directory. */
    make_dir("/tmp/ro");
    do_mount("/tmp/dir", "/tmp/ro", NULL, MS_BIND);
    do_mount("none", "/tmp/ro", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY);
    int ro = open("/tmp/ro/f", O_WRONLY);
    int ro_errno = errno;
    int rw = open("/tmp/dir/f", O_WRONLY);
    printf("read-only bind: write to /tmp/ro/f: %s; to /tmp/dir/f: %s\n",
           ro == -1 ? errno_name(ro_errno) : "ok",
           rw == -1 ? errno_name(errno) : "ok");
    return EXIT_SUCCESS;
}
