// SPDX-License-Identifier: MIT
/*
 * cgroup.c - finding cgroup hierarchies and working with cgroup files
 *
 * See cgroup.h. The mountinfo fields used here (proc(5)): the root of
 * the mount within its file system (4th), the mount point (5th), and
 * after the " - " separator the file system type and the super block
 * options, which for cgroup v1 name the controllers.
 */
#define _GNU_SOURCE /* program_invocation_short_name */
#include <dirent.h> /* DT_DIR */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h> /* SYS_getdents64 */
#include <time.h>
#include <unistd.h>

#include "cgroup.h"

/* ---- undone on every way out ----
 * What cg_create() made or changed is undone at exit, and on SIGINT,
 * SIGTERM and SIGHUP, if the program has not done it itself: after an
 * error, or when a trainer presses Ctrl-C in the middle of a demo. The
 * cleanup runs in a signal handler too, so it uses only
 * async-signal-safe calls (signal-safety(7)): open, read, getdents64,
 * kill, rmdir, write. */

#define MAX_MADE 4

static char made[MAX_MADE][PATH_MAX]; /* cgroups we created */
static int nmade;
/* v2: "+NAME" written to a subtree_control of a cgroup we did not make */
static char enabled_dir[MAX_MADE][PATH_MAX];
static char enabled_ctrl[MAX_MADE][32];
static int nenabled;
static char home[PATH_MAX];  /* where to move ourselves back */
static char start[PATH_MAX]; /* v2: the cgroup we left for a leaf */
static char leaf[PATH_MAX];  /* v2: that leaf ("" if none) */
static pid_t maker;          /* only the process that made them cleans up */

static size_t
safe_len(const char *s)
{
    size_t n = 0;

    while (s[n] != '\0')
        n++;
    return n;
}

/* DIR + "/" + NAME into BUF, or 0 if it does not fit. */
static int
safe_join(char *buf, size_t size, const char *dir, const char *name)
{
    size_t a = safe_len(dir), b = safe_len(name);

    if (a + b + 2 > size)
        return 0;
    memcpy(buf, dir, a);
    buf[a] = '/';
    memcpy(buf + a + 1, name, b + 1);
    return 1;
}

/* Write TEXT to DIR/FILE; 0, or -1 (signal-safe). */
static int
safe_write(const char *dir, const char *file, const char *text)
{
    char path[PATH_MAX + 32];
    int fd, rc;

    if (!safe_join(path, sizeof(path), dir, file))
        return -1;
    fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd == -1)
        return -1;
    rc = write(fd, text, safe_len(text)) == -1 ? -1 : 0;
    close(fd);
    return rc;
}

/* Move ourselves into DIR (signal-safe: the PID in decimal by hand). */
static int
safe_move_self(const char *dir)
{
    char pid[16];
    pid_t self = getpid();
    int n = sizeof(pid) - 1;

    pid[n] = '\0';
    do
        pid[--n] = (char)('0' + self % 10);
    while ((self /= 10) > 0 && n > 0);
    return safe_write(dir, "cgroup.procs", pid + n);
}

/* SIGKILL every process listed in DIR/cgroup.procs; 1 if there were any. */
static int
kill_members(const char *dir)
{
    char path[PATH_MAX + 16], buf[4096];
    int fd, any = 0;
    ssize_t n, i;
    long pid = 0;

    if (!safe_join(path, sizeof(path), dir, "cgroup.procs"))
        return 0;
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        return 0;
    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        for (i = 0; i < n; i++) {
            if (buf[i] >= '0' && buf[i] <= '9') {
                pid = pid * 10 + (buf[i] - '0');
            } else if (pid > 0) {
                if (pid != getpid())
                    kill((pid_t)pid, SIGKILL);
                any = 1;
                pid = 0;
            }
        }
    }
    close(fd);
    return any;
}

/* What getdents64() fills its buffer with: one record after another,
 * each D_RECLEN bytes long (the name padded to keep the next one
 * aligned). readdir() reads these too, but may allocate memory, which a
 * signal handler must not; the C library declares no such struct. */
struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/* Remove DIR and the cgroups below it, deepest first. */
static void
remove_tree(const char *dir, int depth)
{
    struct timespec pause = {0, 10 * 1000 * 1000};
    /* aligned for the records' 64-bit fields */
    char buf[4096] __attribute__((aligned(8))), sub[PATH_MAX];
    struct linux_dirent64 *d;
    long n, off;
    int fd, i;

    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd == -1)
        return;
    while (depth < 8 &&
           (n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
        for (off = 0; off < n; off += d->d_reclen) {
            d = (struct linux_dirent64 *)(buf + off);
            /* A child cgroup is a directory; "." and ".." are not ours. */
            if (d->d_type == DT_DIR && d->d_name[0] != '.' &&
                safe_join(sub, sizeof(sub), dir, d->d_name))
                remove_tree(sub, depth + 1);
        }
    }
    close(fd);
    for (i = 0; i < 100 && rmdir(dir) == -1 && errno == EBUSY; i++) {
        kill_members(dir);
        nanosleep(&pause, NULL);
    }
}

static void
cleanup(void)
{
    char minus[40];
    int i, left = 0, saved = errno;

    if (getpid() != maker)
        return;
    for (i = 0; i < nmade; i++)
        left |= access(made[i], F_OK) == 0;
    /* Ourselves out first (to where we were), then the rest. */
    if (left) {
        safe_move_self(home);
        for (i = 0; i < nmade; i++)
            remove_tree(made[i], 0);
    }
    nmade = 0;
    /* Controllers taken back, deepest first: a parent cannot drop a
     * controller that a child still hands down (EBUSY). */
    while (nenabled > 0) {
        nenabled--;
        minus[0] = '-';
        memcpy(minus + 1, enabled_ctrl[nenabled],
               safe_len(enabled_ctrl[nenabled]) + 1);
        safe_write(enabled_dir[nenabled], "cgroup.subtree_control", minus);
    }
    /* Out of the leaf, back where we started (allowed again now that the
     * cgroup hands no controller down), and the leaf removed. */
    if (leaf[0] != '\0') {
        safe_move_self(start);
        rmdir(leaf);
        leaf[0] = '\0';
    }
    errno = saved;
}

static void
on_signal(int sig)
{
    cleanup();
    signal(sig, SIG_DFL);
    raise(sig);
}

void
cg_undo_on_exit(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa = {.sa_handler = on_signal};
    size_t i;

    if (maker == getpid())
        return; /* once is enough */
    maker = getpid();
    home[0] = '\0';
    if (atexit(cleanup) != 0)
        fatal("atexit failed");
    for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        if (sigaction(sigs[i], &sa, NULL) == -1)
            err_exit("sigaction");
}

/* Before cg_create() changes something: OWN is where we go back to, the
 * first time. */
static void
arm(const char *own)
{
    if (home[0] == '\0')
        snprintf(home, sizeof(home), "%s", own);
}

/* Remember DIR for removal. */
static void
remember(const char *dir, const char *own)
{
    arm(own);
    if (nmade < MAX_MADE)
        snprintf(made[nmade++], sizeof(made[0]), "%s", dir);
}

/* Is WORD one of the comma-separated words of LIST? */
static int
has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *p = list;

    while ((p = strstr(p, word)) != NULL) {
        if ((p == list || p[-1] == ',' || p[-1] == ' ') &&
            (p[n] == '\0' || p[n] == ',' || p[n] == ' ' || p[n] == '\n'))
            return 1;
        p += n;
    }
    return 0;
}

/* The line of FILE (a /proc cgroup file) for hierarchy VERSION (v1: the
 * one whose line names CONTROLLER), as "ID:CONTROLLERS:PATH", without
 * its newline, in LINE. */
static int
find_line(const char *file, int version, const char *controller, char *line,
          size_t size)
{
    char buf[PATH_MAX + 256], *ctrls, *p;
    FILE *f = fopen(file, "r");
    int found = 0;

    if (f == NULL)
        return -1;
    /* Lines are "ID:CONTROLLERS:PATH"; v2's is "0::PATH". */
    while (!found && fgets(buf, sizeof(buf), f) != NULL) {
        buf[strcspn(buf, "\n")] = '\0';
        snprintf(line, size, "%s", buf);
        ctrls = strchr(buf, ':');
        p = ctrls != NULL ? strchr(ctrls + 1, ':') : NULL;
        if (p == NULL)
            continue;
        *p = '\0';
        *ctrls++ = '\0';
        found = version == 2 ? strcmp(buf, "0") == 0 && *ctrls == '\0'
                             : has_word(ctrls, controller);
    }
    fclose(f);
    if (!found)
        errno = ENOENT;
    return found ? 0 : -1;
}

/* This process's cgroup path in hierarchy VERSION: the line's PATH. */
static int
own_path(int version, const char *controller, char *path, size_t size)
{
    char line[PATH_MAX + 256];

    if (find_line("/proc/self/cgroup", version, controller, line,
                  sizeof(line)) == -1)
        return -1;
    snprintf(path, size, "%s", strchr(strchr(line, ':') + 1, ':') + 1);
    return 0;
}

int
cg_proc_line(const char *file, const struct cg_hier *h, char *line, size_t size)
{
    char first[64]; /* v1: the first controller of the hierarchy */

    snprintf(first, sizeof(first), "%.*s", (int)strcspn(h->what, ","), h->what);
    return find_line(file, h->version, first, line, size);
}

static int
find_version(const char *controller, int version, struct cg_hier *h)
{
    char line[2 * PATH_MAX], root[PATH_MAX], mnt[PATH_MAX];
    char path[PATH_MAX + 32];
    char fstype[64], opts[512], ctrls[512], *sep;
    int any = controller == NULL || *controller == '\0';
    FILE *f = fopen("/proc/self/mountinfo", "r");
    int fd, found = 0;
    ssize_t n;

    if (f == NULL)
        return -1;
    while (!found && fgets(line, sizeof(line), f) != NULL) {
        sep = strstr(line, " - ");
        if (sep == NULL ||
            sscanf(line, "%*d %*d %*s %4095s %4095s", root, mnt) != 2 ||
            sscanf(sep + 3, "%63s %*s %511s", fstype, opts) != 2)
            continue;
        if (version == 1 && strcmp(fstype, "cgroup") == 0 && !any &&
            has_word(opts, controller)) {
            /* "rw,cpu,cpuacct": the controllers are what follows rw */
            snprintf(h->what, sizeof(h->what), "%s",
                     strncmp(opts, "rw,", 3) == 0 ? opts + 3 : opts);
            found = 1;
        } else if (version == 2 && strcmp(fstype, "cgroup2") == 0) {
            snprintf(path, sizeof(path), "%s/cgroup.controllers", mnt);
            ctrls[0] = '\0';
            fd = open(path, O_RDONLY | O_CLOEXEC);
            if (fd != -1) {
                n = read(fd, ctrls, sizeof(ctrls) - 1);
                ctrls[n > 0 ? n : 0] = '\0';
                close(fd);
            }
            if (any || has_word(ctrls, controller)) {
                snprintf(h->what, sizeof(h->what), "cgroup2");
                found = 1;
            }
        }
    }
    fclose(f);
    if (!found) {
        errno = ENOENT;
        return -1;
    }
    h->version = version;
    snprintf(h->mount, sizeof(h->mount), "%s", mnt);
    snprintf(h->want, sizeof(h->want), "%s",
             version == 2 && !any ? controller : "");
    if (own_path(version, controller, path, sizeof(path)) == -1)
        return -1;
    /* The mount shows the hierarchy from ROOT down (a cgroup namespace,
     * or a bind mount): the part of our path below it. */
    if (strcmp(root, "/") != 0 && strncmp(path, root, strlen(root)) == 0)
        memmove(path, path + strlen(root), strlen(path + strlen(root)) + 1);
    if (snprintf(h->own, sizeof(h->own), "%s%s", mnt,
                 strcmp(path, "/") == 0 ? "" : path) >= (int)sizeof(h->own)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

int
cg_find(const char *controller, int version, struct cg_hier *h)
{
    if (version != 1 && find_version(controller, 2, h) == 0)
        return 0;
    if (version != 2 && controller != NULL && *controller != '\0')
        return find_version(controller, 1, h);
    errno = ENOENT;
    return -1;
}

void
cg_need(const char *controller, int version, struct cg_hier *h)
{
    int any = controller == NULL || *controller == '\0';

    if (cg_find(controller, version, h) == -1)
        lacks("no cgroup%s hierarchy %s%s is mounted here (see "
              "/proc/self/mountinfo and make doctor)",
              version == 1   ? " v1"
              : version == 2 ? " v2"
                             : "",
              any ? "" : "with the controller ", any ? "" : controller);
    printf("hierarchy: v%d %s (%s)\n", h->version, h->mount, h->what);
}

/* Does the cgroup DIR hold only this process and its children? (A
 * launcher may have started its child before it makes its cgroup.) */
static int
only_ours(const char *dir)
{
    char procs[4096], ppid[32], *line, *save;

    if (cg_read(dir, "cgroup.procs", procs, sizeof(procs)) == -1)
        return 0;
    for (line = strtok_r(procs, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        if (strtol(line, NULL, 10) == getpid())
            continue;
        if (proc_status_value(line, "PPid", ppid, sizeof(ppid)) == -1 ||
            strtol(ppid, NULL, 10) != getpid())
            return 0;
    }
    return 1;
}

/* v2: we and our children into a leaf below our own cgroup, so that our
 * own cgroup may hand controllers down (no internal processes). H->own
 * becomes the leaf. */
static void
move_to_leaf(struct cg_hier *h)
{
    char path[PATH_MAX], procs[4096], *line, *save;

    if (snprintf(path, sizeof(path), "%s/isolab.%s.%d.leaf", h->own,
                 program_invocation_short_name,
                 (int)getpid()) >= (int)sizeof(path))
        fatal("%s: path too long", h->own);
    if (mkdir(path, 0755) == -1)
        err_exit("mkdir %s", path);
    arm(h->own);
    snprintf(start, sizeof(start), "%s", h->own);
    snprintf(leaf, sizeof(leaf), "%s", path);
    if (cg_move(leaf, 0) == -1)
        err_exit("move into %s", leaf);
    /* Then our children, who share the cgroup we leave. */
    if (cg_read(start, "cgroup.procs", procs, sizeof(procs)) == 0)
        for (line = strtok_r(procs, "\n", &save); line != NULL;
             line = strtok_r(NULL, "\n", &save))
            if (cg_move(leaf, (pid_t)strtol(line, NULL, 10)) == -1)
                err_exit("move %s into %s", line, leaf);
    snprintf(h->own, sizeof(h->own), "%s", leaf);
    snprintf(home, sizeof(home), "%s", leaf);
}

/* What stops BASE from handing the v2 controller C down to a cgroup of
 * ours, if anything: the questions hand_down() and cg_usable() ask. */
enum hand_down_block {
    CAN_HAND_DOWN,
    HANDED_ALREADY,
    NOT_OFFERED, /* BASE's parent does not hand it to BASE */
    ROOT_CGROUP, /* our own cgroup is the root: the system's */
    SHARED_OWN,  /* our own cgroup holds other processes */
};

static enum hand_down_block
hand_down_block(const struct cg_hier *h, const char *base, const char *c)
{
    char offered[512], handed[512];

    if (cg_read(base, "cgroup.subtree_control", handed, sizeof(handed)) == 0 &&
        has_word(handed, c))
        return HANDED_ALREADY;
    /* A cgroup can hand down only what its own parent hands it. */
    if (cg_read(base, "cgroup.controllers", offered, sizeof(offered)) == -1 ||
        !has_word(offered, c))
        return NOT_OFFERED;
    /* Our own cgroup: only if it holds nothing but us and our children (a
     * cgroup delegated to us), and then from a leaf beside the cgroups we
     * make. Never the root cgroup, nor one we share: those are the
     * system's. */
    if (strcmp(base, h->own) == 0 && leaf[0] == '\0') {
        if (strcmp(base, h->mount) == 0)
            return ROOT_CGROUP;
        if (!only_ours(base))
            return SHARED_OWN;
    }
    return CAN_HAND_DOWN;
}

/* v2: make BASE hand down every controller in H->want (see cg_create()),
 * or exit with 77 and what to do. */
static void
hand_down(struct cg_hier *h, const char *base)
{
    char want[sizeof(h->want)], *c, *save;
    const char *prog = program_invocation_short_name;
    int rc;

    snprintf(want, sizeof(want), "%s", h->want);
    for (c = strtok_r(want, " ", &save); c != NULL;
         c = strtok_r(NULL, " ", &save)) {
        switch (hand_down_block(h, base, c)) {
        case HANDED_ALREADY:
            continue;
        case NOT_OFFERED:
            lacks("the %s controller is not handed down to %s (its parent's "
                  "cgroup.subtree_control lacks it): run in a cgroup "
                  "delegated with it: sudo systemd-run --scope -p "
                  "Delegate=yes ./%s, or systemd-run --user --scope -p "
                  "Delegate=yes ./%s (as a user, see cgroups/README.md for "
                  "the controllers systemd delegates to users)",
                  c, base, prog, prog);
        case ROOT_CGROUP:
            lacks("%s is the root cgroup: what it hands down is the "
                  "system's to choose, not ours; run in a cgroup of your "
                  "own: sudo systemd-run --scope -p Delegate=yes ./%s",
                  base, prog);
        case SHARED_OWN:
            lacks("%s holds other processes, so it cannot hand the %s "
                  "controller down to a cgroup of ours (cgroups v2: no "
                  "internal processes), and it is not ours to change; "
                  "run in a cgroup of your own: sudo systemd-run "
                  "--scope -p Delegate=yes ./%s, or systemd-run --user "
                  "--scope -p Delegate=yes ./%s",
                  base, c, prog, prog);
        case CAN_HAND_DOWN:
            break;
        }
        if (strcmp(base, h->own) == 0 && leaf[0] == '\0')
            move_to_leaf(h);
        rc = cg_write(base, "cgroup.subtree_control", "+%s", c);
        if (rc == -1 && errno == EBUSY)
            lacks("%s holds processes, so it cannot hand the %s controller "
                  "down (cgroups v2: no internal processes); give a cgroup "
                  "that holds none with -P, or run without -P in a cgroup "
                  "of your own (systemd-run --scope -p Delegate=yes)",
                  base, c);
        if (rc == -1)
            err_exit("write +%s to %s/cgroup.subtree_control", c, base);
        arm(h->own);
        if (nenabled < MAX_MADE) {
            snprintf(enabled_dir[nenabled], sizeof(enabled_dir[0]), "%s", base);
            snprintf(enabled_ctrl[nenabled++], sizeof(enabled_ctrl[0]), "%s",
                     c);
        }
    }
}

/* Remove what a killed kit program left in BASE: an empty cgroup named
 * isolab.PROG.PID or isolab.PROG.PID.leaf whose PID no longer exists.
 * A program killed with SIGKILL cannot clean up after itself, and its
 * processes are gone with it, so the next one does. rmdir() removes only
 * an empty cgroup, and a live PID's is left alone. (The test harness's
 * names, isolab.RUN..., start with a digit: not a program's.) */
static void
sweep(const char *base)
{
    char prog[64], rest[32], path[PATH_MAX];
    struct dirent *e;
    DIR *d = opendir(base);
    int pid, n;

    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        n = 0;
        if (sscanf(e->d_name, "isolab.%63[a-z_0-9].%d%n%31s", prog, &pid, &n,
                   rest) < 2 ||
            !(prog[0] >= 'a' && prog[0] <= 'z') || pid <= 0 ||
            (e->d_name[n] != '\0' && strcmp(e->d_name + n, ".leaf") != 0))
            continue;
        if (kill(pid, 0) == 0 || errno != ESRCH)
            continue; /* alive, or not ours to judge */
        if (safe_join(path, sizeof(path), base, e->d_name))
            rmdir(path);
    }
    closedir(d);
}

void
cg_create(struct cg_hier *h, const char *parent, char *path, size_t size)
{
    size_t n = strlen(h->mount);
    char base[PATH_MAX];

    /* The undoing must be armed before anything is made: a program that
     * forgot cg_undo_on_exit() fails at once, not by leaving cgroups
     * behind. */
    if (maker != getpid())
        fatal("cg_create: call cg_undo_on_exit() first, so that what it "
              "makes is removed on every way out");
    /* A parent of the caller's choosing must lie in the same hierarchy. */
    if (parent != NULL && (strncmp(parent, h->mount, n) != 0 ||
                           (parent[n] != '/' && parent[n] != '\0')))
        usage_err("-P %s: not a cgroup in %s", parent, h->mount);
    snprintf(base, sizeof(base), "%s", parent != NULL ? parent : h->own);
    if (h->version == 2 && h->want[0] != '\0')
        hand_down(h, base);
    sweep(base);
    snprintf(path, size, "%s/isolab.%s.%d", base, program_invocation_short_name,
             (int)getpid());
    if (mkdir(path, 0755) == -1) {
        if (errno == EACCES || errno == EPERM || errno == EROFS)
            fatal("mkdir %s: %s (%s): run as root, or give a cgroup "
                  "delegated to you with -P",
                  path, strerror(errno), errno_name(errno));
        err_exit("mkdir %s", path);
    }
    remember(path, h->own);
}

int
cg_usable(const struct cg_hier *h, const char *parent)
{
    size_t n = strlen(h->mount);
    const char *base = parent != NULL ? parent : h->own;
    char want[sizeof(h->want)], *c, *save;

    if (strncmp(base, h->mount, n) != 0 || (base[n] != '/' && base[n] != '\0'))
        return 0;
    if (access(base, W_OK) == -1) /* mkdir there would fail */
        return 0;
    if (h->version != 2)
        return 1;
    /* v2: the questions hand_down() asks, without exiting. */
    snprintf(want, sizeof(want), "%s", h->want);
    for (c = strtok_r(want, " ", &save); c != NULL;
         c = strtok_r(NULL, " ", &save)) {
        enum hand_down_block b = hand_down_block(h, base, c);

        if (b != HANDED_ALREADY && b != CAN_HAND_DOWN)
            return 0;
    }
    return 1;
}

int
cg_named_alive(const char *name)
{
    char line[512], needle[96];
    FILE *f = fopen("/proc/self/cgroup", "r");
    int alive = 0;

    if (f == NULL)
        return 0;
    snprintf(needle, sizeof(needle), ":%s:", name); /* "4:name=x:/" */
    while (fgets(line, sizeof(line), f) != NULL)
        alive |= strstr(line, needle) != NULL;
    fclose(f);
    return alive;
}

int
cg_unmount_named(const char *dir, const char *name)
{
    struct timespec pause = {0, 50 * 1000000};
    char options[128];
    int i;

    snprintf(options, sizeof(options), "none,%s", name);
    for (i = 0; i < 20; i++) {
        umount2(dir, 0);
        nanosleep(&pause, NULL);
        if (!cg_named_alive(name))
            return 0;
        if (mount("cgroup", dir, "cgroup", 0, options) == -1)
            break;
    }
    errno = EBUSY;
    return -1;
}

int
cg_write(const char *dir, const char *file, const char *fmt, ...)
{
    char path[PATH_MAX + 64], text[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    snprintf(path, sizeof(path), "%s/%s", dir, file);
    return write_file(path, text);
}

int
cg_read(const char *dir, const char *file, char *buf, size_t size)
{
    char path[PATH_MAX + 64];
    ssize_t n;
    int fd;

    snprintf(path, sizeof(path), "%s/%s", dir, file);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        return -1;
    n = read(fd, buf, size - 1);
    close(fd);
    if (n == -1)
        return -1;
    buf[n] = '\0';
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = '\0';
    return 0;
}

int
cg_move(const char *dir, pid_t pid)
{
    return cg_write(dir, "cgroup.procs", "%d",
                    pid == 0 ? (int)getpid() : (int)pid);
}

long long
cg_key(const char *dir, const char *file, const char *key)
{
    char buf[4096], *line, *save;
    size_t n = strlen(key);

    if (cg_read(dir, file, buf, sizeof(buf)) == -1)
        return -1;
    for (line = strtok_r(buf, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save))
        if (strncmp(line, key, n) == 0 && line[n] == ' ')
            return strtoll(line + n + 1, NULL, 10);
    return -1;
}

int
cg_remove(const char *dir)
{
    struct timespec pause = {0, 10 * 1000 * 1000};
    int i;

    for (i = 0; i < 100; i++) {
        if (rmdir(dir) == 0)
            return 0;
        if (errno != EBUSY)
            return -1;
        nanosleep(&pause, NULL);
    }
    return -1;
}
