// SPDX-License-Identifier: MIT
/*
 * who_has - find the processes that have a file open
 *
 * Demonstrates: /proc/PID/fd holds one symbolic link per open file
 * descriptor. stat() follows the link to the open file itself, so
 * comparing its device and inode numbers with the target's finds every
 * descriptor open on that file, even under another name (a hard link, a
 * bind mount) or after the name was deleted.
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
 *     $ fuser /tmp/held; lsof /tmp/held      # the tools that do this
 *   Observe: the shell holds it on descriptor 7, and so does who_has
 *   itself (4300): a child inherits its parent's descriptors. Try
 *   `tail -f /tmp/held &` first: tail shows up too.
 *
 * Needs: root to see other users' processes.
 *
 * See also: proc(5) (/proc/PID/fd), stat(2), fuser(1), lsof(8);
 * TLPI 12.1 and exercise 12-3.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h> /* fstatat() */
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
    char dirpath[PATH_MAX];
    struct dirent *de;
    struct stat sb;
    DIR *fds;

    snprintf(dirpath, sizeof(dirpath), "/proc/%s/fd", pid);
    fds = opendir(dirpath);
    if (fds == NULL)
        return; /* gone, or not ours to look at */
    while ((de = readdir(fds)) != NULL) {
        if (!isdigit((unsigned char)de->d_name[0]))
            continue;
        /* fstatat() without AT_SYMLINK_NOFOLLOW follows the link to the
         * open file, and names it relative to the open directory. */
        if (fstatat(dirfd(fds), de->d_name, &sb, 0) == 0 &&
            sb.st_dev == target->st_dev && sb.st_ino == target->st_ino)
            printf("%s %s\n", pid, de->d_name);
    }
    closedir(fds);
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
