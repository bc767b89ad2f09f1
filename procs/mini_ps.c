// SPDX-License-Identifier: MIT
/*
 * mini_ps - a tiny ps(1) built from /proc
 *
 * Demonstrates: ps has no secret source: it lists the numeric directories
 * of /proc and reads three files in each. /proc/PID/stat gives the state
 * and the parent (after the command name in parentheses, which may itself
 * contain spaces and parentheses), /proc/PID/status the user IDs, and
 * /proc/PID/cmdline the arguments (empty for a kernel thread, which ps
 * shows as [name]). A process may end while we read: that is normal and
 * not an error.
 *
 * Usage: mini_ps [-u USER]
 *   -u USER  only processes whose effective user is USER (name or UID)
 *
 * Try:
 *     $ ./mini_ps | head -4
 *         PID    PPID S USER         COMMAND
 *           1       0 S root         ...
 *           2       0 S root         [kthreadd]
 *     ...
 *     $ ./mini_ps -u $USER
 *         PID    PPID S USER         COMMAND
 *     ...
 *        4300    4242 R ...          ./mini_ps -u ...
 *     ...
 *     $ ps -e -o pid,ppid,stat,user,args | head -4     # compare
 *   Observe: mini_ps itself is in the list, in state R (running): it is
 *   the process reading the files.
 *
 * Needs: nothing special; runs as any user (some fields of other users'
 * processes are hidden where /proc is mounted with hidepid).
 *
 * See also: proc(5), ps(1), getpwuid(3); TLPI 12.1.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: mini_ps [-u USER]\n"
                                 "  -u USER  only processes of USER\n";

/* Read a whole small /proc file into BUF; its length, or -1 if the
 * process has gone (or the file cannot be read). */
static ssize_t
read_proc(const char *pid, const char *file, char *buf, size_t size)
{
    char path[PATH_MAX];
    size_t len;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%s/%s", pid, file);
    f = fopen(path, "r");
    if (f == NULL)
        return -1;
    len = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[len] = '\0';
    return len;
}

/* One line of output, or nothing if the process ended meanwhile. */
static void
show(const char *pid, bool filter, uid_t want)
{
    char stat[1024], status[8192], cmd[4096], user[32];
    char state, *close_paren, *uid_line;
    long ppid;
    unsigned long ruid, euid;
    ssize_t len;

    if (read_proc(pid, "stat", stat, sizeof(stat)) <= 0 ||
        read_proc(pid, "status", status, sizeof(status)) <= 0)
        return;

    /* "PID (COMM) STATE PPID ...": COMM may hold ") ", so find the last
     * parenthesis, not the first. */
    close_paren = strrchr(stat, ')');
    if (close_paren == NULL ||
        sscanf(close_paren + 1, " %c %ld", &state, &ppid) != 2)
        return;
    uid_line = strstr(status, "\nUid:");
    if (uid_line == NULL ||
        sscanf(uid_line, "\nUid: %lu %lu", &ruid, &euid) != 2)
        return;
    if (filter && euid != want)
        return;

    /* cmdline: the arguments, each ended by '\0'. Empty: kernel thread. */
    len = read_proc(pid, "cmdline", cmd, sizeof(cmd));
    if (len > 0) {
        for (ssize_t i = 0; i < len - 1; i++)
            if (cmd[i] == '\0')
                cmd[i] = ' ';
    } else {
        char *open_paren = strchr(stat, '(');

        *close_paren = '\0';
        snprintf(cmd, sizeof(cmd), "[%s]", open_paren + 1);
    }

    struct passwd *pw = getpwuid(euid);
    if (pw != NULL)
        snprintf(user, sizeof(user), "%s", pw->pw_name);
    else
        snprintf(user, sizeof(user), "%lu", euid);
    printf("%7s %7ld %c %-12s %s\n", pid, ppid, state, user, cmd);
}

int
main(int argc, char *argv[])
{
    bool filter = false;
    uid_t want = 0;
    struct dirent *de;
    DIR *proc;
    int opt;

    while ((opt = get_option(argc, argv, "u:h")) != -1) {
        switch (opt) {
        case 'u': {
            struct passwd *pw = getpwnam(optarg);

            want = pw != NULL ? pw->pw_uid
                              : (uid_t)parse_ll(optarg, 10, 0, UINT_MAX - 1,
                                                "-u (not a user name)");
            filter = true;
            break;
        }
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    proc = opendir("/proc");
    if (proc == NULL)
        err_exit("opendir /proc");
    printf("%7s %7s %c %-12s %s\n", "PID", "PPID", 'S', "USER", "COMMAND");

    /* readdir() returns entries in no particular order; /proc happens to
     * list PIDs in increasing order, which is what ps shows too. */
    errno = 0;
    while ((de = readdir(proc)) != NULL) {
        if (isdigit((unsigned char)de->d_name[0]))
            show(de->d_name, filter, want);
        errno = 0;
    }
    if (errno != 0)
        err_exit("readdir /proc");
    closedir(proc);
    return EXIT_SUCCESS;
}
