// SPDX-License-Identifier: MIT
/*
 * demo_trace - SECCOMP_RET_TRACE hands a call to a ptrace tracer
 *
 * Demonstrates: a filter that returns SECCOMP_RET_TRACE for getppid().
 * The parent traces the child with PTRACE_O_TRACESECCOMP, so it stops at
 * each such call (a PTRACE_EVENT_SECCOMP stop) and reads what the filter
 * saw with PTRACE_GET_SYSCALL_INFO: the number, the arguments and the
 * filter's 16 bits of data. Only the calls the filter picks stop the
 * child, which is why this is much cheaper than stopping at every call
 * (strace --seccomp-bpf uses it). With -n nobody traces the child and the
 * kernel fails the call with ENOSYS.
 *
 * Usage: demo_trace [-n]
 *   -n  no tracer: see what RET_TRACE does without one
 *
 * Try:
 *     $ ./demo_trace
 *     tracer: seccomp stop: syscall 110, data 42, ip 0x7f...
 *     child: getppid: 4242
 *     tracer: child exited with status 0
 *     $ ./demo_trace -n
 *     child: getppid: Function not implemented (ENOSYS)
 *   Observe: one stop for getppid and none for the child's other calls
 *   (write, exit_group). The tracer could change the call's number or
 *   result in the child's registers; this one only looks.
 *
 * Needs: ptrace of one's own child (allowed unless Yama's ptrace_scope
 * is 3); Linux 5.3 for PTRACE_GET_SYSCALL_INFO.
 *
 * See also: seccomp(2) SECCOMP_RET_TRACE, ptrace(2) PTRACE_O_TRACESECCOMP and
 * PTRACE_GET_SYSCALL_INFO; TLPI has no seccomp filters (Linux 3.5, after it);
 * course chapter 20.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>  /* struct __ptrace_syscall_info (glibc 2.31) */
#include <sys/syscall.h> /* SYS_getppid */
#include <sys/wait.h>
#include <unistd.h>

#include "bpf_filter.h"
#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_trace [-n]\n"
    "  -n  no tracer: see what RET_TRACE does without one\n";

#define TRACE_DATA 42 /* the filter's data, read by the tracer */

static void
child(int traced)
{
    struct sock_filter filter[] = {
        BPF_CHECK_ARCH,
        BPF_LOAD_NR,
        BPF_ON_NR(SYS_getppid, SECCOMP_RET_TRACE | TRACE_DATA),
        BPF_RETURN(SECCOMP_RET_ALLOW),
    };
    long ret;

    /* Become traced and stop, so the parent can set its options before
     * the filter is installed. */
    if (traced) {
        if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) == -1)
            err_exit_child("ptrace PTRACE_TRACEME");
        if (raise(SIGSTOP) != 0)
            err_exit_child("raise");
    }
    if (install_filter(filter, FILTER_LEN(filter), 0) == -1)
        err_exit_child("seccomp");
    ret = syscall(SYS_getppid);
    if (ret == -1)
        printf("child: getppid: %s (%s)\n", strerror(errno), errno_name(errno));
    else
        printf("child: getppid: %ld\n", ret);
    exit(EXIT_SUCCESS);
}

/* Report one PTRACE_EVENT_SECCOMP stop. */
static void
report_stop(pid_t pid)
{
    struct __ptrace_syscall_info info;

    if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info) == -1)
        err_exit("ptrace PTRACE_GET_SYSCALL_INFO");
    if (info.op != PTRACE_SYSCALL_INFO_SECCOMP)
        return;
    printf("tracer: seccomp stop: syscall %llu, data %u, ip %#llx\n",
           (unsigned long long)info.seccomp.nr, info.seccomp.ret_data,
           (unsigned long long)info.instruction_pointer);
    fflush(stdout);
}

int
main(int argc, char *argv[])
{
    int opt, status, traced = 1, sig;
    pid_t pid;

    while ((opt = get_option(argc, argv, "nh")) != -1) {
        switch (opt) {
        case 'n':
            traced = 0;
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    fflush(stdout);
    pid = fork();
    if (pid == -1)
        err_exit("fork");
    if (pid == 0)
        child(traced);

    if (traced) {
        /* The child's SIGSTOP: now ask for seccomp stops, and kill the
         * child if the tracer dies. */
        if (waitpid(pid, &status, 0) == -1)
            err_exit("waitpid");
        if (!WIFSTOPPED(status))
            fatal("the child did not stop");
        if (ptrace(PTRACE_SETOPTIONS, pid, NULL,
                   PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL) == -1)
            err_exit("ptrace PTRACE_SETOPTIONS");
        sig = 0;
        for (;;) {
            if (ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig) == -1)
                err_exit("ptrace PTRACE_CONT");
            if (waitpid(pid, &status, 0) == -1)
                err_exit("waitpid");
            if (!WIFSTOPPED(status))
                break;
            sig = 0;
            if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_SECCOMP << 8)))
                report_stop(pid);
            else
                sig = WSTOPSIG(status); /* a real signal: pass it on */
        }
    } else if (waitpid(pid, &status, 0) == -1) {
        err_exit("waitpid");
    }
    if (traced)
        printf("tracer: child exited with status %d\n",
               child_exit_status(status));
    return child_exit_status(status);
}
