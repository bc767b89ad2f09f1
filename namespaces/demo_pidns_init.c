// SPDX-License-Identifier: MIT
/*
 * demo_pidns_init - PID 1 of a new PID namespace, and what makes it special
 *
 * Demonstrates: the first process of a new PID namespace is its init: PID
 * 1, parent PID 0. With a proc mounted for it (in a mount namespace of its
 * own, made private first), /proc lists only the namespace's processes.
 * Orphans inside are adopted by this init, not by the host's. And from
 * inside, init receives only the signals it has a handler for: the
 * default actions (termination for SIGTERM and SIGINT) do not apply.
 *
 * Usage: demo_pidns_init
 *
 * Try:
 *     $ sudo ./demo_pidns_init
 *     init: getpid() 1, getppid() 0
 *     init: /proc lists PIDs: 1
 *     init: sent itself SIGTERM, SIGINT, SIGUSR1 without handlers: still here
 *     orphan: adopted by PID 1, the namespace's init
 *     outside: the namespace's init was PID 4301 here
 *     $ ../userns/userns_child_exec -r ./demo_pidns_init     # rootless
 *   Observe: init ignores the signals that would kill any other process;
 *   only SIGKILL or SIGSTOP from an ancestor namespace can stop it.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: pid_namespaces(7), mount_namespaces(7), proc(5); TLPI 28.2.1 names
 * the CLONE_NEW* flags, no more: namespaces grew after it; course chapter 14.
 */
#define _GNU_SOURCE /* clone(), CLONE_NEW* */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_pidns_init\n";

#define STACK_SIZE (256 * 1024)

static void
list_proc(void)
{
    struct dirent *de;
    DIR *dir = opendir("/proc");

    if (dir == NULL)
        err_exit_child("opendir /proc");
    printf("init: /proc lists PIDs:");
    while ((de = readdir(dir)) != NULL)
        if (isdigit((unsigned char)de->d_name[0]))
            printf(" %s", de->d_name);
    printf("\n");
    closedir(dir);
}

/* A grandchild of init whose parent exits: wait (5 s at most) to be
 * adopted, and say by whom. */
static noreturn void
orphan(pid_t parent)
{
    struct timespec tick = {.tv_nsec = 10 * 1000 * 1000};

    for (int i = 0; i < 500 && getppid() == parent; i++)
        nanosleep(&tick, NULL);
    printf("orphan: adopted by PID %ld, the namespace's init\n",
           (long)getppid());
    exit(EXIT_SUCCESS);
}

static int
init(void *arg)
{
    (void)arg;
    /* Private first, then a proc for this PID namespace. */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
        err_exit_child("mount --make-rprivate /");
    if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
              NULL) == -1)
        err_exit_child("mount proc");
    printf("init: getpid() %ld, getppid() %ld\n", (long)getpid(),
           (long)getppid());
    list_proc();

    /* No handlers: for any other process, SIGTERM would be the end. */
    kill(1, SIGTERM);
    kill(1, SIGINT);
    kill(1, SIGUSR1);
    printf("init: sent itself SIGTERM, SIGINT, SIGUSR1 without handlers: "
           "still here\n");
    fflush(stdout);

    pid_t middle = fork();
    if (middle == -1)
        err_exit_child("fork");
    if (middle == 0) {
        pid_t me = getpid();

        if (fork() == 0)
            orphan(me);
        _exit(EXIT_SUCCESS); /* leave the grandchild behind */
    }
    /* As init, reap every child, adopted ones included. */
    while (wait(NULL) != -1 || errno == EINTR)
        continue;
    return EXIT_SUCCESS;
}

int
main(int argc, char *argv[])
{
    int opt, status;
    char *stack;
    pid_t pid;

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

    stack = malloc(STACK_SIZE);
    if (stack == NULL)
        err_exit("malloc");
    fflush(stdout);
    pid = clone(init, stack + STACK_SIZE, CLONE_NEWPID | CLONE_NEWNS | SIGCHLD,
                NULL);
    if (pid == -1) {
        if (errno == EPERM)
            fatal("clone CLONE_NEWPID: needs CAP_SYS_ADMIN; run as root, or "
                  "under ../userns/userns_child_exec -r");
        err_exit("clone");
    }
    if (waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    printf("outside: the namespace's init was PID %ld here\n", (long)pid);
    return child_exit_status(status);
}
