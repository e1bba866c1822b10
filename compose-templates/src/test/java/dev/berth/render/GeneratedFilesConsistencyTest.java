package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.plan.Mount;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What compose.yaml points at is what the renderer writes. */
class GeneratedFilesConsistencyTest {
    static List<String> examples() {
        return Examples.names();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyMountOfAGeneratedFileHasTheFile(String example) {
        StackPlan plan = Examples.plan(example);
        RenderedStack stack = new Renderer().render(plan);
        for (PlannedService s : plan.services()) {
            for (Mount m : s.mounts()) {
                if (m.source().startsWith("./")) {
                    String path = m.source().substring(2);
                    assertTrue(stack.files().containsKey(path) || stack.files().keySet().stream().anyMatch(f -> f.startsWith(path + "/")),
                            s.name() + " mounts " + path + " which Berth does not generate");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyMountedSecretIsAnOwnerOnlyFile(String example) {
        StackPlan plan = Examples.plan(example);
        RenderedStack stack = new Renderer().render(plan);
        for (PlannedService s : plan.services()) {
            for (String secret : s.secrets()) {
                RenderedFile f = stack.file("secrets/" + secret);
                assertEquals(RenderedFile.PRIVATE, f.mode(), secret);
                assertTrue(f.secret());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void noSecretValueAppearsInAPublicFile(String example) {
        StackPlan plan = Examples.plan(example);
        RenderedStack stack = new Renderer().render(plan);
        stack.files().forEach((path, file) -> {
            if (!file.secret()) {
                for (var secret : plan.secrets().entrySet()) {
                    if (secret.getValue().isEmpty()) {
                        continue; // the placeholder of a key an app makes itself (jellyfin_api_key) holds nothing yet
                    }
                    assertFalse(file.text().contains(secret.getValue()), path + " contains the secret " + secret.getKey());
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("examples")
    void composeNeverHasATopLevelNameAndNoV2OnlyKeys(String example) {
        String compose = Examples.render(example).text("compose.yaml");
        assertFalse(compose.lines().anyMatch(l -> l.startsWith("name:") || l.startsWith("version:")));
        assertFalse(compose.contains("start_interval"));
        assertFalse(compose.contains("required:"));
    }
}
