/* SPDX-License-Identifier: MIT */
/*
 * cgroup.h - finding cgroup hierarchies and working with cgroup files
 *
 * A machine has cgroups v2 (one hierarchy, usually at /sys/fs/cgroup),
 * v1 (a hierarchy per controller or group of controllers, at
 * /sys/fs/cgroup/CONTROLLER), or both ("hybrid": controllers in v1, a
 * cgroup2 hierarchy beside them, often at /sys/fs/cgroup/unified). The
 * cgroups chapter's programs find, for each controller, the hierarchy
 * that holds it, from /proc/self/mountinfo, and their own cgroup in it,
 * from /proc/self/cgroup; and they create cgroups only below their own
 * (or below one the caller names), with names that start with "isolab.".
 *
 * Functions that return int give 0 or -1 with errno set; the cgroup
 * files answer with their own errors (EBUSY, EOPNOTSUPP, EINVAL...), and
 * those are the lessons.
 */
#ifndef ISOLAB_CGROUP_H
#define ISOLAB_CGROUP_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

#include "isolab.h"

struct cg_hier {
    int version;          /* 1 or 2 */
    char mount[PATH_MAX]; /* where the hierarchy is mounted */
    char own[PATH_MAX];   /* this process's cgroup in it, as a directory */
    char what[512];       /* v1: the mount's controllers; v2: "cgroup2" */
    char want[128];       /* v2: the controllers that cgroups made with
                             cg_create() need, space-separated ("pids") */
};

/* Find the hierarchy holding CONTROLLER ("pids", "memory", ...; NULL or ""
 * for the v2 hierarchy, whatever controllers it has). VERSION 1 or 2
 * accepts only that version, 0 either (v2 first). On v2, CONTROLLER goes
 * into H->want (add more there, space-separated). 0, or -1 with errno
 * ENOENT if there is none. */
int cg_find(const char *controller, int version, struct cg_hier *h);

/* As cg_find(), but exit with 77 and a message naming what is missing,
 * the layout and what to do, when there is no such hierarchy. Prints
 * "hierarchy: v1 /sys/fs/cgroup/pids (pids)" to stdout. */
void cg_need(const char *controller, int version, struct cg_hier *h);

/* Create the cgroup PARENT/isolab.PROG.PID (PARENT: the caller's own
 * cgroup H->own when NULL); its path in PATH. Exits on failure, with a
 * hint when it is a matter of privilege.
 *
 * On v2 a cgroup may use a controller only if its parent hands it down
 * (the parent's cgroup.subtree_control), and a cgroup that hands a
 * controller down may hold no process (the "no internal processes"
 * rule). So first, for each controller in H->want that PARENT does not
 * hand down yet, cg_create() writes "+NAME" to PARENT's subtree_control.
 * If PARENT is our own cgroup and it holds nothing but us and our
 * children (a cgroup delegated to us, as `systemd-run --scope -p
 * Delegate=yes` makes one), we and they first move into a leaf beside
 * the new cgroup, PARENT/isolab.PROG.PID.leaf, and H->own becomes that
 * leaf. If other
 * processes share it (a login shell's session scope), we exit with 77
 * and the command that gives a cgroup of our own.
 *
 * Everything is undone at exit, and on SIGINT, SIGTERM and SIGHUP, once
 * the program has called cg_undo_on_exit() (cg_create() refuses to run
 * before): what the program has not removed itself is removed (the
 * caller moves back to H->own, the processes left inside, the program's
 * own, are killed), the controllers are taken back, and the caller
 * leaves the leaf for the cgroup it started in. */
void cg_create(struct cg_hier *h, const char *parent, char *path, size_t size);

/* Install what undoes cg_create()'s work on every way out: an exit
 * handler (atexit()), and handlers for SIGINT, SIGTERM and SIGHUP that
 * undo it and then die of the signal as before. Only in the process that
 * calls it: a child forked later leaves the cleanup to its parent. A
 * program that handles those signals itself installs its handlers after
 * this call, and then undoes the work itself (isocon does). */
void cg_undo_on_exit(void);

/* Would cg_create(H, PARENT, ...) succeed, rather than exit? 1 or 0. For
 * what a program does only where it can (a default limit), never for
 * what it was asked to do: there cg_create()'s message says why not. */
int cg_usable(const struct cg_hier *h, const char *parent);

/* Is the v1 hierarchy NAME ("name=isolab_release.42") known to the kernel
 * (a line of /proc/self/cgroup)? 1 or 0. */
int cg_named_alive(const char *name);

/* Unmount the named v1 hierarchy NAME mounted at DIR (in a mount
 * namespace of the caller's) so that the kernel lets it go: it frees a
 * hierarchy only when it has no cgroup left and is not mounted, and a
 * cgroup just removed may still hold it for a moment; then it is mounted
 * and unmounted once more. 0, or -1 (EBUSY) if it stays. */
int cg_unmount_named(const char *dir, const char *name);

/* Write to, or read from, the file FILE of the cgroup DIR. cg_read()
 * drops one trailing newline. */
int cg_write(const char *dir, const char *file, const char *fmt, ...)
    PRINTF_LIKE(3, 4);
int cg_read(const char *dir, const char *file, char *buf, size_t size);

/* Move process PID (0: the caller) into the cgroup DIR, through
 * cgroup.procs. */
int cg_move(const char *dir, pid_t pid);

/* The value of KEY in a "KEY VALUE" file (cgroup.events, pids.events,
 * memory.events, cpu.stat...), or -1 if there is no such key. */
long long cg_key(const char *dir, const char *file, const char *key);

/* The line for hierarchy H in FILE, a cgroup file of /proc
 * ("/proc/self/cgroup", "/proc/PID/cgroup", "/proc/PID/task/TID/cgroup"),
 * as the kernel writes it ("0::/a/b" in v2, "8:pids:/a/b" in v1), without
 * the newline. 0, or -1 with errno (ENOENT: no line for H). */
int cg_proc_line(const char *file, const struct cg_hier *h, char *line,
                 size_t size);

/* Remove the cgroup DIR, which must hold no process; retries for a
 * moment while an exiting process is still accounted to it. */
int cg_remove(const char *dir);

#endif
