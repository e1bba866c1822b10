package dev.berth.tools.bench;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.plan.Planner;
import dev.berth.tools.tour.TourMain;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The real wizard in a process of its own, walked through a whole deploy by its tour
 * ({@link TourMain}), with the launcher's JVM options: Jellyfin and Prowlarr on this
 * computer, in a temporary folder, on free ports. Each run reports the longest time the FX thread
 * was busy during the deploy and the resident memory with the wizard open afterwards. Needs the
 * Docker engine with the two images on it, and a display or xvfb-run.
 */
final class WizardTourRuns {
    record Figures(double fxLongestBusyMs, double fxLongestWaitMs, long rssMb) {
    }

    private static final List<String> APPS = List.of("jellyfin", "prowlarr");

    private final Path root;
    private final List<Figures> done = new ArrayList<>();

    WizardTourRuns(Path root) {
        this.root = root;
    }

    /** Why the runs cannot happen here, or empty when they can. */
    static Optional<String> missing() {
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!display && !onPath("xvfb-run")) {
            return Optional.of("no display and no xvfb-run (apt-get install xvfb xauth libgtk-3-0)");
        }
        try (LocalTarget t = new LocalTarget()) {
            for (String id : APPS) {
                String image = Catalog.builtIn().get(id).image().reference();
                if (!t.exec(List.of("docker", "image", "inspect", image), Duration.ofSeconds(20)).ok()) {
                    return Optional.of("image " + image + " is not on this Docker engine (scripts/screenshots and the "
                            + "app's tests build stand-ins for it)");
                }
            }
        } catch (Exception e) {
            return Optional.of("no Docker engine answers here: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The figures of run {@code i}, running the wizard when that run has not happened yet. */
    Figures run(int i) throws Exception {
        while (done.size() <= i) {
            done.add(once());
        }
        return done.get(i);
    }

    private Figures once() throws Exception {
        Path work = Files.createTempDirectory("berth-bench-wizard-");
        String project = "berthbench" + UUID.randomUUID().toString().substring(0, 8);
        Answers answers = answers(work, project);
        Path file = Files.writeString(work.resolve("berth.yaml"), AnswersFile.write(answers));
        Path out = work.resolve("tour");
        try {
            Path cacheWarnings = work.resolve("aot.log");
            ProcessBuilder pb = new ProcessBuilder(command(file, out, cacheWarnings)).redirectErrorStream(true)
                    .redirectOutput(work.resolve("wizard.log").toFile());
            // As scripts/start-java starts Berth: GTK without OpenGL (see scripts/jvm-options, prism.order).
            pb.environment().putIfAbsent("GDK_GL", "disable");
            Process p = pb.start();
            int code = p.waitFor();
            Properties figures = new Properties();
            Path results = out.resolve("tour.properties");
            if (!Files.isRegularFile(results)) {
                throw new IllegalStateException("the wizard exited with " + code + " without figures; see " + work.resolve("wizard.log"));
            }
            try (Reader r = Files.newBufferedReader(results)) {
                figures.load(r);
            }
            if (!"ok".equals(figures.getProperty("result"))) {
                throw new IllegalStateException("the wizard's tour " + figures.getProperty("result") + "; see " + work.resolve("wizard.log"));
            }
            if (Files.isRegularFile(cacheWarnings) && Files.size(cacheWarnings) > 0) {
                throw new IllegalStateException("the wizard ran without Berth's AOT cache, which changes its memory; the JVM said ("
                        + cacheWarnings + "):\n" + Files.readString(cacheWarnings).strip());
            }
            if (System.getenv("BERTH_BENCH_KEEP") != null) {
                System.out.println("(wizard log: " + work.resolve("wizard.log") + ")");
            }
            return new Figures(Double.parseDouble(figures.getProperty("fxLongestBusyMs")),
                    Double.parseDouble(figures.getProperty("fxLongestWaitMs")), Long.parseLong(figures.getProperty("rssMb")));
        } finally {
            down(project, answers.storage().stackDir());
        }
    }

    private List<String> command(Path answersFile, Path out, Path cacheWarnings) {
        List<String> cmd = new ArrayList<>();
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            cmd.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1400x1000x24"));
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        // As ./berth starts it (scripts/start-java): its JVM options and its AOT cache, whose warnings
        // go to a file of this run's, read after it.
        cmd.add("@" + root.resolve("scripts/jvm-options"));
        Path cache = root.resolve("app/target/berth.aot");
        if (Files.isRegularFile(cache)) {
            cmd.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off,cds*=off",
                    "-Xlog:aot*=warning,cds*=warning:file=" + cacheWarnings + "::filecount=0"));
        }
        String extra = System.getenv("BERTH_JAVA_OPTS"); // as the launcher takes them
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.strip().split("\\s+")));
        }
        // This JVM's class path: app/target/berth.jar and its lib/ as ./berth has them (so the archive
        // applies), then the tools jar with the tour.
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TourMain.class.getName(),
                "--answers", answersFile.toString(), "--out", out.toString(), "--no-screenshots"));
        return cmd;
    }

    private Answers answers(Path work, String project) throws IOException {
        Answers base = AnswersFile.read(root.resolve("docs/examples/minimal-jellyfin.yaml"));
        StorageAnswers s = base.storage();
        Answers a = new Answers(base.schemaVersion(), project, base.target(), new StorageAnswers(work.resolve("stack").toString(),
                work.resolve("data").toString(), work.resolve("stack/config").toString(), s.puid(), s.pgid(), s.timeZone(), false),
                APPS, base.vpn(), base.access(), base.monitoring(), base.media(), Map.of());
        Map<String, Integer> ports = new TreeMap<>();
        for (PlannedService svc : new Planner(Catalog.builtIn()).plan(a, Map.of()).services()) {
            if (svc.hostWebPort() != 0) {
                try (ServerSocket free = new ServerSocket(0)) {
                    ports.put(svc.definition().id(), free.getLocalPort());
                }
            }
        }
        return a.withPortOverrides(ports);
    }

    private static void down(String project, String stackDir) {
        try (LocalTarget t = new LocalTarget()) {
            if (Files.isRegularFile(Path.of(stackDir, "compose.yaml"))) {
                t.exec(ComposeTool.detect(t).argv(project, stackDir, "down", "--remove-orphans"), Duration.ofMinutes(2));
            }
        } catch (Exception e) {
            System.err.println("Could not remove the benchmark's stack " + project + ": " + e.getMessage());
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
