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
