// SPDX-License-Identifier: MIT
/*
 * cap_bound_drop - drop capabilities from the bounding set, then execute
 *
 * Demonstrates: the bounding set is the ceiling of what execve() can
 * grant. Once a capability is dropped from it (prctl PR_CAPBSET_DROP,
 * which needs CAP_SETPCAP), neither root's execve() nor a file's
 * capabilities can put it back into the permitted set, in this process
 * or any it starts: the set is inherited and can only shrink. A file
 * whose capabilities are "dumb" (+ep) and would miss one fails to
 * execute at all (EPERM), rather than run without it.
 *
 * Usage: cap_bound_drop CAPS CMD [ARG...]
 *   CAPS: capability names separated by commas (net_raw,chown)
 *
 * Try (full bounding set):
 *     $ sudo ./cap_bound_drop net_raw ./capshow | head -4
 *     CapBnd: 000001ffffffdfff (dropped net_raw)
 *     CapInh: 0000000000000000
 *     CapPrm: 000001ffffffdfff
 *     CapEff: 000001ffffffdfff
 *     $ install -d -m 700 ~/caps; cp /bin/ping ~/caps/p
 *     $ sudo setcap cap_net_raw+p ~/caps/p
 *     $ sudo ./cap_bound_drop net_raw setpriv --reuid=nobody \
 *           --regid=nogroup --clear-groups ~/caps/p -c1 127.0.0.1
 *     ...
 *     $ rm -r ~/caps                  # no file-capability copy left
 *   Observe: even root's new program lacks cap_net_raw (bit 13); the
 *   file capability gives nobody nothing.
 *
 * Needs: CAP_SETPCAP: root, or root in a user namespace.
 *
 * See also: capabilities(7) (Capability bounding set), prctl(2)
 * PR_CAPBSET_DROP; TLPI 39.5.1; course chapter 11.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "capname.h"
#include "isolab.h"

static const char usage_text[] = "Usage: cap_bound_drop CAPS CMD [ARG...]\n"
                                 "  CAPS: capability names separated by "
                                 "commas (net_raw,chown)\n";

int
main(int argc, char *argv[])
{
    cap_value_t caps[64];
    char value[32], *list, *tok, *save;
    int opt, i, n = 0;

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

    /* All names first: nothing is dropped if one of them is wrong. */
    list = strdup(argv[optind]); /* strtok_r() cuts it up */
    if (list == NULL)
        err_exit("strdup");
    for (tok = strtok_r(list, ",", &save); tok != NULL && n < 64;
         tok = strtok_r(NULL, ",", &save)) {
        caps[n++] = parse_cap(tok, NULL);
    }
    free(list);

    /* The bounding set limits what any later execve() can give: file
     * capabilities, set-UID root, all of it is cut to the set. Dropping
     * needs CAP_SETPCAP, and nothing can add a capability back: it is
     * how a runtime caps what a container can ever hold. */
    for (i = 0; i < n; i++) {
        if (prctl(PR_CAPBSET_DROP, caps[i], 0, 0, 0) == -1) {
            if (errno == EPERM)
                fatal("PR_CAPBSET_DROP: needs CAP_SETPCAP; run as root, or "
                      "under ../userns/userns_child_exec -r");
            err_exit("prctl PR_CAPBSET_DROP %d", caps[i]);
        }
    }
    /* The kernel's view, to compare with the names dropped: a cleared
     * bit per capability. */
    if (proc_status_value("self", "CapBnd", value, sizeof(value)) == -1)
        err_exit("/proc/self/status");
    printf("CapBnd: %s (dropped %s)\n", value, argv[optind]);
    /* The set is inherited by children and kept across execve(): the
     * command runs bounded. */
    fflush(stdout);
    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
