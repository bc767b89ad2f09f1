// SPDX-License-Identifier: MIT
/*
 * lib_driver - call one function of lib/ so tests/lib.bats can check it
 *
 * Usage: lib_driver FUNCTION [ARG...]
 *   err_exit | err_exit_en | err_exit_child | fatal | err_warn | usage0 |
 *   usage2 | usage_err | parse ARG MIN MAX | exec_failed CMD |
 *   child_status CMD... | child_no_flush | errno_name N | errno ARG |
 *   signal ARG |
 *   proc_state PID | status_value PID KEY | nameless_file DIR
 *
 * Not a demo: a test fixture for the library's exact message formats.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

int
main(int argc, char *argv[])
{
    const char *fn = argc > 1 ? argv[1] : "";
    int status;

    if (strcmp(fn, "err_exit") == 0) {
        errno = ENOENT;
        err_exit("open %s", "/nope");
    } else if (strcmp(fn, "err_exit_en") == 0) {
        errno = 0;
        err_exit_en(EAGAIN, "pthread_create");
    } else if (strcmp(fn, "err_exit_child") == 0) {
        errno = EPERM;
        err_exit_child("setns %s", "/proc/1/ns/uts");
    } else if (strcmp(fn, "fatal") == 0) {
        fatal("%d writer(s) failed", 2);
    } else if (strcmp(fn, "err_warn") == 0) {
        errno = EACCES;
        err_warn("open %s", "/etc/shadow");
        printf("errno kept: %s\n", errno_name(errno));
        return EXIT_SUCCESS;
    } else if (strcmp(fn, "err_note") == 0 && argc == 3) {
        err_note("a name given: %s", argv[2]);
        return EXIT_SUCCESS;
    } else if (strcmp(fn, "usage0") == 0) {
        usage(EXIT_SUCCESS, "Usage: lib_driver FUNCTION\n");
    } else if (strcmp(fn, "usage2") == 0) {
        usage(EXIT_USAGE, "Usage: lib_driver FUNCTION\n");
    } else if (strcmp(fn, "usage_err") == 0) {
        usage_err("missing %s", "operand");
    } else if (strcmp(fn, "parse") == 0 && argc == 5) {
        long long min = strtoll(argv[3], NULL, 0);
        long long max = strtoll(argv[4], NULL, 0);

        printf("%lld\n", parse_ll(argv[2], 0, min, max, "-n"));
        return EXIT_SUCCESS;
    } else if (strcmp(fn, "exec_failed") == 0 && argc == 3) {
        execvp(argv[2], &argv[2]);
        exec_failed(argv[2]);
    } else if (strcmp(fn, "child_status") == 0 && argc > 2) {
        /* What a launcher passes on: the child's status or 128+signal. */
        fflush(stdout);
        switch (fork()) {
        case -1:
            err_exit("fork");
        case 0:
            execvp(argv[2], &argv[2]);
            exec_failed(argv[2]);
        default:
            if (wait(&status) == -1)
                err_exit("wait");
            return child_exit_status(status);
        }
    } else if (strcmp(fn, "child_no_flush") == 0) {
        /* Unflushed parent output: a child that flushed stdio on its way
         * out would print this line a second time. */
        printf("parent line\n");
        switch (fork()) {
        case -1:
            err_exit("fork");
        case 0:
            errno = ENOMEM;
            err_exit_child("child failed");
        default:
            if (wait(&status) == -1)
                err_exit("wait");
        }
        return WEXITSTATUS(status);
    } else if (strcmp(fn, "errno") == 0 && argc == 3) {
        int e = parse_errno(argv[2], "ERRNO");

        printf("%d %s\n", e, errno_name(e));
        return EXIT_SUCCESS;
    } else if (strcmp(fn, "signal") == 0 && argc == 3) {
        /* The number, and the name it prints back as. */
        char buf[32];
        int sig = parse_signal(argv[2], "SIGNAL");

        printf("%d %s\n", sig, signal_name(sig, buf, sizeof(buf)));
        return EXIT_SUCCESS;
    } else if (strcmp(fn, "proc_state") == 0 && argc == 3) {
        char state = proc_state(atoi(argv[2]));

        printf("%c\n", state ? state : '0');
        return EXIT_SUCCESS;
    } else if (strcmp(fn, "status_value") == 0 && argc == 4) {
        char value[256];

        if (proc_status_value(argv[2], argv[3], value, sizeof(value)) == -1)
            err_exit("%s of /proc/%s/status", argv[3], argv[2]);
        printf("[%s]\n", value);
        return EXIT_SUCCESS;
    } else if (strcmp(fn, "nameless_file") == 0 && argc == 3) {
        struct stat sb;
        int fd = nameless_file(argv[2], O_RDWR | O_CLOEXEC);

        if (fd == -1)
            err_exit("a file in %s", argv[2]);
        if (write(fd, "x", 1) != 1 || fstat(fd, &sb) == -1)
            err_exit("write, fstat");
        printf("size %lld, links %lu\n", (long long)sb.st_size,
               (unsigned long)sb.st_nlink);
        return EXIT_SUCCESS;
    } else if (strcmp(fn, "errno_name") == 0 && argc == 3) {
        printf("%s\n", errno_name(atoi(argv[2])));
        return EXIT_SUCCESS;
    }
    usage(EXIT_USAGE, "Usage: lib_driver FUNCTION [ARG...]\n");
}
