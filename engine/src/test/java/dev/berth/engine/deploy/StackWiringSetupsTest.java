package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.wire.AppSetup;
import dev.berth.engine.wire.Credential;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.ServiceAddresses;
import dev.berth.engine.wire.SetupContext;
import dev.berth.engine.wire.SetupResult;
import dev.berth.engine.wire.WiringMemoryFile;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.engine.wire.WiringProgress;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.StackPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link StackWiring} runs the apps set up through their own API ({@link AppSetup}) around the
 * *arr apps: the media servers' setups first, Seerr's and Bazarr's last; a secret one app made is
 * given to the setups after it, kept in {@code secrets/} owner-only and never shown; a setup that
 * throws is one link needing attention, and the others go on. The setups here are plain test
 * classes that record what they are given; the *arr apps do not answer (a dead loopback port).
 */
class StackWiringSetupsTest {
    private static final String MADE = "made-by-the-app-0123456789";

    @TempDir
    Path tmp;

    private StackPlan plan() {
        return WireStackJobTest.fullExample(tmp.resolve("stack"));
    }

    /** A setup that records the secrets it was given and answers as told. */
    private record Recording(String service, String displayName, Phase phase, Map<String, String> makes,
                             List<Map<String, String>> seen, boolean fails) implements AppSetup {
        @Override
        public SetupResult apply(SetupContext context) {
            seen.add(context.secrets());
            if (fails) {
                throw new IllegalStateException("it said no");
            }
            // An app's words may quote a key it holds: the run must take it out.
            return new SetupResult(List.of(new Link(displayName, "first run", Link.Status.OK, "key " + MADE)), makes.size(),
                    Map.of("firstrun", "done"), makes,
                    makes.isEmpty() ? List.of() : List.of(new Credential(displayName, "http://x", "admin", "jellyfin_password", true)));
        }

        @Override
        public List<Link> testOnly(SetupContext context) {
            return List.of(new Link(displayName, "first run", Link.Status.OK, ""));
        }
    }

    @Test
    void setupsRunAroundTheArrAppsAndWhatTheyMakeIsKeptButNeverShown() throws Exception {
        StackPlan plan = plan();
        List<Map<String, String>> seenByMediaServer = new ArrayList<>();
        List<Map<String, String>> seenByRequests = new ArrayList<>();
        AppSetup mediaServer = new Recording("jellyfin", "Jellyfin", AppSetup.Phase.BEFORE_ARR_APPS,
                Map.of("jellyfin_api_key", MADE), seenByMediaServer, false);
        AppSetup requests = new Recording("seerr", "Seerr", AppSetup.Phase.AFTER_ARR_APPS, Map.of(), seenByRequests, false);
        WiringPlan arr = WiringPlan.of(plan, Map.of());
        // Listed "wrong way round": the phase decides the order, not the list.
        WiringPlan wiring = new WiringPlan(arr.apps(), List.of(), List.of(), List.of(requests, mediaServer));
        int dead = WireStackJobTest.deadPort();
        Map<String, Integer> ports = new HashMap<>();
        plan.services().forEach(s -> ports.put(s.name(), dead));
        List<WiringProgress> progress = new ArrayList<>();
        StackWiring stackWiring = new StackWiring(ServiceAddresses.loopback(ports), Optional.empty(), "this computer");

        WiringResult result;
        try (LocalTarget local = new LocalTarget()) {
            Files.createDirectories(tmp.resolve("stack/secrets"));
            result = stackWiring.runOnStack(local, plan, wiring, StackWiring.Mode.APPLY, Optional.empty(), progress::add, () -> false);
        }

        List<String> started = progress.stream().filter(p -> !p.done()).map(WiringProgress::app).toList();
        assertEquals("Jellyfin", started.getFirst());
        assertEquals("Seerr", started.getLast());
        assertTrue(started.contains("Sonarr"), started.toString());
        assertEquals("", seenByMediaServer.getFirst().get("jellyfin_api_key"), "the plan holds the empty placeholder of a key the app makes");
        assertEquals(MADE, seenByRequests.getFirst().get("jellyfin_api_key"), "a later setup is given what an earlier one made");

        Path kept = tmp.resolve("stack/secrets/jellyfin_api_key");
        assertEquals(MADE, Files.readString(kept));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertTrue(Files.readString(tmp.resolve("stack").resolve(WiringMemoryFile.PATH)).contains("firstrun"));
        assertEquals(1, result.writes());
        assertTrue(result.credentials().stream().anyMatch(c -> c.service().equals("Jellyfin")), result.credentials().toString());
        for (Link l : result.links()) {
            assertFalse(l.detail().contains(MADE), l.toString());
        }
        for (WiringProgress p : progress) {
            p.links().forEach(l -> assertFalse(l.detail().contains(MADE), l.toString()));
        }
    }

    @Test
    void aSetupThatThrowsIsOneLinkNeedingAttentionAndTheRestGoOn() throws Exception {
        StackPlan plan = plan();
        List<Map<String, String>> seen = new ArrayList<>();
        AppSetup broken = new Recording("jellyfin", "Jellyfin", AppSetup.Phase.BEFORE_ARR_APPS, Map.of(), seen, true);
        AppSetup after = new Recording("seerr", "Seerr", AppSetup.Phase.AFTER_ARR_APPS, Map.of(), seen, false);
        int dead = WireStackJobTest.deadPort();
        Map<String, Integer> ports = new HashMap<>();
        plan.services().forEach(s -> ports.put(s.name(), dead));
        StackWiring stackWiring = new StackWiring(ServiceAddresses.loopback(ports), Optional.empty(), "this computer");

        StackWiring.Outcome outcome = stackWiring.run(plan, new WiringPlan(List.of(), List.of(), List.of(), List.of(broken, after)),
                dev.berth.engine.wire.WiringMemory.EMPTY, StackWiring.Mode.APPLY, p -> { }, () -> false);

        Link jellyfin = outcome.result().links().getFirst();
        assertEquals(Link.Status.NEEDS_ATTENTION, jellyfin.status());
        assertTrue(jellyfin.detail().contains("it said no") && jellyfin.detail().contains("berth wire"), jellyfin.detail());
        assertEquals(2, seen.size(), "Seerr still ran");
        assertTrue(outcome.madeSecrets().isEmpty());
    }
}
