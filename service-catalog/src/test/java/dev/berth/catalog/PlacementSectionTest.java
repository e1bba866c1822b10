package dev.berth.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's {@code placement:} section: what the shipped files say, and a malformed one refused by file and field. */
class PlacementSectionTest {
    private static final String GOOD = """
            id: demo
            name: Demo
            category: extras
            description: A demo service that exists only to test the catalog loader's messages.
            image: { repository: example.org/demo, tag: "1.0" }
            architectures: [amd64]
            ramMb: 10
            linuxserver: false
            vpnCapable: false
            """;
    private static final String MEDIA = "volumes:\n  - { kind: media, target: /data/media, readOnly: false }\n";

    @TempDir
    Path dir;

    @Test
    void theShippedCatalogKeepsHostBoundHelpersWithWhatTheyRead() {
        Catalog catalog = Catalog.builtIn();
        assertEquals(List.of("prometheus"), catalog.get("node-exporter").placement().with());
        assertEquals(List.of("prometheus"), catalog.get("cadvisor").placement().with());
        assertEquals(List.of("npm", "authelia"), catalog.get("fail2ban").placement().with());
        for (String server : List.of("jellyfin", "plex", "emby")) {
            assertTrue(catalog.get(server).placement().mediaOverNfs(), server);
        }
        assertFalse(catalog.get("bazarr").placement().mediaOverNfs(), "Bazarr writes subtitles beside the media: on the storage host");
        assertEquals(PlacementSpec.FREE, catalog.get("sonarr").placement());
    }

    @Test
    void aSectionLoads() throws IOException {
        write("demo.yaml", GOOD + "placement: { with: [other], reason: it reads the other's log files }\n");
        write("other.yaml", GOOD.replace("id: demo", "id: other"));
        assertEquals(new PlacementSpec(List.of("other"), "it reads the other's log files", false),
                new CatalogLoader().load(dir).get("demo").placement());
    }

    @Test
    void withNamesServicesOfTheCatalog() throws IOException {
        write("demo.yaml", GOOD + "placement: { with: [nothing-here], reason: it reads its files }\n");
        assertProblem("demo.yaml: field 'placement.with[0]': no service 'nothing-here'");
    }

    @Test
    void withNeedsAReason() throws IOException {
        write("demo.yaml", GOOD + "placement: { with: [demo2] }\n");
        write("demo2.yaml", GOOD.replace("id: demo", "id: demo2"));
        assertProblem("demo.yaml: field 'placement.reason': is required with 'with'");
    }

    @Test
    void aReasonWithoutWithIsRefused() throws IOException {
        write("demo.yaml", GOOD + "placement: { reason: nothing to explain }\n");
        assertProblem("demo.yaml: field 'placement.reason': explains 'with'");
    }

    @Test
    void aServiceIsNotWithItself() throws IOException {
        write("demo.yaml", GOOD + "placement: { with: [demo], reason: it is itself }\n");
        assertProblem("demo.yaml: field 'placement.with[0]': must name another service");
    }

    @Test
    void mediaOverNfsIsForTheMediaFolderAlone() throws IOException {
        write("demo.yaml", GOOD + MEDIA + "  - { kind: torrents, target: /data/torrents, readOnly: false }\nplacement: { mediaOverNfs: true }\n");
        assertProblem("demo.yaml: field 'placement.mediaOverNfs': is for a service that mounts the media folder");
        write("demo.yaml", GOOD + "placement: { mediaOverNfs: true }\n");
        assertProblem("demo.yaml: field 'placement.mediaOverNfs': is for a service that mounts the media folder");
        write("demo.yaml", GOOD + MEDIA + "placement: { mediaOverNfs: true }\n");
        assertTrue(new CatalogLoader().load(dir).get("demo").placement().mediaOverNfs());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private void assertProblem(String expected) {
        CatalogException e = assertThrows(CatalogException.class, () -> new CatalogLoader().load(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected)),
                "expected a problem starting with <" + expected + "> in " + e.problems());
    }
}
