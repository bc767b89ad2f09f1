// SPDX-License-Identifier: MIT
/*
 * isocon_dev.c - the devices a rootful container may open: a cgroup
 * device policy behind nodev
 *
 * Every mount of the container is nodev, so a device node that the image
 * brings opens nothing. Behind that, as runc and crun do, the container's
 * cgroup itself allows only the devices bound into its /dev (null, zero,
 * random, urandom, tty) and the pseudo-terminals (the container's own
 * terminal, reopened through /proc/self/fd), for reading and writing,
 * and never mknod. Then not even a mount without nodev, or a process
 * that gained CAP_MKNOD, would open a disk.
 *
 * The two versions say it differently:
 *   v1  the devices controller: "a" (all) into devices.deny, then one
 *       line per device into devices.allow ("c 1:3 rw");
 *   v2  there are no such files: a small eBPF program of the type
 *       BPF_PROG_TYPE_CGROUP_DEVICE, attached to the cgroup, is asked
 *       at each open and mknod of a device node, and returns 1 (allow)
 *       or 0 (EPERM). It stays attached while the cgroup exists.
 * Both need root (v2: CAP_SYS_ADMIN or CAP_BPF, for bpf()): rootless
 * containers rely on the user namespace, where mknod is refused and
 * every mount is nodev whatever its flags.
 *
 * See also: bpf(2), Documentation/admin-guide/cgroup-v2.rst ("Device
 * controller"), cgroup-v1/devices.rst; TLPI 14.1 (device files, their
 * major and minor numbers); TLPI has no cgroups or BPF; course chapters
 * 24 and 26.
 */
#define _GNU_SOURCE /* syscall() */
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cgroup.h"
#include "isocon.h"

/* The allowed character devices: MAJOR:MINOR, MINOR -1 for any. */
static const struct {
    int major, minor;
    const char *what;
} allowed[] = {
    {1, 3, "null"},    {1, 5, "zero"}, {1, 8, "random"},
    {1, 9, "urandom"}, {5, 0, "tty"},  {136, -1, "pts/*"},
};
#define N_ALLOWED (sizeof(allowed) / sizeof(allowed[0]))

void
dev_policy_v1(const char *dir)
{
    char line[64];
    size_t i;

    /* Deny everything first: the new cgroup starts with its parent's
     * list, which on the host is usually "a *:* rwm". */
    if (cg_write(dir, "devices.deny", "a") == -1)
        err_exit("cgroup %s: write 'a' to devices.deny", dir);
    for (i = 0; i < N_ALLOWED; i++) {
        if (allowed[i].minor < 0)
            snprintf(line, sizeof(line), "c %d:* rw", allowed[i].major);
        else
            snprintf(line, sizeof(line), "c %d:%d rw", allowed[i].major,
                     allowed[i].minor);
        if (cg_write(dir, "devices.allow", "%s", line) == -1)
            err_exit("cgroup %s: write '%s' to devices.allow", dir, line);
    }
}

/* eBPF instructions, spelled out: the kit has no BPF compiler to lean
 * on, and the program is a dozen comparisons. Registers: R1 holds the
 * context (struct bpf_cgroup_dev_ctx: access_type, major, minor, each 32
 * bits), R0 the answer. */
#define INSN(c, d, s, o, i)                                                    \
    ((struct bpf_insn){                                                        \
        .code = (c), .dst_reg = (d), .src_reg = (s), .off = (o), .imm = (i)})
#define LOAD32(dst, off)   INSN(BPF_LDX | BPF_MEM | BPF_W, dst, BPF_REG_1, off, 0)
#define MOV32(dst, src)    INSN(BPF_ALU | BPF_MOV | BPF_X, dst, src, 0, 0)
#define AND32(dst, imm)    INSN(BPF_ALU | BPF_AND | BPF_K, dst, 0, 0, imm)
#define SHR32(dst, imm)    INSN(BPF_ALU | BPF_RSH | BPF_K, dst, 0, 0, imm)
#define JNE(dst, imm, to)  INSN(BPF_JMP | BPF_JNE | BPF_K, dst, 0, to, imm)
#define JSET(dst, imm, to) INSN(BPF_JMP | BPF_JSET | BPF_K, dst, 0, to, imm)
#define JA(to)             INSN(BPF_JMP | BPF_JA, 0, 0, to, 0)
#define RET(imm)           INSN(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, imm)
#define EXIT               INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)

/* Where a jump goes, before the program's length is known. */
enum { TO_DENY = -1000, TO_ALLOW = -2000 };

void
dev_policy_v2(const char *dir)
{
    struct bpf_insn prog[16 + 3 * N_ALLOWED];
    union bpf_attr attr;
    char log[4096] = "";
    int n = 0, deny, i, prog_fd, cg_fd;
    size_t a;

    /* R2 = access_type: the device type in the low 16 bits, the access
     * (mknod, read, write) in the high 16; R4, R5 = major, minor. */
    prog[n++] =
        LOAD32(BPF_REG_2, offsetof(struct bpf_cgroup_dev_ctx, access_type));
    prog[n++] = MOV32(BPF_REG_3, BPF_REG_2);
    prog[n++] = AND32(BPF_REG_3, 0xffff);
    prog[n++] = SHR32(BPF_REG_2, 16);
    prog[n++] = LOAD32(BPF_REG_4, offsetof(struct bpf_cgroup_dev_ctx, major));
    prog[n++] = LOAD32(BPF_REG_5, offsetof(struct bpf_cgroup_dev_ctx, minor));
    /* No block device at all, and no mknod of anything. */
    prog[n++] = JNE(BPF_REG_3, BPF_DEVCG_DEV_CHAR, TO_DENY);
    prog[n++] = JSET(BPF_REG_2, BPF_DEVCG_ACC_MKNOD, TO_DENY);
    /* One test per allowed device: a mismatch skips to the next. */
    for (a = 0; a < N_ALLOWED; a++) {
        int any_minor = allowed[a].minor < 0;

        prog[n++] = JNE(BPF_REG_4, allowed[a].major, any_minor ? 1 : 2);
        if (!any_minor)
            prog[n++] = JNE(BPF_REG_5, allowed[a].minor, 1);
        prog[n++] = JA(TO_ALLOW);
    }
    deny = n;
    prog[n++] = RET(0);
    prog[n++] = EXIT;
    prog[n++] = RET(1); /* allow: deny + 2 */
    prog[n++] = EXIT;
    /* A jump's offset counts from the instruction after it. */
    for (i = 0; i < deny; i++) {
        if (prog[i].off == TO_DENY)
            prog[i].off = deny - (i + 1);
        else if (prog[i].off == TO_ALLOW)
            prog[i].off = deny + 2 - (i + 1);
    }

    /* Load it: the kernel's verifier walks every path of the program
     * (every jump in range and forward, every path ending in a return
     * of 0 or 1) before it accepts it; its log says why if it does not. */
    memset(&attr, 0, sizeof(attr));
    attr.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
    attr.insns = (unsigned long)prog;
    attr.insn_cnt = n;
    attr.license = (unsigned long)"MIT"; /* it calls no GPL-only helper */
    attr.log_buf = (unsigned long)log;
    attr.log_size = sizeof(log);
    attr.log_level = 1;
    prog_fd = syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
    if (prog_fd == -1)
        err_exit("bpf BPF_PROG_LOAD (the device program)%s%s",
                 log[0] != '\0' ? ": the verifier says: " : "", log);

    cg_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (cg_fd == -1)
        err_exit("open %s", dir);
    /* Attached to the cgroup, it runs at every open() and mknod() of a
     * device by any process in the cgroup or below it. */
    memset(&attr, 0, sizeof(attr));
    attr.target_fd = cg_fd;
    attr.attach_bpf_fd = prog_fd;
    attr.attach_type = BPF_CGROUP_DEVICE;
    if (syscall(SYS_bpf, BPF_PROG_ATTACH, &attr, sizeof(attr)) == -1)
        err_exit("bpf BPF_PROG_ATTACH to %s", dir);
    /* The attachment holds the program now: our descriptors may go. */
    close(cg_fd);
    close(prog_fd);
}
