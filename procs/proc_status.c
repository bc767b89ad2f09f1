// SPDX-License-Identifier: MIT
/*
 * proc_status - a readable view of /proc/PID/status
 *
 * Demonstrates: /proc is a file system whose files the kernel writes when
 * they are read: /proc/PID/status describes one process in "Key: value"
 * lines. This program reads that file the way any program can (open,
 * read lines, split at the colon) and explains the fields that the course
 * keeps coming back to: the state, the parent, the four user and group
 * IDs, the capability sets, no_new_privs, seccomp, the PID in each PID
 * namespace, the threads and the resident memory.
 *
 * Usage: proc_status [PID]
 *   PID defaults to the program itself.
 *
 * Try:
 *     $ ./proc_status $$
 *     Name: bash
 *     State: S (sleeping, interruptible)
 *     PPid: 4200
 *     Uid: real 1000, effective 1000, saved 1000, filesystem 1000
 *     Gid: real 1000, effective 1000, saved 1000, filesystem 1000
 *     ...
 *     NSpid: 4242
 *     ...
 *     CapEff: 0000000000000000
 *     ...
 *     NoNewPrivs: 0
 *     Seccomp: 0 (no seccomp)
 *     ...
 *     $ grep -e State -e Uid -e CapEff /proc/$$/status
 *     State:	S (sleeping)
 *     Uid:	1000	1000	1000	1000
 *     CapEff:	0000000000000000
 *   Observe: the same numbers as the raw file, explained. Try it on PID 1,
 *   on a process in a container, or under `unshare -Urp --fork`: the
 *   NSpid line then has one PID per PID namespace.
 *
 * Needs: nothing special; another user's process shows fewer fields.
 *
 * See also: proc(5) (/proc/PID/status), capabilities(7), seccomp(2),
 * pid_namespaces(7); TLPI 12.1.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: proc_status [PID]\n";

/* The letter in "State:" and what it means (proc(5)). */
static const char *
state_text(char c)
{
    switch (c) {
    case 'R':
        return "running or runnable";
    case 'S':
        return "sleeping, interruptible";
    case 'D':
        return "sleeping, uninterruptible (usually I/O)";
    case 'T':
        return "stopped by a signal";
    case 't':
        return "stopped by a debugger";
    case 'Z':
        return "zombie: ended, not yet reaped by its parent";
    case 'X':
        return "dead";
    case 'I':
        return "idle kernel thread";
    default:
        return "unknown";
    }
}

/* The Seccomp: line's mode, in words (seccomp(2)). */
static const char *
seccomp_text(int mode)
{
    return mode == 0   ? "no seccomp"
           : mode == 1 ? "strict mode: read, write, _exit, sigreturn only"
           : mode == 2 ? "filter mode: BPF filters decide"
                       : "unknown";
}

/* Print one "Key: value" line of the file, explained where it helps. */
static void
explain(const char *key, const char *value)
{
    unsigned long id[4];
    int mode;

    if (strcmp(key, "State") == 0) {
        printf("State: %c (%s)\n", value[0], state_text(value[0]));
    } else if ((strcmp(key, "Uid") == 0 || strcmp(key, "Gid") == 0) &&
               sscanf(value, "%lu %lu %lu %lu", &id[0], &id[1], &id[2],
                      &id[3]) == 4) {
        printf("%s: real %lu, effective %lu, saved %lu, filesystem %lu\n", key,
               id[0], id[1], id[2], id[3]);
    } else if (strcmp(key, "Seccomp") == 0 && sscanf(value, "%d", &mode)) {
        printf("Seccomp: %d (%s)\n", mode, seccomp_text(mode));
    } else {
        printf("%s: %s\n", key, value);
    }
}

int
main(int argc, char *argv[])
{
    /* The lines a container engineer looks at first: who the process is
     * (Uid, Gid: real, effective, saved, file system), what it may do
     * (the five capability sets, NoNewPrivs, Seccomp), where it lives
     * (NSpid: its PID in each PID namespace, outermost first). */
    static const char *const wanted[] = {
        "Name",    "State",           "PPid",   "Uid",
        "Gid",     "Groups",          "CapInh", "CapPrm",
        "CapEff",  "CapBnd",          "CapAmb", "NoNewPrivs",
        "Seccomp", "Seccomp_filters", "NSpid",  "Threads",
        "VmRSS",
    };
    char path[64], line[4096];
    FILE *f;
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind > 1)
        usage(EXIT_USAGE, usage_text);
    if (optind < argc)
        snprintf(path, sizeof(path), "/proc/%lld/status",
                 parse_ll(argv[optind], 10, 1, INT_MAX, "PID"));
    else
        snprintf(path, sizeof(path), "/proc/self/status");

    f = fopen(path, "r");
    if (f == NULL)
        err_exit("open %s", path);

    /* Each line is "Key:<tab>value". The order of the output is the
     * file's order, which is stable across kernel versions. */
    while (fgets(line, sizeof(line), f) != NULL) {
        char *colon = strchr(line, ':');
        char *value;

        if (colon == NULL)
            continue;
        *colon = '\0';
        value = colon + 1 + strspn(colon + 1, " \t");
        value[strcspn(value, "\n")] = '\0';
        for (size_t i = 0; i < sizeof(wanted) / sizeof(wanted[0]); i++)
            if (strcmp(line, wanted[i]) == 0)
                explain(line, value);
    }
    if (ferror(f))
        err_exit("read %s", path);
    fclose(f);
    return EXIT_SUCCESS;
}
