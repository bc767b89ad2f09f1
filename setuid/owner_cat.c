// SPDX-License-Identifier: MIT
/*
 * owner_cat - print a file with the rights of this program's owner
 *
 * Demonstrates: a set-UID program owned by an ordinary user (not root),
 * and its set-GID counterpart. Installed set-UID, it runs with its
 * owner's effective UID and can open a file only that user can read;
 * installed set-GID, with its group's effective GID. It opens FILE, then
 * drops the borrowed identity for good (all three IDs back to the real
 * ones, checked with getresuid) before it reads a byte: whatever goes
 * wrong while copying runs with the caller's rights only.
 *
 * Usage: owner_cat FILE
 *
 * Try:
 *     $ install -d -m 700 ~/suid; cp owner_cat ~/suid/
 *     $ sudo chown daemon ~/suid/owner_cat; sudo chmod u+s ~/suid/owner_cat
 *     $ echo secret >/tmp/daemon-only; chmod 400 /tmp/daemon-only
 *     $ sudo chown daemon /tmp/daemon-only
 *     $ cat /tmp/daemon-only
 *     cat: /tmp/daemon-only: Permission denied
 *     $ ~/suid/owner_cat /tmp/daemon-only
 *     owner_cat: opened as uid 1, gid 1000; dropped to uid 1000, gid 1000
 *     secret
 *     $ sudo rm -r ~/suid /tmp/daemon-only      # no set-UID copy left
 *   and the set-GID form: chgrp daemon on both, chmod 2755 on the copy,
 *   chmod 040 on the file.
 *   Observe: the message (on stderr) shows the borrowed ID at open and
 *   the real one after. Without the mode bit, the open fails with EACCES.
 *
 * Needs: a file system without nosuid for the copy.
 *
 * See also: credentials(7), setresuid(2), execve(2) (set-user-ID and
 * set-group-ID); TLPI chapters 9 and 38; course chapter 9.
 */
#define _GNU_SOURCE /* setresuid(), getresuid() */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: owner_cat FILE\n";

/* Set all three GIDs and UIDs to the real ones, and check that no
 * borrowed ID is left anywhere. Group first: once the UID is dropped we
 * may no longer have the right to change the group. */
static void
drop_for_good(void)
{
    uid_t ruid = getuid(), r, e, s;
    gid_t rgid = getgid(), rg, eg, sg;

    if (setresgid(rgid, rgid, rgid) == -1)
        err_exit("setresgid");
    if (setresuid(ruid, ruid, ruid) == -1)
        err_exit("setresuid");
    if (getresuid(&r, &e, &s) == -1 || getresgid(&rg, &eg, &sg) == -1)
        err_exit("getresuid");
    if (r != ruid || e != ruid || s != ruid || rg != rgid || eg != rgid ||
        sg != rgid)
        fatal("the drop did not take: refusing to go on");
}

int
main(int argc, char *argv[])
{
    char buf[4096];
    ssize_t n;
    int opt, fd;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);

    /* The one privileged step: the open, with the effective IDs. The
     * permission check happens here, once: the descriptor stays readable
     * after the IDs are dropped, which is how a privileged program hands
     * itself (or a child) access to one file and nothing more. */
    fd = open(argv[optind], O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        err_exit("open %s", argv[optind]);
    fprintf(stderr, "owner_cat: opened as uid %d, gid %d; ", (int)geteuid(),
            (int)getegid());
    drop_for_good();
    fprintf(stderr, "dropped to uid %d, gid %d\n", (int)geteuid(),
            (int)getegid());

    /* Only now is the file's content touched, with no privilege left:
     * whatever it holds cannot make us do anything as the owner. */
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        if (write(STDOUT_FILENO, buf, n) != n)
            err_exit("write");
    if (n == -1)
        err_exit("read %s", argv[optind]);
    return EXIT_SUCCESS;
}
