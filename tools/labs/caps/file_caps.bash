# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab caps/file_caps (exercises/caps/README.md): three files, some with
# file capabilities; which does each carry, and would they be effective
# at once? Sourced by tools/lab.bash.

LAB_WORDS=(backup pinger netwatch clockset mounter tracer shaper logger)
LAB_CAPS=(net_raw net_admin sys_time sys_ptrace chown kill net_bind_service
    sys_nice dac_read_search)

lab_names() {
    local first=$((LAB_N / 3 % 8))
    echo "${LAB_WORDS[first]} ${LAB_WORDS[(first + 1) % 8]} ${LAB_WORDS[(first + 4) % 8]}"
}

# lab_text I: the capabilities of file I in setcap's text form ("" for
# none): the first file's change with every LAB_N.
lab_text() {
    local n=$((LAB_N + 5 * $1)) k=${#LAB_CAPS[@]}
    case $((n % 4)) in
    0) echo "" ;;
    1) echo "cap_${LAB_CAPS[n / 4 % k]}=ep" ;;
    2) echo "cap_${LAB_CAPS[n / 4 % k]}=p" ;;
    3) echo "cap_${LAB_CAPS[n / 4 % k]},cap_${LAB_CAPS[(n / 4 + 1) % k]}=ep" ;;
    esac
}

lab_setup() {
    local name i=0 text
    lab_need userns
    lab_need cmd setcap
    lab_need cmd getcap
    for name in $(lab_names); do
        text=$(lab_text "$i")
        i=$((i + 1))
        # Not programs: nothing here can be run (mode 0600, in a 0700
        # directory) and the capabilities are only attributes to read.
        # setcap runs as root of a user namespace of our own: the
        # capabilities then hold only where its root is (namespaced file
        # capabilities, Linux 4.14), and an ordinary user may set them.
        install -m 600 /dev/null "$LAB_DIR/$name" || return 1
        [ -z "$text" ] ||
            "$LAB_TOP/namespaces/unshare" -r setcap "$text" "$LAB_DIR/$name" ||
            return 1
    done
    lab_show "Three files in $LAB_DIR: $(lab_names)." \
        "Which capabilities does each carry as file capabilities, and" \
        "with which flags? Write each as setcap would take it, or none:" \
        "    NAME: cap_a,cap_b=ep   (one line for each of the three)"
}

# canon TEXT: capabilities and flags in one order ("cap_a,cap_b=ep"), so
# that cap_b,cap_a+pe or CAP_A,CAP_B=EP compare equal; none stays none.
canon() {
    local caps flags
    set -- "$(tr '[:upper:]' '[:lower:]' <<<"$1" | tr -d ' ')"
    if [ -z "$1" ] || [ "$1" = none ]; then
        echo none
        return
    fi
    caps=${1%%[=+]*} flags=${1##*[=+]}
    caps=$(tr ',' '\n' <<<"$caps" | sed 's/^\(cap_\)\{0,1\}/cap_/' | sort | paste -sd,)
    flags=$(grep -o . <<<"$flags" | sort | tr -d '\n')
    echo "$caps=$flags"
}

lab_check() {
    local name have
    for name in $(lab_names); do
        # getcap: "FILE caps=flags", with " [rootid=N]" after namespaced
        # ones; nothing for a file without.
        have=$(getcap "$LAB_DIR/$name")
        have=${have#"$LAB_DIR/$name"}
        have=${have%% \[*}
        if ! answered "$name" ||
            [ "$(canon "$(answer "$name")")" != "$(canon "$have")" ]; then
            lab_wrong "$name" "getcap FILE shows them (getcap -r DIR for a whole directory)"
        fi
    done
}
