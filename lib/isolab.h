/* SPDX-License-Identifier: MIT */
/*
 * isolab.h - the kit's own helpers: error reporting, usage, number parsing
 *
 * Every program in the kit reports errors the same way:
 *
 *     prog: what failed: strerror text (ENAME)
 *
 * e.g. "copy: open /nope: No such file or directory (ENOENT)". The symbolic
 * name (ENOENT) is the word to look up in the ERRORS section of the man page
 * of the call that failed.
 *
 * This header declares only the kit's helpers; each program includes the
 * system headers it needs itself, so a student sees where everything comes
 * from.
 */
#ifndef ISOLAB_H
#define ISOLAB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdnoreturn.h>
#include <sys/types.h>

/* Exit statuses shared by every program (see the top-level README). */
#define EXIT_USAGE       2  /* bad command line */
#define EXIT_NOFEATURE   77 /* kernel or system lacks the feature: a skip */
#define EXIT_CANNOT_EXEC 126
#define EXIT_NOT_FOUND   127

#define PRINTF_LIKE(fmt, args) __attribute__((format(printf, fmt, args)))

/* Report "prog: MSG: strerror(errno) (ENAME)" and exit(1). */
noreturn void err_exit(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* The same with an explicit error number, for calls such as
 * pthread_create() that return the number instead of setting errno. */
noreturn void err_exit_en(int errnum, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* The same as err_exit(), for a child after fork() or clone(): it writes
 * with one write(2) and ends with _exit(1), so it never flushes a copy of
 * the parent's stdio buffers (which would print the parent's output twice). */
noreturn void err_exit_child(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* As fatal(), for the same child: "prog: MSG", then _exit(1). */
noreturn void fatal_child(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* In a child after a failed exec of CMD: report it and _exit() with 127 if
 * CMD was not found, 126 otherwise, as the shell does. */
noreturn void exec_failed(const char *cmd);

/* Report "prog: MSG" (no errno) and exit(1). */
noreturn void fatal(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Report "prog: MSG" and exit(77): this system lacks what the program
 * shows. MSG says what is missing and how to get it; tests skip. */
noreturn void lacks(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Report "prog: MSG: strerror(errno) (ENAME)" and return. */
void err_warn(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Say "prog: MSG" on stderr and return: a step, a note, no error. Like
 * every message of the library, control characters in it are made
 * visible (a newline in a file name prints as \n). */
void err_note(const char *fmt, ...) PRINTF_LIKE(1, 2);
void err_vnote(const char *fmt, va_list ap) PRINTF_LIKE(1, 0);

/* Print TEXT (the program's usage) and exit with STATUS: to stdout for
 * STATUS 0 (the -h option), to stderr otherwise (a usage error, 2). */
noreturn void usage(int status, const char *text);

/* Report "prog: MSG" and a pointer to -h, then exit(2). */
noreturn void usage_err(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* getopt(3) and getopt_long(3), with the kit's message for a bad option.
 * They take and return the same as getopt: the next option's letter, -1
 * at the end of the options, '?' for a bad one. What differs is the
 * message: getopt starts it with argv[0] as it was typed ("./copy:
 * invalid option -- 'x'"); these say "copy: -x: unknown option" or "copy:
 * -b: needs a value", as every other message of the kit. The caller then
 * prints its usage and exits 2, as after getopt. */
struct option;
int get_option(int argc, char *const argv[], const char *optstring);
int get_option_long(int argc, char *const argv[], const char *optstring,
                    const struct option *longopts);

/* The symbolic name of an error number ("ENOENT"), or "E?" if unknown. */
const char *errno_name(int errnum);

/* Parse ARG as a whole number in BASE (0: decimal, 0x hex, 0 octal) within
 * MIN..MAX. Anything else (empty, junk after the digits, overflow, out of
 * range) is a usage error that names WHAT, e.g. "copy: -b: 'x' is not a
 * number", and exits 2. */
long long parse_ll(const char *arg, int base, long long min, long long max,
                   const char *what);

/* Parse an error number given as a name ("EPERM") or a number ("1"),
 * within 1..MAX_ERRNO (what a seccomp filter can return). Anything else is
 * a usage error naming WHAT (exit 2). */
#define MAX_ERRNO 4095
int parse_errno(const char *arg, const char *what);

/* Parse a signal given as a number ("10"), a name ("USR1", "SIGUSR1") or
 * a realtime offset ("RTMIN+2", "SIGRTMAX-1"). Anything else is a usage
 * error naming WHAT (exit 2). 0 is accepted: kill(2) takes it. */
int parse_signal(const char *arg, const char *what);

/* The name of signal SIG, such as "SIGUSR1" or "SIGRTMIN+2", written to
 * BUF (32 bytes are always enough); returns BUF. */
const char *signal_name(int sig, char *buf, size_t size);

/* Write TEXT to the file PATH with one write(), as the kernel's control
 * files (/proc/PID/uid_map, cgroup files) expect. 0, or -1 with errno. */
int write_file(const char *path, const char *text);

/* Map UID and GID to 0 in the user namespace of process PID ("self" or a
 * number): write "0 UID 1" to uid_map, "deny" to setgroups, "0 GID 1" to
 * gid_map, which is what `unshare -r` does and all an unprivileged process
 * may write. Exits with a message naming the file if a write fails.
 * (userns/userns_child_exec.c shows the general case, step by step.) */
void map_root(const char *pid, uid_t uid, gid_t gid);

/* The same with other IDs inside: INSIDE_UID is UID, INSIDE_GID is GID
 * (sandbox maps the caller's own IDs to themselves, as bubblewrap does). */
void map_one(const char *pid, uid_t inside_uid, uid_t uid, gid_t inside_gid,
             gid_t gid);

/* After a failed attempt (WHAT, errno set) to create a user namespace:
 * report it, and if a system setting forbids user namespaces, name it in
 * the words of `make doctor` and exit 77 (the feature is missing);
 * otherwise exit 1. */
noreturn void userns_failed(const char *what);

/* After a refused write (errno set) of a uid_map, gid_map or setgroups
 * file: true if AppArmor's restriction (Ubuntu 23.10 and later) is the
 * likely cause, a namespace made by an unprivileged program without a
 * profile holds no capability; then it has said so on stderr, in the
 * words of `make doctor`, and the caller exits 77 (EXIT_NOFEATURE). */
bool userns_restricted(void);

/* Write TEXT to the uid_map, gid_map or setgroups file PATH, or exit: 77
 * where AppArmor's restriction refused it (userns_restricted()), 1
 * otherwise. */
void map_write(const char *path, const char *text);

/* The value of the line "KEY:" of /proc/PID/status (PID "self" or a
 * number) in VALUE, without the white space that follows the colon and
 * without the newline, e.g. "000001ffffffffff" for CapEff. 0, or -1 if the
 * file cannot be read (errno set) or has no such line (errno ENOENT). */
int proc_status_value(const char *pid, const char *key, char *value,
                      size_t size);

/* The state letter of process PID in /proc/PID/stat ('R', 'S', 'T', 'Z',
 * ...), or 0 if there is no such process (it ended and was reaped). */
char proc_state(pid_t pid);

/* In BUF (SIZE bytes): REL taken from the directory that holds the running
 * program (/proc/self/exe), e.g. "../build/rootfs" for a chapter's program,
 * so that a default path works from any working directory. Exits 1 if the
 * program's path cannot be read or does not fit. */
char *beside_self(const char *rel, char *buf, size_t size);

/* Where a program makes its temporary files: $TMPDIR if it is an
 * absolute path of plain characters (letters, digits, . _ - /), as the
 * test suite sets it to a directory of its run's own; /tmp otherwise. */
const char *tmp_dir(void);

/* A file in DIR with no name (O_TMPFILE, Linux 3.11), open with FLAGS
 * (O_WRONLY or O_RDWR, and O_CLOEXEC): it goes when its last descriptor
 * is closed, however the program ends. Where the file system has no
 * O_TMPFILE, a named file, removed at once. The descriptor, or -1 with
 * errno set. */
int nameless_file(const char *dir, int flags);

/* fdpass.c: send one byte over the UNIX socket SOCK, with the descriptor
 * FD attached (SCM_RIGHTS) unless FD is -1; 0 or -1 (errno set). */
int send_fd(int sock, int fd);
/* Receive that byte, and in *FD the descriptor that came with it
 * (close-on-exec) or -1 if none did; 0, or -1 (errno set; EPIPE if the
 * other end closed without sending). */
int recv_fd(int sock, int *fd);

/* The exit status a launcher passes on for a child's wait status: the
 * child's own exit status, or 128 + the signal that killed it. */
int child_exit_status(int wstatus);

#endif
