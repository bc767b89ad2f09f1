// SPDX-License-Identifier: MIT
/*
 * demo_environ - the environment list, changed and passed on
 *
 * Demonstrates: a process's environment is a list of NAME=VALUE strings
 * reached through the global variable environ. setenv() copies the
 * string; putenv() puts the caller's own string in the list, so changing
 * that string later changes the environment; unsetenv() removes a name;
 * clearenv() empties the list. A child made by fork() gets a copy, and
 * execve() passes on whatever list the caller gives it.
 *
 * Usage: demo_environ [-c] [-s NAME=VALUE] [-p NAME=VALUE] [-u NAME]...
 *   -c             clearenv()
 *   -s NAME=VALUE  setenv(NAME, VALUE, 1)
 *   -p NAME=VALUE  putenv("NAME=VALUE"), then change the string's first
 *                  value character to 'X' and show getenv() follow it
 *   -u NAME        unsetenv(NAME)
 *   The options are applied in the order given; then the environment is
 *   printed, and a child runs env(1) with it after fork() and execve().
 *
 * Try:
 *     $ env -i A=1 B=2 ./demo_environ -u A -s C=3 -p D=4
 *     putenv: getenv("D") after the change: X
 *     environ[0]: B=2
 *     environ[1]: C=3
 *     environ[2]: D=X
 *     child after execve of env(1):
 *     B=2
 *     C=3
 *     D=X
 *   Observe: env -i starts from an empty environment. The child prints
 *   what the parent passed to execve(); the parent's changes are there.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: environ(7), setenv(3), putenv(3), clearenv(3), execve(2),
 * env(1); TLPI 6.7.
 */
#define _GNU_SOURCE /* clearenv() */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

extern char **environ;

static const char usage_text[] =
    "Usage: demo_environ [-c] [-s NAME=VALUE] [-p NAME=VALUE] [-u NAME]...\n"
    "  -c  clearenv()     -s  setenv()     -p  putenv()     -u  unsetenv()\n"
    "  applied in the order given\n";

/* -p: the string stays part of the environment after putenv(). */
static void
demo_putenv(char *string)
{
    char *eq = strchr(string, '=');
    char name[256];
    const char *value;

    if (eq == NULL || eq == string || eq[1] == '\0' ||
        eq - string >= (ptrdiff_t)sizeof(name))
        usage_err("-p: '%s' is not NAME=VALUE with a VALUE", string);
    snprintf(name, sizeof(name), "%.*s", (int)(eq - string), string);
    if (putenv(string) != 0)
        err_exit("putenv %s", string);
    eq[1] = 'X';          /* change our own string, not "the environment"... */
    value = getenv(name); /* ...and the environment has changed too */
    printf("putenv: getenv(\"%s\") after the change: %s\n", name,
           value != NULL ? value : "(not set)");
}

static void
demo_setenv(const char *arg)
{
    char *name = strdup(arg);
    char *eq = name != NULL ? strchr(name, '=') : NULL;

    if (name == NULL)
        err_exit("strdup");
    if (eq == NULL || eq == name)
        usage_err("-s: '%s' is not NAME=VALUE", arg);
    *eq = '\0';
    if (setenv(name, eq + 1, 1) == -1)
        err_exit("setenv %s", name);
    free(name); /* setenv() made its own copy */
}

int
main(int argc, char *argv[])
{
    int opt, status;

    while ((opt = get_option(argc, argv, "cs:p:u:h")) != -1) {
        switch (opt) {
        case 'c':
            if (clearenv() != 0)
                fatal("clearenv failed");
            break;
        case 's':
            demo_setenv(optarg);
            break;
        case 'p':
            demo_putenv(optarg);
            break;
        case 'u':
            if (unsetenv(optarg) == -1)
                err_exit("unsetenv '%s'", optarg);
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    for (int i = 0; environ != NULL && environ[i] != NULL; i++)
        printf("environ[%d]: %s\n", i, environ[i]);

    /* The child's environment is the list given to execve(). */
    printf("child after execve of env(1):\n");
    fflush(stdout);
    switch (fork()) {
    case -1:
        err_exit("fork");
    case 0: {
        char *env_argv[] = {"env", NULL};

        execve("/usr/bin/env", env_argv, environ);
        exec_failed("/usr/bin/env");
    }
    default:
        if (wait(&status) == -1)
            err_exit("wait");
    }
    return child_exit_status(status);
}
