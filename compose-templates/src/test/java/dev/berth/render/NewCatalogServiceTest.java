package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.CatalogLoader;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.secrets.SecretGenerator;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/catalog-format.md promises that a new *arr-like app needs only its catalog file. Here one
 * made-up app, Docuarr (src/test/resources/extra-catalog/docuarr.yaml), joins the built-in
 * catalog as that one file, and the stack gives it what the built-in *arr apps get: a preset API
 * key, an exporter that Prometheus scrapes, an Authelia rule that lets its API through, a Homepage
 * widget and a place in Unpackerr's configuration.
 */
class NewCatalogServiceTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path dir;

    private static StackPlan plan;
    private static RenderedStack stack;

    @BeforeAll
    static void planTheFullExampleWithDocuarr() throws Exception {
        Path catalogDir = Files.createDirectory(dir.resolve("catalog"));
        try (Stream<Path> builtIn = Files.list(RepoPaths.root().resolve("service-catalog/src/main/resources/dev/berth/catalog/services"))) {
            for (Path file : builtIn.toList()) {
                Files.copy(file, catalogDir.resolve(file.getFileName().toString()));
            }
        }
        Files.copy(RepoPaths.root().resolve("compose-templates/src/test/resources/extra-catalog/docuarr.yaml"),
                catalogDir.resolve("docuarr.yaml"));
        Catalog catalog = new CatalogLoader().load(catalogDir);

        // The full example (domain, Authelia, monitoring, Homepage, Unpackerr), with Docuarr chosen and protected.
        String text = Files.readString(Examples.file("full-wireguard"))
                .replace("services:\n  - jellyfin\n", "services:\n  - jellyfin\n  - docuarr\n")
                .replace("    protectedServices:\n", "    protectedServices:\n      - docuarr\n");
        Path answersFile = Files.writeString(dir.resolve("berth.yaml"), text);
        Answers answers = AnswersFile.read(answersFile);
        assertTrue(answers.services().contains("docuarr") && answers.access().authelia().protectedServices().contains("docuarr"),
                "the example changed shape; this test adds Docuarr to its services and protected services");

        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        plan = new Planner(catalog, new SecretGenerator(random)).plan(answers, Map.of());
        stack = new Renderer().render(plan);
    }

    /** Its library's category reaches every download client's settings files, with no Java for it. */
    @Test
    void everyDownloadClientGetsDocuarrsCategory() {
        var files = dev.berth.render.clients.ClientSettings.of(plan);
        assertFalse(files.isEmpty());
        for (String client : files.stream().map(dev.berth.render.clients.SettingsFile::service).distinct().toList()) {
            List<String> keys = files.stream().filter(f -> f.service().equals(client))
                    .flatMap(f -> f.merge(java.util.Optional.empty()).setKeys().stream()).toList();
            assertTrue(keys.stream().anyMatch(k -> k.contains("documentaries")), client + "'s files set " + keys);
        }
    }

    @Test
    void docuarrStartsWithAnApiKeyBerthMade() throws IOException {
        String key = plan.secrets().get("docuarr_api_key");
        assertTrue(key != null && key.matches("[0-9a-f]{32}"), "docuarr_api_key: " + key);
        assertEquals(key, stack.text("secrets/docuarr_api_key"));
        JsonNode docuarr = compose().path("services").path("docuarr");
        assertEquals("/run/secrets/docuarr_api_key", docuarr.path("environment").path("FILE__DOCUARR__AUTH__APIKEY").asText());
        assertTrue(texts(docuarr.path("secrets")).contains("docuarr_api_key"), docuarr.toString());
    }

    @Test
    void anExporterReadsDocuarrAndPrometheusScrapesIt() throws IOException {
        JsonNode exporter = compose().path("services").path("exportarr-docuarr");
        assertEquals(List.of("docuarr"), texts(exporter.path("command")), exporter.toString());
        assertEquals("http://docuarr:8765", exporter.path("environment").path("URL").asText());
        assertEquals("/run/secrets/docuarr_api_key", exporter.path("environment").path("API_KEY_FILE").asText());
        assertEquals("service_started", exporter.path("depends_on").path("docuarr").path("condition").asText());

        JsonNode prometheus = YAML.readTree(stack.text("config/prometheus/prometheus.yml"));
        JsonNode job = find(prometheus.path("scrape_configs"), j -> j.path("job_name").asText().equals("docuarr"));
        assertEquals(List.of("exportarr-docuarr:9707"), texts(job.path("static_configs").get(0).path("targets")));
    }

    @Test
    void autheliaLetsDocuarrsApiThroughAndGuardsTheRest() throws IOException {
        JsonNode rules = YAML.readTree(stack.text("config/authelia/configuration.yml")).path("access_control").path("rules");
        JsonNode bypass = find(rules, r -> texts(r.path("domain")).contains("docuarr.example.com") && r.path("policy").asText().equals("bypass"));
        assertEquals(List.of("docuarr.example.com"), texts(bypass.path("domain")), "its own paths, its own rule");
        assertEquals(List.of("^/api/v1/.*$"), texts(bypass.path("resources")));
        JsonNode guarded = find(rules, r -> texts(r.path("domain")).contains("docuarr.example.com") && r.path("policy").asText().equals("two_factor"));
        assertTrue(guarded.path("resources").isMissingNode(), guarded.toString());
    }

    @Test
    void homepageShowsDocuarrWithItsWidgetAndKey() throws IOException {
        JsonNode homepage = compose().path("services").path("homepage");
        assertEquals("/run/secrets/docuarr_api_key", homepage.path("environment").path("HOMEPAGE_FILE_DOCUARR_KEY").asText());
        String services = stack.text("config/homepage/services.yaml");
        assertTrue(services.contains("""
                      - Docuarr:
                          href: https://docuarr.example.com/
                          description: Docuarr
                          icon: docuarr.png
                          widget:
                            type: docuarr
                            url: http://docuarr:8765
                            key: '{{HOMEPAGE_FILE_DOCUARR_KEY}}'
                """), services);
    }

    @Test
    void unpackerrWatchesDocuarrUnderItsSection() {
        String conf = stack.text("config/unpackerr/unpackerr.conf");
        assertTrue(conf.contains("[[whisparr]]\n  url = \"http://docuarr:8765\"\n  api_key = \""
                + plan.secrets().get("docuarr_api_key") + "\"\n"), conf);
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(stack.text("compose.yaml"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode n : array) {
            if (test.test(n)) {
                return n;
            }
        }
        throw new AssertionError("none matches in " + array);
    }
}
