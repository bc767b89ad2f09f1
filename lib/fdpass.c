// SPDX-License-Identifier: MIT
/*
 * fdpass.c - hand an open descriptor to another process over a UNIX
 * socket: an SCM_RIGHTS control message rides along with one byte of
 * data (a control message cannot travel alone on a stream socket). The
 * receiver gets a new descriptor, in its own table, for the same open
 * file: the way a process gives another something that it may open and
 * the other may not (a seccomp listener, a mount made by root).
 *
 * See also: unix(7) SCM_RIGHTS, cmsg(3); TLPI 61.13.3.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "isolab.h"

int
send_fd(int sock, int fd)
{
    char byte = 0, buf[CMSG_SPACE(sizeof(int))] = {0};
    struct iovec iov = {.iov_base = &byte, .iov_len = 1};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
    struct cmsghdr *cmsg;

    if (fd != -1) { /* else the byte alone */
        msg.msg_control = buf;
        msg.msg_controllen = sizeof(buf);
        cmsg = CMSG_FIRSTHDR(&msg);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    }
    return sendmsg(sock, &msg, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

int
recv_fd(int sock, int *fd)
{
    char byte, buf[CMSG_SPACE(sizeof(int))];
    struct iovec iov = {.iov_base = &byte, .iov_len = 1};
    struct msghdr msg = {.msg_iov = &iov,
                         .msg_iovlen = 1,
                         .msg_control = buf,
                         .msg_controllen = sizeof(buf)};
    struct cmsghdr *cmsg;
    ssize_t n;

    *fd = -1;
    /* MSG_CMSG_CLOEXEC: the new descriptor is close-on-exec from the
     * start, so that no exec in between hands it on by accident. */
    n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
    if (n <= 0) {
        if (n == 0)
            errno = EPIPE; /* the other end closed without a word */
        return -1;
    }
    cmsg = CMSG_FIRSTHDR(&msg);
    if (cmsg != NULL && cmsg->cmsg_level == SOL_SOCKET &&
        cmsg->cmsg_type == SCM_RIGHTS)
        memcpy(fd, CMSG_DATA(cmsg), sizeof(int));
    return 0;
}
