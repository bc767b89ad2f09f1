// SPDX-License-Identifier: MIT
/*
 * pstree - draw the process tree from /proc
 *
 * Demonstrates: every process but the first has a parent, so the
 * processes form a tree; /proc/PID/stat gives each one's parent (PPID).
 * Read every process once, then print the tree depth first from a root,
 * each level indented two spaces more than its parent.
 *
 * Usage: pstree [PID]
 *   Draw the tree below PID (default 1) as "PID NAME" lines.
 *
 * Try:
 *     $ ./pstree $$
 *     4242 bash
 *       4300 pstree
 *     $ bash -c 'sleep 9 & sleep 9 & sleep 0.2 && ./pstree $$'
 *     4310 bash
 *       4311 sleep
 *       4312 sleep
 *       4313 pstree
 *   Observe: the shell's children are indented under it (sleep 0.2 lets
 *   both sleeps start: until it execs, a child is a copy of bash, and
 *   shows as one). A process whose parent has ended is adopted (by PID 1,
 *   or by a subreaper) and moves in the tree.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: proc(5), pstree(1); TLPI 12.1 and exercise 12-2.
 */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: pstree [PID]\n";

struct proc {
    long pid, ppid;
    char name[64];
};

static struct proc *procs;
static size_t nprocs;

/* Read PID, PPID and name of every process into procs[]. */
static void
read_all(void)
{
    size_t cap = 0;
    struct dirent *de;
    DIR *dir = opendir("/proc");

    if (dir == NULL)
        err_exit("opendir /proc");
    while ((de = readdir(dir)) != NULL) {
        char path[PATH_MAX], stat[1024], *open_paren, *close_paren;
        size_t len;
        FILE *f;

        if (!isdigit((unsigned char)de->d_name[0]))
            continue;
        snprintf(path, sizeof(path), "/proc/%s/stat", de->d_name);
        f = fopen(path, "r");
        if (f == NULL)
            continue; /* ended since readdir() */
        len = fread(stat, 1, sizeof(stat) - 1, f);
        fclose(f);
        stat[len] = '\0';

        if (nprocs == cap) {
            cap = cap ? 2 * cap : 256;
            procs = realloc(procs, cap * sizeof(*procs));
            if (procs == NULL)
                err_exit("realloc");
        }
        /* "PID (NAME) STATE PPID": NAME may hold spaces and ')'. */
        struct proc *p = &procs[nprocs];
        open_paren = strchr(stat, '(');
        close_paren = strrchr(stat, ')');
        if (open_paren == NULL || close_paren == NULL ||
            sscanf(close_paren + 1, " %*c %ld", &p->ppid) != 1)
            continue;
        *close_paren = '\0';
        snprintf(p->name, sizeof(p->name), "%s", open_paren + 1);
        p->pid = strtol(de->d_name, NULL, 10);
        nprocs++;
    }
    closedir(dir);
}

static void
print_tree(long pid, const char *name, int depth)
{
    printf("%*s%ld %s\n", 2 * depth, "", pid, name);
    for (size_t i = 0; i < nprocs; i++)
        if (procs[i].ppid == pid && procs[i].pid != pid)
            print_tree(procs[i].pid, procs[i].name, depth + 1);
}

int
main(int argc, char *argv[])
{
    long root = 1;
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind > 1)
        usage(EXIT_USAGE, usage_text);
    if (optind < argc)
        root = parse_ll(argv[optind], 10, 1, INT_MAX, "PID");

    read_all();
    for (size_t i = 0; i < nprocs; i++) {
        if (procs[i].pid == root) {
            print_tree(root, procs[i].name, 0);
            return EXIT_SUCCESS;
        }
    }
    fatal("no process %ld", root);
}
