package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.PlacementAnswers;
import dev.berth.answers.Problem;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The placer's hard rules, pins, stickiness, weights and the words of its reasons. */
class HostPlacerTest {
    private static final long GB = 1_000_000_000L;
    private static final long TB = 1000 * GB;
    private static final long DAY = 86_400;
    private static final long MIB = 1024L * 1024;
    private static final HostAnswers A = new HostAnswers("a", new TargetAnswers(TargetAnswers.Kind.SSH, "a.lan", null, "media", null), null);
    private static final HostAnswers B = new HostAnswers("b", new TargetAnswers(TargetAnswers.Kind.SSH, "b.lan", null, "media", null), "10.0.0.2");

    private final HostPlacer placer = new HostPlacer();

    /** A host: memory available, free storage, cores, load, uptime and /dev/dri. */
    private static HostResources host(long memory, long storage, int cores, double load, long uptime, boolean dri) {
        return new HostResources(memory * 2, memory, storage, "/dev/sda1 on /srv (device 2049)", cores, load, uptime, dri);
    }

    private static HostResources plain() {
        return host(8 * GB, TB, 4, 1.0, 10 * DAY, false);
    }

    /** An example's answers placed on hosts a and b (a is the first, so the target). */
    private static Answers onHosts(Answers single, PlacementAnswers placement) {
        return new Answers(single.schemaVersion(), single.projectName(), null, single.storage(), single.services(), single.vpn(),
                single.access(), single.monitoring(), single.media(), single.portOverrides(), single.backup(), List.of(A, B), placement);
    }

    private static StackPlan plan(Answers answers) {
        return Examples.repeatablePlanner().plan(answers, Map.of());
    }

    private HostLayout place(Answers answers, HostResources a, HostResources b) {
        return placer.place(plan(answers), Map.of("a", a, "b", b), Optional.empty());
    }

    private static Answers withTranscoding(Answers answers, boolean on) {
        StorageAnswers s = answers.storage();
        return answers.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), s.puid(), s.pgid(), s.timeZone(), on));
    }

    @Test
    void theTwoHostsExample() {
        Answers answers = Examples.answers("two-hosts");
        StackPlan plan = plan(answers);
        HostLayout layout = placer.place(plan, Map.of(
                "pc", host(12 * GB, 200 * GB, 4, 0.2, 3 * DAY, true),
                "nas", host(6 * GB, 8 * TB, 2, 0.8, 40 * DAY, false)), Optional.empty());
        assertEquals("nas", layout.storageHost());
        assertEquals("pc", layout.manager());
        for (String dataUser : List.of("qbittorrent", "sonarr", "radarr")) {
            assertEquals("nas", layout.hostOf(dataUser), dataUser);
        }
        HostAssignment jellyfin = layout.services().get("jellyfin");
        assertEquals("pc", jellyfin.host());
        assertTrue(jellyfin.pinned());
        assertEquals(List.of("pinned to pc (placement.pins)", "transcodes with the GPU (/dev/dri), which pc has",
                "reaches the media over NFS from nas (192.168.1.20): export /srv/data over NFS to pc"), jellyfin.reasons());
        assertEquals("nas", layout.hostOf("prometheus"));
        assertEquals("pc", layout.hostOf("grafana"));
        assertEquals(plan.services().stream().map(PlannedService::name).toList(), List.copyOf(layout.services().keySet()));
    }

    @Test
    void theDataTreesUsersGoWhereTheMostStorageIsWhateverTheOtherScores() {
        HostLayout layout = place(onHosts(Examples.answers("backups"), PlacementAnswers.NONE),
                host(32 * GB, TB, 16, 0.0, 90 * DAY, false), host(2 * GB, 4 * TB, 2, 2.0, DAY, false));
        assertEquals("b", layout.storageHost());
        HostAssignment sonarr = layout.services().get("sonarr");
        assertEquals("b", sonarr.host());
        assertEquals(List.of("mounts the whole data tree (downloads and media) from the data root (/srv/data), and hardlinks need one"
                        + " file system: on the host that holds it",
                "b holds the data root: it has the most free storage, 4.0 TB free for /srv/data"), sonarr.reasons());
        assertEquals("b", layout.hostOf("qbittorrent"));
        // Prowlarr keeps no data: the scores send it to the big machine.
        assertEquals("a", layout.hostOf("prowlarr"));
        assertTrue(layout.services().get("prowlarr").reasons().getFirst().startsWith("scored best: "));
    }

    @Test
    void vpnRoutedAppsGoWithGluetunAndHelpersWithWhatTheyRead() {
        Answers full = Examples.answers("full-wireguard");
        HostLayout layout = place(onHosts(full, new PlacementAnswers(Map.of("prometheus", "a", "npm", "a"), List.of())),
                host(8 * GB, 100 * GB, 4, 0.1, DAY, true), host(8 * GB, 4 * TB, 4, 0.1, DAY, true));
        String gluetun = layout.hostOf("gluetun");
        for (String routed : full.vpn().routedServices()) {
            assertEquals(gluetun, layout.hostOf(routed), routed);
            assertEquals("runs in Gluetun's network (its traffic goes through the VPN), so on Gluetun's host",
                    layout.services().get(routed).reasons().getFirst());
        }
        // qBittorrent mounts the downloads, so Gluetun and everything it routes is on the storage host.
        assertEquals("b", gluetun);
        assertEquals("a", layout.hostOf("node-exporter"));
        assertEquals("goes with Prometheus: it runs on the host network, and Prometheus reads it through its own host's gateway",
                layout.services().get("node-exporter").reasons().getFirst());
        assertEquals("a", layout.hostOf("cadvisor"));
        assertEquals("a", layout.hostOf("fail2ban"));
        assertEquals("a", layout.hostOf("authelia"), "Fail2Ban reads Authelia's log, so Authelia goes with it and the proxy");
    }

    @Test
    void aTranscodingMediaServerGoesToTheHostWithDevDri() {
        Answers answers = onHosts(withTranscoding(Examples.answers("minimal-jellyfin"), true), PlacementAnswers.NONE);
        long jellyfin = Catalog.builtIn().get("jellyfin").ramMb() * MIB;
        HostLayout layout = place(answers, host(16 * GB, 4 * TB, 8, 0.0, 9 * DAY, false), host(2 * GB + jellyfin, 100 * GB, 2, 1.5, DAY, true));
        assertEquals("a", layout.storageHost());
        assertEquals("b", layout.hostOf("jellyfin"));
        assertEquals(List.of("transcodes with the GPU (/dev/dri), which b has",
                "reaches the media over NFS from a (a.lan): export /srv/data over NFS to b",
                "the only host it may run on: 2.0 GB memory free, 100.0 GB free for /srv/data, 2 cores, load 1.5, up 1 day"),
                layout.services().get("jellyfin").reasons());
    }

    @Test
    void transcodingWithoutAnyDevDriIsRefusedOnTheAnswer() {
        Answers answers = onHosts(withTranscoding(Examples.answers("minimal-jellyfin"), true), PlacementAnswers.NONE);
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> place(answers, plain(), plain()));
        Problem p = e.problems().getFirst();
        assertEquals("storage.hardwareTranscoding", p.field());
        assertEquals(PlacementRule.NO_RENDER_DEVICE, p.rule());
        assertTrue(p.message().contains("none of the hosts [a, b] has /dev/dri") && p.message().contains("turn hardware transcoding off"), p::toString);
    }

    @Test
    void pinsWinOverScores() {
        Answers answers = onHosts(Examples.answers("backups"), new PlacementAnswers(Map.of("prowlarr", "b"), List.of()));
        HostLayout layout = place(answers, host(32 * GB, 4 * TB, 16, 0.0, 90 * DAY, false), host(2 * GB, TB, 2, 2.0, DAY, false));
        assertEquals("b", layout.hostOf("prowlarr"));
        assertTrue(layout.services().get("prowlarr").pinned());
        assertEquals(List.of("pinned to b (placement.pins)"), layout.services().get("prowlarr").reasons());
    }

    @Test
    void aPinnedDataUserDecidesTheStorageHostAndTheOthersFollow() {
        Answers answers = onHosts(Examples.answers("backups"), new PlacementAnswers(Map.of("sonarr", "a"), List.of()));
        HostLayout layout = place(answers, host(8 * GB, TB, 4, 0.0, DAY, false), host(8 * GB, 9 * TB, 4, 0.0, DAY, false));
        assertEquals("a", layout.storageHost());
        assertEquals("a", layout.hostOf("radarr"));
        assertEquals("goes with Sonarr, which is pinned to a", layout.services().get("radarr").reasons().getLast());
    }

    @Test
    void aPinAgainstTheGpuRuleIsRefusedOnThePin() {
        Answers answers = onHosts(withTranscoding(Examples.answers("minimal-jellyfin"), true),
                new PlacementAnswers(Map.of("jellyfin", "a"), List.of()));
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> place(answers, plain(), host(8 * GB, TB, 4, 1.0, DAY, true)));
        Problem p = e.problems().getFirst();
        assertEquals("placement.pins.jellyfin", p.field());
        assertEquals(PlacementRule.PIN_BREAKS_RULE, p.rule());
        assertEquals("jellyfin is pinned to a, and it transcodes with the GPU (/dev/dri), which a lacks: pin it to b, or remove the pin",
                p.message());
    }

    @Test
    void pinsThatSplitWhatMustShareAHostAreRefused() {
        Answers answers = onHosts(Examples.answers("backups"), new PlacementAnswers(Map.of("radarr", "a", "sonarr", "b"), List.of()));
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> place(answers, plain(), plain()));
        Problem p = e.problems().getFirst();
        assertEquals("placement.pins.sonarr", p.field());
        assertEquals(PlacementRule.PINS_DISAGREE, p.rule());
        assertTrue(p.message().startsWith("sonarr is pinned to b and radarr to a, and they must share a host (mounts the"), p::toString);
        assertTrue(p.message().endsWith("pin both to one host, or remove one pin"), p::toString);
    }

    @Test
    void aPinOfAServiceTheStackLacksNamesBoth() {
        Answers answers = onHosts(Examples.answers("minimal-jellyfin"), new PlacementAnswers(Map.of("redis", "b"), List.of()));
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> place(answers, plain(), plain()));
        assertEquals(List.of(new Problem("placement.pins.redis", "redis is pinned to b, and the stack has no redis: choose it on"
                + " the Apps screen, or remove the pin", PlacementRule.PIN_NOT_IN_STACK)), e.problems());
    }

    @Test
    void aRerunKeepsEveryServiceWhereItRunsWhenTheLoadChanges() {
        Answers answers = onHosts(Examples.answers("backups"), PlacementAnswers.NONE);
        StackPlan plan = plan(answers);
        HostLayout first = placer.place(plan, Map.of("a", host(16 * GB, TB, 8, 0.0, 9 * DAY, false),
                "b", host(4 * GB, 3 * TB, 2, 0.5, DAY, false)), Optional.empty());
        assertEquals("a", first.hostOf("prowlarr"));
        assertEquals("b", first.storageHost());
        // Now b has more of everything: a fresh placement would move everything to b, a re-run keeps it.
        Map<String, HostResources> changed = Map.of("a", host(GB, 100 * GB, 2, 3.0, DAY, false),
                "b", host(32 * GB, 2 * TB, 16, 0.0, 30 * DAY, false));
        HostLayout fresh = placer.place(plan, changed, Optional.empty());
        assertEquals("b", fresh.hostOf("prowlarr"));
        HostLayout again = placer.place(plan, changed, Optional.of(first));
        assertEquals(first.storageHost(), again.storageHost());
        for (String service : first.services().keySet()) {
            assertEquals(first.hostOf(service), again.hostOf(service), service);
        }
        // Kept with the words they had, figures included, so berth-hosts.yaml stays as it is on a re-run.
        assertEquals(first.services(), again.services());
        // A layout that gives no reasons (written by hand) gets the re-run's own.
        Map<String, HostAssignment> bare = new java.util.LinkedHashMap<>();
        first.services().forEach((service, a) -> bare.put(service, new HostAssignment(service, a.host(), a.pinned(), a.swarm(), List.of())));
        HostLayout fromBare = placer.place(plan, changed, Optional.of(new HostLayout(first.hosts(), bare, first.storageHost())));
        assertEquals(List.of("already runs on a: kept there, so a re-run does not move a running service"),
                fromBare.services().get("prowlarr").reasons());
        assertTrue(fromBare.services().get("sonarr").reasons().getLast().equals("b holds the data root: it did at the last deploy,"
                + " and the data stays where it is"), fromBare.services().get("sonarr").reasons()::toString);
    }

    @Test
    void aPreviousHostTheRulesNoLongerAllowIsLeft() {
        Answers plainJellyfin = onHosts(Examples.answers("minimal-jellyfin"), PlacementAnswers.NONE);
        HostResources bigA = host(16 * GB, 4 * TB, 8, 0.0, 9 * DAY, false);
        HostResources gpuB = host(2 * GB, 100 * GB, 2, 1.5, DAY, true);
        HostLayout before = placer.place(plan(plainJellyfin), Map.of("a", bigA, "b", gpuB), Optional.empty());
        assertEquals("a", before.hostOf("jellyfin"));
        HostLayout after = placer.place(plan(withTranscoding(plainJellyfin, true)), Map.of("a", bigA, "b", gpuB), Optional.of(before));
        assertEquals("b", after.hostOf("jellyfin"));
    }

    // ---- the weights: two hosts equal but for the factors named; the better one in the heavier factor wins

    static Stream<Arguments> weights() {
        HostResources base = plain();
        return Stream.of(
                Arguments.of("more free memory", host(16 * GB, TB, 4, 1.0, 10 * DAY, false), base, "a"),
                Arguments.of("more free storage", base, host(8 * GB, 2 * TB, 4, 1.0, 10 * DAY, false), "b"),
                Arguments.of("more cores", base, host(8 * GB, TB, 8, 1.0, 10 * DAY, false), "b"),
                Arguments.of("less load", host(8 * GB, TB, 4, 0.5, 10 * DAY, false), base, "a"),
                Arguments.of("longer uptime", base, host(8 * GB, TB, 4, 1.0, 20 * DAY, false), "b"),
                // The same margin (one host has half the other's) in two factors: the heavier weight decides.
                Arguments.of("memory 40 % over storage 30 %", host(16 * GB, TB, 4, 1.0, 10 * DAY, false),
                        host(8 * GB, 2 * TB, 4, 1.0, 10 * DAY, false), "a"),
                Arguments.of("storage 30 % over CPU 15 %", host(8 * GB, TB, 4, 1.0, 10 * DAY, false),
                        host(8 * GB, TB / 2, 8, 1.0, 10 * DAY, false), "a"),
                Arguments.of("CPU 15 % over load 10 %", host(8 * GB, TB, 8, 1.0, 10 * DAY, false),
                        host(8 * GB, TB, 4, 0.5, 10 * DAY, false), "a"),
                Arguments.of("load 10 % over uptime 5 %", host(8 * GB, TB, 4, 0.5, 10 * DAY, false),
                        host(8 * GB, TB, 4, 1.0, 20 * DAY, false), "a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weights")
    void theWeightsDecide(String why, HostResources a, HostResources b, String expected) {
        Answers answers = onHosts(Examples.answers("minimal-jellyfin").withServices(List.of("prowlarr")), PlacementAnswers.NONE);
        assertEquals(expected, place(answers, a, b).hostOf("prowlarr"), why);
        // The same hosts the other way round: the decision follows the host, not the order.
        assertEquals(expected.equals("a") ? "b" : "a", place(answers, b, a).hostOf("prowlarr"), why + ", swapped");
    }

    @Test
    void aScoredReasonGivesTheFiguresAfterWhatIsPlacedThere() {
        Answers answers = onHosts(Examples.answers("minimal-jellyfin").withServices(List.of("prowlarr")), PlacementAnswers.NONE);
        long prowlarr = Catalog.builtIn().get("prowlarr").ramMb() * MIB;
        HostLayout layout = place(answers, host(5_200_000_000L + prowlarr, 1_800_000_000_000L, 4, 0.3, 12 * DAY + 5, false),
                host(GB, TB, 2, 2.0, DAY, false));
        assertEquals(List.of("scored best: 5.2 GB memory free, 1.8 TB free for /srv/data, 4 cores, load 0.3, up 12 days"),
                layout.services().get("prowlarr").reasons());
    }

    @Test
    void theReportListsEachHostWithItsServicesAndTheDecidingReason() {
        Answers answers = onHosts(Examples.answers("minimal-jellyfin").withServices(List.of("prowlarr")),
                new PlacementAnswers(Map.of("prowlarr", "b"), List.of()));
        HostLayout layout = place(answers, host(8 * GB, 2 * TB, 4, 0.0, DAY, false), plain());
        assertEquals(List.of("a (swarm manager, holds the data): no services", "b: 1 service",
                "  prowlarr (pinned): pinned to b (placement.pins)"), LayoutReport.lines(layout));
        assertFalse(LayoutReport.line(layout.services().get("prowlarr")).contains("Swarm"));
    }
}
