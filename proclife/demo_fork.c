// SPDX-License-Identifier: MIT
/*
 * demo_fork - what a child gets from fork(): copies, and one thing shared
 *
 * Demonstrates: fork() makes the child a copy of the parent: its global,
 * stack and heap variables start with the parent's values, but changes on
 * either side are not seen by the other. What is shared is below the
 * process: open file descriptions, so a write by the child moves the
 * parent's file offset. And the stdio buffer is memory too: text printed
 * but not yet flushed before fork() is in both copies and comes out
 * twice, which happens when stdout is a pipe or a file (fully buffered),
 * not on a terminal (line buffered).
 *
 * Usage: demo_fork [-f] FILE
 *   -f  flush stdout before fork(), the fix for the doubled line
 *   FILE is created (or truncated) to show the shared file offset.
 *
 * Try:
 *     $ ./demo_fork /tmp/f
 *     before fork, from pid 4300
 *     child: global 2, stack 20, heap 200
 *     parent: global 1, stack 10, heap 100
 *     parent: offset after the child wrote 6 bytes: 6
 *     $ ./demo_fork /tmp/f | cat
 *     before fork, from pid 4300
 *     child: global 2, stack 20, heap 200
 *     before fork, from pid 4300
 *     parent: global 1, stack 10, heap 100
 *     parent: offset after the child wrote 6 bytes: 6
 *     $ ./demo_fork -f /tmp/f | cat
 *     before fork, from pid 4300
 *     child: global 2, stack 20, heap 200
 *     parent: global 1, stack 10, heap 100
 *     parent: offset after the child wrote 6 bytes: 6
 *   Observe: through the pipe the first line is printed twice, once by
 *   each process, from its own copy of the buffer; -f empties the buffer
 *   before fork(). The parent's values are unchanged; its offset moved.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: fork(2), setvbuf(3), open(2); TLPI 24.2 and 25.4.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_fork [-f] FILE\n"
                                 "  -f  flush stdout before fork()\n";

/* Three variables in three places of memory (data, stack, heap): the
 * child gets a copy of each, so its changes are its own. */
static int global = 1;

int
main(int argc, char *argv[])
{
    bool flush = false;
    int stack = 10, fd, opt, status;
    int *heap;

    while ((opt = get_option(argc, argv, "fh")) != -1) {
        switch (opt) {
        case 'f':
            flush = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);

    heap = malloc(sizeof(*heap));
    if (heap == NULL)
        err_exit("malloc");
    *heap = 100;
    /* A descriptor opened before fork() is shared differently: the child
     * gets a copy of the descriptor, but both copies refer to the same
     * open file description, with one file offset between them. */
    fd = open(argv[optind], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd == -1)
        err_exit("open %s", argv[optind]);

    /* On a terminal stdout is line-buffered and this line is out at once;
     * into a pipe or a file it waits in the buffer, a part of our memory,
     * which fork() copies: then parent and child both print it at exit.
     * -f flushes it first, as a program should before fork(). */
    printf("before fork, from pid %ld\n", (long)getpid());
    if (flush)
        fflush(stdout);

    switch (fork()) {
    case -1:
        err_exit("fork");
    case 0:
        /* The child changes its copies and writes through the shared
         * description, then exit() flushes its copy of the buffer. */
        global *= 2;
        stack *= 2;
        *heap *= 2;
        printf("child: global %d, stack %d, heap %d\n", global, stack, *heap);
        if (write(fd, "child\n", 6) != 6)
            err_exit("write");
        exit(EXIT_SUCCESS);
    default:
        if (wait(&status) == -1)
            err_exit("wait");
    }
    /* Our copies are as they were; the offset has moved: the child's
     * write went through the shared description. */
    printf("parent: global %d, stack %d, heap %d\n", global, stack, *heap);
    printf("parent: offset after the child wrote 6 bytes: %lld\n",
           (long long)lseek(fd, 0, SEEK_CUR));
    return EXIT_SUCCESS;
}
