// SPDX-License-Identifier: MIT
/*
 * capshow - the capability sets and securebits of a process
 *
 * Demonstrates: a thread has five capability sets. Permitted (CapPrm) is
 * what it may use; effective (CapEff) what the kernel checks now;
 * inheritable (CapInh) and ambient (CapAmb) what may pass through
 * execve(); the bounding set (CapBnd) the limit of what execve() can ever
 * grant. Each is printed in hex exactly as /proc/PID/status has it (bit
 * N is capability N, `grep Cap /proc/self/status` to compare), then as
 * libcap text ("=ep" means all capabilities in e and p), then the
 * ambient and missing bounding capabilities by name. For the caller it
 * also shows the securebits (prctl PR_GET_SECUREBITS) and no_new_privs.
 *
 * Usage: capshow [PID]
 *
 * Try (full bounding set):
 *     $ ./capshow
 *     CapInh: 0000000000000000
 *     CapPrm: 0000000000000000
 *     CapEff: 0000000000000000
 *     CapBnd: 000001ffffffffff
 *     CapAmb: 0000000000000000
 *     text: =
 *     ambient: none
 *     bounding: all
 *     securebits: 0x0
 *     NoNewPrivs: 0
 *     $ sudo ./capshow | grep text
 *     text: =ep
 *     $ sleep 60 & ./capshow $! | grep Cap    # another process
 *     CapInh: 0000000000000000
 *     CapPrm: 0000000000000000
 *     CapEff: 0000000000000000
 *     CapBnd: 000001ffffffffff
 *     CapAmb: 0000000000000000
 *     $ sudo setpriv --bounding-set -net_raw --securebits +noroot ./capshow
 *     ...
 *     CapBnd: 000001ffffffdfff
 *     ...
 *     bounding: all but cap_net_raw
 *     securebits: 0x1 (noroot)
 *     NoNewPrivs: 0
 *     $ /sbin/capsh --print             # libcap's tool (in sbin: not in your PATH)
 *
 * Needs: nothing.
 *
 * See also: capabilities(7), cap_to_text(3), cap_get_pid(3), prctl(2)
 * PR_GET_SECUREBITS, proc(5); TLPI chapter 39; course chapter 10.
 */
#include <errno.h>
#include <inttypes.h>
#include <linux/securebits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: capshow [PID]\n";

static const char *const set_keys[] = {"CapInh", "CapPrm", "CapEff", "CapBnd",
                                       "CapAmb"};

/* Print "NAME: NAMES" for the capabilities of MASK (or, with MISSING,
 * those not in it), "none" or "all". */
static void
print_names(const char *name, uint64_t mask, int missing)
{
    cap_value_t cap, last = cap_max_bits() - 1;
    uint64_t all = last >= 63 ? ~0ULL : (2ULL << last) - 1;
    uint64_t shown = missing ? ~mask & all : mask & all;
    char *text;

    printf("%s:", name);
    if (shown == 0)
        printf(missing ? " all" : " none");
    else if (missing)
        printf(" all but");
    for (cap = 0; cap <= last; cap++) {
        if (!(shown & (1ULL << cap)))
            continue;
        text = cap_to_name(cap);
        printf(" %s", text != NULL ? text : "?");
        cap_free(text);
    }
    printf("\n");
}

static void
print_securebits(int bits)
{
    static const struct {
        int bit;
        const char *name;
    } names[] = {
        {SECBIT_NOROOT, "noroot"},
        {SECBIT_NOROOT_LOCKED, "noroot_locked"},
        {SECBIT_NO_SETUID_FIXUP, "no_setuid_fixup"},
        {SECBIT_NO_SETUID_FIXUP_LOCKED, "no_setuid_fixup_locked"},
        {SECBIT_KEEP_CAPS, "keep_caps"},
        {SECBIT_KEEP_CAPS_LOCKED, "keep_caps_locked"},
        {SECBIT_NO_CAP_AMBIENT_RAISE, "no_cap_ambient_raise"},
        {SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED, "no_cap_ambient_raise_locked"},
    };
    size_t i;
    const char *sep = " (";

    printf("securebits: 0x%x", bits);
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (bits & names[i].bit) {
            printf("%s%s", sep, names[i].name);
            sep = ", ";
        }
    }
    printf("%s\n", bits ? ")" : "");
}

int
main(int argc, char *argv[])
{
    const char *pid = "self";
    char value[64];
    uint64_t mask[5];
    cap_t caps;
    char *text;
    int opt, i, bits;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind > 1)
        usage(EXIT_USAGE, usage_text);
    if (optind < argc) {
        parse_ll(argv[optind], 10, 1, INT32_MAX, "PID");
        pid = argv[optind];
    }

    /* The kernel's own words first: /proc/PID/status. */
    for (i = 0; i < 5; i++) {
        if (proc_status_value(pid, set_keys[i], value, sizeof(value)) == -1)
            err_exit("/proc/%s/status", pid);
        printf("%s: %s\n", set_keys[i], value);
        mask[i] = strtoull(value, NULL, 16);
    }

    /* libcap's text form of the inheritable, permitted and effective
     * sets: "=ep" is "every capability in e and p". */
    caps = cap_get_pid(strcmp(pid, "self") == 0 ? 0 : atoi(pid));
    if (caps == NULL)
        err_exit("cap_get_pid %s", pid);
    text = cap_to_text(caps, NULL);
    if (text == NULL)
        err_exit("cap_to_text");
    printf("text: %s\n", text);
    cap_free(text);
    cap_free(caps);
    print_names("ambient", mask[4], 0);
    print_names("bounding", mask[3], 1);

    if (strcmp(pid, "self") == 0) { /* only a thread's own */
        bits = prctl(PR_GET_SECUREBITS);
        if (bits == -1)
            err_exit("prctl PR_GET_SECUREBITS");
        print_securebits(bits);
        if (proc_status_value("self", "NoNewPrivs", value, sizeof(value)) == -1)
            err_exit("/proc/self/status NoNewPrivs");
        printf("NoNewPrivs: %s\n", value);
    }
    return EXIT_SUCCESS;
}
