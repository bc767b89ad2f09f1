// SPDX-License-Identifier: MIT
/*
 * reaper - run a command, and reap every orphan among its descendants
 *
 * Usage: reaper CMD [ARG...]
 *
 * A process whose parent ends is given to the nearest ancestor that is a
 * "child subreaper" (PR_SET_CHILD_SUBREAPER), or else to PID 1, which
 * must wait for it; an init that does not (as in some containers) keeps
 * it a zombie, and a zombie still shows in /proc with its user namespace.
 * tools/try plays a header's session under this program, so that what
 * the session leaves is reaped here, whatever PID 1 does. The exit status
 * is CMD's (128 + N if a signal N ended it). Not a demo: a fixture for
 * tools/try.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
    pid_t cmd, pid;
    int status, result = 1;

    if (argc < 2 || strcmp(argv[1], "-h") == 0) {
        fputs("Usage: reaper CMD [ARG...]\n", argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    /* Before the fork: orphans of CMD's tree come to us from the start. */
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) == -1) {
        perror("reaper: prctl PR_SET_CHILD_SUBREAPER");
        return 1;
    }
    cmd = fork();
    if (cmd == -1) {
        perror("reaper: fork");
        return 1;
    }
    if (cmd == 0) {
        execvp(argv[1], &argv[1]);
        fprintf(stderr, "reaper: %s: %s\n", argv[1], strerror(errno));
        _exit(errno == ENOENT ? 127 : 126);
    }
    /* Wait for CMD and for every orphan given to us, until none is left
     * (ECHILD): orphans may come after CMD has ended. */
    while ((pid = wait(&status)) != -1 || errno == EINTR) {
        if (pid != cmd)
            continue;
        result =
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    return result;
}
