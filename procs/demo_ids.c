// SPDX-License-Identifier: MIT
/*
 * demo_ids - the identifiers of a process
 *
 * Demonstrates: every process has a process ID and a parent process ID;
 * it belongs to a process group (a job, to the shell) and a session (the
 * processes of one login or terminal); and it runs with a real user and
 * group ID (who started it) and an effective user and group ID (what
 * permission checks use). The kernel shows the same values in
 * /proc/PID/stat and /proc/PID/status.
 *
 * Usage: demo_ids
 *
 * Try:
 *     $ echo "shell: $$"; ./demo_ids
 *     shell: 4242
 *     pid: 4250
 *     ppid: 4242
 *     pgid: 4250
 *     sid: ...
 *     uid: 1000
 *     euid: 1000
 *     gid: 1000
 *     egid: 1000
 *     $ setsid ./demo_ids | grep -e pid -e sid
 *     pid: 4260
 *     ppid: ...
 *     sid: 4260
 *   Observe: the shell is the parent, and put the program in a process
 *   group of its own (pgid = pid) inside the shell's session. Under
 *   setsid(1) the program leads a new session: sid = pid.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: getpid(2), getppid(2), getpgrp(2), getsid(2), getuid(2),
 * credentials(7), proc(5); TLPI 6.2, 9.1-9.3 and 34.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_ids\n";

int
main(int argc, char *argv[])
{
    int opt;

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

    /* None of these calls can fail: they only read the caller's state.
     * The types (pid_t, uid_t, gid_t) are integers of a size the C
     * library chooses: printed through intmax_t and uintmax_t, the
     * widest, the format fits them all. */
    printf("pid: %jd\n", (intmax_t)getpid());
    printf("ppid: %jd\n", (intmax_t)getppid());
    /* The process group (a shell's job) and the session (a login's
     * processes): what the terminal's signals go to. */
    printf("pgid: %jd\n", (intmax_t)getpgrp());
    printf("sid: %jd\n", (intmax_t)getsid(0));
    /* Real IDs say who started the process; effective IDs are what the
     * kernel checks. They differ in a set-UID program. */
    printf("uid: %ju\n", (uintmax_t)getuid());
    printf("euid: %ju\n", (uintmax_t)geteuid());
    printf("gid: %ju\n", (uintmax_t)getgid());
    printf("egid: %ju\n", (uintmax_t)getegid());
    return EXIT_SUCCESS;
}
