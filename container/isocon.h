/* SPDX-License-Identifier: MIT */
/*
 * isocon.h - what the parts of isocon give each other
 *
 * isocon.c tells the story: the options, the parent, the container's
 * first process and init, and -x. Three layers have a file of their own,
 * one chapter group each, so that each reads on its own:
 *   isocon_root.c     the file system and the network (mounts, namespaces)
 *   isocon_lock.c     capabilities, no_new_privs, seccomp (caps, seccomp)
 *   isocon_signals.c  signals passed on to the command (signals)
 *   isocon_tty.c      a session and a terminal of its own (signals, procs)
 *   isocon_dev.c      the devices it may open (cgroups, as root)
 *   isocon_say.c      say(): the narration of -v, for all of them
 */
#ifndef ISOCON_H
#define ISOCON_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "isolab.h"

/* isocon_say.c: if ISOCON_VERBOSE (-v), narrate a step on stderr. */
extern int isocon_verbose;
void say(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* isocon_root.c: in the container's new mount and network namespaces,
 * make ROOT the root file system (it must still be the directory WANT,
 * by device and inode; TREE, if not -1, is its ID-mapped copy to mount),
 * read-only, or WRITABLE through an overlay (its changes in the
 * directory LAYER, which must be LAYER_ID, or in a tmpfs if LAYER is
 * NULL); with /proc, /dev and /tmp of its own; bring up lo. Errors end
 * the child (err_exit_child). */
void set_up_root(const char *root, const struct stat *want, int tree,
                 int writable, const char *layer, const struct stat *layer_id);
/* isocon_root.c, in isocon: -W DIR opened (its device and inode in ID),
 * its upper and work directories made if need be; as root, owned by UID,
 * container root on the host. */
int open_layer(const char *dir, struct stat *id);
void own_layer(int dir, uid_t uid);
/* isocon_root.c, in isocon as root: ROOT (WANT) as a detached mount that
 * maps its files' IDs through the user namespace of PID, or -1. */
int idmapped_root(const char *root, const struct stat *want, pid_t pid);
void loopback_up(void);

/* isocon_lock.c: what every process in the container gets before it
 * runs a command: the bounding set cut to the kept capabilities,
 * no_new_privs, the seccomp filter (if FILTER), no descriptor beyond 2. */
extern const size_t kept_caps_count;
void lock_down(int filter);
/* isocon_lock.c: every capability dropped (the init needs none). */
void drop_all_caps(void);

/* isocon_signals.c: pass SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1 and
 * SIGUSR2 on to the process of the pidfd PIDFD; fork() with that set up
 * in the parent before any such signal can arrive. */
void forward_signals(int pidfd);
pid_t fork_forwarding(void);

/* isocon_tty.c: if isocon runs on a terminal, a new pseudo-terminal for
 * the container (MASTER and SLAVE; else both -1). In the container's
 * first process: a session of its own, and SLAVE (if any) its terminal
 * and standard input, output and error. In isocon: copy between our
 * terminal and MASTER until the container has closed its side. */
void tty_make(int *master, int *slave);
void tty_enter(int slave);
void tty_relay(int master);

/* isocon_dev.c: in the cgroup DIR, allow only the devices bound into the
 * container's /dev and its terminals, for reading and writing, never
 * mknod: v1 through devices.deny and devices.allow, v2 through an
 * attached BPF device program. Needs root. Errors exit. */
void dev_policy_v1(const char *dir);
void dev_policy_v2(const char *dir);

#endif
