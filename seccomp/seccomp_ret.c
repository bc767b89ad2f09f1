// SPDX-License-Identifier: MIT
/*
 * seccomp_ret - what each filter return value does, and which one wins
 *
 * Demonstrates: the actions a filter can return, applied to one harmless
 * call, getppid(). Each ACTION on the command line installs one filter
 * that returns it for getppid and allows everything else; then the
 * program calls getppid and reports what happened. With several filters
 * the kernel runs them all and takes the action of highest precedence:
 *
 *     kill_process > kill_thread > trap > errno > user_notif > trace
 *     > log > allow
 *
 * and, between two equal actions, the data of the filter installed last.
 *
 * -a asks the kernel which of the actions it knows, with
 * SECCOMP_GET_ACTION_AVAIL (Linux 4.14): a runtime asks before it loads
 * a filter that returns a newer one (log came in 4.14, kill_process in
 * 4.14, user_notif in 5.0), since a kernel treats an action it does not
 * know as kill_process.
 *
 * Usage: seccomp_ret [-t] ACTION...
 *        seccomp_ret -a
 *   ACTION is kill_process, kill_thread, trap[:DATA], errno[:ERRNO],
 *   user_notif, trace[:DATA], log or allow
 *   -t  make the call from a second thread (for kill_thread)
 *   -a  list the actions this kernel knows
 *
 * Try:
 *     $ ./seccomp_ret errno:EACCES
 *     getppid: Permission denied (EACCES)
 *     $ ./seccomp_ret allow errno:1 log errno:13
 *     getppid: Permission denied (EACCES)
 *     $ ./seccomp_ret trap:7 errno
 *     handler: SIGSYS syscall 110 arch 0xc000003e data 7 address 0x...
 *     getppid: trapped
 *     $ ./seccomp_ret kill_thread; echo $?          # the only thread
 *     Bad system call...
 *     159
 *     $ ./seccomp_ret -t kill_thread                # only that thread dies
 *     main: the other thread is gone, this one goes on
 *     $ ./seccomp_ret trace; ./seccomp_ret user_notif; ./seccomp_ret log
 *     getppid: Function not implemented (ENOSYS)
 *     getppid: Function not implemented (ENOSYS)
 *     getppid: 4242
 *     $ ./seccomp_ret -a
 *     kill_process: available
 *     ...
 *     allow: available
 *   Observe: errno beats log and allow whatever the order; two errnos,
 *   the last one installed. trace and user_notif with nobody to answer
 *   give ENOSYS (demo_trace and seccomp_notify answer them). log allows
 *   the call and writes an audit record (see the README). kill_* are
 *   meant to end this demo: 159 is 128 + SIGSYS.
 *
 * Needs: nothing (no_new_privs is set first).
 *
 * See also: seccomp(2) (Filter return values), seccomp_unotify(2), ptrace(2)
 * PTRACE_O_TRACESECCOMP; TLPI has no seccomp filters (Linux 3.5, after it);
 * course chapter 20.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h> /* SYS_getppid */
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: seccomp_ret [-t] ACTION...\n"
    "       seccomp_ret -a\n"
    "  ACTION is kill_process, kill_thread, trap[:DATA], errno[:ERRNO],\n"
    "  user_notif, trace[:DATA], log or allow\n"
    "  -t  make the call from a second thread (for kill_thread)\n"
    "  -a  list the actions this kernel knows\n";

static const struct {
    const char *name;
    unsigned int action;
    int has_data;
} actions[] = {
    {"kill_process", SECCOMP_RET_KILL_PROCESS, 0},
    {"kill_thread", SECCOMP_RET_KILL_THREAD, 0},
    {"trap", SECCOMP_RET_TRAP, 1},
    {"errno", SECCOMP_RET_ERRNO, 1},
    {"user_notif", SECCOMP_RET_USER_NOTIF, 0},
    {"trace", SECCOMP_RET_TRACE, 1},
    {"log", SECCOMP_RET_LOG, 0},
    {"allow", SECCOMP_RET_ALLOW, 0},
};

/* "errno:EACCES" -> SECCOMP_RET_ERRNO | 13; errno alone means EPERM. */
static unsigned int
parse_action(const char *arg)
{
    const char *colon = strchr(arg, ':');
    size_t len = colon != NULL ? (size_t)(colon - arg) : strlen(arg);
    size_t i;

    for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
        if (strlen(actions[i].name) != len ||
            strncmp(arg, actions[i].name, len) != 0)
            continue;
        if (colon != NULL && !actions[i].has_data)
            usage_err("%s: this action takes no data", arg);
        if (actions[i].action == SECCOMP_RET_ERRNO)
            return actions[i].action |
                   (colon != NULL ? parse_errno(colon + 1, arg) : EPERM);
        return actions[i].action |
               (colon != NULL ? parse_ll(colon + 1, 0, 0, 0xffff, arg) : 0);
    }
    usage_err("'%s' is not an action", arg);
}

/* -a: ask the kernel about each action. The call takes the action's
 * value (without data) and answers 0 if the kernel knows it, EOPNOTSUPP
 * if not; EINVAL for the question itself on a kernel before 4.14. */
static void
list_actions(void)
{
    size_t i;

    for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
        uint32_t action = actions[i].action;

        if (sys_seccomp(SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0)
            printf("%s: available\n", actions[i].name);
        else if (errno == EOPNOTSUPP)
            printf("%s: not on this kernel\n", actions[i].name);
        else if (errno == EINVAL && i == 0)
            lacks("SECCOMP_GET_ACTION_AVAIL: Linux 4.14 and later");
        else
            err_exit("seccomp SECCOMP_GET_ACTION_AVAIL %s", actions[i].name);
    }
}

/* What the SIGSYS handler saw; main() prints it (printf is not safe in a
 * handler). */
static volatile sig_atomic_t trapped;
static siginfo_t trap_info;

static void
on_sigsys(int sig, siginfo_t *si, void *ucontext)
{
    (void)sig;
    (void)ucontext;
    trap_info = *si;
    trapped = 1;
}

static void *
call_getppid(void *arg)
{
    long ret;

    (void)arg;
    trapped = 0;
    ret = syscall(SYS_getppid);
    if (trapped)
        printf("handler: SIGSYS syscall %d arch %#x data %d address %p\n"
               "getppid: trapped\n",
               trap_info.si_syscall, trap_info.si_arch, trap_info.si_errno,
               trap_info.si_call_addr);
    else if (ret == -1)
        printf("getppid: %s (%s)\n", strerror(errno), errno_name(errno));
    else
        printf("getppid: %ld\n", ret);
    fflush(stdout);
    return NULL;
}

int
main(int argc, char *argv[])
{
    struct sigaction sa = {.sa_sigaction = on_sigsys, .sa_flags = SA_SIGINFO};
    int opt, i, threaded = 0, list = 0;
    pthread_t thread;

    while ((opt = get_option(argc, argv, "tah")) != -1) {
        switch (opt) {
        case 't':
            threaded = 1;
            break;
        case 'a':
            list = 1;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (list) {
        if (optind != argc || threaded)
            usage(EXIT_USAGE, usage_text);
        list_actions();
        return EXIT_SUCCESS;
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);
    for (i = optind; i < argc; i++) /* all or nothing: parse first */
        parse_action(argv[i]);

    if (sigaction(SIGSYS, &sa, NULL) == -1)
        err_exit("sigaction");
    for (i = optind; i < argc; i++) {
        struct sock_filter filter[] = {
            BPF_CHECK_ARCH,
            BPF_LOAD_NR,
            BPF_ON_NR(SYS_getppid, parse_action(argv[i])),
            BPF_RETURN(SECCOMP_RET_ALLOW),
        };

        /* A filter with user_notif needs a listener to be useful; without
         * one the call fails with ENOSYS, which is what we show here. */
        if (install_filter(filter, FILTER_LEN(filter), 0) == -1)
            err_exit("seccomp %s", argv[i]);
    }

    if (!threaded) {
        call_getppid(NULL);
        return EXIT_SUCCESS;
    }
    /* A new thread inherits the filters of the thread that creates it.
     * (The pthread functions return the error number, and leave errno.) */
    int rc = pthread_create(&thread, NULL, call_getppid, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_create");
    rc = pthread_join(thread, NULL);
    if (rc != 0)
        err_exit_en(rc, "pthread_join");
    printf("main: the other thread is gone, this one goes on\n");
    return EXIT_SUCCESS;
}
