// SPDX-License-Identifier: MIT
/*
 * demo_args - the command-line arguments a program receives
 *
 * Demonstrates: execve() hands a program an argument list, argv, ending
 * with a NULL pointer; by convention argv[0] is the program's name. The
 * shell splits the command line into words and expands quotes and
 * wildcards before the program starts, so the program sees the result.
 * The kernel keeps a copy in /proc/PID/cmdline, NUL-separated.
 *
 * Usage: demo_args [--] [ARG...]
 *   Print argc and each argument with its index, in brackets so that
 *   spaces and empty arguments show, then compare with /proc/self/cmdline.
 *   Like every program in the kit it takes options (only -h here), so an
 *   argument that starts with '-' must follow "--".
 *
 * Try:
 *     $ ./demo_args one "two words" '' 'three'
 *     argc: 5
 *     argv[0]: [./demo_args]
 *     argv[1]: [one]
 *     argv[2]: [two words]
 *     argv[3]: []
 *     argv[4]: [three]
 *     argv[5]: NULL
 *     cmdline matches argv: yes
 *     $ (exec -a renamed ./demo_args) | head -2
 *     argc: 1
 *     argv[0]: [renamed]
 *     $ ./demo_args -- -x
 *     argc: 3
 *     argv[0]: [./demo_args]
 *     argv[1]: [--]
 *     argv[2]: [-x]
 *     argv[3]: NULL
 *     cmdline matches argv: yes
 *   Observe: quotes are gone, and "two words" is one argument. argv[0] is
 *   whatever the caller passed: exec -a sets it to anything. "--" is an
 *   argument too: getopt(3) uses it to end the options.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: execve(2), proc(5) (/proc/PID/cmdline); TLPI 6.6.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

/* /proc/self/cmdline holds the arguments, each ended by a NUL byte. */
static bool
cmdline_matches(int argc, char *argv[])
{
    static char buf[1 << 20];
    size_t len = 0, n, pos = 0;
    FILE *f = fopen("/proc/self/cmdline", "r");

    if (f == NULL)
        err_exit("fopen /proc/self/cmdline");
    while ((n = fread(buf + len, 1, sizeof(buf) - len, f)) > 0)
        len += n;
    fclose(f);

    for (int i = 0; i < argc; i++) {
        size_t arglen = strlen(argv[i]) + 1; /* with its NUL */

        if (pos + arglen > len || memcmp(buf + pos, argv[i], arglen) != 0)
            return false;
        pos += arglen;
    }
    return pos == len;
}

static const char usage_text[] = "Usage: demo_args [--] [ARG...]\n";

int
main(int argc, char *argv[])
{
    int opt;

    /* "+": stop at the first argument that is not an option. */
    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }

    /* The shell has already split the command line, removed quotes and
     * expanded wildcards: the program gets only the words, one per
     * argv element. */
    printf("argc: %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]: [%s]\n", i, argv[i]);
    /* The list ends with a NULL pointer: argv[argc] is always there. */
    printf("argv[%d]: %s\n", argc, argv[argc] == NULL ? "NULL" : "not NULL");
    /* The kernel keeps the same strings, NUL-separated, in
     * /proc/self/cmdline, which is what ps shows. */
    printf("cmdline matches argv: %s\n",
           cmdline_matches(argc, argv) ? "yes" : "no");
    return EXIT_SUCCESS;
}
