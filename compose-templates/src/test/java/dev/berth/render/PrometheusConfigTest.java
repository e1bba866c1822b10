package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.ExternalTool.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** prometheus.yml through promtool, and a scrape job for everything that exports metrics. */
class PrometheusConfigTest {
    private static final String CONFIG = "config/prometheus/prometheus.yml";
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path tmp;

    /** The examples with Prometheus; none would make the parameterized tests fail, not pass empty. */
    static Stream<String> examples() {
        return Examples.names().stream().filter(n -> Examples.render(n).files().containsKey(CONFIG));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void promtoolAcceptsTheConfig(String example) {
        Path promtool = ExternalTool.require("promtool", "apt-get install prometheus");
        Path dir = Examples.renderTo(example, tmp);

        Result result = ExternalTool.run(dir, List.of(promtool.toString(), "check", "config", dir.resolve(CONFIG).toString()));

        assertEquals(0, result.exitCode(), () -> "promtool rejected " + example + "/" + CONFIG + ":\n" + result.output());
        assertTrue(result.output().contains("SUCCESS"), () -> "promtool did not report success:\n" + result.output());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void scrapesTheHostTheContainersAndEveryExporter(String example) throws IOException {
        RenderedStack stack = Examples.render(example);
        Map<String, List<String>> targetsByJob = targetsByJob(YAML.readTree(stack.text(CONFIG)));
        String shown = example + "/" + CONFIG + " has jobs " + targetsByJob;

        assertTrue(targetsByJob.containsKey("node"), shown);
        assertTrue(targetsByJob.containsKey("cadvisor"), shown);
        for (String exporter : exportarrServices(YAML.readTree(stack.text("compose.yaml")))) {
            long jobs = targetsByJob.values().stream().filter(t -> t.contains(exporter + ":9707")).count();
            assertEquals(1, jobs, () -> "want one job scraping " + exporter + ":9707; " + shown);
        }
    }

    private static Map<String, List<String>> targetsByJob(JsonNode prometheus) {
        Map<String, List<String>> jobs = new LinkedHashMap<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            List<String> targets = new ArrayList<>();
            job.path("static_configs").forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText())));
            jobs.put(job.path("job_name").asText(), targets);
        }
        return jobs;
    }

    /** The compose services running the exportarr image, whatever the planner named them. */
    private static List<String> exportarrServices(JsonNode compose) {
        List<String> names = new ArrayList<>();
        compose.path("services").properties().forEach(e -> {
            if (e.getValue().path("image").asText().contains("/exportarr:")) {
                names.add(e.getKey());
            }
        });
        return names;
    }
}
