// SPDX-License-Identifier: MIT
/*
 * cgroup_freezer - stop every process of a cgroup, and let them go on
 *
 * Demonstrates: freezing. A child counts as fast as it can in a cgroup;
 * the parent samples the count over 200 ms while it runs, freezes the
 * cgroup and samples again (the count stands still: the child is off
 * the CPU, whatever it was doing, without a signal it could see), thaws
 * it and samples once more. v2 has freezing in its core: cgroup.freeze,
 * with "frozen 1" in cgroup.events once done. v1 has a freezer
 * controller: freezer.state FROZEN, which reads FREEZING until done.
 * Container runtimes pause and resume containers this way; and a frozen
 * cgroup can be killed or checkpointed without a race.
 *
 * Usage: cgroup_freezer [-P PARENT] [-V 1|2]
 *   -P PARENT  make the cgroup below PARENT, not below our own cgroup
 *   -V 1|2     use only a v1 or a v2 hierarchy
 *
 * Try (cgroup v2):
 *     $ sudo ./cgroup_freezer
 *     hierarchy: v2 /sys/fs/cgroup (cgroup2)
 *     running: the count went on
 *     frozen: the count stood still; the child's state: S (sleeping)
 *     thawed: the count went on
 *
 * Needs: root, or a cgroup delegated to you (-P); v2 (Linux 5.2) or the
 * v1 freezer controller.
 *
 * See also: cgroups(7), the kernel's Documentation/admin-guide/cgroup-v2.rst
 * (cgroup.freeze) and cgroup-v1/freezer-subsystem.rst; TLPI has no cgroups (v1
 * is not in it, v2 came after it); course chapter 23.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: cgroup_freezer [-P PARENT] [-V 1|2]\n"
    "  -P PARENT  make the cgroup below PARENT, not below our own cgroup\n"
    "  -V 1|2     use only a v1 or a v2 hierarchy\n";

static volatile unsigned long *count; /* shared with the child */

static void
sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};

    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}

/* Did the count move during 200 ms? */
static int
advances(void)
{
    unsigned long before = *count;

    sleep_ms(200);
    return *count != before;
}

/* Freeze (1) or thaw (0) CG, and wait until the kernel says it is done. */
static void
freeze(const struct cg_hier *h, const char *cg, int on)
{
    char state[32];
    int i;

    if ((h->version == 2 ? cg_write(cg, "cgroup.freeze", "%d", on)
                         : cg_write(cg, "freezer.state", "%s",
                                    on ? "FROZEN" : "THAWED")) == -1)
        err_exit("%s %s", on ? "freeze" : "thaw", cg);
    for (i = 0; i < 500; i++) {
        if (h->version == 2 && cg_key(cg, "cgroup.events", "frozen") == on)
            return;
        if (h->version == 1 &&
            cg_read(cg, "freezer.state", state, sizeof(state)) == 0 &&
            strcmp(state, on ? "FROZEN" : "THAWED") == 0)
            return;
        sleep_ms(10);
    }
    fatal("%s did not become %s", cg, on ? "frozen" : "thawed");
}

int
main(int argc, char *argv[])
{
    const char *parent = NULL;
    char cg[PATH_MAX], pidstr[16], state[64];
    int opt, version = 0;
    struct cg_hier h;
    pid_t pid;

    while ((opt = get_option(argc, argv, "P:V:h")) != -1) {
        switch (opt) {
        case 'P':
            parent = optarg;
            break;
        case 'V':
            version = parse_ll(optarg, 10, 1, 2, "-V");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* v2 freezes without a controller; v1 needs the freezer one. */
    if (version != 1 && cg_find(NULL, 2, &h) == 0)
        cg_need(NULL, 2, &h);
    else
        cg_need("freezer", 1, &h);
    /* What cg_create() makes or changes is undone on every way out: at
     * exit, and on SIGINT, SIGTERM and SIGHUP (lib/cgroup.c). */
    cg_undo_on_exit();
    cg_create(&h, parent, cg, sizeof(cg));

    count = mmap(NULL, sizeof(*count), PROT_READ | PROT_WRITE,
                 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (count == MAP_FAILED)
        err_exit("mmap");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        for (;;)
            (*count)++;
    }
    if (cg_move(cg, pid) == -1) {
        kill(pid, SIGKILL);
        err_exit("move %d to %s", (int)pid, cg);
    }

    printf("running: the count %s\n", advances() ? "went on" : "stood still");
    freeze(&h, cg, 1);
    snprintf(pidstr, sizeof(pidstr), "%d", (int)pid);
    printf("frozen: the count %s", advances() ? "went on" : "stood still");
    if (proc_status_value(pidstr, "State", state, sizeof(state)) == 0)
        printf("; the child's state: %s", state);
    printf("\n");
    freeze(&h, cg, 0);
    printf("thawed: the count %s\n", advances() ? "went on" : "stood still");

    kill(pid, SIGKILL);
    if (waitpid(pid, NULL, 0) == -1)
        err_exit("waitpid");
    if (cg_remove(cg) == -1)
        err_exit("rmdir %s", cg);
    return EXIT_SUCCESS;
}
