// SPDX-License-Identifier: MIT
/*
 * copy_sparse - copy a file and keep its holes
 *
 * Demonstrates: a plain read()/write() copy turns every hole into written
 * zeros, so a 1 GiB sparse file that uses 8 KiB becomes a copy that uses
 * 1 GiB. SEEK_DATA and SEEK_HOLE find the data ranges; copying only those,
 * and seeking over the rest, keeps the holes. A file that ends in a hole
 * gets its size from ftruncate(), since nothing is written there.
 *
 * Usage: copy_sparse SOURCE DEST
 *
 * Try:
 *     $ truncate -s 1G /tmp/big; echo end >> /tmp/big
 *     $ ./copy_sparse /tmp/big /tmp/big.copy
 *     $ du -h /tmp/big /tmp/big.copy; cmp /tmp/big /tmp/big.copy
 *     ...K	/tmp/big
 *     ...K	/tmp/big.copy
 *   Observe: both use a few KiB, and cmp finds them equal.
 *
 * Needs: nothing special; a file system with holes (ext4, xfs, btrfs,
 * tmpfs) to see the result.
 *
 * See also: lseek(2) (SEEK_DATA, SEEK_HOLE), ftruncate(2), cp(1)
 * (--sparse); TLPI 4.7 and exercise 4-2.
 */
#define _GNU_SOURCE /* SEEK_DATA, SEEK_HOLE */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: copy_sparse SOURCE DEST\n";

/* Copy LEN bytes at offset POS from IN to OUT, at the same offset. */
static void
copy_range(int in, int out, off_t pos, off_t len)
{
    char buf[65536];

    while (len > 0) {
        size_t want = len < (off_t)sizeof(buf) ? (size_t)len : sizeof(buf);
        ssize_t n = pread(in, buf, want, pos);

        if (n == -1)
            err_exit("read");
        if (n == 0)
            break; /* the file shrank while we copied */
        for (ssize_t done = 0; done < n;) {
            ssize_t w = pwrite(out, buf + done, n - done, pos + done);
            if (w == -1)
                err_exit("write");
            done += w;
        }
        pos += n;
        len -= n;
    }
}

int
main(int argc, char *argv[])
{
    struct stat sb;
    off_t data, hole = 0;
    int in, out, opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 2)
        usage(EXIT_USAGE, usage_text);
    const char *src = argv[optind], *dst = argv[optind + 1];

    in = open(src, O_RDONLY);
    if (in == -1)
        err_exit("open %s", src);
    if (fstat(in, &sb) == -1)
        err_exit("fstat %s", src);
    out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (out == -1)
        err_exit("open %s", dst);

    /* Data ranges only: each SEEK_DATA finds the next one after a hole,
     * each SEEK_HOLE its end. ENXIO means no data after HOLE. */
    while ((data = lseek(in, hole, SEEK_DATA)) != -1) {
        hole = lseek(in, data, SEEK_HOLE);
        if (hole == -1)
            err_exit("lseek SEEK_HOLE %s", src);
        copy_range(in, out, data, hole - data);
    }
    if (errno != ENXIO)
        err_exit("lseek SEEK_DATA %s", src);

    /* A trailing hole was never written: set the size explicitly. */
    if (ftruncate(out, sb.st_size) == -1)
        err_exit("ftruncate %s", dst);
    if (close(out) == -1)
        err_exit("close %s", dst);
    return EXIT_SUCCESS;
}
