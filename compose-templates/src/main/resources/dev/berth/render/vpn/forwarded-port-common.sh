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

# Gluetun waits for "up" before it starts keeping the provider's lease alive (ProtonVPN's NAT-PMP
# lease lasts 60 seconds), and it forwards a port before the client runs (the client waits for
# Gluetun to be healthy). So "up" holds Gluetun for a few seconds only: a client still starting gets
# its port from a copy of this script left in the background, which waits up to two minutes and
# writes to the output of whoever ran this one (Gluetun's log). Down gets 30 seconds, within the
# 60 Gluetun gives it.
background=${BERTH_FORWARDED_PORT_BACKGROUND:-}
if [ "$mode" = down ]; then wait_seconds=30; elif [ "$background" = 1 ]; then wait_seconds=120; else wait_seconds=8; fi

work=$(mktemp -d) || fail "cannot make a temporary folder"
trap 'rm -rf "$work"' EXIT
umask 077

# Leaves the rest to a copy of this script in the background and ends this one (see wait_seconds).
in_background() {
    out=/proc/$PPID/fd/1
    [ -w "$out" ] || out=/dev/null
    BERTH_FORWARDED_PORT_BACKGROUND=1 /bin/sh "$0" "$mode" "$port" "$iface" "$url" "$user" "$password_file" \
        </dev/null >"$out" 2>&1 &
    say "$1 does not answer at $url yet; port $port is set as soon as it does (up to 120 seconds, in the background)"
    exit 0
}

# Runs the request ("$2"...; it sets $status, empty without an answer) until the client named
# "$1" answers, for at most $wait_seconds.
until_answered() {
    client=$1
    shift
    waited=0
    while :; do
        "$@"
        [ -n "$status" ] && return 0
        if [ "$waited" -ge "$wait_seconds" ]; then
            [ "$mode" = up ] && [ "$background" != 1 ] && in_background "$client"
            fail "$client did not answer at $url for $wait_seconds seconds; port $port was not set (is its container running?)"
        fi
        sleep 2
        waited=$((waited + 2))
    done
}

