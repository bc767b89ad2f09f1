// SPDX-License-Identifier: MIT
/*
 * proc.c - small readers of /proc for the kit's demos
 */
#include <stdio.h>
#include <string.h>

#include "isolab.h"

char
proc_state(pid_t pid)
{
    char path[64], buf[512], *paren;
    size_t n;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
    f = fopen(path, "r");
    if (f == NULL)
        return 0;
    n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';

    /* "PID (NAME) STATE ...": NAME may itself hold ") ", so the state
     * follows the last parenthesis. */
    paren = strrchr(buf, ')');
    return paren != NULL && paren[1] == ' ' ? paren[2] : '?';
}
