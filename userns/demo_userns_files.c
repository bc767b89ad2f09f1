// SPDX-License-Identifier: MIT
/*
 * demo_userns_files - files seen from inside a user namespace
 *
 * Demonstrates: root of a user namespace has every capability there, but
 * a capability that overrides a file's permissions (CAP_DAC_OVERRIDE,
 * CAP_CHOWN, CAP_FOWNER...) counts only for a file whose owner and group
 * are mapped into the namespace. A child, root in a new user namespace
 * whose one mapping is its creator's UID, looks at files:
 *   - ours, mode 000, owned by the UID that its root is outside: owner 0
 *     inside, and readable, through CAP_DAC_OVERRIDE;
 *   - /, owned by the machine's root, who is not mapped: owner 65534
 *     inside (the overflow UID), and no capability applies to it, so
 *     /etc/shadow stays closed;
 *   - chown to a UID with no mapping fails with EINVAL: there is no such
 *     user in there to give the file to;
 *   - a file it makes is owned, outside, by the UID its root maps to.
 * Run by an ordinary user, the namespace's root is that user. Run by root,
 * the demo first gives its files to nobody (65534) and becomes nobody,
 * so that the machine's root is not mapped there either.
 *
 * Usage: demo_userns_files
 *
 * Try:
 *     $ ./demo_userns_files
 *     outside: the namespace's root is uid 1000 out here
 *     inside: ours (mode 000): owner 0; read: ok
 *     inside: /: owner 65534
 *     inside: open /etc/shadow: Permission denied (EACCES)
 *     inside: chown ours to uid 1: Invalid argument (EINVAL)
 *     inside: made theirs, as uid 0
 *     outside: theirs: owner 1000
 *   Observe: root inside read a file of mode 000, its own, and no file of
 *   the machine's root: what decides is whether the file's owner is
 *   mapped, not the capability alone. IDs cross the boundary through the
 *   map both ways: 1000 out here is 0 in there, and back.
 *
 * Needs: Linux 5.3 (clone3); unprivileged user namespaces for a non-root
 * caller.
 *
 * See also: user_namespaces(7) ("Unmapped user and group IDs", "Accessing
 * files", "Operation of file-related capabilities"), capabilities(7);
 * TLPI has no user namespaces (complete in Linux 3.8, after it); course
 * chapter 17.
 */
#define _GNU_SOURCE /* CLONE_NEWUSER */
#include <errno.h>
#include <fcntl.h>
#include <grp.h> /* setgroups() */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] = "Usage: demo_userns_files\n";

/* The files: ours (made outside) and theirs (made inside). */
static char dir[] = "/tmp/demo_userns_files.XXXXXX";
static char ours[sizeof(dir) + 8], theirs[sizeof(dir) + 8];

/* Say what a call did, in the child: "ok", or the error. */
static void
say_result(const char *what, int rc)
{
    if (rc == -1)
        printf("inside: %s: %s (%s)\n", what, strerror(errno),
               errno_name(errno));
    else
        printf("inside: %s: ok\n", what);
}

/* The child: root of a new user namespace, once its maps are written. */
static void
look(void)
{
    struct stat st;
    int fd;

    /* Ours: owned, outside, by the UID that our root maps to; so in here
     * its owner is 0. Mode 000 denies everyone, but CAP_DAC_OVERRIDE
     * overrides it, as the owner and group are mapped. */
    if (stat(ours, &st) == -1)
        err_exit_child("stat %s", ours);
    fd = open(ours, O_RDONLY);
    printf("inside: ours (mode %03o): owner %ld; read: %s\n",
           (unsigned)(st.st_mode & 07777), (long)st.st_uid,
           fd == -1 ? strerror(errno) : "ok");
    if (fd != -1)
        close(fd);

    /* The machine's root is not mapped: stat() shows the overflow UID. */
    if (stat("/", &st) == -1)
        err_exit_child("stat /");
    printf("inside: /: owner %ld\n", (long)st.st_uid);

    /* And our capabilities do not reach its files: the permission bits
     * alone decide, as for any user. (Opened to read, never read.) */
    fd = open("/etc/shadow", O_RDONLY);
    say_result("open /etc/shadow", fd);
    if (fd != -1)
        close(fd);

    /* UID 1 has no mapping here: no user of this namespace to give the
     * file to, whatever our capabilities. */
    say_result("chown ours to uid 1", chown(ours, 1, 1));

    /* A file we make is ours in here (UID 0) ... */
    fd = open(theirs, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd == -1)
        err_exit_child("create %s", theirs);
    close(fd);
    printf("inside: made theirs, as uid %ld\n", (long)geteuid());
    fflush(stdout);
}

/* Remove the demo's files, on every way out of main(). */
static void
clean_up(void)
{
    unlink(theirs);
    unlink(ours);
    rmdir(dir);
}

int
main(int argc, char *argv[])
{
    struct clone_args args = {.flags = CLONE_NEWUSER, .exit_signal = SIGCHLD};
    uid_t root_out = geteuid();
    gid_t group_out = getegid();
    char pidstr[32], c;
    int to_parent[2], to_child[2], opt, status, fd;
    struct stat st;
    long pid;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* Our file, mode 000, in a directory of our own. Run by root, the
     * namespace's root is to be nobody: give nobody the directory and the
     * file, so that they are its own. */
    if (mkdtemp(dir) == NULL)
        err_exit("mkdtemp %s", dir);
    atexit(clean_up);
    snprintf(ours, sizeof(ours), "%s/ours", dir);
    snprintf(theirs, sizeof(theirs), "%s/theirs", dir);
    fd = open(ours, O_WRONLY | O_CREAT | O_EXCL, 0);
    if (fd == -1)
        err_exit("create %s", ours);
    close(fd);
    if (root_out == 0) {
        /* Root: become nobody for good, after giving nobody the files,
         * so that the namespace's root is nobody and the machine's root
         * is mapped nowhere. (A mapping alone would not do: the child
         * would stay UID 0 outside, which the map does not name.) The
         * order is drop_priv's: groups, then GIDs, then UIDs. */
        root_out = group_out = 65534;
        if (chown(dir, root_out, group_out) == -1 ||
            chown(ours, root_out, group_out) == -1)
            err_exit("chown %s to nobody", dir);
        if (setgroups(0, NULL) == -1 ||
            setresgid(group_out, group_out, group_out) == -1 ||
            setresuid(root_out, root_out, root_out) == -1)
            err_exit("become nobody");
        /* A change of credentials makes a process non-dumpable, and its
         * /proc files (the child's uid_map among them) root's: make it
         * dumpable again, now that nothing of root's is left in it. */
        if (prctl(PR_SET_DUMPABLE, 1) == -1)
            err_exit("prctl PR_SET_DUMPABLE");
    }

    /* Two pipes: the child says it is there; the parent says the maps
     * are written (by closing its end). */
    if (pipe(to_parent) == -1 || pipe(to_child) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = sys_clone3(&args, sizeof(args));
    if (pid == -1)
        userns_failed("clone3 CLONE_NEWUSER");
    if (pid == 0) {
        close(to_child[1]);
        if (write(to_parent[1], "x", 1) != 1 || read(to_child[0], &c, 1) == -1)
            err_exit_child("sync");
        look();
        _exit(EXIT_SUCCESS);
    }
    close(to_child[0]);
    close(to_parent[1]);
    if (read(to_parent[0], &c, 1) != 1)
        fatal("the child ended early");

    /* One mapping each: 0 inside is our own UID and GID outside, the one
     * mapping an unprivileged process may write. */
    snprintf(pidstr, sizeof(pidstr), "%ld", pid);
    map_root(pidstr, root_out, group_out);
    printf("outside: the namespace's root is uid %ld out here\n",
           (long)root_out);
    fflush(stdout);
    close(to_child[1]);
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");

    /* ... and, outside, the UID that 0 in there maps to. */
    if (stat(theirs, &st) == 0)
        printf("outside: theirs: owner %ld\n", (long)st.st_uid);
    return child_exit_status(status);
}
