# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab mounts/options (exercises/mounts/README.md): three mounts in another
# process's mount namespace; which of ro, nosuid and noexec has each?
# Sourced by tools/lab.bash.

LAB_WORDS=(larch maple oaken pine rowan spruce teak willow)
LAB_FLAGS=(ro nosuid noexec)

lab_names() {
    local first=$((LAB_N / 8 % 8))
    echo "${LAB_WORDS[first]} ${LAB_WORDS[(first + 2) % 8]} ${LAB_WORDS[(first + 7) % 8]}"
}

# lab_flags I: the flags of mount I, from bits 3I to 3I+2 of LAB_N (the
# first mount's change with every LAB_N).
lab_flags() {
    local bits=$(((LAB_N * 5 + 3) >> (3 * $1))) b flags=()
    for b in 0 1 2; do
        [ $((bits >> b & 1)) -eq 0 ] || flags+=("${LAB_FLAGS[b]}")
    done
    echo "${flags[*]}"
}

lab_setup() {
    local script name i=0 opts
    lab_need userns
    mkdir "$LAB_DIR/m" || return 1
    script="cd '$LAB_DIR/m' || exit 1"
    for name in $(lab_names); do
        opts=$(lab_flags "$i")
        i=$((i + 1))
        opts=${opts// /,}
        script+="
mkdir $name && mount -t tmpfs ${opts:+-o $opts} lab $name"
    done
    lab_spawn sleep "$LAB_TOP/namespaces/unshare" -rm \
        sh -c "$script || exit 1; exec sleep 3600" || return 1
    lab_show "A process in a mount namespace of its own: PID $LAB_PID (a sleep)." \
        "In its namespace, $LAB_DIR/m has three mounts:" \
        "$(lab_names). Which of the options ro, nosuid and noexec does" \
        "each have (none, one, or several)?" \
        "    NAME: OPTION ...   (one line for each; none if it has none)"
}

# options_of PATH: which of LAB_FLAGS the mount at PATH has, as the
# kernel shows it (the per-mount options, field 6 of mountinfo).
options_of() {
    local opts flag have=()
    opts=$(awk -v t="$1" '$5 == t { print $6 }' "/proc/$LAB_PID/mountinfo")
    for flag in "${LAB_FLAGS[@]}"; do
        [[ ,$opts, != *,$flag,* ]] || have+=("$flag")
    done
    echo "${have[*]:-none}"
}

lab_check() {
    local name
    for name in $(lab_names); do
        expect "$name" "$(options_of "$LAB_DIR/m/$name")" \
            "the mount options of its line in /proc/PID/mountinfo, or findmnt -N PID -o TARGET,OPTIONS"
    done
}
