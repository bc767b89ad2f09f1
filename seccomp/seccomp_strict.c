// SPDX-License-Identifier: MIT
/*
 * seccomp_strict - seccomp's first mode: four system calls, SIGKILL for
 * any other
 *
 * Demonstrates: strict mode (SECCOMP_SET_MODE_STRICT; Linux 2.6.12, first
 * as prctl(PR_SET_SECCOMP, 1)). After it the thread may make four system
 * calls only: read() and write() on descriptors it already holds,
 * _exit() of the thread (exit, not exit_group) and sigreturn(). Any other
 * call, getpid() included, kills it with SIGKILL on the spot. It was made
 * for programs that compute on data handed to them through descriptors
 * opened before, and is too narrow for nearly anything else: even the C
 * library's _exit() is exit_group, and is killed. Filter mode (Linux 3.5)
 * lets a program choose the calls instead; strict mode is still there.
 *
 * Usage: seccomp_strict [CALL]
 *   CALL  what to try in strict mode: write (the default), getpid, or
 *         exit_group (what the C library's _exit() makes)
 *
 * Try:
 *     $ ./seccomp_strict
 *     strict mode: on
 *     write: ok
 *     $ ./seccomp_strict getpid; echo "status $?"
 *     strict mode: on
 *     Killed
 *     status 137
 *     $ ./seccomp_strict exit_group; echo "status $?"
 *     strict mode: on
 *     Killed
 *     status 137
 *   Observe: write works, and the program ends through the exit call
 *   itself; getpid, harmless as it is, kills the process (137: 128 +
 *   SIGKILL, which no handler can catch), and so does exit_group. The
 *   status line of /proc shows "Seccomp: 1" for such a process.
 *
 * Needs: Linux with CONFIG_SECCOMP; no privilege.
 *
 * See also: seccomp(2) (SECCOMP_SET_MODE_STRICT), prctl(2)
 * PR_SET_SECCOMP; TLPI has no seccomp (strict mode is older, but not in
 * it); course chapter 20.
 */
#include <linux/seccomp.h> /* SECCOMP_SET_MODE_STRICT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h> /* SYS_exit, SYS_exit_group, SYS_getpid */
#include <unistd.h>

#include "compat.h" /* sys_seccomp() */
#include "isolab.h"

static const char usage_text[] =
    "Usage: seccomp_strict [CALL]\n"
    "  CALL  write (default), getpid or exit_group: what to try in strict "
    "mode\n";

/* Set when a write() failed: the exit status says so. */
static int lost;

/* Write the string S with write() alone: stdio might make other calls
 * (fstat(), brk() for its buffer), which strict mode kills. A failure
 * can only be reported with write() too, on stderr. */
static void
say(const char *s)
{
    static const char msg[] =
        "seccomp_strict: write error on standard output\n";

    if (write(STDOUT_FILENO, s, strlen(s)) != (ssize_t)strlen(s) && !lost) {
        lost = 1;
        if (write(STDERR_FILENO, msg, sizeof(msg) - 1) == -1) {
            /* nowhere left to say it */
        }
    }
}

int
main(int argc, char *argv[])
{
    const char *call = "write";
    int opt;

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
    if (optind < argc)
        call = argv[optind];
    /* Check the argument now: after strict mode nothing may say it is
     * wrong but write(). */
    if (strcmp(call, "write") != 0 && strcmp(call, "getpid") != 0 &&
        strcmp(call, "exit_group") != 0)
        usage_err("CALL: '%s' is not write, getpid or exit_group", call);
    /* Whatever stdio holds goes out now, for the same reason. */
    fflush(stdout);

    /* The step of no return: no flags, no filter, no way out. Unlike a
     * filter, strict mode needs neither no_new_privs nor privilege: it
     * can only take away. */
    if (sys_seccomp(SECCOMP_SET_MODE_STRICT, 0, NULL) == -1)
        err_exit("seccomp SECCOMP_SET_MODE_STRICT");
    say("strict mode: on\n");

    if (strcmp(call, "getpid") == 0)
        syscall(SYS_getpid); /* SIGKILL: we end here */
    else if (strcmp(call, "exit_group") == 0)
        syscall(SYS_exit_group, 0); /* SIGKILL too */
    say("write: ok\n");
    /* The only way out: the thread's own exit call. (The exit handlers
     * the library installed would make calls strict mode kills; there is
     * nothing for them to do: all was written with write().) */
    syscall(SYS_exit, lost ? EXIT_FAILURE : EXIT_SUCCESS);
    return EXIT_SUCCESS; /* not reached */
}
