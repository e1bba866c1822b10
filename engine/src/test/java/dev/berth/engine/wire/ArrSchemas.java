package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The *arr apps' own OpenAPI 3.0 descriptions in ../shared/schemas/arr-apis (one file per app,
 * with {@code nullable} and {@code additionalProperties: false} on every resource). A request or
 * an answer is checked against the schema its operation names, with the OpenAPI 3.0 dialect so
 * {@code nullable} means what it says; the schemas' {@code $ref}s point inside the same file.
 *
 * <p>The folder is not in the repository: without it every test that uses these (and so
 * {@link FakeArr}) is skipped with the reason, and fails under CI ({@link SharedSchemas}).
 */
final class ArrSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    private ArrSchemas() {
    }

    /** The folder, or a skip (a failure under CI). Call on the test's own thread before the double starts. */
    static Path require() {
        return SharedSchemas.require("arr-apis",
                "the requests Berth sends to Sonarr, Radarr, Lidarr and Prowlarr and the test double's answers against"
                        + " the apps' own OpenAPI descriptions");
    }

    /** The operation's path template that a concrete path matches ("/api/v3/downloadclient/{id}"), if the app has it with that method. */
    static Optional<String> operation(ArrApp app, String path, String method) {
        Iterator<Map.Entry<String, JsonNode>> paths = document(app).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            String regex = p.getKey().replaceAll("\\{[^/]+}", "[^/]+");
            if (path.matches(regex) && p.getValue().has(method) && !literalShadows(app, path, p.getKey(), method)) {
                return Optional.of(p.getKey());
            }
        }
        return Optional.empty();
    }

    /** "/downloadclient/test" also matches "/downloadclient/{id}"; the literal path wins, as in ASP.NET's routing. */
    private static boolean literalShadows(ArrApp app, String path, String template, String method) {
        return template.contains("{") && document(app).path("paths").has(path) && document(app).path("paths").path(path).has(method);
    }

    /** The request body's schema of an operation, if it takes one. */
    static Optional<JsonSchema> request(ArrApp app, String template, String method) {
        return schema(app, "/paths/" + escape(template) + "/" + method + "/requestBody/content/application~1json/schema");
    }

    /**
     * The schema of the operation's answer. The descriptions document every success as 200,
     * while the apps answer a create with 201 and an update with 202 (RestPostById/RestPutById):
     * the body is the same resource, so it is checked against the documented one.
     */
    static Optional<JsonSchema> response(ArrApp app, String template, String method) {
        return schema(app, "/paths/" + escape(template) + "/" + method + "/responses/200/content/application~1json/schema");
    }

    /** A component schema by name, e.g. "DownloadClientResource". */
    static JsonSchema component(ArrApp app, String name) {
        return schema(app, "/components/schemas/" + name).orElseThrow(() -> new IllegalArgumentException(app + " has no " + name));
    }

    /** Every way the value breaks the schema, one line each; empty when it is valid. */
    static List<String> problems(JsonSchema schema, JsonNode value) {
        return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static Optional<JsonSchema> schema(ArrApp app, String pointer) {
        if (document(app).at(pointer).isMissingNode()) {
            return Optional.empty();
        }
        Path file = require().resolve(app.openApiFile());
        return Optional.of(SCHEMAS.computeIfAbsent(app + pointer,
                k -> FACTORY.getSchema(SchemaLocation.of(file.toUri() + "#" + pointer))));
    }

    private static JsonNode document(ArrApp app) {
        return DOCUMENTS.computeIfAbsent(app.openApiFile(), f -> {
            Path file = require().resolve(f);
            try {
                return JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (the shared schemas beside the project)", e);
            }
        });
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }
}
