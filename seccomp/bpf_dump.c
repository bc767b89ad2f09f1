// SPDX-License-Identifier: MIT
/*
 * bpf_dump - a seccomp filter, instruction by instruction
 *
 * Demonstrates: the classic BPF machine that runs a seccomp filter. It has
 * an accumulator A, an index register X and sixteen words of scratch
 * memory M[0..15]; it reads the struct seccomp_data of the call (nr,
 * arch, instruction_pointer, args[6]) and nothing else; its jumps go
 * forward only (so every filter ends, and in at most 4096 steps), and
 * every path ends in a return, whose value is the action. An instruction
 * is 8 bytes (code, jt, jf, k); the code's low three bits are its class:
 * ld, ldx, st, stx, alu, jmp, ret, misc. This prints each one, with the
 * field a load reads, the call a comparison with nr means, and the
 * action a return takes: from a file of raw BPF (lsc_rules -b writes one,
 * seccomp_exec loads one), or from a running process (root only).
 *
 * Usage: bpf_dump FILE
 *        bpf_dump -p PID [-i INDEX]
 *   -p PID    the filters of a running process (PTRACE_SECCOMP_GET_FILTER:
 *             root, and a kernel with CONFIG_CHECKPOINT_RESTORE)
 *   -i INDEX  which of its filters: 0 (the default) is the newest
 *
 * Try:
 *     $ ./lsc_rules -s inet6 -b /tmp/inet6.bpf
 *     $ ./bpf_dump /tmp/inet6.bpf
 *     0000: ld   [arch]
 *     0001: jeq  #..., 0002, ...   (AUDIT_ARCH_...)
 *     0002: ld   [nr]
 *     ...
 *     ...: jeq  #..., ..., ...   (socket)
 *     ...: ld   [args[0], high half]
 *     ...
 *     ...: ret  ALLOW
 *     ...: ret  ERRNO(97)   (EAFNOSUPPORT)
 *     ...
 *     $ rm /tmp/inet6.bpf
 *   Observe: libseccomp's filter checks the architecture first, then the
 *   call's number; only for socket does it load the first argument, the
 *   family, in two halves of 32 bits (the machine's words). Every jump
 *   goes forward; the returns name their actions.
 *
 * Needs: nothing for a file; root for -p.
 *
 * See also: seccomp(2), ptrace(2) PTRACE_SECCOMP_GET_FILTER, the kernel's
 * Documentation/networking/filter.rst (classic BPF) and
 * Documentation/userspace-api/seccomp_filter.rst; TLPI has no seccomp
 * filters (Linux 3.5, after it); course chapters 20 and 21.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>  /* struct sock_filter, BPF_* */
#include <linux/seccomp.h> /* SECCOMP_RET_* */
#include <seccomp.h>       /* seccomp_syscall_resolve_num_arch() */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bpf_filter.h" /* read_filter_file() */
#include "compat.h"     /* NATIVE_AUDIT_ARCH_NAME */
#include "isolab.h"

static const char usage_text[] =
    "Usage: bpf_dump FILE\n"
    "       bpf_dump -p PID [-i INDEX]\n"
    "  -p PID    the filters of a running process (root)\n"
    "  -i INDEX  which of its filters: 0 (the default) is the newest\n";

/* Where a load from the absolute offset K reads in struct seccomp_data. */
static void
field_name(unsigned k, char *buf, size_t size)
{
    if (k == 0)
        snprintf(buf, size, "nr");
    else if (k == 4)
        snprintf(buf, size, "arch");
    else if (k == 8 || k == 12)
        snprintf(buf, size, "ip%s", k == 12 ? ", high half" : "");
    else if (k >= 16 && k < 64 && k % 4 == 0)
        snprintf(buf, size, "args[%u]%s", (k - 16) / 8,
                 k % 8 == 4 ? ", high half" : ""); /* little-endian */
    else
        snprintf(buf, size, "%u", k);
}

/* A return's action, from the top 16 bits of K, and its data: the
 * errno for ERRNO, a value handed on for TRAP (in the signal) and TRACE
 * (to the tracer). */
static void
print_return(unsigned k)
{
    static const struct {
        unsigned action;
        const char *name;
    } actions[] = {
        {SECCOMP_RET_KILL_PROCESS, "KILL_PROCESS"},
        {SECCOMP_RET_KILL_THREAD, "KILL_THREAD"},
        {SECCOMP_RET_TRAP, "TRAP"},
        {SECCOMP_RET_ERRNO, "ERRNO"},
        {SECCOMP_RET_USER_NOTIF, "USER_NOTIF"},
        {SECCOMP_RET_TRACE, "TRACE"},
        {SECCOMP_RET_LOG, "LOG"},
        {SECCOMP_RET_ALLOW, "ALLOW"},
    };
    unsigned action = k & SECCOMP_RET_ACTION_FULL, data = k & SECCOMP_RET_DATA;
    size_t i;

    for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
        if (actions[i].action == action)
            break;
    if (i == sizeof(actions) / sizeof(actions[0]))
        printf("#0x%08x (an action this kernel may not know)\n", k);
    else if (action == SECCOMP_RET_ERRNO)
        printf("ERRNO(%u)   (%s)\n", data, errno_name((int)data));
    else if (action == SECCOMP_RET_TRAP || action == SECCOMP_RET_TRACE)
        printf("%s (data %u)\n", actions[i].name, data);
    else
        printf("%s\n", actions[i].name);
}

/* For each instruction of F (N of them), whether A holds the call's number
 * when it runs, on every path that reaches it: then a comparison of A with
 * a constant names a call. Jumps go forward only, so one pass in order
 * sees every way into an instruction before the instruction itself. */
static void
track_nr(const struct sock_filter *f, size_t n, bool *nr_in)
{
    static signed char seen[BPF_MAXINSNS]; /* -1: no way in yet */
    size_t i, to[2];
    int j, ways;
    bool out;

    memset(seen, -1, n);
    for (i = 0; i < n; i++) {
        nr_in[i] = i > 0 && seen[i] == 1;
        /* What A holds after it: a load sets it, arithmetic and txa
         * change it, anything else leaves it. */
        switch (BPF_CLASS(f[i].code)) {
        case BPF_LD:
            out = BPF_MODE(f[i].code) == BPF_ABS && f[i].k == 0;
            break;
        case BPF_ALU:
            out = false;
            break;
        case BPF_MISC:
            out = nr_in[i] && BPF_MISCOP(f[i].code) != BPF_TXA;
            break;
        default:
            out = nr_in[i];
        }
        /* Where it goes next: none after a return; one or two targets
         * for a jump; else the next instruction. */
        ways = 1;
        to[0] = i + 1;
        if (BPF_CLASS(f[i].code) == BPF_RET)
            ways = 0;
        else if (BPF_CLASS(f[i].code) == BPF_JMP && BPF_OP(f[i].code) == BPF_JA)
            to[0] = i + 1 + f[i].k;
        else if (BPF_CLASS(f[i].code) == BPF_JMP) {
            to[0] = i + 1 + f[i].jt;
            to[1] = i + 1 + f[i].jf;
            ways = 2;
        }
        for (j = 0; j < ways; j++)
            if (to[j] < n)
                seen[to[j]] = seen[to[j]] == -1 ? out : (seen[to[j]] && out);
    }
}

/* Print the program F of N instructions. */
static void
dump(const struct sock_filter *f, size_t n)
{
    static const char *alu[] = {"add", "sub", "mul", "div", "or", "and",
                                "lsh", "rsh", "neg", "mod", "xor"};
    static const char *jmp[] = {"ja", "jeq", "jgt", "jge", "jset"};
    static bool nr_in[BPF_MAXINSNS]; /* A holds the call's number */
    char name[32];
    size_t i;

    track_nr(f, n, nr_in);
    for (i = 0; i < n; i++) {
        unsigned code = f[i].code, k = f[i].k;
        const char *src = BPF_SRC(code) == BPF_X ? "x" : NULL;

        printf("%04zu: ", i);
        switch (BPF_CLASS(code)) {
        case BPF_LD:
            /* Only 32-bit loads make sense on seccomp_data. */
            if (BPF_MODE(code) == BPF_ABS) {
                field_name(k, name, sizeof(name));
                printf("ld   [%s]\n", name);
                continue;
            }
            if (BPF_MODE(code) == BPF_IMM)
                printf("ld   #%u\n", k);
            else if (BPF_MODE(code) == BPF_MEM)
                printf("ld   M[%u]\n", k);
            else if (BPF_MODE(code) == BPF_LEN)
                printf("ld   #len\n");
            else
                printf("ld   (mode 0x%02x)\n", BPF_MODE(code));
            continue;
        case BPF_LDX:
            printf(BPF_MODE(code) == BPF_MEM ? "ldx  M[%u]\n" : "ldx  #%u\n",
                   k);
            continue;
        case BPF_ST:
            printf("st   M[%u]\n", k);
            continue;
        case BPF_STX:
            printf("stx  M[%u]\n", k);
            continue;
        case BPF_ALU:
            if (BPF_OP(code) >> 4 < sizeof(alu) / sizeof(alu[0]))
                printf("%-4s ", alu[BPF_OP(code) >> 4]);
            else
                printf("alu?(0x%02x) ", BPF_OP(code));
            if (BPF_OP(code) == BPF_NEG)
                printf("\n");
            else if (src != NULL)
                printf("x\n");
            else
                printf("#0x%x\n", k);
            continue;
        case BPF_JMP:
            /* Targets count from the next instruction: forward only. */
            if (BPF_OP(code) == BPF_JA) {
                printf("ja   %04zu\n", i + 1 + k);
                continue;
            }
            printf("%-4s ", BPF_OP(code) >> 4 < sizeof(jmp) / sizeof(jmp[0])
                                ? jmp[BPF_OP(code) >> 4]
                                : "j?");
            if (src != NULL)
                printf("x");
            else
                printf(k > 0xffff ? "#0x%x" : "#%u", k);
            printf(", %04zu, %04zu", i + 1 + f[i].jt, i + 1 + f[i].jf);
            if (src == NULL && k == NATIVE_AUDIT_ARCH)
                printf("   (%s)", NATIVE_AUDIT_ARCH_NAME);
            else if (src == NULL && nr_in[i] && BPF_OP(code) == BPF_JEQ) {
                char *call =
                    seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, (int)k);

                if (call != NULL)
                    printf("   (%s)", call);
                free(call);
            }
            printf("\n");
            continue;
        case BPF_RET:
            printf("ret  ");
            if (BPF_RVAL(code) == BPF_A)
                printf("a\n");
            else
                print_return(k);
            continue;
        case BPF_MISC:
            printf(BPF_MISCOP(code) == BPF_TAX ? "tax\n" : "txa\n");
            continue;
        }
    }
}

/* Copy filter INDEX of process PID into F; its length. The kernel hands
 * a filter only to a tracer with CAP_SYS_ADMIN, of a stopped tracee. */
static size_t
read_process(pid_t pid, long index, struct sock_filter *f)
{
    long n;
    int status;

    /* (An ordinary user may trace its own processes, unless Yama's
     * ptrace_scope forbids it; the filter it would still not get.) */
    if (ptrace(PTRACE_SEIZE, pid, 0, 0) == -1)
        err_exit("ptrace seize %ld (dumping a filter needs root)", (long)pid);
    if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) == -1 ||
        waitpid(pid, &status, __WALL) == -1)
        err_exit("stop %ld", (long)pid);
    /* With a null buffer, the call says how long the filter is. */
    n = ptrace(PTRACE_SECCOMP_GET_FILTER, pid, index, NULL);
    if (n == -1 && errno == ENOENT)
        fatal("process %ld has no filter number %ld", (long)pid, index);
    if (n == -1 && errno == EACCES)
        fatal("PTRACE_SECCOMP_GET_FILTER: needs CAP_SYS_ADMIN (root), and "
              "no seccomp filter of our own");
    if (n == -1 && (errno == EINVAL || errno == EIO))
        lacks("PTRACE_SECCOMP_GET_FILTER: not in this kernel (it needs "
              "CONFIG_CHECKPOINT_RESTORE)");
    if (n == -1 || n > BPF_MAXINSNS ||
        ptrace(PTRACE_SECCOMP_GET_FILTER, pid, index, f) != n)
        err_exit("PTRACE_SECCOMP_GET_FILTER %ld", (long)pid);
    /* Detaching lets the process go on as before. */
    ptrace(PTRACE_DETACH, pid, 0, 0);
    return (size_t)n;
}

int
main(int argc, char *argv[])
{
    static struct sock_filter f[BPF_MAXINSNS];
    long pid = 0, index = 0;
    int opt;

    while ((opt = get_option(argc, argv, "p:i:h")) != -1) {
        switch (opt) {
        case 'p':
            pid = parse_ll(optarg, 10, 1, 4194304, "-p");
            break;
        case 'i':
            index = parse_ll(optarg, 10, 0, 1000000, "-i");
            break;
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (pid == 0 ? argc - optind != 1 : argc != optind)
        usage(EXIT_USAGE, usage_text);
    dump(f, pid == 0 ? read_filter_file(argv[optind], f)
                     : read_process((pid_t)pid, index, f));
    return 0;
}
