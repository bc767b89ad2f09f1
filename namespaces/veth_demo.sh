#!/bin/sh
# SPDX-License-Identifier: MIT
#
# veth_demo.sh - two network namespaces joined by a veth pair, and a ping
#
# Demonstrates: a veth pair is a virtual cable: two interfaces, one in
# each network namespace, so that what goes in one end comes out of the
# other. The script makes namespace A (with a user namespace, so no root
# is needed) and namespace B (a sleeping process in it), creates the pair
# in A with its far end moved to B, gives each end an address and pings
# across. Everything lives in namespaces the script made: the host's
# network is not touched, and it all goes when the script ends.
#
# Usage: veth_demo.sh
#
# Try:
#     $ ./veth_demo.sh
#     A: veth-a 192.0.2.1/24, up
#     B: veth-b 192.0.2.2/24, up
#     A: ping 192.0.2.2: 1 packets transmitted, 1 received, 0% packet loss
#   Observe: `ip link` on the host shows neither end. 192.0.2.0/24 is a
#   range reserved for documentation (RFC 5737): it is never anyone's real
#   network.
#
# Needs: ip (iproute2), ping (iputils-ping), unshare and nsenter
# (util-linux); unprivileged user namespaces, or root.
#
# See also: veth(4), ip-link(8), network_namespaces(7); course chapter 15.
set -eu

case ${1:-} in
-h)
    echo "Usage: veth_demo.sh"
    exit 0
    ;;
"" | --inside-a) ;;
*)
    echo "Usage: veth_demo.sh" >&2
    exit 2
    ;;
esac

if [ "${1:-}" != --inside-a ]; then
    # Namespace A: a new user namespace (we are root there) and network
    # namespace, in which the rest of the script runs.
    exec unshare --user --map-root-user --net -- "$0" --inside-a
fi

ip link set lo up
# Namespace B: a process that just waits in a network namespace of its own.
unshare --net sleep 60 &
b=$!
trap 'kill "$b" 2>/dev/null' EXIT
# Wait (5 s at most) until sleep runs in its own namespace.
tries=0
while [ "$(readlink "/proc/$b/ns/net")" = "$(readlink /proc/self/ns/net)" ]; do
    tries=$((tries + 1))
    [ "$tries" -le 500 ] || { echo "veth_demo.sh: namespace B did not appear" >&2; exit 1; }
    sleep 0.01
done

ip link add veth-a type veth peer name veth-b netns "$b"
ip addr add 192.0.2.1/24 dev veth-a
ip link set veth-a up
echo "A: veth-a 192.0.2.1/24, up"
nsenter --target "$b" --net --preserve-credentials sh -c '
    ip link set lo up
    ip addr add 192.0.2.2/24 dev veth-b
    ip link set veth-b up
    echo "B: veth-b 192.0.2.2/24, up"'
printf 'A: ping 192.0.2.2: '
ping -c 1 -W 5 192.0.2.2 | grep 'packets transmitted'
