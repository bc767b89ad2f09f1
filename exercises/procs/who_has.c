// SPDX-License-Identifier: MIT
/*
 * who_has - find the processes that have a file open
 *
 * Exercise (see exercises/procs/README.md, "who_has"): this skeleton
 * checks FILE and walks /proc but looks at no process's descriptors. Make
 * it print "PID FD" for every descriptor open on FILE. Fill in the
 * TODO(who_has) part.
 *
 * Usage: who_has FILE
 *   Print "PID FD" for every descriptor open on FILE, in the processes
 *   whose /proc/PID/fd we may read (all of them as root, our own
 *   otherwise).
 *
 * Try:
 *     $ exec 7>/tmp/held; ./who_has /tmp/held
 *     4242 7
 *     4300 7
 *     $ make grade EX=procs/who_has      # from the top of the kit
 *
 * Needs: root to see other users' processes.
 *
 * See also: proc(5) (/proc/PID/fd), stat(2), fuser(1), lsof(8);
 * TLPI 12.1 and exercise 12-3.
 */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: who_has FILE\n";

/* Print the descriptors of process PID that are open on TARGET. */
static void
scan(const char *pid, const struct stat *target)
{
    /* TODO(who_has): open the directory /proc/PID/fd (skip the process
     * if that fails), and for each entry N compare what stat() of
     * /proc/PID/fd/N says with TARGET's st_dev and st_ino; print
     * "PID N" on a match. */
    (void)pid;
    (void)target;
}

int
main(int argc, char *argv[])
{
    struct stat target;
    struct dirent *de;
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
    if (stat(argv[optind], &target) == -1)
        err_exit("stat %s", argv[optind]);

    proc = opendir("/proc");
    if (proc == NULL)
        err_exit("opendir /proc");
    while ((de = readdir(proc)) != NULL)
        if (isdigit((unsigned char)de->d_name[0]))
            scan(de->d_name, &target);
    closedir(proc);
    return EXIT_SUCCESS;
}
