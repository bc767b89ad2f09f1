// SPDX-License-Identifier: MIT
/*
 * mystery - a program that fails without saying why (a strace exercise)
 *
 * Demonstrates: error messages that hide the cause, and how strace finds
 * it anyway: every system call a process makes, with its arguments and
 * its result, failed ones ending in "= -1 ENAME (text)". The failure here
 * happens in a helper process, so strace must follow children (-f).
 * Try to find the cause with strace before reading the code below.
 *
 * Usage: mystery
 *
 * Try:
 *     $ ./mystery
 *     mystery: starting the helper
 *     mystery: the helper failed
 *     $ strace ./mystery                 # the parent only: not enough
 *     $ strace -f ./mystery 2>&1 | grep -e '= -1' -e exit
 *     access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or ...
 *     ...
 *     +++ exited with 1 +++
 *   Observe: the loader's own failed calls (a missing /etc/ld.so.preload
 *   is normal) come first; look for the last failed call of the helper's
 *   PID before it exits with status 1. Then answer in
 *   exercises/proclife/mystery.answer.
 *
 * Needs: strace (make deps installs it).
 *
 * See also: strace(1), proclife/README.md ("strace"); TLPI 24 (fork).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: mystery\n";

/* The helper reads a settings file, and fails quietly if it cannot. */
static noreturn void
helper(void)
{
    char buf[256];
    int fd = open("/etc/isolab/mystery.conf", O_RDONLY);

    if (fd == -1)
        _exit(EXIT_FAILURE);
    if (read(fd, buf, sizeof(buf)) == -1)
        _exit(EXIT_FAILURE);
    _exit(EXIT_SUCCESS);
}

int
main(int argc, char *argv[])
{
    int opt, status;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    printf("mystery: starting the helper\n");
    fflush(stdout);
    switch (fork()) {
    case -1:
        err_exit("fork");
    case 0:
        helper();
    default:
        if (wait(&status) == -1)
            err_exit("wait");
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fatal("the helper failed");
    printf("mystery: all good\n");
    return EXIT_SUCCESS;
}
