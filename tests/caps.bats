#!/usr/bin/env bats
# SPDX-License-Identifier: MIT
# shellcheck disable=SC2154 # bats' run sets $output, $stderr, $lines ...
# caps: capabilities (course chapters 10 and 11). Copies with file
# capabilities or set-UID bits are made in the test's directory
# (priv_copy, as root) and run as nobody; ports are bound only in network
# namespaces the tests make. cap_calc's answers are held against what the
# kernel really does.

load helper

setup() {
    cd "$BATS_TEST_TMPDIR" || return 1
    C=$ISOLAB_TOP/caps
    UCE=$ISOLAB_TOP/userns/userns_child_exec
    NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
}

# The five sets as /proc shows them, with one space after the colon.
cap_lines() {
    grep ^Cap | tr '\t' ' ' | tr -s ' '
}

# ---- capshow ----

@test "capshow: the five sets are those of /proc/PID/status" {
    run -0 "$C/capshow"
    assert_equal "$(head -5 <<<"$output")" "$(cap_lines </proc/self/status)"
    spawn sleep 30
    run -0 "$C/capshow" "$SPAWNED"
    assert_equal "$(head -5 <<<"$output")" "$(cap_lines <"/proc/$SPAWNED/status")"
    refute_line --partial securebits
}

@test "capshow: libcap's text and the ambient set by name" {
    require root
    run -0 "${NOBODY[@]}" --inh-caps=+net_raw --ambient-caps=+net_raw "$C/capshow"
    assert_line "CapAmb: 0000000000002000"
    assert_line "text: cap_net_raw=eip"
    assert_line "ambient: cap_net_raw"
    run -0 as_user "$C/capshow"
    assert_line "text: ="
    assert_line "ambient: none"
}

@test "capshow: the bounding set's missing capabilities, the securebits, no_new_privs" {
    require root
    run -0 setpriv --bounding-set=-chown,-kill --securebits=+noroot,+keep_caps_locked \
        --no-new-privs "$C/capshow"
    assert_line --regexp '^bounding: all but cap_chown cap_kill( |$)'
    assert_line "securebits: 0x21 (noroot, keep_caps_locked)"
    assert_line "NoNewPrivs: 1"
}

@test "capshow: a bad or vanished PID" {
    run -2 "$C/capshow" 12abc
    run -1 --separate-stderr "$C/capshow" 2147483647
    assert_equal "$stderr" "capshow: /proc/2147483647/status: No such file or directory (ENOENT)"
}

# ---- cap_text ----

@test "cap_text: the flags of each capability and the short text" {
    run -0 "$C/cap_text" cap_net_raw,cap_chown+ep
    assert_output "cap_chown: ep
cap_net_raw: ep
text: cap_chown,cap_net_raw=ep"
    run -0 "$C/cap_text" 'cap_chown=p cap_chown+i cap_kill=ie cap_kill-e'
    assert_output "cap_chown: ip
cap_kill: i
text: cap_chown=ip cap_kill+i"
}

@test "cap_text: = resets, and all is every capability" {
    run -0 "$C/cap_text" '=ep cap_sys_admin-e'
    assert_line "cap_sys_admin: p"
    assert_line "cap_chown: ep"
    assert_line "text: =ep cap_sys_admin-e"
    run -0 "$C/cap_text" 'cap_chown+p ='
    assert_output "text: ="
}

@test "cap_text: bad text is a usage error" {
    run -2 --separate-stderr "$C/cap_text" cap_nonsense+p
    assert_equal "${stderr_lines[0]}" "cap_text: 'cap_nonsense+p' is not a capability text (such as cap_net_raw+ep)"
    run -2 "$C/cap_text" 'cap_chown+x'
    run -2 "$C/cap_text"
}

# ---- filecap ----

@test "filecap: root writes revision 2; getcap agrees; - removes" {
    require root
    cp /bin/true t
    run -0 "$C/filecap" t cap_net_raw+ep
    assert_output "revision: 2
effective: 1
permitted: cap_net_raw
inheritable: none
text: cap_net_raw=ep"
    run -0 getcap t
    assert_output "t cap_net_raw=ep"
    run -0 "$C/filecap" t 'cap_chown,cap_kill+p cap_kill+i'
    assert_line "permitted: cap_chown,cap_kill"
    assert_line "inheritable: cap_kill"
    assert_line "effective: 0"
    run -0 "$C/filecap" t -
    assert_output "no file capabilities"
}

@test "filecap: written in a user namespace, revision 3 with the namespace's root ID" {
    require userns
    dir=$(user_tmpdir)
    cp /bin/true "$dir/t"
    [ "$(id -u)" -ne 0 ] || chown "$ISOLAB_USER_ID:$ISOLAB_USER_ID" "$dir/t"
    run -0 as_user "$UCE" -r "$C/filecap" "$dir/t" cap_chown+p
    assert_line "revision: 2" # seen from inside
    run -0 "$C/filecap" "$dir/t"
    assert_line "revision: 3"
    assert_line "permitted: cap_chown"
    assert_line "rootid: $(as_user id -u)"
}

@test "filecap: setting needs CAP_SETFCAP; bad text is a usage error" {
    dir=$(user_tmpdir)
    cp /bin/true "$dir/t"
    [ "$(id -u)" -ne 0 ] || chown "$ISOLAB_USER_ID" "$dir/t"
    run -1 --separate-stderr as_user "$C/filecap" "$dir/t" cap_chown+p
    assert_equal "$stderr" "filecap: cap_set_file $dir/t: needs CAP_SETFCAP; run as root, or under ../userns/userns_child_exec -r for a file you own"
    run -2 "$C/filecap" "$dir/t" nonsense+p
    run -0 "$C/filecap" "$dir/t"
    assert_output "no file capabilities"
}

# ---- cap_try ----

@test "cap_try: +ep works for a capability-dumb program" {
    priv_copy "$C/cap_try" root:root 755 cap_net_bind_service+ep
    run -0 unshare -n "${NOBODY[@]}" "${PRIV[@]}" bind 80
    assert_output "CapPrm: 0000000000000400
CapEff: 0000000000000400
bind port 80: ok"
}

@test "cap_try: +p alone is not enough for a dumb program, and enough for an aware one" {
    priv_copy "$C/cap_try" root:root 755 cap_net_bind_service+p
    run -1 unshare -n "${NOBODY[@]}" "${PRIV[@]}" bind 80
    assert_line "CapEff: 0000000000000000"
    assert_line "bind port 80: Permission denied (EACCES)"
    run -0 unshare -n "${NOBODY[@]}" "${PRIV[@]}" -a bind 80
    assert_output "CapPrm: 0000000000000400
CapEff: 0000000000000000
bind port 80: ok
CapEff: 0000000000000000"
}

@test "cap_try: reading a file of root's needs CAP_DAC_READ_SEARCH" {
    require root
    echo secret >secret && chmod 600 secret
    chmod o+x "$BATS_TEST_TMPDIR" "$(dirname "$BATS_TEST_TMPDIR")" "$BATS_RUN_TMPDIR"
    run -1 "${NOBODY[@]}" "$C/cap_try" read "$PWD/secret"
    assert_line "read $PWD/secret: Permission denied (EACCES)"
    priv_copy "$C/cap_try" root:root 755 cap_dac_read_search+ep
    run -0 "${NOBODY[@]}" "${PRIV[@]}" read "$PWD/secret"
    assert_line "CapEff: 0000000000000004"
}

# ---- cap_launcher ----

@test "cap_launcher: the same process state as setpriv gives" {
    require root
    status_of='grep -e ^Uid -e ^Gid -e ^Groups -e ^Cap /proc/self/status'
    # shellcheck disable=SC2086 # $status_of is split on purpose
    ours=$("$C/cap_launcher" -u nobody -c net_bind_service,net_raw $status_of)
    # shellcheck disable=SC2086
    theirs=$(setpriv --reuid=nobody --regid=nogroup --init-groups \
        --inh-caps=+net_bind_service,+net_raw \
        --ambient-caps=+net_bind_service,+net_raw $status_of)
    assert_equal "$ours" "$theirs"
    [[ "$ours" == *$'CapAmb:\t0000000000002400'* ]]
}

@test "cap_launcher: without -u, root's command holds exactly CAPS too" {
    require root
    run -0 "$C/cap_launcher" -c net_raw grep -e ^Uid -e ^CapPrm -e ^CapEff /proc/self/status
    assert_line --regexp '^Uid:\s+0\s+0\s+0\s+0$'
    assert_line "CapPrm:	0000000000002000"
    assert_line "CapEff:	0000000000002000"
}

@test "cap_launcher: -g sets the group and no other; the command's status is passed on" {
    require root
    run -0 "$C/cap_launcher" -u 65534 -g daemon -c chown sh -c 'id -g; id -G'
    assert_output "1
1"
    run -7 "$C/cap_launcher" -u nobody -c chown sh -c 'exit 7'
}

@test "cap_launcher: a capability it cannot give is refused before anything changes" {
    require root
    run -1 --separate-stderr setpriv --bounding-set=-net_raw "$C/cap_launcher" -u nobody -c net_raw touch marker
    assert_equal "$stderr" "cap_launcher: cap_net_raw: not in this process's permitted and bounding sets"
    assert_file_not_exists marker
}

@test "cap_launcher: without the privilege, unknown names, missing -c" {
    run -1 --separate-stderr as_user "$C/cap_launcher" -c chown touch marker
    if [ "$(id -u)" -eq 0 ] || ! grep -q '^CapEff:.0*$' /proc/self/status; then
        assert_equal "$stderr" "cap_launcher: needs CAP_SETUID, CAP_SETGID and CAP_SETPCAP: run as root"
    fi
    assert_file_not_exists marker
    run -2 "$C/cap_launcher" -c nosuchcap true
    run -2 "$C/cap_launcher" -u nosuchuser -c chown true
    run -2 "$C/cap_launcher" -u nobody true
}

# ---- cap_calc ----

@test "cap_calc: the examples of its header" {
    run -0 "$C/cap_calc" -r 1000 -u 1000 -i none -a none -b 0x1ffffffffff -f cap_net_raw+ep
    assert_output "euid: 1000
rule: file capabilities
CapInh: 0000000000000000
CapPrm: 0000000000002000
CapEff: 0000000000002000
CapBnd: 000001ffffffffff
CapAmb: 0000000000000000"
    run -0 "$C/cap_calc" -r 0 -u 0 -i none -a none -S noroot
    assert_line "CapPrm: 0000000000000000"
    run -0 "$C/cap_calc" -r 1000 -u 1000 -b none -f cap_net_raw+ep
    assert_line --partial "execve: Operation not permitted (EPERM)"
    run -2 "$C/cap_calc" -i nosuchcap
    # A capability by its short name, its full name in any case, its number.
    run -0 "$C/cap_calc" -r 1000 -u 1000 -b net_raw,CAP_CHOWN,21
    assert_line "CapBnd: 0000000000202001"
    run -2 "$C/cap_calc" -S keep_caps
}

# Run FILE (a capshow copy, or capshow itself) under setpriv ARGS for
# real, and compare its sets with what cap_calc predicts for CALC_ARGS.
# kernel_agrees "FILE" CALC SETPRIV_ARGS...: what setpriv ... FILE shows
# is what cap_calc predicts. FILE may be "${PRIV[*]}": a command of words.
kernel_agrees() {
    local file=$1 calc=$2
    shift 2
    local real pred
    # shellcheck disable=SC2086 # FILE is split on purpose
    real=$(setpriv "$@" $file 2>&1 | head -5)
    # shellcheck disable=SC2086 # $calc is split on purpose
    pred=$("$C/cap_calc" $calc | grep -e ^Cap -e ^execve)
    if [[ "$pred" == execve:* ]]; then
        [[ "$real" == *"Operation not permitted"* ]] || {
            echo "predicted EPERM, the kernel ran it: $real"
            return 1
        }
        return 0
    fi
    assert_equal "$real" "$pred"
}

@test "cap_calc: agrees with the kernel for root, noroot and set-UID root" {
    require root
    B=0x$(sed -n 's/^CapBnd:\t//p' /proc/self/status)
    N="--reuid=65534 --regid=65534 --clear-groups"
    kernel_agrees "$C/capshow" "-r 0 -u 0 -i none -a none -b $B" --
    kernel_agrees "$C/capshow" "-r 0 -u 0 -i none -a none -b $B -S noroot" --securebits=+noroot --
    priv_copy "$C/capshow" root:root 4755
    # shellcheck disable=SC2086
    kernel_agrees "${PRIV[*]}" "-r 65534 -u 65534 -i none -a none -b $B -s 0" $N --
    # shellcheck disable=SC2086
    kernel_agrees "${PRIV[*]}" "-r 65534 -u 65534 -i none -a none -b $B -s 0 -n -P none" $N -- setpriv --no-new-privs
}

@test "cap_calc: agrees with the kernel for file capabilities and the bounding set" {
    require root
    B=0x$(sed -n 's/^CapBnd:\t//p' /proc/self/status)
    Bn=$(printf '0x%x' $((B & ~(1 << 13))))
    N="--reuid=65534 --regid=65534 --clear-groups"
    priv_copy "$C/capshow" root:root 755 cap_net_raw+ep
    ep=("${PRIV[@]}")
    priv_copy "$C/capshow" root:root 755 cap_net_raw+p
    p=("${PRIV[@]}")
    priv_copy "$C/capshow" root:root 755 cap_net_raw+ie
    ie=("${PRIV[@]}")
    # shellcheck disable=SC2086
    {
        kernel_agrees "${ep[*]}" "-r 65534 -u 65534 -i none -a none -b $B -f cap_net_raw+ep" $N
        kernel_agrees "${p[*]}" "-r 65534 -u 65534 -i none -a none -b $B -f cap_net_raw+p" $N
        kernel_agrees "${ep[*]}" "-r 65534 -u 65534 -i none -a none -b $Bn -f cap_net_raw+ep" $N --bounding-set=-net_raw
        kernel_agrees "${p[*]}" "-r 65534 -u 65534 -i none -a none -b $Bn -f cap_net_raw+p" $N --bounding-set=-net_raw
        kernel_agrees "${ie[*]}" "-r 65534 -u 65534 -i net_raw -a none -b $B -f cap_net_raw+ie" $N --inh-caps=+net_raw
        kernel_agrees "${ie[*]}" "-r 65534 -u 65534 -i none -a none -b $B -f cap_net_raw+ie" $N
        kernel_agrees "${ep[*]}" "-r 65534 -u 65534 -i none -a none -b $B -n -P none -f cap_net_raw+ep" $N -- setpriv --no-new-privs
    }
}

@test "cap_calc: agrees with the kernel for ambient capabilities" {
    require root
    B=0x$(sed -n 's/^CapBnd:\t//p' /proc/self/status)
    N="--reuid=65534 --regid=65534 --clear-groups"
    A="--inh-caps=+net_raw --ambient-caps=+net_raw"
    priv_copy "$C/capshow" root:root 755 cap_chown+ep
    fcap=("${PRIV[@]}")
    priv_copy "$C/capshow" root:root 4755
    suid=("${PRIV[@]}")
    # shellcheck disable=SC2086
    {
        kernel_agrees "$C/capshow" "-r 65534 -u 65534 -i net_raw -a net_raw -P $B -b $B" $N $A
        kernel_agrees "${fcap[*]}" "-r 65534 -u 65534 -i net_raw -a net_raw -P $B -b $B -f cap_chown+ep" $N $A
        kernel_agrees "${suid[*]}" "-r 65534 -u 65534 -i net_raw -a net_raw -P $B -b $B -s 0" $N $A
    }
}

# ---- bounding, ambient, UID changes, noroot ----

@test "cap_bound_drop: root's next program lacks the capability" {
    require root
    run -0 "$C/cap_bound_drop" net_raw,chown "$C/capshow"
    assert_line --index 0 --regexp '^CapBnd: [0-9a-f]+ \(dropped net_raw,chown\)$'
    prm=$(sed -n 's/^CapPrm: //p' <<<"$output")
    [ $((0x$prm & 0x2001)) -eq 0 ]
    run -2 "$C/cap_bound_drop" nosuchcap true
}

@test "cap_bound_drop: file capabilities cannot bring it back" {
    priv_copy "$C/capshow" root:root 755 cap_net_raw+p
    run -0 "$C/cap_bound_drop" net_raw setpriv --reuid=65534 --regid=65534 --clear-groups "${PRIV[@]}"
    assert_line "CapPrm: 0000000000000000"
    priv_copy "$C/capshow" root:root 755 cap_net_raw+ep
    # A capability-dumb file that would miss it does not run at all.
    run -126 "$C/cap_bound_drop" net_raw setpriv --reuid=65534 --regid=65534 --clear-groups "${PRIV[@]}"
    assert_line --partial "Operation not permitted"
}

@test "cap_bound_drop: root in a user namespace may shrink its own bounding set" {
    require userns
    run -0 "$UCE" -r "$C/cap_bound_drop" chown grep CapBnd /proc/self/status
    assert_line --index 1 "CapBnd:	000001fffffffffe"
    run -1 --separate-stderr as_user "$C/cap_bound_drop" chown true
    assert_equal "$stderr" "cap_bound_drop: PR_CAPBSET_DROP: needs CAP_SETPCAP; run as root, or under ../userns/userns_child_exec -r"
}

@test "demo_uid_caps: leaving UID 0 empties the sets, unless a securebit says otherwise" {
    require root
    bnd=$(sed -n 's/^CapBnd:\t//p' /proc/self/status)
    run -0 "$C/demo_uid_caps"
    assert_output "start: uid 0 0 0, CapPrm $bnd, CapEff $bnd
seteuid(65534): uid 0 65534 0, CapPrm $bnd, CapEff 0000000000000000
seteuid(0): uid 0 0 0, CapPrm $bnd, CapEff $bnd
setresuid(65534, 65534, 65534): uid 65534 65534 65534, CapPrm 0000000000000000, CapEff 0000000000000000"
    run -0 "$C/demo_uid_caps" -k
    assert_line "setresuid(65534, 65534, 65534): uid 65534 65534 65534, CapPrm $bnd, CapEff 0000000000000000"
    run -0 "$C/demo_uid_caps" -n
    assert_line "seteuid(65534): uid 0 65534 0, CapPrm $bnd, CapEff $bnd"
    assert_line "setresuid(65534, 65534, 65534): uid 65534 65534 65534, CapPrm $bnd, CapEff $bnd"
}

@test "demo_ambient: the capability survives execve of an ordinary program" {
    require root
    run -0 "$C/demo_ambient" net_raw "$C/capshow"
    assert_line --index 0 "before execve: CapAmb 0000000000002000"
    assert_line "CapPrm: 0000000000002000"
    assert_line "CapEff: 0000000000002000"
    assert_line "CapAmb: 0000000000002000"
}

@test "demo_ambient: cleared by lowering it in the inheritable set" {
    require root
    run -0 "$C/demo_ambient" -d net_raw "$C/capshow"
    assert_line --index 0 "before execve: CapAmb 0000000000000000"
    assert_line "CapPrm: 0000000000000000"
}

@test "demo_ambient: cleared by a set-UID program and by file capabilities" {
    priv_copy "$C/capshow" root:root 4755
    run -0 "$C/demo_ambient" net_raw "${PRIV[@]}"
    assert_line "CapAmb: 0000000000000000"
    priv_copy "$C/capshow" root:root 755 cap_chown+p
    run -0 "$C/demo_ambient" net_raw "${PRIV[@]}"
    assert_line "CapAmb: 0000000000000000"
    assert_line "CapPrm: 0000000000000001"
}

@test "demo_ambient -i: the inheritable set alone carries CAP only to a file whose inheritable set has it" {
    require root
    # An ordinary program: nothing, though CAP is in our inheritable set.
    run -0 "$C/demo_ambient" -i net_raw "$C/capshow"
    assert_line "CapInh: 0000000000002000"
    assert_line "CapPrm: 0000000000000000"
    assert_line "CapAmb: 0000000000000000"
    # The same program with net_raw in its file inheritable set: it gets
    # it (the new permitted set takes process AND file inheritable).
    priv_copy "$C/capshow" root:root 755 cap_net_raw+i
    run -0 "$C/demo_ambient" -i net_raw "${PRIV[@]}"
    assert_line "CapPrm: 0000000000002000"
    # Another capability in the file's set: the intersection is empty.
    priv_copy "$C/capshow" root:root 755 cap_chown+i
    run -0 "$C/demo_ambient" -i net_raw "${PRIV[@]}"
    assert_line "CapPrm: 0000000000000000"
}

@test "demo_noroot: UID 0 gains nothing, and the bits cannot be cleared" {
    require root
    run -0 "$C/demo_noroot" "$C/capshow"
    assert_line --index 0 "securebits: 0x2f"
    assert_line --index 1 "clear them again: Operation not permitted (EPERM)"
    assert_line "CapPrm: 0000000000000000"
    assert_line "CapEff: 0000000000000000"
    touch mine
    run -1 "$C/demo_noroot" chown 1 mine
    assert_line --partial "Operation not permitted"
}

@test "demo_noroot: -c keeps one capability; a set-UID-root file adds none" {
    require root
    run -0 "$C/demo_noroot" -c net_bind_service "$C/capshow"
    assert_line "CapPrm: 0000000000000400"
    priv_copy "$C/capshow" root:root 4755
    run -0 "$C/demo_noroot" "${PRIV[@]}"
    assert_line "CapPrm: 0000000000000000"
}

@test "demo_noroot: rootless, in a user namespace" {
    require userns
    run -0 "$UCE" -r "$C/demo_noroot" "$C/capshow"
    assert_line "CapPrm: 0000000000000000"
    assert_line --regexp '^securebits: 0x2f '
}
