// SPDX-License-Identifier: MIT
/*
 * cgroup_basics - create a cgroup, put a process in it, remove it
 *
 * Demonstrates: the whole life of a cgroup, done with mkdir, write and
 * rmdir. mkdir makes a cgroup (the kernel fills the directory with its
 * files); writing a PID to cgroup.procs moves that process (and all its
 * threads) in, which /proc/PID/cgroup then shows; rmdir refuses with
 * EBUSY while a process is still in it, and succeeds once it is empty.
 * The files cannot be deleted one by one: rmdir removes the cgroup whole.
 *
 * Usage: cgroup_basics [-P PARENT] [-V 1|2] [-c CONTROLLER]
 *   -P PARENT      make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2         use only a v1 or a v2 hierarchy
 *   -c CONTROLLER  in the hierarchy that holds CONTROLLER (default: the
 *                  v2 hierarchy, or the pids one in v1)
 *
 * Try (cgroup v2):
 *     $ sudo ./cgroup_basics
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     cgroup: /sys/fs/cgroup/.../isolab.cgroup_basics.4242
 *     child 4243 moved in; its /proc/4243/cgroup: 0::/.../isolab.cgroup_basics.4242
 *     cgroup.procs: 4243
 *     rmdir while populated: Device or resource busy (EBUSY)
 *     child ended; cgroup.procs: (empty)
 *     rmdir when empty: ok
 *     $ ls /sys/fs/cgroup/init.scope     # the same files in every cgroup
 *
 * Needs: root, or a cgroup delegated to you (-P).
 *
 * See also: cgroups(7) (Creating cgroups and moving processes), rmdir(2); TLPI
 * has no cgroups (v1 is not in it, v2 came after it); course chapter 22.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_basics [-P PARENT] [-V 1|2] [-c CONTROLLER]\n"
    "  -P PARENT      make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2         use only a v1 or a v2 hierarchy\n"
    "  -c CONTROLLER  in the hierarchy that holds CONTROLLER\n";

/* The line of /proc/PID/cgroup for hierarchy H. */
static void
show_proc_cgroup(pid_t pid, const struct cg_hier *h)
{
    char path[64], line[PATH_MAX + 64];

    snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)pid);
    if (cg_proc_line(path, h, line, sizeof(line)) == -1)
        err_exit("%s", path);
    printf("its %s: %s\n", path, line);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL, *controller = NULL;
    char cg[PATH_MAX], procs[256];
    int opt, version = 0, status;
    struct cg_hier h;
    pid_t child;

    while ((opt = get_option(argc, argv, "P:V:c:h")) != -1) {
        switch (opt) {
        case 'P':
            parent = optarg;
            break;
        case 'V':
            version = parse_ll(optarg, 10, 1, 2, "-V");
            break;
        case 'c':
            controller = optarg;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    /* v1 has no hierarchy without a controller (or a name): take pids. */
    if (controller == NULL && (version == 1 || cg_find(NULL, 2, &h) == -1))
        controller = "pids";

    cg_need(controller, version, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    /* A cgroup is made with mkdir: isolab.cgroup_basics.PID, below
     * ours (or PARENT), in the kit's own names. */
    cg_create(&h, parent, cg, sizeof(cg));
    printf("cgroup: %s\n", cg);
    fflush(stdout);

    /* A child to move: moving ourselves would work too, but then we
     * could not show rmdir refusing a cgroup that holds a process. */
    child = fork();
    if (child == -1)
        err_exit("fork");
    if (child == 0) {
        pause(); /* until the parent ends it */
        _exit(EXIT_SUCCESS);
    }
    /* Moving a process is writing its PID into the cgroup's
     * cgroup.procs (tasks, in v1). It needs write access to that file and
     * to the cgroup.procs of the common ancestor of where the process is
     * and where it goes: the delegation rule. */
    if (cg_move(cg, child) == -1) {
        err_warn("write %d to %s/cgroup.procs", (int)child, cg);
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
        cg_remove(cg);
        return EXIT_FAILURE;
    }
    printf("child %d moved in; ", (int)child);
    show_proc_cgroup(child, &h);
    if (cg_read(cg, "cgroup.procs", procs, sizeof(procs)) == 0)
        printf("cgroup.procs: %s\n", procs);

    /* A cgroup is a directory, but its files are the kernel's: rmdir()
     * removes it when no process (and no child cgroup) is left in it,
     * whatever its files hold. With a process inside: EBUSY. */
    if (rmdir(cg) == 0)
        fatal("rmdir of a populated cgroup worked");
    printf("rmdir while populated: %s (%s)\n", strerror(errno),
           errno_name(errno));

    /* A process leaves its cgroup when it is reaped, not before: a
     * zombie still counts. */
    kill(child, SIGKILL);
    if (waitpid(child, &status, 0) == -1)
        err_exit("waitpid");
    if (cg_read(cg, "cgroup.procs", procs, sizeof(procs)) == 0)
        printf("child ended; cgroup.procs: %s\n",
               *procs != '\0' ? procs : "(empty)");
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    printf("rmdir when empty: ok\n");
    return EXIT_SUCCESS;
}
