# SPDX-License-Identifier: MIT
# Included by each chapter's Makefile: `make` inside a chapter directory
# builds that chapter, `make copy` one program, through the top-level
# Makefile (the kit has one build, not one per directory).
CHAPTER := $(notdir $(CURDIR))

.PHONY: all check
all:
	@$(MAKE) --no-print-directory -C .. $(CHAPTER)

check:
	@$(MAKE) --no-print-directory -C .. check TESTS=tests/$(CHAPTER).bats

Makefile ../mk/chapter.mk: ;

# A program's name is also the file it builds, which make would call up
# to date without looking at its source; FORCE sends every name on to the
# top-level build, which knows what each program is made from.
.PHONY: FORCE
FORCE: ;
%: FORCE
	@$(MAKE) --no-print-directory -C .. $(CHAPTER)/$@
