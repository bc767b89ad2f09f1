// SPDX-License-Identifier: MIT
/*
 * procs_of_user - list the processes of one user
 *
 * Demonstrates: finding processes by owner the way ps -u does: walk the
 * numeric directories of /proc, read the effective UID from the "Uid:"
 * line of each /proc/PID/status, and print the matches. A process that
 * ends during the walk is skipped, not reported as an error.
 *
 * Usage: procs_of_user USER
 *   USER is a user name or a numeric UID. Prints "PID COMMAND" for each
 *   process whose effective UID is USER's, COMMAND being the Name: field.
 *
 * Try:
 *     $ ./procs_of_user $USER
 *     ...
 *     4242 bash
 *     4250 procs_of_user
 *     ...
 *     $ ps -u $USER -o pid,comm      # compare
 *   Observe: the list includes procs_of_user itself.
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
    char path[PATH_MAX], line[512], name[256];
    unsigned long ruid, euid;
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

    proc = opendir("/proc");
    if (proc == NULL)
        err_exit("opendir /proc");
    while ((de = readdir(proc)) != NULL) {
        if (!isdigit((unsigned char)de->d_name[0]))
            continue;
        snprintf(path, sizeof(path), "/proc/%s/status", de->d_name);
        FILE *f = fopen(path, "r");
        if (f == NULL)
            continue; /* it ended since readdir() saw it */

        name[0] = '\0';
        euid = (unsigned long)-1;
        while (fgets(line, sizeof(line), f) != NULL) {
            if (sscanf(line, "Name: %255[^\n]", name) == 1)
                continue;
            if (sscanf(line, "Uid: %lu %lu", &ruid, &euid) == 2)
                break; /* Name: comes before Uid: */
        }
        fclose(f);
        if (euid == want)
            printf("%s %s\n", de->d_name, name);
    }
    closedir(proc);
    return EXIT_SUCCESS;
}
