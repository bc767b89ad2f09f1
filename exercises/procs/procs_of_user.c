// SPDX-License-Identifier: MIT
/*
 * procs_of_user - list the processes of one user
 *
 * Exercise (see exercises/procs/README.md, "procs_of_user"): this skeleton
 * walks /proc and prints every process ID. Make it print only the
 * processes whose effective UID is USER's, with their names. Fill in the
 * TODO(procs_of_user) parts.
 *
 * Usage: procs_of_user USER
 *   USER is a user name or a numeric UID. Prints "PID COMMAND" for each
 *   process whose effective UID is USER's, COMMAND being the Name: field.
 *
 * Try:
 *     $ ./procs_of_user $USER
 *     $ make grade EX=procs/procs_of_user      # from the top of the kit
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: proc(5), getpwnam(3), ps(1); TLPI 12.1 and exercise 12-1.
 */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: procs_of_user USER\n";

int
main(int argc, char *argv[])
{
    struct dirent *de;
    struct passwd *pw;
    uid_t want;
    DIR *proc;
    int opt;

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
    pw = getpwnam(argv[optind]);
    want = pw != NULL ? pw->pw_uid
                      : (uid_t)parse_ll(argv[optind], 10, 0, UINT_MAX - 1,
                                        "USER (not a user name)");
    (void)want; /* TODO(procs_of_user): use it */

    proc = opendir("/proc");
    if (proc == NULL)
        err_exit("opendir /proc");
    while ((de = readdir(proc)) != NULL) {
        if (!isdigit((unsigned char)de->d_name[0]))
            continue;
        /* TODO(procs_of_user): read /proc/PID/status; take the name from
         * its "Name:" line and the effective UID (the second number) from
         * its "Uid:" line; skip a process that is gone or not WANT's. */
        printf("%s\n", de->d_name);
    }
    closedir(proc);
    return EXIT_SUCCESS;
}
