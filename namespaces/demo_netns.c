// SPDX-License-Identifier: MIT
/*
 * demo_netns - a new network namespace: only lo, down; sockets of its own
 *
 * Demonstrates: a new network namespace has a network stack of its own:
 * interfaces, addresses, routes, ports. At first its only interface is
 * the loopback, and it is down; bringing it up is one ioctl(SIOCSIFFLAGS)
 * (what `ip link set lo up` does). A socket bound to 127.0.0.1 inside is
 * a different 127.0.0.1 from the host's: connecting to its port from
 * outside is refused.
 *
 * Usage: demo_netns
 *
 * Try:
 *     $ sudo ./demo_netns
 *     inside: interfaces: lo
 *     inside: lo is down
 *     inside: lo is up after SIOCSIFFLAGS
 *     inside: listening on 127.0.0.1:40123; connect from inside: ok
 *     outside: connect to 127.0.0.1:40123: ECONNREFUSED
 *     $ ../userns/userns_child_exec -r ./demo_netns      # rootless
 *   Observe: the same address and port, two different stacks. The veth
 *   pair that joins two namespaces is in veth_demo.sh.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: network_namespaces(7), netdevice(7) (SIOCGIFFLAGS),
 * if_nameindex(3), ip-netns(8); TLPI 28.2.1 names the CLONE_NEW* flags, no
 * more: namespaces grew after it; course chapter 15.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNET */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_netns\n";

static int
connect_to(unsigned short port)
{
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(port)};
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int result;

    if (fd == -1)
        err_exit("socket");
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    result = connect(fd, (struct sockaddr *)&sa, sizeof(sa));
    close(fd);
    return result;
}

/* In the new namespace: look at lo, bring it up, listen, report the port
 * on TO_PARENT and wait for the parent to close DONE. */
static noreturn void
inside(int to_parent, int done)
{
    struct sockaddr_in sa = {.sin_family = AF_INET};
    socklen_t len = sizeof(sa);
    struct if_nameindex *ifs;
    struct ifreq ifr = {0};
    unsigned short port;
    int sock, fd;
    char c;

    ifs = if_nameindex();
    if (ifs == NULL)
        err_exit_child("if_nameindex");
    printf("inside: interfaces:");
    for (struct if_nameindex *i = ifs; i->if_index != 0; i++)
        printf(" %s", i->if_name);
    printf("\n");
    if_freenameindex(ifs);

    /* Any socket serves for the interface ioctls. */
    sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock == -1)
        err_exit_child("socket");
    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "lo");
    if (ioctl(sock, SIOCGIFFLAGS, &ifr) == -1)
        err_exit_child("ioctl SIOCGIFFLAGS lo");
    printf("inside: lo is %s\n", ifr.ifr_flags & IFF_UP ? "up" : "down");
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(sock, SIOCSIFFLAGS, &ifr) == -1)
        err_exit_child("ioctl SIOCSIFFLAGS lo");
    if (ioctl(sock, SIOCGIFFLAGS, &ifr) == -1)
        err_exit_child("ioctl SIOCGIFFLAGS lo");
    printf("inside: lo is %s after SIOCSIFFLAGS\n",
           ifr.ifr_flags & IFF_UP ? "up" : "down");

    /* Port 0: the kernel picks a free one; getsockname() says which. */
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd == -1 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == -1 ||
        listen(fd, 1) == -1 ||
        getsockname(fd, (struct sockaddr *)&sa, &len) == -1)
        err_exit_child("listen on 127.0.0.1");
    port = ntohs(sa.sin_port);
    printf("inside: listening on 127.0.0.1:%u; connect from inside: %s\n", port,
           connect_to(port) == 0 ? "ok" : errno_name(errno));
    fflush(stdout);
    if (write(to_parent, &port, sizeof(port)) != sizeof(port) ||
        read(done, &c, 1) == -1)
        err_exit_child("sync");
    _exit(EXIT_SUCCESS);
}

int
main(int argc, char *argv[])
{
    int to_parent[2], done[2], opt, status;
    unsigned short port;
    pid_t pid;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    if (pipe(to_parent) == -1 || pipe(done) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        close(done[1]);
        if (unshare(CLONE_NEWNET) == -1)
            err_exit_child("unshare CLONE_NEWNET (needs CAP_SYS_ADMIN: run "
                           "as root, or under ../userns/userns_child_exec "
                           "-r)");
        inside(to_parent[1], done[0]);
    }
    close(to_parent[1]);
    close(done[0]);
    if (read(to_parent[0], &port, sizeof(port)) != sizeof(port)) {
        waitpid(pid, &status, 0);
        return child_exit_status(status);
    }
    /* The child is still listening, in its namespace: try from ours. */
    printf("outside: connect to 127.0.0.1:%u: %s\n", port,
           connect_to(port) == 0 ? "ok (another program here has that port)"
                                 : errno_name(errno));
    close(done[1]);
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
