package dev.berth.wizardsteps.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.plan.HostResources;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where each service of a stack on two machines goes on the Review page, and the pins the person sets there. */
class HostPlacementTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final SimpleObjectProperty<Map<String, HostResources>> measured = new SimpleObjectProperty<>(Map.of());

    @AfterEach
    void close() {
        ctx.close();
    }

    private HostPlacement twoMachines(String... apps) {
        Drafts.upToApps(ctx, apps);
        ctx.model().setHosts(List.of(new HostAnswers("nas", TargetAnswers.LOCAL, "10.0.0.2"),
                new HostAnswers("pc", new TargetAnswers(TargetAnswers.Kind.SSH, "pc.local", null, "media", null), null)));
        return new HostPlacement(ctx.model(), ctx.backend()::catalog, measured);
    }

    private static PlacementRow row(HostPlacement p, String service) {
        return p.rows().stream().filter(r -> r.service().equals(service)).findFirst().orElseThrow();
    }

    @Test
    void oneMachineShowsNoPlacement() {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        HostPlacement p = new HostPlacement(ctx.model(), ctx.backend()::catalog, measured);
        assertTrue(p.rows().isEmpty());
        assertEquals("", p.basisProperty().get());
    }

    @Test
    void beforeTheChecksEachServiceHasAHostAndAReasonOnEqualMachines() {
        HostPlacement p = twoMachines("jellyfin", "sonarr", "qbittorrent");
        assertEquals(HostPlacement.ASSUMED, p.basisProperty().get());
        assertEquals(row(p, "sonarr").host(), row(p, "qbittorrent").host(), "the data tree's users share a host");
        assertTrue(row(p, "qbittorrent").reason().contains("hardlinks"), row(p, "qbittorrent").reason());
        assertEquals(List.of("nas", "pc"), row(p, "jellyfin").choices());
        assertTrue(p.report().stream().anyMatch(l -> l.startsWith("nas (swarm manager")), p.report().toString());
    }

    @Test
    void choosingAMachinePinsTheServiceInTheAnswersAndBerthChoosesUnpins() {
        HostPlacement p = twoMachines("jellyfin", "sonarr", "qbittorrent");
        String other = row(p, "jellyfin").host().equals("nas") ? "pc" : "nas";
        p.pin("jellyfin", other);
        assertEquals(Map.of("jellyfin", other), ctx.model().placementProperty().get().pins());
        assertEquals(other, row(p, "jellyfin").host());
        assertTrue(row(p, "jellyfin").pinned());
        assertEquals("", row(p, "jellyfin").problem());
        p.pin("jellyfin", null);
        assertTrue(ctx.model().placementProperty().get().pins().isEmpty());
        assertFalse(row(p, "jellyfin").pinned());
    }

    @Test
    void aPinThatBreaksARuleShowsTheProblemBesideItAndTheRestStaysPlaced() {
        HostPlacement p = twoMachines("jellyfin", "sonarr", "qbittorrent");
        p.pin("sonarr", "nas");
        p.pin("qbittorrent", "pc");
        PlacementRow refused = p.rows().stream().filter(r -> !r.problem().isEmpty()).findFirst().orElseThrow();
        assertTrue(refused.problem().contains("pinned to"), refused.problem());
        assertTrue(refused.pinned(), "the person's choice stays shown");
        assertEquals(3, p.rows().size());
        assertEquals("", p.problemProperty().get());
    }

    @Test
    void measuredResourcesDecideOnceEveryMachineIsRead() {
        HostPlacement p = twoMachines("jellyfin", "sonarr", "qbittorrent");
        measured.set(Map.of("nas", new HostResources(4 * GIB, GIB, 100 * GIB, "/dev/sda1 on /srv (device 801)", 2, 1.5, 60, false)));
        assertEquals(HostPlacement.ASSUMED, p.basisProperty().get(), "one machine of two read is not enough");
        measured.set(Map.of(
                "nas", new HostResources(4 * GIB, GIB, 100 * GIB, "/dev/sda1 on /srv (device 801)", 2, 1.5, 60, false),
                "pc", new HostResources(64 * GIB, 60 * GIB, 4000 * GIB, "/dev/nvme0n1p2 on / (device 10302)", 16, 0.1, 864000, false)));
        assertEquals(HostPlacement.MEASURED, p.basisProperty().get());
        assertEquals("pc", row(p, "sonarr").host(), "the bigger machine wins every score");
        assertEquals("pc", row(p, "qbittorrent").host());
    }
}
