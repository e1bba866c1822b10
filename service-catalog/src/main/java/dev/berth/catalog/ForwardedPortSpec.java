package dev.berth.catalog;

/**
 * How a torrent client is given the port the VPN provider forwards, at every change: Gluetun's
 * port-forwarding up and down hooks run a script made for the client's API.
 *
 * @param hook             names the script ({@code qbittorrent}: the WebUI API's setPreferences;
 *                         {@code transmission}: the RPC's session-set); the planner refuses a name it has no script for
 * @param peerPortVariable the image's variable that sets the peer port again at every start
 *                         ({@code TORRENTING_PORT}, {@code PEERPORT}); left out when the forwarded port is pushed in,
 *                         or a restart of the client alone would drop the forwarded port; null: none
 */
public record ForwardedPortSpec(String hook, String peerPortVariable) {
    public ForwardedPortSpec(String hook) {
        this(hook, null);
    }
}
