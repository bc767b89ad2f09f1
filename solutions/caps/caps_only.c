// SPDX-License-Identifier: MIT
/*
 * caps_only - run a command in a capabilities-only environment
 *
 * Demonstrates: a process tree in which UID 0 means nothing and only
 * capabilities count, for good. The securebits SECBIT_NOROOT and
 * SECBIT_NO_SETUID_FIXUP are set and, with SECBIT_KEEP_CAPS, locked, so
 * no descendant can undo them; the capabilities named with -c are
 * passed on through the inheritable and ambient sets, and every other
 * capability leaves the bounding set, so that not even a file's
 * capabilities can bring one back.
 *
 * Usage: caps_only [-c CAPS] CMD [ARG...]
 *   -c CAPS  the capabilities CMD keeps (names separated by commas)
 *
 * Try:
 *     $ sudo ./caps_only -c net_bind_service ../../caps/capshow
 *     CapInh: 0000000000000400
 *     CapPrm: 0000000000000400
 *     CapEff: 0000000000000400
 *     CapBnd: 0000000000000400
 *     CapAmb: 0000000000000400
 *     ...
 *     securebits: 0x2f (noroot, noroot_locked, no_setuid_fixup, ...)
 *     NoNewPrivs: 0
 *     $ ../../userns/userns_child_exec -r ./caps_only ../../caps/capshow | head -4
 *     CapInh: 0000000000000000
 *     CapPrm: 0000000000000000
 *     CapEff: 0000000000000000
 *     CapBnd: 0000000000000000
 *
 * Needs: CAP_SETPCAP: root, or root in a user namespace (as above).
 *
 * See also: capabilities(7) (The securebits flags), prctl(2) PR_SET_SECUREBITS,
 * PR_CAPBSET_DROP, PR_CAP_AMBIENT; TLPI chapter 39; course chapter 11.
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
    "Usage: caps_only [-c CAPS] CMD [ARG...]\n"
    "  -c CAPS  the capabilities CMD keeps (names separated by commas)\n";

static cap_value_t keep[64];
static int nkeep;

static void
parse_caps(char *list)
{
    char *tok, *save;

    for (tok = strtok_r(list, ",", &save); tok != NULL && nkeep < 64;
         tok = strtok_r(NULL, ",", &save)) {
        keep[nkeep++] = parse_cap(tok, "-c");
    }
}

static int
kept(cap_value_t cap)
{
    int i;

    for (i = 0; i < nkeep; i++)
        if (keep[i] == cap)
            return 1;
    return 0;
}

static void
caps_only(void)
{
    cap_value_t cap;
    cap_t caps;
    int i;

    /* 1. UID 0 stops counting, for this process and all below it. */
    if (prctl(PR_SET_SECUREBITS,
              SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
                  SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_KEEP_CAPS_LOCKED,
              0, 0, 0) == -1)
        err_exit("prctl PR_SET_SECUREBITS (needs CAP_SETPCAP)");
    /* 2. The bounding set: only what is kept (needs CAP_SETPCAP, so
     *    before the permitted set loses it). */
    for (cap = 0; cap < (cap_value_t)cap_max_bits(); cap++)
        if (!kept(cap) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == -1)
            err_exit("prctl PR_CAPBSET_DROP %d", cap);
    /* 3. The kept capabilities in I (and P, E); then ambient. */
    caps = cap_init();
    if (caps == NULL ||
        (nkeep > 0 &&
         (cap_set_flag(caps, CAP_PERMITTED, nkeep, keep, CAP_SET) == -1 ||
          cap_set_flag(caps, CAP_EFFECTIVE, nkeep, keep, CAP_SET) == -1 ||
          cap_set_flag(caps, CAP_INHERITABLE, nkeep, keep, CAP_SET) == -1)) ||
        cap_set_proc(caps) == -1)
        err_exit("cap_set_proc");
    cap_free(caps);
    for (i = 0; i < nkeep; i++)
        if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, keep[i], 0, 0) == -1)
            err_exit("prctl PR_CAP_AMBIENT_RAISE");
}

int
main(int argc, char *argv[])
{
    int opt;

    while ((opt = get_option(argc, argv, "+c:h")) != -1) {
        switch (opt) {
        case 'c':
            parse_caps(optarg);
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    caps_only();
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
