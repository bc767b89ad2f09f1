// SPDX-License-Identifier: MIT
/*
 * demo_holes - lseek() past the end of a file makes a hole
 *
 * Demonstrates: lseek() may move the file offset beyond the end of the
 * file; a write there leaves a gap, a "hole", that reads back as zeros but
 * takes no disk blocks. The file's size (st_size) counts the hole; the
 * blocks it uses (st_blocks, in 512-byte units) do not. SEEK_DATA and
 * SEEK_HOLE find where the data and the holes are.
 *
 * Usage: demo_holes [-o OFFSET] FILE
 *   Create (or truncate) FILE, write "start", seek to OFFSET (9 or more;
 *   default 1048576), write "end", then report the size, the blocks and the map
 *   of data and holes.
 *
 * Try:
 *     $ ./demo_holes /tmp/sparse
 *     size: 1048579
 *     allocated: 8192
 *     data: 0-4095
 *     hole: 4096-1048575
 *     data: 1048576-1048578
 *     hole reads as: 0 0 0 0
 *     $ du -h --apparent-size /tmp/sparse; du -h /tmp/sparse
 *     1.1M	/tmp/sparse
 *     8.0K	/tmp/sparse
 *   Observe: a 1 MiB file that uses 8 KiB. The map's edges fall on the
 *   file system's block size; a file system without holes (some network
 *   ones) reports one data range and allocates every block.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: lseek(2) (SEEK_DATA, SEEK_HOLE), stat(2), du(1); TLPI 4.7.
 */
#define _GNU_SOURCE /* SEEK_DATA, SEEK_HOLE */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_holes [-o OFFSET] FILE\n"
    "  -o OFFSET  where to write \"end\": 9 or more (1048576)\n";

static void
write_at(int fd, off_t offset, const char *text, const char *path)
{
    ssize_t n;

    if (lseek(fd, offset, SEEK_SET) == -1)
        err_exit("lseek %s", path);
    n = write(fd, text, strlen(text));
    if (n == -1)
        err_exit("write %s", path);
    if ((size_t)n != strlen(text))
        fatal("write %s: short write of %zd bytes", path, n);
}

/* Walk the file with SEEK_DATA and SEEK_HOLE; there is an implicit hole at
 * the end of every file, so the walk ends when it reaches the size. */
static void
print_map(int fd, off_t size, const char *path)
{
    off_t pos = 0;

    while (pos < size) {
        off_t data = lseek(fd, pos, SEEK_DATA);

        if (data == -1 && errno == ENXIO) /* only hole from pos to end */
            data = size;
        else if (data == -1)
            err_exit("lseek SEEK_DATA %s", path);
        if (data > pos)
            printf("hole: %jd-%jd\n", (intmax_t)pos, (intmax_t)data - 1);
        if (data == size)
            break;

        off_t hole = lseek(fd, data, SEEK_HOLE);
        if (hole == -1)
            err_exit("lseek SEEK_HOLE %s", path);
        printf("data: %jd-%jd\n", (intmax_t)data, (intmax_t)hole - 1);
        pos = hole;
    }
}

int
main(int argc, char *argv[])
{
    off_t offset = 1048576;
    unsigned char zeros[4];
    struct stat sb;
    int fd, opt;

    while ((opt = get_option(argc, argv, "o:h")) != -1) {
        switch (opt) {
        case 'o':
            /* At least 9: room for "start" and a 4-byte hole after it. */
            offset = parse_ll(optarg, 0, 9, (long long)1 << 40, "-o");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    const char *path = argv[optind];

    fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd == -1)
        err_exit("open %s", path);

    /* The gap between the two writes is never written: it is the hole. */
    write_at(fd, 0, "start", path);
    write_at(fd, offset, "end", path);

    if (fstat(fd, &sb) == -1)
        err_exit("fstat %s", path);
    printf("size: %jd\n", (intmax_t)sb.st_size);
    printf("allocated: %jd\n", (intmax_t)sb.st_blocks * 512);
    print_map(fd, sb.st_size, path);

    /* Reading inside the hole, just after "start", gives zeros. */
    if (pread(fd, zeros, sizeof(zeros), strlen("start")) != sizeof(zeros))
        err_exit("pread %s", path);
    printf("hole reads as: %d %d %d %d\n", zeros[0], zeros[1], zeros[2],
           zeros[3]);
    return EXIT_SUCCESS;
}
