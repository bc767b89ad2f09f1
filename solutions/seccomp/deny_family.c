// SPDX-License-Identifier: MIT
/*
 * deny_family - run a command that cannot open sockets of one family
 *
 * Demonstrates: a hand-written filter that reads an argument. socket()
 * takes the address family as its first argument, a number the filter
 * can load and compare; the filter answers socket(FAMILY, ...) with
 * EAFNOSUPPORT and lets every other family through.
 *
 * Usage: deny_family FAMILY CMD [ARG...]
 *   FAMILY is unix, inet, inet6 or a number
 *
 * Try:
 *     $ ./deny_family inet6 bash -c ': </dev/tcp/::1/9'
 *     bash: socket: Address family not supported by protocol
 *     bash: line 1: /dev/tcp/::1/9: Address family not supported by protocol
 *     $ ./deny_family inet6 bash -c ': </dev/tcp/127.0.0.1/9'
 *     bash: connect: Connection refused
 *     bash: line 1: /dev/tcp/127.0.0.1/9: Connection refused
 *   Observe: bash's /dev/tcp makes a socket of the address's family. The
 *   IPv6 one is refused by the filter; the IPv4 one is made, and only the
 *   connection fails (nothing listens on port 9). ping is no test here: it
 *   opens sockets of both families whatever the address, and needs
 *   privilege or ping_group_range besides.
 *
 * Needs: no privilege.
 *
 * See also: seccomp(2), socket(2), address_families(7), ../../seccomp/
 * lsc_rules.c (the same with libseccomp); TLPI has no seccomp filters (Linux
 * 3.5, after it); course chapter 20.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h> /* SYS_socket */
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] = "Usage: deny_family FAMILY CMD [ARG...]\n"
                                 "  FAMILY is unix, inet, inet6 or a number\n";

static int
parse_family(const char *arg)
{
    if (strcmp(arg, "unix") == 0)
        return AF_UNIX;
    if (strcmp(arg, "inet") == 0)
        return AF_INET;
    if (strcmp(arg, "inet6") == 0)
        return AF_INET6;
    return parse_ll(arg, 10, 0, AF_MAX - 1, "FAMILY");
}

static void
install(int family)
{
    struct sock_filter filter[] = {
        BPF_CHECK_ARCH,
        BPF_LOAD_NR,
        /* Not socket: allow (skip the next three). */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, 0, 3),
        /* socket: the family is argument 0. */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LOW(0)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, family, 0, 1),
        BPF_RETURN(SECCOMP_RET_ERRNO | EAFNOSUPPORT),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };

    if (install_filter(filter, FILTER_LEN(filter), 0) == -1)
        err_exit("seccomp");
}

int
main(int argc, char *argv[])
{
    int opt, family;

    while ((opt = get_option(argc, argv, "+h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind < 2)
        usage(EXIT_USAGE, usage_text);
    family = parse_family(argv[optind]);

    install(family);
    execvp(argv[optind + 1], &argv[optind + 1]);
    exec_failed(argv[optind + 1]);
}
