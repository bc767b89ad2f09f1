// SPDX-License-Identifier: MIT
/*
 * demo_excl - O_CREAT|O_EXCL: create a file only if it does not exist yet
 *
 * Demonstrates: "check, then create" is a race. Two processes that each
 * see that FILE does not exist and then create it both believe they made
 * it: both would go on to use a lock or a PID file that only one of them
 * owns. open() with O_CREAT|O_EXCL does the check and the creation as one
 * atomic step: exactly one process creates the file and the other gets
 * EEXIST.
 *
 * Usage: demo_excl [-x] FILE
 *   -x  create with O_CREAT|O_EXCL instead of checking with access() first
 *
 * Try:
 *     $ ./demo_excl /tmp/lock | sort
 *     creators: 2
 *     process A: /tmp/lock does not exist yet
 *     process A: created /tmp/lock
 *     process B: /tmp/lock does not exist yet
 *     process B: created /tmp/lock
 *     $ rm /tmp/lock; ./demo_excl -x /tmp/lock | grep creat
 *     process ...: created /tmp/lock
 *     creators: 1
 *   Observe: the two processes wait for each other between the check and
 *   the creation, so the unlucky timing that a real race needs happens on
 *   every run. The lines of A and B come in an order that changes from
 *   run to run (sort puts them in one); with -x, A or B creates the file.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: open(2) (O_EXCL), access(2); TLPI 5.1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdnoreturn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_excl [-x] FILE\n"
    "  -x  create with O_CREAT|O_EXCL instead of checking first\n";

/* A child's exit status: it created the file, or it did not. */
#define CREATED     0
#define NOT_CREATED 3

/* One contender. It reports on READY once it has checked, then waits for
 * the parent to close GO, so both check before either creates. */
static noreturn void
contender(char name, const char *path, bool excl, int ready, int go)
{
    bool exists = false;
    char c = name;
    int fd;

    if (!excl) {
        exists = access(path, F_OK) == 0;
        printf("process %c: %s %s\n", name, path,
               exists ? "exists already" : "does not exist yet");
        fflush(stdout);
    }
    if (write(ready, &c, 1) != 1 || read(go, &c, 1) == -1)
        err_exit_child("synchronizing with the parent");
    if (exists)
        exit(NOT_CREATED);

    fd = open(path, O_WRONLY | O_CREAT | (excl ? O_EXCL : 0), 0644);
    if (fd == -1 && errno == EEXIST) { /* the other one won: the lesson */
        printf("process %c: open: %s (%s)\n", name, strerror(errno),
               errno_name(errno));
        exit(NOT_CREATED);
    }
    if (fd == -1) /* anything else is a real failure */
        err_exit_child("open %s", path);
    printf("process %c: created %s\n", name, path);
    exit(CREATED);
}

int
main(int argc, char *argv[])
{
    int ready[2], go[2], status, opt, creators = 0, failed = 0;
    bool excl = false;
    char c;

    while ((opt = get_option(argc, argv, "xh")) != -1) {
        switch (opt) {
        case 'x':
            excl = true;
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

    if (pipe(ready) == -1 || pipe(go) == -1)
        err_exit("pipe");
    fflush(stdout);
    for (char name = 'A'; name <= 'B'; name++) {
        switch (fork()) {
        case -1:
            err_exit("fork");
        case 0:
            close(go[1]);
            contender(name, path, excl, ready[1], go[0]);
        default:
            break;
        }
    }

    /* Both have checked once two bytes arrived; then let them go. */
    close(ready[1]);
    for (int i = 0; i < 2; i++)
        if (read(ready[0], &c, 1) != 1)
            fatal("a contender ended before it was ready");
    close(go[1]);

    while (wait(&status) != -1) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == CREATED)
            creators++;
        else if (!WIFEXITED(status) || WEXITSTATUS(status) != NOT_CREATED)
            failed = 1; /* it said why, on stderr */
    }
    printf("creators: %d\n", creators);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
