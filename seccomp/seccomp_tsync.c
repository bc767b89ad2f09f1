// SPDX-License-Identifier: MIT
/*
 * seccomp_tsync - a filter binds the thread that installs it, and its
 * later children: not the threads already running, unless TSYNC
 *
 * Demonstrates: seccomp filters are per thread. A thread started before
 * the filter keeps its old (empty) filter: its getppid() goes through
 * while the installing thread's is refused. SECCOMP_FILTER_FLAG_TSYNC
 * (-s, Linux 3.17) installs the filter on every thread of the process at
 * once, or on none (the call fails if a thread's filters are not an
 * ancestor of the caller's). A runtime that sandboxes a program which
 * already runs threads (a Go program has several before main) needs it;
 * the C library's threads made later inherit the filter anyway.
 *
 * Usage: seccomp_tsync [-s]
 *   -s  install the filter with SECCOMP_FILTER_FLAG_TSYNC
 *
 * Try:
 *     $ ./seccomp_tsync
 *     filter: getppid -> EPERM, installed by the main thread
 *     main thread: getppid: Operation not permitted (EPERM)
 *     other thread: getppid: ok
 *     $ ./seccomp_tsync -s
 *     filter: getppid -> EPERM, installed by the main thread with TSYNC
 *     main thread: getppid: Operation not permitted (EPERM)
 *     other thread: getppid: Operation not permitted (EPERM)
 *   Observe: without TSYNC the thread that was already running is not
 *   filtered; /proc/PID/task/TID/status shows it: Seccomp: 0 there.
 *
 * Needs: nothing (no_new_privs is set first, for every thread).
 *
 * See also: seccomp(2) (SECCOMP_FILTER_FLAG_TSYNC), pthreads(7); TLPI has
 * no seccomp filters (Linux 3.5, after it); course chapter 21.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h> /* SYS_getppid */
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: seccomp_tsync [-s]\n"
    "  -s  install the filter with SECCOMP_FILTER_FLAG_TSYNC\n";

/* The other thread waits on GO until the filter is in, then makes its
 * call; DONE tells the main thread it has. */
static int go[2], done[2];

/* Make getppid as the raw system call (the C library might answer from
 * a cache one day) and say how it went. */
static void
try_getppid(const char *who)
{
    long ret = syscall(SYS_getppid);

    if (ret == -1)
        printf("%s: getppid: %s (%s)\n", who, strerror(errno),
               errno_name(errno));
    else
        printf("%s: getppid: ok\n", who);
    fflush(stdout);
}

static void *
other_thread(void *arg)
{
    char byte;

    (void)arg;
    if (read(go[0], &byte, 1) != 1) /* until the filter is in */
        err_exit("read");
    try_getppid("other thread");
    if (write(done[1], "", 1) != 1)
        err_exit("write");
    return NULL;
}

int
main(int argc, char *argv[])
{
    struct sock_filter filter[] = {
        BPF_CHECK_ARCH,
        BPF_LOAD_NR,
        BPF_ON_NR(SYS_getppid, SECCOMP_RET_ERRNO | EPERM),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };
    unsigned int flags = 0;
    pthread_t thread;
    char byte;
    int opt, rc;

    while ((opt = get_option(argc, argv, "sh")) != -1) {
        switch (opt) {
        case 's':
            flags = SECCOMP_FILTER_FLAG_TSYNC;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* The other thread first: it runs, with no filter, before ours is
     * installed. */
    if (pipe(go) == -1 || pipe(done) == -1)
        err_exit("pipe");
    rc = pthread_create(&thread, NULL, other_thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_create");

    /* install_filter() sets no_new_privs, which is per thread too; with
     * TSYNC the kernel sets it on every thread it gives the filter. The
     * return value with TSYNC: 0, or the ID of a thread that could not
     * take it (one in strict mode, or with filters of its own). */
    printf("filter: getppid -> EPERM, installed by the main thread%s\n",
           flags ? " with TSYNC" : "");
    fflush(stdout);
    rc = install_filter(filter, FILTER_LEN(filter), flags);
    if (rc > 0)
        fatal("seccomp TSYNC: thread %d could not take the filter", rc);
    if (rc == -1)
        err_exit("seccomp");
    try_getppid("main thread");

    /* Now the other thread's call, then the end. */
    if (write(go[1], "", 1) != 1 || read(done[0], &byte, 1) != 1)
        err_exit("sync with the other thread");
    rc = pthread_join(thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_join");
    return EXIT_SUCCESS;
}
