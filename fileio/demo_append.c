// SPDX-License-Identifier: MIT
/*
 * demo_append - O_APPEND vs lseek()+write() with two writers
 *
 * Demonstrates: two processes that each open the same file and append
 * records to it. Without O_APPEND each does lseek(fd, 0, SEEK_END) and then
 * write(): between the two calls the other process can append, and the
 * write then lands on top of that record: records are lost. With O_APPEND
 * the kernel moves the offset to the end and writes as one atomic step, so
 * no record is lost.
 *
 * Usage: demo_append [-a] [-n RECORDS] FILE
 *   -a          open FILE with O_APPEND instead of seeking to the end
 *   -n RECORDS  records each writer appends (1 to 1000000; default 1000)
 *
 * Try:
 *     $ ./demo_append /tmp/log
 *     mode: lseek(SEEK_END) + write
 *     expected records: 2000
 *     records in file: 1344
 *     lost records: 656
 *     $ ./demo_append -a /tmp/log
 *     mode: O_APPEND
 *     expected records: 2000
 *     records in file: 2000
 *     lost records: 0
 *   Observe: the number lost changes from run to run (it is a race); with
 *   -a it is always 0. The writers yield the CPU inside the race window,
 *   and every 64th record they wait for each other there, so that the
 *   loss shows on every run, even on one CPU or a busy machine: without
 *   that, a run can get lucky, which is what makes such bugs hard to find.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: open(2) (O_APPEND), lseek(2), write(2); TLPI 5.1.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h> /* a barrier shared by the two writers */
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdnoreturn.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_append [-a] [-n RECORDS] FILE\n"
    "  -a          open FILE with O_APPEND instead of seeking to the end\n"
    "  -n RECORDS  records each writer appends (default 1000)\n";

#define RECORD_LEN 16 /* "writer A 000001\n" */
#define MEET_EVERY 64 /* records between two meetings in the window */

static pthread_barrier_t *meet; /* in memory shared by both writers */

/* One writer: its own open(), so its own file offset. It starts when
 * START reads end of file, so that both writers run at the same time. */
static noreturn void
writer(char name, const char *path, bool append, long records, int start)
{
    char rec[32];
    int fd;

    fd = open(path, O_WRONLY | (append ? O_APPEND : 0));
    if (fd == -1)
        err_exit_child("open %s", path);
    if (read(start, rec, 1) == -1)
        err_exit_child("read start pipe");

    for (long i = 0; i < records; i++) {
        /* RECORDS is at most 1000000, so i has at most 6 digits. */
        snprintf(rec, sizeof(rec), "writer %c %06ld\n", name, i);
        /* The race window: the end found here may have moved by the time
         * write() runs. With O_APPEND this lseek() is not needed at all. */
        if (!append) {
            if (lseek(fd, 0, SEEK_END) == -1)
                err_exit_child("lseek %s", path);
            /* Let the other writer run here: this widens the window. And
             * now and then, wait for it right here: both have found the
             * same end, and one record will land on top of the other. */
            sched_yield();
            if (i % MEET_EVERY == 0)
                pthread_barrier_wait(meet);
        }
        /* With O_APPEND the kernel moves the offset to the end and writes
         * in one step, under the file's lock: no other write can come in
         * between, so no record lands on another. */
        if (write(fd, rec, RECORD_LEN) != RECORD_LEN)
            err_exit_child("write %s", path);
    }
    _exit(EXIT_SUCCESS);
}

int
main(int argc, char *argv[])
{
    long records = 1000;
    bool append = false;
    struct stat sb;
    int fd, opt, status, failed = 0;
    int start[2];
    pthread_barrierattr_t attr;

    while ((opt = get_option(argc, argv, "an:h")) != -1) {
        switch (opt) {
        case 'a':
            append = true;
            break;
        case 'n':
            records = parse_ll(optarg, 0, 1, 1000000, "-n");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    const char *path = argv[optind];

    /* Start from an empty file. */
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd == -1)
        err_exit("open %s", path);
    close(fd);

    /* The barrier must be in memory both children share after fork():
     * a MAP_SHARED mapping, and a barrier marked process-shared. */
    meet = mmap(NULL, sizeof(*meet), PROT_READ | PROT_WRITE,
                MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (meet == MAP_FAILED)
        err_exit("mmap");
    pthread_barrierattr_init(&attr);
    pthread_barrierattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    /* The pthread functions return the error number; they do not set errno. */
    int rc = pthread_barrier_init(meet, &attr, 2);
    if (rc != 0)
        err_exit_en(rc, "pthread_barrier_init");

    printf("mode: %s\n", append ? "O_APPEND" : "lseek(SEEK_END) + write");
    fflush(stdout); /* before fork(): or the children print it again */
    if (pipe(start) == -1)
        err_exit("pipe");
    for (char name = 'A'; name <= 'B'; name++) {
        switch (fork()) {
        case -1:
            err_exit("fork");
        case 0:
            close(start[1]);
            writer(name, path, append, records, start[0]);
        default:
            break;
        }
    }
    /* Closing the write end gives both writers end of file: go. */
    close(start[0]);
    close(start[1]);
    while (wait(&status) != -1)
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            failed++;
    if (failed)
        fatal("%d writer(s) failed", failed);

    if (stat(path, &sb) == -1)
        err_exit("stat %s", path);
    printf("expected records: %ld\n", 2 * records);
    printf("records in file: %jd\n", (intmax_t)sb.st_size / RECORD_LEN);
    printf("lost records: %jd\n",
           (intmax_t)(2 * records - sb.st_size / RECORD_LEN));
    return EXIT_SUCCESS;
}
