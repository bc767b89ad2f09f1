/* SPDX-License-Identifier: MIT */
/*
 * compat.h - kernel and C library differences, kept in one place
 *
 * A demo uses the names the man pages use. Where an older C library or set
 * of kernel headers lacks a constant, it is defined here with the kernel
 * version that added it; where glibc has no wrapper for a system call, a
 * raw wrapper named sys_<call>() is here. Demos never redefine these.
 *
 * This header is self-contained: it includes what its own definitions need.
 */
#ifndef ISOLAB_COMPAT_H
#define ISOLAB_COMPAT_H

#include <fcntl.h>       /* O_CLOEXEC */
#include <linux/audit.h> /* AUDIT_ARCH_* */
#include <linux/sched.h> /* CLONE_* constants, struct clone_args */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h> /* SYS_* numbers */
#include <sys/types.h>
#include <unistd.h>

/* ---- namespaces (clone(2), unshare(2), setns(2)) ---- */
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000 /* Linux 4.6 */
#endif
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080 /* Linux 5.6; clone3() or unshare() only */
#endif
#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000 /* Linux 5.2 */
#endif
#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL /* Linux 5.7, clone3() only */
#endif

/* ioctl_ns(2) requests on a /proc/PID/ns/ file */
#ifndef NS_GET_USERNS
#define NS_GET_USERNS 0xb701 /* Linux 4.9 */
#define NS_GET_PARENT 0xb702 /* Linux 4.9 */
#endif
#ifndef NS_GET_NSTYPE
#define NS_GET_NSTYPE    0xb703 /* Linux 4.11 */
#define NS_GET_OWNER_UID 0xb704 /* Linux 4.11 */
#endif

/* ---- prctl(2) ---- */
#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT           47 /* Linux 4.3 */
#define PR_CAP_AMBIENT_IS_SET    1
#define PR_CAP_AMBIENT_RAISE     2
#define PR_CAP_AMBIENT_LOWER     3
#define PR_CAP_AMBIENT_CLEAR_ALL 4
#endif

/* ---- waitid(2) on a pidfd ---- */
#ifndef P_PIDFD
#define P_PIDFD 3 /* Linux 5.4 */
#endif

/* ---- seccomp(2): the architecture a filter must check first, and its
 * name (for seccomp/bpf_dump) ---- */
#if defined(__x86_64__) && defined(__ILP32__)
#define NATIVE_AUDIT_ARCH      AUDIT_ARCH_X86_64 /* x32 shares the x86_64 arch */
#define NATIVE_AUDIT_ARCH_NAME "AUDIT_ARCH_X86_64"
#elif defined(__x86_64__)
#define NATIVE_AUDIT_ARCH      AUDIT_ARCH_X86_64
#define NATIVE_AUDIT_ARCH_NAME "AUDIT_ARCH_X86_64"
#elif defined(__i386__)
#define NATIVE_AUDIT_ARCH      AUDIT_ARCH_I386
#define NATIVE_AUDIT_ARCH_NAME "AUDIT_ARCH_I386"
#elif defined(__aarch64__)
#define NATIVE_AUDIT_ARCH      AUDIT_ARCH_AARCH64
#define NATIVE_AUDIT_ARCH_NAME "AUDIT_ARCH_AARCH64"
#elif defined(__arm__)
#define NATIVE_AUDIT_ARCH      AUDIT_ARCH_ARM
#define NATIVE_AUDIT_ARCH_NAME "AUDIT_ARCH_ARM"
#elif defined(__riscv) && __riscv_xlen == 64
#define NATIVE_AUDIT_ARCH      AUDIT_ARCH_RISCV64
#define NATIVE_AUDIT_ARCH_NAME "AUDIT_ARCH_RISCV64"
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NATIVE_AUDIT_ARCH      AUDIT_ARCH_PPC64LE
#define NATIVE_AUDIT_ARCH_NAME "AUDIT_ARCH_PPC64LE"
#elif defined(__s390x__)
#define NATIVE_AUDIT_ARCH      AUDIT_ARCH_S390X
#define NATIVE_AUDIT_ARCH_NAME "AUDIT_ARCH_S390X"
#else
#error "isolab: add this architecture's AUDIT_ARCH_* to lib/compat.h"
#endif

/* On x86_64, x32 system calls carry the x86_64 arch with this bit set in
 * the number: a filter that checks only the arch must also refuse these. */
#ifndef X32_SYSCALL_BIT
#define X32_SYSCALL_BIT 0x40000000
#endif

/* ---- raw system call wrappers (no glibc wrapper, or only a recent one) ----
 * Each returns what the system call returns: -1 with errno set on error. */

static inline int
sys_pidfd_open(pid_t pid, unsigned int flags) /* Linux 5.3 */
{
    return syscall(SYS_pidfd_open, pid, flags);
}

static inline int
sys_pidfd_send_signal(int pidfd, int sig, siginfo_t *info,
                      unsigned int flags) /* Linux 5.1 */
{
    return syscall(SYS_pidfd_send_signal, pidfd, sig, info, flags);
}

static inline int
sys_pidfd_getfd(int pidfd, int targetfd, unsigned int flags) /* Linux 5.6 */
{
    return syscall(SYS_pidfd_getfd, pidfd, targetfd, flags);
}

static inline long
sys_clone3(struct clone_args *args, size_t size) /* Linux 5.3 */
{
    return syscall(SYS_clone3, args, size);
}

static inline int
sys_pivot_root(const char *new_root, const char *put_old)
{
    return syscall(SYS_pivot_root, new_root, put_old);
}

static inline int
sys_seccomp(unsigned int op, unsigned int flags, void *args) /* Linux 3.17 */
{
    return syscall(SYS_seccomp, op, flags, args);
}

/* The new mount API (mount(2)'s successor): fsopen(2), fsconfig(2),
 * fsmount(2), open_tree(2), move_mount(2), mount_setattr(2). Include
 * <sys/mount.h> before this header: from glibc 2.36 on it has these names
 * itself. */
#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE   1 /* Linux 5.2: a detached copy */
#define OPEN_TREE_CLOEXEC O_CLOEXEC
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_EMPTY_PATH 0x00000004 /* Linux 5.2: from a descriptor */
#define MOVE_MOUNT_T_EMPTY_PATH 0x00000040 /* ...onto a descriptor */
#endif
#ifndef MOUNT_ATTR_IDMAP
#define MOUNT_ATTR_IDMAP 0x00100000 /* Linux 5.12 */
struct mount_attr {
    uint64_t attr_set, attr_clr, propagation, userns_fd;
};
#endif
#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442 /* the same number on every architecture */
#endif
#ifndef FSCONFIG_CMD_CREATE /* fsopen(2), fsconfig(2), fsmount(2): 5.2 */
#define FSOPEN_CLOEXEC      0x00000001
#define FSMOUNT_CLOEXEC     0x00000001
#define MOUNT_ATTR_RDONLY   0x00000001
#define FSCONFIG_SET_STRING 1
#define FSCONFIG_CMD_CREATE 6
#endif

static inline int
sys_mount_setattr(int dirfd, const char *path, unsigned int flags,
                  struct mount_attr *attr, size_t size) /* Linux 5.12 */
{
    return syscall(SYS_mount_setattr, dirfd, path, flags, attr, size);
}

static inline int
sys_fsopen(const char *fstype, unsigned int flags) /* Linux 5.2 */
{
    return syscall(SYS_fsopen, fstype, flags);
}

static inline int
sys_fsconfig(int fsfd, unsigned int cmd, const char *key, const char *value,
             int aux) /* Linux 5.2 */
{
    return syscall(SYS_fsconfig, fsfd, cmd, key, value, aux);
}

static inline int
sys_fsmount(int fsfd, unsigned int flags,
            unsigned int attr_flags) /* Linux 5.2 */
{
    return syscall(SYS_fsmount, fsfd, flags, attr_flags);
}

static inline int
sys_open_tree(int dirfd, const char *path, unsigned int flags) /* 5.2 */
{
    return syscall(SYS_open_tree, dirfd, path, flags);
}

static inline int
sys_move_mount(int from_dirfd, const char *from_path, int to_dirfd,
               const char *to_path, unsigned int flags) /* Linux 5.2 */
{
    return syscall(SYS_move_mount, from_dirfd, from_path, to_dirfd, to_path,
                   flags);
}

#endif
