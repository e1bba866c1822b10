package dev.berth.testsupport;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.secrets.SecretGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example answers files in docs/examples, planned and rendered. Secrets come from a seeded
 * generator, so the same example always gives the same files (what golden tests need).
 */
public final class Examples {
    private Examples() {
    }

    /**
     * The examples of a stack on one target (file names without .yaml), sorted: those the planner
     * and renderer make one folder of. An example with {@code hosts:} is split per host first
     * ({@link #allNames()} lists it too).
     */
    public static List<String> names() {
        return allNames().stream().filter(n -> !answers(n).isMultiHost()).toList();
    }

    /** Every example answers file (file names without .yaml), sorted, the ones with several hosts included. */
    public static List<String> allNames() {
        try (Stream<Path> s = Files.list(RepoPaths.examples())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String name) {
        return RepoPaths.examples().resolve(name + ".yaml");
    }

    public static Answers answers(String name) {
        try {
            return AnswersFile.read(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A planner whose secrets are repeatable: SHA1PRNG with a fixed seed. */
    public static Planner repeatablePlanner() {
        return new Planner(Catalog.builtIn(), repeatableGenerator());
    }

    /** Secrets that are the same on every run: SHA1PRNG with a fixed seed. */
    public static SecretGenerator repeatableGenerator() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(42L);
            return new SecretGenerator(random);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static StackPlan plan(String name) {
        return repeatablePlanner().plan(answers(name), Map.of());
    }

    public static RenderedStack render(String name) {
        return new Renderer().render(plan(name));
    }

    /** Renders an example into a fresh folder and returns it. */
    public static Path renderTo(String name, Path parent) {
        Path dir = parent.resolve(name);
        try {
            dev.berth.render.FolderExport.write(render(name), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
