// SPDX-License-Identifier: MIT
/*
 * isocon_tty.c - the container's own session, and its own terminal
 *
 * A process that shares the caller's session and terminal can take that
 * terminal over: make its own process group the foreground one
 * (tcsetpgrp) and read what is typed next at the host's prompt, switch
 * echo off (stty -echo), change the line discipline (TIOCSETD), or type
 * into it (TIOCSTI). So the container's first process starts a session of
 * its own, with no controlling terminal: the host's terminal is not its
 * to control. And when isocon runs on a terminal, the container gets a
 * terminal of its own, a new pseudo-terminal, and isocon copies between
 * the two: what the container does to its terminal stays there. That is
 * what `docker run -t`, runc and crun do; bubblewrap's --new-session is
 * the first half.
 *
 * See also: credentials(7) (sessions), pty(7), termios(3), ioctl_tty(2);
 * TLPI chapters 34 and 64; the signals and processes chapters.
 */
#define _GNU_SOURCE /* posix_openpt(), ptsname_r() */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "isocon.h"

static struct termios saved; /* our terminal's modes, to restore */
static int raw_fd = -1;      /* the terminal we put in raw mode */
static volatile sig_atomic_t resized;

/* The first of standard input, output and error that is a terminal. */
static int
our_terminal(void)
{
    int fd;

    for (fd = 0; fd < 3; fd++)
        if (isatty(fd))
            return fd;
    return -1;
}

void
tty_make(int *master, int *slave)
{
    char name[64];
    struct winsize ws;
    int tty = our_terminal();

    *master = *slave = -1;
    if (tty == -1) /* no terminal of ours for the container to reach */
        return;
    /* The slave is opened here, by us, and handed down as a descriptor:
     * the container's root (UID 100000 when we are root) could not open
     * /dev/pts/N, which belongs to us. */
    *master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (*master == -1 || grantpt(*master) == -1 || unlockpt(*master) == -1 ||
        ptsname_r(*master, name, sizeof(name)) != 0)
        err_exit("a pseudo-terminal for the container");
    *slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (*slave == -1)
        err_exit("open %s", name);
    /* The container's terminal starts as big as ours. */
    if (ioctl(tty, TIOCGWINSZ, &ws) == 0)
        ioctl(*master, TIOCSWINSZ, &ws);
    say("terminal: a pseudo-terminal of its own, %s", name);
}

void
tty_enter(int slave)
{
    /* A new session: no controlling terminal, so none of the caller's. */
    if (setsid() == -1)
        err_exit_child("setsid");
    if (slave == -1)
        return;
    /* Ours instead: as a session leader without one, we may take the
     * new pseudo-terminal as our controlling terminal, and it becomes
     * standard input, output and error. */
    if (ioctl(slave, TIOCSCTTY, 0) == -1)
        err_exit_child("TIOCSCTTY");
    if (dup2(slave, 0) == -1 || dup2(slave, 1) == -1 || dup2(slave, 2) == -1)
        err_exit_child("dup2");
    if (slave > 2)
        close(slave);
}

/* Give our terminal its modes back: at exit (atexit()), and when the
 * relay ends. A shell left in raw mode echoes nothing and takes no
 * Enter: the user would have to type `reset` blind. */
static void
restore(void)
{
    if (raw_fd != -1)
        tcsetattr(raw_fd, TCSAFLUSH, &saved);
    raw_fd = -1;
}

/* SIGWINCH: our terminal was resized. Only noted here; the relay loop
 * passes the new size on, outside the handler. */
static void
on_winch(int sig)
{
    (void)sig;
    resized = 1;
}

/* Write all of BUF to FD; 0, or -1 once FD takes no more. */
static int
write_all(int fd, const char *buf, ssize_t n)
{
    ssize_t done;

    while (n > 0) {
        done = write(fd, buf, n);
        if (done == -1 && errno == EINTR)
            continue;
        if (done == -1)
            return -1;
        buf += done;
        n -= done;
    }
    return 0;
}

void
tty_relay(int master)
{
    struct sigaction sa = {.sa_handler = on_winch};
    struct pollfd p[2] = {{.fd = master, .events = POLLIN},
                          {.fd = STDIN_FILENO, .events = POLLIN}};
    struct termios raw;
    struct winsize ws;
    char buf[4096];
    ssize_t n;

    /* Keys go to the container's terminal as they are typed, Ctrl-C
     * included: its line discipline, not ours, makes signals of them. */
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0) {
        raw = saved;
        cfmakeraw(&raw);
        if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0) {
            raw_fd = STDIN_FILENO;
            atexit(restore);
        }
    }
    sigemptyset(&sa.sa_mask);
    sigaction(SIGWINCH, &sa, NULL);
    for (;;) {
        if (poll(p, 2, -1) == -1 && errno != EINTR)
            err_exit("poll");
        if (resized) { /* ours changed size: so does the container's */
            resized = 0;
            if (ioctl(our_terminal(), TIOCGWINSZ, &ws) == 0)
                ioctl(master, TIOCSWINSZ, &ws);
        }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            n = read(master, buf, sizeof(buf));
            /* EIO: every descriptor of the other side is closed, the
             * container has ended. */
            if (n == 0 || (n == -1 && errno != EINTR))
                break;
            if (n > 0 && write_all(STDOUT_FILENO, buf, n) == -1)
                break;
        }
        if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            n = read(STDIN_FILENO, buf, sizeof(buf));
            if (n > 0) {
                write_all(master, buf, n);
            } else if (n == 0 || errno != EINTR) {
                /* Our input ended: end the container's (Ctrl-D at the
                 * start of a line, in its canonical mode). */
                write_all(master, "\004", 1);
                p[1].fd = -1;
            }
        }
    }
    restore();
}
