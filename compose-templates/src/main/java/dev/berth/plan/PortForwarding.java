package dev.berth.plan;

import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.PortForwardingProvider;
import java.util.Optional;

/**
 * The port the VPN provider forwards, and the torrent client that gets it: on when a torrent
 * client is routed through the VPN and the provider forwards a port with the chosen VPN type,
 * unless the answers switch it off. Only one client can listen on the one port: the first routed
 * torrent client in the person's order gets it.
 *
 * @param client   the routed torrent client Gluetun's hooks push the port into
 * @param provider what the provider needs for it
 */
public record PortForwarding(PlannedService client, PortForwardingProvider provider) {

    public static Optional<PortForwarding> of(StackPlan plan) {
        VpnAnswers vpn = plan.answers().vpn();
        if (!vpn.enabled() || Boolean.FALSE.equals(vpn.portForwarding()) || vpn.type() == null) {
            return Optional.empty();
        }
        Optional<PortForwardingProvider> provider = plan.services().stream()
                .filter(s -> s.definition().vpnGateway() != null).findFirst()
                .flatMap(gateway -> gateway.definition().vpnGateway().forwarding(vpn.provider()))
                .filter(p -> p.types().contains(vpn.type().key()));
        Optional<PlannedService> client = plan.servicesInChosenOrder().stream()
                .filter(s -> s.placement() == Placement.VPN && s.definition().forwardedPort() != null)
                .findFirst();
        if (provider.isEmpty() || client.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortForwarding(client.get(), provider.get()));
    }
}
