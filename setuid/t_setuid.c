// SPDX-License-Identifier: MIT
/*
 * t_setuid - apply a sequence of user-ID calls and show each result
 *
 * Demonstrates: the rules of setuid(), seteuid(), setreuid() and
 * setresuid(). An unprivileged process may only switch among its real,
 * effective and saved IDs. A privileged one (CAP_SETUID) may set any ID,
 * but setuid() then sets all three, for good. A set-UID program starts
 * with effective and saved ID = its owner: seteuid() to the real ID is a
 * temporary drop (the saved ID allows the way back), setuid() or
 * setresuid() of all three a permanent one.
 *
 * Usage: t_setuid STEP...
 *   STEP is setuid=U, seteuid=U, setreuid=R,E or setresuid=R,E,S; an ID
 *   is a number, a user name, or -1 (unchanged; not for setuid/seteuid)
 *   Every step runs even after a failure; the exit status is 1 if any
 *   failed.
 *
 * Try:
 *     $ sudo ./t_setuid seteuid=65534 seteuid=0 setuid=65534 seteuid=0
 *     start: real 0, effective 0, saved 0
 *     seteuid(65534): ok: real 0, effective 65534, saved 0
 *     seteuid(0): ok: real 0, effective 0, saved 0
 *     setuid(65534): ok: real 65534, effective 65534, saved 65534
 *     seteuid(0): Operation not permitted (EPERM): real 65534, ...
 *     $ ./t_setuid seteuid=0
 *     start: real 1000, effective 1000, saved 1000
 *     seteuid(0): Operation not permitted (EPERM): real 1000, ...
 *     $ install -d -m 700 ~/suid; cp t_setuid ~/suid/
 *     $ sudo chown root ~/suid/t_setuid; sudo chmod u+s ~/suid/t_setuid
 *     $ ~/suid/t_setuid seteuid=$(id -u) seteuid=0 setresuid=-1,$(id -u),$(id -u) seteuid=0
 *     start: real 1000, effective 0, saved 0
 *     seteuid(1000): ok: real 1000, effective 1000, saved 0
 *     seteuid(0): ok: real 1000, effective 0, saved 0
 *     setresuid(-1, 1000, 1000): ok: real 1000, effective 1000, saved 1000
 *     seteuid(0): Operation not permitted (EPERM): real 1000, ...
 *     $ sudo rm -r ~/suid                       # no set-UID copy left
 *   Observe: root's setuid() drops for good; the set-UID copy can drop
 *   and regain through its saved ID until it sets that one too.
 *
 * Needs: nothing; root or a set-UID copy to see privileged rules.
 *
 * See also: setuid(2), seteuid(2), setreuid(2), setresuid(2),
 * credentials(7); TLPI chapter 9; course chapter 9.
 */
#define _GNU_SOURCE /* setresuid(), getresuid() */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: t_setuid STEP...\n"
    "  STEP is setuid=U, seteuid=U, setreuid=R,E or setresuid=R,E,S; an ID\n"
    "  is a number, a user name, or -1 (unchanged; not for setuid/seteuid)\n";

#define MAX_IDS 3

struct step {
    const char *call; /* "setuid", ... */
    int nids;         /* how many IDs it takes */
    uid_t ids[MAX_IDS];
};

static uid_t
parse_uid(const char *arg, int minus_one_ok, const char *step)
{
    struct passwd *pw;

    if (strcmp(arg, "-1") == 0) {
        if (!minus_one_ok)
            usage_err("%s: -1 (unchanged) only for setreuid and setresuid",
                      step);
        return (uid_t)-1;
    }
    if (*arg >= '0' && *arg <= '9')
        return parse_ll(arg, 10, 0, (uid_t)-2, step);
    pw = getpwnam(arg);
    if (pw == NULL)
        usage_err("%s: no user '%s'", step, arg);
    return pw->pw_uid;
}

/* "setreuid=1000,-1" -> {"setreuid", 2, {1000, -1}}; usage error if bad. */
static void
parse_step(char *arg, struct step *st)
{
    static const struct {
        const char *call;
        int nids;
    } calls[] = {
        {"setuid", 1}, {"seteuid", 1}, {"setreuid", 2}, {"setresuid", 3}};
    char *copy = strdup(arg), *eq, *id, *save;
    size_t i;

    if (copy == NULL)
        err_exit("strdup");
    eq = strchr(copy, '=');
    if (eq == NULL)
        usage_err("'%s': a step is CALL=ID[,ID...]", arg);
    *eq = '\0';
    for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
        if (strcmp(copy, calls[i].call) == 0)
            break;
    if (i == sizeof(calls) / sizeof(calls[0]))
        usage_err("'%s': no such call (setuid, seteuid, setreuid, "
                  "setresuid)",
                  copy);
    st->call = calls[i].call;
    st->nids = 0;
    for (id = strtok_r(eq + 1, ",", &save); id != NULL;
         id = strtok_r(NULL, ",", &save)) {
        if (st->nids == calls[i].nids)
            break;
        st->ids[st->nids++] = parse_uid(id, calls[i].nids > 1, arg);
    }
    if (st->nids != calls[i].nids || id != NULL)
        usage_err("'%s': %s takes %d ID(s)", arg, st->call, calls[i].nids);
    free(copy);
}

/* Make the call. What each may do differs (credentials(7)):
 *   setuid(U)       unprivileged: the effective UID only, to the real or
 *                   saved one; privileged (CAP_SETUID): all three, for
 *                   good: how a root program drops root;
 *   seteuid(U)      the effective UID only, to real or saved (any UID
 *                   with CAP_SETUID): the temporary drop, undone later;
 *   setreuid(R, E)  real and effective; the saved UID follows the new
 *                   effective one when the real one changes (or E is set
 *                   to other than the old real UID);
 *   setresuid(R, E, S)  each of the three, -1 for "leave it": the one
 *                   call that says exactly what it does. */
static int
apply(const struct step *st)
{
    if (strcmp(st->call, "setuid") == 0)
        return setuid(st->ids[0]);
    if (strcmp(st->call, "seteuid") == 0)
        return seteuid(st->ids[0]);
    if (strcmp(st->call, "setreuid") == 0)
        return setreuid(st->ids[0], st->ids[1]);
    return setresuid(st->ids[0], st->ids[1], st->ids[2]);
}

/* All three UIDs, which only getresuid() tells together. */
static void
show_ids(void)
{
    uid_t r, e, s;

    if (getresuid(&r, &e, &s) == -1)
        err_exit("getresuid");
    printf("real %d, effective %d, saved %d\n", (int)r, (int)e, (int)s);
}

int
main(int argc, char *argv[])
{
    struct step *steps;
    int opt, i, j, failed = 0;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind == argc)
        usage(EXIT_USAGE, usage_text);

    /* Parse every step before the first call: a typo in the third step
     * must not leave the process half-changed by the first two. */
    /* (Indexed like argv, for simplicity: steps[optind] and on.) */
    steps = calloc(argc, sizeof(*steps));
    if (steps == NULL)
        err_exit("calloc");
    for (i = optind; i < argc; i++)
        parse_step(argv[i], &steps[i]);

    /* Each step prints the call as made, its result, and the three UIDs
     * after it: the way to learn these calls is to watch the saved UID,
     * which only getresuid() shows. */
    printf("start: ");
    show_ids();
    /* Now the calls, in order, each on the IDs the last one left. */
    for (i = optind; i < argc; i++) {
        printf("%s(", steps[i].call);
        for (j = 0; j < steps[i].nids; j++)
            printf("%s%d", j ? ", " : "", (int)steps[i].ids[j]);
        if (apply(&steps[i]) == -1) {
            printf("): %s (%s): ", strerror(errno), errno_name(errno));
            failed = 1;
        } else {
            printf("): ok: ");
        }
        show_ids();
    }
    free(steps);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
