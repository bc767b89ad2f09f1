// SPDX-License-Identifier: MIT
/*
 * copy - copy a file with open(), read(), write() and close()
 *
 * Demonstrates: the four calls of universal I/O. read() may return fewer
 * bytes than asked for and returns 0 at end of file; write() may write
 * fewer bytes than asked for, so a correct copy loops until every byte is
 * out. The buffer size decides how many system calls the copy needs: try
 * -b 1 under strace -c and count them.
 *
 * Usage: copy [-v] [-b SIZE] SOURCE DEST
 *   -b SIZE  read and write SIZE bytes at a time (1 to 16777216;
 *            default 65536)
 *   -v       report the number of read() and write() calls and bytes
 *
 * Try:
 *     $ ./copy -v -b 4096 /etc/services /tmp/services.copy
 *     bytes: 12813
 *     reads: 5
 *     writes: 4
 *     $ cmp /etc/services /tmp/services.copy && echo same
 *     same
 *     $ strace -c -S name -e trace=read,write ./copy -b 1 /etc/hostname /tmp/h
 *     % time     seconds  usecs/call     calls    errors syscall
 *     ...
 *     ... read
 *     ... write
 *     ...
 *   Observe: one read() more than writes: the last read() returns 0, which
 *   is how end of file looks. DEST is created with mode 0666 less the umask.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: open(2), read(2), write(2), close(2), umask(2); TLPI 4.1-4.3.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: copy [-v] [-b SIZE] SOURCE DEST\n"
    "  -b SIZE  bytes per read() and write() (1 to 16777216; default 65536)\n"
    "  -v       report the number of read() and write() calls and bytes\n";

/* Write all LEN bytes of BUF, however many write() calls that takes. */
static long
write_all(int fd, const char *buf, size_t len, const char *name)
{
    long calls = 0;

    while (len > 0) {
        ssize_t n = write(fd, buf, len);

        if (n == -1)
            err_exit("write %s", name);
        calls++;
        buf += n;
        len -= n;
    }
    return calls;
}

int
main(int argc, char *argv[])
{
    size_t bufsize = 65536;
    long reads = 0, writes = 0;
    long long total = 0;
    bool verbose = false;
    int in, out, opt;
    ssize_t n;
    char *buf;

    while ((opt = get_option(argc, argv, "b:vh")) != -1) {
        switch (opt) {
        case 'b':
            bufsize = parse_ll(optarg, 0, 1, 16 * 1024 * 1024, "-b");
            break;
        case 'v':
            verbose = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 2)
        usage(EXIT_USAGE, usage_text);
    const char *src = argv[optind], *dst = argv[optind + 1];

    /* The buffer's size is the lesson: each read() and write() is a
     * system call, so a 1-byte buffer makes two calls per byte (-b 1 -v
     * shows it), while 64 KiB makes the cost of the calls vanish. */
    buf = malloc(bufsize);
    if (buf == NULL)
        err_exit("malloc %zu bytes", bufsize);

    /* Source first: if it cannot be opened, DEST is not created or
     * truncated for nothing. */
    in = open(src, O_RDONLY);
    if (in == -1)
        err_exit("open %s", src);
    /* 0666: rw for everyone, less what the umask takes away. */
    /* O_TRUNC: an existing DEST is emptied, as cp does. */
    out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (out == -1)
        err_exit("open %s", dst);

    /* read() returns what is there, up to BUFSIZE: less near the end,
     * less from a pipe or a terminal, 0 at the end of the file. Every
     * byte read is written before the next read. */
    while ((n = read(in, buf, bufsize)) > 0) {
        reads++;
        writes += write_all(out, buf, n, dst);
        total += n;
    }
    /* The loop ended: at end of file (0) or on an error (-1). */
    if (n == -1)
        err_exit("read %s", src);
    reads++; /* the read() that returned 0: end of file */

    /* close() can report a delayed write error (on NFS, for example), so
     * its result matters for the file that was written. */
    if (close(out) == -1)
        err_exit("close %s", dst);
    if (close(in) == -1)
        err_exit("close %s", src);
    free(buf);

    if (verbose) {
        printf("bytes: %lld\n", total);
        printf("reads: %ld\n", reads);
        printf("writes: %ld\n", writes);
    }
    return EXIT_SUCCESS;
}
