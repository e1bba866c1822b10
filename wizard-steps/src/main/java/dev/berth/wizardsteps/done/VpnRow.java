package dev.berth.wizardsteps.done;

import dev.berth.engine.vpn.VpnCheck;

/**
 * One row of the Done page's VPN section: "qBittorrent — internet route is the tunnel" with its
 * verdict and what was seen (on FAIL what to fix, on UNKNOWN why it could not tell).
 *
 * @param service the app's name as the page shows it ("qBittorrent", "Gluetun")
 * @param check   the check's title
 */
public record VpnRow(String service, String check, VpnCheck.Verdict verdict, String detail) {
}
