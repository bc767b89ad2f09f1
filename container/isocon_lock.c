// SPDX-License-Identifier: MIT
/*
 * isocon_lock.c - isocon's last layer: what the container may still do
 *
 * Root in the container's user namespace holds every capability there.
 * Before any command runs, lock_down() takes away what a container has
 * no business with: the bounding set keeps only the capabilities a
 * mainstream runtime keeps, no_new_privs stops set-UID and file
 * capabilities from granting more, and a seccomp filter refuses the
 * system calls that attack the kernel or leave the namespaces.
 *
 * See also: capabilities(7), seccomp(2), seccomp_rule_add(3); TLPI
 * 39.5.1 (the bounding set); TLPI has no no_new_privs or seccomp filters
 * (Linux 3.5, after it); the caps and seccomp chapters.
 */
#define _GNU_SOURCE /* CLONE_NEW*, syscall() */
#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/capability.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <termios.h> /* TIOCSTI */
#include <unistd.h>

#include "isocon.h"

/* Docker's default capabilities: everything else leaves the bounding
 * set, so no execve() in the container can ever regain it. */
static const cap_value_t kept_caps[] = {
    CAP_CHOWN,   CAP_DAC_OVERRIDE, CAP_FSETID,           CAP_FOWNER,
    CAP_MKNOD,   CAP_NET_RAW,      CAP_SETGID,           CAP_SETUID,
    CAP_SETFCAP, CAP_SETPCAP,      CAP_NET_BIND_SERVICE, CAP_SYS_CHROOT,
    CAP_KILL,    CAP_AUDIT_WRITE,
};
const size_t kept_caps_count = sizeof(kept_caps) / sizeof(kept_caps[0]);

/* Cut the bounding set to the kept capabilities. The bounding set is
 * the ceiling for every later execve(): what is dropped here no program
 * in the container can ever gain, set-UID root or file capability
 * alike. We hold CAP_SETPCAP (root of our user namespace) to drop. */
static void
drop_bounding(void)
{
    cap_value_t cap;
    size_t i;

    for (cap = 0; cap < (cap_value_t)cap_max_bits(); cap++) {
        for (i = 0; i < kept_caps_count; i++)
            if (kept_caps[i] == cap)
                break;
        if (i == kept_caps_count && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == -1)
            err_exit_child("prctl PR_CAPBSET_DROP %d", cap);
    }
}

/* The calls a container has no business making: EPERM (clone3 ENOSYS,
 * so that the C library falls back to clone, whose flags we can see). */
static const char *const denied[] = {
    "unshare",
    "setns",
    "mount",
    "umount2",
    "pivot_root",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsmount",
    "fspick",
    "mount_setattr",
    "keyctl",
    "add_key",
    "request_key",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "open_by_handle_at",
    "name_to_handle_at",
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "reboot",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "syslog",
    "vhangup",
    "iopl",
    "ioperm",
    "personality",
    "lookup_dcookie",
    "fanotify_init",
    "modify_ldt", /* x86's local descriptor tables: old, rarely used */
};

/* Add the rule "call NR fails with ERR", for every call (NARGS 0) or
 * only when the argument comparison CMP holds (NARGS 1). */
static void
deny(scmp_filter_ctx ctx, int nr, int err, unsigned int nargs,
     struct scmp_arg_cmp cmp)
{
    int rc = nargs ? seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 1, cmp)
                   : seccomp_rule_add(ctx, SCMP_ACT_ERRNO(err), nr, 0);

    if (rc != 0 && rc != -EDOM) { /* EDOM: not on this architecture */
        errno = -rc;              /* libseccomp returns -errno */
        err_exit_child("seccomp_rule_add %d", nr);
    }
}

static void
install_filter(void)
{
    const unsigned long ns = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC |
                             CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET |
                             CLONE_NEWCGROUP;
    struct scmp_arg_cmp none = {0};
    scmp_filter_ctx ctx;
    size_t i;
    int nr, bit, rc;

    /* (This runs in the container's first process, a child: errors end it
     * with err_exit_child(), which calls _exit(), never exit().) */
    ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (ctx == NULL) {
        errno = ENOMEM; /* its only way to fail */
        err_exit_child("seccomp_init");
    }
    for (i = 0; i < sizeof(denied) / sizeof(denied[0]); i++) {
        nr = seccomp_syscall_resolve_name(denied[i]);
        if (nr != __NR_SCMP_ERROR)
            deny(ctx, nr, EPERM, 0, none);
    }
    deny(ctx, SCMP_SYS(clone3), ENOSYS, 0, none);
    /* clone with any CLONE_NEW* flag: a filter compares numbers and
     * cannot ask "any of these bits", so one rule per bit, each "the
     * flags masked with this bit equal this bit". (clone3 passes its
     * flags in memory, which a filter cannot read: hence ENOSYS above.) */
    for (bit = 0; bit < 64; bit++)
        if (ns & (1UL << bit))
            deny(ctx, SCMP_SYS(clone), EPERM, 1,
                 SCMP_A0(SCMP_CMP_MASKED_EQ, 1UL << bit, 1UL << bit));
    /* Typing into a terminal (TIOCSTI), the console's own requests
     * (TIOCLINUX), and another line discipline (TIOCSETD: most of them
     * are kernel code that no container needs, and a source of CVEs).
     * The rest of a terminal's ioctls act on the container's own. */
    deny(ctx, SCMP_SYS(ioctl), EPERM, 1,
         SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffff, TIOCSTI));
    deny(ctx, SCMP_SYS(ioctl), EPERM, 1,
         SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffff, TIOCLINUX));
    deny(ctx, SCMP_SYS(ioctl), EPERM, 1,
         SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffff, TIOCSETD));
    rc = seccomp_load(ctx); /* sets no_new_privs too */
    if (rc != 0) {
        errno = -rc;
        err_exit_child("seccomp_load");
    }
    seccomp_release(ctx);
}

/* No capability left at all, in any set: for the init, which needs none. */
void
drop_all_caps(void)
{
    cap_t none = cap_init(); /* every flag clear */

    if (none == NULL || cap_set_proc(none) == -1)
        err_exit_child("drop every capability");
    cap_free(none);
}

/* What every process in the container gets before it runs a command. */
void
lock_down(int filter)
{
    /* The order matters: the bounding set first, while we still hold
     * CAP_SETPCAP; no_new_privs before the filter, which needs it; the
     * filter last: once loaded it binds us too, and nothing we do
     * after it may be a call it refuses. */
    drop_bounding();
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
        err_exit_child("prctl PR_SET_NO_NEW_PRIVS");
    if (filter)
        install_filter();
    /* Nothing of the host's descriptors beyond stdin, stdout, stderr. */
    if (syscall(SYS_close_range, 3, ~0U, 0) == -1)
        err_exit_child("close_range");
}
