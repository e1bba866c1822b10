package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Image;
import dev.berth.plan.ImagePin;
import dev.berth.plan.ImagePins;
import dev.berth.plan.PreviousPorts;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pins file and what rendering does with pins: compose.yaml runs a pin while the catalog's tag is the one it was made over. */
class PinsFileTest {
    private static final String OLD = "sha256:" + "1".repeat(64);
    private static final String NEW = "sha256:" + "2".repeat(64);

    private static ImagePin pin(Image catalog, String tag) {
        return new ImagePin(new Image(catalog.repository(), tag, NEW), new Image(catalog.repository(), catalog.tag(), OLD), catalog.tag());
    }

    @Test
    void aPinIsWrittenAndReadBackWithWhatRanBefore() {
        Image sonarr = new Image("lscr.io/linuxserver/sonarr", "4.0.15");
        ImagePins pins = ImagePins.NONE.with("sonarr", pin(sonarr, "4.0.16"))
                .with("jellyfin", new ImagePin(new Image("jellyfin/jellyfin", "10.11.0", NEW), new Image("jellyfin/jellyfin", "10.10.7"), "10.10.7"));
        String text = PinsFile.render(pins);
        assertEquals(pins, PinsFile.parse(text, "berth-pins.yaml"));
        assertTrue(text.startsWith("# Images pinned by `berth update`"), text);
    }

    @Test
    void aBrokenFileIsNamedWithTheEntryAndWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinsFile.parse("""
                services:
                  sonarr: { repository: lscr.io/linuxserver/sonarr, tag: "4.0.16", digest: latest, previousTag: "4.0.15", catalogTag: "4.0.15" }
                """, "/opt/berth/berth-pins.yaml"));
        assertTrue(e.getMessage().startsWith("/opt/berth/berth-pins.yaml: services.sonarr.digest must be sha256:"), e.getMessage());
        assertTrue(e.getMessage().contains("delete the file"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PinsFile.parse("services:\n  sonarr: { repository: r, tag: t, digest: " + NEW + " }\n", "f"));
        assertTrue(missing.getMessage().contains("services.sonarr.previousTag is missing"), missing.getMessage());
    }

    @Test
    void composeRunsThePinAndThePinsFileIsWrittenWhileTheCatalogTagIsTheOneItWasMadeOver() {
        Answers answers = Examples.answers("minimal-jellyfin");
        StackPlan plain = Examples.repeatablePlanner().plan(answers, Map.of());
        Image catalog = plain.service("jellyfin").orElseThrow().image();
        ImagePins pins = ImagePins.NONE.with("jellyfin", pin(catalog, "99.0.0"));

        StackPlan pinned = Examples.repeatablePlanner().plan(answers, Map.of(), PreviousPorts.NONE, pins);
        RenderedStack files = new Renderer().render(pinned);

        assertEquals(catalog.repository() + ":99.0.0@" + NEW, pinned.service("jellyfin").orElseThrow().image().reference());
        String compose = new String(files.files().get("compose.yaml").content(), StandardCharsets.UTF_8);
        assertTrue(compose.contains("image: " + catalog.repository() + ":99.0.0@" + NEW), compose);
        assertEquals(pins, PinsFile.parse(new String(files.files().get(PinsFile.PATH).content(), StandardCharsets.UTF_8), "f"));
        // Without pins there is no pins file: a stack never updated keeps its files as they were.
        assertFalse(new Renderer().render(plain).files().containsKey(PinsFile.PATH));
    }

    @Test
    void aCatalogThatMovedPastTheTagAPinWasMadeOverReplacesThePin() {
        Answers answers = Examples.answers("minimal-jellyfin");
        Image catalog = Examples.repeatablePlanner().plan(answers, Map.of()).service("jellyfin").orElseThrow().image();
        // Made when the catalog still named an older tag: this Berth's catalog is newer, so its image runs.
        ImagePin old = new ImagePin(new Image(catalog.repository(), "0.9", NEW), new Image(catalog.repository(), "0.8", OLD), "0.8");

        StackPlan plan = Examples.repeatablePlanner().plan(answers, Map.of(), PreviousPorts.NONE, ImagePins.NONE.with("jellyfin", old));

        assertEquals(catalog, plan.service("jellyfin").orElseThrow().image());
        assertTrue(plan.pins().isEmpty(), plan.pins()::toString);
        assertFalse(new Renderer().render(plan).files().containsKey(PinsFile.PATH));
    }
}
