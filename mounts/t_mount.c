// SPDX-License-Identifier: MIT
/*
 * t_mount - call mount(2) with flags given by name
 *
 * Demonstrates: mount(2) is one system call with many jobs, chosen by its
 * flags: mounting a file system (with a type and a data string), a bind
 * mount (MS_BIND, MS_REC for the mounts below too), changing propagation
 * (MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE, alone), remounting with
 * new flags (MS_REMOUNT, with MS_BIND to change only the bind's own), and
 * moving a mount (MS_MOVE). The call is printed as strace would show it.
 *
 * Usage: t_mount [-t FSTYPE] [-o DATA] [-f FLAGS] SOURCE TARGET
 *   -t FSTYPE  the file system type, e.g. tmpfs, proc
 *   -o DATA    the data string, e.g. size=1m
 *   -f FLAGS   flags separated by ',': bind, rec, private, shared, slave,
 *              unbindable, rdonly, remount, move, nosuid, nodev, noexec
 *   For a propagation change SOURCE is ignored: give "none".
 *
 * Try: (in a mount namespace of your own, so the host is untouched)
 *     $ ../userns/userns_child_exec -rm sh
 *     (ns) # ./t_mount -f private,rec none /
 *     mount("none", "/", NULL, MS_REC|MS_PRIVATE, NULL) = 0
 *     (ns) # mkdir -p /tmp/a /tmp/b
 *     (ns) # ./t_mount -t tmpfs -o size=1m tmpfs /tmp/a
 *     mount("tmpfs", "/tmp/a", "tmpfs", 0, "size=1m") = 0
 *     (ns) # ./t_mount -f bind /tmp/a /tmp/b
 *     mount("/tmp/a", "/tmp/b", NULL, MS_BIND, NULL) = 0
 *     (ns) # ./t_mount -f remount,bind,rdonly none /tmp/b
 *     mount("none", "/tmp/b", NULL, MS_BIND|MS_RDONLY|MS_REMOUNT, NULL) = 0
 *     (ns) # touch /tmp/b/x
 *     touch: cannot touch '/tmp/b/x': Read-only file system
 *   Observe: the same tmpfs at two places, writable at one, read-only at
 *   the other: a bind is a second view, with flags of its own.
 *
 * Needs: CAP_SYS_ADMIN in the user namespace that owns the mount
 * namespace: root, or root in a user namespace (userns_child_exec -rm).
 *
 * See also: mount(2), mount(8), mount_namespaces(7); TLPI 14.8 and 14.9;
 * course chapters 13 and 19.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: t_mount [-t FSTYPE] [-o DATA] [-f FLAGS] SOURCE TARGET\n"
    "  -t FSTYPE  the file system type, e.g. tmpfs, proc\n"
    "  -o DATA    the data string, e.g. size=1m\n"
    "  -f FLAGS   bind,rec,private,shared,slave,unbindable,rdonly,remount,\n"
    "             move,nosuid,nodev,noexec (',' between)\n";

/* mount(2)'s flags by the names -f takes, and by their macros for the
 * output. They are of three kinds, and mount() does one thing per call:
 *   - what to do: a new mount (no such flag), MS_BIND, MS_MOVE, or
 *     MS_REMOUNT (change the flags of an existing mount);
 *   - a propagation type, alone: MS_PRIVATE, MS_SHARED, MS_SLAVE,
 *     MS_UNBINDABLE (with MS_REC: for every mount below TARGET too);
 *   - per-mount options: MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC. */
static const struct {
    const char *name, *macro;
    unsigned long flag;
} flags_by_name[] = {
    {"bind", "MS_BIND", MS_BIND},
    {"rec", "MS_REC", MS_REC},
    {"private", "MS_PRIVATE", MS_PRIVATE},
    {"shared", "MS_SHARED", MS_SHARED},
    {"slave", "MS_SLAVE", MS_SLAVE},
    {"unbindable", "MS_UNBINDABLE", MS_UNBINDABLE},
    {"rdonly", "MS_RDONLY", MS_RDONLY},
    {"remount", "MS_REMOUNT", MS_REMOUNT},
    {"move", "MS_MOVE", MS_MOVE},
    {"nosuid", "MS_NOSUID", MS_NOSUID},
    {"nodev", "MS_NODEV", MS_NODEV},
    {"noexec", "MS_NOEXEC", MS_NOEXEC},
};
#define NFLAGS (sizeof(flags_by_name) / sizeof(flags_by_name[0]))

/* "bind,rec" -> MS_BIND | MS_REC; an unknown name is a usage error. */
static unsigned long
parse_flags(char *list)
{
    unsigned long flags = 0;

    for (char *f = strtok(list, ","); f != NULL; f = strtok(NULL, ",")) {
        size_t i;

        for (i = 0; i < NFLAGS; i++)
            if (strcmp(f, flags_by_name[i].name) == 0)
                break;
        if (i == NFLAGS)
            usage_err("-f: '%s' is not a flag this program knows", f);
        flags |= flags_by_name[i].flag;
    }
    return flags;
}

/* FLAGS as strace prints them: MS_BIND|MS_REC, or 0. */
static void
print_flags(unsigned long flags)
{
    const char *sep = "";

    if (flags == 0)
        printf("0");
    for (size_t i = 0; i < NFLAGS; i++) {
        if (flags & flags_by_name[i].flag) {
            printf("%s%s", sep, flags_by_name[i].macro);
            sep = "|";
        }
    }
}

/* A string argument as strace shows it, or NULL. */
static void
print_arg(const char *s)
{
    if (s == NULL)
        printf("NULL");
    else
        printf("\"%s\"", s);
}

int
main(int argc, char *argv[])
{
    const char *fstype = NULL, *data = NULL;
    unsigned long flags = 0;
    int opt, result, saved_errno;

    while ((opt = get_option(argc, argv, "t:o:f:h")) != -1) {
        switch (opt) {
        case 't':
            fstype = optarg;
            break;
        case 'o':
            data = optarg;
            break;
        case 'f':
            flags = parse_flags(optarg);
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 2)
        usage(EXIT_USAGE, usage_text);
    const char *source = argv[optind], *target = argv[optind + 1];

    /* Which arguments count depends on the kind of call: a new mount
     * uses all five (SOURCE is a device, or any word for tmpfs and proc;
     * DATA is the file system's own options, "size=1m"); MS_BIND and
     * MS_MOVE take SOURCE and TARGET as paths and ignore FSTYPE and DATA;
     * a propagation change takes TARGET alone. errno is kept at once:
     * the printf() calls below may change it. */
    result = mount(source, target, fstype, flags, data);
    saved_errno = errno;
    /* The call as strace shows it, then its result. */
    printf("mount(");
    print_arg(source);
    printf(", ");
    print_arg(target);
    printf(", ");
    print_arg(fstype);
    printf(", ");
    print_flags(flags);
    printf(", ");
    print_arg(data);
    /* EPERM: no CAP_SYS_ADMIN over this mount namespace (or a flag the
     * kernel locked, in a user namespace); EINVAL: the flags mix kinds,
     * or TARGET is no mount point for a change of propagation; ENODEV: no
     * such file system type; ENOENT: no such TARGET. */
    if (result == -1) {
        printf(") = -1 %s (%s)\n", errno_name(saved_errno),
               strerror(saved_errno));
        return EXIT_FAILURE;
    }
    printf(") = 0\n");
    return EXIT_SUCCESS;
}
