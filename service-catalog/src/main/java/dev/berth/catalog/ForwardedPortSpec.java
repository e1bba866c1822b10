package dev.berth.catalog;

/**
 * How a torrent client is given the port the VPN provider forwards, at every change: Gluetun's
 * port-forwarding up and down hooks run a script made for the client's API.
 *
 * @param hook names the script ({@code qbittorrent}: the WebUI API's setPreferences;
 *             {@code transmission}: the RPC's session-set); the planner refuses a name it has no script for
 */
public record ForwardedPortSpec(String hook) {
}
