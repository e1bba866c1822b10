package dev.berth.engine.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Examples;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The public-address and forwarded-port verdicts from what Gluetun's control server and the others answered. */
class TunnelChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GluetunControl.Answer ok(String json) throws Exception {
        return new GluetunControl.Answer.Ok(JSON.readTree(json));
    }

    private static ServerAddress.Found own(String address) {
        return new ServerAddress.Found(Optional.ofNullable(address), address == null ? "no answer from api.ipify.org" : "https://api.ipify.org");
    }

    private static void assertVerdict(Verdict verdict, VpnCheck check, String... words) {
        assertEquals(verdict, check.verdict(), check::toString);
        for (String w : words) {
            assertTrue(check.detail().contains(w), () -> "'" + w + "' missing in: " + check.detail());
        }
    }

    @Test
    void thePublicAddressPassesOnlyWhenBothAreKnownAndDiffer() throws Exception {
        String tunnel = "{\"public_ip\":\"203.0.113.7\",\"region\":\"Stockholm\"}";
        var differ = PublicAddressCheck.check("gluetun", ok(tunnel), () -> own("198.51.100.2"));
        assertVerdict(Verdict.PASS, differ.check(), "203.0.113.7 through the tunnel, 198.51.100.2 without it");
        assertEquals(Kind.PUBLIC_ADDRESS, differ.check().kind());
        assertVerdict(Verdict.FAIL, PublicAddressCheck.check("gluetun", ok(tunnel), () -> own("203.0.113.7")).check(),
                "is the server's own", "VPN settings");
        var noInternet = PublicAddressCheck.check("gluetun", ok(tunnel), () -> own(null));
        assertVerdict(Verdict.UNKNOWN, noInternet.check(), "through the tunnel: 203.0.113.7", "no answer from api.ipify.org");
        assertEquals(Optional.of("203.0.113.7"), noInternet.tunnelAddress());

        AtomicBoolean asked = new AtomicBoolean();
        assertVerdict(Verdict.UNKNOWN, PublicAddressCheck.check("gluetun", ok("{\"public_ip\":\"\"}"), () -> {
            asked.set(true);
            return own("198.51.100.2");
        }).check(), "does not know its public address yet");
        assertTrue(!asked.get(), "the server is not asked when there is nothing to compare");
        assertVerdict(Verdict.UNKNOWN, PublicAddressCheck.check("gluetun", new GluetunControl.Answer.Failed("refused (401)"),
                () -> own("198.51.100.2")).check(), "could not be read: refused (401)");
    }

    @Test
    void theForwardedPortPassesOnlyWhenTheClientListensOnIt() throws Exception {
        PlannedService qbit = new dev.berth.plan.Planner(dev.berth.catalog.Catalog.builtIn())
                .plan(Examples.answers("full-wireguard"), java.util.Map.of()).service("qbittorrent").orElseThrow();
        assertVerdict(Verdict.UNKNOWN, ForwardedPortCheck.check("gluetun", qbit, ok("{\"port\":0}"),
                c -> ForwardedPortCheck.ClientPort.of(5914)).check(), "no port forwarded yet", "may take a minute");
        var same = ForwardedPortCheck.check("gluetun", qbit, ok("{\"port\":5914}"), c -> ForwardedPortCheck.ClientPort.of(5914));
        assertVerdict(Verdict.PASS, same.check(), "port 5914, and qBittorrent listens on it");
        assertEquals(Optional.of(5914), same.port());
        assertVerdict(Verdict.FAIL, ForwardedPortCheck.check("gluetun", qbit, ok("{\"port\":5914}"),
                c -> ForwardedPortCheck.ClientPort.of(6881)).check(), "forwards port 5914, but qBittorrent listens on 6881", "hook");
        assertVerdict(Verdict.UNKNOWN, ForwardedPortCheck.check("gluetun", qbit, ok("{\"port\":5914}"),
                c -> ForwardedPortCheck.ClientPort.unread("refused Berth's sign-in")).check(), "forwards port 5914",
                "refused Berth's sign-in");
        assertVerdict(Verdict.UNKNOWN, ForwardedPortCheck.check("gluetun", qbit, new GluetunControl.Answer.Failed("no answer"),
                c -> ForwardedPortCheck.ClientPort.of(5914)).check(), "could not be read: no answer");
    }
}
