// SPDX-License-Identifier: MIT
/*
 * demo_userns_caps - what capabilities in a user namespace are good for
 *
 * Demonstrates: a process's capabilities count only over the objects that
 * its user namespace owns. Run it as yourself, then inside a new user
 * namespace (userns_child_exec -r): inside, it holds every capability,
 * yet it still cannot set the host's hostname (the initial UTS namespace
 * belongs to the initial user namespace) nor read a root-only file (its
 * owner has no mapping inside). What it can do is create namespaces of
 * its own, which its user namespace owns, and use the capabilities
 * there: set their hostname, mount tmpfs, mount proc for a new PID
 * namespace, configure a network namespace.
 *
 * Usage: demo_userns_caps [-f FILE]
 *   -f FILE  the root-only file to try to read (default /etc/shadow)
 *   Each attempt prints "allowed" or "refused (ENAME)". Nothing outside
 *   the namespaces it creates is changed: the host's hostname is "set"
 *   to the name it already has.
 *
 * Try:
 *     $ ./demo_userns_caps
 *     CapEff: 0000000000000000
 *     sethostname in our UTS namespace: refused (EPERM)
 *     ...
 *     $ ./userns_child_exec -r ./demo_userns_caps
 *     CapEff: 000001ffffffffff
 *     sethostname in our UTS namespace: refused (EPERM)
 *     open /etc/shadow: refused (EACCES)
 *     unshare a UTS namespace: allowed
 *     sethostname in the new UTS namespace: allowed
 *     unshare a mount namespace: allowed
 *     mount tmpfs in the new mount namespace: allowed
 *     unshare a PID namespace: allowed
 *     mount proc for a new PID namespace: allowed, and we are PID 1 there
 *     unshare a network namespace: allowed
 *   Observe: every capability, and still no power over what the initial
 *   namespace owns. Run as root (sudo) everything is allowed: root holds
 *   its capabilities in the initial user namespace, which owns it all.
 *
 * Needs: unprivileged user namespaces to see the second run.
 *
 * See also: user_namespaces(7) ("Capabilities"), namespaces(7), unshare(2),
 * mount(2); TLPI has no user namespaces (complete in Linux 3.8, after it);
 * course chapter 18.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEW* */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_userns_caps [-f FILE]\n"
    "  -f FILE  the root-only file to try to read (default /etc/shadow)\n";

/* Print "WHAT: allowed" for 0, or "WHAT: refused (ENAME)" for -1. */
static int
report(const char *what, int result)
{
    if (result == -1)
        printf("%s: refused (%s)\n", what, errno_name(errno));
    else
        printf("%s: allowed\n", what);
    return result;
}

/* proc can be mounted only by a process inside the PID namespace it will
 * show, so the mount is tried in a child of a new PID namespace. */
static void
try_proc(void)
{
    int status;
    pid_t pid;

    if (report("unshare a PID namespace", unshare(CLONE_NEWPID)) == -1)
        return;
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                  NULL) == -1)
            report("mount proc for a new PID namespace", -1);
        else
            printf("mount proc for a new PID namespace: allowed, and we are "
                   "PID %ld there\n",
                   (long)getpid());
        exit(EXIT_SUCCESS);
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
}

int
main(int argc, char *argv[])
{
    const char *file = "/etc/shadow";
    char name[HOST_NAME_MAX + 1], what[PATH_MAX + 16];
    int opt, fd;

    while ((opt = get_option(argc, argv, "f:h")) != -1) {
        switch (opt) {
        case 'f':
            file = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    char cap[64];
    if (proc_status_value("self", "CapEff", cap, sizeof(cap)) == -1)
        err_exit("read CapEff from /proc/self/status");
    printf("CapEff: %s\n", cap);

    /* The permission check happens whatever the name: giving the current
     * name tests it without changing the host, even when allowed. */
    if (gethostname(name, sizeof(name)) == -1)
        err_exit("gethostname");
    report("sethostname in our UTS namespace", sethostname(name, strlen(name)));

    fd = open(file, O_RDONLY);
    snprintf(what, sizeof(what), "open %s", file);
    report(what, fd);
    if (fd != -1)
        close(fd);

    if (report("unshare a UTS namespace", unshare(CLONE_NEWUTS)) == 0)
        report("sethostname in the new UTS namespace",
               sethostname("isolab-inside", 13));

    if (report("unshare a mount namespace", unshare(CLONE_NEWNS)) == 0) {
        /* Private first, so that nothing mounted here can propagate back
         * to the mount namespace we came from. */
        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
            err_exit("mount --make-rprivate /");
        report("mount tmpfs in the new mount namespace",
               mount("tmpfs", "/tmp", "tmpfs", 0, "size=1m"));
        try_proc();
    }

    report("unshare a network namespace", unshare(CLONE_NEWNET));
    return EXIT_SUCCESS;
}
