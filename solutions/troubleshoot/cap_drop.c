// SPDX-License-Identifier: MIT
/*
 * cap_drop - run a command as root, but without one capability
 *
 * Demonstrates: where a capability must be dropped for it to stay gone.
 * Clearing it from the permitted and effective sets lasts only until the
 * next execve(): a program run as UID 0 gets the whole bounding set back
 * (the root rule of capabilities(7)). Dropping it from the bounding set
 * (PR_CAPBSET_DROP) is for good, for this process and all it runs.
 *
 * Usage: cap_drop CAP CMD [ARG...]
 *
 * Try (full bounding set):
 *     $ sudo ./cap_drop net_raw grep CapEff /proc/self/status
 *     CapEff:	000001ffffffdfff
 *     $ ../../userns/userns_child_exec -r ./cap_drop net_raw ping -c1 ::1
 *     cap_drop: exec ping: Operation not permitted (EPERM)
 *
 * Needs: CAP_SETPCAP: root, or root in a user namespace (as above).
 *
 * See also: capabilities(7) (Capability bounding set), prctl(2)
 * PR_CAPBSET_DROP, exercises/troubleshoot/README.md; the capstone, after course
 * chapter 26; TLPI chapter 39.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: cap_drop CAP CMD [ARG...]\n";

int
main(int argc, char *argv[])
{
    char name[64];
    cap_value_t cap;
    int opt;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind < 2)
        usage(EXIT_USAGE, usage_text);
    snprintf(name, sizeof(name), "%s%s",
             strncmp(argv[optind], "cap_", 4) == 0 ? "" : "cap_", argv[optind]);
    if (cap_from_name(name, &cap) == -1)
        usage_err("'%s' is not a capability", argv[optind]);

    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == -1)
        err_exit("prctl PR_CAPBSET_DROP %s (needs CAP_SETPCAP)", name);

    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
