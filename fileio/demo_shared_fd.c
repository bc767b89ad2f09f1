// SPDX-License-Identifier: MIT
/*
 * demo_shared_fd - descriptors that share an open file description
 *
 * Demonstrates: open() creates an open file description (the file offset
 * and the status flags such as O_APPEND) and a descriptor that refers to
 * it. dup() and fork() make new descriptors for the SAME description, so
 * they share the offset and the status flags; a second open() of the same
 * file makes a new description with its own offset. The close-on-exec
 * flag belongs to the descriptor, not the description, so it is not
 * shared.
 *
 * Usage: demo_shared_fd FILE
 *   Create (or truncate) FILE and show the offsets and flags of three
 *   descriptors for it: "orig" (open), "dup" (dup of orig) and "reopen"
 *   (a second open), before and after writes by this process and a child.
 *
 * Try:
 *     $ ./demo_shared_fd /tmp/f | grep -e step -e offset
 *     step: write 5 bytes through orig
 *     offset orig: 5
 *     offset dup: 5
 *     offset reopen: 0
 *     step: set O_APPEND and FD_CLOEXEC on orig
 *     ...
 *     step: child wrote 6 bytes through its copy of orig
 *     offset orig: 11
 *     offset dup: 11
 *     offset reopen: 0
 *     $ ./demo_shared_fd /tmp/f | grep -e step -e O_APPEND -e CLOEXEC
 *     ...
 *     step: set O_APPEND and FD_CLOEXEC on orig
 *     O_APPEND orig: set
 *     FD_CLOEXEC orig: set
 *     O_APPEND dup: set
 *     FD_CLOEXEC dup: clear
 *     O_APPEND reopen: clear
 *     FD_CLOEXEC reopen: clear
 *     ...
 *     $ ls -l /proc/self/fd     # in another process: a descriptor is a link
 *   Observe: the write through orig moved dup's offset too; setting
 *   O_APPEND on orig shows up on dup but not on reopen; the child's write
 *   after fork() moved the parent's offset.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: dup(2), fcntl(2) (F_GETFL, F_SETFL, F_GETFD), fork(2), open(2);
 * TLPI 5.4 and 24.2.1.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_shared_fd FILE\n";

/* Three descriptors for one file: a dup() shares the open file
 * description (offset, status flags) with the original; a second open()
 * gets a description of its own. */
static int fd_orig, fd_dup, fd_reopen;

/* For each descriptor: the offset and O_APPEND, which live in the
 * description, and FD_CLOEXEC, which lives in the descriptor. */
static void
show_offsets(const char *step)
{
    const struct {
        const char *name;
        int fd;
    } fds[] = {{"orig", fd_orig}, {"dup", fd_dup}, {"reopen", fd_reopen}};

    printf("step: %s\n", step);
    for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
        /* lseek(fd, 0, SEEK_CUR) moves nothing and returns the offset. */
        off_t off = lseek(fds[i].fd, 0, SEEK_CUR);
        int fl = fcntl(fds[i].fd, F_GETFL);
        int fdfl = fcntl(fds[i].fd, F_GETFD);

        if (off == -1 || fl == -1 || fdfl == -1)
            err_exit("lseek or fcntl on %s", fds[i].name);
        printf("offset %s: %jd\n", fds[i].name, (intmax_t)off);
        printf("O_APPEND %s: %s\n", fds[i].name,
               fl & O_APPEND ? "set" : "clear");
        printf("FD_CLOEXEC %s: %s\n", fds[i].name,
               fdfl & FD_CLOEXEC ? "set" : "clear");
    }
}

/* Write TEXT at FD's offset, which moves past it: a short write here
 * would be a surprise worth stopping for. */
static void
write_text(int fd, const char *text)
{
    if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        err_exit("write");
}

int
main(int argc, char *argv[])
{
    int opt, flags, status;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    const char *path = argv[optind];

    fd_orig = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd_orig == -1)
        err_exit("open %s", path);
    /* dup(): a second descriptor (the lowest free number) for the same
     * open file description. */
    fd_dup = dup(fd_orig);
    if (fd_dup == -1)
        err_exit("dup");
    /* A second open() of the same path: a new description, its own
     * offset, though it is the same file (the same inode). */
    fd_reopen = open(path, O_RDWR);
    if (fd_reopen == -1)
        err_exit("open %s again", path);

    write_text(fd_orig, "hello");
    show_offsets("write 5 bytes through orig");

    /* Status flags live in the description: dup sees the change. */
    flags = fcntl(fd_orig, F_GETFL);
    if (flags == -1 || fcntl(fd_orig, F_SETFL, flags | O_APPEND) == -1)
        err_exit("fcntl F_SETFL O_APPEND");
    /* Descriptor flags live in the descriptor: dup does not. */
    if (fcntl(fd_orig, F_SETFD, FD_CLOEXEC) == -1)
        err_exit("fcntl F_SETFD FD_CLOEXEC");
    show_offsets("set O_APPEND and FD_CLOEXEC on orig");

    /* The child's descriptors refer to the parent's descriptions. */
    fflush(stdout);
    /* fork() copies the descriptor table, not the descriptions: the
     * child's fd_orig moves the same offset as ours. */
    switch (fork()) {
    case -1:
        err_exit("fork");
    case 0:
        if (write(fd_orig, " world", 6) != 6)
            err_exit_child("write in child");
        _exit(EXIT_SUCCESS);
    default:
        if (wait(&status) == -1)
            err_exit("wait");
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fatal("the child failed");
    }
    show_offsets("child wrote 6 bytes through its copy of orig");
    return EXIT_SUCCESS;
}
