// SPDX-License-Identifier: MIT
/*
 * bind_low - bind a port below 1024 with one capability, then drop it
 *
 * Exercise (see exercises/caps/README.md, "bind_low"): installed with
 * `setcap cap_net_bind_service+p`, this server holds the capability
 * permitted but not effective, so its bind() fails. Make it use the
 * capability for the bind() alone and then give it up for good. Fill
 * in the TODO(bind_low) parts.
 *
 * Usage: bind_low PORT
 *
 * Try:
 *     $ install -d -m 700 ~/caps; cp bind_low ~/caps/
 *     $ sudo setcap cap_net_bind_service+p ~/caps/bind_low
 *     $ ~/caps/bind_low 80
 *     bind port 80: ok
 *     CapPrm: 0000000000000000
 *     CapEff: 0000000000000000
 *     $ rm -r ~/caps                  # no file-capability copy left
 *
 * Needs: the file capability cap_net_bind_service+p on a copy.
 *
 * See also: capabilities(7), cap_set_proc(3), bind(2), ip(7)
 * (ip_unprivileged_port_start); TLPI chapter 39; course chapter 10.
 */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/socket.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: bind_low PORT\n";

static void
show(const char *key)
{
    char value[32];

    if (proc_status_value("self", key, value, sizeof(value)) == -1)
        err_exit("/proc/self/status");
    printf("%s: %s\n", key, value);
}

static void
set_effective(cap_value_t cap, cap_flag_value_t value)
{
    cap_t caps = cap_get_proc();

    if (caps == NULL || cap_set_flag(caps, CAP_EFFECTIVE, 1, &cap, value) ||
        cap_set_proc(caps) == -1)
        err_exit("cap_set_proc");
    cap_free(caps);
}

int
main(int argc, char *argv[])
{
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_ANY)};
    cap_t none;
    int opt, fd;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    sa.sin_port = htons(parse_ll(argv[optind], 10, 1, 65535, "PORT"));

    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd == -1)
        err_exit("socket");
    /* TODO(bind_low): make the capability effective for the bind(). */
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == -1)
        err_exit("bind port %s", argv[optind]);
    if (listen(fd, 16) == -1)
        err_exit("listen");
    printf("bind port %s: ok\n", argv[optind]);

    /* TODO(bind_low): give up the capability, from every set, for good. */
    (void)none;
    (void)set_effective;
    show("CapPrm");
    show("CapEff");
    close(fd);
    return EXIT_SUCCESS;
}
