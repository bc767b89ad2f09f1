// SPDX-License-Identifier: MIT
/*
 * demo_ambient - an ambient capability: raised, kept, and cleared
 *
 * Demonstrates: the ambient set, the capabilities a process passes to
 * an ordinary program it executes. Started as root, this becomes USER
 * keeping CAP (SECBIT_KEEP_CAPS), raises CAP in its inheritable and then
 * its ambient set (an ambient capability must be permitted and
 * inheritable), and executes CMD, which finds CAP in its permitted,
 * effective and ambient sets. The ambient set is cleared by the
 * execve() of a set-UID or set-GID program or of one with file
 * capabilities (try a copy of ./capshow made so), and at once, without
 * any execve(), when CAP leaves the inheritable set (-d).
 * With -i, no ambient set at all: CAP only in the inheritable set, as
 * before Linux 4.3. Then CMD gets CAP only if its file has CAP in its own
 * inheritable set (setcap cap_net_raw+i): the new permitted set takes
 * (process inheritable AND file inheritable). An ordinary program has no
 * file capabilities, so the inheritable set alone carries nothing to it:
 * the reason ambient capabilities were added.
 *
 * Usage: demo_ambient [-d | -i] [-u UID] CAP CMD [ARG...]
 *   -d      lower CAP in the inheritable set before the execve()
 *   -i      leave the ambient set alone: CAP only inheritable
 *   -u UID  the user to become (65534)
 *
 * Try:
 *     $ sudo ./demo_ambient net_raw ./capshow | grep -e Amb -e ^ambient
 *     before execve: CapAmb 0000000000002000
 *     CapAmb: 0000000000002000
 *     ambient: cap_net_raw
 *     $ sudo ./demo_ambient -d net_raw ./capshow | grep Amb
 *     before execve: CapAmb 0000000000000000
 *     CapAmb: 0000000000000000
 *     $ install -d -m 700 ~/caps; cp capshow ~/caps/cs; cp capshow ~/caps/ci
 *     $ sudo chown root ~/caps/cs; sudo chmod u+s ~/caps/cs
 *     $ sudo ./demo_ambient net_raw ~/caps/cs | grep CapAmb   # cleared
 *     before execve: CapAmb 0000000000002000
 *     CapAmb: 0000000000000000
 *     $ sudo ./demo_ambient -i -u $(id -u) net_raw ./capshow | grep CapPrm
 *     CapPrm: 0000000000000000
 *     $ sudo setcap cap_net_raw+i ~/caps/ci
 *     $ sudo ./demo_ambient -i -u $(id -u) net_raw ~/caps/ci | grep CapPrm
 *     CapPrm: 0000000000002000
 *     $ sudo rm -r ~/caps                  # no privileged copy left
 *   Observe: the capability crosses execve() into a program that knows
 *   nothing about capabilities; a privileged program does not inherit it.
 *
 * Needs: root (CAP_SETUID, CAP_SETPCAP); Linux 4.3.
 *
 * See also: capabilities(7) (ambient set), prctl(2) PR_CAP_AMBIENT,
 * cap_launcher.c (the same for several capabilities); TLPI has no ambient set
 * (Linux 4.3, after it): its 39.5 gives the rules the set amends; course
 * chapter 11.
 */
#define _GNU_SOURCE /* setresuid() */
#include <errno.h>
#include <grp.h> /* setgroups() */
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
    "Usage: demo_ambient [-d | -i] [-u UID] CAP CMD [ARG...]\n"
    "  -d      lower CAP in the inheritable set before the execve()\n"
    "  -i      leave the ambient set alone: CAP only inheritable\n"
    "  -u UID  the user to become (65534)\n";

/* Set or clear FLAG of CAP in this process. */
static void
set_flag(cap_flag_t flag, cap_value_t cap, cap_flag_value_t value)
{
    cap_t caps = cap_get_proc();

    if (caps == NULL || cap_set_flag(caps, flag, 1, &cap, value) == -1 ||
        cap_set_proc(caps) == -1)
        err_exit("cap_set_proc");
    cap_free(caps);
}

/* Leave CAP alone in the permitted and effective sets. */
static void
keep_only(cap_value_t cap)
{
    cap_t only = cap_init(); /* every flag clear */

    if (only == NULL ||
        cap_set_flag(only, CAP_PERMITTED, 1, &cap, CAP_SET) == -1 ||
        cap_set_flag(only, CAP_EFFECTIVE, 1, &cap, CAP_SET) == -1 ||
        cap_set_proc(only) == -1)
        err_exit("cap_set_proc");
    cap_free(only);
}

int
main(int argc, char *argv[])
{
    int opt, drop = 0, inheritable_only = 0;
    uid_t uid = 65534;
    cap_value_t cap;
    char value[32];

    while ((opt = get_option(argc, argv, "+diu:h")) != -1) {
        switch (opt) {
        case 'd':
            drop = 1;
            break;
        case 'i':
            inheritable_only = 1;
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
    if (argc - optind < 2)
        usage(EXIT_USAGE, usage_text);
    if (drop && inheritable_only)
        usage_err("-d and -i exclude each other");
    cap = parse_cap(argv[optind], NULL);
    if (geteuid() != 0)
        fatal("needs root: run with sudo");

    /* Become UID, keeping the permitted set; then CAP alone is kept in
     * P and E, and raised in I. KEEP_CAPS: otherwise the UID change would
     * empty the permitted set (all three UIDs leave 0). The inheritable
     * set must hold CAP too: the kernel lets a capability into the
     * ambient set only if it is both permitted and inheritable. */
    if (prctl(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS, 0, 0, 0) == -1)
        err_exit("prctl PR_SET_SECUREBITS");
    if (setgroups(0, NULL) == -1 || setresgid(uid, uid, uid) == -1 ||
        setresuid(uid, uid, uid) == -1)
        err_exit("become %d", (int)uid);
    keep_only(cap);
    set_flag(CAP_INHERITABLE, cap, CAP_SET);
    /* Ambient: carried across execve() of a program with no file
     * capabilities, into its permitted and effective sets. Without it an
     * ordinary program run by a non-root user gets nothing, whatever the
     * inheritable set says (that needs the file's inheritable set too). */
    if (!inheritable_only &&
        prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) == -1)
        err_exit("prctl PR_CAP_AMBIENT_RAISE");

    if (drop) /* the kernel clears the ambient bit with it */
        set_flag(CAP_INHERITABLE, cap, CAP_CLEAR);
    if (proc_status_value("self", "CapAmb", value, sizeof(value)) == -1)
        err_exit("/proc/self/status");
    printf("before execve: CapAmb %s\n", value);
    fflush(stdout);
    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
