// SPDX-License-Identifier: MIT
/*
 * my_ns_exec - your own ns_exec: join namespaces, then run a command
 *
 * Exercise (see exercises/namespaces/README.md, "my_ns_exec"): this
 * skeleton finds the namespace files and the command, but joins nothing.
 * Fill in the TODO(my_ns_exec) part.
 *
 * Usage: my_ns_exec NSFILE... -- CMD [ARG...]
 *   The exit status is CMD's.
 *
 * Try:
 *     $ sudo ./my_ns_exec /proc/PID/ns/uts -- hostname
 *     $ make grade EX=namespaces/my_ns_exec      # from the top of the kit
 *
 * Needs: CAP_SYS_ADMIN in the namespaces' owning user namespace.
 *
 * See also: setns(2), nsenter(1), ioctl_ns(2) (NS_GET_NSTYPE); TLPI 28.2.1
 * names the CLONE_NEW* flags, no more: namespaces grew after it; course chapter
 * 16.
 */
#define _GNU_SOURCE /* setns(), CLONE_NEWUSER */
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: my_ns_exec NSFILE... -- CMD [ARG...]\n";

#define MAX_NSFILES 16

/* TODO(my_ns_exec): join the namespace of FD (opened from PATH), if its
 * being a user namespace is WANT_USER (so that main() can join the user
 * namespaces first); report a failure with err_exit() naming PATH. */
static void
join(int fd, const char *path, int want_user)
{
    (void)fd;
    (void)path;
    (void)want_user;
}

int
main(int argc, char *argv[])
{
    int opt, n = 0, fds[MAX_NSFILES];

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    /* The namespace files come before "--", the command after it. */
    while (optind + n < argc && strcmp(argv[optind + n], "--") != 0)
        n++;
    if (n == 0 || optind + n + 1 >= argc)
        usage(EXIT_USAGE, usage_text);

    if (n > MAX_NSFILES)
        usage_err("at most %d namespace files", MAX_NSFILES);
    /* Every file is opened before any namespace is joined: once in
     * another mount namespace, /proc may be another PID namespace's,
     * where /proc/PID/ns/... is gone. Then user namespaces, then the rest. */
    for (int i = 0; i < n; i++) {
        fds[i] = open(argv[optind + i], O_RDONLY | O_CLOEXEC);
        if (fds[i] == -1)
            err_exit("open %s", argv[optind + i]);
    }
    for (int i = 0; i < n; i++)
        join(fds[i], argv[optind + i], 1);
    for (int i = 0; i < n; i++)
        join(fds[i], argv[optind + i], 0);

    char **cmd = &argv[optind + n + 1];
    execvp(cmd[0], cmd);
    exec_failed(cmd[0]);
}
