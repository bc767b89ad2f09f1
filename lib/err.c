// SPDX-License-Identifier: MIT
/*
 * err.c - the kit's error reporting: one message format for every program
 *
 * Messages go to stderr as "prog: what failed: strerror text (ENAME)".
 * stdout is flushed first so that, on a terminal, the error appears after
 * the output that came before it.
 *
 * And for every program that links this file, before main() and at its
 * end (see std_streams() below): descriptors 0, 1 and 2 are open, and
 * standard output is checked.
 */
#define _GNU_SOURCE /* program_invocation_short_name, strerrorname_np() */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolab.h"

static void format_message(char *buf, size_t size, int errnum, const char *fmt,
                           va_list ap) PRINTF_LIKE(4, 0);
static void report(int errnum, const char *fmt, va_list ap) PRINTF_LIKE(2, 0);
static void err_format(char *buf, size_t size, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

/* At exit: was all of standard output written? A full disk, a closed
 * pipe or a closed descriptor shows only now, when the buffer is
 * flushed: a program that exited 0 having lost its output would lie. */
static void
check_stdout(void)
{
    if (fflush(stdout) == EOF || ferror(stdout)) {
        /* (an error found earlier may have left errno behind: EIO) */
        if (errno == 0)
            errno = EIO;
        err_warn("write error on standard output");
        _exit(EXIT_FAILURE);
    }
}

/* Before main(): a descriptor 0, 1 or 2 that the caller closed is opened
 * on /dev/null, read-only. Otherwise the program's next open() would get
 * it, and what it prints would go into that file; read-only, a write to
 * it fails (EBADF), and check_stdout() says so. */
__attribute__((constructor)) static void
std_streams(void)
{
    int fd;

    for (fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
            open("/dev/null", O_RDONLY) != fd)
            _exit(EXIT_FAILURE);
    atexit(check_stdout);
}

const char *
errno_name(int errnum)
{
    const char *name = NULL;

#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 32)
    name = strerrorname_np(errnum);
#endif
    return name != NULL ? name : "E?";
}

/* Copy TEXT into BUF (SIZE bytes, with room kept for "\n\0"), control
 * characters made visible: a file name with a newline or a terminal
 * escape in it (the kit's messages print names as they were given) must
 * neither start a line that looks like another message nor drive the
 * terminal. "\n" becomes the two characters \n, ESC becomes \033. */
static size_t
copy_visible(char *buf, size_t size, const char *text)
{
    size_t len = 0;

    for (const unsigned char *p = (const unsigned char *)text; *p != '\0';
         p++) {
        char esc[8];

        if (*p >= 0x20 && *p != 0x7f)
            snprintf(esc, sizeof(esc), "%c", *p);
        else if (*p == '\n')
            snprintf(esc, sizeof(esc), "\\n");
        else if (*p == '\t')
            snprintf(esc, sizeof(esc), "\\t");
        else
            snprintf(esc, sizeof(esc), "\\%03o", *p);
        if (len + strlen(esc) > size - 2)
            break; /* cut, never overflowed */
        memcpy(buf + len, esc, strlen(esc));
        len += strlen(esc);
    }
    return len;
}

/* Format "prog: MSG[: strerror (ENAME)]\n" into BUF; ERRNUM < 0 means no
 * error number. The message is cut, never overflowed, if it is too long. */
static void
format_message(char *buf, size_t size, int errnum, const char *fmt, va_list ap)
{
    char raw[1024];
    int len;

    len = snprintf(raw, sizeof(raw), "%s: ", program_invocation_short_name);
    if (len >= 0 && (size_t)len < sizeof(raw))
        len += vsnprintf(raw + len, sizeof(raw) - len, fmt, ap);
    if (errnum >= 0 && len >= 0 && (size_t)len < sizeof(raw))
        snprintf(raw + len, sizeof(raw) - len, ": %s (%s)", strerror(errnum),
                 errno_name(errnum));
    len = copy_visible(buf, size, raw);
    buf[len] = '\n';
    buf[len + 1] = '\0';
}

static void
report(int errnum, const char *fmt, va_list ap)
{
    char buf[1024];

    format_message(buf, sizeof(buf), errnum, fmt, ap);
    fflush(stdout);
    fputs(buf, stderr);
}

void
err_exit(const char *fmt, ...)
{
    int saved_errno = errno;
    va_list ap;

    va_start(ap, fmt);
    report(saved_errno, fmt, ap);
    va_end(ap);
    exit(EXIT_FAILURE);
}

void
err_exit_en(int errnum, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report(errnum, fmt, ap);
    va_end(ap);
    exit(EXIT_FAILURE);
}

/* No stdio at all here: the child's stdio buffers are copies of the
 * parent's, and flushing them would print the parent's output twice. */
static noreturn void
write_and_exit(int status, const char *msg)
{
    if (write(STDERR_FILENO, msg, strlen(msg)) == -1) {
        /* Nowhere left to report it. */
    }
    _exit(status);
}

/* Format "prog: MSG: strerror(errno) (ENAME)\n" into BUF. */
static void
err_format(char *buf, size_t size, const char *fmt, ...)
{
    int saved_errno = errno;
    va_list ap;

    va_start(ap, fmt);
    format_message(buf, size, saved_errno, fmt, ap);
    va_end(ap);
}

void
err_exit_child(const char *fmt, ...)
{
    int saved_errno = errno;
    char buf[1024];
    va_list ap;

    va_start(ap, fmt);
    format_message(buf, sizeof(buf), saved_errno, fmt, ap);
    va_end(ap);
    write_and_exit(EXIT_FAILURE, buf);
}

void
fatal_child(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;

    va_start(ap, fmt);
    format_message(buf, sizeof(buf), -1, fmt, ap);
    va_end(ap);
    write_and_exit(EXIT_FAILURE, buf);
}

void
exec_failed(const char *cmd)
{
    int status = errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
    char buf[1024];

    err_format(buf, sizeof(buf), "exec %s", cmd);
    write_and_exit(status, buf);
}

void
fatal(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report(-1, fmt, ap);
    va_end(ap);
    exit(EXIT_FAILURE);
}

void
lacks(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report(-1, fmt, ap);
    va_end(ap);
    exit(EXIT_NOFEATURE);
}

void
err_vnote(const char *fmt, va_list ap)
{
    report(-1, fmt, ap);
}

void
err_note(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report(-1, fmt, ap);
    va_end(ap);
}

void
err_warn(const char *fmt, ...)
{
    int saved_errno = errno;
    va_list ap;

    va_start(ap, fmt);
    report(saved_errno, fmt, ap);
    va_end(ap);
    errno = saved_errno;
}

void
usage(int status, const char *text)
{
    FILE *out = status == EXIT_SUCCESS ? stdout : stderr;

    fflush(stdout);
    fputs(text, out);
    exit(status);
}

void
usage_err(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report(-1, fmt, ap);
    va_end(ap);
    /* A message line, so it starts with our name as every other does. */
    fprintf(stderr, "%s: try '%s -h' for more information\n",
            program_invocation_short_name, program_invocation_short_name);
    exit(EXIT_USAGE);
}

/* Is C one of the option letters of OPTSTRING? Its first characters may be
 * flags for getopt ('+' stop at the first operand, '-', ':'), and a ':'
 * after a letter says that it takes a value: neither is a letter. */
static bool
is_option_letter(const char *optstring, int c)
{
    optstring += strspn(optstring, "+-:");
    return c != ':' && c != 0 && strchr(optstring, c) != NULL;
}

/* Say what was wrong with the option that getopt just refused. getopt
 * leaves the letter in optopt: an unknown letter, or a known one whose
 * value is missing. For a --long option, optopt is 0 if the name is
 * unknown, else the option's val; its word is the one before optind. */
static void
report_bad_option(char *const argv[], const char *optstring,
                  const struct option *longopts)
{
    const char *word = argv[optind - 1];
    const struct option *o;

    if (optopt == 0) {
        err_note("%s: unknown option", word);
        return;
    }
    for (o = longopts; o != NULL && o->name != NULL; o++) {
        if (o->val == optopt && strncmp(word, "--", 2) == 0 &&
            strncmp(word + 2, o->name, strlen(o->name)) == 0) {
            err_note("--%s: %s", o->name,
                     o->has_arg == no_argument ? "takes no value"
                                               : "needs a value");
            return;
        }
    }
    if (is_option_letter(optstring, optopt))
        err_note("-%c: needs a value", optopt);
    else
        err_note("-%c: unknown option", optopt);
}

int
get_option(int argc, char *const argv[], const char *optstring)
{
    return get_option_long(argc, argv, optstring, NULL);
}

int
get_option_long(int argc, char *const argv[], const char *optstring,
                const struct option *longopts)
{
    static const struct option none[] = {{NULL, 0, NULL, 0}};
    int opt;

    /* opterr = 0: getopt prints nothing, and we say it in our own words. */
    opterr = 0;
    optopt = 0;
    opt = getopt_long(argc, argv, optstring, longopts ? longopts : none, NULL);
    if (opt == '?')
        report_bad_option(argv, optstring, longopts);
    return opt;
}

int
child_exit_status(int wstatus)
{
    if (WIFEXITED(wstatus))
        return WEXITSTATUS(wstatus);
    if (WIFSIGNALED(wstatus))
        return 128 + WTERMSIG(wstatus);
    return EXIT_FAILURE; /* stopped or continued: not an end */
}

/* In a sanitizer build (make sanitize) only: the defaults for
 * AddressSanitizer's options. LeakSanitizer works by tracing its own
 * process, which a set-UID or set-GID program may not do, and such a
 * program ignores ASAN_OPTIONS from its caller; the kit's suite runs with
 * leak checks off anyway (tests/run). */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ISOLAB_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(ISOLAB_ASAN)
const char *__asan_default_options(void);

const char *
__asan_default_options(void)
{
    return "detect_leaks=0";
}
#endif
