/* SPDX-License-Identifier: MIT */
/*
 * bench.h - what the kit's benchmarks share
 *
 * Every benchmark measures the same way: one warm-up, then repeated runs,
 * and reports the median with the fastest and the slowest run (the median
 * shrugs off the one run that a timer interrupt or another process spoiled;
 * the spread shows how much that happened). Its output starts with comment
 * lines saying what it measured and on what machine, then a table that
 * gnuplot and a reader take as it is (tools/bench draws the plots).
 */
#ifndef ISOLAB_BENCH_H
#define ISOLAB_BENCH_H

#include "isolab.h" /* PRINTF_LIKE */

/* The median, fastest and slowest of a set of runs. */
struct bench_spread {
    double median, min, max;
};

/* Now, in microseconds, on the monotonic clock (never set back). */
double bench_now_us(void);

/* The spread of the N times in T (which it sorts in place). */
struct bench_spread bench_spread(double *t, int n);

/* Print "# machine: Linux RELEASE ARCH, N CPUs" and, after a comma, what
 * FMT says (the number of runs, say). */
void bench_machine(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Say on stderr, on one line that the next call overwrites, what is being
 * measured: "prog: FMT...". Only on a terminal: a log or a pipe gets no
 * progress. bench_progress_end() clears the line. */
void bench_progress(const char *fmt, ...) PRINTF_LIKE(1, 2);
void bench_progress_end(void);

#endif
