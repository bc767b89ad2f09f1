// SPDX-License-Identifier: MIT
/*
 * demo_layout - where a process keeps its code and data
 *
 * Demonstrates: a process's virtual memory is a set of mappings, listed
 * in /proc/PID/maps: the program's code (text), its initialized data, the
 * zero-filled bss, the heap that malloc() grows, the stack, regions made
 * with mmap(), and the shared libraries. The program prints the address of
 * one object of each kind beside the maps line that contains it.
 *
 * Usage: demo_layout
 *
 * Try:
 *     $ ./demo_layout
 *     text: 0x55e4c1a01289 main()
 *       55e4c1a01000-55e4c1a02000 r-xp ... .../demo_layout
 *     data: 0x55e4c1a04010 an initialized global
 *       55e4c1a04000-55e4c1a05000 rw-p ... .../demo_layout
 *     ...
 *     heap: 0x55e4c2b0f2a0 a small malloc()
 *       55e4c2b0f000-55e4c2b30000 rw-p 00000000 00:00 0 [heap]
 *     ...
 *     library: 0x7f2a4c1b0ac0 strlen() in the C library
 *       7f2a4c06f000-7f2a4c1c5000 r-xp ... .../libc.so.6
 *     stack: 0x7ffd9a3e658c a local variable
 *       7ffd9a3c8000-7ffd9a3e9000 rw-p 00000000 00:00 0 [stack]
 *     ...
 *   Observe: text is r-x (code can be run, not written); data and bss are
 *   rw- and follow the text; the heap comes after them; the stack is near
 *   the top of the address space; the library's code is r-x in a mapping
 *   of libc.so. Run it twice: the addresses change (address space layout
 *   randomization), the order does not. (Under AddressSanitizer malloc()
 *   uses mappings of its own instead of [heap].)
 *
 * Needs: nothing special; runs as any user.
 *
 * See also: proc(5) (/proc/PID/maps), mmap(2), brk(2); TLPI 6.3 and 6.4.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "isolab.h"

static const char usage_text[] = "Usage: demo_layout\n";

static int initialized = 42; /* data */
static int zeroed;           /* bss: no bytes in the file, zero at start */

/* Print ADDR with its label, then the /proc/self/maps line holding it. */
static void
show(const char *kind, const void *addr, const char *what)
{
    uintptr_t a = (uintptr_t)addr, start, end;
    char line[1024];
    FILE *maps;

    /* /proc/self/maps lists every region of our address space, one per
     * line: its range, permissions (r-xp: code), offset, device, inode
     * and file. The region holding ADDR says what kind of memory it is. */
    printf("%s: %p %s\n", kind, addr, what);
    maps = fopen("/proc/self/maps", "r");
    if (maps == NULL)
        err_exit("fopen /proc/self/maps");
    while (fgets(line, sizeof(line), maps) != NULL) {
        /* Each line starts "START-END" in hex. */
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR, &start, &end) == 2 &&
            a >= start && a < end) {
            printf("  %s", line);
            break;
        }
    }
    fclose(maps);
}

int
main(int argc, char *argv[])
{
    int on_stack = 0;
    int opt;

    while ((opt = get_option(argc, argv, "h")) != -1) {
        switch (opt) {
        case 'h':
            usage(EXIT_SUCCESS, usage_text);
        default:
            usage(EXIT_USAGE, usage_text);
        }
    }
    if (optind != argc)
        usage(EXIT_USAGE, usage_text);

    /* A small request: glibc serves it from the heap (brk); a large one
     * (128 KiB or more by default) would get an mmap() region instead. */
    char *heap = malloc(64);
    if (heap == NULL)
        err_exit("malloc");
    /* An anonymous mapping: memory of our own, from no file, placed by
     * the kernel between the heap and the stack. */
    void *region = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED)
        err_exit("mmap");

    /* A function pointer is printed through a cast: %p takes void *. */
    show("text", (void *)(uintptr_t)main, "main()");
    show("data", &initialized, "an initialized global");
    show("bss", &zeroed, "a global that starts at zero");
    show("heap", heap, "a small malloc()");
    show("mmap", region, "an anonymous mmap() region");
    show("library", (void *)(uintptr_t)strlen, "strlen() in the C library");
    show("stack", &on_stack, "a local variable");
    show("args", argv[0], "argv[0], above the stack frames");
    return EXIT_SUCCESS;
}
