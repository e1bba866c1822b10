# qBittorrent: the WebUI API (auth/login, then app/setPreferences with the session cookie).
# Gluetun's wiki: on down, port 0 on the loopback drops the old port, so the next up binds again
# (qBittorrent keeps a port it was given before without listening on it anew).
if [ "$mode" = down ]; then
    port=0
    iface=lo
fi

# application/x-www-form-urlencoded, byte by byte.
form_encode() {
    printf '%s' "$1" | od -An -v -tx1 | tr -s ' \n' '\n\n' | while read -r byte; do
        [ -n "$byte" ] || continue
        case "$byte" in
            3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|2d|2e|5f|7e) printf "\\$(printf '%03o' "0x$byte")" ;;
            *) printf '%%%s' "$(printf '%s' "$byte" | tr 'a-f' 'A-F')" ;;
        esac
    done
}

# POST the form in $work/form to $1; sets $status (the HTTP status, empty without an answer),
# leaves the body in $work/body and the headers in $work/headers.
post() {
    target=$1
    shift
    rm -f "$work/body" "$work/headers"
    wget -q -S -O "$work/body" "$@" --post-file "$work/form" "$target" 2>"$work/headers"
    status=$(sed -n 's/^ *HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' "$work/headers" | tail -n 1)
}

printf 'username=%s&password=%s' "$(form_encode "$user")" "$(form_encode "$(cat "$password_file")")" >"$work/form"
until_answered qBittorrent post "$url/api/v2/auth/login"
# 403: qBittorrent bans an address for a while after repeated wrong passwords (WebUI\BanDuration).
[ "$status" = 403 ] && fail "qBittorrent at $url refused the sign-in of '$user' (HTTP 403): it bans an address after repeated wrong passwords; restart the qbittorrent container, then Gluetun"
[ "$status" = 200 ] || fail "qBittorrent at $url refused the sign-in of '$user' (HTTP $status): $(head -c 200 "$work/body" 2>/dev/null)"
[ "$(cat "$work/body")" = "Ok." ] || fail "qBittorrent at $url refused the sign-in of '$user': the password in $password_file is not its WebUI password (run Berth's deploy again to set it)"
# The session cookie (named SID unless the WebUI's session cookie name was changed).
cookie=$(sed -n 's/^ *[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' "$work/headers" | head -n 1)
[ -n "$cookie" ] || fail "qBittorrent at $url signed in but sent no session cookie"

printf 'json=%s' "$(form_encode "{\"listen_port\":$port,\"random_port\":false,\"upnp\":false,\"current_network_interface\":\"$iface\"}")" >"$work/form"
post "$url/api/v2/app/setPreferences" --header "Cookie: $cookie"
[ "$status" = 200 ] || fail "qBittorrent at $url did not take the port $port (HTTP ${status:-no answer}): $(head -c 200 "$work/body" 2>/dev/null)"
: >"$work/form"
post "$url/api/v2/auth/logout" --header "Cookie: $cookie"

if [ "$mode" = up ]; then
    say "qBittorrent at $url listens on the forwarded port $port on $iface (random port and UPnP off)"
else
    say "qBittorrent at $url let go of the forwarded port (port 0 on lo until the next one)"
fi
