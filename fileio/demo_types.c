// SPDX-License-Identifier: MIT
/*
 * demo_types - the system data types, their sizes, and printing them
 *
 * Demonstrates: the kernel interface uses named types (pid_t, uid_t, off_t,
 * size_t, time_t, ...) whose size and signedness differ between
 * architectures, so a portable program never assumes "pid_t is an int".
 * To print one, cast it to intmax_t (signed types) or uintmax_t (unsigned
 * types) and use %jd or %ju; size_t and ssize_t have %zu and %zd.
 *
 * Usage: demo_types [PATH]
 *   Print each type's size and signedness, then the fields of stat(PATH)
 *   (default: the current directory) printed the portable way.
 *
 * Try:
 *     $ ./demo_types /etc/hostname
 *     pid_t: 4 bytes, signed
 *     uid_t: 4 bytes, unsigned
 *     ...
 *     off_t: 8 bytes, signed
 *     ...
 *     (uid_t)-1: 4294967295
 *     path: /etc/hostname
 *     ...
 *     st_size: ...
 *     ...
 *     $ stat /etc/hostname     # the same numbers from coreutils
 *   Observe: off_t is 8 bytes even on 32-bit builds with
 *   _FILE_OFFSET_BITS=64; uid_t is unsigned, so (uid_t)-1 is 4294967295,
 *   the "no change" value that setresuid(2) takes.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: system_data_types(7), stat(2), printf(3); TLPI 3.6.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h> /* socklen_t */
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_types [PATH]\n";

/* A type is unsigned if -1 converted to it is above zero. */
#define SHOW_TYPE(type)                                                        \
    printf("%s: %zu bytes, %s\n", #type, sizeof(type),                         \
           (type)-1 > (type)0 ? "unsigned" : "signed")

int
main(int argc, char *argv[])
{
    const char *path;
    struct stat sb;
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind > 1)
        usage(EXIT_USAGE, usage_text);
    /* The file to stat: PATH, or the current directory. */
    path = optind < argc ? argv[optind] : ".";

    /* The system data types hide sizes that differ between
     * architectures and versions: a program that stores a pid_t in an
     * int, or prints an off_t with %ld, works until it runs elsewhere. */
    SHOW_TYPE(pid_t);
    SHOW_TYPE(uid_t);
    SHOW_TYPE(gid_t);
    SHOW_TYPE(off_t);
    SHOW_TYPE(size_t);
    SHOW_TYPE(ssize_t);
    SHOW_TYPE(time_t);
    SHOW_TYPE(mode_t);
    SHOW_TYPE(dev_t);
    SHOW_TYPE(ino_t);
    SHOW_TYPE(nlink_t);
    SHOW_TYPE(blkcnt_t);
    SHOW_TYPE(socklen_t);

    /* "No change" for the set*id() calls is -1 converted to uid_t. */
    /* (uid_t is unsigned: -1 is its largest value, 4294967295.) */
    printf("(uid_t)-1: %ju\n", (uintmax_t)(uid_t)-1);

    /* struct stat is made of those types: a real use of each, on a real
     * file. */
    if (stat(path, &sb) == -1)
        err_exit("stat %s", path);

    /* Each field cast to the widest type of its signedness. */
    printf("path: %s\n", path);
    printf("st_dev: %ju\n", (uintmax_t)sb.st_dev);
    printf("st_ino: %ju\n", (uintmax_t)sb.st_ino);
    printf("st_mode: %jo\n", (uintmax_t)sb.st_mode);
    printf("st_nlink: %ju\n", (uintmax_t)sb.st_nlink);
    printf("st_uid: %ju\n", (uintmax_t)sb.st_uid);
    printf("st_gid: %ju\n", (uintmax_t)sb.st_gid);
    printf("st_size: %jd\n", (intmax_t)sb.st_size);
    printf("st_blocks: %jd\n", (intmax_t)sb.st_blocks);
    printf("st_mtime: %jd\n", (intmax_t)sb.st_mtime);
    return EXIT_SUCCESS;
}
