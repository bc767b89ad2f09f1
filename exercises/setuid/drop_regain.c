// SPDX-License-Identifier: MIT
/*
 * drop_regain - a set-UID-root program that holds root only when needed
 *
 * Exercise (see exercises/setuid/README.md, "drop_regain"): this
 * set-UID-root program runs everything as root. Make it drop root at
 * once, regain it only to open /etc/shadow as root, and then drop it for good
 * so that it can never come back. Fill in the TODO(drop_regain) parts.
 *
 * Usage: drop_regain
 *   The file is fixed, /etc/shadow: a set-UID program must never open,
 *   with its privilege, a path that its caller names ("open as root: ok"
 *   or ENOENT would tell anyone whether any file exists).
 *
 * Try:
 *     $ install -d -m 700 ~/suid; cp drop_regain ~/suid/
 *     $ sudo chown root ~/suid/drop_regain; sudo chmod u+s ~/suid/drop_regain
 *     $ ~/suid/drop_regain
 *     start: uid 1000 0 0
 *     dropped: uid 1000 1000 0
 *     open as user: Permission denied (EACCES)
 *     regained: uid 1000 0 0
 *     open as root: ok
 *     dropped for good: uid 1000 1000 1000
 *     regain: Operation not permitted (EPERM)
 *     $ sudo rm -r ~/suid                       # no set-UID copy left
 *
 * Needs: a set-UID-root copy, on a file system without nosuid.
 *
 * See also: seteuid(2), setresuid(2), credentials(7); TLPI chapter 38;
 * course chapter 9.
 */
#define _GNU_SOURCE /* setresuid(), getresuid() */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: drop_regain\n"
    "  opens /etc/shadow as the user, then as root\n";

/* The one file opened as root: fixed, never the caller's choice. */
static const char root_only_file[] = "/etc/shadow";

static void
show(const char *what)
{
    uid_t r, e, s;

    if (getresuid(&r, &e, &s) == -1)
        err_exit("getresuid");
    printf("%s: uid %d %d %d\n", what, (int)r, (int)e, (int)s);
}

static void
try_open(const char *who, const char *file)
{
    int fd = open(file, O_RDONLY);

    if (fd == -1) {
        printf("open as %s: %s (%s)\n", who, strerror(errno),
               errno_name(errno));
    } else {
        printf("open as %s: ok\n", who);
        close(fd);
    }
}

int
main(int argc, char *argv[])
{
    uid_t ruid = getuid();
    int opt;

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
    if (geteuid() != 0 || ruid == 0)
        fatal("run a set-UID-root copy as an ordinary user");
    show("start");

    /* TODO(drop_regain): drop root for now, in a way that can be undone. */
    show("dropped");
    try_open("user", root_only_file);

    /* TODO(drop_regain): regain root for the one privileged step. */
    show("regained");
    try_open("root", root_only_file);

    /* TODO(drop_regain): drop root for good: no ID may keep 0. */
    show("dropped for good");
    if (seteuid(0) == 0)
        fatal("regained root after the permanent drop");
    printf("regain: %s (%s)\n", strerror(errno), errno_name(errno));
    return EXIT_SUCCESS;
}
