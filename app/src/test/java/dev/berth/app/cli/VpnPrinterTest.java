package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The VPN table, the public address, the forwarded port and the stopped apps as the CLI prints them, and the exit code. */
class VpnPrinterTest {
    /** The full example (qBittorrent, SABnzbd, Prowlarr, FlareSolverr routed), its provider made ProtonVPN over WireGuard. */
    private static StackPlan protonPlan(Boolean forwarding) {
        Answers a = Examples.answers("full-wireguard");
        var v = a.vpn();
        a = a.withVpn(new dev.berth.answers.VpnAnswers(v.enabled(), "protonvpn", v.type(), v.wireguard(), v.openvpn(),
                v.countries(), v.routedServices(), v.lanSubnet(), forwarding));
        return new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(a, Map.of());
    }

    private static String print(StackPlan plan, VpnProof proof) {
        StringWriter text = new StringWriter();
        VpnPrinter.print(plan, proof, new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void eachCheckOnALineThenThePublicAddressAndTheForwardedPortWithItsClient() {
        VpnProof proof = new VpnProof(List.of(
                new VpnCheck("qbittorrent", Kind.NAMESPACE, Verdict.PASS, ""),
                new VpnCheck("qbittorrent", Kind.ROUTE, Verdict.PASS, "default route: tun0"),
                new VpnCheck("gluetun", Kind.PUBLIC_ADDRESS, Verdict.PASS, "the server's own is 198.51.100.4")),
                Optional.of("203.0.113.7"), Optional.of(41234), List.of(), List.of());
        assertEquals("""
                VPN:
                  qbittorrent  shares Gluetun's network      PASS
                  qbittorrent  internet route is the tunnel  PASS     default route: tun0
                  gluetun      public address is the VPN's   PASS     the server's own is 198.51.100.4
                Public address: 203.0.113.7
                Forwarded port: 41234 → qBittorrent
                """, print(protonPlan(null), proof));
        assertEquals(0, VpnPrinter.exitCode(proof, 0));
    }

    @Test
    void anUnknownSaysWhyAndChangesNoExitCode() {
        VpnProof proof = new VpnProof(List.of(
                new VpnCheck("gluetun", Kind.PUBLIC_ADDRESS, Verdict.UNKNOWN, "the internet cannot be reached from the server")),
                Optional.empty(), Optional.empty(), List.of(), List.of());
        String text = print(protonPlan(null), proof);
        assertEquals("Public address: unknown (the internet cannot be reached from the server)", text.lines().toList().get(2));
        assertEquals("Forwarded port: none yet: Gluetun asks protonvpn for one once the tunnel is up, and hands it to qBittorrent"
                + " at every reconnect; run berth status later to see it", text.lines().toList().get(3));
        assertEquals(0, VpnPrinter.exitCode(proof, 0));
        assertEquals(BerthCommand.DEPLOY_FAILED, VpnPrinter.exitCode(proof, BerthCommand.DEPLOY_FAILED));
    }

    @Test
    void aLeakNamesTheStoppedAppsAndWhatToDoAndHasItsOwnExitCode() {
        VpnProof proof = new VpnProof(List.of(
                new VpnCheck("qbittorrent", Kind.ROUTE, Verdict.FAIL, "default route: eth0, outside the tunnel")),
                Optional.empty(), Optional.empty(), List.of("qbittorrent", "prowlarr"), List.of());
        String text = print(protonPlan(false), proof);
        assertEquals("""
                VPN:
                  qbittorrent  internet route is the tunnel  FAIL     default route: eth0, outside the tunnel
                Public address: unknown
                Forwarded port: off (switched off in the answers: vpn.portForwarding is false)
                Berth stopped qBittorrent, Prowlarr: their traffic could leave outside the tunnel. Fix what the failed checks \
                say, then run berth deploy again: it starts them and proves the VPN again.
                """, text);
        assertEquals(BerthCommand.VPN_LEAK, VpnPrinter.exitCode(proof, 0));
        assertEquals(BerthCommand.VPN_LEAK, VpnPrinter.exitCode(proof, BerthCommand.DEPLOY_FAILED));
    }

    @Test
    void aProviderWithoutForwardingSaysSo() {
        StackPlan mullvad = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(Examples.answers("full-wireguard"), Map.of());
        VpnProof proof = new VpnProof(List.of(), Optional.of("203.0.113.7"), Optional.empty(), List.of(), List.of());
        assertEquals("Forwarded port: none: Gluetun has no port forwarding for mullvad with wireguard; torrents still download,"
                + " with fewer peers", print(mullvad, proof).lines().toList().get(2));
    }
}
