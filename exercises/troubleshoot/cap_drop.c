// SPDX-License-Identifier: MIT
/*
 * cap_drop - run a command as root, but without one capability
 *
 * Troubleshooting lab (see exercises/troubleshoot/README.md, "cap_drop"):
 * this launcher should run a command as root without one capability. It
 * drops it, checks that it is gone, and yet the command has it. Find out
 * why, and fix it.
 *
 * Usage: cap_drop CAP CMD [ARG...]
 *
 * Try:
 *     $ sudo ./cap_drop net_raw grep CapEff /proc/self/status
 *     CapEff: 000001ffffffdfff
 *     $ ../../userns/userns_child_exec -r ./cap_drop net_raw ping -c1 ::1
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
    cap_t caps;
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

    caps = cap_get_proc();
    if (caps == NULL ||
        cap_set_flag(caps, CAP_PERMITTED, 1, &cap, CAP_CLEAR) == -1 ||
        cap_set_flag(caps, CAP_EFFECTIVE, 1, &cap, CAP_CLEAR) == -1 ||
        cap_set_proc(caps) == -1)
        err_exit("drop %s", name);
    cap_free(caps);
    fprintf(stderr,
            "cap_drop: %s is out of the permitted and effective "
            "sets\n",
            name);

    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
