package dev.berth.wizardsteps.vpn;

import dev.berth.catalog.Catalog;
import dev.berth.catalog.PortForwardingProvider;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.catalog.VpnGatewaySpec;
import dev.berth.answers.VpnAnswers.Type;
import java.util.List;
import java.util.Optional;

/**
 * Whether the provider's forwarded port will reach a routed torrent client, as the VPN page says it
 * before the deploy: the same decision as {@code plan.PortForwarding} (the provider forwards with
 * the chosen type, per the gateway's catalog entry; the first routed torrent client in the order
 * the person chose gets it), made from what the page holds.
 *
 * @param provider the gateway's rules for the provider
 * @param client   the routed torrent client's display name
 */
record PortForwardingOffer(PortForwardingProvider provider, String client) {

    /**
     * @param chosen the apps chosen, in the person's order
     * @param routed the apps ticked to go through the VPN
     */
    static Optional<PortForwardingOffer> of(Catalog catalog, String provider, Type type, List<String> chosen, List<String> routed) {
        if (provider == null || type == null) {
            return Optional.empty();
        }
        Optional<PortForwardingProvider> rules = catalog.all().stream().map(ServiceDefinition::vpnGateway)
                .filter(g -> g != null).findFirst()
                .flatMap((VpnGatewaySpec g) -> g.forwarding(provider))
                .filter(p -> p.types().contains(type.key()));
        Optional<String> client = chosen.stream().filter(routed::contains).map(catalog::find).flatMap(Optional::stream)
                .filter(d -> d.forwardedPort() != null).map(ServiceDefinition::name).findFirst();
        if (rules.isEmpty() || client.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortForwardingOffer(rules.get(), client.get()));
    }

    /** "ProtonVPN forwards a port: qBittorrent gets it at every reconnect." */
    String sentence() {
        return VpnProviderInfo.of(provider.provider()).name() + " forwards a port: " + client
                + " gets it at every reconnect, so other peers can connect to it.";
    }

    /** What the OpenVPN user name must end with for the provider to forward; empty when nothing. */
    Optional<String> openVpnUserSuffix() {
        return Optional.ofNullable(provider.openvpnUserSuffix()).filter(s -> !s.isEmpty());
    }
}
