// SPDX-License-Identifier: MIT
/*
 * signame.c - signal names to numbers and back
 *
 * The realtime signals have no fixed names: SIGRTMIN is not a constant (the
 * C library keeps the first two or three for itself), so they are named as
 * offsets from SIGRTMIN or SIGRTMAX, as kill(1) does.
 */
#define _GNU_SOURCE /* sigabbrev_np() */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "isolab.h"

const char *
signal_name(int sig, char *buf, size_t size)
{
    const char *abbrev = NULL;

    if (sig == SIGRTMIN)
        snprintf(buf, size, "SIGRTMIN");
    else if (sig == SIGRTMAX)
        snprintf(buf, size, "SIGRTMAX");
    else if (sig > SIGRTMIN && sig - SIGRTMIN <= SIGRTMAX - sig)
        snprintf(buf, size, "SIGRTMIN+%d", sig - SIGRTMIN);
    else if (sig > SIGRTMIN && sig < SIGRTMAX)
        snprintf(buf, size, "SIGRTMAX-%d", SIGRTMAX - sig);
    if (sig >= SIGRTMIN && sig <= SIGRTMAX)
        return buf;

#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 32)
    abbrev = sigabbrev_np(sig);
#endif
    if (abbrev != NULL)
        snprintf(buf, size, "SIG%s", abbrev);
    else
        snprintf(buf, size, "SIG%d", sig); /* glibc keeps 32 and 33 */
    return buf;
}

int
parse_signal(const char *arg, const char *what)
{
    const char *name = arg;
    char buf[32];

    if (*arg >= '0' && *arg <= '9')
        return parse_ll(arg, 10, 0, SIGRTMAX, what);

    if (strncasecmp(name, "SIG", 3) == 0)
        name += 3;
    if (strncasecmp(name, "RTMIN", 5) == 0 ||
        strncasecmp(name, "RTMAX", 5) == 0) {
        int base = strncasecmp(name, "RTMIN", 5) == 0 ? SIGRTMIN : SIGRTMAX;
        int off = 0;

        /* RTMIN+N counts up, RTMAX-N down: the sign is required. */
        if (name[5] == '+' || name[5] == '-')
            off = parse_ll(name + 5, 10, SIGRTMIN - SIGRTMAX,
                           SIGRTMAX - SIGRTMIN, what);
        else if (name[5] != '\0')
            usage_err("%s: '%s' is not a signal name or number", what, arg);
        if (base + off < SIGRTMIN || base + off > SIGRTMAX)
            usage_err("%s: '%s' is outside SIGRTMIN..SIGRTMAX", what, arg);
        return base + off;
    }
    /* The classic signals: compare with each one's name. */
    for (int sig = 1; sig < SIGRTMIN; sig++) {
        signal_name(sig, buf, sizeof(buf));
        if (strcasecmp(buf + 3, name) == 0)
            return sig;
    }
    usage_err("%s: '%s' is not a signal name or number", what, arg);
}
