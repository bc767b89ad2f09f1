/* SPDX-License-Identifier: MIT */
/*
 * bpf_filter.h - the pieces every hand-written seccomp filter is made of
 *
 * seccomp/seccomp_deny_open.c writes a filter out instruction by
 * instruction and explains each one; the other demos build theirs from
 * these macros, which expand to exactly those instructions:
 *
 *     struct sock_filter filter[] = {
 *         BPF_CHECK_ARCH,                   kill calls of a foreign ABI
 *         BPF_LOAD_NR,                      the call's number (x32 killed)
 *         BPF_ON_NR(SYS_getppid, SECCOMP_RET_ERRNO | EPERM),
 *         BPF_RETURN(SECCOMP_RET_ALLOW),    everything else
 *     };
 *
 * A filter sees struct seccomp_data (linux/seccomp.h): nr, arch,
 * instruction_pointer, args[6]. Its jumps count instructions to skip.
 */
#ifndef ISOLAB_BPF_FILTER_H
#define ISOLAB_BPF_FILTER_H

#include <fcntl.h>
#include <linux/filter.h>  /* struct sock_filter, BPF_STMT, BPF_JUMP */
#include <linux/seccomp.h> /* struct seccomp_data, SECCOMP_RET_* */
#include <stddef.h>        /* offsetof */
#include <stdint.h>        /* intmax_t */
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compat.h" /* NATIVE_AUDIT_ARCH, X32_SYSCALL_BIT, sys_seccomp */
#include "isolab.h" /* err_exit(), fatal() */

/* A call made through another ABI (on x86_64: int $0x80, the i386 ABI,
 * where the numbers mean other calls) is killed before its number is
 * even looked at. */
#define BPF_CHECK_ARCH                                                         \
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),   \
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_AUDIT_ARCH, 1, 0),          \
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS)

/* Load the call's number. On x86_64 the x32 ABI shares the arch value and
 * sets X32_SYSCALL_BIT in the number: kill those calls too. */
#ifdef __x86_64__
#define BPF_LOAD_NR                                                            \
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),     \
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1),            \
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS)
#else
#define BPF_LOAD_NR                                                            \
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr))
#endif

/* If the number loaded is NR, return ACTION; otherwise go on. */
#define BPF_ON_NR(nr, action)                                                  \
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1),                           \
        BPF_STMT(BPF_RET | BPF_K, (action))

/* The offset of the low 32 bits of argument N, to load with BPF_LD | BPF_W
 * | BPF_ABS: classic BPF loads 32 bits at a time. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ARG_LOW(n) offsetof(struct seccomp_data, args[n])
#else
#define ARG_LOW(n) (offsetof(struct seccomp_data, args[n]) + 4)
#endif

#define BPF_RETURN(action) BPF_STMT(BPF_RET | BPF_K, (action))

#define FILTER_LEN(filter) (sizeof(filter) / sizeof((filter)[0]))

/* Install FILTER (LEN instructions) for the calling thread with seccomp(2)
 * and FLAGS (SECCOMP_FILTER_FLAG_*). Sets no_new_privs first, as an
 * unprivileged process must. Returns what seccomp(2) returns: 0 (or a
 * listener's fd with SECCOMP_FILTER_FLAG_NEW_LISTENER), -1 with errno. */
static inline int
install_filter(struct sock_filter *filter, unsigned short len,
               unsigned int flags)
{
    struct sock_fprog prog = {.len = len, .filter = filter};

    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
        return -1;
    return sys_seccomp(SECCOMP_SET_MODE_FILTER, flags, &prog);
}

/* Read a filter from FILE into FILTER, which has room for BPF_MAXINSNS
 * instructions, and return how many it holds; exit with a message on
 * failure. The file holds the program as the kernel takes it, an array of
 * struct sock_filter (8 bytes each: code, jt, jf, k) in this machine's
 * byte order, as seccomp_export_bpf() writes it (lsc_rules -b). A size
 * that is no whole number of instructions is not a filter: refused here,
 * with its size, rather than handed to the kernel (which would say only
 * EINVAL). */
static inline size_t
read_filter_file(const char *file, struct sock_filter *filter)
{
    struct stat sb;
    ssize_t n;
    int fd = open(file, O_RDONLY);

    if (fd == -1)
        err_exit("open %s", file);
    if (fstat(fd, &sb) == -1)
        err_exit("fstat %s", file);
    if (sb.st_size == 0 || sb.st_size % sizeof(*filter) != 0 ||
        sb.st_size > (off_t)(BPF_MAXINSNS * sizeof(*filter)))
        fatal("%s: %jd bytes is not 1 to %d instructions of %zu bytes", file,
              (intmax_t)sb.st_size, BPF_MAXINSNS, sizeof(*filter));
    n = read(fd, filter, sb.st_size);
    if (n != sb.st_size)
        err_exit("read %s", file);
    close(fd);
    return (size_t)n / sizeof(*filter);
}

#endif
