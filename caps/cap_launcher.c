// SPDX-License-Identifier: MIT
/*
 * cap_launcher - run a command as a user, holding chosen capabilities
 *
 * Demonstrates: ambient capabilities, the way to hand capabilities to an
 * ordinary program (one with no file capabilities) across execve().
 * Running as root, the launcher switches to USER while keeping its
 * permitted set (PR_SET_KEEPCAPS), reduces its permitted, effective and
 * inheritable sets to CAPS, raises each of them in the ambient set (a
 * capability must be permitted and inheritable to be ambient), and
 * executes CMD. The kernel then gives CMD the ambient set as its
 * permitted and effective sets: a plain program, capable of exactly
 * CAPS, as USER. Every argument is checked before anything changes; a
 * failure on the way ends the launcher before CMD runs, so no command
 * ever runs with half the change applied.
 *
 * Usage: cap_launcher [-u USER] [-g GROUP] -c CAPS [--] CMD [ARG...]
 *   -u USER   run as USER (a name or number), in its groups unless -g;
 *             without -u the command stays UID 0, made to hold exactly
 *             CAPS by SECBIT_NOROOT (see demo_noroot)
 *   -g GROUP  run with GROUP (a name or number) and no other group
 *   -c CAPS   capabilities, by name, separated by commas (net_raw,chown)
 *
 * Try (full bounding set):
 *     $ sudo ./cap_launcher -u nobody -c net_bind_service,net_raw \
 *           grep -e ^Uid -e ^Cap /proc/self/status
 *     Uid:    65534   65534   65534   65534
 *     CapInh: 0000000000002400
 *     CapPrm: 0000000000002400
 *     CapEff: 0000000000002400
 *     CapBnd: 000001ffffffffff
 *     CapAmb: 0000000000002400
 *     $ sudo setpriv --reuid=nobody --regid=nogroup --init-groups \
 *           --inh-caps=+net_bind_service,+net_raw \
 *           --ambient-caps=+net_bind_service,+net_raw \
 *           grep -e ^Uid -e ^Cap /proc/self/status
 *     Uid:    65534   65534   65534   65534
 *     CapInh: 0000000000002400
 *     CapPrm: 0000000000002400
 *     CapEff: 0000000000002400
 *     CapBnd: 000001ffffffffff
 *     CapAmb: 0000000000002400
 *   Observe: grep is no special program, yet it holds two capabilities,
 *   and so would every program it executes (the ambient set is passed
 *   on) unless that program is set-UID or has file capabilities.
 *
 * Needs: CAP_SETUID, CAP_SETGID and CAP_SETPCAP (root), and CAPS in the
 * launcher's own permitted and bounding sets.
 *
 * See also: capabilities(7) (ambient set), prctl(2) PR_CAP_AMBIENT and
 * PR_SET_KEEPCAPS, setpriv(1), capsh(1); TLPI 39.6 and 39.7 (ambient
 * capabilities, Linux 4.3, came after it); course chapter 11.
 */
#define _GNU_SOURCE /* setresuid(), initgroups() */
#include <errno.h>
#include <grp.h>
#include <linux/securebits.h> /* SECBIT_NOROOT */
#include <pwd.h>
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
    "Usage: cap_launcher [-u USER] [-g GROUP] -c CAPS [--] CMD [ARG...]\n"
    "  -u USER   run as USER (a name or number), in its groups unless -g\n"
    "  -g GROUP  run with GROUP (a name or number) and no other group\n"
    "  -c CAPS   capabilities, by name, separated by commas (net_raw,chown)\n";

static cap_value_t caps[64];
static int ncaps;

/* "net_raw,cap_chown" -> caps[]; a usage error for an unknown name. */
static void
parse_caps(char *list)
{
    char *tok, *save;
    cap_value_t cap;

    for (tok = strtok_r(list, ",", &save); tok != NULL;
         tok = strtok_r(NULL, ",", &save)) {
        cap = parse_cap(tok, "-c");
        if (ncaps == (int)(sizeof(caps) / sizeof(caps[0])))
            usage_err("-c: too many capabilities");
        caps[ncaps++] = cap;
    }
    if (ncaps == 0)
        usage_err("-c: no capability named");
}

static int
has(cap_t set, cap_flag_t flag, cap_value_t cap)
{
    cap_flag_value_t v = CAP_CLEAR;

    cap_get_flag(set, cap, flag, &v);
    return v == CAP_SET;
}

/* Check, before changing anything, that the launcher can do all it must. */
static void
check_privilege(void)
{
    cap_value_t need[] = {CAP_SETUID, CAP_SETGID, CAP_SETPCAP};
    cap_t self = cap_get_proc();
    char *name;
    int i;

    if (self == NULL)
        err_exit("cap_get_proc");
    for (i = 0; i < 3; i++)
        if (!has(self, CAP_EFFECTIVE, need[i]))
            fatal("needs CAP_SETUID, CAP_SETGID and CAP_SETPCAP: run as "
                  "root");
    for (i = 0; i < ncaps; i++) {
        if (!has(self, CAP_PERMITTED, caps[i]) || cap_get_bound(caps[i]) != 1) {
            name = cap_to_name(caps[i]);
            fatal("%s: not in this process's permitted and bounding sets",
                  name);
        }
    }
    cap_free(self);
}

/* Leave only CAPS in the permitted, effective and inheritable sets. */
static void
keep_only_caps(void)
{
    cap_t set = cap_init(); /* all clear */
    int i;

    if (set == NULL)
        err_exit("cap_init");
    if (cap_set_flag(set, CAP_PERMITTED, ncaps, caps, CAP_SET) == -1 ||
        cap_set_flag(set, CAP_EFFECTIVE, ncaps, caps, CAP_SET) == -1 ||
        cap_set_flag(set, CAP_INHERITABLE, ncaps, caps, CAP_SET) == -1)
        err_exit("cap_set_flag");
    if (cap_set_proc(set) == -1)
        err_exit("cap_set_proc");
    cap_free(set);
    for (i = 0; i < ncaps; i++)
        if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, caps[i], 0, 0) == -1)
            err_exit("prctl PR_CAP_AMBIENT_RAISE %d", caps[i]);
}

int
main(int argc, char *argv[])
{
    struct passwd *pw = NULL;
    struct group *gr = NULL;
    int opt;

    while ((opt = get_option(argc, argv, "+u:g:c:h")) != -1) {
        switch (opt) {
        case 'u':
            pw = getpwnam(optarg);
            if (pw == NULL && optarg[0] >= '0' && optarg[0] <= '9')
                pw = getpwuid(parse_ll(optarg, 10, 0, (uid_t)-2, "-u"));
            if (pw == NULL)
                usage_err("-u: no user '%s'", optarg);
            break;
        case 'g':
            gr = getgrnam(optarg);
            if (gr == NULL && optarg[0] >= '0' && optarg[0] <= '9')
                gr = getgrgid(parse_ll(optarg, 10, 0, (gid_t)-2, "-g"));
            if (gr == NULL)
                usage_err("-g: no group '%s'", optarg);
            break;
        case 'c':
            parse_caps(optarg);
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (ncaps == 0 || optind == argc)
        usage(EXIT_USAGE, usage_text);
    check_privilege();

    /* Keep the permitted set when the UIDs stop being 0. */
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) == -1)
        err_exit("prctl PR_SET_KEEPCAPS");
    /* Groups, then GIDs, then UIDs: each step needs the privilege the
     * next takes away. */
    if (gr != NULL) {
        if (setgroups(1, &gr->gr_gid) == -1)
            err_exit("setgroups");
        if (setresgid(gr->gr_gid, gr->gr_gid, gr->gr_gid) == -1)
            err_exit("setresgid");
    } else if (pw != NULL) {
        if (initgroups(pw->pw_name, pw->pw_gid) == -1)
            err_exit("initgroups %s", pw->pw_name);
        if (setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) == -1)
            err_exit("setresgid");
    }
    if (pw != NULL && setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) == -1)
        err_exit("setresuid");
    /* Still UID 0 (no -u, or -u root): execve() would give the command
     * every capability of the bounding set, whatever the ambient set
     * says. SECBIT_NOROOT turns that rule off, and the lock keeps the
     * command from turning it on again: then it holds exactly CAPS. */
    if (geteuid() == 0 &&
        prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED, 0, 0,
              0) == -1)
        err_exit("prctl PR_SET_SECUREBITS");

    keep_only_caps();
    fflush(stdout);
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
