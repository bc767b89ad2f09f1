// SPDX-License-Identifier: MIT
/*
 * aware_read - a capability-aware program: effective only when needed
 *
 * Exercise (see exercises/caps/README.md, "aware_read"): this program
 * reads a file its user may not read. As shipped it is capability-dumb:
 * it works only with `setcap cap_dac_read_search+ep`, and then holds the
 * capability effective all the time. Make it capability-aware. Fill in
 * the TODO(aware_read) parts.
 *
 * Usage: aware_read FILE
 *
 * Try:
 *     $ install -d -m 700 ~/caps; cp aware_read ~/caps/
 *     $ sudo setcap cap_dac_read_search+p ~/caps/aware_read
 *     $ ~/caps/aware_read /etc/shadow
 *     start: CapEff 0000000000000000
 *     open: CapEff 0000000000000004
 *     after: CapEff 0000000000000000
 *     read: 1204 bytes
 *     $ rm -r ~/caps                  # no file-capability copy left
 *
 * Needs: a file capability on a copy (setcap needs root).
 *
 * See also: capabilities(7), cap_set_proc(3), cap_set_flag(3); TLPI chapter 39;
 * course chapter 10.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: aware_read FILE\n";

static void
show(const char *stage)
{
    char value[32];

    if (proc_status_value("self", "CapEff", value, sizeof(value)) == -1)
        err_exit("/proc/self/status");
    printf("%s: CapEff %s\n", stage, value);
}

/* Set the effective flag of CAP (and of no other capability) to VALUE. */
static void
effective_only(cap_value_t cap, cap_flag_value_t value)
{
    cap_t caps = cap_get_proc();

    if (caps == NULL || cap_clear_flag(caps, CAP_EFFECTIVE) == -1 ||
        cap_set_flag(caps, CAP_EFFECTIVE, 1, &cap, value) == -1 ||
        cap_set_proc(caps) == -1)
        err_exit("cap_set_proc");
    cap_free(caps);
}

int
main(int argc, char *argv[])
{
    char buf[4096];
    ssize_t n, total = 0;
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

    /* TODO(aware_read): nothing effective from here on... */
    show("start");

    /* TODO(aware_read): ...except the one capability, around open(). */
    show("open");
    fd = open(argv[optind], O_RDONLY | O_CLOEXEC);
    (void)effective_only;
    if (fd == -1)
        err_exit("open %s", argv[optind]);
    show("after");

    while ((n = read(fd, buf, sizeof(buf))) > 0)
        total += n;
    if (n == -1)
        err_exit("read %s", argv[optind]);
    printf("read: %zd bytes\n", total);
    return EXIT_SUCCESS;
}
