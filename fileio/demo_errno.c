// SPDX-License-Identifier: MIT
/*
 * demo_errno - how a failing system call tells you what went wrong
 *
 * Demonstrates: a system call that fails returns -1 (or another documented
 * error value) and leaves a number in errno; strerror() turns the number
 * into text, and the symbolic name (ENOENT, EISDIR, ...) is the word to
 * look for in the ERRORS section of the call's man page. errno keeps its
 * value after a later call succeeds, so it means something only right
 * after a failure.
 *
 * Usage: demo_errno [PATH...]
 *   With no PATH, make a set of calls that each fail in a documented way.
 *   With PATHs, try to open each one read-only and report the outcome.
 *
 * Try:
 *     $ ./demo_errno
 *     open("/nonexistent/file", O_RDONLY) = -1 ENOENT (No such file or ...
 *     open("/", O_WRONLY) = -1 EISDIR (Is a directory)
 *     ...
 *     $ ./demo_errno /etc/hostname /etc/shadow
 *     open("/etc/hostname", O_RDONLY) = 3
 *     open("/etc/shadow", O_RDONLY) = -1 EACCES (Permission denied)
 *   Observe: the lines look like strace(1)'s, because strace prints the
 *   same two things: the return value and errno's symbolic name. As an
 *   ordinary user /etc/shadow fails with EACCES; as root it opens. Each
 *   name is in the ERRORS section of the call's man page (man 2 open).
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: errno(3), strerror(3), open(2) ERRORS, intro(2); TLPI 3.4.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_errno [PATH...]\n";

/* Print one call in strace's notation: the result, and on failure the
 * symbolic errno name with strerror()'s text. */
static void
show(const char *call, long result)
{
    if (result == -1)
        printf("%s = -1 %s (%s)\n", call, errno_name(errno), strerror(errno));
    else
        printf("%s = %ld\n", call, result);
}

static void
show_failures(void)
{
    int pipefd[2];
    char buf[1];

    /* Each call fails for a different reason, and errno names it:
     * ENOENT (no such file), EISDIR (a directory opened for writing),
     * ENOTDIR (a path through a file), EEXIST, EBADF (no such
     * descriptor). A program tells them apart by errno, never by the
     * text, which depends on the locale. */
    show("open(\"/nonexistent/file\", O_RDONLY)",
         open("/nonexistent/file", O_RDONLY));
    show("open(\"/\", O_WRONLY)", open("/", O_WRONLY));
    show("open(\"/dev/null/x\", O_RDONLY)", open("/dev/null/x", O_RDONLY));
    show("mkdir(\"/\", 0755)", mkdir("/", 0755));
    show("read(-1, buf, 1)", read(-1, buf, 1));
    show("close(-1)", close(-1));

    /* A pipe has no file offset, so seeking on it makes no sense. */
    if (pipe(pipefd) == -1)
        err_exit("pipe");
    show("lseek(pipe, 0, SEEK_SET)", lseek(pipefd[0], 0, SEEK_SET));

    /* errno is set on failure only: a successful call leaves the old value,
     * so testing errno without first seeing -1 reports a stale error. */
    errno = 0;
    show("open(\"/nonexistent/file\", O_RDONLY)",
         open("/nonexistent/file", O_RDONLY));
    show("getpid()", getpid());
    printf("errno after the successful getpid(): %s (stale)\n",
           errno_name(errno));

    /* The same failure, reported in the kit's own message format. */
    errno = ENOENT;
    err_warn("open %s", "/nonexistent/file");
}

int
main(int argc, char *argv[])
{
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }

    if (optind == argc) {
        show_failures();
        return EXIT_SUCCESS;
    }

    /* Descriptors are left open: the process is about to exit, and exit
     * closes them all. */
    for (int i = optind; i < argc; i++) {
        char call[4096 + 32];

        snprintf(call, sizeof(call), "open(\"%s\", O_RDONLY)", argv[i]);
        show(call, open(argv[i], O_RDONLY));
    }
    return EXIT_SUCCESS;
}
