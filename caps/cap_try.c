// SPDX-License-Identifier: MIT
/*
 * cap_try - one privileged operation, capability-dumb or -aware
 *
 * Demonstrates: what file capabilities give a program, and the two ways
 * a program can use them. The operation is reading a file the caller may
 * not read (needs CAP_DAC_READ_SEARCH) or binding a port below 1024
 * (needs CAP_NET_BIND_SERVICE). A capability-dumb program knows nothing
 * of capabilities: it needs the file's effective bit (setcap ...+ep), so
 * that execve() puts the capability straight into its effective set. A
 * capability-aware program (-a) works from a file with the capability
 * only in the permitted set (+p): it keeps its effective set empty and
 * raises the one capability just around the call that needs it.
 *
 * Usage: cap_try [-a] read FILE | bind PORT
 *   -a  capability-aware: raise the capability only around the call
 *
 * Try:
 *     $ install -d -m 700 ~/caps; cp cap_try ~/caps/ct
 *     $ sudo setcap cap_net_bind_service+ep ~/caps/ct
 *     $ ~/caps/ct bind 80
 *     CapPrm: 0000000000000400
 *     CapEff: 0000000000000400
 *     bind port 80: ok
 *     $ sudo setcap cap_net_bind_service+p ~/caps/ct
 *     $ ~/caps/ct bind 80
 *     CapPrm: 0000000000000400
 *     CapEff: 0000000000000000
 *     bind port 80: Permission denied (EACCES)
 *     $ ~/caps/ct -a bind 80               # raises it, binds, lowers it
 *     CapPrm: 0000000000000400
 *     CapEff: 0000000000000000
 *     bind port 80: ok
 *     CapEff: 0000000000000000
 *     $ ./cap_try bind 80 | tail -1        # no file capabilities
 *     bind port 80: Permission denied (EACCES)
 *     $ rm -r ~/caps                       # no file-capability copy left
 *   Observe: CapEff before the call; the aware program shows it empty
 *   and raises one bit. (Binding port 80 needs it free; the tests and
 *   tools/try run it in a network namespace of their own.)
 *
 * Needs: file capabilities on a copy (setcap needs root); a file system
 * that supports them.
 *
 * See also: capabilities(7) (File capabilities, Safety checking for
 * capability-dumb binaries), cap_set_proc(3), setcap(8); TLPI chapter 39;
 * course chapter 10.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/socket.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: cap_try [-a] read FILE | bind PORT\n"
    "  -a  capability-aware: raise the capability only around the call\n";

/* Print the line KEY (CapPrm, CapEff) of /proc/self/status. */
static void
show(const char *key)
{
    char value[32];

    if (proc_status_value("self", key, value, sizeof(value)) == -1)
        err_exit("/proc/self/status");
    printf("%s: %s\n", key, value);
}

/* Set CAP's effective flag to VALUE, keeping every other flag. */
static void
set_effective(cap_value_t cap, cap_flag_value_t value)
{
    /* libcap's way: read all three sets, change a flag in the copy, and
     * write the sets back whole (capset(2) takes nothing smaller). */
    cap_t caps = cap_get_proc();

    if (caps == NULL)
        err_exit("cap_get_proc");
    if (cap_set_flag(caps, CAP_EFFECTIVE, 1, &cap, value) == -1)
        err_exit("cap_set_flag");
    /* Fails with EPERM if CAP is not in the permitted set. */
    if (cap_set_proc(caps) == -1)
        err_warn("raise the effective capability");
    cap_free(caps);
}

/* Open FILE for reading: the kernel checks the file's permission bits,
 * and lets CAP_DAC_READ_SEARCH (or CAP_DAC_OVERRIDE) pass them by, but
 * only if the capability is in the effective set at this moment. */
static int
do_read(const char *file)
{
    int fd = open(file, O_RDONLY);

    if (fd != -1)
        close(fd);
    return fd == -1 ? -1 : 0;
}

/* Bind a TCP socket to PORT on every address: a port below 1024
 * (net.ipv4.ip_unprivileged_port_start) needs CAP_NET_BIND_SERVICE.
 * errno is kept across close(), for the caller's message. */
static int
do_bind(int port)
{
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_port = htons(port),
                             .sin_addr.s_addr = htonl(INADDR_ANY)};
    int fd, ret, saved;

    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd == -1)
        err_exit("socket");
    ret = bind(fd, (struct sockaddr *)&sa, sizeof(sa));
    saved = errno;
    close(fd);
    errno = saved;
    return ret;
}

int
main(int argc, char *argv[])
{
    cap_t empty;
    int opt, aware = 0, port = 0, ret;
    cap_value_t cap;
    const char *op;

    while ((opt = get_option(argc, argv, "ah")) != -1) {
        switch (opt) {
        case 'a':
            aware = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 2)
        usage(EXIT_USAGE, usage_text);
    /* read FILE or bind PORT: one operation a run. */
    op = argv[optind];
    /* Each operation and the one capability that lets it past its
     * check: reading a file whose mode says no, binding a port below
     * 1024. */
    if (strcmp(op, "read") == 0)
        cap = CAP_DAC_READ_SEARCH;
    else if (strcmp(op, "bind") == 0)
        cap = CAP_NET_BIND_SERVICE;
    else
        usage_err("'%s' is not read or bind", op);
    if (cap == CAP_NET_BIND_SERVICE)
        port = parse_ll(argv[optind + 1], 10, 1, 65535, "PORT");

    if (aware) {
        /* An aware program holds nothing effective by default... */
        empty = cap_get_proc();
        if (empty == NULL || cap_clear_flag(empty, CAP_EFFECTIVE) == -1 ||
            cap_set_proc(empty) == -1)
            err_exit("clear the effective set");
        cap_free(empty);
    }
    /* Permitted: what we may raise; effective: what the kernel checks. */
    show("CapPrm");
    show("CapEff");

    /* ...and raises one capability for one call: the rest of the
     * program runs with an empty effective set, so a bug elsewhere (a
     * path it was tricked into opening) gets no privilege. */
    if (aware)
        set_effective(cap, CAP_SET);
    if (cap == CAP_DAC_READ_SEARCH)
        ret = do_read(argv[optind + 1]);
    else
        ret = do_bind(port);
    if (ret == -1)
        printf("%s %s%s: %s (%s)\n", op, port ? "port " : "", argv[optind + 1],
               strerror(errno), errno_name(errno));
    else
        printf("%s %s%s: ok\n", op, port ? "port " : "", argv[optind + 1]);
    /* Lowered again at once: the capability stays permitted, ready for
     * the next call that needs it, and effective for no other. */
    if (aware) {
        set_effective(cap, CAP_CLEAR);
        show("CapEff");
    }
    return ret == -1 ? EXIT_FAILURE : EXIT_SUCCESS;
}
