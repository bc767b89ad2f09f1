// SPDX-License-Identifier: MIT
/*
 * try_call - make one system call and say how it went
 *
 * Usage: try_call CALL [ARG]
 *   getpid | open PATH | socket FAMILY (unix, inet, inet6) |
 *   clone NS | clone3 NS | unshare NS | setns   (NS: user, uts, net, ...)
 *
 * Prints "CALL: ok" or "CALL: strerror (ENAME)" and exits 0 either way,
 * so that a test can tell a refusal (a line) from a kill (no line, 159).
 * Not a demo: a probe for the seccomp (and container) tests.
 */
#define _GNU_SOURCE /* CLONE_NEW* */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: try_call CALL [ARG]\n"
    "  getpid | open PATH | socket FAMILY | clone NS | clone3 NS |\n"
    "  unshare NS | setns\n";

static unsigned long
ns_flag(const char *name)
{
    static const struct {
        const char *name;
        unsigned long flag;
    } ns[] = {{"user", CLONE_NEWUSER},     {"uts", CLONE_NEWUTS},
              {"ipc", CLONE_NEWIPC},       {"net", CLONE_NEWNET},
              {"pid", CLONE_NEWPID},       {"mnt", CLONE_NEWNS},
              {"cgroup", CLONE_NEWCGROUP}, {"none", 0}};
    size_t i;

    for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
        if (strcmp(name, ns[i].name) == 0)
            return ns[i].flag;
    usage_err("'%s' is not a namespace", name);
}

/* A child that exits at once; 0 if it could be made, -1 with errno. */
static long
reap(long pid)
{
    if (pid == 0)
        _exit(0);
    if (pid > 0)
        waitpid(pid, NULL, 0);
    return pid > 0 ? 0 : -1;
}

int
main(int argc, char *argv[])
{
    const char *call = argc > 1 ? argv[1] : "";
    const char *arg = argc > 2 ? argv[2] : "";
    long ret;

    if (strcmp(call, "-h") == 0)
        usage(EXIT_SUCCESS, usage_text);
    if (strcmp(call, "getpid") == 0 && argc == 2) {
        ret = syscall(SYS_getpid);
    } else if (strcmp(call, "open") == 0 && argc == 3) {
        ret = open(arg, O_RDONLY);
    } else if (strcmp(call, "socket") == 0 && argc == 3) {
        ret = socket(strcmp(arg, "inet6") == 0  ? AF_INET6
                     : strcmp(arg, "inet") == 0 ? AF_INET
                                                : AF_UNIX,
                     SOCK_DGRAM, 0);
    } else if (strcmp(call, "clone") == 0 && argc == 3) {
        ret = reap(syscall(SYS_clone, ns_flag(arg) | SIGCHLD, 0, 0, 0, 0));
    } else if (strcmp(call, "clone3") == 0 && argc == 3) {
        struct clone_args ca = {.flags = ns_flag(arg), .exit_signal = SIGCHLD};

        ret = reap(sys_clone3(&ca, sizeof(ca)));
    } else if (strcmp(call, "unshare") == 0 && argc == 3) {
        ret = unshare(ns_flag(arg));
    } else if (strcmp(call, "setns") == 0 && argc == 2) {
        int fd = open("/proc/self/ns/uts", O_RDONLY);

        ret = fd == -1 ? -1 : setns(fd, CLONE_NEWUTS);
    } else {
        usage(EXIT_USAGE, usage_text);
    }
    if (ret == -1)
        printf("%s: %s (%s)\n", call, strerror(errno), errno_name(errno));
    else
        printf("%s: ok\n", call);
    return EXIT_SUCCESS;
}
