// SPDX-License-Identifier: MIT
/*
 * drop_priv - drop privilege for a while, then for good, and check it
 *
 * Demonstrates: the two drops a privileged program makes. A temporary
 * drop sets the supplementary groups and the effective IDs (setgroups,
 * setegid, then seteuid); the saved set-user-ID still holds 0, so
 * seteuid(0) regains it, and the groups are put back. A permanent drop
 * sets, in this order, the supplementary groups (setgroups), all three
 * GIDs (setresgid) and all three UIDs (setresuid): each step needs the
 * privilege the next one removes. Then it verifies: getresuid and
 * getresgid must show the new IDs everywhere, and an attempt to regain
 * root must fail. Between the steps it opens FILE (a root-only file) to
 * show what the process may do.
 *
 * Usage: drop_priv [-u USER] [-f FILE]
 *   -u USER  the user to drop to (default: the real user of a set-UID
 *            copy, otherwise nobody)
 *   -f FILE  the root-only file to try (default /etc/shadow); root only:
 *            a set-UID copy refuses it, as a path its caller names would
 *            tell anyone, through root's eyes, whether that file exists
 *
 * Try:
 *     $ sudo ./drop_priv -u nobody
 *     start: uid 0 0 0, gid 0 0 0, groups: 0
 *     open /etc/shadow: ok
 *     temporary drop: uid 0 65534 0, gid 0 65534 0, groups: 65534
 *     open /etc/shadow: Permission denied (EACCES)
 *     regain: uid 0 0 0, gid 0 0 0, groups: 0
 *     open /etc/shadow: ok
 *     permanent drop: uid 65534 65534 65534, gid 65534 65534 65534, groups: 65534
 *     regain: Operation not permitted (EPERM): the drop is permanent
 *     open /etc/shadow: Permission denied (EACCES)
 *   Observe: the saved ID (third number) is what makes the difference.
 *
 * Needs: root (CAP_SETUID, CAP_SETGID), or a set-UID-root copy.
 *
 * See also: credentials(7), setresuid(2), setgroups(2); TLPI chapters 9
 * and 38.2 ("Operate with least privilege"); course chapter 9.
 */
#define _GNU_SOURCE /* setresuid(), getresuid() */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: drop_priv [-u USER] [-f FILE]\n"
    "  -u USER  the user to drop to (default: the real user of a set-UID\n"
    "           copy, otherwise nobody)\n"
    "  -f FILE  the root-only file to try (default /etc/shadow; root only)\n";

static void
show(const char *what)
{
    uid_t r, e, s;
    gid_t rg, eg, sg, groups[64];
    int i, n;

    if (getresuid(&r, &e, &s) == -1 || getresgid(&rg, &eg, &sg) == -1)
        err_exit("getresuid");
    printf("%s: uid %d %d %d, gid %d %d %d", what, (int)r, (int)e, (int)s,
           (int)rg, (int)eg, (int)sg);
    n = getgroups(64, groups);
    printf(", groups:");
    for (i = 0; i < n; i++)
        printf(" %d", (int)groups[i]);
    printf("\n");
}

static void
try_open(const char *file)
{
    int fd = open(file, O_RDONLY);

    if (fd == -1) {
        printf("open %s: %s (%s)\n", file, strerror(errno), errno_name(errno));
    } else {
        printf("open %s: ok\n", file);
        close(fd);
    }
}

int
main(int argc, char *argv[])
{
    const char *user = NULL, *file = "/etc/shadow";
    struct passwd *pw;
    uid_t uid, r, e, s;
    gid_t gid, rg, eg, sg, saved[64];
    int opt, nsaved;

    while ((opt = get_option(argc, argv, "u:f:h")) != -1) {
        switch (opt) {
        case 'u':
            user = optarg;
            break;
        case 'f':
            file = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    /* A set-UID program must never open, with its own privilege, a path
     * that its caller chose: "open FILE: ok" or ENOENT would tell anyone
     * whether any file exists and whether root may read it. So a
     * set-UID copy tries only its own fixed file. */
    if (getuid() != 0 && geteuid() == 0 && strcmp(file, "/etc/shadow") != 0)
        usage_err("-f is for root: a set-UID copy opens only /etc/shadow (with "
                  "root's privilege, a path its caller names would tell "
                  "anyone whether that file exists)");
    if (user == NULL)
        pw = getuid() != 0 ? getpwuid(getuid()) : getpwnam("nobody");
    else
        pw = getpwnam(user);
    if (pw == NULL)
        usage_err("no user '%s'", user != NULL ? user : "nobody");
    uid = pw->pw_uid;
    gid = pw->pw_gid;
    if (uid == 0)
        usage_err("dropping to root drops nothing: name another user");
    if (geteuid() != 0)
        fatal("needs root (CAP_SETUID, CAP_SETGID): run with sudo, or "
              "make a set-UID-root copy");

    show("start");
    try_open(file);

    /* Temporary: the supplementary groups and the effective IDs, groups
     * first while the effective UID is still 0 and may change them (our
     * own groups, root's, would still open files of those groups). The
     * real and saved IDs stay 0: the way back. */
    nsaved = getgroups(64, saved);
    if (nsaved == -1)
        err_exit("getgroups");
    if (setgroups(1, &gid) == -1 || setegid(gid) == -1 || seteuid(uid) == -1)
        err_exit("temporary drop");
    show("temporary drop");
    try_open(file);
    if (seteuid(0) == -1 || setegid(getgid()) == -1 ||
        setgroups(nsaved, saved) == -1)
        err_exit("regain");
    show("regain");
    try_open(file);

    /* Permanent: groups, GIDs, UIDs; the order matters. */
    if (setgroups(1, &gid) == -1)
        err_exit("setgroups");
    if (setresgid(gid, gid, gid) == -1)
        err_exit("setresgid");
    if (setresuid(uid, uid, uid) == -1)
        err_exit("setresuid");
    show("permanent drop");

    /* Verify: trust nothing, check every ID, and try the way back. */
    if (getresuid(&r, &e, &s) == -1 || getresgid(&rg, &eg, &sg) == -1)
        err_exit("getresuid");
    if (r != uid || e != uid || s != uid || rg != gid || eg != gid || sg != gid)
        fatal("the drop did not take: refusing to go on");
    if (uid != 0 && setuid(0) == 0)
        fatal("setuid(0) worked after the drop: refusing to go on");
    printf("regain: %s (%s): the drop is permanent\n", strerror(errno),
           errno_name(errno));
    try_open(file);
    return EXIT_SUCCESS;
}
