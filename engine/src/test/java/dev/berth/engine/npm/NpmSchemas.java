package dev.berth.engine.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import dev.berth.testsupport.SharedSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NPM 2.15.1's own API description in ../shared/schemas/npm-v2.15.1: {@code swagger.json} names
 * each operation's file by a relative {@code $ref}; the request and response schemas sit in
 * those files and point at the component files by relative {@code $ref}s, which the validator
 * follows from the files' own locations. OpenAPI 3.1 schemas are JSON Schema 2020-12.
 *
 * <p>The folder is not in the repository: without it every test that uses the schemas (and so
 * {@link FakeNpm}) is skipped with the reason, and fails under CI ({@link SharedSchemas}).
 */
final class NpmSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private NpmSchemas() {
    }

    /**
     * The schemas' folder, or a skip (a failure under CI) when it is absent. Called on the test's
     * own thread before anything is loaded: FakeNpm checks on its server's threads, where a skip
     * would only turn into an answer of 500.
     */
    static Path require() {
        return SharedSchemas.require("npm-v2.15.1",
                "the requests Berth sends to Nginx Proxy Manager and the double's answers against NPM 2.15.1's own OpenAPI schemas");
    }

    /** Loaded on first use, after {@link #require()} found the folder (a skip in a static initialiser would break the class). */
    private static final class Swagger {
        static final Path DIR = require();
        static final JsonNode ROOT = read(DIR.resolve("swagger.json"));
    }

    /** The request body schema of an operation, e.g. ("/nginx/proxy-hosts", "post"). */
    static JsonSchema request(String path, String method) {
        return schema(path, method, "/requestBody/content/application~1json/schema");
    }

    /** The schema of an operation's answer with the given status. */
    static JsonSchema response(String path, String method, int status) {
        return schema(path, method, "/responses/" + status + "/content/application~1json/schema");
    }

    /** Every way the value breaks the schema, one line each; empty when it is valid. */
    static List<String> problems(JsonSchema schema, JsonNode value) {
        Set<ValidationMessage> errors = schema.validate(value);
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema schema(String path, String method, String pointer) {
        require();
        return CACHE.computeIfAbsent(method + " " + path + pointer, k -> {
            JsonNode operation = Swagger.ROOT.path("paths").path(path).path(method);
            if (operation.isMissingNode()) {
                throw new IllegalArgumentException("NPM's swagger.json has no " + method + " " + path);
            }
            Path file = Swagger.DIR.resolve(operation.path("$ref").asText()).normalize();
            if (read(file).at(pointer).isMissingNode()) {
                throw new IllegalArgumentException(file + " has nothing at " + pointer);
            }
            return FACTORY.getSchema(SchemaLocation.of(file.toUri() + "#" + pointer));
        });
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (the shared schemas beside the project)", e);
        }
    }
}
