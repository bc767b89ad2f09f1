// SPDX-License-Identifier: MIT
/*
 * filecap - show or set the capabilities of a file, down to the bytes
 *
 * Demonstrates: file capabilities live in the extended attribute
 * security.capability. This reads it raw and decodes it: a revision
 * number, the effective bit, the permitted and inheritable masks, and,
 * in revision 3, the root user ID of the user namespace that wrote it
 * (the file's capabilities count only for that namespace and those
 * below it). libcap's text for the same attribute follows. With TEXT it
 * sets the capabilities first (cap_set_file), with "-" it removes them.
 * Written by root of the initial namespace, the kernel stores revision
 * 2; written from inside a user namespace, revision 3 with that
 * namespace's root ID, converted on the fly.
 *
 * Usage: filecap FILE [TEXT | -]
 *
 * Try:
 *     $ install -d -m 700 ~/caps; cp /bin/ping ~/caps/myping
 *     $ sudo ./filecap ~/caps/myping cap_net_raw+ep
 *     revision: 2
 *     effective: 1
 *     permitted: cap_net_raw
 *     inheritable: none
 *     text: cap_net_raw=ep
 *     $ cp /bin/true ~/caps/t
 *     $ ../userns/userns_child_exec -r ./filecap ~/caps/t cap_chown+p
 *     revision: 2
 *     ...
 *     $ ./filecap ~/caps/t                 # seen from outside
 *     revision: 3
 *     ...
 *     rootid: 1000
 *     text: cap_chown=p
 *     $ rm -r ~/caps                       # no file-capability copy left
 *   Observe: getcap(8) shows the same text, and "[rootid=1000]" for a
 *   revision 3 attribute. From inside the namespace the attribute reads
 *   back as revision 2.
 *
 * Needs: CAP_SETFCAP to set (root, or root in a user namespace for a file
 * owned by a mapped user); a file system with security.* attributes.
 *
 * See also: capabilities(7) (File capability extended attribute versioning),
 * cap_get_file(3), cap_set_file(3), setcap(8), getcap(8); TLPI 39.3.2 and
 * 39.3.6; course chapter 10.
 */
#include <endian.h>
#include <errno.h>
#include <inttypes.h>
#include <linux/capability.h> /* VFS_CAP_*: the attribute's layout */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: filecap FILE [TEXT | -]\n";

static void
print_mask(const char *what, uint64_t mask)
{
    cap_value_t cap;
    char *name;
    const char *sep = " ";

    printf("%s:", what);
    if (mask == 0)
        printf(" none");
    for (cap = 0; cap < 64; cap++) {
        if (!(mask & (1ULL << cap)))
            continue;
        name = cap_to_name(cap);
        printf("%s%s", sep, name);
        cap_free(name);
        sep = ",";
    }
    printf("\n");
}

/* Decode the attribute: little-endian 32-bit words, a magic word with
 * the revision and the effective bit, then permitted and inheritable
 * (one word each in revision 1, two in 2 and 3), then a root ID (3). */
static void
decode(const char *file)
{
    uint32_t w[XATTR_CAPS_SZ_3 / 4];
    ssize_t size;
    uint32_t magic;
    uint64_t permitted, inheritable;

    size = getxattr(file, "security.capability", w, sizeof(w));
    if (size == -1 && errno == ENODATA) {
        printf("no file capabilities\n");
        return;
    }
    if (size == -1)
        err_exit("getxattr %s security.capability", file);
    magic = le32toh(w[0]);
    printf("revision: %u\n",
           (magic & VFS_CAP_REVISION_MASK) >> VFS_CAP_REVISION_SHIFT);
    printf("effective: %u\n", magic & VFS_CAP_FLAGS_EFFECTIVE);
    permitted = le32toh(w[1]);
    inheritable = le32toh(w[2]);
    if (size >= (ssize_t)XATTR_CAPS_SZ_2) { /* the high words */
        permitted |= (uint64_t)le32toh(w[3]) << 32;
        inheritable |= (uint64_t)le32toh(w[4]) << 32;
    }
    print_mask("permitted", permitted);
    print_mask("inheritable", inheritable);
    if (size == (ssize_t)XATTR_CAPS_SZ_3)
        printf("rootid: %" PRIu32 "\n", le32toh(w[5]));
}

int
main(int argc, char *argv[])
{
    const char *file, *text = NULL;
    cap_t caps;
    char *s;
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind < 1 || argc - optind > 2)
        usage(EXIT_USAGE, usage_text);
    file = argv[optind];
    if (argc - optind == 2)
        text = argv[optind + 1];

    if (text != NULL) {
        caps = NULL; /* "-": remove the attribute */
        if (strcmp(text, "-") != 0) {
            caps = cap_from_text(text);
            if (caps == NULL)
                usage_err("'%s' is not a capability text (such as "
                          "cap_net_raw+ep)",
                          text);
        }
        if (cap_set_file(file, caps) == -1 &&
            !(caps == NULL && errno == ENODATA)) { /* nothing to remove */
            if (errno == EPERM)
                fatal("cap_set_file %s: needs CAP_SETFCAP; run as root, or "
                      "under ../userns/userns_child_exec -r for a file you "
                      "own",
                      file);
            err_exit("cap_set_file %s", file);
        }
        cap_free(caps);
    }

    decode(file);
    caps = cap_get_file(file);
    if (caps != NULL) {
        s = cap_to_text(caps, NULL);
        printf("text: %s\n", s);
        cap_free(s);
        cap_free(caps);
    }
    return EXIT_SUCCESS;
}
