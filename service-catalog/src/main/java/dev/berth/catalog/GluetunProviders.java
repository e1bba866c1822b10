package dev.berth.catalog;

import java.util.List;

/**
 * Gluetun's {@code VPN_SERVICE_PROVIDER} values (internal/constants/providers, mid-2026). Here, in
 * the catalog, because gluetun.yaml's port forwarding entries must name one of them; the answers'
 * rules ({@code TextRules.VPN_PROVIDERS}) read the same list.
 */
public final class GluetunProviders {
    public static final List<String> ALL = List.of(
            "airvpn", "custom", "cyberghost", "expressvpn", "fastestvpn", "giganews", "hidemyass", "ipvanish",
            "ivpn", "mullvad", "nordvpn", "perfect privacy", "privado", "private internet access", "privatevpn",
            "protonvpn", "purevpn", "slickvpn", "surfshark", "torguard", "vpn secure", "vpn unlimited", "vyprvpn",
            "windscribe");

    private GluetunProviders() {
    }
}
