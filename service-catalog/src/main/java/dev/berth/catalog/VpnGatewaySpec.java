package dev.berth.catalog;

import java.util.List;

/**
 * What makes a service the gateway other apps are routed through (Gluetun): where its control
 * server listens, the keys Berth writes into its auth file, the tunnel's interfaces and DNS, and
 * the providers it forwards a port for. Read by the planner (auth file, port forwarding), the
 * engine's VPN proof (control server, tunnel, DNS) and the VPN page (providers' requirements).
 *
 * @param controlPort      the control server's port inside the gateway's network namespace
 * @param authFile         the auth file's path inside the gateway's config folder ({@code auth/config.toml})
 * @param keySecret        the secret holding the API key Berth's own checks use
 * @param keyRoutes        the routes that key may call ("GET /v1/publicip/ip", ...)
 * @param widgetKeySecret  the secret holding the read-only key of Homepage's widget
 * @param widgetRoutes     the routes the widget's key may call
 * @param tunnelInterfaces names the tunnel's interface has ({@code tun0} for OpenVPN, {@code wg0} for WireGuard)
 * @param dnsAddresses     the addresses of the gateway's own DNS server, as routed apps' resolv.conf names them
 * @param portForwarding   the providers the gateway forwards a port for, with what each requires
 */
public record VpnGatewaySpec(
        int controlPort,
        String authFile,
        String keySecret,
        List<String> keyRoutes,
        String widgetKeySecret,
        List<String> widgetRoutes,
        List<String> tunnelInterfaces,
        List<String> dnsAddresses,
        List<PortForwardingProvider> portForwarding) {

    public VpnGatewaySpec {
        keyRoutes = keyRoutes == null ? List.of() : List.copyOf(keyRoutes);
        widgetRoutes = widgetRoutes == null ? List.of() : List.copyOf(widgetRoutes);
        tunnelInterfaces = tunnelInterfaces == null ? List.of() : List.copyOf(tunnelInterfaces);
        dnsAddresses = dnsAddresses == null ? List.of() : List.copyOf(dnsAddresses);
        portForwarding = portForwarding == null ? List.of() : List.copyOf(portForwarding);
    }

    /** The folder holding the auth file, inside the config folder ({@code auth}): Berth mounts it read-only. */
    public String authFolder() {
        return authFile.substring(0, authFile.lastIndexOf('/'));
    }

    /** The provider's port forwarding facts, when the gateway forwards a port for it. */
    public java.util.Optional<PortForwardingProvider> forwarding(String provider) {
        return portForwarding.stream().filter(p -> p.provider().equals(provider)).findFirst();
    }
}
