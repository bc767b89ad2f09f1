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

%:
	@$(MAKE) --no-print-directory -C .. $(CHAPTER)/$@
