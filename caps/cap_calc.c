// SPDX-License-Identifier: MIT
/*
 * cap_calc - the capabilities a process will have after execve()
 *
 * Demonstrates: the kernel's rules for capabilities across execve(),
 * as a calculator. Give it the process's sets and IDs before the
 * execve() (by default, its own) and the file's capabilities and
 * set-UID owner; it prints the sets after, in the form of
 * /proc/PID/status, and which rule decided. The rules
 * (capabilities(7), "Transformation of capabilities during execve()"):
 *
 *   file caps:  P' = (P(bounding) & F(permitted)) | (P(inheritable) & F(inheritable))
 *               and with F(effective) set, every F(permitted) capability
 *               must be in P', or execve() fails with EPERM
 *   root:       when the real or the new effective UID is 0 (and the
 *               securebit noroot is off), P' = P(bounding) | P(inheritable),
 *               with F(effective) taken as set when the effective UID is
 *               0; not for a set-UID-root file with capabilities run by
 *               a non-root user: its file capabilities count
 *   no_new_privs: the set-UID bit is ignored, and P' may not exceed P
 *   ambient:    A' = 0 for a file with capabilities or a set-UID change,
 *               P(ambient) otherwise; P' |= A'
 *               E' = F(effective) ? P' : A';  I' = I;  bounding' = bounding
 *
 * Usage: cap_calc [-P CAPS] [-i CAPS] [-a CAPS] [-b CAPS] [-r UID] [-u UID]
 *                 [-S noroot] [-n] [-f FILECAPS] [-s OWNER]
 *   the process before execve(), by default this one's:
 *   -P -i -a -b CAPS  permitted, inheritable, ambient, bounding: names
 *                     separated by commas (net_raw,chown), all, none,
 *                     or a mask in hex as /proc shows it (0x2000)
 *   -r UID  real UID     -u UID  effective UID
 *   -S noroot  the securebit that switches the root rules off
 *   -n      no_new_privs is set
 *   the file:
 *   -f FILECAPS  its capabilities, as setcap takes them (cap_net_raw+ep)
 *   -s OWNER     it is set-UID, owned by the UID OWNER
 *
 * Try (full bounding set):
 *     $ ./cap_calc -r 1000 -u 1000 -i none -a none -f cap_net_raw+ep
 *     euid: 1000
 *     rule: file capabilities
 *     CapInh: 0000000000000000
 *     CapPrm: 0000000000002000
 *     CapEff: 0000000000002000
 *     CapBnd: 000001ffffffffff
 *     CapAmb: 0000000000000000
 *     $ ./cap_calc -r 1000 -u 1000 -s 0 | grep -e rule -e CapPrm     # set-UID root
 *     rule: root: all of the bounding set
 *     CapPrm: 000001ffffffffff
 *     $ ./cap_calc -r 0 -u 0 -S noroot | grep -e rule -e CapPrm      # root gains nothing
 *     rule: no file capabilities
 *     CapPrm: 0000000000000000
 *     $ ./cap_calc -r 1000 -u 1000 -b none -f cap_net_raw+ep
 *     execve: Operation not permitted (EPERM): the file is capability-dumb and ...
 *   Observe: the tests run each case for real (setpriv, setcap, a
 *   set-UID copy) and compare /proc/self/status with these answers.
 *
 * Needs: nothing: it calculates, it changes nothing.
 *
 * See also: capabilities(7), execve(2), cap_from_text(3); TLPI 39.5; course
 * chapter 11.
 */
#define _GNU_SOURCE /* getresuid() */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <unistd.h>

#include "capname.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cap_calc [-P CAPS] [-i CAPS] [-a CAPS] [-b CAPS] [-r UID] "
    "[-u UID]\n"
    "                [-S noroot] [-n] [-f FILECAPS] [-s OWNER]\n"
    "  -P -i -a -b CAPS  permitted, inheritable, ambient, bounding set\n"
    "                    before execve (names, all, none or 0xMASK)\n"
    "  -r UID, -u UID    real and effective UID    -S noroot, -n: securebit,\n"
    "                    no_new_privs\n"
    "  -f FILECAPS       the file's capabilities (cap_net_raw+ep)\n"
    "  -s OWNER          the file is set-UID, owned by OWNER\n";

static uint64_t all_caps; /* every capability this kernel has */

/* "net_raw,cap_chown" | "all" | "none" -> a mask. */
static uint64_t
parse_caps(char *list, const char *what)
{
    char *tok, *save;
    uint64_t mask = 0;

    if (strcmp(list, "all") == 0)
        return all_caps;
    if (strncmp(list, "0x", 2) == 0) /* as in /proc/PID/status */
        return parse_ll(list, 16, 0, INT64_MAX, what);
    if (strcmp(list, "none") == 0 || *list == '\0')
        return 0;
    for (tok = strtok_r(list, ",", &save); tok != NULL;
         tok = strtok_r(NULL, ",", &save)) {
        mask |= 1ULL << parse_cap(tok, what);
    }
    return mask;
}

static uint64_t
own_set(const char *key)
{
    char value[32];

    if (proc_status_value("self", key, value, sizeof(value)) == -1)
        err_exit("/proc/self/status %s", key);
    return strtoull(value, NULL, 16);
}

/* The mask of one flag (CAP_PERMITTED, ...) of a libcap set. */
static uint64_t
flag_mask(cap_t caps, cap_flag_t flag)
{
    cap_flag_value_t v;
    uint64_t mask = 0;
    cap_value_t cap;

    for (cap = 0; cap < (cap_value_t)cap_max_bits(); cap++)
        if (cap_get_flag(caps, cap, flag, &v) == 0 && v == CAP_SET)
            mask |= 1ULL << cap;
    return mask;
}

int
main(int argc, char *argv[])
{
    uint64_t pP, pI, pA, pB, fP = 0, fI = 0, nP, nA, nE;
    int opt, fE = 0, has_fcap = 0, setuid_file = 0, noroot = 0, nnp = 0;
    int effective = 0;
    uid_t ruid, euid, suid, owner = 0, neuid;
    const char *rule = "no file capabilities";
    cap_t fcaps;

    all_caps = cap_max_bits() >= 64 ? ~0ULL : (1ULL << cap_max_bits()) - 1;
    pP = own_set("CapPrm");
    pI = own_set("CapInh");
    pA = own_set("CapAmb");
    pB = own_set("CapBnd");
    if (getresuid(&ruid, &euid, &suid) == -1)
        err_exit("getresuid");

    while ((opt = get_option(argc, argv, "P:i:a:b:r:u:S:nf:s:h")) != -1) {
        switch (opt) {
        case 'P':
            pP = parse_caps(optarg, "-P");
            break;
        case 'i':
            pI = parse_caps(optarg, "-i");
            break;
        case 'a':
            pA = parse_caps(optarg, "-a");
            break;
        case 'b':
            pB = parse_caps(optarg, "-b");
            break;
        case 'r':
            ruid = parse_ll(optarg, 10, 0, (uid_t)-2, "-r");
            break;
        case 'u':
            euid = parse_ll(optarg, 10, 0, (uid_t)-2, "-u");
            break;
        case 'S':
            if (strcmp(optarg, "noroot") != 0 && strcmp(optarg, "none") != 0)
                usage_err("-S: '%s' is not noroot or none", optarg);
            noroot = strcmp(optarg, "noroot") == 0;
            break;
        case 'n':
            nnp = 1;
            break;
        case 'f':
            fcaps = cap_from_text(optarg);
            if (fcaps == NULL)
                usage_err("-f: '%s' is not a capability text", optarg);
            fP = flag_mask(fcaps, CAP_PERMITTED);
            fI = flag_mask(fcaps, CAP_INHERITABLE);
            fE = flag_mask(fcaps, CAP_EFFECTIVE) != 0;
            has_fcap = 1;
            cap_free(fcaps);
            break;
        case 's':
            owner = parse_ll(optarg, 10, 0, (uid_t)-2, "-s");
            setuid_file = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    pA &= pI & pP; /* the kernel keeps ambient within P and I */

    /* 1. The file's capabilities; a capability-dumb file (effective bit)
     *    that would not get all of them must not run at all. */
    nP = 0;
    if (has_fcap) {
        nP = (pB & fP) | (pI & fI);
        effective = fE;
        rule = "file capabilities";
        if (fE && (fP & ~nP)) {
            printf("execve: %s (EPERM): the file is capability-dumb and "
                   "would miss some of its permitted set\n",
                   strerror(EPERM));
            return EXIT_SUCCESS;
        }
    }

    /* 2. The set-UID bit, unless no_new_privs. */
    neuid = setuid_file && !nnp ? owner : euid;

    /* 3. Root. */
    if (!noroot && has_fcap && neuid == 0 && ruid != 0) {
        rule = "set-UID root with file capabilities: only those";
    } else if (!noroot && (neuid == 0 || ruid == 0)) {
        nP = pB | pI;
        if (neuid == 0)
            effective = 1;
        rule = "root: all of the bounding set";
    }

    /* 4. no_new_privs: never more than before. */
    if (nnp && (nP & ~pP)) {
        nP &= pP;
        rule = "no_new_privs: no more than the permitted set before";
    }

    /* 5. The ambient set, and the effective set. */
    nA = has_fcap || neuid != ruid ? 0 : pA;
    nP |= nA;
    nE = effective ? nP : nA;

    printf("euid: %ju\n", (uintmax_t)neuid);
    printf("rule: %s\n", rule);
    printf("CapInh: %016" PRIx64 "\n", pI);
    printf("CapPrm: %016" PRIx64 "\n", nP);
    printf("CapEff: %016" PRIx64 "\n", nE);
    printf("CapBnd: %016" PRIx64 "\n", pB);
    printf("CapAmb: %016" PRIx64 "\n", nA);
    return EXIT_SUCCESS;
}
