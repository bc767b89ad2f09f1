// SPDX-License-Identifier: MIT
/*
 * userns_child_exec - run a command in a new user namespace, with ID maps
 *
 * Demonstrates: creating a child in a new user namespace (and, if asked,
 * other new namespaces) and giving it user and group ID maps, written by
 * the parent into /proc/CHILD/uid_map and gid_map. Until the maps exist
 * the child's IDs are the overflow ID 65534 and nothing it creates can
 * be owned, so the child waits on a pipe: the parent closes its end once
 * the maps are written, and only then does the child exec the command.
 * A caller without CAP_SETUID and CAP_SETGID may map only its own IDs, one
 * line each, and must first write "deny" to /proc/CHILD/setgroups; with
 * them (root, say) it may map ranges.
 *
 * Usage: userns_child_exec [-CimnpuUT] [-M UID_MAP] [-G GID_MAP] [-r] [-v]
 *                          [--] CMD [ARG...]
 *   -C -i -m -n -p -u -U -T  new cgroup, IPC, mount, network, PID, UTS,
 *               user and time namespaces
 *   -M UID_MAP  write UID_MAP to uid_map; lines "INSIDE OUTSIDE COUNT",
 *               separated by ',' (e.g. '0 1000 1')
 *   -G GID_MAP  the same for gid_map
 *   -r          map our own UID and GID to 0 (root) in the namespace
 *   -v          say what is done, step by step
 *   -M, -G and -r imply -U. The exit status is the command's.
 *
 * Try:
 *     $ ./userns_child_exec -r id
 *     uid=0(root) gid=0(root) groups=0(root)...
 *     $ ./userns_child_exec -r grep -e CapEff /proc/self/status
 *     CapEff: 000001ffffffffff
 *     $ ./userns_child_exec -v -rpmu sh -c 'echo $$; hostname box; hostname'
 *     userns_child_exec: child 4300 created in its new namespaces
 *     userns_child_exec: write /proc/4300/uid_map: 0 1000 1
 *     userns_child_exec: write /proc/4300/setgroups: deny
 *     userns_child_exec: write /proc/4300/gid_map: 0 1000 1
 *     1
 *     box
 *     userns_child_exec: child 4300 ended: exit status 0
 *     $ ./userns_child_exec -M '0 0 1' id     # as a user: refused
 *   Observe: root in the namespace with every capability, yet an ordinary
 *   user outside: your other groups show as nogroup, since they have no
 *   mapping. The last command fails with EPERM: an unprivileged process
 *   may map only its own UID.
 *
 * Needs: Linux 5.3 (clone3()); unprivileged user namespaces for a non-root
 * caller (make doctor says whether the system allows them).
 *
 * See also: user_namespaces(7), clone3(2) (clone(2)), namespaces(7),
 * setgroups(2); TLPI 38 and the course's chapter 17.
 */
#define _GNU_SOURCE /* CLONE_NEW* in sched.h */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: userns_child_exec [-CimnpuUT] [-M UID_MAP] [-G GID_MAP] [-r] [-v]\n"
    "                         [--] CMD [ARG...]\n"
    "  -C -i -m -n -p -u -U -T  new cgroup, IPC, mount, network, PID, UTS,\n"
    "              user and time namespaces\n"
    "  -M UID_MAP  lines 'INSIDE OUTSIDE COUNT' separated by ','\n"
    "  -G GID_MAP  the same for gid_map\n"
    "  -r          map our own UID and GID to 0 in the namespace\n"
    "  -v          say what is done, step by step\n";

static bool verbose;

static void say(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* -v: narrate a step on stderr. */
static void
say(const char *fmt, ...)
{
    va_list ap;

    if (!verbose)
        return;
    va_start(ap, fmt);
    err_vnote(fmt, ap);
    va_end(ap);
}

/* The kernel's rules for an unprivileged writer, said when it refuses. */
static void
explain(const char *file)
{
    if (errno == EPERM && geteuid() != 0)
        fprintf(stderr,
                "userns_child_exec: (without CAP_SET%sID in the parent "
                "namespace, a map has one line mapping your own effective "
                "%cID; see user_namespaces(7))\n",
                strcmp(file, "uid_map") == 0 ? "U" : "G",
                strcmp(file, "uid_map") == 0 ? 'U' : 'G');
    else if (errno == EINVAL)
        fprintf(stderr, "userns_child_exec: (a map line is 'INSIDE OUTSIDE "
                        "COUNT'; ranges may not overlap)\n");
}

/* Do we hold CAP_SETGID (capability 6) in our effective set? Read from
 * /proc/self/status, to need no capability library. */
static bool
have_cap_setgid(void)
{
    char capeff[64];

    if (proc_status_value("self", "CapEff", capeff, sizeof(capeff)) == -1)
        err_exit("read CapEff from /proc/self/status");
    return (strtoull(capeff, NULL, 16) >> 6) & 1;
}

/* Write MAP (lines separated by ',') to /proc/PID/FILE. On failure,
 * report it, kill the waiting child, and exit. */
static void
write_map(pid_t pid, const char *file, const char *map)
{
    char path[64], text[4096];

    snprintf(path, sizeof(path), "/proc/%ld/%s", (long)pid, file);
    snprintf(text, sizeof(text), "%s", map);
    for (char *p = text; *p != '\0'; p++)
        if (*p == ',')
            *p = '\n';
    say("write %s: %s", path, map);
    if (write_file(path, text) == -1) {
        int status = EXIT_FAILURE;

        err_warn("write %s '%s'", path, map);
        if (userns_restricted()) /* Ubuntu: AppArmor, not the map */
            status = EXIT_NOFEATURE;
        else
            explain(file);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        exit(status);
    }
}

int
main(int argc, char *argv[])
{
    struct clone_args args = {.exit_signal = SIGCHLD};
    const char *uid_map = NULL, *gid_map = NULL;
    char root_uid_map[64], root_gid_map[64];
    int sync[2], opt, status;
    long pid;

    while ((opt = get_option(argc, argv, "+CimnpuUTM:G:rvh")) != -1) {
        switch (opt) {
        case 'C':
            args.flags |= CLONE_NEWCGROUP;
            break;
        case 'i':
            args.flags |= CLONE_NEWIPC;
            break;
        case 'm':
            args.flags |= CLONE_NEWNS;
            break;
        case 'n':
            args.flags |= CLONE_NEWNET;
            break;
        case 'p':
            args.flags |= CLONE_NEWPID;
            break;
        case 'u':
            args.flags |= CLONE_NEWUTS;
            break;
        case 'U':
            args.flags |= CLONE_NEWUSER;
            break;
        case 'T':
            args.flags |= CLONE_NEWTIME;
            break;
        case 'M':
            uid_map = optarg;
            args.flags |= CLONE_NEWUSER;
            break;
        case 'G':
            gid_map = optarg;
            args.flags |= CLONE_NEWUSER;
            break;
        case 'r':
            snprintf(root_uid_map, sizeof(root_uid_map), "0 %ld 1",
                     (long)geteuid());
            snprintf(root_gid_map, sizeof(root_gid_map), "0 %ld 1",
                     (long)getegid());
            uid_map = root_uid_map;
            gid_map = root_gid_map;
            args.flags |= CLONE_NEWUSER;
            break;
        case 'v':
            verbose = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    /* The child blocks reading SYNC until the parent closes the write
     * end: the maps are in place by then. */
    if (pipe(sync) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1) {
        if (errno == ENOSYS)
            fatal("clone3: needs Linux 5.3 or later");
        if (args.flags & CLONE_NEWUSER)
            userns_failed("clone3");
        err_exit("clone3");
    }
    if (pid == 0) {
        char c;

        close(sync[1]);
        if (read(sync[0], &c, 1) == -1)
            err_exit_child("read sync pipe");
        close(sync[0]);
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }

    close(sync[0]);
    say("child %ld created in its new namespaces", pid);
    if (uid_map != NULL)
        write_map(pid, "uid_map", uid_map);
    if (gid_map != NULL) {
        /* Without CAP_SETGID here, setgroups() must be refused to the
         * child first: it could otherwise drop a group that denies it
         * access to something (a file with mode 0705, say). */
        if (!have_cap_setgid())
            write_map(pid, "setgroups", "deny");
        write_map(pid, "gid_map", gid_map);
    }
    close(sync[1]);

    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    say("child %ld ended: exit status %d", pid, child_exit_status(status));
    return child_exit_status(status);
}
