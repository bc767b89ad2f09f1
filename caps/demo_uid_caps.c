// SPDX-License-Identifier: MIT
/*
 * demo_uid_caps - what changing user IDs does to a root process's
 * capabilities
 *
 * Demonstrates: the kernel keeps the old "UID 0 is privileged" meaning
 * alive through capabilities. When the effective UID goes from 0 to
 * another, the effective set is emptied; when it comes back to 0, the
 * permitted set is copied into it. When all of the real, effective and
 * saved UIDs become non-zero, the permitted set is emptied too, for good.
 * Two securebits change that: SECBIT_KEEP_CAPS (-k) keeps the permitted
 * set when the UIDs leave 0, and SECBIT_NO_SETUID_FIXUP (-n) stops all of
 * these adjustments.
 *
 * Usage: demo_uid_caps [-k | -n] [-u UID]
 *   -k      set SECBIT_KEEP_CAPS first
 *   -n      set SECBIT_NO_SETUID_FIXUP first
 *   -u UID  the non-zero UID to switch to (65534)
 *
 * Try (full bounding set):
 *     $ sudo ./demo_uid_caps
 *     start: uid 0 0 0, CapPrm 000001ffffffffff, CapEff 000001ffffffffff
 *     seteuid(65534): uid 0 65534 0, CapPrm 000001ffffffffff, CapEff 0000000000000000
 *     seteuid(0): uid 0 0 0, CapPrm 000001ffffffffff, CapEff 000001ffffffffff
 *     setresuid(65534, 65534, 65534): uid 65534 65534 65534, CapPrm 0000000000000000, CapEff 0000000000000000
 *     $ sudo ./demo_uid_caps -k | tail -1      # CapPrm survives the last step
 *     setresuid(65534, 65534, 65534): uid 65534 65534 65534, CapPrm 000001ffffffffff, CapEff 0000000000000000
 *     $ sudo ./demo_uid_caps -n | tail -1      # nothing changes at all
 *     setresuid(65534, 65534, 65534): uid 65534 65534 65534, CapPrm 000001ffffffffff, CapEff 000001ffffffffff
 *   Observe: with -k the process is an ordinary user holding
 *   capabilities: how a daemon keeps CAP_NET_BIND_SERVICE and nothing
 *   else (the effective set must be raised again with capset).
 *
 * Needs: root (CAP_SETUID, and CAP_SETPCAP for the securebits).
 *
 * See also: capabilities(7) (Effect of user ID changes on capabilities,
 * The securebits flags), prctl(2) PR_SET_SECUREBITS; TLPI 39.6 and 39.8;
 * course chapter 11.
 */
#define _GNU_SOURCE /* setresuid(), getresuid() */
#include <errno.h>
#include <linux/securebits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_uid_caps [-k | -n] [-u UID]\n"
    "  -k      set SECBIT_KEEP_CAPS first\n"
    "  -n      set SECBIT_NO_SETUID_FIXUP first\n"
    "  -u UID  the non-zero UID to switch to (65534)\n";

/* Print STEP with the three UIDs and the permitted and effective sets as
 * the kernel reports them in /proc/self/status. */
static void
show(const char *step)
{
    char prm[32], eff[32];
    uid_t r, e, s;

    if (getresuid(&r, &e, &s) == -1)
        err_exit("getresuid");
    if (proc_status_value("self", "CapPrm", prm, sizeof(prm)) == -1 ||
        proc_status_value("self", "CapEff", eff, sizeof(eff)) == -1)
        err_exit("/proc/self/status");
    printf("%s: uid %d %d %d, CapPrm %s, CapEff %s\n", step, (int)r, (int)e,
           (int)s, prm, eff);
}

int
main(int argc, char *argv[])
{
    int opt, bits = 0;
    uid_t uid = 65534;
    char step[64];

    while ((opt = get_option(argc, argv, "knu:h")) != -1) {
        switch (opt) {
        case 'k':
            bits = SECBIT_KEEP_CAPS;
            break;
        case 'n':
            bits = SECBIT_NO_SETUID_FIXUP;
            break;
        case 'u':
            uid = parse_ll(optarg, 10, 1, (uid_t)-2, "-u");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    if (geteuid() != 0)
        fatal("needs root: run with sudo");

    /* The securebits are per thread and inherited; setting them needs
     * CAP_SETPCAP, which root has. They change what the UID changes
     * below do to the capability sets. */
    if (bits != 0 && prctl(PR_SET_SECUREBITS, bits, 0, 0, 0) == -1)
        err_exit("prctl PR_SET_SECUREBITS");
    if (bits != 0)
        printf("securebits: %s\n",
               bits == SECBIT_KEEP_CAPS ? "keep_caps" : "no_setuid_fixup");
    show("start");

    /* Effective UID 0 -> UID: the kernel empties the effective set (the
     * process may no longer act as root), but the permitted set stays,
     * since the saved UID is still 0 and the way back is open. */
    snprintf(step, sizeof(step), "seteuid(%d)", (int)uid);
    if (seteuid(uid) == -1)
        err_exit("%s", step);
    show(step);

    /* Back to 0: the permitted set is copied into the effective one. */
    if (seteuid(0) == -1)
        err_exit("seteuid(0)");
    show("seteuid(0)");

    /* All three UIDs non-zero: no way back to 0 is left, so the
     * permitted set is emptied too, unless SECBIT_KEEP_CAPS says keep it
     * (the effective set is emptied all the same). With
     * SECBIT_NO_SETUID_FIXUP none of these adjustments happen. */
    snprintf(step, sizeof(step), "setresuid(%d, %d, %d)", (int)uid, (int)uid,
             (int)uid);
    if (setresuid(uid, uid, uid) == -1)
        err_exit("%s", step);
    show(step);
    return EXIT_SUCCESS;
}
