// SPDX-License-Identifier: MIT
/*
 * ns_exec - join namespaces and run a command there
 *
 * Demonstrates: setns(). Given namespace files (/proc/PID/ns/TYPE, or a
 * file that one was bind-mounted on), it joins each one, the user
 * namespace first (joining it is what may grant the capabilities needed
 * for the others), then execs the command. Joining a PID namespace
 * changes only where future children go (pid_for_children), so -f forks
 * once more for the command to be in it. With -t, it joins several of a
 * process's namespaces in one setns() call on a pidfd (Linux 5.8).
 *
 * Usage: ns_exec [-f] NSFILE... -- CMD [ARG...]
 *        ns_exec [-f] -t PID -n TYPES [--] CMD [ARG...]
 *   -f        fork, and run CMD in the child (needed for a PID namespace)
 *   -t PID    the target process, for -n
 *   -n TYPES  namespace types to join, separated by ',': user, mnt, pid,
 *             net, uts, ipc, cgroup, time
 *   The exit status is the command's (128 + signal if it was killed).
 *
 * Try:
 *     $ sudo unshare --uts sh -c 'hostname inside; exec sleep 62' &
 *     $ sleep 1                 # for it to start
 *     $ sudo ./ns_exec /proc/$(pgrep -n -f 'sleep 62')/ns/uts -- hostname
 *     inside
 *     $ sudo ./ns_exec -t $(pgrep -n -f 'sleep 62') -n uts -- hostname
 *     inside
 *     $ ./ns_exec /etc/passwd -- true
 *     ns_exec: setns /etc/passwd: Invalid argument (EINVAL)
 *   Observe: the same answer as nsenter(1). Rootless, join the user
 *   namespace too: a process you started with ../userns/userns_child_exec
 *   -ru, given its ns/user and ns/uts files.
 *
 * Needs: CAP_SYS_ADMIN in the namespaces' owning user namespace (root, or
 * the user who created that user namespace, joining it first).
 *
 * See also: setns(2), nsenter(1), pidfd_open(2), namespaces(7); TLPI 28.2.1
 * names the CLONE_NEW* flags, no more: namespaces grew after it; course chapter
 * 16.
 */
#define _GNU_SOURCE /* setns(), CLONE_NEW* */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: ns_exec [-f] NSFILE... -- CMD [ARG...]\n"
    "       ns_exec [-f] -t PID -n TYPES [--] CMD [ARG...]\n"
    "  -f        fork, and run CMD in the child (for a PID namespace)\n"
    "  -t PID    the target process, for -n\n"
    "  -n TYPES  user,mnt,pid,net,uts,ipc,cgroup,time (',' between)\n";

/* The names -n takes, as in /proc/PID/ns/, and the CLONE_NEW* flag each
 * stands for in setns()'s second argument. */
static const struct {
    const char *name;
    int flag;
} types[] = {
    {"user", CLONE_NEWUSER},     {"mnt", CLONE_NEWNS},    {"pid", CLONE_NEWPID},
    {"net", CLONE_NEWNET},       {"uts", CLONE_NEWUTS},   {"ipc", CLONE_NEWIPC},
    {"cgroup", CLONE_NEWCGROUP}, {"time", CLONE_NEWTIME},
};

/* "uts,net" -> CLONE_NEWUTS | CLONE_NEWNET; a usage error otherwise. */
static int
parse_types(char *list)
{
    int flags = 0;

    for (char *t = strtok(list, ","); t != NULL; t = strtok(NULL, ",")) {
        size_t i;

        for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
            if (strcmp(t, types[i].name) == 0)
                break;
        if (i == sizeof(types) / sizeof(types[0]))
            usage_err("-n: '%s' is not a namespace type", t);
        flags |= types[i].flag;
    }
    if (flags == 0)
        usage_err("-n: no namespace type given");
    return flags;
}

#define MAX_NSFILES 16 /* eight types, and room to spare */

/* Join the namespace files FILES[0..N-1], the user namespace first. */
static void
join_files(char *files[], int n)
{
    int fds[MAX_NSFILES];

    /* Every file is opened before any namespace is joined: a path means
     * what it means here. Once in another mount namespace, /proc may be
     * another PID namespace's, where /proc/PID/ns/uts is no longer there
     * (nsenter(1) opens them all first for the same reason). */
    for (int i = 0; i < n; i++) {
        fds[i] = open(files[i], O_RDONLY | O_CLOEXEC);
        if (fds[i] == -1)
            err_exit("open %s", files[i]);
    }
    /* The user namespace first: joining it gives us the capabilities
     * that the other namespaces, owned by it, ask for; the other order
     * fails with EPERM where we are not root. */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < n; i++) {
            /* Pass 0 joins user namespaces, pass 1 the rest (and files
             * that are no namespace at all, for setns() to refuse). */
            int is_user = ioctl(fds[i], NS_GET_NSTYPE) == CLONE_NEWUSER;

            if (is_user == (pass == 0) && setns(fds[i], 0) == -1)
                err_exit("setns %s", files[i]);
        }
    }
    for (int i = 0; i < n; i++)
        close(fds[i]);
}

int
main(int argc, char *argv[])
{
    int opt, nsflags = 0, status, nfiles = 0;
    bool do_fork = false;
    long target = 0;

    while ((opt = get_option(argc, argv, "+ft:n:h")) != -1) {
        switch (opt) {
        case 'f':
            do_fork = true;
            break;
        case 't':
            target = parse_ll(optarg, 10, 1, INT_MAX, "-t");
            break;
        case 'n':
            nsflags = parse_types(optarg);
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if ((target != 0) != (nsflags != 0))
        usage_err("-t and -n go together");

    if (target != 0) {
        if (optind < argc && strcmp(argv[optind], "--") == 0)
            optind++;
        if (optind == argc)
            usage(EXIT_USAGE, usage_text);
        /* One call joins them all, or none: setns() on a pidfd is
         * atomic (Linux 5.8). */
        int pidfd = sys_pidfd_open(target, 0);
        if (pidfd == -1)
            err_exit("pidfd_open %ld", target);
        if (setns(pidfd, nsflags) == -1)
            err_exit("setns pidfd of %ld", target);
        close(pidfd);
    } else {
        /* The namespace files come before "--". */
        while (optind + nfiles < argc &&
               strcmp(argv[optind + nfiles], "--") != 0)
            nfiles++;
        if (nfiles == 0 || optind + nfiles + 1 >= argc)
            usage(EXIT_USAGE, usage_text);
        if (nfiles > MAX_NSFILES)
            usage_err("at most %d namespace files", MAX_NSFILES);
        join_files(&argv[optind], nfiles);
        optind += nfiles + 1;
    }

    /* A PID namespace joined with setns() is for the children we start
     * from now on (pid_for_children): we stay where we are. -f runs the
     * command as such a child, and waits for it. */
    if (do_fork) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == -1)
            err_exit("fork");
        if (pid != 0) {
            if (waitpid(pid, &status, 0) == -1)
                err_exit("waitpid");
            return child_exit_status(status);
        }
    }
    /* The namespaces are the process's: they stay across execve(). */
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]); /* 127 if not found, 126 otherwise */
}
