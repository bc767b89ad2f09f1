// SPDX-License-Identifier: MIT
/*
 * tee - copy standard input to standard output and to files
 *
 * Demonstrates: one read() feeding several write()s; O_TRUNC vs O_APPEND
 * chosen by an option; carrying on after one file fails, as tee(1) does,
 * and saying so in the exit status.
 *
 * Usage: tee [-a] [FILE...]
 *   -a  append to each FILE instead of truncating it
 *
 * Try:
 *     $ echo hello | ./tee /tmp/a /tmp/b
 *     hello
 *     $ echo again | ./tee -a /tmp/a; cat /tmp/a
 *     again
 *     hello
 *     again
 *   Observe: without -a each FILE starts empty; with -a the new lines go
 *   after the old ones. A FILE that cannot be opened is reported, the
 *   others are still written, and the exit status is 1.
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
    int opt, nfiles, *fds;
    char buf[65536];
    ssize_t n;

    while ((opt = get_option(argc, argv, "ah")) != -1) {
        switch (opt) {
        case 'a':
            flags = O_WRONLY | O_CREAT | O_APPEND;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }

    /* fds[0] is standard output; the files follow. -1 marks a file that
     * could not be opened or written: it is skipped from then on. */
    nfiles = argc - optind;
    fds = malloc((nfiles + 1) * sizeof(int));
    if (fds == NULL)
        err_exit("malloc");
    fds[0] = STDOUT_FILENO;
    for (int i = 0; i < nfiles; i++) {
        fds[i + 1] = open(argv[optind + i], flags, 0666);
        if (fds[i + 1] == -1) {
            err_warn("open %s", argv[optind + i]);
            status = EXIT_FAILURE;
        }
    }

    while ((n = read(STDIN_FILENO, buf, sizeof(buf))) > 0) {
        for (int i = 0; i <= nfiles; i++) {
            if (fds[i] != -1 && !write_all(fds[i], buf, n)) {
                err_warn("write %s", i == 0 ? "stdout" : argv[optind + i - 1]);
                fds[i] = -1;
                status = EXIT_FAILURE;
            }
        }
    }
    if (n == -1)
        err_exit("read stdin");

    for (int i = 1; i <= nfiles; i++) {
        if (fds[i] != -1 && close(fds[i]) == -1) {
            err_warn("close %s", argv[optind + i - 1]);
            status = EXIT_FAILURE;
        }
    }
    free(fds);
    return status;
}
