# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab caps/missing_cap (exercises/caps/README.md): two processes that are
# root in like user namespaces; one lacks a capability. Which, and where
# is it gone from? Sourced by tools/lab.bash.

LAB_CAPS=(chown dac_override fowner kill setuid setgid net_bind_service
    net_raw sys_chroot mknod audit_write setfcap sys_ptrace sys_time)

lab_setup() {
    local cap=${LAB_CAPS[LAB_N % ${#LAB_CAPS[@]}]}
    lab_need userns
    lab_need cmd capsh
    # Both are root in a user namespace of their own (so an ordinary user
    # can do this too): all capabilities there, within what the bounding
    # set passed down allows. The second drops one from its bounding set
    # before it executes sleep.
    lab_spawn sleep "$LAB_TOP/namespaces/unshare" -r sleep 3600 || return 1
    LAB_FIRST=$LAB_PID
    lab_spawn sleep "$LAB_TOP/namespaces/unshare" -r \
        setpriv --bounding-set "-$cap" sleep 3600 || return 1
    LAB_SECOND=$LAB_PID
    lab_show "Two processes, root in user namespaces made alike: PID $LAB_FIRST" \
        "and PID $LAB_SECOND (both sleep). The second has one capability fewer." \
        "Which one, and which of its sets lack it (of inheritable," \
        "permitted, effective, bounding, ambient)?" \
        "    missing: CAPABILITY" \
        "    sets: SET ..."
}

# capmask PID SET: the hexadecimal mask of SET (Prm, Eff, ...) of PID.
capmask() {
    status_field "$1" "Cap$2"
}

lab_check() {
    local gone said set sets=()
    gone=$(printf '%016x' $((0x$(capmask "$LAB_FIRST" Bnd) & ~0x$(capmask "$LAB_SECOND" Bnd))))
    # capsh says "0x...=cap_net_raw"; the answer may leave out the cap_.
    gone=$(capsh --decode="$gone")
    gone=${gone#*=}
    said=$(words "$(answer missing)")
    [ "${said#cap_}" = "${gone#cap_}" ] ||
        lab_wrong missing "compare the Cap lines of /proc/PID/status of both (capsh --decode=HEX names the bits of a mask), or getpcaps PID"
    for set in Inh:inheritable Prm:permitted Eff:effective Bnd:bounding Amb:ambient; do
        [ $((0x$(capmask "$LAB_FIRST" "${set%:*}") & ~0x$(capmask "$LAB_SECOND" "${set%:*}"))) -eq 0 ] ||
            sets+=("${set#*:}")
    done
    expect sets "${sets[*]}" \
        "each Cap line of /proc/PID/status is one set: in which do the two differ?"
}
