// SPDX-License-Identifier: MIT
/*
 * demo_ipcns - IPC objects belong to an IPC namespace
 *
 * Demonstrates: POSIX message queues and System V IPC objects (message
 * queues, semaphores, shared memory) live in an IPC namespace: a process
 * in another IPC namespace cannot find them by name or by ID. The demo
 * first moves into a new IPC namespace of its own (A), so that nothing is
 * created in the host's, makes a POSIX queue and a System V queue there,
 * then looks for both from a child in A and from a child in a further
 * new namespace (B). The objects vanish with namespace A when the demo
 * ends.
 *
 * Usage: demo_ipcns
 *
 * Try:
 *     $ sudo ./demo_ipcns
 *     namespace A: created POSIX queue /isolab-demo and System V queue 0
 *     child in A, ipc ns 4026532461: POSIX queue found; System V queue 0 found
 *     child in B, ipc ns 4026532462: POSIX queue ENOENT; System V queue 0 EINVAL
 *     $ ../userns/userns_child_exec -r ./demo_ipcns          # rootless
 *     $ ipcs -q; ls /dev/mqueue     # on the host: neither queue is there
 *   Observe: the same name and ID, found in one namespace and not in the
 *   other. ID 0 is no accident: each new namespace numbers from scratch.
 *
 * Needs: CAP_SYS_ADMIN: root, or root in a user namespace (as above).
 *
 * See also: ipc_namespaces(7), mq_overview(7), sysvipc(7), msgget(2); TLPI
 * 28.2.1 names the CLONE_NEW* flags, no more: namespaces grew after it; course
 * chapter 15.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWIPC */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/msg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_ipcns\n";

#define QUEUE "/isolab-demo"

/* In a child, optionally in a new IPC namespace: look for both objects. */
static void
look(const char *label, int new_ns, int msqid)
{
    struct msqid_ds ds;
    struct stat sb;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        if (new_ns && unshare(CLONE_NEWIPC) == -1)
            err_exit_child("unshare CLONE_NEWIPC");
        if (stat("/proc/self/ns/ipc", &sb) == -1)
            err_exit_child("stat /proc/self/ns/ipc");
        mqd_t mq = mq_open(QUEUE, O_RDONLY);
        int mq_errno = errno;
        int sv = msgctl(msqid, IPC_STAT, &ds);
        printf("child in %s, ipc ns %ju: POSIX queue %s; System V queue %d "
               "%s\n",
               label, (uintmax_t)sb.st_ino,
               mq != (mqd_t)-1 ? "found" : errno_name(mq_errno), msqid,
               sv != -1 ? "found" : errno_name(errno));
        exit(EXIT_SUCCESS);
    }
    if (waitpid(pid, NULL, 0) == -1)
        err_exit("waitpid");
}

int
main(int argc, char *argv[])
{
    struct mq_attr attr = {.mq_maxmsg = 1, .mq_msgsize = 64};
    int opt, msqid;
    mqd_t mq;

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

    /* Namespace A: ours alone, so the host's IPC objects are untouched. */
    if (unshare(CLONE_NEWIPC) == -1) {
        if (errno == EPERM)
            fatal("unshare CLONE_NEWIPC: needs CAP_SYS_ADMIN; run as root, "
                  "or under ../userns/userns_child_exec -r");
        err_exit("unshare CLONE_NEWIPC");
    }
    mq = mq_open(QUEUE, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
    if (mq == (mqd_t)-1)
        err_exit("mq_open %s", QUEUE);
    msqid = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (msqid == -1)
        err_exit("msgget");
    printf("namespace A: created POSIX queue %s and System V queue %d\n", QUEUE,
           msqid);

    look("A", 0, msqid);
    look("B", 1, msqid);

    /* Tidy, though the objects would go with namespace A anyway. */
    mq_close(mq);
    mq_unlink(QUEUE);
    msgctl(msqid, IPC_RMID, NULL);
    return EXIT_SUCCESS;
}
