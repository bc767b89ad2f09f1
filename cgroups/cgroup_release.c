// SPDX-License-Identifier: MIT
/*
 * cgroup_release - v1 release notification: the kernel runs an agent
 *
 * Demonstrates: how cgroups v1 reported an emptied cgroup. A hierarchy
 * has one release_agent file naming a program; a cgroup whose
 * notify_on_release is 1 makes the kernel run that program, as root in
 * the initial namespaces, with the cgroup's path as its argument, when
 * the last process leaves. The demo mounts a named v1 hierarchy of its
 * own (no controller, "name=isolab_release.PID") in a private mount
 * namespace, sets an agent that appends its argument to a log, puts a
 * child in a cgroup and lets it end, and prints what the agent logged.
 * Then it removes everything, the hierarchy included.
 *
 * That agent runs with full privilege outside every namespace, and that
 * made it an escape: a process that could mount a v1 hierarchy (root of
 * a user namespace, before Linux 5.17) could name any program as agent
 * (CVE-2022-0492). Writing release_agent now needs CAP_SYS_ADMIN in the
 * initial user namespace. v2 has no agent: it has cgroup.events.
 *
 * Usage: cgroup_release
 *
 * Try:
 *     $ sudo ./cgroup_release
 *     hierarchy: v1 /tmp/isolab-release.../mnt (name=isolab_release.4242)
 *     release_agent: /proc/4242/root/tmp/isolab-release.../agent
 *     child 4242 was in /job, which has notify_on_release 1
 *     the agent ran with: /job
 *     removed the hierarchy
 *
 * Needs: root (CAP_SYS_ADMIN in the initial user namespace); a kernel
 * with cgroups v1 (CONFIG_CGROUP_V1 is off in some recent ones: exit 77).
 *
 * See also: cgroups(7) (Cgroups version 1 release notification), the kernel's
 * Documentation/admin-guide/cgroup-v1/cgroups.rst; TLPI has no cgroups (v1 is
 * not in it, v2 came after it); course chapters 24 and 26.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "isolab.h"

static const char usage_text[] = "Usage: cgroup_release\n";

/* The hierarchy's name, one per run: two runs at once would otherwise
 * share one hierarchy, and the second find the first's /job (EEXIST). */
static char name[64];

/* Sleep MS milliseconds (less than a second). */
static void
sleep_ms(long ms)
{
    struct timespec ts = {0, ms * 1000000};

    nanosleep(&ts, NULL);
}

int
main(int argc, char *argv[])
{
    char dir[256], mnt[272], agent[272], log[272], job[288], text[352];
    char options[80];
    int opt, i, n = 0, gone;
    pid_t pid;
    FILE *f;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);
    snprintf(name, sizeof(name), "isolab_release.%d", (int)getpid());
    snprintf(options, sizeof(options), "none,name=%s", name);

    /* Our own mount namespace: the mount is never in the host's table. */
    if (unshare(CLONE_NEWNS) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWNS: needs root");
        err_exit("unshare CLONE_NEWNS");
    }
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit("make / private");
    /* (tmp_dir() holds only plain characters: the agent script below
     * names a file in it.) */
    snprintf(dir, sizeof(dir), "%s/isolab-release.XXXXXX", tmp_dir());
    if (mkdtemp(dir) == NULL)
        err_exit("mkdtemp %s", dir);
    snprintf(mnt, sizeof(mnt), "%s/mnt", dir);
    snprintf(agent, sizeof(agent), "%s/agent", dir);
    snprintf(log, sizeof(log), "%s/log", dir);
    snprintf(job, sizeof(job), "%s/job", mnt);
    if (mkdir(mnt, 0755) == -1)
        err_exit("mkdir %s", mnt);
    /* A v1 hierarchy with no controller, known by its name alone: a
     * hierarchy of our own, for this run, to set an agent on. */
    if (mount("cgroup", mnt, "cgroup", 0, options) == -1) {
        int saved = errno;

        rmdir(mnt);
        rmdir(dir);
        if (saved == ENODEV || saved == EINVAL || saved == EPERM)
            lacks("mount a v1 hierarchy: %s (this kernel may lack cgroups "
                  "v1, or forbid it here)",
                  errno_name(saved));
        errno = saved;
        err_exit("mount cgroup %s", mnt);
    }
    printf("hierarchy: v1 %s (name=%s)\n", mnt, name);

    /* The agent: the kernel runs it with the cgroup's path, from the
     * initial mount namespace, where our /tmp may be another file system
     * (a container's, or a private tmpfs). /proc/OURPID/root leads from
     * there to our root, so the agent and its log are named through it:
     * the paths then mean our files in every mount namespace. */
    snprintf(text, sizeof(text), "#!/bin/sh\necho \"$1\" >> /proc/%d/root%s\n",
             (int)getpid(), log);
    f = fopen(agent, "w");
    if (f == NULL || fputs(text, f) == EOF || fclose(f) == EOF ||
        chmod(agent, 0755) == -1)
        err_exit("write %s", agent);
    if (cg_write(mnt, "release_agent", "/proc/%d/root%s", (int)getpid(),
                 agent) == -1)
        err_exit("write %s/release_agent", mnt);
    printf("release_agent: /proc/%d/root%s\n", (int)getpid(), agent);

    /* notify_on_release 1: when /job has been populated and then loses
     * its last process (and child cgroup), the kernel runs the agent.
     * v2 replaced all this with cgroup.events, which a program watches
     * with poll() instead of a command the kernel starts as root. */
    if (mkdir(job, 0755) == -1 || cg_write(job, "notify_on_release", "1"))
        err_exit("set up %s", job);
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    /* A child that enters /job and ends at once: /job empties, which is
     * the event. */
    if (pid == 0) {
        if (cg_move(job, 0) == -1)
            err_exit_child("move to %s", job);
        _exit(EXIT_SUCCESS);
    }
    if (waitpid(pid, NULL, 0) == -1)
        err_exit("waitpid");
    printf("child %d was in /job, which has notify_on_release 1\n", (int)pid);

    /* The agent runs asynchronously, from a kernel worker. */
    for (i = 0; i < 300 && n <= 0; i++) {
        f = fopen(log, "r");
        n = f != NULL ? (int)fread(text, 1, sizeof(text) - 1, f) : 0;
        if (f != NULL)
            fclose(f);
        if (n <= 0)
            sleep_ms(10);
    }
    if (n > 0) {
        text[n] = '\0';
        printf("the agent ran with: %s", text);
    } else {
        printf("the agent did not run within 3 s\n");
    }

    /* Tear down: the cgroup, the agent, the mount; the kernel destroys
     * the hierarchy when it has no cgroup left and is not mounted. A
     * cgroup just removed may still hold it for a moment: then mount
     * and unmount once more. */
    cg_remove(job);
    cg_write(mnt, "release_agent", "\n");
    snprintf(text, sizeof(text), "name=%s", name);
    gone = cg_unmount_named(mnt, text) == 0;
    unlink(agent);
    unlink(log);
    rmdir(mnt);
    rmdir(dir);
    if (!gone)
        fatal("the hierarchy name=%s is still there", name);
    printf("removed the hierarchy\n");
    return n > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
