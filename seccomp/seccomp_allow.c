// SPDX-License-Identifier: MIT
/*
 * seccomp_allow - run a command under an allowlist of system calls
 *
 * Demonstrates: the filter a sandbox wants: deny by default, allow by
 * name. LIST holds one system call name per line (syscall_list.sh
 * writes one from a traced run; # starts a comment). Every call not in
 * the list fails with ENOTRECOVERABLE, an error no ordinary call
 * returns, so the failing call stands out in the command's messages and
 * in strace. -k kills instead; -l allows and logs the calls not in the
 * list (SECCOMP_RET_LOG), to find what a list is missing.
 *
 * Usage: seccomp_allow [-e ERRNO | -k | -l] LIST CMD [ARG...]
 *   -e ERRNO  the error for calls not in LIST (ENOTRECOVERABLE)
 *   -k        kill the process instead
 *   -l        allow them, but log each one (dmesg or the audit log)
 *
 * Try:
 *     $ ./syscall_list.sh /tmp/ls.list ls / >/dev/null
 *     syscall_list.sh: ... system calls written to /tmp/ls.list
 *     $ ./seccomp_allow /tmp/ls.list ls / >/dev/null && echo works
 *     works
 *     $ grep -v getdents64 /tmp/ls.list > /tmp/less.list
 *     $ ./seccomp_allow /tmp/less.list ls /
 *     ls: reading directory '/': State not recoverable
 *     $ strace -f ./seccomp_allow /tmp/less.list ls / 2>&1 | grep ENOTRECOV
 *     ...getdents64(3, ...) = -1 ENOTRECOVERABLE (State not recoverable)
 *     ...
 *   Observe: the message names the operation that lost its call, and
 *   strace names the call.
 *
 * Needs: libseccomp; no privilege.
 *
 * See also: seccomp_init(3), seccomp_syscall_resolve_name(3), syscall_list.sh;
 * TLPI has no seccomp filters (Linux 3.5, after it); course chapter 21.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: seccomp_allow [-e ERRNO | -k | -l] LIST CMD [ARG...]\n"
    "  -e ERRNO  the error for calls not in LIST (ENOTRECOVERABLE)\n"
    "  -k        kill the process instead\n"
    "  -l        allow them, but log each one (dmesg or the audit log)\n";

/* Add an allow rule for each name in the file LIST. */
static void
allow_listed(scmp_filter_ctx ctx, const char *list)
{
    int has_execve = 0;
    char line[128], *name;
    int nr, rc, lineno = 0;
    FILE *f;

    f = fopen(list, "r");
    if (f == NULL)
        err_exit("open %s", list);
    while (fgets(line, sizeof(line), f) != NULL) {
        lineno++;
        name = strtok(line, " \t\n#");
        if (name == NULL || line[0] == '#')
            continue;
        /* The number of NAME on this architecture. */
        nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR)
            fatal("%s:%d: '%s' is not a system call here", list, lineno, name);
        has_execve |= strcmp(name, "execve") == 0;
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
        if (rc != 0)
            err_exit_en(-rc, "seccomp_rule_add %s", name);
    }
    if (ferror(f))
        err_exit("read %s", list);
    fclose(f);
    /* Without execve the command could not even start. */
    if (!has_execve)
        fatal("%s: execve is not in the list: CMD could not start", list);
}

int
main(int argc, char *argv[])
{
    uint32_t deny = SCMP_ACT_ERRNO(ENOTRECOVERABLE);
    scmp_filter_ctx ctx;
    int opt, rc;

    while ((opt = get_option(argc, argv, "+e:klh")) != -1) {
        switch (opt) {
        case 'e':
            deny = SCMP_ACT_ERRNO(parse_errno(optarg, "-e"));
            break;
        case 'k':
            deny = SCMP_ACT_KILL_PROCESS;
            break;
        case 'l':
            deny = SCMP_ACT_LOG;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind < 2)
        usage(EXIT_USAGE, usage_text);

    /* Deny by default; each listed call is an exception. execve must be
     * in the list: the filter is in force when CMD is executed. */
    ctx = seccomp_init(deny);
    if (ctx == NULL)
        fatal("seccomp_init failed");
    allow_listed(ctx, argv[optind]);
    rc = seccomp_load(ctx);
    if (rc != 0)
        err_exit_en(-rc, "seccomp_load");
    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
