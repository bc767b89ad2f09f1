// SPDX-License-Identifier: MIT
/*
 * exec_caps - the execve() transformation of capabilities, as a function
 *
 * Exercise (see exercises/caps/README.md, "exec_caps"): write the rules
 * of capabilities(7), "Transformation of capabilities during execve()",
 * as one function from the state before to the state after: fill in
 * the TODO(exec_caps) part of transform(). The inputs are KEY=VALUE words (masks in
 * hex as /proc shows them, UIDs in decimal); the output has the form of
 * /proc/PID/status, or says that execve() fails. ../../caps/cap_calc
 * answers the same questions from capability names; the tests hold this
 * program's answers against it, and cap_calc's against the kernel.
 *
 * Usage: exec_caps KEY=VALUE...
 *   pI pA pB pP   the process's inheritable, ambient, bounding and
 *                 permitted sets (hex; 0 by default)
 *   ruid euid     its real and effective UID (0 by default)
 *   fP fI         the file's permitted and inheritable sets (hex)
 *   fE            the file's effective bit (0 or 1)
 *   fcaps         1 if the file has capabilities at all
 *   suid          the owner of a set-UID file (-1: not set-UID)
 *   noroot nnp    1 for SECBIT_NOROOT, for no_new_privs
 *
 * Try:
 *     $ ./exec_caps pB=0x1ffffffffff ruid=1000 euid=1000 fcaps=1 \
 *           fP=0x2000 fE=1
 *     CapInh: 0000000000000000
 *     CapPrm: 0000000000002000
 *     CapEff: 0000000000002000
 *     CapBnd: 000001ffffffffff
 *     CapAmb: 0000000000000000
 *
 * Needs: nothing: it calculates.
 *
 * See also: capabilities(7), ../../caps/cap_calc.c; TLPI chapter 39; course
 * chapter 11.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: exec_caps KEY=VALUE...\n"
    "  pI pA pB pP (hex), ruid euid, fP fI (hex), fE, fcaps, suid (-1: no),\n"
    "  noroot, nnp\n";

struct before {
    uint64_t pI, pA, pB, pP;
    long ruid, euid;
    uint64_t fP, fI;
    int fE, fcaps;
    long suid; /* -1: not a set-UID file */
    int noroot, nnp;
};

struct after {
    int eperm; /* execve() fails with EPERM */
    uint64_t pI, pP, pE, pB, pA;
};

static void
transform(const struct before *b, struct after *a)
{
    memset(a, 0, sizeof(*a));
    /* TODO(exec_caps): compute the sets after execve() from B, or set
     * a->eperm when the kernel would refuse to run the file. The rules
     * are in capabilities(7), "Transformation of capabilities during
     * execve()" and "Capabilities and execution of programs by root". */
    (void)b;
}

static void
parse(const char *arg, struct before *b)
{
    static const char *const hex[] = {"pI", "pA", "pB", "pP", "fP", "fI"};
    uint64_t *hexval[] = {&b->pI, &b->pA, &b->pB, &b->pP, &b->fP, &b->fI};
    const char *eq = strchr(arg, '=');
    size_t i, len = eq != NULL ? (size_t)(eq - arg) : 0;

    if (eq == NULL)
        usage_err("'%s' is not KEY=VALUE", arg);
    for (i = 0; i < 6; i++)
        if (strlen(hex[i]) == len && strncmp(arg, hex[i], len) == 0) {
            *hexval[i] = parse_ll(eq + 1, 16, 0, INT64_MAX, arg);
            return;
        }
    if (strncmp(arg, "ruid=", 5) == 0)
        b->ruid = parse_ll(eq + 1, 10, 0, UINT32_MAX - 1, arg);
    else if (strncmp(arg, "euid=", 5) == 0)
        b->euid = parse_ll(eq + 1, 10, 0, UINT32_MAX - 1, arg);
    else if (strncmp(arg, "suid=", 5) == 0)
        b->suid = parse_ll(eq + 1, 10, -1, UINT32_MAX - 1, arg);
    else if (strncmp(arg, "fE=", 3) == 0)
        b->fE = parse_ll(eq + 1, 10, 0, 1, arg);
    else if (strncmp(arg, "fcaps=", 6) == 0)
        b->fcaps = parse_ll(eq + 1, 10, 0, 1, arg);
    else if (strncmp(arg, "noroot=", 7) == 0)
        b->noroot = parse_ll(eq + 1, 10, 0, 1, arg);
    else if (strncmp(arg, "nnp=", 4) == 0)
        b->nnp = parse_ll(eq + 1, 10, 0, 1, arg);
    else
        usage_err("'%s': no such key", arg);
}

int
main(int argc, char *argv[])
{
    struct before b = {.suid = -1};
    struct after a;
    int opt, i;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    for (i = optind; i < argc; i++)
        parse(argv[i], &b);
    b.pA &= b.pI & b.pP; /* the kernel keeps ambient within P and I */

    transform(&b, &a);
    if (a.eperm) {
        printf("execve: Operation not permitted (EPERM)\n");
        return EXIT_SUCCESS;
    }
    printf("CapInh: %016" PRIx64 "\nCapPrm: %016" PRIx64 "\nCapEff: %016" PRIx64
           "\nCapBnd: %016" PRIx64 "\nCapAmb: %016" PRIx64 "\n",
           a.pI, a.pP, a.pE, a.pB, a.pA);
    return EXIT_SUCCESS;
}
