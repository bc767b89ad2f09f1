// SPDX-License-Identifier: MIT
/*
 * idshow - the user and group IDs of this process, all of them
 *
 * Demonstrates: a process has four user IDs and four group IDs, not one:
 * the real ID (who started it), the effective ID (what permission checks
 * use), the saved set-user-ID (what a set-UID program may switch back
 * to), and the file-system ID (what file access uses; it follows the
 * effective ID unless changed with setfsuid()). Plus the supplementary
 * groups. id(1) shows only some of them; /proc/self/status has them all
 * on its Uid: and Gid: lines, in the same order as here.
 *
 * Usage: idshow
 *
 * Try:
 *     $ ./idshow
 *     ruid: 1000
 *     euid: 1000
 *     suid: 1000
 *     fsuid: 1000
 *     rgid: 1000
 *     egid: 1000
 *     sgid: 1000
 *     fsgid: 1000
 *     groups: ...
 *     $ grep -e Uid -e Gid /proc/self/status
 *     Uid:	1000	1000	1000	1000
 *     Gid:	1000	1000	1000	1000
 *     $ install -d -m 700 ~/suid; cp idshow ~/suid/
 *     $ sudo chown root ~/suid/idshow; sudo chmod u+s ~/suid/idshow
 *     $ ~/suid/idshow | head -4
 *     ruid: 1000
 *     euid: 0
 *     suid: 0
 *     fsuid: 0
 *     $ sudo rm -r ~/suid                       # no set-UID copy left
 *   Observe: a set-UID program changes the effective and saved IDs, never
 *   the real one. The copy lives in a directory only you can enter, so
 *   no other user can run it, and goes when you are done. (Your home
 *   must not be mounted nosuid.)
 *
 * Needs: nothing.
 *
 * See also: credentials(7), getresuid(2), setfsuid(2), proc(5); TLPI
 * chapter 9; course chapter 9.
 */
#define _GNU_SOURCE /* getresuid(), getresgid() */
#include <grp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/fsuid.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: idshow\n";

int
main(int argc, char *argv[])
{
    uid_t ruid, euid, suid;
    gid_t rgid, egid, sgid, *groups;
    int opt, i, n;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* getresuid() and getresgid() report all three IDs at once; the
     * classic getuid() and geteuid() leave out the saved one. */
    if (getresuid(&ruid, &euid, &suid) == -1)
        err_exit("getresuid");
    if (getresgid(&rgid, &egid, &sgid) == -1)
        err_exit("getresgid");
    /* Supplementary groups: a list of any length. getgroups(0, NULL)
     * says how many; then a buffer that size (one more, so that malloc()
     * never gets 0). */
    n = getgroups(0, NULL); /* how many */
    if (n == -1)
        err_exit("getgroups");
    groups = malloc((n + 1) * sizeof(gid_t));
    if (groups == NULL)
        err_exit("malloc");
    n = getgroups(n, groups);
    if (n == -1)
        err_exit("getgroups");

    /* There is no getfsuid(): setfsuid() returns the previous value, and
     * an ID of -1 is invalid, so it changes nothing. */
    printf("ruid: %ju\neuid: %ju\nsuid: %ju\nfsuid: %ju\n", (uintmax_t)ruid,
           (uintmax_t)euid, (uintmax_t)suid, (uintmax_t)setfsuid(-1));
    printf("rgid: %ju\negid: %ju\nsgid: %ju\nfsgid: %ju\n", (uintmax_t)rgid,
           (uintmax_t)egid, (uintmax_t)sgid, (uintmax_t)setfsgid(-1));
    printf("groups:");
    for (i = 0; i < n; i++)
        printf(" %ju", (uintmax_t)groups[i]);
    printf("\n");
    free(groups);
    return EXIT_SUCCESS;
}
