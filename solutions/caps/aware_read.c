// SPDX-License-Identifier: MIT
/*
 * aware_read - a capability-aware program: effective only when needed
 *
 * Demonstrates: the difference between holding a capability and using
 * it. This program reads a file its user may not read, which needs
 * CAP_DAC_READ_SEARCH. It works whether the file capability was set
 * capability-dumb (+ep, effective from the start) or aware (+p): it
 * empties its effective set first thing, raises the one capability just
 * around open(), and lowers it right after, so that a mistake anywhere
 * else in the program cannot use it. It prints CapEff at each stage and
 * the number of bytes read.
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

    effective_only(CAP_DAC_READ_SEARCH, CAP_CLEAR); /* nothing effective */
    show("start");

    effective_only(CAP_DAC_READ_SEARCH, CAP_SET);
    show("open");
    fd = open(argv[optind], O_RDONLY | O_CLOEXEC);
    effective_only(CAP_DAC_READ_SEARCH, CAP_CLEAR);
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
