// SPDX-License-Identifier: MIT
/*
 * demo_idmap - an ID-mapped mount: the same files, their owners seen
 * through a user namespace's map
 *
 * Demonstrates: since Linux 5.12 a mount can carry an ID mapping of its
 * own (mount_setattr() with MOUNT_ATTR_IDMAP and a user namespace's
 * descriptor). Nothing on disk changes: through that mount, a file whose
 * owner on disk is an ID on the left of the namespace's uid_map ("0
 * 100000 65536": 0..65535) shows as the ID beside it (100000..165535),
 * an owner outside the map shows as the overflow ID (65534), and a file
 * created through the mount is stored with the ID mapped back. This is
 * how a container runtime shows a root file system owned by root on disk
 * to a container whose root is host UID 100000, without a chown of every
 * file, and how systemd-homed moves a home directory between machines.
 *
 * The program makes a directory (in $TMPDIR or /tmp) with a file owned
 * by 0, one by 1000 and one by 200000; a user namespace mapping 0..65535
 * to 100000..165535; a detached copy of the directory's mount
 * (open_tree), ID-mapped through that namespace, then attached beside it
 * in a mount namespace of its own. It compares the owners, and creates a
 * file through the mapped view twice: as root (UID 0 has no place in the
 * map: EOVERFLOW) and as UID 100000 (stored as 0). The directory is
 * removed at the end, however the demo ends.
 *
 * An ordinary user cannot: only a process with CAP_SYS_ADMIN in the user
 * namespace that mounted the file system may map its IDs. Run so, the
 * program tries as root of a user namespace of its own, shows the
 * refusal, and exits 77.
 *
 * Usage: demo_idmap
 *
 * Try:
 *     $ ./demo_idmap
 *     mapping: my own user namespace's, uid_map 0 65534 1
 *     mount_setattr MOUNT_ATTR_IDMAP: Operation not permitted (EPERM)
 *     demo_idmap: only root may map the IDs of a file system it mounted: ...
 *     $ sudo ./demo_idmap
 *     mapping: uid_map and gid_map 0 100000 65536 (a container's)
 *     mount options of view: rw,...idmapped
 *     file         on disk        through view
 *     by-0         0:0            100000:100000
 *     by-1000      1000:1000      101000:101000
 *     by-200000    200000:200000  65534:65534
 *     create view/as-0 as UID 0: Value too large for defined data type (EOVERFLOW)
 *     create view/as-100000 as UID 100000: on disk 0:0
 *   Observe: one set of inodes, two answers: the IDs are mapped where
 *   the kernel reports them through the mount, and mapped back where it
 *   stores them. Root itself, outside the map, can make nothing there.
 *
 * Needs: Linux 5.12; root (CAP_SYS_ADMIN where the file system was
 * mounted); a file system with ID-mapped mounts under /tmp (ext4, xfs,
 * btrfs; tmpfs since Linux 6.3).
 *
 * See also: mount_setattr(2) (ID-mapped mounts), open_tree(2),
 * move_mount(2), user_namespaces(7); TLPI has no ID-mapped mounts (Linux
 * 5.12, after it; TLPI 14.9.4 for bind mounts); course chapter 19.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS, setresuid(), nftw() */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h> /* setgroups() */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h" /* sys_open_tree(), sys_mount_setattr(), ... */
#include "isolab.h"

static const char usage_text[] = "Usage: demo_idmap\n";

/* The map: a container's, 65536 IDs from 100000. */
#define MAP "0 100000 65536\n"

/* The files on disk, and the owner each gets. */
static const struct {
    const char *name;
    unsigned int id;
} files[] = {{"by-0", 0}, {"by-1000", 1000}, {"by-200000", 200000}};

/* The directory the demo works in, and its two parts. */
static char top[256], disk[300], view[300];

/* A user namespace whose uid_map and gid_map are MAP, as a descriptor.
 * Only a process can make one: a child unshares, the parent writes its
 * maps (as root in the parent namespace it may map any IDs) and opens
 * /proc/CHILD/ns/user; the descriptor keeps the namespace once the child
 * has gone. */
static int
mapping_userns(void)
{
    int ready[2], done[2], fd, status;
    char path[64], byte;
    pid_t pid;

    if (pipe(ready) == -1 || pipe(done) == -1)
        err_exit("pipe");
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        close(ready[0]);
        close(done[1]);
        if (unshare(CLONE_NEWUSER) == -1)
            userns_failed("unshare CLONE_NEWUSER");
        if (write(ready[1], "", 1) != 1 || read(done[0], &byte, 1) < 0)
            err_exit_child("sync with the parent");
        _exit(0);
    }
    /* Our copies of the child's ends closed: if the child dies before it
     * writes, the read sees the end of the pipe, not a wait for ever. */
    close(ready[1]);
    close(done[0]);
    if (read(ready[0], &byte, 1) != 1) /* the child failed, and said why */
        exit(waitpid(pid, &status, 0) == pid ? child_exit_status(status)
                                             : EXIT_FAILURE);
    snprintf(path, sizeof(path), "/proc/%ld/uid_map", (long)pid);
    map_write(path, MAP);
    snprintf(path, sizeof(path), "/proc/%ld/gid_map", (long)pid);
    map_write(path, MAP);
    snprintf(path, sizeof(path), "/proc/%ld/ns/user", (long)pid);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        err_exit("open %s", path);
    if (write(done[1], "", 1) != 1 || waitpid(pid, &status, 0) == -1)
        err_exit("end the child");
    close(ready[0]);
    close(done[1]);
    return fd;
}

/* The mount options (mountinfo's sixth field) of the mount at PATH. */
static void
show_options(const char *path, const char *name)
{
    char line[4096], point[4096], opts[1024];
    const char *found = "(not mounted)";
    FILE *f = fopen("/proc/self/mountinfo", "r");

    if (f == NULL)
        err_exit("open /proc/self/mountinfo");
    while (fgets(line, sizeof(line), f) != NULL)
        if (sscanf(line, "%*s %*s %*s %*s %4095s %1023s", point, opts) == 2 &&
            strcmp(point, path) == 0)
            found = opts; /* the last one: the mount on top */
    printf("mount options of %s: %s\n", name, found);
    fclose(f);
}

/* "UID:GID" of PATH, as the kernel reports it through PATH's mount. */
static const char *
owner(const char *path, char *buf, size_t size)
{
    struct stat sb;

    if (lstat(path, &sb) == -1)
        err_exit("stat %s", path);
    snprintf(buf, size, "%u:%u", (unsigned)sb.st_uid, (unsigned)sb.st_gid);
    return buf;
}

/* Create view/NAME as UID and GID ID, in a child (root's own process
 * keeps its IDs), and say what happened. */
static void
create_as(unsigned int id)
{
    char path[400], buf[32];
    int status;
    pid_t pid;

    snprintf(path, sizeof(path), "%s/as-%u", view, id);
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        int fd;

        if (id != 0 &&
            (setgroups(0, NULL) == -1 || setresgid(id, id, id) == -1 ||
             setresuid(id, id, id) == -1))
            err_exit_child("become UID %u", id);
        /* The kernel maps the creator's IDs back through the mount's map
         * to the IDs stored on disk; one with no place in it cannot be
         * stored. */
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd == -1) {
            printf("create view/as-%u as UID %u: %s (%s)\n", id, id,
                   strerror(errno), errno_name(errno));
            fflush(stdout); /* _exit() does not */
            _exit(0);
        }
        close(fd);
        snprintf(path, sizeof(path), "%s/as-%u", disk, id);
        printf("create view/as-%u as UID %u: on disk %s\n", id, id,
               owner(path, buf, sizeof(buf)));
        fflush(stdout);
        _exit(0);
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    if (status != 0)
        exit(child_exit_status(status));
}

/* The demo proper, in a child of its own: whatever becomes of it, the
 * parent removes the directory afterwards. */
static void
demo(void)
{
    struct mount_attr attr = {.attr_set = MOUNT_ATTR_IDMAP,
                              .propagation = MS_PRIVATE};
    char path[400], on_disk[32], seen[32];
    int root = geteuid() == 0, tree, userns;
    size_t i;

    if (mkdir(disk, 0755) == -1 || mkdir(view, 0755) == -1)
        err_exit("mkdir in %s", top);
    for (i = 0; root && i < sizeof(files) / sizeof(files[0]); i++) {
        int fd;

        snprintf(path, sizeof(path), "%s/%s", disk, files[i].name);
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd == -1 || fchown(fd, files[i].id, files[i].id) == -1)
            err_exit("make %s", path);
        close(fd);
    }

    /* Root: the map's namespace first, then a mount namespace of our
     * own, so that the new mount is seen by no one else. An ordinary
     * user needs a user namespace to own the mount namespace, and
     * becomes root in it: enough to copy a mount, not to map its IDs.
     * (Its own namespace is the only map it can offer.) */
    if (root) {
        userns = mapping_userns();
        if (unshare(CLONE_NEWNS) == -1)
            err_exit("unshare CLONE_NEWNS");
        printf("mapping: uid_map and gid_map %.*s (a container's)\n",
               (int)strlen(MAP) - 1, MAP);
    } else {
        uid_t uid = getuid();
        gid_t gid = getgid();

        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) == -1)
            userns_failed("unshare CLONE_NEWUSER | CLONE_NEWNS");
        map_root("self", uid, gid);
        userns = open("/proc/self/ns/user", O_RDONLY | O_CLOEXEC);
        if (userns == -1)
            err_exit("open /proc/self/ns/user");
        printf("mapping: my own user namespace's, uid_map 0 %u 1\n",
               (unsigned)uid);
    }
    if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit("make / private");

    /* A detached copy of the mount DISK is on (a bind mount not yet
     * anywhere): only such a mount may take a mapping, and only once. */
    tree = sys_open_tree(AT_FDCWD, disk, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
    if (tree == -1) {
        if (errno == ENOSYS)
            lacks("open_tree: not in this kernel (Linux 5.2)");
        err_exit("open_tree %s", disk);
    }
    attr.userns_fd = (unsigned long long)userns;
    if (sys_mount_setattr(tree, "", AT_EMPTY_PATH, &attr, sizeof(attr)) == -1) {
        int saved = errno;

        printf("mount_setattr MOUNT_ATTR_IDMAP: %s (%s)\n", strerror(saved),
               errno_name(saved));
        fflush(stdout);
        if (saved == EPERM && !root)
            lacks("only root may map the IDs of a file system it mounted: "
                  "an ID-mapped mount needs CAP_SYS_ADMIN in the user "
                  "namespace that mounted it; run as root");
        if (saved == ENOSYS)
            lacks("mount_setattr: not in this kernel (Linux 5.12)");
        if (saved == EINVAL)
            lacks("the file system under %s has no ID-mapped mounts (ext4, "
                  "xfs and btrfs have; tmpfs since Linux 6.3)",
                  top);
        errno = saved;
        err_exit("mount_setattr");
    }
    if (sys_move_mount(tree, "", AT_FDCWD, view, MOVE_MOUNT_F_EMPTY_PATH) == -1)
        err_exit("move_mount to %s", view);
    show_options(view, "view");

    /* The same inodes, two answers to stat(). */
    printf("%-12s %-14s %s\n", "file", "on disk", "through view");
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", disk, files[i].name);
        owner(path, on_disk, sizeof(on_disk));
        snprintf(path, sizeof(path), "%s/%s", view, files[i].name);
        printf("%-12s %-14s %s\n", files[i].name, on_disk,
               owner(path, seen, sizeof(seen)));
    }
    create_as(0);
    create_as(100000);
}

/* The demo's child, for pass_on(). */
static volatile pid_t demo_pid;

/* A signal that would end us ends the demo instead (kill() is safe in a
 * handler); we wait for it and clean up. */
static void
pass_on(int sig)
{
    kill(demo_pid, sig);
}

/* nftw's visitor: remove every entry, the deepest first. */
static int
remove_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    if ((type == FTW_DP ? rmdir(path) : unlink(path)) == -1)
        err_warn("remove %s", path);
    return 0;
}

int
main(int argc, char *argv[])
{
    struct sigaction sa = {.sa_handler = pass_on};
    int opt, status;
    pid_t pid;

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

    snprintf(top, sizeof(top), "%s/demo_idmap.XXXXXX", tmp_dir());
    if (mkdtemp(top) == NULL)
        err_exit("mkdtemp %s", top);
    /* mkdtemp() makes it 0700; UID 100000 must pass through it. */
    if (chmod(top, 0711) == -1)
        err_exit("chmod %s", top);
    snprintf(disk, sizeof(disk), "%s/disk", top);
    snprintf(view, sizeof(view), "%s/view", top);

    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        demo();
        exit(EXIT_SUCCESS);
    }
    /* Control-C, kill or a closed terminal end the demo, passed on to
     * it, and this process removes what it made. The mount is in the
     * child's namespace only: it went with it. */
    demo_pid = pid;
    if (sigaction(SIGINT, &sa, NULL) == -1 ||
        sigaction(SIGTERM, &sa, NULL) == -1 ||
        sigaction(SIGHUP, &sa, NULL) == -1)
        err_exit("sigaction");
    while (waitpid(pid, &status, 0) == -1)
        if (errno != EINTR)
            err_exit("waitpid");
    if (nftw(top, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == -1)
        err_warn("remove %s", top);
    return child_exit_status(status);
}
