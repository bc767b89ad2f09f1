/* SPDX-License-Identifier: MIT */
/*
 * capname.h - a capability named on the command line
 *
 * libcap's cap_from_name() takes "cap_net_raw" (in any case) or a number;
 * the kit's programs take "net_raw" as well, as capsh and setpriv do.
 * Only the programs that link libcap include this header, so its one
 * function lives here (static inline), not in the kit's library, which
 * every program links.
 */
#ifndef ISOLAB_CAPNAME_H
#define ISOLAB_CAPNAME_H

#include <stdio.h>
#include <strings.h> /* strncasecmp() */
#include <sys/capability.h>

#include "isolab.h"

/* The capability ARG names ("net_raw", "cap_net_raw", "CAP_NET_RAW",
 * "13"), or a usage error "WHAT: 'ARG' is not a capability" (no "WHAT: "
 * if WHAT is NULL). */
static inline cap_value_t
parse_cap(const char *arg, const char *what)
{
    char name[64];
    cap_value_t cap;

    snprintf(name, sizeof(name), "%s%s",
             strncasecmp(arg, "cap_", 4) == 0 || (*arg >= '0' && *arg <= '9')
                 ? ""
                 : "cap_",
             arg);
    if (cap_from_name(name, &cap) == -1) {
        if (what != NULL)
            usage_err("%s: '%s' is not a capability", what, arg);
        usage_err("'%s' is not a capability", arg);
    }
    return cap;
}

#endif
