// SPDX-License-Identifier: MIT
/*
 * cap_text - read capability text the way libcap and setcap do
 *
 * Demonstrates: the text form of capability sets (cap_from_text(3)). A
 * text is a list of clauses "NAMES OPERATOR FLAGS...", applied left to
 * right: names separated by commas ("all" or nothing before = means every
 * capability), an operator (= sets exactly, + adds, - removes) and the
 * flags e, i, p. This prints which flags each named capability ends up
 * with, and the shortest text for the result (cap_to_text), which is
 * what getcap and capsh print.
 *
 * Usage: cap_text TEXT
 *
 * Try:
 *     $ ./cap_text cap_net_raw,cap_chown+ep
 *     cap_chown: ep
 *     cap_net_raw: ep
 *     text: cap_chown,cap_net_raw=ep
 *     $ ./cap_text '=ep cap_sys_admin-e' | grep -e sys_admin -e text
 *     cap_sys_admin: p
 *     text: =ep cap_sys_admin-e
 *     $ ./cap_text 'cap_chown=p cap_chown+i cap_kill=ie cap_kill-e'
 *     cap_chown: ip
 *     cap_kill: i
 *     text: cap_chown=ip cap_kill+i
 *     $ ./cap_text cap_nonsense+p
 *     cap_text: 'cap_nonsense+p' is not a capability text (such as cap_net_raw+ep)
 *     cap_text: try 'cap_text -h' for more information
 *   Observe: every other capability is "ep" in the second; the order
 *   matters ("=" resets), and the printed text is the same set written
 *   the short way.
 *
 * Needs: nothing.
 *
 * See also: cap_from_text(3), cap_to_text(3), setcap(8); TLPI 39.7; course
 * chapter 10.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/capability.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: cap_text TEXT\n";

int
main(int argc, char *argv[])
{
    /* libcap's three flags of a capability, by the letters of the text
     * form: e(ffective), i(nheritable), p(ermitted). */
    static const struct {
        cap_flag_t flag;
        char letter;
    } flags[] = {
        {CAP_EFFECTIVE, 'e'}, {CAP_INHERITABLE, 'i'}, {CAP_PERMITTED, 'p'}};
    cap_value_t cap;
    cap_flag_value_t v;
    char *name, *text;
    size_t i;
    cap_t caps;
    int opt, any;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (argc - optind != 1)
        usage(EXIT_USAGE, usage_text);

    /* cap_from_text() parses the same text setcap and capsh take:
     * clauses of capability names, an operator (= + -) and flags, e.g.
     * "cap_net_raw+ep" or "=ep cap_sys_admin-e". It returns a cap_t, a
     * set of all three flags, that we own and must cap_free(). */
    caps = cap_from_text(argv[optind]);
    if (caps == NULL)
        usage_err("'%s' is not a capability text (such as cap_net_raw+ep)",
                  argv[optind]);

    /* Every capability this kernel knows, with the flags it has:
     * cap_max_bits() asks the running kernel (CAP_LAST_CAP + 1), so a
     * capability newer than libcap's headers is shown too. */
    for (cap = 0; cap < (cap_value_t)cap_max_bits(); cap++) {
        any = 0;
        for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
            if (cap_get_flag(caps, cap, flags[i].flag, &v) == -1)
                err_exit("cap_get_flag");
            if (v == CAP_SET && !any++) {
                name = cap_to_name(cap);
                printf("%s: ", name);
                cap_free(name);
            }
            if (v == CAP_SET)
                putchar(flags[i].letter);
        }
        if (any)
            putchar('\n');
    }

    /* And back to text: libcap writes the shortest clauses that say the
     * same set, so "cap_chown+e cap_chown+p" comes back as
     * "cap_chown=ep". */
    text = cap_to_text(caps, NULL);
    if (text == NULL)
        err_exit("cap_to_text");
    printf("text: %s\n", text);
    cap_free(text);
    cap_free(caps);
    return EXIT_SUCCESS;
}
