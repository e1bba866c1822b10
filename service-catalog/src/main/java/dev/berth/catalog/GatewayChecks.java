package dev.berth.catalog;

import java.util.regex.Pattern;

/**
 * The checks of what makes a service the VPN gateway ({@code vpnGateway}) and of a torrent
 * client's {@code forwardedPort}, for {@link DefinitionChecker}: their own file, since they read
 * Gluetun's words (routes, interfaces, providers) and nothing else in a definition does.
 */
final class GatewayChecks {
    /** A control server route as Gluetun's auth file lists it: "GET /v1/publicip/ip". */
    private static final Pattern ROUTE = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) /[A-Za-z0-9/_.-]*");
    private static final Pattern INTERFACE = Pattern.compile("[a-z][a-z0-9]{0,14}");
    private static final java.util.Set<String> VPN_TYPES = java.util.Set.of("openvpn", "wireguard");

    private final ServiceDefinition def;
    private final DefinitionChecker checker;

    GatewayChecks(ServiceDefinition def, DefinitionChecker checker) {
        this.def = def;
        this.checker = checker;
    }

    /** Both sections, when the definition has them. */
    void check() {
        checkGateway();
        checkForwardedPort();
    }

    /** The gateway's control server, its auth file and the providers it forwards a port for. */
    private void checkGateway() {
        VpnGatewaySpec gateway = def.vpnGateway();
        if (gateway == null) {
            return;
        }
        checker.requirePort(gateway.controlPort(), "vpnGateway.controlPort");
        String auth = gateway.authFile();
        checker.require(auth != null && auth.endsWith(".toml") && auth.contains("/") && DefinitionChecker.insideFolder(auth),
                "vpnGateway.authFile", "must be a .toml file in a folder of the gateway's config folder, without '..' (e.g. auth/config.toml):"
                        + " Berth mounts that folder read-only");
        checker.require(def.volumes().stream().anyMatch(v -> v.kind() == VolumeSpec.Kind.CONFIG), "vpnGateway.authFile",
                "needs a 'config' volume: the auth file is written into the gateway's config folder");
        checker.requireSecretName(gateway.keySecret(), "vpnGateway.keySecret", "_control_api_key");
        checker.requireSecretName(gateway.widgetKeySecret(), "vpnGateway.widgetKeySecret", "_widget_api_key");
        checker.require(gateway.keySecret() == null || !gateway.keySecret().equals(gateway.widgetKeySecret()), "vpnGateway.widgetKeySecret",
                "must differ from keySecret: the widget's key is read-only, Berth's may call more routes");
        checkRoutes(gateway.keyRoutes(), "vpnGateway.keyRoutes");
        checkRoutes(gateway.widgetRoutes(), "vpnGateway.widgetRoutes");
        checker.require(!gateway.tunnelInterfaces().isEmpty()
                        && gateway.tunnelInterfaces().stream().allMatch(i -> i != null && INTERFACE.matcher(i).matches()),
                "vpnGateway.tunnelInterfaces", "must list the tunnel's interface names (e.g. [tun0, wg0])");
        checker.require(!gateway.dnsAddresses().isEmpty()
                        && gateway.dnsAddresses().stream().allMatch(a -> a != null && a.matches("[0-9A-Fa-f.:]+")),
                "vpnGateway.dnsAddresses", "must list the IP addresses of the gateway's own DNS server (e.g. [127.0.0.1, \"::1\"])");
        java.util.Set<String> providers = new java.util.HashSet<>();
        for (int i = 0; i < gateway.portForwarding().size(); i++) {
            PortForwardingProvider p = gateway.portForwarding().get(i);
            String field = "vpnGateway.portForwarding[" + i + "]";
            checker.require(p.provider() != null && GluetunProviders.ALL.contains(p.provider()), field + ".provider",
                    "'" + p.provider() + "' is not a provider Gluetun knows; use its VPN_SERVICE_PROVIDER name, one of " + GluetunProviders.ALL);
            checker.require(p.provider() == null || providers.add(p.provider()), field + ".provider", "'" + p.provider() + "' is listed twice; list each provider once");
            checker.require(!p.types().isEmpty() && p.types().stream().allMatch(VPN_TYPES::contains), field + ".types",
                    "must list the VPN types the provider forwards a port with: openvpn, wireguard or both");
            checker.require(p.openvpnUserSuffix() == null || (p.openvpnUserSuffix().matches("\\S+") && p.types().contains("openvpn")),
                    field + ".openvpnUserSuffix", "must be text without spaces (e.g. +pmp), and only for a provider that forwards with openvpn");
            p.environment().forEach((name, value) -> {
                checker.require(DefinitionChecker.ENV_NAME.matcher(name).matches(), field + ".environment." + name, "is not a valid variable name");
                checker.require(value != null, field + ".environment." + name, "needs a value (e.g. \"on\")");
            });
            checker.require(p.hint() == null || (!p.hint().isBlank() && p.hint().lines().count() == 1), field + ".hint",
                    "must be one line (use a folded block '>-'): what the person must do at the provider");
        }
    }

    private void checkRoutes(java.util.List<String> routes, String field) {
        checker.require(!routes.isEmpty(), field, "must list the control server routes the key may call (e.g. \"GET /v1/publicip/ip\")");
        for (int i = 0; i < routes.size(); i++) {
            String route = routes.get(i);
            checker.require(route != null && ROUTE.matcher(route).matches(), field + "[" + i + "]",
                    "'" + route + "' is not a route: write it as METHOD /path, e.g. \"GET /v1/publicip/ip\"");
        }
    }

    /** Only an app routed through the gateway can take the port the provider forwards into the tunnel. */
    private void checkForwardedPort() {
        ForwardedPortSpec forwarded = def.forwardedPort();
        if (forwarded == null) {
            return;
        }
        checker.require(forwarded.hook() != null && forwarded.hook().matches("[a-z][a-z0-9-]*"), "forwardedPort.hook",
                "must name the script that pushes the port into the app (qbittorrent, transmission)");
        checker.require(def.vpnCapable(), "forwardedPort", "needs 'vpnCapable: true': the port is forwarded into the VPN tunnel, so only a routed app can take it");
    }
}
