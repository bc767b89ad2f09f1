// SPDX-License-Identifier: MIT
/*
 * tee - copy standard input to standard output and to files
 *
 * Exercise (see exercises/fileio/README.md, "tee"): this skeleton copies
 * standard input to standard output only. Make it also write to each FILE,
 * truncating them, or appending with -a. Fill in the TODO(tee) parts.
 *
 * Usage: tee [-a] [FILE...]
 *   -a  append to each FILE instead of truncating it
 *
 * Try:
 *     $ echo hello | ./tee /tmp/a /tmp/b; cat /tmp/a
 *     hello
 *     hello
 *     $ make grade EX=fileio/tee      # from the top of the kit
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: tee(1), open(2) (O_APPEND, O_TRUNC), read(2), write(2);
 * TLPI 4.3 and exercise 4-1.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: tee [-a] [FILE...]\n"
    "  -a  append to each FILE instead of truncating it\n";

/* Write all of BUF; false (errno set) if a write() fails. */
static bool
write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);

        if (n == -1)
            return false;
        buf += n;
        len -= n;
    }
    return true;
}

int
main(int argc, char *argv[])
{
    int flags = O_WRONLY | O_CREAT | O_TRUNC;
    int status = EXIT_SUCCESS;
    char buf[65536];
    int opt;
    ssize_t n;

    while ((opt = get_option(argc, argv, "ah")) != -1) {
        switch (opt) {
        case 'a':
            /* TODO(tee): open the files for appending instead. */
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }

    /* TODO(tee): open each of argv[optind] .. argv[argc - 1] with FLAGS
     * and mode 0666. A file that cannot be opened is reported with
     * err_warn() and skipped, and the exit status becomes EXIT_FAILURE. */
    (void)flags;

    while ((n = read(STDIN_FILENO, buf, sizeof(buf))) > 0) {
        if (!write_all(STDOUT_FILENO, buf, n)) {
            err_warn("write stdout");
            status = EXIT_FAILURE;
        }
        /* TODO(tee): write the same N bytes to every open file. */
    }
    if (n == -1)
        err_exit("read stdin");

    /* TODO(tee): close the files, reporting any close() that fails. */
    return status;
}
