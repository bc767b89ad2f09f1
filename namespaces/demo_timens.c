// SPDX-License-Identifier: MIT
/*
 * demo_timens - a time namespace shifts CLOCK_MONOTONIC and CLOCK_BOOTTIME
 *
 * Demonstrates: a time namespace (Linux 5.6) gives its processes their own
 * offsets for the monotonic and boot-time clocks, which is what lets a
 * container be migrated to another machine without its clocks jumping
 * back. The offsets are written to /proc/PID/timens_offsets after
 * unshare(CLONE_NEWTIME) and before any process enters the namespace:
 * like a PID namespace, it is for the caller's children. Once a child is
 * inside, the offsets can no longer be changed (EACCES). The wall clock
 * (CLOCK_REALTIME) is not namespaced.
 *
 * Usage: demo_timens [-m SECONDS] [-b SECONDS]
 *   -m SECONDS  offset for CLOCK_MONOTONIC (default 86400: one day)
 *   -b SECONDS  offset for CLOCK_BOOTTIME and /proc/uptime (default 86400)
 *
 * Try:
 *     $ sudo ./demo_timens
 *     outside: monotonic 5123 s, boottime 5123 s, uptime 5123 s
 *     inside: monotonic 91523 s, boottime 91523 s, uptime 91523 s
 *     offsets written again after a child entered: EACCES
 *     $ ../userns/userns_child_exec -r ./demo_timens -m 0 -b 3600
 *     outside: monotonic 5123 s, boottime 5123 s, uptime 5123 s
 *     inside: monotonic 5123 s, boottime 8723 s, uptime 8723 s
 *     offsets written again after a child entered: EACCES
 *   Observe: inside, the machine seems to have been up a day longer;
 *   outside nothing changed.
 *
 * Needs: Linux 5.6 (CONFIG_TIME_NS); CAP_SYS_ADMIN: root, or root in a
 * user namespace (as above).
 *
 * See also: time_namespaces(7), clock_gettime(2), proc(5) (uptime); TLPI 28.2.1
 * names the CLONE_NEW* flags, no more: namespaces grew after it; course chapter
 * 15.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWTIME */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_timens [-m SECONDS] [-b SECONDS]\n"
    "  -m SECONDS  offset for CLOCK_MONOTONIC (default 86400)\n"
    "  -b SECONDS  offset for CLOCK_BOOTTIME and /proc/uptime (default 86400)\n";

/* The two clocks a time namespace offsets, and /proc/uptime, which
 * follows CLOCK_BOOTTIME. CLOCK_REALTIME (the date) has no offset: a
 * container cannot have its own wall clock. */
static void
report(const char *who)
{
    struct timespec mono, boot;
    double uptime = 0;
    FILE *f;

    if (clock_gettime(CLOCK_MONOTONIC, &mono) == -1 ||
        clock_gettime(CLOCK_BOOTTIME, &boot) == -1)
        err_exit("clock_gettime");
    f = fopen("/proc/uptime", "r");
    if (f == NULL || fscanf(f, "%lf", &uptime) != 1)
        err_exit("read /proc/uptime");
    fclose(f);
    printf("%s: monotonic %lld s, boottime %lld s, uptime %.0f s\n", who,
           (long long)mono.tv_sec, (long long)boot.tv_sec, uptime);
    fflush(stdout);
}

int
main(int argc, char *argv[])
{
    long long mono = 86400, boot = 86400;
    char offsets[128];
    int opt, status;
    pid_t pid;

    while ((opt = get_option(argc, argv, "m:b:h")) != -1) {
        switch (opt) {
        case 'm':
            mono = parse_ll(optarg, 10, 0, 10LL * 365 * 86400, "-m");
            break;
        case 'b':
            boot = parse_ll(optarg, 10, 0, 10LL * 365 * 86400, "-b");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* Our clocks, before anything: the reference for the child's. */
    report("outside");
    /* unshare(CLONE_NEWTIME) makes the namespace, but we stay outside it:
     * like a PID namespace, it is for the children we start from now on
     * (/proc/self/ns/time_for_children names it). */
    if (unshare(CLONE_NEWTIME) == -1) {
        if (errno == EINVAL)
            fatal("unshare CLONE_NEWTIME: this kernel has no time "
                  "namespaces (Linux 5.6, CONFIG_TIME_NS)");
        if (errno == EPERM)
            fatal("unshare CLONE_NEWTIME: needs CAP_SYS_ADMIN; run as root, "
                  "or under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWTIME");
    }
    /* Offsets per clock, one "CLOCK SECONDS NANOSECONDS" line each: the
     * namespace's clocks read the host's plus these, for every process
     * in it. The offsets can be set only while the namespace is empty:
     * once a process has read its clocks through them, they must not
     * jump under it. */
    snprintf(offsets, sizeof(offsets), "monotonic %lld 0\nboottime %lld 0\n",
             mono, boot);
    if (write_file("/proc/self/timens_offsets", offsets) == -1)
        err_exit("write /proc/self/timens_offsets");

    /* The child is the first process in the namespace: fork() puts it
     * into the time namespace we made for our children. */
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        report("inside");
        _exit(EXIT_SUCCESS);
    }
    /* (Its report is out before we try the offsets again.) */
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");

    /* Too late now: a process has been inside (EACCES). */
    if (write_file("/proc/self/timens_offsets", offsets) == -1)
        printf("offsets written again after a child entered: %s\n",
               errno_name(errno));
    else
        printf("offsets written again after a child entered: allowed\n");
    return child_exit_status(status);
}
