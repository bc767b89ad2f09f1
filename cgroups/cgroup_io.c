// SPDX-License-Identifier: MIT
/*
 * cgroup_io - io.max caps a cgroup's reads from a disk, and io.stat
 * counts them
 *
 * Demonstrates: the io controller (v2). Its limits are per device,
 * "MAJOR:MINOR" of a whole disk (a partition is refused): io.max takes
 * rbps and wbps (bytes a second) and riops and wiops (operations a
 * second), each "max" until set. A child reads COUNT blocks of 4 KiB
 * from a file on the disk under DIR, with O_DIRECT so that each read is
 * an I/O to the disk and not a copy from the page cache: first in a
 * cgroup with no limit, then with riops=IOPS in io.max. The kernel holds
 * each read back until it fits in the rate (blk-throttle), so the second
 * run takes about COUNT / IOPS seconds. io.stat counts what each cgroup
 * did, device by device (rios, rbytes, ...); io.pressure how long its
 * processes waited. (io.weight, proportional shares, needs a scheduler
 * that honours it, such as BFQ; io.latency is for protecting one cgroup's
 * latency.) docker run --device-read-iops writes this file.
 *
 * Usage: cgroup_io [-r IOPS] [-n COUNT] [-d DIR] [-P PARENT]
 *   -r IOPS    the limit, reads a second (50)
 *   -n COUNT   how many 4 KiB reads the child makes (IOPS * 2)
 *   -d DIR     a directory on the disk to read from (/var/tmp)
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *
 * Try (cgroup v2, systemd, the test guest):
 *     $ sudo systemd-run --scope -p Delegate=yes ./cgroup_io
 *     Running scope as unit: run-r....scope
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     disk: 254:0 (vda), under /var/tmp
 *     no limit: 100 reads in ... s
 *     io.stat: 254:0 rbytes=409600 wbytes=0 rios=100 wios=0 ...
 *     io.max: 254:0 rbps=max wbps=max riops=50 wiops=max
 *     riops=50: 100 reads in ... s
 *     io.stat: 254:0 rbytes=819200 wbytes=0 rios=200 wios=0 ...
 *   Observe: the same reads, about two seconds slower; io.stat counts
 *   each read, 4096 bytes each. The numbers of the disk
 *   (254:0 here) are the machine's: lsblk shows them.
 *
 * Needs: cgroup v2 with the io controller; root, or a cgroup delegated to
 * you (-P, or systemd-run --user --scope -p Delegate=yes); a cgroup of
 * its own; DIR on a disk (not tmpfs, overlayfs or btrfs, whose files are
 * on no one device of their own) that takes O_DIRECT.
 *
 * See also: cgroups(7), Documentation/admin-guide/cgroup-v2.rst (IO),
 * open(2) (O_DIRECT); TLPI 13.6 for O_DIRECT (TLPI has no cgroups);
 * course chapter 23.
 */
#define _GNU_SOURCE /* O_DIRECT */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h> /* major(), minor() */
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_io [-r IOPS] [-n COUNT] [-d DIR] [-P PARENT]\n"
    "  -r IOPS    the limit, reads a second (50)\n"
    "  -n COUNT   how many 4 KiB reads the child makes (IOPS * 2)\n"
    "  -d DIR     a directory on the disk to read from (/var/tmp)\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n";

enum { BLOCK = 4096 };

/* The whole disk that holds DIR, as "MAJOR:MINOR" in DEV and its name
 * in NAME. /sys/dev/block/MAJOR:MINOR is the kernel's entry for a block
 * device; a partition's has a "partition" file, and its parent
 * directory is the disk's. A file system on no block device (tmpfs,
 * overlayfs, btrfs) has a st_dev with no entry there. */
static void
disk_of(const char *dir, char *dev, size_t dsize, char *name, size_t nsize)
{
    char path[PATH_MAX + 16], real[PATH_MAX], text[32];
    struct stat sb;
    char *slash;
    int fd;
    ssize_t n;

    if (stat(dir, &sb) == -1)
        err_exit("stat %s", dir);
    snprintf(path, sizeof(path), "/sys/dev/block/%u:%u", major(sb.st_dev),
             minor(sb.st_dev));
    if (realpath(path, real) == NULL)
        lacks("%s is on no block device of its own (%u:%u: tmpfs, "
              "overlayfs, btrfs...); name a directory on a disk with -d",
              dir, major(sb.st_dev), minor(sb.st_dev));
    snprintf(path, sizeof(path), "%s/partition", real);
    if (access(path, F_OK) == 0) { /* the disk is one level up */
        slash = strrchr(real, '/');
        *slash = '\0';
    }
    snprintf(path, sizeof(path), "%s/dev", real);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1 || (n = read(fd, text, sizeof(text) - 1)) <= 0)
        err_exit("read %s", path);
    close(fd);
    text[n] = '\0';
    text[strcspn(text, "\n")] = '\0';
    snprintf(dev, dsize, "%s", text);
    snprintf(name, nsize, "%s", strrchr(real, '/') + 1);
}

/* A nameless file in DIR of COUNT blocks, written and synced to the
 * disk; main() opens it again, for direct reading. */
static int
data_file(const char *dir, long count)
{
    static char block[BLOCK];
    int fd;
    long i;

    fd = nameless_file(dir, O_RDWR | O_CLOEXEC); /* gone with us */
    if (fd == -1)
        err_exit("create a file in %s", dir);
    memset(block, 'x', sizeof(block));
    for (i = 0; i < count; i++)
        if (write(fd, block, sizeof(block)) != (ssize_t)sizeof(block))
            err_exit("write the file in %s", dir);
    if (fsync(fd) == -1)
        err_exit("fsync");
    return fd;
}

/* The child: COUNT direct reads of 4 KiB, one after the other. O_DIRECT
 * wants the buffer, the offset and the size aligned to the disk's
 * blocks; 4096 suits every disk. */
static void
reader(int fd, long count)
{
    void *buf;
    long i;

    if (posix_memalign(&buf, BLOCK, BLOCK) != 0)
        fatal_child("posix_memalign");
    for (i = 0; i < count; i++)
        if (pread(fd, buf, BLOCK, (off_t)i * BLOCK) != BLOCK)
            err_exit_child("pread with O_DIRECT");
    _exit(EXIT_SUCCESS);
}

/* Run the reader in the cgroup CG; return how long it took, in seconds. */
static double
timed_run(const char *cg, int fd, long count)
{
    struct timespec t0, t1;
    int status, go[2];
    char byte;
    pid_t pid;

    if (pipe(go) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) { /* wait until in the cgroup, then read */
        close(go[1]);
        if (read(go[0], &byte, 1) == -1)
            err_exit_child("read");
        reader(fd, count);
    }
    close(go[0]);
    if (cg_move(cg, pid) == -1) {
        kill(pid, SIGKILL);
        err_exit("move %d to %s", (int)pid, cg);
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    close(go[1]); /* go */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (status != 0)
        exit(child_exit_status(status));
    return (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* The line of io.stat (or io.max) for the device DEV, or "(none)". */
static void
show_line(const char *cg, const char *file, const char *dev)
{
    char text[4096], *line, *save;
    size_t len = strlen(dev);

    if (cg_read(cg, file, text, sizeof(text)) == -1)
        err_exit("read %s/%s", cg, file);
    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save))
        if (strncmp(line, dev, len) == 0 && line[len] == ' ') {
            printf("%s: %s\n", file, line);
            return;
        }
    printf("%s: (no line for %s)\n", file, dev);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL, *dir = "/var/tmp";
    char cg[PATH_MAX], dev[32], name[64];
    long iops = 50, count = 0;
    struct cg_hier h;
    double secs;
    int opt, fd, dfd;

    while ((opt = get_option(argc, argv, "r:n:d:P:h")) != -1) {
        switch (opt) {
        case 'r':
            iops = parse_ll(optarg, 10, 1, 1000000, "-r");
            break;
        case 'n':
            count = parse_ll(optarg, 10, 1, 100000, "-n");
            break;
        case 'd':
            dir = optarg;
            break;
        case 'P':
            parent = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    if (count == 0)
        count = 2 * iops;

    cg_need("io", 2, &h);
    disk_of(dir, dev, sizeof(dev), name, sizeof(name));
    printf("disk: %s (%s), under %s\n", dev, name, dir);

    /* The data, and a descriptor that reads past the page cache. */
    fd = data_file(dir, count);
    snprintf(cg, sizeof(cg), "/proc/self/fd/%d", fd);
    dfd = open(cg, O_RDONLY | O_DIRECT | O_CLOEXEC);
    if (dfd == -1) {
        if (errno == EINVAL)
            lacks("the file system under %s does not take O_DIRECT", dir);
        err_exit("reopen the file with O_DIRECT");
    }
    close(fd);

    /* One cgroup: the reads first as they are, then under the limit.
     * io.stat counts both. */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));
    secs = timed_run(cg, dfd, count);
    printf("no limit: %ld reads in %.2f s\n", count, secs);
    show_line(cg, "io.stat", dev);

    if (cg_write(cg, "io.max", "%s riops=%ld", dev, iops) == -1)
        err_exit("write '%s riops=%ld' to %s/io.max", dev, iops, cg);
    show_line(cg, "io.max", dev);
    secs = timed_run(cg, dfd, count);
    printf("riops=%ld: %ld reads in %.2f s\n", iops, count, secs);
    show_line(cg, "io.stat", dev);

    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return EXIT_SUCCESS;
}
