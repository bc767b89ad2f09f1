// SPDX-License-Identifier: MIT
/*
 * suid_helper - a set-UID helper that does one privileged thing
 *
 * Exercise (see exercises/setuid/README.md, "suid_helper"): this helper
 * opens a log only its owner may write, helper.log next to itself, and
 * appends the caller's message. It keeps its borrowed identity to the
 * end. Make it drop privilege for good right after the open, and check
 * the drop. Fill in the TODO(suid_helper) part.
 *
 * Usage: suid_helper MESSAGE
 *
 * Try:
 *     $ install -d -m 700 ~/suid; cp suid_helper ~/suid/
 *     $ sudo chown root ~/suid/suid_helper; sudo chmod u+s ~/suid/suid_helper
 *     $ sudo touch ~/suid/helper.log; sudo chmod 644 ~/suid/helper.log
 *     $ ~/suid/suid_helper 'hello'
 *     ids after the open: 1000 1000 1000
 *     $ echo x >> ~/suid/helper.log
 *     bash: .../helper.log: Permission denied
 *     $ cat ~/suid/helper.log
 *     uid 1000: hello
 *     $ sudo rm -r ~/suid                       # no set-UID copy left
 *
 * Needs: a set-UID copy (owned by the log's owner), on a file system
 * without nosuid.
 *
 * See also: credentials(7), setresuid(2), open(2) O_NOFOLLOW and
 * O_APPEND; TLPI chapter 38; course chapter 9.
 */
#define _GNU_SOURCE /* setresuid(), getresuid() */
#include <ctype.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: suid_helper MESSAGE\n";

#define MAX_MESSAGE 200

/* helper.log in the directory of this program's own file. */
static int
open_log(void)
{
    char exe[PATH_MAX], log[PATH_MAX + 16];
    ssize_t n;
    int fd;

    n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n == -1)
        err_exit("readlink /proc/self/exe");
    exe[n] = '\0';
    snprintf(log, sizeof(log), "%s/helper.log", dirname(exe));
    /* Append only, never create, never follow a symbolic link. */
    fd = open(log, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
    if (fd == -1)
        err_exit("open %s", log);
    return fd;
}

static void
drop_for_good(void)
{
    /* TODO(suid_helper): give up every borrowed ID, for good, and make
     * sure it worked before going on. */
}

int
main(int argc, char *argv[])
{
    char line[MAX_MESSAGE + 32], *p;
    uid_t r, e, s;
    int opt, fd, len;

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

    fd = open_log(); /* the one privileged step */
    drop_for_good();
    if (getresuid(&r, &e, &s) == -1)
        err_exit("getresuid");
    printf("ids after the open: %d %d %d\n", (int)r, (int)e, (int)s);

    /* Only now read the caller's words: one line, printable, bounded. */
    len = snprintf(line, sizeof(line), "uid %d: %.*s\n", (int)getuid(),
                   MAX_MESSAGE, argv[optind]);
    for (p = strchr(line, ':') + 2; p < line + len - 1; p++)
        if (!isprint((unsigned char)*p))
            *p = '?';
    if (write(fd, line, len) != len)
        err_exit("write helper.log");
    return EXIT_SUCCESS;
}
