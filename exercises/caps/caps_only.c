// SPDX-License-Identifier: MIT
/*
 * caps_only - run a command in a capabilities-only environment
 *
 * Exercise (see exercises/caps/README.md, "caps_only"): make CMD run
 * in a process tree in which UID 0 means nothing and only the
 * capabilities named with -c count, for good. Fill in the
 * TODO(caps_only) part.
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
 *     $ ../../userns/userns_child_exec -r ./caps_only ../../caps/capshow
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
    /* TODO(caps_only): make UID 0 meaningless for good, keep only the
     * capabilities in KEEP (nkeep of them, see kept()), and pass those on
     * to the command. */
    (void)kept;
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
