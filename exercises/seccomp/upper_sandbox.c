// SPDX-License-Identifier: MIT
/*
 * upper_sandbox - a filter that allows only what the program needs
 *
 * Exercise (see exercises/seccomp/README.md, "upper_sandbox"): once set
 * up, this program copies standard input to standard output in upper
 * case. Give it a filter that allows only the system calls it needs from
 * then on, and kills the process at any other. Fill in the
 * TODO(upper_sandbox) part.
 *
 * Usage: upper_sandbox [-t CALL]
 *   -t CALL  after the filter, try getpid, open or socket (to see the kill)
 *
 * Try:
 *     $ echo hello | ./upper_sandbox
 *     HELLO
 *     $ ./upper_sandbox -t open; echo $?
 *     159
 *     $ strace -f ./upper_sandbox < /dev/null 2>&1 | tail -5
 *
 * Needs: libseccomp; no privilege.
 *
 * See also: seccomp_init(3), seccomp_rule_add(3), ../../seccomp/
 * seccomp_allow.c; TLPI has no seccomp filters (Linux 3.5, after it); course
 * chapter 21.
 */
#include <ctype.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: upper_sandbox [-t CALL]\n"
    "  -t CALL  after the filter, try getpid, open or socket\n";

static void
sandbox(void)
{
    /* TODO(upper_sandbox): build and load a filter that kills the
     * process at every system call except the few the copy loop below
     * and the program's exit make. */
}

int
main(int argc, char *argv[])
{
    const char *try = NULL;
    char buf[4096];
    ssize_t n, i;
    int opt;

    while ((opt = get_option(argc, argv, "t:h")) != -1) {
        switch (opt) {
        case 't':
            try = optarg;
            if (strcmp(try, "getpid") != 0 && strcmp(try, "open") != 0 &&
                strcmp(try, "socket") != 0)
                usage_err("-t: '%s' is not getpid, open or socket", try);
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    sandbox();

    if (try != NULL && strcmp(try, "getpid") == 0)
        getpid();
    else if (try != NULL && strcmp(try, "open") == 0)
        open("/etc/passwd", O_RDONLY);
    else if (try != NULL)
        socket(AF_INET, SOCK_STREAM, 0);
    if (try != NULL)
        return 3; /* still here: the call was allowed */

    /* read() and write() directly: stdio would also call fstat(). */
    while ((n = read(STDIN_FILENO, buf, sizeof(buf))) > 0) {
        for (i = 0; i < n; i++)
            buf[i] = toupper((unsigned char)buf[i]);
        if (write(STDOUT_FILENO, buf, n) != n)
            return EXIT_FAILURE;
    }
    return n == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
