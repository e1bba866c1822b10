package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wiring figures, printed, never asserted on time (run with {@code ./bench wire}; not part of the
 * test run: the class name is outside Surefire's includes). The full example's apps — Sonarr,
 * Radarr, Lidarr and Prowlarr with qBittorrent, SABnzbd and FlareSolverr — wired one after the
 * other against fresh doubles, then again with nothing to change. The doubles check every request
 * and answer against the apps' OpenAPI descriptions, so the figures include that work: the real
 * apps answer slower or faster, but Berth's own share is in here.
 */
class WiringBenchmark {
    private static final int WARMUPS = 3;
    private static final int RUNS = 9;

    @Test
    void wiringTheFullExampleAndARunWithNothingToChange() throws Exception {
        ArrSchemas.require();
        long[] first = new long[RUNS];
        long[] again = new long[RUNS];
        for (int i = -WARMUPS; i < RUNS; i++) {
            Map<ArrApp, FakeArr> doubles = new EnumMap<>(ArrApp.class);
            try {
                for (ArrApp a : ArrApp.values()) {
                    doubles.put(a, FakeArr.start(a, WiringExamples.KEYS.get(a)));
                }
                Map<ArrApp, AppSyncResult> made = new EnumMap<>(ArrApp.class);
                long start = System.nanoTime();
                for (ArrApp a : ArrApp.values()) {
                    made.put(a, wire(doubles.get(a), Map.of()));
                }
                long firstNanos = System.nanoTime() - start;
                start = System.nanoTime();
                int writes = 0;
                for (ArrApp a : ArrApp.values()) {
                    writes += wire(doubles.get(a), made.get(a).memory()).writes();
                }
                long againNanos = System.nanoTime() - start;
                assertEquals(0, writes, "a re-run with nothing to change sent write requests");
                if (i >= 0) {
                    first[i] = firstNanos;
                    again[i] = againNanos;
                }
            } finally {
                doubles.values().forEach(FakeArr::close);
            }
        }
        print("wiring the full example (4 apps, 19 links) against the doubles", first, "<= 2000 ms");
        print("wiring again with nothing to change (0 writes)", again, "<= 500 ms");
    }

    private static AppSyncResult wire(FakeArr arr, Map<String, String> memory) throws Exception {
        try (ArrClient client = arr.client()) {
            AppSyncResult r = AppSync.apply(WiringExamples.of(arr.app()), client, memory, () -> false);
            assertTrue(r.links().stream().allMatch(l -> l.status() == Link.Status.OK), r.links()::toString);
            return r;
        }
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
