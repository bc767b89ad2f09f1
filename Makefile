# SPDX-License-Identifier: MIT
# isolab: one non-recursive Makefile for the whole kit. `make help` lists
# the targets. Programs are found by wildcard: drop a .c file into a chapter
# directory and it is built, checked for its header and tested by the
# suite's generic tests.

CHAPTERS := $(shell grep -v '^\#' mk/chapters)

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS := -Wall -Wextra -Wformat=2 -Wshadow -Wmissing-prototypes \
            -Wstrict-prototypes -Wimplicit-fallthrough -Wpointer-arith \
            -Wundef -Wvla
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif
# Kept apart from CFLAGS and LDFLAGS so that a CFLAGS given on the command
# line does not drop them.
ifeq ($(SANITIZE),1)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
             -fno-omit-frame-pointer
endif
ALL_CFLAGS := -std=gnu11 $(WARNINGS) $(CFLAGS) $(SAN_FLAGS)
ALL_CPPFLAGS := -Ilib $(CPPFLAGS)

# Libraries only for the chapters that use them, so fileio builds on a
# machine without the libcap or libseccomp headers.
pkg_libs = $(shell pkg-config --libs $(1) 2>/dev/null || echo $(2))
# (:= runs pkg-config once, when the Makefile is read, not once a link.)
LIBS_caps := $(call pkg_libs,libcap,-lcap)
LIBS_userns := $(LIBS_caps)
LIBS_seccomp := $(call pkg_libs,libseccomp,-lseccomp)
LIBS_container := $(LIBS_caps) $(LIBS_seccomp)
LIBS_troubleshoot := $(LIBS_caps) $(LIBS_seccomp)
chapter_of = $(notdir $(patsubst %/,%,$(dir $(1))))

# MAKEFLAGS: no built-in rules (they are slow and would shadow ours).
MAKEFLAGS += -r
ifneq ($(V),1)
Q := @
MAKEFLAGS += --no-print-directory
endif

LIB := lib/libisolab.a
LIB_OBJS := $(patsubst %.c,%.o,$(wildcard lib/*.c))
# A program may have parts: PROG_NAME.c files linked into PROG (isocon).
PARTS := $(wildcard container/isocon_*.c)
PROGS := $(patsubst %.c,%,$(filter-out $(PARTS), \
             $(wildcard $(addsuffix /*.c,$(CHAPTERS)))))
SOLUTIONS := $(patsubst %.c,%,$(wildcard solutions/*/*.c))
EXERCISES := $(patsubst %.c,%,$(wildcard exercises/*/*.c))
TEST_PROGS := $(patsubst %.c,%,$(wildcard tests/bin/*.c))
ALL_BINS := $(PROGS) $(SOLUTIONS) $(EXERCISES) $(TEST_PROGS)
# Programs that must run inside the busybox root, where there is no C
# library to load: linked statically, without the kit's library and the
# sanitizers (both may be built for the host only).
STATIC_PROGS := mounts/chroot_escape container/escape_probe
# And a test fixture that must load no library itself (LD_PRELOAD passes
# through it untouched): tests/bin/run_fd.
STATIC_FIXTURES := tests/bin/run_fd

# Rebuild everything when the compiler or its flags change (make CC=clang,
# make sanitize): the stamp file changes only when they do.
FLAGS_STAMP := lib/.build-flags
BUILD_ID = $(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $(LDLIBS)

.PHONY: all help clean check check-vm check-rootless sanitize lint grade lab \
        verify-exercises doctor apparmor apparmor-remove deps deps-ensure \
        solutions exercises rootfs debian cross deps-cross bench tour \
        $(CHAPTERS) FORCE
.DEFAULT_GOAL := all

all: $(PROGS) $(SOLUTIONS) $(TEST_PROGS)

# The container root of the mounts chapter, from busybox-static.
ROOTFS := build/rootfs
ROOTFS_STAMP := $(ROOTFS)/bin/busybox
rootfs: $(ROOTFS_STAMP)
$(ROOTFS_STAMP): tools/mkrootfs $(STATIC_PROGS)
	$(Q)tools/mkrootfs $(ROOTFS)
	$(Q)cp $(STATIC_PROGS) $(ROOTFS)/bin/

# The kit built for aarch64 by Debian's cross compiler, warning-free
# (tools/cross); deps-cross installs the compiler and arm64 libraries,
# and qemu for the arm64 guest (make check-vm ARCH=arm64).
cross:
	$(Q)tools/cross

deps-cross:
	$(Q)tools/cross --install

# A Debian 12 root for the capstone, from the distribution's packages
# (tools/mkdebian): downloaded once, then only unpacked again.
debian:
	$(Q)tools/mkdebian

help:
	@echo 'isolab targets:'
	@echo '  make                  build every demo and solution'
	@echo '  make CHAPTER          build one chapter, e.g. make caps'
	@echo '                        (or run make inside the chapter directory)'
	@echo '  make deps             install what the kit needs (as root)'
	@echo '  make rootfs           build/rootfs: a container root from busybox'
	@echo '  make cross            build everything for aarch64, warning-free'
	@echo '                        (make deps-cross installs the compiler)'
	@echo '  make debian           build/debian: a Debian 12 root (mmdebstrap,'
	@echo '                        from the distribution'"'"'s packages)'
	@echo '  make doctor           what this machine allows, and the fixes'
	@echo '  make apparmor         (root, Ubuntu 23.10 and later) let this'
	@echo '                        checkout'"'"'s programs create user namespaces;'
	@echo '                        make apparmor-remove takes it away'
	@echo '  make check            build, then run the whole test suite'
	@echo '  make check-rootless   (as root) the suite as the user nobody'
	@echo '  make check-vm         the suite in a Debian guest: systemd, pure'
	@echo '                        cgroup v2 (WAYS="session scope user");'
	@echo '                        ARCH=arm64 for an aarch64 guest'
	@echo '  make grade [EX=fileio/tee]  grade your exercises'
	@echo '  make grade LIST=1     list them, each with its kind'
	@echo '  make lab EX=namespaces/ns_differ  start the setup of an observe'
	@echo '                        exercise, to look at (Enter ends it)'
	@echo '  make verify-exercises skeletons fail their tests, solutions pass'
	@echo '  make sanitize         the suite under ASan and UBSan'
	@echo '  make tour [CHAPTER=x] play the demos step by step (./tour)'
	@echo '  make bench [QUICK=1]  the benchmarks, with plots in build/bench'
	@echo '  make lint             clang-format, cppcheck and shellcheck'
	@echo '  make clean            remove every built file'
	@echo 'Variables: CC, CFLAGS, CPPFLAGS, LDFLAGS, V=1 (show commands),'
	@echo '  WERROR=1 (warnings are errors), TESTS="tests/fileio.bats ..."'

$(FLAGS_STAMP): FORCE
	$(Q)echo '$(BUILD_ID)' | cmp -s - $@ || echo '$(BUILD_ID)' > $@

lib/%.o: lib/%.c $(wildcard lib/*.h) $(FLAGS_STAMP)
	@$(if $(Q),echo '  CC      $@')
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJS)
	@$(if $(Q),echo '  AR      $@')
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# Programs that must run inside the busybox root (STATIC_PROGS, above).
$(STATIC_PROGS) $(STATIC_FIXTURES): %: %.c $(FLAGS_STAMP)
	@$(if $(Q),echo '  CCLD    $@ (static)')
	$(Q)$(CC) -std=gnu11 $(WARNINGS) $(CFLAGS) -static $(LDFLAGS) -o $@ $<

# One step from source to program: a program is its .c file and its
# parts, if any. The dependency file (.PROG.d) lists the headers of the
# last source only, so a program with parts names its headers here.
$(filter-out $(STATIC_PROGS) $(STATIC_FIXTURES),$(ALL_BINS)): %: %.c $(LIB) $(FLAGS_STAMP)
	@$(if $(Q),echo '  CCLD    $@')
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -MF $(dir $@).$(notdir $@).d \
	    $(SAN_FLAGS) $(LDFLAGS) -o $@ $(filter %.c,$^) $(LIB) \
	    $(LIBS_$(call chapter_of,$@)) $(LDLIBS)
container/isocon: $(PARTS) container/isocon.h $(wildcard lib/*.h)

-include $(wildcard $(foreach d,$(CHAPTERS) solutions/* exercises/* tests/bin,$(d)/.*.d))

solutions: $(SOLUTIONS)
exercises: $(EXERCISES)

deps:
	$(Q)tools/deps install

deps-ensure:
	$(Q)ISOLAB_TARGET="make $(or $(MAKECMDGOALS),check)" tools/deps ensure

doctor:
	$(Q)tools/doctor

# Ubuntu 23.10 and later: a profile that lets this checkout's programs
# create user namespaces (tools/apparmor; root, once).
apparmor:
	$(Q)tools/apparmor install

apparmor-remove:
	$(Q)tools/apparmor remove

check: deps-ensure
	$(Q)$(MAKE) all rootfs
	$(Q)tests/run $(TESTS)

# The suite in a throw-away Debian 12 guest with systemd and pure cgroup v2
# (tools/vm): WAYS="session scope user", TESTS as for check, ONCE files
# that run once as root and once as the user student; ARCH=arm64 for an
# aarch64 guest (only from the command line: an ARCH in the environment
# is often a kernel build's).
VM_ARCH := $(if $(filter command line,$(origin ARCH)),-a $(ARCH))
check-vm: deps-ensure
	$(Q)$(MAKE) all exercises rootfs
	$(Q)WERROR=$(WERROR) tools/vm $(VM_ARCH) check $(if $(WAYS),-w "$(WAYS)") \
	    $(if $(ONCE),-o "$(ONCE)") $(TESTS)

check-rootless: deps-ensure
	$(Q)$(MAKE) all rootfs
	$(Q)tests/run --rootless $(TESTS)

sanitize: deps-ensure
	$(Q)$(MAKE) SANITIZE=1 all rootfs
	$(Q)tests/run --sanitize $(TESTS)
	$(Q)echo 'note: binaries are sanitizer builds now; make rebuilds plain ones'

# The exercises' checks run the kit's launchers and helpers, and the
# container ones need build/rootfs: all of it is built first (a no-op once
# it is there).
grade: deps-ensure
	$(Q)$(MAKE) all exercises rootfs
	$(Q)tools/grade $(if $(LIST),--list,$(EX))

# The setup of an observe exercise, to look at (tools/lab); Enter ends it.
lab: all rootfs
	$(Q)$(if $(EX),tools/lab $(EX),tools/lab --list)

verify-exercises: deps-ensure
	$(Q)$(MAKE) exercises solutions
	$(Q)tools/grade --verify

# The trainer's tour of a chapter's demos (./tour), all chapters by default.
tour: all rootfs
	$(Q)./tour $(CHAPTER)

# The benchmarks, their tables and plots in build/bench (QUICK=1: seconds).
bench: all
	$(Q)tools/bench $(if $(filter 1,$(QUICK)),--quick)

lint:
	$(Q)tools/lint

clean:
	rm -f $(PROGS) $(SOLUTIONS) $(EXERCISES) $(TEST_PROGS) $(LIB) \
	    $(LIB_OBJS) $(FLAGS_STAMP)
	find . -name '.*.d' -type f -delete
	rm -rf build

# make fileio, make caps, ...: one chapter's programs
.SECONDEXPANSION:
$(CHAPTERS): $$(filter $$@/%,$$(PROGS))
