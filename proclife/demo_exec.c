// SPDX-License-Identifier: MIT
/*
 * demo_exec - what survives execve() and what does not
 *
 * Demonstrates: execve() replaces the program a process runs, not the
 * process: the PID stays, and so do open file descriptors (except those
 * marked close-on-exec) and ignored signals. The memory is new (globals
 * start again from the program file), and handlers are reset to the
 * default, since the code they pointed to is gone. The caller chooses the
 * new program's argv and environment. A file starting with "#!" is run
 * through the interpreter it names, with the script's path inserted into
 * argv.
 *
 * Usage: demo_exec [-s SCRIPT] [ARG...]
 *   Set up descriptors, signals and memory, then execve() this same
 *   program with a new argv (ARG... at the end) and a new environment;
 *   the new program (run with -a) reports what it found.
 *   -s SCRIPT  write a "#!" script that names this program as its
 *              interpreter to SCRIPT, and execve() the script instead
 *   -a         (used by the exec) report what survived
 *
 * Try:
 *     $ ./demo_exec one two
 *     before: pid 4300, fd 3 (no O_CLOEXEC), fd 4 (O_CLOEXEC)
 *     before: SIGUSR1 ignored, SIGUSR2 caught, marker 42
 *     after: pid 4300
 *     after: argv[0] = demo_exec
 *     after: argv[1] = -a
 *     after: argv[2] = one
 *     ...
 *     after: environ[0] = GREETING=hello across execve()
 *     ...
 *     after: fd 3: open
 *     after: fd 4: closed (EBADF)
 *     after: /proc/self/fd: 0 1 2 3 (and 4, this listing's own)
 *     after: SIGUSR1 ignored, SIGUSR2 default, marker 0
 *     $ ./demo_exec -s /tmp/script.sh one | grep argv
 *     after: argv[0] = .../demo_exec
 *     after: argv[1] = -a
 *     after: argv[2] = /tmp/script.sh
 *     after: argv[3] = one
 *     $ cat /tmp/script.sh
 *     #!.../demo_exec -a
 *   Observe: the same PID before and after. With -s, argv after exec is
 *   the interpreter, its "-a" from the #! line, the script's path, then
 *   the arguments: the kernel built it from the #! line.
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: execve(2), open(2) (O_CLOEXEC), signal(7) ("Signal
 * dispositions" across execve); TLPI 27.1-27.5.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h> /* chmod() */
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] =
    "Usage: demo_exec [-s SCRIPT] [ARG...]\n"
    "  -s SCRIPT  exec a #! script (written to SCRIPT) instead\n"
    "  -a         (used by the exec) report what survived\n";

extern char **environ;

static int marker; /* 0 in the program file; set to 42 before exec */

static void
handler(int sig)
{
    (void)sig;
}

static const char *
disposition(int sig)
{
    struct sigaction old;

    if (sigaction(sig, NULL, &old) == -1)
        err_exit("sigaction");
    return old.sa_handler == SIG_IGN   ? "ignored"
           : old.sa_handler == SIG_DFL ? "default"
                                       : "caught";
}

/* The descriptors the kernel lists in /proc/self/fd. The directory
 * stream reading it has a descriptor too: it is named last. */
static void
list_fds(void)
{
    DIR *dir = opendir("/proc/self/fd");
    struct dirent *de;

    if (dir == NULL)
        err_exit("opendir /proc/self/fd");
    printf("after: /proc/self/fd:");
    while ((de = readdir(dir)) != NULL)
        if (de->d_name[0] != '.' && atoi(de->d_name) != dirfd(dir))
            printf(" %s", de->d_name);
    printf(" (and %d, this listing's own)\n", dirfd(dir));
    closedir(dir);
}

/* The second half: the process after execve(). */
static int
after(int argc, char *argv[])
{
    const char *fds[] = {getenv("KEEP_FD"), getenv("CLOEXEC_FD")};

    printf("after: pid %ld\n", (long)getpid());
    for (int i = 0; i < argc; i++)
        printf("after: argv[%d] = %s\n", i, argv[i]);
    for (int i = 0; environ[i] != NULL; i++)
        printf("after: environ[%d] = %s\n", i, environ[i]);
    for (int i = 0; i < 2; i++) {
        if (fds[i] == NULL)
            continue;
        int fd = atoi(fds[i]);
        if (fcntl(fd, F_GETFD) == -1)
            printf("after: fd %d: closed (%s)\n", fd, errno_name(errno));
        else
            printf("after: fd %d: open\n", fd);
    }
    list_fds();
    printf("after: SIGUSR1 %s, SIGUSR2 %s, marker %d\n", disposition(SIGUSR1),
           disposition(SIGUSR2), marker);
    return EXIT_SUCCESS;
}

/* Write "#!/path/to/this/program -a" to SCRIPT. */
static void
write_script(const char *script)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    FILE *f;

    if (n == -1)
        err_exit("readlink /proc/self/exe");
    self[n] = '\0';
    f = fopen(script, "w");
    if (f == NULL)
        err_exit("open %s", script);
    fprintf(f, "#!%s -a\n", self);
    if (fclose(f) == EOF)
        err_exit("write %s", script);
    if (chmod(script, 0755) == -1)
        err_exit("chmod %s", script);
}

int
main(int argc, char *argv[])
{
    const char *script = NULL;
    char keep_env[32], cloexec_env[32];
    struct sigaction sa;
    int opt, keep, cloexec;

    while ((opt = get_option(argc, argv, "+s:ah")) != -1) {
        switch (opt) {
        case 's':
            script = optarg;
            break;
        case 'a':
            return after(argc, argv);
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }

    keep = open("/dev/null", O_RDONLY);
    cloexec = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (keep == -1 || cloexec == -1)
        err_exit("open /dev/null");
    signal(SIGUSR1, SIG_IGN);
    sa.sa_handler = handler;
    sa.sa_flags = 0;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGUSR2, &sa, NULL) == -1)
        err_exit("sigaction");
    marker = 42;
    printf("before: pid %ld, fd %d (no O_CLOEXEC), fd %d (O_CLOEXEC)\n",
           (long)getpid(), keep, cloexec);
    printf("before: SIGUSR1 %s, SIGUSR2 %s, marker %d\n", disposition(SIGUSR1),
           disposition(SIGUSR2), marker);

    /* The new environment: only what we put in it. */
    snprintf(keep_env, sizeof(keep_env), "KEEP_FD=%d", keep);
    snprintf(cloexec_env, sizeof(cloexec_env), "CLOEXEC_FD=%d", cloexec);
    char *envp[] = {"GREETING=hello across execve()", keep_env, cloexec_env,
                    NULL};

    /* The new argv: our own words, then the caller's arguments. */
    char **new_argv = calloc(argc - optind + 3, sizeof(char *));
    if (new_argv == NULL)
        err_exit("calloc");
    int n = 0;
    new_argv[n++] = script != NULL ? (char *)script : "demo_exec";
    if (script == NULL)
        new_argv[n++] = "-a";
    for (int i = optind; i < argc; i++)
        new_argv[n++] = argv[i];
    new_argv[n] = NULL;

    fflush(stdout); /* the new program has no use for our buffer */
    if (script != NULL) {
        write_script(script);
        execve(script, new_argv, envp);
        err_exit("execve %s", script);
    }
    execve("/proc/self/exe", new_argv, envp);
    err_exit("execve /proc/self/exe");
}
