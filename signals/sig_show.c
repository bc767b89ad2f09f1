// SPDX-License-Identifier: MIT
/*
 * sig_show - the signal masks of any process, by name
 *
 * Demonstrates: /proc/PID/status shows a process's signal state as
 * 64-bit masks in hexadecimal, where bit N-1 stands for signal N:
 * SigPnd (pending for this thread), ShdPnd (pending for the whole
 * process), SigBlk (blocked), SigIgn (ignored) and SigCgt (caught by a
 * handler). This program decodes each mask into signal names.
 *
 * Usage: sig_show [PID]
 *   PID defaults to the program itself.
 *
 * Try:
 *     $ ./sig_count &
 *     pid: 4300
 *     waiting for signals (SIGTERM ends)
 *     $ ./sig_show $!
 *     SigQ: ...
 *     SigPnd: 0000000000000000
 *     ShdPnd: 0000000000000000
 *     SigBlk: 0000000000000000
 *     SigIgn: 0000000000000000
 *     SigCgt: 0000000000004a07 SIGHUP SIGINT SIGQUIT SIGUSR1 SIGUSR2 SIGTERM
 *     $ sh -c './sig_show & wait' | grep SigIgn     # itself, in the background
 *     SigIgn: 0000000000000006 SIGINT SIGQUIT
 *     $ ./sig_show $$     # your shell: more ignored and caught on a terminal
 *   Observe: sig_count catches the signals it counts, and while it
 *   waits in sigsuspend() blocks none. A background job started by a
 *   shell without job control (sh -c) ignores SIGINT and SIGQUIT, so
 *   Control-C cannot reach it. An interactive shell ignores SIGTERM,
 *   SIGQUIT and the job-control stops, and catches SIGINT and SIGCHLD.
 *   SigQ counts queued signals against the RLIMIT_SIGPENDING limit.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: proc(5) (/proc/PID/status), signal(7); TLPI 20.10.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: sig_show [PID]\n";

/* Print a mask line: the hex as the kernel wrote it, then the names. */
static void
decode(const char *key, const char *hex)
{
    /* A mask is 64 bits, one per signal: bit N-1 is signal N (SIGHUP,
     * 1, is the lowest bit; the real-time signals fill the top). */
    unsigned long long mask = strtoull(hex, NULL, 16);
    char name[32];

    printf("%s: %s", key, hex);
    for (int sig = 1; sig <= 64; sig++)
        if (mask & (1ULL << (sig - 1)))
            printf(" %s", signal_name(sig, name, sizeof(name)));
    printf("\n");
}

int
main(int argc, char *argv[])
{
    char path[64], line[1024];
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
    /* Another process's status file is readable by anyone; its signal
     * masks are not secret. */
    if (optind < argc)
        snprintf(path, sizeof(path), "/proc/%lld/status",
                 parse_ll(argv[optind], 10, 1, INT_MAX, "PID"));
    else
        snprintf(path, sizeof(path), "/proc/self/status");

    /* The kernel shows a process's signal state in its status file:
     * SigQ (queued signals / the limit), SigPnd (pending for this
     * thread), ShdPnd (pending for the whole process), SigBlk (blocked),
     * SigIgn (ignored), SigCgt (caught: a handler is installed). */
    f = fopen(path, "r");
    if (f == NULL)
        err_exit("open %s", path);
    /* Lines are "Key:<tab>value"; the masks are hex strings. */
    while (fgets(line, sizeof(line), f) != NULL) {
        char key[16], value[64];

        if (sscanf(line, "%15[^:]: %63s", key, value) != 2)
            continue;
        if (strcmp(key, "SigQ") == 0)
            printf("SigQ: %s\n", value);
        else if (strncmp(key, "Sig", 3) == 0 || strcmp(key, "ShdPnd") == 0)
            decode(key, value);
    }
    fclose(f);
    return EXIT_SUCCESS;
}
