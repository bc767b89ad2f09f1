// SPDX-License-Identifier: MIT
/*
 * demo_wait - what a parent learns when it waits for a child
 *
 * Demonstrates: the wait status that waitpid() fills in says how a child
 * changed state: it exited (with a status), was killed by a signal
 * (perhaps dumping core), was stopped, or was continued; the W* macros
 * decode it. waitid() reports the same in a siginfo_t (si_code and
 * si_status). A pidfd (pidfd_open(), Linux 5.3) refers to one process
 * without the risk of PID reuse, becomes readable when it ends, and so
 * lets a program wait for a child in poll() beside other descriptors.
 *
 * Usage: demo_wait [-i | -p] [-c] ACTION
 *   ACTION is what the child does: exit:N, kill:SIGNAL (sends it to
 *   itself), stop (stops itself; the parent continues it), or abort.
 *   -i  wait with waitid() instead of waitpid()
 *   -p  wait with poll() on a pidfd, then waitid(P_PIDFD); not for stop
 *   -c  let the child dump core (the child is made non-dumpable
 *       otherwise, so that no core file is left behind)
 *
 * Try:
 *     $ ./demo_wait exit:3
 *     child 4301: exited, status 3
 *     $ ./demo_wait kill:TERM
 *     child 4303: killed by SIGTERM
 *     $ ./demo_wait stop
 *     child 4305: stopped by SIGSTOP
 *     child 4305: continued
 *     child 4305: exited, status 0
 *     $ ./demo_wait -i exit:3
 *     child 4307: exited, status 3 (waitid: si_code CLD_EXITED, si_status 3)
 *     $ ulimit -c unlimited; ./demo_wait -c abort
 *     child 4309: killed by SIGABRT...
 *   Observe: one status word, four kinds of event. With -c and core
 *   dumps enabled the last line says "(core dumped)"; where the file
 *   goes is /proc/sys/kernel/core_pattern's business.
 *
 * Needs: nothing special; -p needs Linux 5.3 (5.4 for P_PIDFD).
 *
 * See also: wait(2), waitid(2), pidfd_open(2), poll(2), core(5);
 * TLPI 26.1.
 */
#define _GNU_SOURCE /* P_PIDFD in glibc's sys/wait.h */
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_wait [-i | -p] [-c] ACTION\n"
    "  ACTION: exit:N | kill:SIGNAL | stop | abort\n"
    "  -i  wait with waitid()   -p  wait with poll() on a pidfd\n"
    "  -c  let the child dump core\n";

/* The stop action's child reads this pipe after it is continued, and so
 * exits only once the parent has seen it continue: otherwise the exit
 * could come first and hide the "continued" event. */
static int resume[2];

static noreturn void
child(const char *action, bool core)
{
    char c;

    if (!core && prctl(PR_SET_DUMPABLE, 0) == -1)
        err_exit_child("prctl PR_SET_DUMPABLE");
    if (strncmp(action, "exit:", 5) == 0)
        _exit(atoi(action + 5));
    if (strncmp(action, "kill:", 5) == 0)
        raise(parse_signal(action + 5, "ACTION kill:"));
    if (strcmp(action, "stop") == 0) {
        raise(SIGSTOP); /* returns once the parent sends SIGCONT */
        close(resume[1]);
        if (read(resume[0], &c, 1) == -1) /* 0: end of file, go on */
            err_exit_child("read");
        _exit(EXIT_SUCCESS);
    }
    if (strcmp(action, "abort") == 0)
        abort();
    _exit(EXIT_SUCCESS); /* kill: with a signal that did not kill */
}

/* Decode a waitpid() status with the W* macros. */
static void
describe(pid_t pid, int status)
{
    char name[32];

    printf("child %ld: ", (long)pid);
    if (WIFEXITED(status))
        printf("exited, status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("killed by %s%s",
               signal_name(WTERMSIG(status), name, sizeof(name)),
               WCOREDUMP(status) ? " (core dumped)" : "");
    else if (WIFSTOPPED(status))
        printf("stopped by %s",
               signal_name(WSTOPSIG(status), name, sizeof(name)));
    else if (WIFCONTINUED(status))
        printf("continued");
}

static const char *
code_name(int code)
{
    switch (code) {
    case CLD_EXITED:
        return "CLD_EXITED";
    case CLD_KILLED:
        return "CLD_KILLED";
    case CLD_DUMPED:
        return "CLD_DUMPED";
    case CLD_STOPPED:
        return "CLD_STOPPED";
    case CLD_CONTINUED:
        return "CLD_CONTINUED";
    default:
        return "?";
    }
}

/* waitid() reports the same events in a siginfo_t, without a packed
 * status word: si_code says what happened (CLD_*), si_status holds the
 * exit status or the signal's number. */
static void
describe_siginfo(const siginfo_t *si)
{
    char name[32];

    printf("child %ld: ", (long)si->si_pid);
    switch (si->si_code) {
    case CLD_EXITED:
        printf("exited, status %d", si->si_status);
        break;
    case CLD_KILLED:
    case CLD_DUMPED:
        printf("killed by %s%s", signal_name(si->si_status, name, sizeof(name)),
               si->si_code == CLD_DUMPED ? " (core dumped)" : "");
        break;
    case CLD_STOPPED:
        printf("stopped by %s", signal_name(si->si_status, name, sizeof(name)));
        break;
    case CLD_CONTINUED:
        printf("continued");
        break;
    }
}

/* Wait with waitid() for any change of state of the child ID names. */
static void
wait_siginfo(idtype_t idtype, id_t id, siginfo_t *si)
{
    if (waitid(idtype, id, si, WEXITED | WSTOPPED | WCONTINUED) == -1)
        err_exit("waitid");
}

int
main(int argc, char *argv[])
{
    bool use_waitid = false, use_pidfd = false, core = false;
    int opt, status;
    siginfo_t si;
    pid_t pid;

    while ((opt = get_option(argc, argv, "ipch")) != -1) {
        switch (opt) {
        case 'i':
            use_waitid = true;
            break;
        case 'p':
            use_pidfd = true;
            break;
        case 'c':
            core = true;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1 || (use_waitid && use_pidfd))
        usage(EXIT_USAGE, usage_text);
    const char *action = argv[optind];
    if (strncmp(action, "exit:", 5) == 0)
        parse_ll(action + 5, 10, 0, 255, "ACTION exit:");
    else if (strncmp(action, "kill:", 5) == 0)
        parse_signal(action + 5, "ACTION kill:");
    else if (strcmp(action, "abort") != 0 && strcmp(action, "stop") != 0)
        usage_err("ACTION: '%s' is not exit:N, kill:SIGNAL, stop or abort",
                  action);
    if (use_pidfd && strcmp(action, "stop") == 0)
        usage_err("-p waits for the end of the child only: not for stop");

    if (pipe(resume) == -1)
        err_exit("pipe");
    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0)
        child(action, core);
    close(resume[0]);

    if (use_pidfd) {
        int pidfd = sys_pidfd_open(pid, 0);
        struct pollfd pfd = {.fd = pidfd, .events = POLLIN};

        if (pidfd == -1)
            err_exit("pidfd_open");
        if (poll(&pfd, 1, -1) == -1)
            err_exit("poll");
        printf("pidfd: readable, the child has ended\n");
        /* P_PIDFD: wait for the process the descriptor refers to. */
        wait_siginfo(P_PIDFD, (id_t)pidfd, &si);
        describe_siginfo(&si);
        printf("\n");
        return EXIT_SUCCESS;
    }

    /* Until the child has ended: report each change of state, and
     * continue a stopped child. WUNTRACED and WCONTINUED ask waitpid()
     * to report a stop and a continue too, not only the end. */
    for (;;) {
        bool stopped, continued, ended;

        if (use_waitid) {
            wait_siginfo(P_PID, (id_t)pid, &si);
            describe_siginfo(&si);
            printf(" (waitid: si_code %s, si_status %d)\n",
                   code_name(si.si_code), si.si_status);
            stopped = si.si_code == CLD_STOPPED;
            continued = si.si_code == CLD_CONTINUED;
        } else {
            if (waitpid(pid, &status, WUNTRACED | WCONTINUED) == -1)
                err_exit("waitpid");
            describe(pid, status);
            printf("\n");
            stopped = WIFSTOPPED(status);
            continued = WIFCONTINUED(status);
        }
        ended = !stopped && !continued;
        fflush(stdout);
        if (ended)
            break;
        if (stopped && kill(pid, SIGCONT) == -1)
            err_exit("kill SIGCONT");
        if (continued)
            close(resume[1]); /* let the child end */
    }
    return EXIT_SUCCESS;
}
