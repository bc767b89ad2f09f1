// SPDX-License-Identifier: MIT
/*
 * demo_noroot - a capabilities-only environment: UID 0 is just a number
 *
 * Demonstrates: the securebits that switch off root's special treatment,
 * locked so that no descendant can switch it back on. With
 * SECBIT_NOROOT, executing a program as UID 0 (or a set-UID-root one)
 * grants no capabilities; with SECBIT_NO_SETUID_FIXUP, changing UIDs no
 * longer touches the capability sets; SECBIT_KEEP_CAPS is locked off.
 * Each bit's _LOCKED companion makes it permanent for this process and
 * all it starts. Then CMD runs as root with no capabilities at all,
 * unless it is given some the capability way (-c: inheritable and
 * ambient).
 *
 * Usage: demo_noroot [-c CAP] CMD [ARG...]
 *   -c CAP  keep this one capability for CMD, through the ambient set
 *
 * Try:
 *     $ sudo ./demo_noroot ./capshow
 *     securebits: 0x2f
 *     clear them again: Operation not permitted (EPERM)
 *     CapInh: 0000000000000000
 *     CapPrm: 0000000000000000
 *     ...
 *     securebits: 0x2f (noroot, noroot_locked, no_setuid_fixup, ...)
 *     NoNewPrivs: 0
 *     $ sudo ./demo_noroot -c net_bind_service ./capshow | grep Prm
 *     CapPrm: 0000000000000400
 *     $ sudo touch /tmp/x
 *     $ sudo ./demo_noroot sh -c 'id -u; chown 1 /tmp/x'
 *     securebits: 0x2f
 *     clear them again: Operation not permitted (EPERM)
 *     0
 *     chown: changing ownership of '/tmp/x': Operation not permitted
 *     $ ../userns/userns_child_exec -r ./demo_noroot ./capshow | grep secure
 *     securebits: 0x2f
 *     securebits: 0x2f (noroot, noroot_locked, no_setuid_fixup, ...)
 *   Observe: id says 0, the kernel says no (what UID 0 still has is
 *   ownership: root's own files are still its own). Trying to clear the
 *   locked bits fails with EPERM, even for a process with every
 *   capability.
 *
 * Needs: CAP_SETPCAP: root, or root in a user namespace (as above).
 *
 * See also: capabilities(7) (The securebits flags: establishing a
 * capabilities-only environment), prctl(2) PR_SET_SECUREBITS, capsh(1)
 * --secbits; TLPI 39.8; course chapter 11.
 */
#include <errno.h>
#include <linux/securebits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "compat.h" /* PR_CAP_AMBIENT */
#include "capname.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_noroot [-c CAP] CMD [ARG...]\n"
    "  -c CAP  keep this one capability for CMD, through the ambient set\n";

#define CAPS_ONLY                                                              \
    (SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |           \
     SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_KEEP_CAPS_LOCKED)

int
main(int argc, char *argv[])
{
    int opt, bits, keep = 0;
    cap_value_t cap = 0;
    cap_t caps;

    while ((opt = get_option(argc, argv, "+c:h")) != -1) {
        switch (opt) {
        case 'c':
            cap = parse_cap(optarg, "-c");
            keep = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    if (prctl(PR_SET_SECUREBITS, CAPS_ONLY, 0, 0, 0) == -1) {
        if (errno == EPERM)
            fatal("PR_SET_SECUREBITS: needs CAP_SETPCAP; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("prctl PR_SET_SECUREBITS");
    }
    bits = prctl(PR_GET_SECUREBITS);
    printf("securebits: 0x%x\n", bits);
    /* Locked: not even this process, with all its capabilities, may
     * undo it. */
    if (prctl(PR_SET_SECUREBITS, 0, 0, 0, 0) == 0)
        fatal("the securebits could be cleared: they are not locked");
    printf("clear them again: %s (%s)\n", strerror(errno), errno_name(errno));

    if (keep) { /* the capability way: inheritable, then ambient */
        caps = cap_get_proc();
        if (caps == NULL ||
            cap_set_flag(caps, CAP_INHERITABLE, 1, &cap, CAP_SET) == -1 ||
            cap_set_proc(caps) == -1)
            err_exit("cap_set_proc");
        cap_free(caps);
        if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) == -1)
            err_exit("prctl PR_CAP_AMBIENT_RAISE");
    }
    fflush(stdout);
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
