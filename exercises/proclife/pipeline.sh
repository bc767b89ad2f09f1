#!/bin/sh
# SPDX-License-Identifier: MIT
# strace exercise "pipeline" (see exercises/proclife/README.md).
# Change the strace command below so that it shows only the process
# lifecycle system calls (creating processes, running programs, waiting
# for them, ending) of the pipeline, in every process that it starts,
# with no signal lines. Keep the pipeline itself as it is.
exec strace sh -c 'echo hello | wc -c'
