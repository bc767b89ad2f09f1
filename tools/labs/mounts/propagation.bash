# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab mounts/propagation (exercises/mounts/README.md): three mounts in
# another process's mount namespace; how does each propagate? Sourced by
# tools/lab.bash.

LAB_WORDS=(amber birch cedar delta ember fjord grove heath)

# lab_names: the three mount names of this seed.
lab_names() {
    local first=$((LAB_N / 4 % 8))
    echo "${LAB_WORDS[first]} ${LAB_WORDS[(first + 3) % 8]} ${LAB_WORDS[(first + 5) % 8]}"
}

lab_setup() {
    local types=(shared private slave unbindable) script name i=0 type
    lab_need userns
    mkdir "$LAB_DIR/m" || return 1
    # In a new mount namespace (and a user namespace, so that an ordinary
    # user may mount in it): a tmpfs per name, then its propagation type.
    # A slave needs a master: a shared mount it is bound from (.master).
    script="cd '$LAB_DIR/m' || exit 1
mkdir .master && mount -t tmpfs lab .master && mount --make-shared .master"
    for name in $(lab_names); do
        type=${types[(LAB_N >> (2 * i)) % 4]}
        i=$((i + 1))
        if [ "$type" = slave ]; then
            script+="
mkdir $name && mount --bind .master $name && mount --make-slave $name"
        else
            script+="
mkdir $name && mount -t tmpfs lab $name && mount --make-$type $name"
        fi
    done
    lab_spawn sleep "$LAB_TOP/namespaces/unshare" -rm \
        sh -c "$script || exit 1; exec sleep 3600" || return 1
    lab_show "A process in a mount namespace of its own: PID $LAB_PID (a sleep)." \
        "In its namespace, $LAB_DIR/m has three mounts:" \
        "$(lab_names). What is the propagation type of each" \
        "(shared, private, slave or unbindable)?" \
        "    NAME: TYPE     (one line for each of the three)"
}

# propagation_of PATH: the propagation type of the mount at PATH in the
# target's namespace, from the optional fields of its mountinfo line.
propagation_of() {
    local fields
    # mountinfo: ID PARENT DEV ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - ...
    fields=$(awk -v t="$1" '$5 == t { for (i = 7; $i != "-"; i++) print $i }' \
        "/proc/$LAB_PID/mountinfo")
    case $'\n'$fields$'\n' in
    *$'\n'master:*) echo slave ;;
    *$'\n'unbindable$'\n'*) echo unbindable ;;
    *$'\n'shared:*) echo shared ;;
    *) echo private ;;
    esac
}

lab_check() {
    local name said
    for name in $(lab_names); do
        # findmnt says "private,slave" and "private,unbindable": the same.
        said=$(words "$(answer "$name")")
        said=${said/#private }
        [ "$said" = "$(propagation_of "$LAB_DIR/m/$name")" ] ||
            lab_wrong "$name" "the optional fields of its line in /proc/PID/mountinfo, or findmnt -N PID -o TARGET,PROPAGATION"
    done
}
