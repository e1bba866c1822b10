package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.ServiceAddresses;
import dev.berth.engine.wire.WiringMemoryFile;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.engine.wire.WiringProgress;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring job on its own, against apps that do not answer (a loopback port nothing listens
 * on): the deploy goes on, each of their links needs attention saying where and what to do, the
 * sign-in checks still run, and no password or key reaches a progress event or the deploy log.
 */
class WireStackJobTest {
    @TempDir
    Path tmp;

    private StackPlan plan() {
        return fullExample(tmp.resolve("stack"));
    }

    /** The full example with its stack folder at {@code stackDir}, planned with the repeatable generator. */
    static StackPlan fullExample(Path stackDir) {
        Answers a = Examples.answers("full-wireguard");
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(stackDir.toString(), s.dataRoot(), s.configRoot(), s.puid(), s.pgid(),
                s.timeZone(), false));
        return new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(a, Map.of());
    }

    /** A loopback port that was free a moment ago: connecting there is refused. */
    static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void appsThatDoNotAnswerNeedAttentionAndTheJobStillSucceeds() throws Exception {
        StackPlan plan = plan();
        WiringPlan wiring = WiringPlan.of(plan, Map.of());
        int dead = deadPort();
        Map<String, Integer> ports = new HashMap<>();
        plan.services().forEach(s -> ports.put(s.name(), dead));
        List<String> signInsAsked = new ArrayList<>();
        StackWiring stackWiring = new StackWiring(ServiceAddresses.loopback(ports),
                Optional.of((client, name, base, user, password, apiKey, cancelled) -> {
                    signInsAsked.add(name + " " + base + " " + (password != null) + " " + (apiKey != null));
                    return new Link(name, "sign-in", Link.Status.OK, "");
                }), "this computer");
        WireStackJob job = new WireStackJob(plan, wiring, Optional.empty(), (target, project) -> stackWiring);
        Recorded progress = new Recorded();
        try (LocalTarget local = new LocalTarget()) {
            Files.createDirectories(tmp.resolve("stack"));
            JobContext context = new JobContext(local, DeployFixtures.CLOCK, () -> false, progress, new JobOutcomes());

            job.execute(context); // never throws for the apps' failures
            job.undo(context);    // and has nothing to undo

            WiringResult result = context.outcomes().get(WireStackJob.RESULT).orElseThrow();
            Link sonarrToQb = result.links().stream().filter(l -> l.label().equals("Sonarr → qBittorrent")).findFirst().orElseThrow();
            assertEquals(Link.Status.NEEDS_ATTENTION, sonarrToQb.status());
            assertTrue(sonarrToQb.detail().contains("Sonarr on this computer") && sonarrToQb.detail().contains("berth wire"),
                    sonarrToQb.detail());
            assertTrue(result.links().stream().anyMatch(l -> l.label().equals("Prowlarr → Radarr")
                    && l.status() == Link.Status.NEEDS_ATTENTION));
            assertEquals(0, result.writes());
            List<String> labels = result.links().stream().map(Link::label).toList();
            assertEquals(List.of("qBittorrent sign-in", "SABnzbd sign-in"), labels.subList(labels.size() - 2, labels.size()),
                    "the download clients' sign-in checks ran after the apps");
            assertEquals(List.of("qBittorrent http://127.0.0.1:" + dead + " true false", "SABnzbd http://127.0.0.1:" + dead + " false true"),
                    signInsAsked);
            assertEquals(wiring.credentials(), result.credentials());
            assertTrue(Files.exists(tmp.resolve("stack").resolve(WiringMemoryFile.PATH)), "the memory is kept, even when empty");
        }

        assertTrue(progress.saw(DeployProgress.Wiring.class));
        long started = progress.lines().stream().filter(l -> l.startsWith("WiringProgress[app=Sonarr, done=false")).count();
        assertEquals(1, started, progress.lines().toString());
        progress.assertNoSecretIn(tmp, plan.secrets());
    }

    @Test
    void theDeployLogShowsEachLinkWithEverySecretRedacted() {
        StackPlan plan = plan();
        String key = plan.secrets().get("sonarr_api_key");
        WiringResult wiring = new WiringResult(List.of(new Link("Sonarr", "qBittorrent", Link.Status.NEEDS_ATTENTION,
                "Sonarr said: unauthorised key " + key)), 0, List.of());
        DeployLog log = new DeployLog(DeployFixtures.CLOCK, plan.secrets().values());
        log.finished(new DeployOutcome(new DeploymentResult.Succeeded(List.of()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(wiring)));
        String text = log.text();
        assertTrue(text.contains("link Sonarr → qBittorrent: needs attention (Sonarr said: unauthorised key"), text);
        assertFalse(text.contains(key), text);
    }

    @Test
    void aSecretTheAppQuotesInItsAnswerIsRedactedFromTheLinkAndTheProgress() throws Exception {
        StackPlan plan = plan();
        String password = plan.secrets().get("qbittorrent_password");
        StackWiring stackWiring = new StackWiring(ServiceAddresses.loopback(Map.of("qbittorrent", deadPort(), "sabnzbd", deadPort())),
                Optional.of((client, name, base, user, pass, apiKey, cancelled) -> new Link(name, "sign-in",
                        Link.Status.NEEDS_ATTENTION, name + " said: wrong password " + pass)), "this computer");
        WiringPlan onlyClients = new WiringPlan(List.of(), WiringPlan.of(plan, Map.of()).clientSignIns(), List.of());
        List<WiringProgress> seen = new ArrayList<>();
        WiringResult result = stackWiring.run(plan, onlyClients, dev.berth.engine.wire.WiringMemory.EMPTY, StackWiring.Mode.APPLY,
                seen::add, () -> false).result();
        Link qb = result.links().getFirst();
        assertEquals("qBittorrent said: wrong password " + Redactor.MARK, qb.detail());
        assertFalse(seen.toString().contains(password), seen.toString());
    }

    @Test
    void aStackWithNothingToConnectOrSetUpGetsNoWiringJob() throws Exception {
        Planner planner = new Planner(Catalog.builtIn(), Examples.repeatableGenerator());
        assertFalse(WireStackJob.needed(WiringPlan.of(planner.plan(Examples.answers("minimal-jellyfin")
                .withServices(List.of("uptime-kuma")), Map.of()), Map.of())));
        // Jellyfin alone is set up through its first-run API, and the step says so.
        WiringPlan jellyfin = WiringPlan.of(Examples.plan("minimal-jellyfin"), Map.of());
        assertTrue(WireStackJob.needed(jellyfin));
        assertEquals("Set up Jellyfin through its API", new WireStackJob(Examples.plan("minimal-jellyfin"), jellyfin, Optional.empty(),
                (target, project) -> null).description());
        assertTrue(WireStackJob.needed(WiringPlan.of(plan(), Map.of())));
    }
}
