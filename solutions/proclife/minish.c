// SPDX-License-Identifier: MIT
/*
 * minish - a minimal shell: fork, exec, wait, and a PATH search
 *
 * Demonstrates: the loop at the heart of every shell. Read a line, split
 * it into words, and for a command that is not built in: fork(); in the
 * child, find the program (a word with a '/' is a path; otherwise try
 * each directory of PATH in turn) and execve() it; in the parent, wait
 * for the child and keep its status: the exit status, or 128 + the
 * signal that killed it, as the shells report it in $?.
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
 *     hello
 *     ls: cannot access '/nonexistent': No such file or directory
 *     2
 *     $ echo nosuch | ./minish
 *     minish: nosuch: command not found
 *   Observe: the exit status of minish is the last command's, as with sh.
 *   Run ./minish alone to type at its prompt (shown only on a terminal).
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

/* In the child: execve() WORDS[0], searching PATH if it has no '/'. */
static noreturn void
run(char *words[])
{
    const char *path = getenv("PATH");
    char candidate[PATH_MAX];
    bool denied = false;

    if (strchr(words[0], '/') != NULL) {
        execve(words[0], words, environ);
        exec_failed(words[0]);
    }
    if (path == NULL)
        path = "/usr/local/bin:/usr/bin:/bin";
    /* Each entry of PATH in turn; an empty entry means ".". */
    for (const char *p = path;; p++) {
        const char *end = strchrnul(p, ':');
        int len = end - p;

        snprintf(candidate, sizeof(candidate), "%.*s/%s", len ? len : 1,
                 len ? p : ".", words[0]);
        execve(candidate, words, environ);
        /* EACCES also comes from a directory we may not search: only a
         * file that is there but not runnable counts as "denied". */
        if (errno == EACCES && access(candidate, F_OK) == 0)
            denied = true; /* keep looking, but remember */
        if (*end == '\0')
            break;
        p = end;
    }
    if (denied) {
        fprintf(stderr, "minish: %s: permission denied\n", words[0]);
        _exit(EXIT_CANNOT_EXEC);
    }
    fprintf(stderr, "minish: %s: command not found\n", words[0]);
    _exit(EXIT_NOT_FOUND);
}

int
main(int argc, char *argv[])
{
    char *line = NULL, *words[MAX_WORDS + 1];
    bool interactive = isatty(STDIN_FILENO);
    int opt, status, last = 0;
    size_t cap = 0;
    pid_t pid;

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

        fflush(stdout);
        pid = fork();
        if (pid == -1) {
            err_warn("fork");
            last = 1;
            continue;
        }
        if (pid == 0)
            run(words);
        if (waitpid(pid, &status, 0) == -1)
            err_exit("waitpid");
        last = child_exit_status(status);
    }
    free(line);
    return last;
}
