// SPDX-License-Identifier: MIT
/*
 * copy_sparse - copy a file and keep its holes
 *
 * Exercise (see exercises/fileio/README.md, "copy_sparse"): this skeleton
 * copies every byte, so the holes of SOURCE become written zeros in DEST.
 * Make the copy keep the holes: copy only the data, and seek over the
 * rest. Fill in the TODO(copy_sparse) parts.
 *
 * Usage: copy_sparse SOURCE DEST
 *
 * Try:
 *     $ truncate -s 1G /tmp/big; echo end >> /tmp/big
 *     $ ./copy_sparse /tmp/big /tmp/big.copy
 *     $ du -h /tmp/big /tmp/big.copy; cmp /tmp/big /tmp/big.copy
 *     $ make grade EX=fileio/copy_sparse      # from the top of the kit
 *
 * Needs: nothing special; a file system with holes (ext4, xfs, btrfs,
 * tmpfs) to see the result.
 *
 * See also: lseek(2) (SEEK_DATA, SEEK_HOLE), ftruncate(2), cp(1)
 * (--sparse); TLPI 4.7 and exercise 4-2.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: copy_sparse SOURCE DEST\n";

int
main(int argc, char *argv[])
{
    char buf[65536];
    int in, out, opt;
    ssize_t n;

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
    out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (out == -1)
        err_exit("open %s", dst);

    /* TODO(copy_sparse): this loop writes the holes out as zeros. Copy
     * only the data ranges instead, at the same offsets. */
    while ((n = read(in, buf, sizeof(buf))) > 0) {
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, n - done);
            if (w == -1)
                err_exit("write %s", dst);
            done += w;
        }
    }
    if (n == -1)
        err_exit("read %s", src);

    /* TODO(copy_sparse): a file that ends in a hole must keep its size. */
    if (close(out) == -1)
        err_exit("close %s", dst);
    return EXIT_SUCCESS;
}
