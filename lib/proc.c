// SPDX-License-Identifier: MIT
/*
 * proc.c - small readers and writers of /proc files for the kit's demos,
 * and where their temporary files go
 */
#define _GNU_SOURCE /* program_invocation_short_name, O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h> /* PATH_MAX */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

char
proc_state(pid_t pid)
{
    char path[64], buf[512], *paren;
    size_t n;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
    f = fopen(path, "r");
    if (f == NULL)
        return 0;
    n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';

    /* "PID (NAME) STATE ...": NAME may itself hold ") ", so the state
     * follows the last parenthesis. */
    paren = strrchr(buf, ')');
    return paren != NULL && paren[1] == ' ' ? paren[2] : '?';
}

int
write_file(const char *path, const char *text)
{
    size_t len = strlen(text);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    ssize_t n;

    if (fd == -1)
        return -1;
    /* One write(): a control file takes each write as one request, and
     * some (uid_map) may be written only once. */
    n = write(fd, text, len);
    if (n == -1 || (size_t)n != len) {
        int saved_errno = n == -1 ? errno : EIO;

        close(fd);
        errno = saved_errno;
        return -1;
    }
    return close(fd);
}

/* The number in a /proc/sys file, or -1 if it cannot be read. */
static long
sysctl_value(const char *path)
{
    long value = -1;
    FILE *f = fopen(path, "r");

    if (f != NULL) {
        if (fscanf(f, "%ld", &value) != 1)
            value = -1;
        fclose(f);
    }
    return value;
}

void
userns_failed(const char *what)
{
    const char *why = NULL;

    err_warn("%s", what);
    /* The three switches that tools/checks.bash (make doctor) names. */
    if (sysctl_value("/proc/sys/user/max_user_namespaces") == 0)
        why = "user namespaces are disabled: user.max_user_namespaces = 0";
    else if (geteuid() != 0 &&
             sysctl_value("/proc/sys/kernel/unprivileged_userns_clone") == 0)
        why = "unprivileged user namespaces are disabled: "
              "kernel.unprivileged_userns_clone = 0";
    else if (geteuid() != 0 &&
             sysctl_value(
                 "/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == 1)
        why = "AppArmor restricts unprivileged user namespaces: "
              "kernel.apparmor_restrict_unprivileged_userns = 1";
    if (why == NULL)
        exit(EXIT_FAILURE);
    lacks("%s (make doctor shows the fix)", why);
}

bool
userns_restricted(void)
{
    int saved = errno; /* the caller may still explain the error */
    bool restricted =
        errno == EPERM && geteuid() != 0 &&
        sysctl_value(
            "/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == 1;

    errno = saved;
    if (!restricted)
        return false;
    err_note("AppArmor restricts unprivileged user namespaces: "
             "kernel.apparmor_restrict_unprivileged_userns = 1 (make doctor "
             "shows the fix)");
    return true;
}

void
map_write(const char *path, const char *text)
{
    if (write_file(path, text) == 0)
        return;
    err_warn("write %s '%s'", path, text);
    exit(userns_restricted() ? EXIT_NOFEATURE : EXIT_FAILURE);
}

void
map_one(const char *pid, uid_t inside_uid, uid_t uid, gid_t inside_gid,
        gid_t gid)
{
    char path[64], map[64];

    snprintf(path, sizeof(path), "/proc/%s/uid_map", pid);
    snprintf(map, sizeof(map), "%ld %ld 1", (long)inside_uid, (long)uid);
    map_write(path, map);
    /* Denied first: without CAP_SETGID in the parent namespace, the
     * kernel takes no gid_map until setgroups() is refused inside. */
    snprintf(path, sizeof(path), "/proc/%s/setgroups", pid);
    map_write(path, "deny");
    snprintf(path, sizeof(path), "/proc/%s/gid_map", pid);
    snprintf(map, sizeof(map), "%ld %ld 1", (long)inside_gid, (long)gid);
    map_write(path, map);
}

void
map_root(const char *pid, uid_t uid, gid_t gid)
{
    map_one(pid, 0, uid, 0, gid);
}

int
proc_status_value(const char *pid, const char *key, char *value, size_t size)
{
    char path[64], line[1024];
    size_t keylen = strlen(key);
    int found = -1;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%s/status", pid);
    f = fopen(path, "r");
    if (f == NULL)
        return -1;
    while (found == -1 && fgets(line, sizeof(line), f) != NULL) {
        if (strncmp(line, key, keylen) == 0 && line[keylen] == ':') {
            char *v = line + keylen + 1;

            v += strspn(v, " \t");
            v[strcspn(v, "\n")] = '\0';
            snprintf(value, size, "%s", v);
            found = 0;
        }
    }
    fclose(f);
    if (found == -1)
        errno = ENOENT;
    return found;
}

char *
beside_self(const char *rel, char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size);
    size_t dir_len;

    if (n == -1)
        err_exit("readlink /proc/self/exe");
    if ((size_t)n == size) /* readlink() truncates silently */
        err_exit_en(ENAMETOOLONG, "readlink /proc/self/exe");
    buf[n] = '\0';
    dir_len = strrchr(buf, '/') - buf; /* the kernel's path is absolute */
    if ((size_t)snprintf(buf + dir_len, size - dir_len, "/%s", rel) >=
        size - dir_len) {
        buf[dir_len] = '\0';
        err_exit_en(ENAMETOOLONG, "%s beside %s", rel, buf);
    }
    return buf;
}

const char *
tmp_dir(void)
{
    const char *dir = getenv("TMPDIR");

    if (dir == NULL || dir[0] != '/' || strlen(dir) > 200 ||
        strspn(dir, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "0123456789._-/") != strlen(dir))
        return "/tmp";
    return dir;
}

int
nameless_file(const char *dir, int flags)
{
    char path[PATH_MAX];
    int fd = open(dir, O_TMPFILE | flags, 0600);

    /* EISDIR: a kernel before 3.11 takes O_TMPFILE for O_DIRECTORY. */
    if (fd != -1 || (errno != EOPNOTSUPP && errno != EISDIR))
        return fd;
    if ((size_t)snprintf(path, sizeof(path), "%s/isolab.XXXXXX", dir) >=
        sizeof(path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    fd = mkostemp(path, flags & O_CLOEXEC);
    if (fd != -1)
        unlink(path);
    return fd;
}
