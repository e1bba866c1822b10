#!/bin/sh
# Written by Berth. Gluetun runs it when the VPN provider forwards a port (up) and when the
# forwarding stops (down), to hand the port to the torrent client through the client's own API:
#   /bin/sh forwarded-port.sh <up|down> <port> <interface> <client URL> <user> <password file>
# BusyBox only (Gluetun's image is Alpine). The client's sign-in stays on: every app routed
# through Gluetun shares its localhost, so "bypass authentication for localhost" would open the
# client to all of them. The password is read from its file and never printed.
set -u

mode=${1:-}
port=${2:-}
iface=${3:-}
url=${4:-}
user=${5:-}
password_file=${6:-}

say() { printf '%s\n' "berth forwarded port: $*"; }
fail() { say "$*" >&2; exit 1; }

case "$mode" in
    up|down) ;;
    *) fail "usage: forwarded-port.sh <up|down> <port> <interface> <client URL> <user> <password file>" ;;
esac
case "$port" in
    ''|*[!0-9]*) fail "'$port' is not a port number" ;;
esac
[ -n "$iface" ] || fail "no VPN interface given"
[ -r "$password_file" ] || fail "cannot read the client's password file $password_file"
url=${url%/}

# Up waits a couple of minutes for the client to start (Gluetun may forward a port before it
# runs); down gets less, as Gluetun gives its down command 60 seconds.
if [ "$mode" = up ]; then wait_seconds=120; else wait_seconds=30; fi

work=$(mktemp -d) || fail "cannot make a temporary folder"
trap 'rm -rf "$work"' EXIT
umask 077

# Runs the request ("$2"...; it sets $status, empty without an answer) until the client named
# "$1" answers, for at most $wait_seconds.
until_answered() {
    client=$1
    shift
    waited=0
    while :; do
        "$@"
        [ -n "$status" ] && return 0
        [ "$waited" -ge "$wait_seconds" ] && fail "$client did not answer at $url for $wait_seconds seconds; port $port was not set (is its container running?)"
        sleep 2
        waited=$((waited + 2))
    done
}

