package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import dev.berth.answers.Answers;
import dev.berth.answers.MediaAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.QualityProfileSpec;
import dev.berth.catalog.RecyclarrSpec;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * recyclarr.yml against what Recyclarr publishes (test resources {@code recyclarr/}, see its README):
 * its v8.4.0 config schema, and the v8 config templates whose settings each catalog profile stands for.
 */
class RecyclarrConfigTest {
    private static final String FILE = "config/recyclarr/recyclarr.yml";
    private static final String EXAMPLE = "full-wireguard";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchema SCHEMA = schema();

    /** Every profile the catalog offers, rendered into the example that has Recyclarr. */
    static Stream<Arguments> profiles() {
        List<Arguments> all = new ArrayList<>();
        for (ServiceDefinition app : recyclarrApps()) {
            for (QualityProfileSpec p : app.recyclarr().profiles()) {
                all.add(Arguments.of(app.id(), p.key()));
            }
        }
        return all.stream();
    }

    @Test
    void theExampleHasRecyclarrForSonarrAndRadarr() {
        JsonNode config = rendered(Examples.answers(EXAMPLE));
        assertEquals(Set.of("sonarr", "radarr"), fieldNames(config));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profiles")
    void everyChosenProfileFollowsRecyclarrsSchema(String app, String profile) {
        JsonNode config = rendered(choose(app, profile));

        Set<ValidationMessage> errors = SCHEMA.validate(config);

        assertTrue(errors.isEmpty(), () -> app + " " + profile + ": recyclarr.yml breaks Recyclarr's schema:\n" + describe(errors));
    }

    /** Proves the check can fail: Recyclarr's schema has no Lidarr section and no unknown keys. */
    @Test
    void theSchemaRefusesWhatRecyclarrDoesNotKnow() {
        ObjectNode config = (ObjectNode) rendered(Examples.answers(EXAMPLE));
        config.putObject("lidarr").putObject("music").put("base_url", "http://lidarr:8686");
        ((ObjectNode) config.get("sonarr").get("tv")).put("replace_existing_custom_formats", true);

        String errors = describe(SCHEMA.validate(config));

        assertTrue(errors.contains("lidarr") && errors.contains("replace_existing_custom_formats"), errors);
    }

    /**
     * The instance Berth renders for a profile sets exactly what the profile's config template sets
     * (quality sizes, the profile by trash_id, the custom format groups it adds), plus the removal of
     * custom formats a previously chosen profile left.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("profiles")
    void everyProfileRendersWhatItsConfigTemplateSets(String app, String profile) throws IOException {
        RecyclarrSpec spec = Catalog.builtIn().get(app).recyclarr();
        QualityProfileSpec chosen = spec.profile(profile).orElseThrow();
        ObjectNode instance = (ObjectNode) rendered(choose(app, profile)).get(spec.section()).get(spec.instance());

        ObjectNode expected = (ObjectNode) template(spec.section(), chosen.templates().getFirst());
        expected.put("base_url", instance.get("base_url").asText());
        expected.put("api_key", spec.instance() + "_api_key");
        expected.put("delete_old_custom_formats", true);
        // What the template leaves commented out under skip: no group is skipped.
        ((ObjectNode) expected.get("custom_format_groups")).remove("skip");

        assertEquals(expected, instance);
        assertEquals("http://" + app + ":" + Catalog.builtIn().get(app).web().port(), instance.get("base_url").asText());
    }

    @Test
    void everyTemplateTheCatalogNamesIsInRecyclarrsTemplatesList() throws IOException {
        JsonNode list = json("config-templates/templates.json");
        for (ServiceDefinition app : recyclarrApps()) {
            Set<String> known = new java.util.TreeSet<>();
            list.get(app.recyclarr().section()).forEach(t -> known.add(t.get("id").asText()));
            for (QualityProfileSpec p : app.recyclarr().profiles()) {
                assertTrue(known.containsAll(p.templates()), () -> app.id() + " profile " + p.key() + " names " + p.templates()
                        + ", not all in Recyclarr's " + app.recyclarr().section() + " templates: " + known);
            }
        }
    }

    /** Recyclarr's configuration has only sonarr and radarr sections: no other catalog entry may claim it. */
    @Test
    void onlyAppsRecyclarrServesHaveASection() {
        Set<String> sections = fieldNames(SCHEMA.getSchemaNode().get("properties"));
        assertEquals(Set.of("sonarr", "radarr"), sections);
        for (ServiceDefinition app : recyclarrApps()) {
            assertTrue(sections.contains(app.recyclarr().section()), app.id());
        }
    }

    private static List<ServiceDefinition> recyclarrApps() {
        return Catalog.builtIn().all().stream().filter(d -> d.recyclarr() != null).toList();
    }

    private static Answers choose(String app, String profile) {
        Answers a = Examples.answers(EXAMPLE);
        MediaAnswers m = a.media();
        return a.withMedia(new MediaAnswers(m.serverName(), m.metadataLanguage(), m.metadataCountry(), m.subtitleLanguages(),
                Map.of(app, profile), m.plexClaim()));
    }

    private static JsonNode rendered(Answers answers) {
        String text = new Renderer().render(Examples.repeatablePlanner().plan(answers, Map.of())).text(FILE);
        try {
            // Jackson reads the !secret tag's value as the plain string Recyclarr resolves it by.
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instance settings of a config template, without its placeholders for the address and key. */
    private static JsonNode template(String section, String id) throws IOException {
        JsonNode list = json("config-templates/templates.json");
        String path = null;
        for (JsonNode t : list.get(section)) {
            if (t.get("id").asText().equals(id)) {
                path = t.get("template").asText();
            }
        }
        assertTrue(path != null, section + " template " + id + " is not in templates.json");
        try (InputStream in = resource("config-templates/" + path).openStream()) {
            JsonNode instances = YAML.readTree(in).get(section);
            assertEquals(1, instances.size(), path + " should hold one instance");
            return instances.elements().next();
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String name) throws IOException {
        try (InputStream in = resource(name).openStream()) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static URL resource(String name) {
        URL url = RecyclarrConfigTest.class.getResource("/recyclarr/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource recyclarr/" + name + " is missing");
        }
        return url;
    }

    private static JsonSchema schema() {
        URL url = resource("schemas/config-schema.json");
        try (InputStream in = url.openStream()) {
            // Loaded from its own place, so its relative $refs (config/*.json) resolve beside it.
            return JsonSchemaFactory.getInstance(VersionFlag.V7).getSchema(url.toURI(), new ObjectMapper().readTree(in));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
    }
}
