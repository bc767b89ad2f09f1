// SPDX-License-Identifier: MIT
/*
 * run_fd - run the program open on a descriptor, under a name of our own
 *
 * Usage: run_fd FD NAME [ARG...]
 *
 * The tests make their set-UID and file-capability copies in a directory
 * only root may enter (0700), so that no other user of the machine can
 * reach them, and open each on a descriptor that the unprivileged test
 * user inherits. execveat(FD, "", AT_EMPTY_PATH) runs the file itself,
 * with its mode bits and capabilities, without a path lookup through
 * that directory; NAME becomes argv[0], so the program's messages keep
 * its own name. It is linked statically: no dynamic linker runs for it,
 * so LD_PRELOAD and the like reach the program untouched, as they would
 * if the caller ran it by path. Not a demo: a fixture for
 * tests/helper.bash's priv_copy.
 */
#define _GNU_SOURCE /* AT_EMPTY_PATH */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char usage_text[] = "Usage: run_fd FD NAME [ARG...]\n";

extern char **environ;

int
main(int argc, char *argv[])
{
    char *end;
    long fd;

    if (argc == 2 && strcmp(argv[1], "-h") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    errno = 0;
    fd = argc < 3 ? -1 : strtol(argv[1], &end, 10);
    if (argc < 3 || errno != 0 || *end != '\0' || fd < 0 || fd > 1 << 20) {
        fputs(usage_text, stderr);
        return 2;
    }
    syscall(SYS_execveat, (int)fd, "", &argv[2], environ, AT_EMPTY_PATH);
    fprintf(stderr, "run_fd: exec %s: %s (%s)\n", argv[2], strerror(errno),
            strerrorname_np(errno));
    return errno == ENOENT ? 127 : 126;
}
