package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.WiringResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the Deploy and Done pages put the wiring's outcome in words. */
class LinksTallyTest {
    private static WiringResult links(Link.Status... statuses) {
        List<Link> links = new java.util.ArrayList<>();
        for (Link.Status s : statuses) {
            links.add(new Link("Sonarr", "App " + links.size(), s, s == Link.Status.NEEDS_ATTENTION ? "Sonarr says: no" : ""));
        }
        return new WiringResult(links, 0, List.of());
    }

    @Test
    void countsTheLinksNeedingAttentionAndNotThoseLeftAlone() {
        LinksTally tally = LinksTally.of(links(Link.Status.OK, Link.Status.NEEDS_ATTENTION, Link.Status.LEFT_ALONE));
        assertEquals(new LinksTally(3, 1), tally);
        assertEquals("1 link of 3 needs attention", tally.sentence());
        assertEquals("Berth connected the apps: 1 link of 3 needs attention; the Done page says what to do.", tally.afterDeploy());
        assertEquals("2 links of 3 need attention",
                LinksTally.of(links(Link.Status.NEEDS_ATTENTION, Link.Status.NEEDS_ATTENTION, Link.Status.OK)).sentence());
    }

    @Test
    void allWorking() {
        assertEquals("Berth connected the apps: all 2 links work.", LinksTally.of(links(Link.Status.OK, Link.Status.LEFT_ALONE)).afterDeploy());
        assertEquals("The link works", LinksTally.of(links(Link.Status.OK)).sentence());
    }
}
