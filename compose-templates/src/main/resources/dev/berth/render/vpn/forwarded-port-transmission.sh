# Transmission: the RPC's session-set, at the RPC under the URL base (http://127.0.0.1:9091/transmission/).
# HTTP is spoken through nc, since BusyBox's wget drops the headers of a 409 answer, and the
# session id Transmission hands out comes with one.
if [ "$mode" = down ]; then
    # Transmission keeps listening on the port it has; the next up sets the new one.
    say "Transmission keeps port $port until the VPN provider forwards the next one"
    exit 0
fi
rpc="$url/rpc"
case "$rpc" in
    http://*) ;;
    *) fail "'$url' is not an http:// address" ;;
esac
address=${rpc#http://}
path=/${address#*/}
address=${address%%/*}
host=${address%:*}
http_port=${address##*:}
[ "$http_port" != "$address" ] || http_port=80

auth=$(printf '%s:%s' "$user" "$(cat "$password_file")" | base64 | tr -d '\n')
printf '{"method":"session-set","arguments":{"peer-port":%s,"peer-port-random-on-start":false,"port-forwarding-enabled":false}}' \
    "$port" >"$work/request"

# POST the request (HTTP/1.0: the answer ends when Transmission closes the connection); sets
# $status (the HTTP status, empty without an answer) and leaves the answer in $work/answer.
post() {
    session_header=${1:+X-Transmission-Session-Id: $1}
    {
        printf 'POST %s HTTP/1.0\r\nHost: %s\r\nAuthorization: Basic %s\r\n' "$path" "$address" "$auth"
        [ -z "$session_header" ] || printf '%s\r\n' "$session_header"
        printf 'Content-Type: application/json\r\nContent-Length: %s\r\n\r\n' "$(wc -c <"$work/request" | tr -d ' ')"
        cat "$work/request"
    } | nc -w 10 "$host" "$http_port" >"$work/answer" 2>/dev/null
    status=$(sed -n '1s/^HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' "$work/answer")
}

until_answered Transmission post
[ "$status" = 401 ] && fail "Transmission at $rpc refused the sign-in of '$user': the password in $password_file is not its RPC password (run Berth's deploy again to set it)"
# Transmission's guard against cross-site requests: the first call gets 409 and the session id to send along.
if [ "$status" = 409 ]; then
    session=$(tr -d '\r' <"$work/answer" | sed -n 's/^[Xx]-[Tt]ransmission-[Ss]ession-[Ii]d: *\([^ ]*\).*/\1/p' | head -n 1)
    [ -n "$session" ] || fail "Transmission at $rpc answered 409 without a session id"
    post "$session"
fi
[ "$status" = 200 ] || fail "Transmission at $rpc did not take the port $port (HTTP ${status:-no answer})"
grep -q '"result": *"success"' "$work/answer" || fail "Transmission at $rpc did not take the port $port: $(sed '1,/^\r*$/d' "$work/answer" | head -c 200)"
say "Transmission at $rpc listens on the forwarded port $port (random port on start and UPnP/NAT-PMP off)"
