// SPDX-License-Identifier: MIT
/*
 * parse.c - a strict number parser for command-line arguments
 *
 * strtoll() alone accepts "12abc" (stops at the junk), " 12" (skips space),
 * "" (returns 0) and silently clamps overflow. A program that takes a PID,
 * a UID or a buffer size must refuse all of those, so every number in the
 * kit goes through parse_ll().
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "isolab.h"

long long
parse_ll(const char *arg, int base, long long min, long long max,
         const char *what)
{
    char *end;
    long long val;

    if (*arg == '\0')
        usage_err("%s: empty string is not a number", what);
    if (isspace((unsigned char)*arg))
        usage_err("%s: '%s' has leading white space", what, arg);

    errno = 0;
    val = strtoll(arg, &end, base);
    if (end == arg)
        usage_err("%s: '%s' is not a number", what, arg);
    if (*end != '\0')
        usage_err("%s: '%s' has junk after the number", what, arg);
    if (errno == ERANGE || val < min || val > max)
        usage_err("%s: '%s' is out of range (%lld to %lld)", what, arg, min,
                  max);
    return val;
}

int
parse_errno(const char *arg, const char *what)
{
    int e;

    if (isdigit((unsigned char)*arg))
        return parse_ll(arg, 10, 1, MAX_ERRNO, what);
    for (e = 1; e <= MAX_ERRNO; e++)
        if (strcmp(arg, errno_name(e)) == 0)
            return e;
    usage_err("%s: '%s' is not an error name such as EPERM, or a number", what,
              arg);
}
