// SPDX-License-Identifier: MIT
/*
 * t_umount - call umount2(2) with flags given by name
 *
 * Demonstrates: unmounting. A plain umount fails with EBUSY while anything
 * uses the mount (an open file, a process's current directory, a mount
 * below it). MNT_DETACH ("lazy") detaches it from the tree at once and
 * frees it when the last user is gone: how pivot_root's old root is
 * dropped. MNT_FORCE asks the file system to abort pending operations
 * (NFS). MNT_EXPIRE marks an idle mount; a second call unmounts it if it
 * stayed idle.
 *
 * Usage: t_umount [-f FLAGS] TARGET
 *   -f FLAGS  flags separated by ',': detach, force, expire
 *
 * Try: (in a mount namespace of your own)
 *     $ ../userns/userns_child_exec -rm sh
 *     (ns) # ./t_mount -f private,rec none / >/dev/null
 *     (ns) # kit=$PWD; ./t_mount -t tmpfs tmpfs /mnt >/dev/null; cd /mnt
 *     (ns) # $kit/t_umount /mnt
 *     umount2("/mnt", 0) = -1 EBUSY (Device or resource busy)
 *     (ns) # $kit/t_umount -f detach /mnt
 *     umount2("/mnt", MNT_DETACH) = 0
 *     (ns) # pwd; ls
 *     /mnt
 *   Observe: EBUSY because the shell's current directory is on it; the
 *   detach succeeds, and the shell goes on working in a directory that
 *   is no longer in any mount table.
 *
 * Needs: CAP_SYS_ADMIN over the mount namespace, as for t_mount.
 *
 * See also: umount2(2), umount(8); TLPI 14.3; course chapter 19.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: t_umount [-f FLAGS] TARGET\n"
    "  -f FLAGS  detach,force,expire (',' between)\n";

int
main(int argc, char *argv[])
{
    /* The flags by the names -f takes, and by the macros the output
     * shows, so that what is printed is the call as a program writes it. */
    static const struct {
        const char *name, *macro;
        int flag;
    } names[] = {
        {"detach", "MNT_DETACH", MNT_DETACH},
        {"force", "MNT_FORCE", MNT_FORCE},
        {"expire", "MNT_EXPIRE", MNT_EXPIRE},
    };
    int opt, flags = 0;
    size_t i;

    while ((opt = get_option(argc, argv, "f:h")) != -1) {
        switch (opt) {
        case 'f':
            /* "detach,expire": each name ORs its flag in. (strtok()
             * writes into optarg: fine, it is ours and used once.) */
            for (char *f = strtok(optarg, ","); f != NULL;
                 f = strtok(NULL, ",")) {
                for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
                    if (strcmp(f, names[i].name) == 0)
                        break;
                if (i == sizeof(names) / sizeof(names[0]))
                    usage_err("-f: '%s' is not detach, force or expire", f);
                flags |= names[i].flag;
            }
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);
    const char *target = argv[optind];

    /* umount2() takes the mount point (or any path to the mount's root);
     * a plain umount() is umount2() with flags 0. errno is kept at once:
     * the printf() calls below may change it. */
    int result = umount2(target, flags);
    int saved_errno = errno;
    const char *sep = "";

    /* The call as strace would show it, then its result. */
    printf("umount2(\"%s\", ", target);
    if (flags == 0)
        printf("0");
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (flags & names[i].flag) {
            printf("%s%s", sep, names[i].macro);
            sep = "|";
        }
    }
    /* EBUSY: a process's directory or open file is on the mount, or a
     * mount sits below it; EINVAL: TARGET is not a mount point; EPERM:
     * no CAP_SYS_ADMIN over this mount namespace, or a mount that came
     * with the namespace and is locked to the ones around it. */
    if (result == -1) {
        printf(") = -1 %s (%s)\n", errno_name(saved_errno),
               strerror(saved_errno));
        return EXIT_FAILURE;
    }
    printf(") = 0\n");
    return EXIT_SUCCESS;
}
