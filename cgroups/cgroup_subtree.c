// SPDX-License-Identifier: MIT
/*
 * cgroup_subtree - controllers are handed down with subtree_control
 *
 * Demonstrates: how cgroups v2 decides which controllers a cgroup may
 * use. A cgroup's cgroup.controllers lists what its parent passes down;
 * writing "+NAME" to its own cgroup.subtree_control passes NAME on to
 * its children, whose directories then grow NAME's files. And the rule
 * of no internal processes: a cgroup that passes a domain controller
 * down may not itself hold processes (apart from the root cgroup), so
 * the write fails with EBUSY while a process is in it, works once the
 * process has moved to a leaf, and after that no process may move back
 * in (EBUSY again). Resources are shared out among leaves only. And a
 * controller cannot be taken back ("-NAME") while a child hands it down
 * further: EBUSY until the child has taken it back first.
 *
 * Usage: cgroup_subtree [-c CONTROLLER] [-P PARENT]
 *   -c CONTROLLER  the controller to hand down (memory, io, or the first
 *                  one offered)
 *   -P PARENT      make our cgroup below PARENT, not below our own
 *
 * Try (cgroup v2, systemd, the test guest): (a cgroup of its own, from systemd)
 *     $ sudo systemd-run --scope -p Delegate=yes ./cgroup_subtree
 *     Running scope as unit: run-r....scope
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     offered to our cgroup: cpuset cpu io memory pids
 *     +memory with a process inside: Device or resource busy (EBUSY)
 *     +memory once the process is in leaf: ok
 *     leaf/cgroup.controllers: memory
 *     the process back into our cgroup: Device or resource busy (EBUSY)
 *     +memory in sub (empty): ok
 *     -memory in our cgroup, while sub hands it down: Device or resource busy (EBUSY)
 *     -memory once sub has taken it back: ok
 *   Observe: the same without systemd-run, from a login shell, exits with
 *   77: the shell's session scope holds other processes, so it may not
 *   hand a controller down to ours. On a hybrid system the controllers
 *   live in v1 and the v2 hierarchy offers none: 77 again, saying so.
 *
 * Needs: root, or a cgroup delegated to you (-P); cgroups v2 with a
 * controller that the parent's cgroup.subtree_control hands down.
 *
 * See also: cgroups(7) (Cgroups v2 subtree control, "no internal processes"
 * rule); TLPI has no cgroups (v1 is not in it, v2 came after it); course
 * chapter 22.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_subtree [-c CONTROLLER] [-P PARENT]\n"
    "  -c CONTROLLER  the controller to hand down (memory, io, or the "
    "first one\n"
    "                 offered)\n"
    "  -P PARENT      make our cgroup below PARENT, not below our own\n";

/* Is WORD one of the space-separated words of LIST? */
static int
has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p;

    for (p = strstr(list, word); p != NULL; p = strstr(p + 1, word))
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

/* Are controllers bound to v1 hierarchies here (a hybrid system)? */
static int
on_v1(void)
{
    char line[PATH_MAX];
    FILE *f = fopen("/proc/self/cgroup", "r");
    int v1 = 0;

    while (f != NULL && fgets(line, sizeof(line), f) != NULL)
        v1 |= strncmp(line, "0::", 3) != 0 && strstr(line, ":name=") == NULL;
    if (f != NULL)
        fclose(f);
    return v1;
}

/* Print how WHAT went: RET -1 with errno, or ok. */
static void
report(const char *what, int ret)
{
    if (ret == -1)
        printf("%s: %s (%s)\n", what, strerror(errno), errno_name(errno));
    else
        printf("%s: ok\n", what);
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL, *controller = NULL, *base;
    char cg[PATH_MAX], leaf[PATH_MAX + 8], sub[PATH_MAX + 8], offered[512];
    char first[64];
    char what[640];
    int opt, status;
    struct cg_hier h;
    pid_t pid;

    while ((opt = get_option(argc, argv, "c:P:h")) != -1) {
        switch (opt) {
        case 'c':
            controller = optarg;
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
    /* What may our cgroups use? What the cgroup we make ours below is
     * offered: its parent's subtree_control decides. */
    base = parent != NULL ? parent : h.own;
    if (cg_read(base, "cgroup.controllers", offered, sizeof(offered)) == -1)
        err_exit("read %s/cgroup.controllers", base);
    printf("offered to our cgroup: %s\n", *offered ? offered : "(none)");
    /* By default a domain controller, memory or io: the rule is about
     * them. Threaded ones (cpu, cpuset, pids) may be handed down by a
     * cgroup with processes inside, which could still become the root
     * of a threaded subtree (cgroup-v2.rst, "Threads"). */
    if (controller == NULL && has_word(offered, "memory"))
        controller = "memory";
    else if (controller == NULL && has_word(offered, "io"))
        controller = "io";
    if (controller == NULL) { /* the first word offered */
        snprintf(first, sizeof(first), "%.*s", (int)strcspn(offered, " "),
                 offered);
        controller = first;
    }
    if (*controller == '\0' && on_v1())
        lacks("the v2 hierarchy offers no controller here: on this hybrid "
              "system they are bound to v1 hierarchies (see "
              "/proc/self/cgroup), and the kit does not change cgroups it "
              "did not make");
    if (*controller == '\0')
        lacks("%s is offered no controller: its parent hands none down; run "
              "in a cgroup delegated to you: sudo systemd-run --scope -p "
              "Delegate=yes ./cgroup_subtree",
              base);
    /* Our cgroup must be able to use it: cg_create() has BASE hand it
     * down (on a cgroup of our own, from a leaf beside it). */
    snprintf(h.want, sizeof(h.want), "%s", controller);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));

    snprintf(leaf, sizeof(leaf), "%s/leaf", cg);
    if (mkdir(leaf, 0755) == -1)
        err_exit("mkdir %s", leaf);
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        pause();
        _exit(EXIT_SUCCESS);
    }
    if (cg_move(cg, pid) == -1)
        err_exit("move %d to %s", (int)pid, cg);

    /* The rule under test, "no internal processes": a cgroup that hands
     * a domain controller down to its children may hold no process
     * itself. With our child inside, "+memory" in its subtree_control is
     * refused (EBUSY). */
    snprintf(what, sizeof(what), "+%s with a process inside", controller);
    report(what, cg_write(cg, "cgroup.subtree_control", "+%s", controller));
    /* The way out: processes live in the leaves. Moved into leaf, the
     * child leaves our cgroup empty, and the same write is allowed. */
    if (cg_move(leaf, pid) == -1)
        err_exit("move %d to %s", (int)pid, leaf);
    snprintf(what, sizeof(what), "+%s once the process is in leaf", controller);
    report(what, cg_write(cg, "cgroup.subtree_control", "+%s", controller));
    if (cg_read(leaf, "cgroup.controllers", offered, sizeof(offered)) == 0)
        printf("leaf/cgroup.controllers: %s\n", offered);
    /* And the rule holds the other way: while our cgroup hands the
     * controller down, no process may move back in (EBUSY). */
    report("the process back into our cgroup", cg_move(cg, pid));

    /* Taking a controller back has its rule too: not while a child hands
     * it down further. SUB, empty, may hand it down (no process in it);
     * then our "-memory" is refused (EBUSY) until SUB has taken it back. */
    snprintf(sub, sizeof(sub), "%s/sub", cg);
    if (mkdir(sub, 0755) == -1)
        err_exit("mkdir %s", sub);
    snprintf(what, sizeof(what), "+%s in sub (empty)", controller);
    report(what, cg_write(sub, "cgroup.subtree_control", "+%s", controller));
    snprintf(what, sizeof(what), "-%s in our cgroup, while sub hands it down",
             controller);
    report(what, cg_write(cg, "cgroup.subtree_control", "-%s", controller));
    cg_write(sub, "cgroup.subtree_control", "-%s", controller);
    snprintf(what, sizeof(what), "-%s once sub has taken it back", controller);
    report(what, cg_write(cg, "cgroup.subtree_control", "-%s", controller));

    /* Undo: the process ends, and all goes. */
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    if (cg_remove(sub) == -1 || cg_remove(leaf) == -1 || cg_remove(cg) == -1)
        err_exit("rmdir in %s", cg);
    return EXIT_SUCCESS;
}
