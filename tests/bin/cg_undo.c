// SPDX-License-Identifier: MIT
/*
 * cg_undo - a test fixture for lib/cgroup.c's undoing: make a cgroup of
 * the pids controller below PARENT, with a tree of cgroups inside it that
 * the program leaves to the library, say its path, and wait
 *
 * Usage: cg_undo [-n] PARENT
 *   -n  do not call cg_undo_on_exit() first (cg_create() must refuse)
 * Then, on SIGTERM, or on the line "exit" on standard input, everything
 * made must be gone: the test checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

int
main(int argc, char *argv[])
{
    char cg[PATH_MAX], sub[PATH_MAX + 16], line[16];
    struct cg_hier h;
    int arm = 1;

    if (argc == 3 && strcmp(argv[1], "-n") == 0) {
        arm = 0;
        argv++;
    } else if (argc != 2) {
        usage(EXIT_USAGE, "Usage: cg_undo [-n] PARENT\n");
    }
    if (cg_find("pids", 0, &h) == -1)
        fatal("no pids hierarchy");
    if (arm)
        cg_undo_on_exit();
    cg_create(&h, argv[1], cg, sizeof(cg));
    /* Three levels, deepest last: remove_tree() must go down them. */
    snprintf(sub, sizeof(sub), "%s/a", cg);
    if (mkdir(sub, 0755) == -1)
        err_exit("mkdir %s", sub);
    snprintf(sub, sizeof(sub), "%s/a/b", cg);
    if (mkdir(sub, 0755) == -1)
        err_exit("mkdir %s", sub);
    snprintf(sub, sizeof(sub), "%s/c", cg);
    if (mkdir(sub, 0755) == -1)
        err_exit("mkdir %s", sub);
    printf("%s\n", cg);
    fflush(stdout);
    if (fgets(line, sizeof(line), stdin) != NULL && strcmp(line, "exit\n") == 0)
        return EXIT_SUCCESS; /* the exit handler removes it all */
    pause();
    return EXIT_SUCCESS;
}
