package dev.berth.engine.stack;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.JobContext;
import dev.berth.engine.deploy.WriteFilesJob;
import dev.berth.engine.target.Target;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Example stacks placed in a test folder, and a snapshot of a folder's files to compare. */
final class StackFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:00Z"), ZoneOffset.UTC);
    static final Planner PLANNER = new Planner(Catalog.builtIn());

    private StackFixtures() {
    }

    /** An example's answers with every folder moved under {@code root}. */
    static Answers answers(String example, Path root) {
        Answers a = Examples.answers(example);
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(root.resolve("stack").toString(), root.resolve("data").toString(),
                root.resolve("stack/config").toString(), s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()));
    }

    static StackPlan plan(Answers answers, Map<String, String> secrets) {
        return PLANNER.plan(answers, secrets);
    }

    static RenderedStack render(StackPlan plan) {
        return new Renderer().render(plan);
    }

    static String stackDir(Answers answers) {
        return answers.storage().stackDir();
    }

    /** Writes a first stack with the real job, as a deploy would. */
    static RenderedStack deployFirst(Target target, Answers answers) throws Exception {
        StackPlan plan = plan(answers, Map.of());
        RenderedStack stack = render(plan);
        StackState state = StackState.loadForDeploy(target, stackDir(answers), stack.files().keySet(), false);
        new WriteFilesJob(state, stack, java.util.Optional.empty()).execute(new JobContext(target, CLOCK));
        return stack;
    }

    /** Every regular file under dir (relative path → content and mode), outside .berth/. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (!rel.startsWith(".berth/")) {
                    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0777;
                    out.put(rel, Integer.toOctalString(mode) + " " + java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
