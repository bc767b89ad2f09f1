// SPDX-License-Identifier: MIT
/*
 * demo_secure - what a set-UID program must not trust, and what helps
 *
 * Demonstrates: the guidelines for privileged programs, working. The
 * kernel tells a program that it runs with borrowed privilege through
 * the AT_SECURE entry of its auxiliary vector (getauxval). In that
 * "secure" mode the dynamic linker has already thrown away LD_PRELOAD,
 * LD_LIBRARY_PATH and the like, and secure_getenv() returns NULL where
 * getenv() still returns what the caller set. A careful program also
 * gives the borrowed identity back for good and replaces its whole
 * environment before it runs anything (-x): the command runs as the
 * caller, never with the owner's privilege (a set-UID root copy that ran
 * "sh -p" as root would hand a root shell to anyone). And a process with
 * no_new_privs runs a set-UID file as itself: no secure mode, no
 * borrowed ID.
 *
 * Usage: demo_secure [-x CMD [ARG...]]
 *   -x  then run CMD as the caller (the real IDs), with a clean
 *       environment (PATH and nothing else)
 *
 * Try: (the set-UID copy in a directory only you can enter)
 *     $ install -d -m 700 ~/suid; cp demo_secure ~/suid/ds
 *     $ sudo chown root ~/suid/ds; sudo chmod u+s ~/suid/ds
 *     $ ISOLAB_CONF=/tmp/evil LD_PRELOAD=/tmp/evil.so ~/suid/ds
 *     euid: 0 (ruid 1000)
 *     AT_SECURE: 1
 *     LD_PRELOAD: (removed by the dynamic linker)
 *     getenv ISOLAB_CONF: /tmp/evil
 *     secure_getenv ISOLAB_CONF: (null: not trusted here)
 *     $ ISOLAB_CONF=x ./demo_secure             # the plain copy
 *     $ setpriv --no-new-privs ~/suid/ds        # set-UID bit ignored
 *     $ FOO=bar ~/suid/ds -x env
 *     ...
 *     dropped: euid 1000, and setuid(0) fails
 *     PATH=/usr/sbin:/usr/bin:/sbin:/bin
 *     $ ~/suid/ds -x id -u                      # the command runs as you
 *     ...
 *     1000
 *     $ sudo rm -r ~/suid                       # no set-UID copy left
 *   Observe: the unmodified program can see the caller's variables with
 *   getenv(); only secure_getenv() and a clean environment protect it.
 *   (Run the plain copy with LD_PRELOAD set to a real library: it is
 *   loaded and kept; the linker warns about one that does not exist.)
 *
 * Needs: a set-UID-root copy, on a file system without nosuid, to see
 * secure mode; it runs anywhere.
 *
 * See also: getauxval(3) AT_SECURE, secure_getenv(3), ld.so(8) (Secure-
 * execution mode), prctl(2) PR_SET_NO_NEW_PRIVS; TLPI chapter 38; course
 * chapter 9.
 */
#define _GNU_SOURCE /* secure_getenv(), clearenv() */
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_secure [-x CMD [ARG...]]\n"
    "  -x  then run CMD as the caller, with a clean environment (PATH and "
    "nothing\n"
    "      else)\n";

static const char *
shown(const char *value, const char *none)
{
    return value != NULL ? value : none;
}

int
main(int argc, char *argv[])
{
    int opt, exec = 0;

    while ((opt = get_option(argc, argv, "+xh")) != -1) {
        switch (opt) {
        case 'x':
            exec = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (exec != (optind < argc))
        usage(EXIT_USAGE, usage_text);

    /* AT_SECURE is a word the kernel puts in the auxiliary vector at
     * execve(): 1 when the program gained privilege (set-UID, set-GID,
     * file capabilities). The dynamic linker reads it and then ignores
     * LD_PRELOAD, LD_LIBRARY_PATH and the like, which would otherwise let
     * the caller run code of theirs with our privilege. */
    printf("euid: %d (ruid %d)\n", (int)geteuid(), (int)getuid());
    printf("AT_SECURE: %lu\n", getauxval(AT_SECURE));
    printf("LD_PRELOAD: %s\n",
           shown(getenv("LD_PRELOAD"), getauxval(AT_SECURE)
                                           ? "(removed by the dynamic linker)"
                                           : "(unset)"));
    /* The rest of the environment still reaches us: getenv() returns
     * what the caller set. secure_getenv() returns NULL when AT_SECURE is
     * set, for a program's own variables that name files or commands. */
    printf("getenv ISOLAB_CONF: %s\n", shown(getenv("ISOLAB_CONF"), "(unset)"));
    printf("secure_getenv ISOLAB_CONF: %s\n",
           shown(secure_getenv("ISOLAB_CONF"), getauxval(AT_SECURE)
                                                   ? "(null: not trusted here)"
                                                   : "(unset)"));
    if (!exec)
        return EXIT_SUCCESS;

    /* The command is the caller's, not ours: give the borrowed IDs back,
     * all three of each (real, effective, saved), groups first while we
     * still may, so that nothing can regain them. Then check, as a
     * careful program does: setuid(0) must fail now (unless the caller
     * is root). */
    if (setresgid(getgid(), getgid(), getgid()) == -1 ||
        setresuid(getuid(), getuid(), getuid()) == -1)
        err_exit("drop to the real IDs");
    if (geteuid() != getuid() || getegid() != getgid() ||
        (getuid() != 0 && setuid(0) != -1))
        fatal("the drop did not hold");
    printf("dropped: euid %d, and setuid(0) %s\n", (int)geteuid(),
           getuid() != 0 ? "fails" : "is ours anyway (the caller is root)");

    /* Nothing of the caller's environment survives: not IFS, not PATH,
     * not LD_*, not a locale that points at the caller's files. */
    if (clearenv() != 0)
        fatal("clearenv failed");
    if (setenv("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", 1) == -1)
        err_exit("setenv");
    fflush(stdout);
    execvp(argv[optind], &argv[optind]);
    exec_failed(argv[optind]);
}
