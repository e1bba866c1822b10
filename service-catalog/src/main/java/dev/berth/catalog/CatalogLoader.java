package dev.berth.catalog;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads service definitions, one YAML file per service, and refuses a catalog with any broken
 * definition, naming the file and the field.
 */
public final class CatalogLoader {
    static final String BUILT_IN_FOLDER = "dev/berth/catalog/services";

    // Duplicate keys are refused by the parser: FAIL_ON_READING_DUP_TREE_KEY covers only trees, and
    // binding to a record would otherwise keep the last value silently.
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** The catalog inside Berth's own jar (or classes folder when run from the build). */
    public Catalog loadBuiltIn() {
        URL url = CatalogLoader.class.getClassLoader().getResource(BUILT_IN_FOLDER);
        if (url == null) {
            throw new CatalogException(List.of(BUILT_IN_FOLDER + ": the built-in catalog is missing from the class path"));
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return load(fs.getPath(BUILT_IN_FOLDER));
            }
            return load(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new CatalogException(List.of(BUILT_IN_FOLDER + ": cannot be read: " + e.getMessage()));
        }
    }

    /** Every {@code *.yaml} file in a folder; the file name (without extension) must be the service id. */
    public Catalog load(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the service catalog folder " + folder, e);
        }
        List<String> problems = new ArrayList<>();
        List<ServiceDefinition> services = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                ServiceDefinition def = yaml.readValue(in, ServiceDefinition.class);
                if (def == null) {
                    problems.add(name + ": the file is empty");
                    continue;
                }
                services.add(def);
                new DefinitionChecker(name, def, problems::add).check();
            } catch (JsonMappingException e) {
                problems.add(name + ": field '" + fieldOrTop(e) + "': " + message(e));
            } catch (IOException e) {
                problems.add(name + ": not valid YAML: " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            problems.add(folder + ": no service definitions (*.yaml) found");
        }
        if (problems.isEmpty()) {
            new RelationChecker(services, problems::add).check();
            new MediaKindChecker(services, problems::add).check();
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new Catalog(services);
    }

    /** A value a catalog type refused in its creator says what to write; Jackson's own words around it do not. */
    private static String message(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException refused) {
            return refused.getMessage();
        }
        return e.getOriginalMessage();
    }

    private static String fieldOrTop(JsonMappingException e) {
        String path = FieldPath.of(e);
        return path.isEmpty() ? "(top level)" : path;
    }
}
