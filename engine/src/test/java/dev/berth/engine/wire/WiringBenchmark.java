package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Wiring figures, printed, never asserted on time (run with {@code ./bench wire}; not part of the
 * test run: the class name is outside Surefire's includes). The full example's apps — Jellyfin's
 * first run, libraries and key; Sonarr, Radarr, Lidarr and Prowlarr with qBittorrent, SABnzbd and
 * FlareSolverr; Seerr and Bazarr — wired from its plan ({@link WiringPlan}, {@link StackWiring})
 * against fresh doubles, then again with nothing to change. The doubles check every request and
 * answer against the apps' published descriptions, so the figures include that work: the real
 * apps answer slower or faster, but Berth's own share is in here.
 */
class WiringBenchmark {
    private static final int WARMUPS = 3;
    private static final int RUNS = 9;

    @Test
    void wiringTheFullExampleAndARunWithNothingToChange() throws Exception {
        ArrSchemas.require();
        StackPlan plan = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(Examples.answers("full-wireguard"), Map.of());
        WiringPlan wiring = WiringPlan.of(plan, Map.of());
        long[] first = new long[RUNS];
        long[] again = new long[RUNS];
        int links = 0;
        for (int i = -WARMUPS; i < RUNS; i++) {
            Map<ArrApp, FakeArr> doubles = new EnumMap<>(ArrApp.class);
            List<AutoCloseable> others = new ArrayList<>();
            try {
                Map<String, Integer> ports = new HashMap<>();
                for (ArrApp a : ArrApp.values()) {
                    String service = a.name().toLowerCase(Locale.ROOT);
                    FakeArr fake = FakeArr.start(a, plan.secrets().get(plan.service(service).orElseThrow().definition().apiKey().orElseThrow().secret()));
                    doubles.put(a, fake);
                    ports.put(service, fake.base().getPort());
                }
                for (ArrApp a : List.of(ArrApp.SONARR, ArrApp.RADARR, ArrApp.LIDARR)) {
                    doubles.get(ArrApp.PROWLARR).reaches(plan.service(a.name().toLowerCase(Locale.ROOT)).orElseThrow().internalUrl(), doubles.get(a));
                }
                startTheAppsSetThroughTheirApi(plan, ports, others);
                // The download clients' own sign-in checks need the real clients: left out (no checker).
                StackWiring stack = new StackWiring(ServiceAddresses.loopback(ports), Optional.empty(), "this computer");
                long start = System.nanoTime();
                StackWiring.Outcome made = stack.run(plan, wiring, WiringMemory.EMPTY, StackWiring.Mode.APPLY, p -> { }, () -> false);
                long firstNanos = System.nanoTime() - start;
                assertEquals(List.of(), made.result().needingAttention(), made.result()::toString);
                // As the next deploy plans it: with the keys the apps made (Jellyfin's, Seerr's, Bazarr's) kept from secrets/.
                Map<String, String> kept = new HashMap<>(plan.secrets());
                kept.putAll(made.madeSecrets());
                StackPlan next = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(plan.answers(), kept);
                WiringPlan nextWiring = WiringPlan.of(next, kept);
                start = System.nanoTime();
                StackWiring.Outcome rerun = stack.run(next, nextWiring, made.memory(), StackWiring.Mode.APPLY, p -> { }, () -> false);
                long againNanos = System.nanoTime() - start;
                assertEquals(0, rerun.result().writes(), "a re-run with nothing to change sent write requests");
                links = made.result().links().size();
                if (i >= 0) {
                    first[i] = firstNanos;
                    again[i] = againNanos;
                }
            } finally {
                doubles.values().forEach(FakeArr::close);
                for (AutoCloseable c : others) {
                    c.close();
                }
            }
        }
        print("wiring the full example (Jellyfin, 4 *arr apps, Seerr, Bazarr: " + links + " links) against the doubles", first,
                "<= 2000 ms");
        print("wiring again with nothing to change (0 writes)", again, "<= 500 ms");
    }

    /** Jellyfin, Seerr and Bazarr doubles, as {@code FullExampleWiringTest} starts them. */
    private static void startTheAppsSetThroughTheirApi(StackPlan plan, Map<String, Integer> ports, List<AutoCloseable> started)
            throws java.io.IOException {
        FakeJellyfin jellyfin = FakeJellyfin.start();
        started.add(jellyfin::close);
        ports.put("jellyfin", jellyfin.port());
        var jellyfinService = plan.service("jellyfin").orElseThrow();
        var sonarr = plan.service("sonarr").orElseThrow();
        var radarr = plan.service("radarr").orElseThrow();
        String sonarrKey = plan.secrets().get("sonarr_api_key");
        String radarrKey = plan.secrets().get("radarr_api_key");
        FakeSeerr seerr = FakeSeerr.start(new FakeSeerr.MediaServer(jellyfinService.address(), jellyfinService.webPort(),
                        WiringPlan.SIGN_IN_USER, plan.secrets().get("jellyfin_password"), Map.of("lib-movies", "Movies")),
                        plan.secrets().get("seerr_api_key"))
                .reaches("sonarr", new FakeSeerr.Servarr(sonarr.address(), sonarr.webPort(), sonarrKey, Map.of(1, "Any"),
                        List.of(sonarr.definition().library().rootFolder())))
                .reaches("radarr", new FakeSeerr.Servarr(radarr.address(), radarr.webPort(), radarrKey, Map.of(1, "Any"),
                        List.of(radarr.definition().library().rootFolder())));
        started.add(seerr::close);
        ports.put("seerr", seerr.port());
        FakeBazarr bazarr = FakeBazarr.start(plan.secrets().get("bazarr_api_key"))
                .reaches(sonarr.address() + ":" + sonarr.webPort(), new FakeBazarr.Arr("4.0.15.2941", sonarrKey))
                .reaches(radarr.address() + ":" + radarr.webPort(), new FakeBazarr.Arr("6.0.4.10291", radarrKey));
        started.add(bazarr::close);
        ports.put("bazarr", bazarr.port());
    }

    private static void print(String name, long[] samples, String goal) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        List<String> figures = new ArrayList<>();
        for (long s : new long[] {sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]}) {
            figures.add(String.format("%.1f ms", s / 1e6));
        }
        System.out.printf("BENCHMARK %s: median %s, min %s, max %s over %d runs (goal %s)%n", name, figures.get(0),
                figures.get(1), figures.get(2), sorted.length, goal);
    }
}
