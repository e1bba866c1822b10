package dev.berth.engine.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.answers.Answers;
import dev.berth.catalog.Image;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.engine.BusyboxImage;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Stand-in images pushed to a loopback registry, and a one-service plan that names them. */
final class UpdateFixtures {
    static final String PROJECT = "berth-h4-updates";

    private UpdateFixtures() {
    }

    /** Builds a BusyBox image labelled with {@code version} (so each version is its own image) as {@code reference}. */
    static void build(Path work, String reference, String version) {
        String base = BusyboxImage.ensure(work);
        try {
            Path dir = Files.createDirectories(work.resolve("build-" + version));
            Files.writeString(dir.resolve("Dockerfile"), "FROM " + base + "\nLABEL dev.berth.test.version=" + version + "\n");
            run(work, "docker", "build", "-q", "-t", reference, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void run(Path work, String... argv) {
        ExternalTool.Result r = ExternalTool.run(work, List.of(argv));
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.output());
    }

    /** The registry digest Docker recorded for a pushed reference. */
    static String pushedDigest(Path work, String reference) {
        String repoDigest = ExternalTool.run(work, List.of("docker", "image", "inspect", "--format",
                "{{index .RepoDigests 0}}", reference)).output().strip();
        return repoDigest.substring(repoDigest.indexOf('@') + 1);
    }

    static String created(Path work, String reference) {
        return ExternalTool.run(work, List.of("docker", "image", "inspect", "--format", "{{.Created}}", reference)).output().strip();
    }

    /** A plan of the catalog's Sonarr alone, its image swapped for {@code image}, in a project of its own. */
    static StackPlan sonarrAt(Image image) {
        Answers answers = with(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr")), "projectName", PROJECT);
        StackPlan plan = Examples.repeatablePlanner().plan(answers, Map.of());
        PlannedService s = plan.service("sonarr").orElseThrow();
        PlannedService moved = with(s, "definition", with(s.definition(), "image", image));
        return with(plan, "services", List.of(moved));
    }

    /** A copy of a record with one component changed (these records are large and shared; a copy this way survives new fields). */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(record);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + " with " + component, e);
        }
    }
}
