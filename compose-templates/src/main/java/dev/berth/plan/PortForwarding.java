package dev.berth.plan;

import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.PortForwardingProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** What the gateway is told: forwarding on, then what the provider needs besides (only servers that forward). */
    public Map<String, String> gatewayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VPN_PORT_FORWARDING", "on");
        env.putAll(provider.environment());
        return env;
    }

    /**
     * A provider that forwards only to a marked OpenVPN user (ProtonVPN: {@code +pmp}) silently
     * forwards nothing to any other: refused here, where the user is known whether it was typed
     * or kept in secrets/openvpn_user. The message never repeats the user name (a secret).
     *
     * @throws InvalidAnswersException naming {@code vpn.openvpn.user}
     */
    void requireOpenVpnUser(StackPlan plan) {
        String suffix = provider.openvpnUserSuffix();
        VpnAnswers vpn = plan.answers().vpn();
        String user = plan.secrets().get("openvpn_user");
        if (suffix == null || vpn.type() != VpnAnswers.Type.OPENVPN || user == null || user.endsWith(suffix)) {
            return;
        }
        throw new InvalidAnswersException(List.of(new Problem("vpn.openvpn.user", vpn.provider() + " forwards a port only"
                + " when the OpenVPN user name ends in '" + suffix + "': add " + suffix + " to the end of your OpenVPN user name"
                + " (Berth keeps it in secrets/openvpn_user), or set vpn.portForwarding to false",
                PlanRule.OPENVPN_USER_SUFFIX)));
    }
}
