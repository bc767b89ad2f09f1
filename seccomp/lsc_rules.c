// SPDX-License-Identifier: MIT
/*
 * lsc_rules - libseccomp rules on arguments, exported as PFC or BPF
 *
 * Demonstrates: rules that look at a call's arguments. -s refuses
 * socket() for one address family (the first argument, a number).
 * -n refuses new namespaces: unshare() and clone() when their flags
 * hold a CLONE_NEW* bit, and setns(). clone3() passes its flags in a
 * structure in memory, which a filter cannot read (it sees only the
 * pointer), so clone3 gets ENOSYS: the C library then falls back to
 * clone(), where the flags are an argument the filter can check. -p
 * prints the filter libseccomp built as pseudo-code, -b writes it as
 * raw BPF (for seccomp_exec).
 *
 * Usage: lsc_rules [-s FAMILY]... [-n] [-p | -b FILE | CMD [ARG...]]
 *   -s FAMILY  socket(FAMILY, ...) fails with EAFNOSUPPORT; FAMILY is
 *              unix, inet, inet6, netlink, packet or a number
 *   -n         no new namespaces: clone, unshare and setns fail (EPERM)
 *   -p         print the filter as pseudo-code (PFC) and exit
 *   -b FILE    write the filter as raw BPF to FILE and exit
 *
 * Try:
 *     $ ./lsc_rules -s inet6 ping -6 -c1 ::1
 *     ...
 *     ping: socket: Address family not supported by protocol
 *     $ ./lsc_rules -s inet6 ping -4 -c1 127.0.0.1   # works: only inet6 is refused
 *     $ ./lsc_rules -n unshare -U true
 *     unshare: unshare failed: Operation not permitted
 *     $ ./lsc_rules -n sh -c 'echo a fork still works'
 *     a fork still works
 *     $ ./lsc_rules -n -p | head -4
 *     #
 *     # pseudo filter code start
 *     #
 *     # filter for arch x86_64 (3221225534)
 *   Observe: the PFC shows the arch check, the x32 check, and one
 *   masked comparison per CLONE_NEW* flag.
 *
 * Needs: libseccomp; no privilege.
 *
 * See also: seccomp_rule_add(3) (SCMP_A0, SCMP_CMP_MASKED_EQ),
 * seccomp_export_pfc(3), clone(2), clone3; TLPI has no seccomp filters (Linux
 * 3.5, after it); course chapter 20.
 */
#define _GNU_SOURCE /* CLONE_NEW* */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "compat.h" /* CLONE_NEWCGROUP, CLONE_NEWTIME */
#include "isolab.h"

static const char usage_text[] =
    "Usage: lsc_rules [-s FAMILY]... [-n] [-p | -b FILE | CMD [ARG...]]\n"
    "  -s FAMILY  socket(FAMILY, ...) fails with EAFNOSUPPORT; FAMILY is\n"
    "             unix, inet, inet6, netlink, packet or a number\n"
    "  -n         no new namespaces: clone, unshare and setns fail (EPERM)\n"
    "  -p         print the filter as pseudo-code (PFC) and exit\n"
    "  -b FILE    write the filter as raw BPF to FILE and exit\n";

static const struct {
    const char *name;
    int family;
} families[] = {
    {"unix", AF_UNIX},       {"inet", AF_INET},     {"inet6", AF_INET6},
    {"netlink", AF_NETLINK}, {"packet", AF_PACKET},
};

/* clone() cannot take CLONE_NEWTIME: its low byte is the exit signal. */
static const unsigned long ns_flags[] = {
    CLONE_NEWNS,  CLONE_NEWUTS, CLONE_NEWIPC,    CLONE_NEWUSER,
    CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWCGROUP, CLONE_NEWTIME,
};

static int
parse_family(const char *arg)
{
    size_t i;

    for (i = 0; i < sizeof(families) / sizeof(families[0]); i++)
        if (strcmp(arg, families[i].name) == 0)
            return families[i].family;
    return parse_ll(arg, 10, 0, AF_MAX - 1, "-s");
}

static void
check(int rc, const char *what)
{
    if (rc != 0) /* libseccomp returns -errno */
        err_exit_en(-rc, "%s", what);
}

/* socket(FAMILY, ...) fails; the family is argument 0. (The third
 * value of SCMP_A0 is used only by SCMP_CMP_MASKED_EQ.) */
static void
deny_family(scmp_filter_ctx ctx, int family)
{
    check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket),
                           1, SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)family, 0)),
          "seccomp_rule_add socket");
}

static void
deny_namespaces(scmp_filter_ctx ctx)
{
    size_t i;
    int rc;

    /* One rule per flag: "(flags & FLAG) == FLAG". The flags are the
     * first argument of clone on x86_64 and aarch64 (not on s390). */
    for (i = 0; i < sizeof(ns_flags) / sizeof(ns_flags[0]); i++) {
        if (ns_flags[i] != CLONE_NEWTIME) {
            rc = seccomp_rule_add(
                ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                SCMP_A0(SCMP_CMP_MASKED_EQ, ns_flags[i], ns_flags[i]));
            check(rc, "seccomp_rule_add clone");
        }
        rc = seccomp_rule_add(
            ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(unshare), 1,
            SCMP_A0(SCMP_CMP_MASKED_EQ, ns_flags[i], ns_flags[i]));
        check(rc, "seccomp_rule_add unshare");
    }
    check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(setns), 0),
          "seccomp_rule_add setns");
    check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0),
          "seccomp_rule_add clone3");
}

int
main(int argc, char *argv[])
{
    int opt, fd, pfc = 0, no_ns = 0;
    const char *bpf_file = NULL;
    scmp_filter_ctx ctx;

    ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (ctx == NULL)
        fatal("seccomp_init failed");
    while ((opt = get_option(argc, argv, "+s:npb:h")) != -1) {
        switch (opt) {
        case 's':
            deny_family(ctx, parse_family(optarg));
            break;
        case 'n':
            no_ns = 1;
            break;
        case 'p':
            pfc = 1;
            break;
        case 'b':
            bpf_file = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    /* Exactly one of -p, -b FILE and CMD. */
    if (pfc + (bpf_file != NULL) + (optind < argc) != 1)
        usage(EXIT_USAGE, usage_text);
    if (no_ns)
        deny_namespaces(ctx);

    if (pfc) {
        fflush(stdout);
        check(seccomp_export_pfc(ctx, STDOUT_FILENO), "seccomp_export_pfc");
    } else if (bpf_file != NULL) {
        fd = open(bpf_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd == -1)
            err_exit("open %s", bpf_file);
        check(seccomp_export_bpf(ctx, fd), "seccomp_export_bpf");
        if (close(fd) == -1)
            err_exit("close %s", bpf_file);
    } else {
        check(seccomp_load(ctx), "seccomp_load");
        execvp(argv[optind], &argv[optind]);
        exec_failed(argv[optind]);
    }
    seccomp_release(ctx);
    return EXIT_SUCCESS;
}
