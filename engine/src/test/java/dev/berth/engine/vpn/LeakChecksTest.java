package dev.berth.engine.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every verdict of the per-app checks from facts alone, with the catalog's Gluetun (tun0/wg0, DNS 127.0.0.1/::1). */
class LeakChecksTest {
    private static final String GLUETUN_ID = "a".repeat(64);
    private final LeakChecks checks = new LeakChecks(Catalog.builtIn().get("gluetun").vpnGateway(), "gluetun");
    private final LeakChecks.Seen gluetun = seen("gluetun", "", NamespaceFactsTest.OPENVPN);

    private static LeakChecks.Seen seen(String service, String networkMode, String facts) {
        return new LeakChecks.Seen(service, service.equals("gluetun") ? GLUETUN_ID : "b".repeat(64), true, networkMode,
                NamespaceFacts.parse(facts));
    }

    private static LeakChecks.Seen app(String facts) {
        return seen("qbittorrent", "container:" + GLUETUN_ID, facts);
    }

    private Map<Kind, VpnCheck> run(LeakChecks.Seen app) {
        return checks.check(app, gluetun).stream().collect(Collectors.toMap(VpnCheck::kind, Function.identity()));
    }

    private static void assertVerdict(Verdict verdict, VpnCheck check, String... words) {
        assertEquals(verdict, check.verdict(), check::toString);
        for (String w : words) {
            assertTrue(check.detail().contains(w), () -> "'" + w + "' missing in: " + check.detail());
        }
    }

    @Test
    void anAppInGluetunsNamespacePassesAllFour() {
        Map<Kind, VpnCheck> r = run(app(NamespaceFactsTest.OPENVPN));
        assertEquals(List.of(Kind.NAMESPACE, Kind.ROUTE, Kind.DNS, Kind.IPV6), checks.check(app(NamespaceFactsTest.OPENVPN), gluetun)
                .stream().map(VpnCheck::kind).toList());
        assertVerdict(Verdict.PASS, r.get(Kind.NAMESPACE), "net:[4026532180]");
        assertVerdict(Verdict.PASS, r.get(Kind.ROUTE), "tun0");
        assertVerdict(Verdict.PASS, r.get(Kind.DNS), "127.0.0.1");
        assertVerdict(Verdict.PASS, r.get(Kind.IPV6), "off");
    }

    @Test
    void anotherNetworkModeAStaleNamespaceAndAnEarlierGluetunAreNamespaceFailures() {
        assertVerdict(Verdict.FAIL, run(seen("qbittorrent", "bridge", NamespaceFactsTest.OPENVPN)).get(Kind.NAMESPACE),
                "network mode is bridge", "network_mode: service:gluetun");
        assertVerdict(Verdict.FAIL, run(seen("qbittorrent", "container:" + "c".repeat(64), NamespaceFactsTest.OPENVPN))
                .get(Kind.NAMESPACE), "earlier gluetun container (cccccccccccc)", "berth deploy");
        String stale = NamespaceFactsTest.OPENVPN.replace("4026532180", "4026532999");
        assertVerdict(Verdict.FAIL, run(app(stale)).get(Kind.NAMESPACE), "net:[4026532999]", "gluetun restarted", "Restart qbittorrent");
    }

    @Test
    void aRouteThroughEth0IsAFailAndNoRouteAtAllIsUnknown() {
        String eth0 = NamespaceFactsTest.OPENVPN.replace("1.1.1.1 dev tun0  src 10.2.0.2", "1.1.1.1 via 172.17.0.1 dev eth0  src 172.17.0.2");
        assertVerdict(Verdict.FAIL, run(app(eth0)).get(Kind.ROUTE), "goes out through eth0", "tun0 or wg0", "tunnel is not up");
        String none = NamespaceFactsTest.OPENVPN.replace("1.1.1.1 dev tun0  src 10.2.0.2", "ip: RTNETLINK answers: Network is unreachable");
        assertVerdict(Verdict.UNKNOWN, run(app(none)).get(Kind.ROUTE), "no route to the internet", "Network is unreachable");
    }

    @Test
    void wireGuardsPolicyRoutingIsJudgedByTheKernelsOwnLookup() {
        // Gluetun's WireGuard: the main table's default is eth0, but an ip rule sends everything unmarked to table 51820 (wg0).
        String wg = NamespaceFactsTest.OPENVPN.replace("1.1.1.1 dev tun0  src 10.2.0.2", "1.1.1.1 dev wg0 table 51820 src 10.64.0.2")
                .replaceAll("(?m)^tun0\t.*\n", "");
        assertVerdict(Verdict.PASS, run(app(wg)).get(Kind.ROUTE), "wg0");
    }

    @Test
    void anImageWithoutIpIsJudgedThroughGluetunsSharedNamespaceElseByTheMainTableOrUnknown() {
        String noIp = NamespaceFactsTest.OPENVPN.replace("1.1.1.1 dev tun0  src 10.2.0.2", "!no-ip");
        assertVerdict(Verdict.PASS, run(app(noIp)).get(Kind.ROUTE), "tun0", "read in gluetun's container");

        LeakChecks.Seen gluetunWithoutIp = seen("gluetun", "", noIp);
        assertVerdict(Verdict.PASS, checks.check(app(noIp), gluetunWithoutIp).get(1), "tun0 (main routing table)");
        String mainEth0 = noIp.replaceAll("(?m)^tun0\t.*\n", "");
        assertVerdict(Verdict.UNKNOWN, checks.check(app(mainEth0), seen("gluetun", "", mainEth0)).get(1),
                "through eth0", "policy rules");
    }

    @Test
    void dockersOwnDnsOrARouterIsADnsLeakAndAnUnreadableFileIsUnknown() {
        assertVerdict(Verdict.FAIL, run(app(NamespaceFactsTest.OPENVPN.replace("nameserver 127.0.0.1", "nameserver 127.0.0.11")))
                .get(Kind.DNS), "DNS leak", "Docker's own DNS");
        assertVerdict(Verdict.FAIL, run(app(NamespaceFactsTest.OPENVPN.replace("nameserver 127.0.0.1",
                "nameserver 127.0.0.1\nnameserver 192.168.1.1"))).get(Kind.DNS), "asks 192.168.1.1", "DOT=on");
        assertVerdict(Verdict.PASS, run(app(NamespaceFactsTest.OPENVPN.replace("nameserver 127.0.0.1",
                "nameserver 127.0.0.1\nnameserver ::1"))).get(Kind.DNS));
        assertVerdict(Verdict.UNKNOWN, run(app(NamespaceFactsTest.OPENVPN.replace("nameserver 127.0.0.1", ""))).get(Kind.DNS),
                "could not be read");
        assertVerdict(Verdict.UNKNOWN, run(app(NamespaceFactsTest.OPENVPN.replace("nameserver 127.0.0.1", "options ndots:0")))
                .get(Kind.DNS), "names no nameserver");
    }

    @Test
    void ipv6OnWithAGlobalAddressOrDefaultRouteOutsideTheTunnelIsAFail() {
        String on = NamespaceFactsTest.OPENVPN.replace("@disable_ipv6\n1\n", "@disable_ipv6\n0\n");
        assertVerdict(Verdict.PASS, run(app(on)).get(Kind.IPV6), "no address or route outside the tunnel");
        String global = on.replace("@if_inet6\n", "@if_inet6\nfd00000000000000000000000000000b 12 40 00 80 eth0\n"
                + "fe800000000000000042acfffe120005 12 40 20 80 eth0\n");
        assertVerdict(Verdict.FAIL, run(app(global)).get(Kind.IPV6), "global address fd00000000000000000000000000000b on eth0");
        String route = on.replace("@ipv6_route\n", "@ipv6_route\n00000000000000000000000000000000 00 "
                + "00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000001 00000000 00000003 eth0\n");
        assertVerdict(Verdict.FAIL, run(app(route)).get(Kind.IPV6), "default route through eth0");
        String inTunnel = on.replace("@if_inet6\n", "@if_inet6\nfd00000000000000000000000000000c 12 40 00 80 tun0\n");
        assertVerdict(Verdict.PASS, run(app(inTunnel)).get(Kind.IPV6));
        String noKernelV6 = NamespaceFactsTest.OPENVPN.replace("@disable_ipv6\n1\n", "@disable_ipv6\n").replace("@if_inet6\n", "@if_inet6\n!none\n")
                .replaceAll("(?m)^0{32} 00 .* lo\n", "");
        assertVerdict(Verdict.PASS, run(app(noKernelV6)).get(Kind.IPV6), "no IPv6");
        assertVerdict(Verdict.UNKNOWN, run(app(on.replace("@if_inet6\n", "@if_inet6\nzz zz zz zz zz zz\n"))).get(Kind.IPV6),
                "could not be read");
    }

    @Test
    void anAppThatDoesNotRunIsOneUnknownRowAndNothingElse() {
        LeakChecks.Seen stopped = new LeakChecks.Seen("qbittorrent", "b".repeat(64), false, "container:" + GLUETUN_ID,
                NamespaceFacts.parse(""));
        List<VpnCheck> r = checks.check(stopped, gluetun);
        assertEquals(1, r.size());
        assertVerdict(Verdict.UNKNOWN, r.getFirst(), "not running", "berth deploy");
    }
}
