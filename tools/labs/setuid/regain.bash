# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Lab setuid/regain (exercises/setuid/README.md): three processes that
# started as root and changed their user IDs; which could be root again
# without executing anything? Sourced by tools/lab.bash.

LAB_WORDS=(spooler mailer printer crond webd syslogd ntpd sshd)

lab_names() {
    local first=$((LAB_N / 27 % 8))
    echo "${LAB_WORDS[first]} ${LAB_WORDS[(first + 3) % 8]} ${LAB_WORDS[(first + 6) % 8]}"
}

lab_setup() {
    local name i=0 uid ids
    lab_need root
    # Each runs sleep under another name (argv[0], as ps shows it), with
    # real and effective UIDs chosen by a digit of LAB_N in base 3 (the
    # saved one is the effective one: execve() copies it):
    #   0  real 0, effective UID    (still has root, in its real UID)
    #   1  real UID, effective UID  (dropped for good)
    #   2  real UID, effective 0    (as a set-UID-root program starts)
    # (bash -p: without it, bash would set its effective UID to the real
    # one before it executes sleep.)
    for name in $(lab_names); do
        uid=$((3000 + LAB_N % 997 + i))
        ids=$(pick $((LAB_N / (3 ** i))) "0 $uid" "$uid $uid" "$uid 0")
        i=$((i + 1))
        # shellcheck disable=SC2086 # ids: two words
        lab_spawn sleep setpriv --ruid ${ids% *} --euid ${ids#* } \
            --rgid 65534 --egid 65534 --clear-groups \
            bash -p -c "exec -a $name sleep 3600" || return 1
    done
    lab_show "Three processes (all sleep, each under another name: ps -o" \
        "pid,args shows it): $(lab_names)." \
        "Each started as root and changed its user IDs. Which of them" \
        "could make its effective UID 0 without executing a program (by" \
        "seteuid(0) or setresuid)? Name them, or none." \
        "    regain: NAME ..."
}

lab_check() {
    local pid name real effective saved can=()
    while read -r pid; do
        name=$(tr '\0' ' ' <"/proc/$pid/cmdline")
        name=${name%% *}
        read -r _ real effective saved _ < <(grep '^Uid:' "/proc/$pid/status")
        # An unprivileged process may set its effective UID to its real,
        # effective or saved one: root again if any of them is 0.
        [ "$real" != 0 ] && [ "$effective" != 0 ] && [ "$saved" != 0 ] ||
            can+=("$name")
    done <"$LAB_DIR/.pids"
    expect regain "${can[*]:-none}" \
        "the Uid: line of /proc/PID/status: real, effective, saved, fs. To which of them may a process switch?"
}
