package dev.berth.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken definition is refused with a message naming the file and the field. */
class BrokenDefinitionTest {
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
            web: { port: 8080, healthPath: /health, publish: true, websockets: false }
            """;

    @TempDir
    Path dir;

    @Test
    void aGoodDefinitionLoads() throws IOException {
        write("demo.yaml", GOOD);
        Catalog catalog = new CatalogLoader().load(dir);
        assertEquals(8080, catalog.get("demo").web().port());
    }

    @Test
    void unknownFieldIsNamed() throws IOException {
        write("demo.yaml", GOOD + "imagee: oops\n");
        assertProblem("demo.yaml: field 'imagee'");
    }

    @Test
    void badPortIsNamed() throws IOException {
        write("demo.yaml", GOOD.replace("port: 8080", "port: 70000"));
        assertProblem("demo.yaml: field 'web.port': must be between 1 and 65535");
    }

    @Test
    void latestTagIsRefused() throws IOException {
        write("demo.yaml", GOOD.replace("tag: \"1.0\"", "tag: latest"));
        assertProblem("demo.yaml: field 'image.tag': must pin a version, not 'latest'");
    }

    @Test
    void idMustMatchFileName() throws IOException {
        write("other.yaml", GOOD);
        assertProblem("other.yaml: field 'id': must equal the file name 'other'");
    }

    @Test
    void wrongTypeIsNamed() throws IOException {
        write("demo.yaml", GOOD.replace("ramMb: 10", "ramMb: lots"));
        assertProblem("demo.yaml: field 'ramMb'");
    }

    @Test
    void relationToAnUnknownServiceIsNamed() throws IOException {
        write("demo.yaml", GOOD + "relations:\n  requires:\n    - anyOf: [nothing-here]\n      reason: Needs it.\n");
        assertProblem("demo.yaml: field 'relations.requires[0].anyOf': 'nothing-here' is neither a service id nor a capability");
    }

    /** docs/catalog-format.md promises it: a second ramMb must not silently win over the first. */
    @Test
    void aDuplicateKeyIsRefused() throws IOException {
        write("demo.yaml", GOOD + "ramMb: 20\n");
        assertProblem("demo.yaml: not valid YAML: Duplicate field 'ramMb'");
    }

    @Test
    void invalidYamlIsNamed() throws IOException {
        write("demo.yaml", "id: 'unterminated\nname: x\n");
        assertProblem("demo.yaml: not valid YAML");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        write("demo.yaml", GOOD.replace("port: 8080", "port: 0").replace("ramMb: 10", "ramMb: -1"));
        CatalogException e = assertThrows(CatalogException.class, () -> new CatalogLoader().load(dir));
        assertEquals(2, e.problems().size(), e.getMessage());
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
