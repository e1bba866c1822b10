package dev.berth.engine.vpn;

import dev.berth.catalog.VpnGatewaySpec;
import dev.berth.engine.vpn.NamespaceFacts.RouteLookup;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one routed app's network (NAMESPACE, ROUTE, DNS, IPV6) from what its container and
 * Gluetun's said: pure, so every verdict is tested without a container. The rule throughout: PASS
 * only on what was seen; what could not be read is UNKNOWN with why, never a PASS.
 */
final class LeakChecks {
    private final VpnGatewaySpec gateway;
    private final String gatewayName;

    LeakChecks(VpnGatewaySpec gateway, String gatewayName) {
        this.gateway = gateway;
        this.gatewayName = gatewayName;
    }

    /** A container as the engine and its own {@code sh} described it. */
    record Seen(String service, String containerId, boolean running, String networkMode, NamespaceFacts facts) {
    }

    /** The checks of {@code app}; only NAMESPACE (UNKNOWN) when it does not run, since nothing else can be read. */
    List<VpnCheck> check(Seen app, Seen gluetun) {
        if (!app.running()) {
            return List.of(new VpnCheck(app.service(), Kind.NAMESPACE, Verdict.UNKNOWN, app.service()
                    + " is not running, so nothing of it can leak now; berth deploy (or the wizard) starts it again"));
        }
        List<VpnCheck> checks = new ArrayList<>();
        VpnCheck namespace = namespace(app, gluetun);
        checks.add(namespace);
        checks.add(route(app, gluetun, namespace.verdict() == Verdict.PASS));
        checks.add(dns(app));
        checks.add(ipv6(app));
        return checks;
    }

    private VpnCheck namespace(Seen app, Seen gluetun) {
        String wanted = "container:" + gluetun.containerId();
        if (app.networkMode() != null && app.networkMode().startsWith("container:") && !wanted.equals(app.networkMode())) {
            return fail(app, Kind.NAMESPACE, app.service() + " joined the network of an earlier " + gatewayName + " container ("
                    + shortId(app.networkMode().substring("container:".length())) + "), which was recreated since: its network"
                    + " is not the tunnel's. Recreate it with berth deploy (or docker compose up -d in the stack folder)");
        }
        if (!wanted.equals(app.networkMode())) {
            return fail(app, Kind.NAMESPACE, app.service() + "'s network mode is " + describe(app.networkMode())
                    + ", not Gluetun's running container (" + shortId(gluetun.containerId()) + "): it reaches the internet around"
                    + " the tunnel. Give it network_mode: service:" + gatewayName + " (Berth's compose.yaml does) and deploy again");
        }
        Optional<String> own = app.facts().namespace();
        Optional<String> theirs = gluetun.facts().namespace();
        if (own.isEmpty() || theirs.isEmpty()) {
            return new VpnCheck(app.service(), Kind.NAMESPACE, Verdict.UNKNOWN, "network mode " + app.networkMode()
                    + ", but the namespace could not be read in " + (own.isEmpty() ? app.service() : gatewayName)
                    + " (no readlink or ls in its image?)");
        }
        if (!own.get().equals(theirs.get())) {
            return fail(app, Kind.NAMESPACE, app.service() + " holds network namespace " + own.get() + ", but " + gatewayName
                    + " runs in " + theirs.get() + ": " + gatewayName + " restarted without it, and the old namespace is not"
                    + " the tunnel's. Restart " + app.service() + " (docker restart, or berth status, which does it)");
        }
        return new VpnCheck(app.service(), Kind.NAMESPACE, Verdict.PASS, "same network namespace as " + gatewayName
                + " (" + own.get() + ")");
    }

    private VpnCheck route(Seen app, Seen gluetun, boolean sameNamespace) {
        RouteLookup lookup = app.facts().route();
        String where = "";
        if (lookup instanceof RouteLookup.Unread && sameNamespace) {
            // The same namespace has the same routes and rules: Gluetun's own ip reads them for an image without one.
            lookup = gluetun.facts().route();
            where = " (read in " + gatewayName + "'s container, which shares the namespace)";
        }
        return switch (lookup) {
            case RouteLookup.Device d when tunnel(d.name()) -> new VpnCheck(app.service(), Kind.ROUTE, Verdict.PASS,
                    "route to " + NamespaceFacts.PROBE_ADDRESS + ": " + d.name() + where);
            case RouteLookup.Device d -> fail(app, Kind.ROUTE, "the route to the internet (" + NamespaceFacts.PROBE_ADDRESS
                    + ") goes out through " + d.name() + ", not the tunnel (" + String.join(" or ", gateway.tunnelInterfaces())
                    + ")" + where + ": the tunnel is not up, or the app is not in " + gatewayName + "'s network. Check "
                    + gatewayName + "'s log for the VPN connection and your VPN settings");
            case RouteLookup.NoRoute n -> new VpnCheck(app.service(), Kind.ROUTE, Verdict.UNKNOWN, "no route to the internet"
                    + " at all (" + n.said() + ")" + where + ": nothing leaves, but the tunnel is not up either; check "
                    + gatewayName + "'s log");
            case RouteLookup.Unread u -> mainTable(app);
        };
    }

    /** Without {@code ip} anywhere: the main table alone, which cannot show Gluetun's WireGuard policy routing. */
    private VpnCheck mainTable(Seen app) {
        Optional<NamespaceFacts.Route4> best = app.facts().mainRoutes().flatMap(routes -> routes.stream()
                .filter(r -> (r.flags() & 0x0001) != 0 && r.covers(0x01010101))
                .max(java.util.Comparator.comparingInt(r -> Integer.bitCount(r.mask()))));
        if (best.isPresent() && tunnel(best.get().device())) {
            return new VpnCheck(app.service(), Kind.ROUTE, Verdict.PASS, "route to " + NamespaceFacts.PROBE_ADDRESS + ": "
                    + best.get().device() + " (main routing table)");
        }
        return new VpnCheck(app.service(), Kind.ROUTE, Verdict.UNKNOWN, best.map(r -> "the main routing table sends "
                + NamespaceFacts.PROBE_ADDRESS + " through " + r.device() + ", and neither " + app.service() + " nor "
                + gatewayName + " has the ip program to read the policy rules WireGuard adds")
                .orElse("the routing table could not be read in " + app.service()));
    }

    private VpnCheck dns(Seen app) {
        Optional<List<String>> servers = app.facts().nameservers();
        if (servers.isEmpty() || servers.get().isEmpty()) {
            return new VpnCheck(app.service(), Kind.DNS, Verdict.UNKNOWN, servers.isEmpty()
                    ? "/etc/resolv.conf could not be read in " + app.service()
                    : "/etc/resolv.conf names no nameserver in " + app.service());
        }
        List<String> outside = servers.get().stream().filter(s -> !gateway.dnsAddresses().contains(s)).toList();
        if (outside.isEmpty()) {
            return new VpnCheck(app.service(), Kind.DNS, Verdict.PASS, "nameserver " + String.join(", ", servers.get())
                    + " (" + gatewayName + "'s own)");
        }
        String which = outside.contains("127.0.0.11") ? "127.0.0.11 is Docker's own DNS, which asks the server's resolvers"
                + " outside the tunnel" : String.join(", ", outside) + " is not " + gatewayName + "'s DNS";
        return fail(app, Kind.DNS, "DNS leak: " + app.service() + " asks " + String.join(", ", outside) + " (" + which
                + "). " + gatewayName + "'s DNS server must be on (DOT=on, the default) so it writes "
                + String.join(" or ", gateway.dnsAddresses()) + " into resolv.conf, and the app must have no dns: of its own");
    }

    private VpnCheck ipv6(Seen app) {
        NamespaceFacts f = app.facts();
        if (f.ipv6Disabled().orElse(false)) {
            return new VpnCheck(app.service(), Kind.IPV6, Verdict.PASS, "IPv6 is off (disable_ipv6 = 1)");
        }
        if (f.ipv6().isEmpty()) {
            return new VpnCheck(app.service(), Kind.IPV6, Verdict.UNKNOWN, "IPv6's state could not be read in " + app.service()
                    + " (/proc/sys/net/ipv6 and /proc/net/if_inet6)");
        }
        NamespaceFacts.Ipv6 v6 = f.ipv6().get();
        if (f.ipv6Disabled().isEmpty() && v6.addresses().isEmpty() && v6.routes().isEmpty()) {
            return new VpnCheck(app.service(), Kind.IPV6, Verdict.PASS, "no IPv6 in this network namespace");
        }
        List<String> leaks = new ArrayList<>();
        v6.addresses().stream().filter(a -> a.scope() == 0 && !tunnel(a.device()) && !a.device().equals("lo"))
                .forEach(a -> leaks.add("global address " + a.address() + " on " + a.device()));
        v6.routes().stream().filter(r -> r.prefix() == 0 && !r.reject() && !tunnel(r.device()) && !r.device().equals("lo"))
                .forEach(r -> leaks.add("default route through " + r.device()));
        if (leaks.isEmpty()) {
            return new VpnCheck(app.service(), Kind.IPV6, Verdict.PASS, "IPv6 is on, but no address or route outside the tunnel");
        }
        return fail(app, Kind.IPV6, "IPv6 goes around the tunnel: " + String.join(", ", leaks) + ". Switch IPv6 off for the"
                + " stack's network (no enable_ipv6 on it), or give " + gatewayName + " an IPv6 tunnel");
    }

    private boolean tunnel(String device) {
        return gateway.tunnelInterfaces().contains(device);
    }

    private static VpnCheck fail(Seen app, Kind kind, String detail) {
        return new VpnCheck(app.service(), kind, Verdict.FAIL, detail);
    }

    private static String describe(String networkMode) {
        return networkMode == null || networkMode.isEmpty() ? "the default (its own)" : networkMode;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
