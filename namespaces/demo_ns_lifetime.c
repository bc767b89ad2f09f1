// SPDX-License-Identifier: MIT
/*
 * demo_ns_lifetime - a namespace outlives its processes while it is held
 *
 * Demonstrates: a namespace exists as long as something refers to it: a
 * member process, an open file descriptor for its /proc/PID/ns file, or a
 * bind mount of that file. The child here makes a UTS namespace with the
 * hostname "kept-alive" and ends; the namespace lives on, held first by
 * a descriptor and a bind mount, then by the bind mount alone, and can
 * still be joined with setns(). When the last hold goes, so does the
 * namespace. Everything happens in a mount namespace of the demo's own,
 * so the bind mount never appears on the host.
 *
 * Usage: demo_ns_lifetime
 *
 * Try:
 *     $ sudo ./demo_ns_lifetime
 *     child: made uts ns 4026532460, hostname kept-alive, and ended
 *     held by a descriptor and a bind mount: joined, hostname kept-alive
 *     held by the bind mount only: joined, hostname kept-alive
 *     unmounted, a plain file again: setns: EINVAL
 *     $ ../userns/userns_child_exec -r ./demo_ns_lifetime    # rootless
 *   Observe: no process is in the namespace after the first line, yet it
 *   can be joined. `ip netns add` keeps network namespaces alive the same
 *   way, with bind mounts under /run/netns.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: namespaces(7) ("The namespaces lifetime"), setns(2), mount(2)
 * (MS_BIND); TLPI 28.2.1 names the CLONE_NEW* flags, no more: namespaces grew
 * after it; course chapter 16.
 */
#define _GNU_SOURCE /* unshare(), setns(), CLONE_NEW* */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_ns_lifetime\n";

/* In a child: join the UTS namespace of FD (or of the file PATH if FD is
 * -1) and report the hostname found there, after WHAT. */
static void
join_and_report(const char *what, int fd, const char *path)
{
    char name[HOST_NAME_MAX + 1];
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        if (fd == -1)
            fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd == -1)
            err_exit_child("open %s", path);
        printf("%s: ", what);
        if (setns(fd, CLONE_NEWUTS) == -1)
            printf("setns: %s\n", errno_name(errno));
        else if (gethostname(name, sizeof(name)) == 0)
            printf("joined, hostname %s\n", name);
        exit(EXIT_SUCCESS);
    }
    if (waitpid(pid, NULL, 0) == -1)
        err_exit("waitpid");
}

int
main(int argc, char *argv[])
{
    char holder[256], nsfile[64], c;
    int opt, fd, ready[2], done[2];
    struct stat sb;
    pid_t child;

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

    /* A mount namespace of our own, private, for the bind mount. */
    if (unshare(CLONE_NEWNS) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWNS: needs CAP_SYS_ADMIN; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWNS");
    }
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit("mount --make-rprivate /");

    /* The child makes the namespace, reports, and waits to be let go. */
    if (pipe(ready) == -1 || pipe(done) == -1)
        err_exit("pipe");
    fflush(stdout);
    child = fork();
    if (child == -1)
        err_exit("fork");
    if (child == 0) {
        close(done[1]);
        if (unshare(CLONE_NEWUTS) == -1 ||
            sethostname("kept-alive", strlen("kept-alive")) == -1)
            err_exit_child("unshare or sethostname");
        if (write(ready[1], "x", 1) != 1 || read(done[0], &c, 1) == -1)
            err_exit_child("sync");
        _exit(EXIT_SUCCESS);
    }
    close(done[0]);
    if (read(ready[0], &c, 1) != 1)
        fatal("the child ended early");

    /* Two holds on it: a descriptor, and a bind mount onto a file. */
    snprintf(nsfile, sizeof(nsfile), "/proc/%ld/ns/uts", (long)child);
    fd = open(nsfile, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        err_exit("open %s", nsfile);
    snprintf(holder, sizeof(holder), "%s/isolab-ns-holder.XXXXXX", tmp_dir());
    int tmp = mkstemp(holder);
    if (tmp == -1)
        err_exit("mkstemp %s", holder);
    close(tmp);
    if (mount(nsfile, holder, NULL, MS_BIND, NULL) == -1)
        err_exit("mount --bind %s %s", nsfile, holder);
    if (fstat(fd, &sb) == -1)
        err_exit("fstat");

    close(done[1]); /* the child may end now */
    if (waitpid(child, NULL, 0) == -1)
        err_exit("waitpid");
    printf("child: made uts ns %ju, hostname kept-alive, and ended\n",
           (uintmax_t)sb.st_ino);

    join_and_report("held by a descriptor and a bind mount", fd, NULL);
    close(fd);
    join_and_report("held by the bind mount only", -1, holder);

    if (umount(holder) == -1)
        err_exit("umount %s", holder);
    join_and_report("unmounted, a plain file again", -1, holder);
    unlink(holder);
    return EXIT_SUCCESS;
}
