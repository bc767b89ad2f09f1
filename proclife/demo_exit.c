// SPDX-License-Identifier: MIT
/*
 * demo_exit - how a process ends: exit handlers, _exit() and the status
 *
 * Demonstrates: exit() (and returning from main()) runs the functions
 * registered with atexit(), last registered first, then flushes and
 * closes the stdio streams, then ends the process with _exit(). Calling
 * _exit() directly skips all of that: unflushed output is lost. The
 * status passed to exit() reaches the parent as its low 8 bits only, so
 * exit(256) looks like success and exit(-1) like 255.
 *
 * Usage: demo_exit [-_] [-s STATUS]
 *   -_         end with _exit() instead of returning from main()
 *   -s STATUS  the exit status to use (-1000 to 1000; default 0)
 *
 * Try:
 *     $ ./demo_exit | cat
 *     main: registered two handlers
 *     main: ending with exit(0)
 *     main: the parent will see status 0
 *     handler 2
 *     handler 1
 *     $ ./demo_exit -_ | cat
 *     $ ./demo_exit -s 256 >/dev/null; echo $?
 *     0
 *   Observe: the handlers run in reverse order. With -_ and a pipe
 *   nothing at all is printed: the lines were still in the stdio buffer,
 *   and _exit() does not flush it. (On a terminal they appear, because
 *   each line is flushed as it is printed.)
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: exit(3), _exit(2), atexit(3), wait(2); TLPI 25.1-25.4.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_exit [-_] [-s STATUS]\n"
    "  -_         end with _exit() instead of returning from main()\n"
    "  -s STATUS  the exit status to use (-1000 to 1000; default 0)\n";

/* Two exit handlers. They print into stdout's buffer, which exit()
 * flushes after they have run: so their lines still come out. */
static void
handler1(void)
{
    printf("handler 1\n");
}

static void
handler2(void)
{
    printf("handler 2\n");
}

int
main(int argc, char *argv[])
{
    bool raw = false;
    int status = 0, opt;

    while ((opt = get_option(argc, argv, "_s:h")) != -1) {
        switch (opt) {
        case '_':
            raw = true;
            break;
        case 's':
            status = parse_ll(optarg, 10, -1000, 1000, "-s");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* atexit() keeps a list that exit() runs in reverse order: the last
     * registered runs first, as with a stack of cleanups, each undoing
     * what was set up before it. */
    if (atexit(handler1) != 0 || atexit(handler2) != 0)
        fatal("atexit failed");
    printf("main: registered two handlers\n");
    printf("main: ending with %s(%d)\n", raw ? "_exit" : "exit", status);
    /* Only the low 8 bits of the status reach the parent (WEXITSTATUS):
     * -1 arrives as 255, 256 as 0, which a shell would take for success. */
    printf("main: the parent will see status %d\n", status & 0xff);
    /* _exit() goes straight to the kernel: no handlers run, and stdio's
     * buffers are not flushed, so lines still in stdout's buffer (all of
     * them, when stdout is a pipe or a file) are lost. */
    if (raw)
        _exit(status);
    /* Returning from main() is exit(status): handlers, then flushing,
     * then _exit(). */
    return status;
}
