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
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"

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

/* This process's cgroup path in hierarchy VERSION (v1: the one whose
 * line names CONTROLLER), from /proc/self/cgroup. */
static int
own_path(int version, const char *controller, char *path, size_t size)
{
    char line[PATH_MAX + 256], *ctrls, *p;
    FILE *f = fopen("/proc/self/cgroup", "r");
    int found = 0;

    if (f == NULL)
        return -1;
    /* Lines are "ID:CONTROLLERS:PATH"; v2's is "0::PATH". */
    while (!found && fgets(line, sizeof(line), f) != NULL) {
        ctrls = strchr(line, ':');
        p = ctrls != NULL ? strchr(ctrls + 1, ':') : NULL;
        if (p == NULL)
            continue;
        *p++ = '\0';
        *ctrls++ = '\0';
        p[strcspn(p, "\n")] = '\0';
        if (version == 2 ? strcmp(line, "0") == 0 && *ctrls == '\0'
                         : has_word(ctrls, controller)) {
            snprintf(path, size, "%s", p);
            found = 1;
        }
    }
    fclose(f);
    if (!found)
        errno = ENOENT;
    return found ? 0 : -1;
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

    if (cg_find(controller, version, h) == -1) {
        fprintf(stderr,
                "%s: no cgroup%s hierarchy %s%s is mounted here (see "
                "/proc/self/mountinfo and make doctor)\n",
                program_invocation_short_name,
                version == 1   ? " v1"
                : version == 2 ? " v2"
                               : "",
                any ? "" : "with the controller ", any ? "" : controller);
        exit(EXIT_NOFEATURE);
    }
    printf("hierarchy: v%d %s (%s)\n", h->version, h->mount, h->what);
}

void
cg_create(const struct cg_hier *h, const char *parent, char *path, size_t size)
{
    size_t n = strlen(h->mount);

    /* A parent of the caller's choosing must lie in the same hierarchy. */
    if (parent != NULL && (strncmp(parent, h->mount, n) != 0 ||
                           (parent[n] != '/' && parent[n] != '\0')))
        usage_err("-P %s: not a cgroup in %s", parent, h->mount);
    snprintf(path, size, "%s/isolab.%s.%d", parent != NULL ? parent : h->own,
             program_invocation_short_name, (int)getpid());
    if (mkdir(path, 0755) == -1) {
        if (errno == EACCES || errno == EPERM || errno == EROFS)
            fatal("mkdir %s: %s: run as root, or give a cgroup delegated "
                  "to you with -P",
                  path, strerror(errno));
        err_exit("mkdir %s", path);
    }
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
