// SPDX-License-Identifier: MIT
/*
 * minish - a minimal shell: fork, exec, wait, and a PATH search
 *
 * Exercise (see exercises/proclife/README.md, "minish"): this skeleton
 * reads and splits the lines and has the exit builtin, but runs nothing.
 * Fill in the TODO(minish) parts: fork, the PATH search and exec in the
 * child, and the wait and status in the parent.
 *
 * Usage: minish
 *   Run the commands read from standard input, one per line (words split
 *   at spaces and tabs; no quotes, no variables, no pipes). The builtin
 *   "exit [N]" ends with N; at end of input minish exits with the last
 *   command's status. A command that cannot be found gets status 127,
 *   one found but not runnable 126.
 *
 * Try:
 *     $ printf 'echo hello\nls /nonexistent\n' | ./minish; echo $?
 *     $ make grade EX=proclife/minish      # from the top of the kit
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: fork(2), execve(2), waitpid(2), environ(7) (PATH), sh(1);
 * TLPI 24-27 (exercise 27-2 asks for the PATH search).
 */
#define _GNU_SOURCE /* strchrnul() */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: minish\n";

#define MAX_WORDS 64

extern char **environ;

int
main(int argc, char *argv[])
{
    char *line = NULL, *words[MAX_WORDS + 1];
    bool interactive = isatty(STDIN_FILENO);
    int opt, last = 0;
    size_t cap = 0;

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

    for (;;) {
        int n = 0;

        if (interactive)
            fprintf(stderr, "minish$ ");
        if (getline(&line, &cap, stdin) == -1)
            break;
        for (char *w = strtok(line, " \t\n"); w != NULL && n < MAX_WORDS;
             w = strtok(NULL, " \t\n"))
            words[n++] = w;
        words[n] = NULL;
        if (n == 0)
            continue;

        if (strcmp(words[0], "exit") == 0)
            exit(n > 1 ? atoi(words[1]) & 0xff : last);

        /* TODO(minish): fork(). In the child, execve() words[0] with
         * WORDS as its argv: directly if it contains a '/', otherwise
         * trying "DIR/words[0]" for each DIR in PATH; if nothing can be
         * run, print "minish: NAME: command not found" to stderr and
         * _exit(127) (126 if a candidate existed but was not runnable).
         * In the parent, waitpid() for the child and set LAST to its exit
         * status, or 128 + the signal that killed it. */
        fprintf(stderr, "minish: %s: not run (TODO)\n", words[0]);
        last = 0;
    }
    free(line);
    return last;
}
