// SPDX-License-Identifier: MIT
/*
 * seccomp_log - which of a filter's decisions the kernel writes down:
 * SECCOMP_RET_LOG always, the others only with SECCOMP_FILTER_FLAG_LOG
 *
 * Demonstrates: the kernel can write an audit record (type 1326,
 * AUDIT_SECCOMP) when a filter decides. A filter that returns
 * SECCOMP_RET_LOG gets one each time: the call goes through, and the
 * record says which it was (a way to try a filter before enforcing it).
 * The other actions are logged only if the filter was installed with
 * SECCOMP_FILTER_FLAG_LOG (-l, Linux 4.14), and only the actions named in
 * /proc/sys/kernel/seccomp/actions_logged (allow never is). The filter
 * here refuses getppid() with EPERM and logs getuid(); the program reads
 * the records for itself from the kernel's audit multicast group, which
 * needs CAP_AUDIT_READ. Without that, the records are in the kernel log
 * (dmesg) when no audit daemon runs, in /var/log/audit/audit.log when one
 * does.
 *
 * Usage: seccomp_log [-l]
 *   -l  install the filter with SECCOMP_FILTER_FLAG_LOG
 *
 * Try:
 *     $ ./seccomp_log -l
 *     filter: getppid -> errno EPERM, getuid -> log, with FLAG_LOG
 *     getppid: Operation not permitted (EPERM)
 *     getuid: 65534
 *     seccomp_log: cannot read the audit records: ... grep type=1326
 *   Observe: run as root (the README shows it), without -l only the
 *   logging action leaves a record (getuid, code 0x7ffc0000); with -l
 *   the refusal of getppid does too (code 0x50000). A record's code is
 *   the action without its data: which errno is not said.
 *
 * Needs: nothing for the filter; CAP_AUDIT_READ (root, in the machine's
 * network namespace) to read the records; a kernel built with audit.
 *
 * See also: seccomp(2) (SECCOMP_FILTER_FLAG_LOG, SECCOMP_RET_LOG),
 * proc(5) (/proc/sys/kernel/seccomp/actions_logged), netlink(7); TLPI has
 * no seccomp filters (Linux 3.5, after it); course chapter 21.
 */
#include <errno.h>
#include <linux/audit.h>   /* AUDIT_SECCOMP, AUDIT_NLGRP_READLOG */
#include <linux/netlink.h> /* struct sockaddr_nl, struct nlmsghdr */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h> /* SYS_getppid, SYS_getuid */
#include <time.h>
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] = "Usage: seccomp_log [-l]\n"
                                 "  -l  install the filter with "
                                 "SECCOMP_FILTER_FLAG_LOG\n";

/* How long to wait for the last record before saying none came. */
enum { WAIT_MS = 2000 };

/* A socket on the audit multicast group, or -1 with errno set. The
 * kernel sends every record it makes to this group (journald reads the
 * audit log this way), besides the audit daemon or the kernel log. */
static int
audit_listener(void)
{
    struct sockaddr_nl addr = {
        .nl_family = AF_NETLINK,
        .nl_groups = 1u << (AUDIT_NLGRP_READLOG - 1),
    };
    int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);

    if (sock == -1)
        return -1;
    if (bind(sock, (struct sockaddr *)&addr, sizeof(addr)) == -1) {
        int saved = errno;

        close(sock);
        errno = saved;
        return -1;
    }
    return sock;
}

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* One AUDIT_SECCOMP record's text, "audit(...): auid=... pid=4242 ...
 * syscall=110 ... code=0x50000": if it is ours, print the call and the
 * action. Returns 1 for getuid's record, the last one the program
 * causes: the kernel queues the records in the order it makes them. */
static int
show_record(const char *text)
{
    char key[32];
    const char *p;
    long nr;
    unsigned long code;

    snprintf(key, sizeof(key), " pid=%ld ", (long)getpid());
    if (strstr(text, key) == NULL)
        return 0; /* another process's */
    p = strstr(text, " syscall=");
    if (p == NULL || sscanf(p, " syscall=%ld", &nr) != 1)
        return 0;
    p = strstr(text, " code=");
    if (p == NULL || sscanf(p, " code=%lx", &code) != 1)
        return 0;

    /* The code is the filter's action without its data: 0x50000 says
     * errno, not which one. */
    printf("audit: %s code=%#lx ",
           nr == SYS_getppid  ? "getppid"
           : nr == SYS_getuid ? "getuid"
                              : "another call",
           code);
    if ((code & SECCOMP_RET_ACTION_FULL) == SECCOMP_RET_ERRNO)
        printf("(errno)\n");
    else if ((code & SECCOMP_RET_ACTION_FULL) == SECCOMP_RET_LOG)
        printf("(log)\n");
    else
        printf("(another action)\n");
    return nr == SYS_getuid;
}

/* Read the group's messages until getuid's record, or WAIT_MS. */
static void
read_records(int sock)
{
    long long deadline = now_ms() + WAIT_MS;
    char buf[8192], text[8192];

    for (;;) {
        struct pollfd pfd = {.fd = sock, .events = POLLIN};
        long long left = deadline - now_ms();
        ssize_t len;

        if (left <= 0 || poll(&pfd, 1, (int)left) == 0)
            lacks("no audit record came in %d ms: they go to listeners "
                  "in the machine's first network namespace only; or this "
                  "kernel writes none (built without audit, or audit=0 on "
                  "its command line), or 'log' is not in "
                  "/proc/sys/kernel/seccomp/actions_logged",
                  WAIT_MS);
        len = recv(sock, buf, sizeof(buf), 0);
        if (len == -1) {
            if (errno == EINTR || errno == ENOBUFS) /* ENOBUFS: some lost */
                continue;
            err_exit("recv");
        }
        /* A datagram holds one or more netlink messages; the records
         * are text, not ended by a null byte. */
        for (struct nlmsghdr *nh = (struct nlmsghdr *)buf;
             NLMSG_OK(nh, (size_t)len); nh = NLMSG_NEXT(nh, len)) {
            size_t n = nh->nlmsg_len - NLMSG_HDRLEN;

            if (nh->nlmsg_type != AUDIT_SECCOMP)
                continue;
            if (n >= sizeof(text))
                n = sizeof(text) - 1;
            memcpy(text, NLMSG_DATA(nh), n);
            text[n] = '\0';
            if (show_record(text))
                return;
        }
    }
}

int
main(int argc, char *argv[])
{
    struct sock_filter filter[] = {
        BPF_CHECK_ARCH,
        BPF_LOAD_NR,
        BPF_ON_NR(SYS_getppid, SECCOMP_RET_ERRNO | EPERM),
        BPF_ON_NR(SYS_getuid, SECCOMP_RET_LOG),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };
    unsigned int flags = 0;
    int opt, sock, listen_errno;
    long ret;

    while ((opt = get_option(argc, argv, "lh")) != -1) {
        switch (opt) {
        case 'l':
            flags = SECCOMP_FILTER_FLAG_LOG;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* Listen first, so that no record made after this is missed. The
     * filter does not touch the calls the listening needs. */
    sock = audit_listener();
    listen_errno = errno;

    printf("filter: getppid -> errno EPERM, getuid -> log%s\n",
           flags ? ", with FLAG_LOG" : "");
    fflush(stdout);
    if (install_filter(filter, FILTER_LEN(filter), flags) == -1) {
        if (errno == EINVAL && flags)
            lacks("SECCOMP_FILTER_FLAG_LOG: Linux 4.14 and later");
        err_exit("seccomp");
    }

    /* The raw calls, so that no library cache answers instead. */
    ret = syscall(SYS_getppid);
    if (ret == -1)
        printf("getppid: %s (%s)\n", strerror(errno), errno_name(errno));
    else
        printf("getppid: %ld\n", ret);
    printf("getuid: %ld\n", syscall(SYS_getuid));
    fflush(stdout);

    if (sock == -1) {
        if (listen_errno == EPERM)
            lacks("cannot read the audit records: binding to the audit "
                  "group needs CAP_AUDIT_READ (root); they are in the "
                  "kernel log: sudo dmesg | grep type=1326");
        errno = listen_errno;
        err_exit("audit socket");
    }
    read_records(sock);
    return EXIT_SUCCESS;
}
