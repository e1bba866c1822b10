package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import dev.berth.testsupport.SharedSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seerr's own OpenAPI 3.0 description ({@code seerr-api.yml} of seerr-team/seerr at v3.1.0, kept in
 * ../shared/schemas/arr-apis), for {@link FakeSeerr}: each request body and answer is checked
 * against the schema its operation names, as {@link ArrSchemas} does for the *arr apps. Paths in
 * it are relative to {@code /api/v1}. Without the folder the tests skip with the reason, and fail under CI.
 */
final class SeerrSchema {
    static final String FILE = "seerr-v3.1.0-api.yml";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static volatile JsonNode document;

    private SeerrSchema() {
    }

    /** The folder, or a skip (a failure under CI). Call on the test's own thread before the double starts. */
    static Path require() {
        return SharedSchemas.require("arr-apis", "the requests Berth sends to Seerr and the test double's answers against"
                + " Seerr's own OpenAPI description (" + FILE + ")");
    }

    /** The operation's path template ("/settings/sonarr/{sonarrId}") that a path under /api/v1 matches, if Seerr has it with that method. */
    static Optional<String> operation(String path, String method) {
        if (document().path("paths").has(path) && document().path("paths").path(path).has(method)) {
            return Optional.of(path); // a literal path wins over a template, as in express's routing order
        }
        Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (path.matches(p.getKey().replaceAll("\\{[^/]+}", "[^/]+")) && p.getValue().has(method)) {
                return Optional.of(p.getKey());
            }
        }
        return Optional.empty();
    }

    static Optional<JsonSchema> request(String template, String method) {
        return schema("/paths/" + escape(template) + "/" + method + "/requestBody/content/application~1json/schema");
    }

    /** The documented answer's schema for that status (Seerr documents a create as 201, the rest as 200). */
    static Optional<JsonSchema> response(String template, String method, int status) {
        return schema("/paths/" + escape(template) + "/" + method + "/responses/" + status + "/content/application~1json/schema");
    }

    static List<String> problems(JsonSchema schema, JsonNode value) {
        return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static Optional<JsonSchema> schema(String pointer) {
        if (document().at(pointer).isMissingNode()) {
            return Optional.empty();
        }
        Path file = require().resolve(FILE);
        return Optional.of(SCHEMAS.computeIfAbsent(pointer, k -> FACTORY.getSchema(SchemaLocation.of(file.toUri() + "#" + pointer))));
    }

    private static JsonNode document() {
        if (document == null) {
            Path file = require().resolve(FILE);
            try {
                document = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (the shared schemas beside the project)", e);
            }
        }
        return document;
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }
}
