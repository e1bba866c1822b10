package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.plan.PlannedService;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.clients.ClientSettings;
import dev.berth.render.clients.SettingsFile;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full example wired from its plan, as a deploy wires it after the health wait: what to set
 * comes from {@link WiringPlan}, the apps are reached through the target ({@link StackWiring}),
 * Sonarr, Radarr, Lidarr and Prowlarr are {@link FakeArr} doubles checked against their own
 * OpenAPI descriptions, SABnzbd is {@link FakeSabnzbd}, Seerr is {@link FakeSeerr} (checked against
 * its own API description), Bazarr is {@link FakeBazarr}, and qBittorrent is the real
 * {@code qbittorrent-nox} started with the settings files Berth writes for it, so its sign-in link
 * proves that file. Locally, and over SSH (the tunnels go through the SSH connection); the class
 * starts its sshd for both, so it runs with the ssh-tagged tests.
 */
class FullExampleWiringTest extends SshdTestBase {
    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private StackPlan plan;
    private final Map<ArrApp, FakeArr> apps = new EnumMap<>(ArrApp.class);
    private FakeSabnzbd sabnzbd;
    private FakeSeerr seerr;
    private FakeBazarr bazarr;
    private FakeJellyfin jellyfin;
    private Process qbittorrent;
    private final Map<String, Integer> ports = new HashMap<>();

    @BeforeEach
    void startTheStack() throws Exception {
        plan = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(Examples.answers("full-wireguard"), Map.of());
        for (ArrApp app : List.of(ArrApp.SONARR, ArrApp.RADARR, ArrApp.LIDARR, ArrApp.PROWLARR)) {
            String service = app.name().toLowerCase(java.util.Locale.ROOT);
            String key = plan.secrets().get(plan.service(service).orElseThrow().definition().apiKey().orElseThrow().secret());
            FakeArr fake = FakeArr.start(app, key);
            apps.put(app, fake);
            ports.put(service, fake.base().getPort());
        }
        for (ArrApp app : List.of(ArrApp.SONARR, ArrApp.RADARR, ArrApp.LIDARR)) {
            // Prowlarr checks each application's key against the app at the address the plan gives it.
            PlannedService s = plan.service(app.name().toLowerCase(java.util.Locale.ROOT)).orElseThrow();
            apps.get(ArrApp.PROWLARR).reaches(s.internalUrl(), apps.get(app));
        }
        startSeerrAndBazarr();
        jellyfin = FakeJellyfin.start();
        ports.put("jellyfin", jellyfin.port());
        sabnzbd = FakeSabnzbd.start(plan.secrets().get("sabnzbd_api_key"), Set.of("localhost", "127.0.0.1"));
        ports.put("sabnzbd", sabnzbd.port());
        ports.put("qbittorrent", startQbittorrent());
    }

    @AfterEach
    void stopTheStack() throws InterruptedException {
        apps.values().forEach(FakeArr::close);
        if (sabnzbd != null) {
            sabnzbd.close();
        }
        if (seerr != null) {
            seerr.close();
        }
        if (bazarr != null) {
            bazarr.close();
        }
        if (jellyfin != null) {
            jellyfin.close();
        }
        if (qbittorrent != null) {
            qbittorrent.destroy();
            if (!qbittorrent.waitFor(30, TimeUnit.SECONDS)) {
                qbittorrent.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void theFullExampleIsWiredAndProvedLocally() throws Exception {
        try (LocalTarget local = new LocalTarget()) {
            wireTwiceThenByHandThenOneFailure(local);
        }
    }

    @Test
    void theFullExampleIsWiredAndProvedOverSsh() throws Exception {
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            wireTwiceThenByHandThenOneFailure(ssh);
        }
    }

    private void wireTwiceThenByHandThenOneFailure(Target target) throws Exception {
        WiringPlan wiring = WiringPlan.of(plan, Map.of());
        // Each double on this machine's loopback, reached from Berth through the target (a tunnel over SSH).
        ServiceAddresses onLoopback = service -> target.openTunnel("127.0.0.1", ports.get(service.name()));
        StackWiring stack = new StackWiring(onLoopback, Optional.of(new ClientSignIns()::check), target.description());
        List<String> said = new ArrayList<>();

        // First run: every link set up and proved by the apps' own tests, and Berth's own sign-ins.
        StackWiring.Outcome first = stack.run(plan, wiring, WiringMemory.EMPTY, StackWiring.Mode.APPLY,
                p -> said.add(p.toString()), () -> false);
        assertEquals(List.of(), first.result().needingAttention(), () -> first.result().links().toString());
        List<String> labels = first.result().links().stream().map(Link::label).toList();
        for (String expected : List.of("Jellyfin → first run", "Jellyfin → library Movies", "Jellyfin → library Shows",
                "Jellyfin → library Music", "Jellyfin → API key", "Sonarr → qBittorrent", "Sonarr → SABnzbd", "Radarr → qBittorrent", "Lidarr → SABnzbd",
                "Prowlarr → Sonarr", "Prowlarr → Radarr", "Prowlarr → Lidarr", "Prowlarr → FlareSolverr",
                "qBittorrent sign-in", "SABnzbd sign-in", "Seerr → Jellyfin", "Seerr → Sonarr", "Seerr → Radarr",
                "Bazarr → Sonarr", "Bazarr → Radarr")) {
            assertTrue(labels.contains(expected), () -> expected + " missing in " + labels);
        }
        assertTrue(first.result().writes() > 0);
        assertEquals(List.of(), refused(), "every request the doubles saw fits the apps' own descriptions");

        // A re-run with nothing changed sends no write request to any app. It plans with the key
        // Jellyfin made, as the next deploy reads it from secrets/.
        assertEquals(java.util.Set.of("jellyfin_api_key"), first.madeSecrets().keySet());
        Map<String, String> kept = new java.util.TreeMap<>(plan.secrets());
        kept.putAll(first.madeSecrets());
        plan = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(Examples.answers("full-wireguard"), kept);
        wiring = WiringPlan.of(plan, kept);
        int writesBefore = totalWrites();
        StackWiring.Outcome again = stack.run(plan, wiring, first.memory(), StackWiring.Mode.APPLY, p -> said.add(p.toString()), () -> false);
        assertEquals(0, again.result().writes());
        assertEquals(writesBefore, totalWrites(), "the doubles counted no write on the re-run");
        assertEquals(List.of(), again.result().needingAttention());

        // A download client the person added by hand in Sonarr survives, untouched.
        FakeArr sonarr = apps.get(ArrApp.SONARR);
        sonarr.personAdds(Wanted.Kind.DOWNLOAD_CLIENT, """
                {"name":"My seedbox","enable":true,"protocol":"torrent","priority":5,"implementation":"QBittorrent",
                 "configContract":"QBittorrentSettings","tags":[],
                 "fields":[{"name":"host","value":"seedbox.lan"},{"name":"port","value":8080},{"name":"tvCategory","value":"tv"}]}""");
        StackWiring.Outcome handAdded = stack.run(plan, wiring, again.memory(), StackWiring.Mode.APPLY, p -> said.add(p.toString()), () -> false);
        assertEquals(0, handAdded.result().writes());
        assertTrue(sonarr.stored(Wanted.Kind.DOWNLOAD_CLIENT, "My seedbox").isPresent());

        // One failing link: that one needs attention in the app's own words; the others stay wired and proved.
        sonarr.failTests("SABnzbd", "Host", "Unable to connect to SABnzbd");
        StackWiring.Outcome oneDown = stack.run(plan, wiring, handAdded.memory(), StackWiring.Mode.APPLY, p -> said.add(p.toString()), () -> false);
        assertEquals(List.of("Sonarr → SABnzbd"), oneDown.result().needingAttention().stream().map(Link::label).toList());
        assertTrue(oneDown.result().needingAttention().getFirst().detail().contains("Unable to connect to SABnzbd"));
        assertEquals(first.result().links().size(), oneDown.result().links().size());

        // No secret in any link, progress report or the memory Berth keeps.
        String everything = String.join("\n", said) + first.result() + again.result() + oneDown.result() + oneDown.memory();
        for (Map.Entry<String, String> secret : plan.secrets().entrySet()) {
            if (secret.getValue().length() >= 8) {
                assertFalse(everything.contains(secret.getValue()), secret.getKey() + " appears in what the wiring said");
            }
        }
    }

    /**
     * Seerr, whose media server takes the admin password the plan holds (the media server's own
     * setup makes it; added here when the plan has none), and Bazarr, their keys already the ones in
     * secrets/ (reading the keys they made themselves is SeerrBazarrSetupTest's). Both reach
     * Sonarr and Radarr at the addresses the containers use.
     */
    private void startSeerrAndBazarr() throws IOException {
        PlannedService jellyfin = plan.service("jellyfin").orElseThrow();
        PlannedService sonarr = plan.service("sonarr").orElseThrow();
        PlannedService radarr = plan.service("radarr").orElseThrow();
        String sonarrKey = plan.secrets().get("sonarr_api_key");
        String radarrKey = plan.secrets().get("radarr_api_key");
        seerr = FakeSeerr.start(new FakeSeerr.MediaServer(jellyfin.address(), jellyfin.webPort(), WiringPlan.SIGN_IN_USER,
                        plan.secrets().get("jellyfin_password"), Map.of("lib-movies", "Movies")), plan.secrets().get("seerr_api_key"))
                .reaches("sonarr", new FakeSeerr.Servarr(sonarr.address(), sonarr.webPort(), sonarrKey, Map.of(1, "Any"),
                        List.of(sonarr.definition().library().rootFolder())))
                .reaches("radarr", new FakeSeerr.Servarr(radarr.address(), radarr.webPort(), radarrKey, Map.of(1, "Any"),
                        List.of(radarr.definition().library().rootFolder())));
        ports.put("seerr", seerr.port());
        bazarr = FakeBazarr.start(plan.secrets().get("bazarr_api_key"))
                .reaches(sonarr.address() + ":" + sonarr.webPort(), new FakeBazarr.Arr("4.0.15.2941", sonarrKey))
                .reaches(radarr.address() + ":" + radarr.webPort(), new FakeBazarr.Arr("6.0.4.10291", radarrKey));
        ports.put("bazarr", bazarr.port());
    }

    /** The real qBittorrent with the files Berth writes for it (qbittorrent-nox keeps them under its profile's config folder). */
    private int startQbittorrent() throws Exception {
        Path program = ExternalTool.require("qbittorrent-nox", "apt-get install qbittorrent-nox");
        Path config = dir.resolve("qBittorrent/config");
        Files.createDirectories(config);
        for (SettingsFile file : ClientSettings.of(plan)) {
            if (file.service().equals("qbittorrent")) {
                String name = Path.of(file.path()).getFileName().toString();
                Files.writeString(config.resolve(name), file.merge(Optional.empty()).content());
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // The image's web port (moved inside the VPN) is taken on a test machine: the command line's wins over the file's.
        qbittorrent = new ProcessBuilder(program.toString(), "--profile=" + dir, "--webui-port=" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("qbittorrent.log").toFile()).start();
        Instant until = Instant.now().plus(START);
        while (Instant.now().isBefore(until)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return port;
            } catch (IOException notYet) {
                if (!qbittorrent.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("qbittorrent-nox did not start: " + Files.readString(dir.resolve("qbittorrent.log")));
    }

    private int totalWrites() {
        return apps.values().stream().mapToInt(FakeArr::writes).sum() + seerr.writes() + bazarr.writes() + jellyfin.writes();
    }

    private List<String> refused() {
        List<String> all = new ArrayList<>();
        apps.values().forEach(a -> all.addAll(a.refusedBodies()));
        apps.values().forEach(a -> all.addAll(a.badAnswers()));
        all.addAll(sabnzbd.refused());
        all.addAll(seerr.refused());
        all.addAll(bazarr.refused());
        all.addAll(jellyfin.refused());
        return all;
    }
}
