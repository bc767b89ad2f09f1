// SPDX-License-Identifier: MIT
/*
 * isocon_say.c - isocon's narration: with -v, each step on stderr
 *
 * Every part of isocon says what it did through say(), so that a
 * trainer can show the steps live. It sits below all the parts, which
 * call it and nothing else of each other's for it.
 *
 * See also: stdarg(3), vfprintf(3); TLPI has no section for this (it
 * is plain C); the capstone, after course chapter 26.
 */
#include <stdarg.h>

#include "isocon.h"

int isocon_verbose;

void
say(const char *fmt, ...)
{
    va_list ap;

    if (!isocon_verbose)
        return;
    /* On stderr, as "isocon: ...": the command's own output, on
     * stdout, stays what it is, and a test can tell the two apart. */
    /* (err_vnote() makes control characters in names visible.) */
    va_start(ap, fmt);
    err_vnote(fmt, ap);
    va_end(ap);
}
