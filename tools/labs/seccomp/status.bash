# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab seccomp/status (exercises/seccomp/README.md): a process under
# seccomp; in which mode, under how many filters, with no_new_privs?
# Sourced by tools/lab.bash.

lab_setup() {
    local count=$((1 + LAB_N % 5)) cmd=()
    lab_need seccomp
    lab_need kernel 5.9 # the Seccomp_filters line
    # A filter of one instruction, "return ALLOW": it refuses nothing, it
    # is only there. seccomp_exec installs one and executes the next, so
    # COUNT of them stack up: a filter can be added, never removed.
    printf '\x06\x00\x00\x00\x00\x00\xff\x7f' >"$LAB_DIR/allow.bpf"
    for _ in $(seq "$count"); do
        cmd+=("$LAB_TOP/seccomp/seccomp_exec" "$LAB_DIR/allow.bpf")
    done
    lab_spawn sleep "${cmd[@]}" sleep 3600 || return 1
    lab_show "A process under seccomp: PID $LAB_PID (a sleep)." \
        "In which seccomp mode is it (disabled, strict or filter), how" \
        "many filters does it run under, and is no_new_privs set (0 or 1)?" \
        "    mode: MODE" \
        "    filters: NUMBER" \
        "    no_new_privs: 0 or 1"
}

lab_check() {
    local mode said
    mode=$(pick "$(status_field "$LAB_PID" Seccomp)" disabled strict filter)
    # The mode by its name or by the number /proc shows (0, 1, 2).
    said=$(words "$(answer mode)")
    case $said in 0 | 1 | 2) said=$(pick "$said" disabled strict filter) ;; esac
    if ! answered mode || [ "$said" != "$mode" ]; then
        lab_wrong mode "the Seccomp: line of /proc/PID/status (0, 1 or 2; see proc(5))"
    fi
    expect filters "$(status_field "$LAB_PID" Seccomp_filters)" \
        "the line after it in /proc/PID/status (Linux 5.9 and later)"
    expect no_new_privs "$(status_field "$LAB_PID" NoNewPrivs)" \
        "/proc/PID/status has a line for it too"
}
