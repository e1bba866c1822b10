package dev.berth.wizardsteps.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.check.Status;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The port check's suggestion taken on the System check page: the answers get the free port, the
 * real port check runs again on this computer and passes, and the person can go back. The taken
 * port is held by the test itself, so the first check has something real to find.
 */
class ChecksPortActionTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final ChecksViewModel vm = new ChecksViewModel(ctx);

    @AfterEach
    void close() {
        ctx.close();
    }

    private CheckRow ports() {
        return vm.rows().stream().filter(r -> r.id().equals("ports")).findFirst().orElseThrow();
    }

    @Test
    void takingTheSuggestionMovesTheAppAndTheRecheckPassesAndTheWayBackFailsAgain() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = held.getLocalPort();
            Drafts.upToApps(ctx, "jellyfin");
            ctx.model().setPortOverrides(Map.of("jellyfin", port));
            vm.enter();
            CheckRow failing = ports();
            assertEquals(Status.FAIL, failing.status(), failing.toString());
            Matcher offer = Pattern.compile("Use port (\\d+)").matcher(failing.portAction().label());
            assertTrue(offer.matches() && failing.portAction().takes(), failing.toString());
            int next = Integer.parseInt(offer.group(1));
            assertTrue(failing.fix().startsWith("Use port " + next + " for Jellyfin web UI"), failing.fix());

            vm.portAction(failing);
            assertEquals(Map.of("jellyfin", next), ctx.model().answers().portOverrides());
            CheckRow passing = ports();
            assertEquals(Status.PASS, passing.status(), passing.toString());
            assertTrue(passing.summary().endsWith("; Jellyfin web UI now on port " + next + " (was " + port + ")"), passing.summary());
            assertEquals(new CheckRow.PortAction("Back to port " + port, false), passing.portAction());

            vm.portAction(passing);
            assertEquals(Map.of("jellyfin", port), ctx.model().answers().portOverrides(), "the port chosen before is back");
            assertEquals(Status.FAIL, ports().status(), "the way back is checked too");
            assertEquals("Use port " + next, ports().portAction().label());
        }
    }

    @Test
    void severalTakenPortsAreTakenWithOneButtonAndOtherChosenPortsStay() throws Exception {
        try (ServerSocket a = new ServerSocket(); ServerSocket b = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            a.bind(new InetSocketAddress("0.0.0.0", 0));
            int free;
            try (ServerSocket probe = new ServerSocket(0)) {
                free = probe.getLocalPort();
            }
            Drafts.upToApps(ctx, "jellyfin", "sonarr", "radarr");
            ctx.model().setPortOverrides(Map.of("jellyfin", a.getLocalPort(), "sonarr", b.getLocalPort(), "radarr", free));
            vm.enter();
            CheckRow failing = ports();
            assertEquals(Status.FAIL, failing.status(), failing.toString());
            assertTrue(failing.portAction().label().matches("Use ports \\d+, \\d+"), failing.portAction().label());

            vm.portAction(failing);
            Map<String, Integer> now = ctx.model().answers().portOverrides();
            assertEquals(free, now.get("radarr"), "a chosen port that was free stays");
            assertFalse(now.containsValue(a.getLocalPort()) || now.containsValue(b.getLocalPort()), now.toString());
            // The button names the new ports in the order of the taken ones (the plan's ports are sorted), which are random here.
            boolean jellyfinFirst = a.getLocalPort() < b.getLocalPort();
            assertEquals("Use ports " + (jellyfinFirst ? now.get("jellyfin") + ", " + now.get("sonarr") : now.get("sonarr") + ", " + now.get("jellyfin")),
                    failing.portAction().label());
            assertEquals(Status.PASS, ports().status(), ports().toString());
            assertEquals(vm.rows().stream().noneMatch(r -> r.status() == Status.FAIL), vm.isValid(), "Next follows the checks: " + vm.rows());
        }
    }

    @Test
    void aPassingPortCheckOffersNothing() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        Drafts.upToApps(ctx, "jellyfin");
        ctx.model().setPortOverrides(Map.of("jellyfin", free));
        vm.enter();
        assertEquals(Status.PASS, ports().status(), ports().toString());
        assertNull(ports().portAction());
        assertFalse(ports().summary().contains("now on port"), ports().summary());
    }
}
