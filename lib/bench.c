// SPDX-License-Identifier: MIT
/*
 * bench.c - the clock, statistics and report lines of the kit's benchmarks
 * (see bench.h)
 */
#define _GNU_SOURCE /* program_invocation_short_name */
#include <errno.h>  /* program_invocation_short_name */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

double
bench_now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

struct bench_spread
bench_spread(double *t, int n)
{
    qsort(t, n, sizeof(t[0]), compare);
    return (struct bench_spread){t[n / 2], t[0], t[n - 1]};
}

void
bench_machine(const char *fmt, ...)
{
    struct utsname u;
    va_list ap;

    if (uname(&u) == -1)
        err_exit("uname");
    printf("# machine: Linux %s %s, %ld CPUs, ", u.release, u.machine,
           sysconf(_SC_NPROCESSORS_ONLN));
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static int progress_len; /* of the progress line now shown */

void
bench_progress(const char *fmt, ...)
{
    va_list ap;
    int n;

    if (!isatty(STDERR_FILENO))
        return;
    n = fprintf(stderr, "%s: ", program_invocation_short_name);
    va_start(ap, fmt);
    n += vfprintf(stderr, fmt, ap);
    va_end(ap);
    /* Blank out what is left of a longer line before. */
    fprintf(stderr, "%*s\r", progress_len > n ? progress_len - n : 0, "");
    progress_len = n;
}

void
bench_progress_end(void)
{
    if (progress_len > 0)
        fprintf(stderr, "%*s\r", progress_len, "");
    progress_len = 0;
}
