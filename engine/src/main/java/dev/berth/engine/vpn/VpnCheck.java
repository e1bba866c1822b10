package dev.berth.engine.vpn;

/**
 * One thing the VPN proof checked, for one routed app (or for Gluetun itself): a row of the VPN
 * table after {@code berth deploy}, in {@code berth status} and on the Done page.
 *
 * @param service the service's name in the stack ({@code qbittorrent}); {@code gluetun} for what
 *                holds for the whole tunnel (its public address, the forwarded port)
 * @param kind    what was checked
 * @param verdict what the check found; UNKNOWN when it could not tell, never PASS then
 * @param detail  what was seen ("default route: tun0"), and on FAIL or UNKNOWN why and what to do
 */
public record VpnCheck(String service, Kind kind, Verdict verdict, String detail) {
    public enum Kind {
        /** The app runs in Gluetun's network namespace (the one Gluetun has now, not a stale one). */
        NAMESPACE("shares Gluetun's network"),
        /** The route to the internet leaves through the tunnel's interface. */
        ROUTE("internet route is the tunnel"),
        /** Names are resolved by Gluetun's own DNS server, not Docker's or the home network's. */
        DNS("DNS is Gluetun's"),
        /** No IPv6 route around the tunnel: IPv6 is off, or it too goes through the tunnel. */
        IPV6("IPv6 off or in the tunnel"),
        /** The public address seen through the tunnel differs from the server's own. */
        PUBLIC_ADDRESS("public address is the VPN's"),
        /** With Gluetun stopped, the app has no network at all. */
        KILL_SWITCH("no network without Gluetun"),
        /** The port the provider forwards reached the torrent client. */
        FORWARDED_PORT("forwarded port reached the client");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        /** How the table names the check. */
        public String title() {
            return title;
        }
    }

    public enum Verdict {
        PASS, FAIL, UNKNOWN
    }

    public VpnCheck {
        detail = detail == null ? "" : detail;
    }

    /**
     * Whether this check found traffic that can leave outside the tunnel. A forwarded port that did
     * not reach the client fails too, but leaks nothing: torrents are slower, not exposed.
     */
    public boolean leak() {
        return verdict == Verdict.FAIL && kind != Kind.FORWARDED_PORT;
    }
}
