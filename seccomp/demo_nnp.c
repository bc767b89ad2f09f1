// SPDX-License-Identifier: MIT
/*
 * demo_nnp - no filter without no_new_privs (or CAP_SYS_ADMIN)
 *
 * Demonstrates: the kernel refuses a seccomp filter from a process that
 * has neither set no_new_privs nor holds CAP_SYS_ADMIN, with EACCES.
 * Otherwise a filter could make a call fail inside a set-UID program it
 * then executes (say, the setuid() that drops privilege) and leave that
 * program running as root. no_new_privs closes that door: once set, no
 * execve() can grant privilege again, and it is inherited and permanent.
 *
 * Usage: demo_nnp [-n]
 *   -n  set no_new_privs before installing the filter
 *
 * Try:
 *     $ ./demo_nnp
 *     NoNewPrivs: 0
 *     seccomp: Permission denied (EACCES)
 *     $ ./demo_nnp -n
 *     NoNewPrivs: 1
 *     seccomp: ok
 *     Seccomp: 2
 *     $ sudo ./demo_nnp
 *     NoNewPrivs: 0
 *     seccomp: ok
 *     Seccomp: 2
 *   Observe: root passes without no_new_privs (CAP_SYS_ADMIN); a user
 *   must set it first. The setuid chapter shows no_new_privs turning the
 *   set-UID bit off.
 *
 * Needs: nothing.
 *
 * See also: seccomp(2) (EACCES), prctl(2) PR_SET_NO_NEW_PRIVS, the kernel's
 * Documentation/userspace-api/no_new_privs.rst; TLPI has no seccomp filters
 * (Linux 3.5, after it); course chapter 20.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_nnp [-n]\n"
    "  -n  set no_new_privs before installing the filter\n";

/* Print the line KEY of /proc/self/status. */
static void
show(const char *key)
{
    char value[64];

    if (proc_status_value("self", key, value, sizeof(value)) == -1)
        err_exit("/proc/self/status %s", key);
    printf("%s: %s\n", key, value);
}

int
main(int argc, char *argv[])
{
    /* The smallest filter there is: one instruction, allow everything.
     * What it does is beside the point; whether the kernel takes it is
     * the point. */
    struct sock_filter allow_all[] = {BPF_RETURN(SECCOMP_RET_ALLOW)};
    struct sock_fprog prog = {.len = 1, .filter = allow_all};
    int opt, nnp = 0;

    while ((opt = get_option(argc, argv, "nh")) != -1) {
        switch (opt) {
        case 'n':
            nnp = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* no_new_privs: from now on execve() grants nothing, no set-UID bit
     * and no file capability. The kernel asks for it before it lets a
     * process without CAP_SYS_ADMIN install a filter: otherwise the
     * process could filter a set-UID program it runs, and make one of its
     * calls (setuid(), say) fail in a way the program never expected. It
     * cannot be unset, and children inherit it. */
    if (nnp && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
        err_exit("prctl PR_SET_NO_NEW_PRIVS");
    show("NoNewPrivs");
    /* The raw call, not install_filter(): that one sets no_new_privs. */
    if (sys_seccomp(SECCOMP_SET_MODE_FILTER, 0, &prog) == -1) {
        printf("seccomp: %s (%s)\n", strerror(errno), errno_name(errno));
        return EXIT_FAILURE;
    }
    printf("seccomp: ok\n");
    /* Seccomp: 2, mode "filter" (1 is the old strict mode). */
    show("Seccomp");
    return EXIT_SUCCESS;
}
