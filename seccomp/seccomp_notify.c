// SPDX-License-Identifier: MIT
/*
 * seccomp_notify - a supervisor decides a target's open calls
 *
 * Demonstrates: SECCOMP_RET_USER_NOTIF. The target installs a filter
 * with SECCOMP_FILTER_FLAG_NEW_LISTENER and hands the listening
 * descriptor to its parent, the supervisor, over a UNIX socket; then it
 * executes CMD. Each open or openat of CMD now waits while the supervisor
 * reads the path from the target's memory (/proc/PID/mem), checks that
 * the notification is still valid, and answers: fail the call (-d),
 * open another file itself and place the descriptor in the target (-r,
 * SECCOMP_IOCTL_NOTIF_ADDFD), or let the call go on (CONTINUE).
 *
 * Usage: seccomp_notify [-v] [-d PATH]... [-r PATH=FILE]... CMD [ARG...]
 *   -d PATH       opens of PATH fail with EACCES
 *   -r PATH=FILE  opens of PATH get FILE instead, opened by the supervisor
 *   -v            report every decision, not only -d and -r ones
 *
 * Try:
 *     $ echo 'not the real one' > /tmp/fake
 *     $ ./seccomp_notify -r /etc/hostname=/tmp/fake cat /etc/hostname
 *     seccomp_notify: supervisor: openat /etc/hostname: FILE /tmp/fake
 *     not the real one
 *     $ ./seccomp_notify -d /etc/passwd head -1 /etc/passwd
 *     seccomp_notify: supervisor: openat /etc/passwd: EACCES
 *     head: cannot open '/etc/passwd' for reading: Permission denied
 *     $ ./seccomp_notify -v true
 *     seccomp_notify: supervisor: openat /etc/ld.so.cache: CONTINUE
 *     seccomp_notify: supervisor: openat .../libc.so.6: CONTINUE
 *   Observe: the paths are compared as the target wrote them; "./x" and
 *   "/etc/../etc/hostname" are other strings. And CONTINUE is no
 *   security check: the kernel reads the path again after the
 *   supervisor has looked, so another thread of the target can change it
 *   in between. Only an answer the supervisor makes itself (an error, or
 *   a file it opened) is safe. See the chapter README.
 *
 * Needs: Linux 5.14 (SECCOMP_ADDFD_FLAG_SEND); no privilege: the
 * supervisor may read the memory of its own child.
 *
 * See also: seccomp_unotify(2), seccomp(2), unix(7) SCM_RIGHTS, proc(5)
 * /proc/PID/mem; TLPI has no seccomp filters (Linux 3.5, after it); course
 * chapter 21.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h> /* SYS_open, SYS_openat, SYS_openat2 */
#include <sys/wait.h>
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: seccomp_notify [-v] [-d PATH]... [-r PATH=FILE]... CMD [ARG...]\n"
    "  -d PATH       opens of PATH fail with EACCES\n"
    "  -r PATH=FILE  opens of PATH get FILE instead, opened by the "
    "supervisor\n"
    "  -v            report every decision, not only -d and -r ones\n";

#define MAX_RULES 32

static struct {
    const char *path;
    const char *file; /* NULL: deny */
} rules[MAX_RULES];
static int nrules, verbose;

/* The target: filter, hand the listener over, become CMD. */
static noreturn void
target(int sock, char *cmd[])
{
    struct sock_filter filter[] = {
        BPF_CHECK_ARCH,
        BPF_LOAD_NR,
#ifdef SYS_open
        BPF_ON_NR(SYS_open, SECCOMP_RET_USER_NOTIF),
#endif
        BPF_ON_NR(SYS_openat, SECCOMP_RET_USER_NOTIF),
        /* openat2 would go round the supervisor: ENOSYS makes a program
         * fall back to openat. */
        BPF_ON_NR(SYS_openat2, SECCOMP_RET_ERRNO | ENOSYS),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };
    int listener;

    /* NEW_LISTENER: the kernel returns a descriptor on which the filter's
     * USER_NOTIF calls arrive. We hand it to the supervisor, our parent,
     * and keep no copy: if we could read our own notifications we could
     * answer them ourselves. */
    listener = install_filter(filter, FILTER_LEN(filter),
                              SECCOMP_FILTER_FLAG_NEW_LISTENER);
    if (listener == -1)
        err_exit_child("seccomp SECCOMP_FILTER_FLAG_NEW_LISTENER");
    if (send_fd(sock, listener) == -1)
        err_exit_child("sendmsg");
    close(listener);
    close(sock);
    execvp(cmd[0], cmd);
    exec_failed(cmd[0]);
}

/* Copy the string at ADDR in the target's memory into PATH. The read
 * may race with the target; the NOTIF_ID_VALID check after it says
 * whether the target is still waiting in this very call. */
static int
read_path(pid_t pid, unsigned long long addr, char *path, size_t size)
{
    char mem[64];
    ssize_t n;
    int fd;

    snprintf(mem, sizeof(mem), "/proc/%d/mem", (int)pid);
    fd = open(mem, O_RDONLY | O_CLOEXEC);
    if (fd == -1)
        return -1;
    n = pread(fd, path, size - 1, (off_t)addr);
    close(fd);
    if (n <= 0)
        return -1;
    path[n] = '\0'; /* the string ends at its NUL, or here */
    return 0;
}

/* Decide on one notification: fill RESP, the answer to send, or open
 * the file to send as the call's result and return it in *FD (else -1).
 * Return what to report, or NULL. */
static const char *
decide(int listener, struct seccomp_notif *req, struct seccomp_notif_resp *resp,
       int *fd)
{
    static char path[PATH_MAX], note[PATH_MAX + 16];
    int is_openat = req->data.nr == SYS_openat;
    unsigned long long addr = req->data.args[is_openat ? 1 : 0];
    int flags = (int)req->data.args[is_openat ? 2 : 1];
    int i;

    *fd = -1;
    resp->id = req->id; /* which notification this answers */
    /* CONTINUE: the kernel runs the call as the target made it. */
    resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
    if (read_path(req->pid, addr, path, sizeof(path)) == -1)
        return NULL; /* not readable: let the kernel fail it (EFAULT) */
    /* TOCTOU: was the memory we read still that of the waiting call? */
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req->id) == -1)
        return NULL;

    for (i = 0; i < nrules && strcmp(rules[i].path, path) != 0; i++)
        ;
    if (i == nrules) {
        snprintf(note, sizeof(note), "%s: CONTINUE", path);
        return verbose ? note : NULL;
    }
    resp->flags = 0;
    snprintf(note, sizeof(note), "%s: %s%s", path,
             rules[i].file ? "FILE " : "EACCES",
             rules[i].file ? rules[i].file : "");
    if (rules[i].file == NULL) {
        resp->error = -EACCES;
        return note;
    }
    /* Open FILE here, as the supervisor: its descriptor will be the
     * call's result, and the target's own open never runs. */
    *fd = open(rules[i].file, flags & ~(O_CREAT | O_TRUNC | O_EXCL));
    if (*fd == -1)
        resp->error = -errno;
    return note;
}

/* Answer REQ: with the descriptor FD put into the target (ADDFD), or
 * else with RESP. The target goes on as soon as this returns. */
static void
answer(int listener, struct seccomp_notif *req, struct seccomp_notif_resp *resp,
       int fd)
{
    int is_openat = req->data.nr == SYS_openat;
    int flags = (int)req->data.args[is_openat ? 2 : 1];
    struct seccomp_notif_addfd addfd = {0};

    if (fd != -1) {
        addfd.id = req->id;
        addfd.srcfd = fd;
        addfd.flags = SECCOMP_ADDFD_FLAG_SEND; /* add it and answer, at once */
        addfd.newfd_flags = flags & O_CLOEXEC;
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd) == 0) {
            close(fd);
            return;
        }
        resp->error = -errno;
        close(fd);
    }
    /* ENOENT: the target is gone, or its call was interrupted by a
     * signal; nothing waits for the answer any more. */
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, resp) == -1 &&
        errno != ENOENT)
        err_exit("ioctl SECCOMP_IOCTL_NOTIF_SEND");
}

/* Answer the target's notifications until no process uses the filter
 * any more. The command is our child PID: its wait status goes into
 * *STATUS as soon as it ends. Reaping it at once matters: the kernel may
 * count a zombie as a user of the filter until it is reaped (Linux 6.1
 * does), and then the POLLHUP we wait for would never come. */
static void
supervise(int listener, pid_t pid, int *status)
{
    struct seccomp_notif_sizes sizes;
    struct seccomp_notif *req;
    struct seccomp_notif_resp *resp;
    struct pollfd pfd[2] = {{.fd = listener, .events = POLLIN},
                            {.fd = sys_pidfd_open(pid, 0), .events = POLLIN}};
    const char *note;
    int fd;

    /* The structures may grow: allocate what this kernel says. */
    if (sys_seccomp(SECCOMP_GET_NOTIF_SIZES, 0, &sizes) == -1)
        err_exit("seccomp SECCOMP_GET_NOTIF_SIZES");
    req = malloc(sizes.seccomp_notif);
    resp = malloc(sizes.seccomp_notif_resp);
    if (req == NULL || resp == NULL)
        err_exit("malloc");

    if (pfd[1].fd == -1)
        err_exit("pidfd_open %d", (int)pid);
    /* POLLHUP: every process using the filter has gone. */
    while (poll(pfd, 2, -1) != -1 && !(pfd[0].revents & POLLHUP)) {
        if (pfd[1].revents & POLLIN) { /* the command ended: reap it */
            if (waitpid(pid, status, 0) == -1)
                err_exit("waitpid");
            close(pfd[1].fd);
            pfd[1].fd = -1; /* poll() ignores it from now on */
        }
        if (!(pfd[0].revents & POLLIN))
            continue;
        memset(req, 0, sizes.seccomp_notif); /* the kernel insists */
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, req) == -1) {
            if (errno == EINTR || errno == ENOENT)
                continue; /* the target was interrupted or died */
            err_exit("ioctl SECCOMP_IOCTL_NOTIF_RECV");
        }
        memset(resp, 0, sizes.seccomp_notif_resp);
        note = decide(listener, req, resp, &fd);
        /* Report before answering: until the answer the target waits, so
         * the report comes before anything the call lets it print. */
        if (note != NULL)
            err_note("supervisor: %s %s",
                     req->data.nr == SYS_openat ? "openat" : "open", note);
        answer(listener, req, resp, fd);
    }
    free(req);
    free(resp);
}

int
main(int argc, char *argv[])
{
    int opt, status, listener, sv[2];
    char *eq;
    pid_t pid;

    while ((opt = get_option(argc, argv, "+d:r:vh")) != -1) {
        switch (opt) {
        case 'd':
        case 'r':
            if (nrules == MAX_RULES)
                usage_err("at most %d rules", MAX_RULES);
            rules[nrules].path = optarg;
            if (opt == 'r') {
                eq = strchr(optarg, '=');
                if (eq == NULL || eq == optarg || eq[1] == '\0')
                    usage_err("-r: '%s' is not PATH=FILE", optarg);
                *eq = '\0';
                rules[nrules].file = eq + 1;
            }
            nrules++;
            break;
        case 'v':
            verbose = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == -1)
        err_exit("socketpair");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0) {
        close(sv[0]);
        target(sv[1], &argv[optind]);
    }
    close(sv[1]);
    /* The listener, or nothing if the target failed before sending it. */
    if (recv_fd(sv[0], &listener) == -1)
        listener = -1;
    close(sv[0]);
    status = -1;
    if (listener != -1) /* otherwise the target has said why */
        supervise(listener, pid, &status);
    if (status == -1 && waitpid(pid, &status, 0) == -1)
        err_exit("waitpid");
    return child_exit_status(status);
}
