// SPDX-License-Identifier: MIT
/*
 * pstree - draw the process tree from /proc
 *
 * Exercise (see exercises/procs/README.md, "pstree"): this skeleton reads
 * every process's PID, parent and name, then prints them all as a flat
 * list. Make it draw the tree below PID instead, each level indented two
 * spaces more than its parent. Fill in the TODO(pstree) parts.
 *
 * Usage: pstree [PID]
 *   Draw the tree below PID (default 1) as "PID NAME" lines.
 *
 * Try:
 *     $ bash -c 'sleep 9 & sleep 9 & sleep 0.2 && ./pstree $$'
 *     4300 bash
 *       4301 sleep
 *       4302 sleep
 *       4303 pstree
 *     $ make grade EX=procs/pstree      # from the top of the kit
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

    /* TODO(pstree): print ROOT, then its children (the processes whose
     * ppid is ROOT) indented by two spaces, their children by four, and
     * so on. A recursive function is the natural shape. If there is no
     * process ROOT, fail with fatal(). */
    (void)root;
    for (size_t i = 0; i < nprocs; i++)
        printf("%ld %s\n", procs[i].pid, procs[i].name);
    return EXIT_SUCCESS;
}
