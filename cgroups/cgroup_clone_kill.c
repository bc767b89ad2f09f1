// SPDX-License-Identifier: MIT
/*
 * cgroup_clone_kill - start processes inside a cgroup, kill them at once
 *
 * Demonstrates: two cgroup v2 features a container manager relies on.
 * clone3() with CLONE_INTO_CGROUP (Linux 5.7) starts a child directly in
 * a cgroup given as a directory descriptor: it is never, not for an
 * instant, in its parent's cgroup, and there is no window to escape
 * between fork() and the move. Writing 1 to cgroup.kill (Linux 5.14)
 * sends SIGKILL to every process in the cgroup and below it, at once,
 * even to ones that are forking: no race with a fork bomb, as a loop
 * over cgroup.procs would have.
 *
 * Usage: cgroup_clone_kill [-n N] [-P PARENT]
 *   -n N       how many children (3)
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *
 * Try (cgroup v2):
 *     $ sudo ./cgroup_clone_kill
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     started 3 children with CLONE_INTO_CGROUP
 *     child 4243: 0::/.../isolab.cgroup_clone_kill.4242
 *     ...
 *     cgroup.procs: 3 processes
 *     cgroup.kill: 3 children killed by SIGKILL
 *     cgroup.events: populated 0
 *
 * Needs: root, or a cgroup delegated to you (-P); cgroups v2, Linux 5.14.
 *
 * See also: clone(2) (CLONE_INTO_CGROUP), cgroups(7), the kernel's
 * Documentation/admin-guide/cgroup-v2.rst (cgroup.kill); TLPI has no cgroups
 * (v1 is not in it, v2 came after it); course chapter 24.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "compat.h" /* sys_clone3(), CLONE_INTO_CGROUP */
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_clone_kill [-n N] [-P PARENT]\n"
    "  -n N       how many children (3)\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n";

#define MAX_CHILDREN 64

/* The cgroup line of /proc/PID/cgroup ("0::/..."). */
static void
show_cgroup(const struct cg_hier *h, pid_t pid)
{
    char path[64], line[PATH_MAX];

    snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)pid);
    if (cg_proc_line(path, h, line, sizeof(line)) == -1)
        err_exit("%s", path);
    printf("child %d: %s\n", (int)pid, line);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX], procs[4096];
    int opt, n = 3, i, cgfd, status, killed = 0, count = 0;
    pid_t pids[MAX_CHILDREN];
    struct clone_args args;
    struct cg_hier h;
    char *p;

    while ((opt = get_option(argc, argv, "n:P:h")) != -1) {
        switch (opt) {
        case 'n':
            n = parse_ll(optarg, 10, 1, MAX_CHILDREN, "-n");
            break;
        case 'P':
            parent = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    cg_need(NULL, 2, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    /* (v2 only: CLONE_INTO_CGROUP and cgroup.kill have no v1 form.) */
    cg_create(&h, parent, cg, sizeof(cg));
    /* clone3() takes the target cgroup as a descriptor of its
     * directory. */
    cgfd = open(cg, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (cgfd == -1)
        err_exit("open %s", cg);

    fflush(stdout);
    for (i = 0; i < n; i++) {
        /* CLONE_INTO_CGROUP: the child is born in CG, and never runs
         * an instruction in ours: no window in which it escapes the
         * limits, and no write to cgroup.procs afterwards. */
        memset(&args, 0, sizeof(args));
        args.flags = CLONE_INTO_CGROUP;
        args.exit_signal = SIGCHLD;
        args.cgroup = cgfd;
        pids[i] = sys_clone3(&args, sizeof(args));
        if (pids[i] == -1) {
            /* (lacks() exits, and the cgroup goes with the exit.) */
            if (errno == ENOSYS || errno == E2BIG || errno == EINVAL)
                lacks("clone3 CLONE_INTO_CGROUP: %s (Linux 5.7)",
                      errno_name(errno));
            err_exit("clone3 CLONE_INTO_CGROUP");
        }
        if (pids[i] == 0) {
            pause(); /* until killed */
            _exit(EXIT_SUCCESS);
        }
    }
    printf("started %d children with CLONE_INTO_CGROUP\n", n);
    for (i = 0; i < n; i++)
        show_cgroup(&h, pids[i]);
    /* cgroup.procs: one PID per line (cg_read() drops the last
     * newline), so the processes are the newlines plus one, if any. */
    if (cg_read(cg, "cgroup.procs", procs, sizeof(procs)) == 0 &&
        procs[0] != '\0') {
        count = 1;
        for (p = procs; *p != '\0'; p++)
            if (*p == '\n')
                count++;
    }
    printf("cgroup.procs: %d processes\n", count);

    /* cgroup.kill: SIGKILL to every process in the cgroup and below, at
     * once, with no race against a fork in between (what a loop over
     * cgroup.procs could not promise). */
    if (cg_write(cg, "cgroup.kill", "1") == -1) {
        /* no such file before Linux 5.14: end them one by one */
        status = errno;
        for (i = 0; i < n; i++)
            kill(pids[i], SIGKILL);
        for (i = 0; i < n; i++)
            waitpid(pids[i], NULL, 0);
        if (status == ENOENT)
            lacks("%s/cgroup.kill: no such file (Linux 5.14)", cg);
        errno = status;
        err_exit("write %s/cgroup.kill", cg);
    }
    for (i = 0; i < n; i++)
        if (waitpid(pids[i], &status, 0) != -1 && WIFSIGNALED(status) &&
            WTERMSIG(status) == SIGKILL)
            killed++;
    /* The children are reaped, so the cgroup is empty: populated 0, and
     * a program that watched cgroup.events with poll() would have woken
     * up now. */
    printf("cgroup.kill: %d children killed by SIGKILL\n", killed);
    printf("cgroup.events: populated %lld\n",
           cg_key(cg, "cgroup.events", "populated"));
    close(cgfd);
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return EXIT_SUCCESS;
}
