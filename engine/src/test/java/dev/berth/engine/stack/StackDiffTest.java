package dev.berth.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackDiffTest {
    @TempDir
    Path tmp;
    private final LocalTarget target = new LocalTarget();

    /** The old stack on disk, and the diff to the same answers with one more app. */
    private record Rerun(Answers before, StackState state, StackPlan plan, StackDiff diff) {
    }

    private Rerun addSonarr() throws Exception {
        return addApp(List.of(), "sonarr", null);
    }

    /**
     * Deploys minimal-jellyfin plus {@code before}, lets {@code tamper} edit the folder, then
     * diffs against the same answers plus {@code added}.
     */
    private Rerun addApp(List<String> before, String added, java.util.function.Consumer<Path> tamper) throws Exception {
        Answers base = StackFixtures.answers("minimal-jellyfin", tmp);
        List<String> first = new ArrayList<>(base.services());
        first.addAll(before);
        Answers answers = base.withServices(first);
        RenderedStack old = StackFixtures.deployFirst(target, answers);
        String dir = StackFixtures.stackDir(answers);
        if (tamper != null) {
            tamper.accept(Path.of(dir));
        }
        StackState loaded = StackState.loadForDeploy(target, dir, old.files().keySet(), false);
        List<String> services = new ArrayList<>(first);
        services.add(added);
        StackPlan plan = StackFixtures.plan(loaded.answers().orElseThrow().withServices(services), loaded.secrets());
        RenderedStack next = StackFixtures.render(plan);
        StackState state = loaded.withFiles(target, next.files().keySet());
        return new Rerun(answers, state, plan, StackDiff.between(state, next));
    }

    private static FileChange change(StackDiff diff, String path) {
        return diff.changes().stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(path));
    }

    /** The +/- lines of a unified diff, without its headers. */
    private static List<String> edits(String unified) {
        return unified.lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---")).toList();
    }

    @Test
    void addingAnAppShowsExactlyTheLinesThatChange() throws Exception {
        Rerun r = addSonarr();
        FileChange.Changed answers = assertInstanceOf(FileChange.Changed.class, change(r.diff(), "berth.yaml"));
        assertEquals(List.of("+  - sonarr"), edits(answers.unifiedDiff()),
                answers.unifiedDiff());
        assertTrue(answers.unifiedDiff().startsWith("--- a/berth.yaml\n+++ b/berth.yaml\n@@ -"), answers.unifiedDiff());

        FileChange.Changed compose = assertInstanceOf(FileChange.Changed.class, change(r.diff(), "compose.yaml"));
        String d = compose.unifiedDiff();
        assertTrue(d.startsWith("--- a/compose.yaml\n+++ b/compose.yaml\n@@ -"), d);
        assertTrue(edits(d).stream().anyMatch(l -> l.equals("+  sonarr:")), d);
        assertTrue(edits(d).stream().noneMatch(l -> l.startsWith("-  jellyfin:")), "jellyfin's block stays: " + d);
        // Each hunk has at most 3 lines of context before its first change.
        for (String hunk : d.split("\n(?=@@ )")) {
            if (hunk.startsWith("@@")) {
                List<String> lines = hunk.lines().skip(1).toList();
                long lead = lines.stream().takeWhile(l -> l.startsWith(" ")).count();
                assertTrue(lead <= StackDiff.CONTEXT, hunk);
            }
        }
        FileChange.Added added = assertInstanceOf(FileChange.Added.class, change(r.diff(), firstNewSecret(r)));
        assertEquals("", added.unifiedDiff());
        assertFalse(r.diff().isEmpty());
    }

    private static String firstNewSecret(Rerun r) {
        return r.plan().secrets().keySet().stream().map(k -> "secrets/" + k)
                .filter(p -> !r.state().files().containsKey(p)).findFirst().orElseThrow(() -> new AssertionError("no new secret"));
    }

    @Test
    void noSecretValueEverAppearsInTheDiff() throws Exception {
        // unpackerr's config is a secret file outside secrets/ (it holds the apps' API keys); it
        // is edited by hand on disk, and adding radarr changes it again.
        String conf = "config/unpackerr/unpackerr.conf";
        Rerun r = addApp(List.of("sonarr", "unpackerr"), "radarr", dir -> {
            try {
                Path file = dir.resolve(conf);
                Files.writeString(file, "# hand-edited-value-123\n" + Files.readString(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String text = r.diff().render();
        FileChange.Changed c = assertInstanceOf(FileChange.Changed.class, change(r.diff(), conf));
        assertTrue(c.secret());
        assertEquals("", c.unifiedDiff());
        assertTrue(text.contains(conf + ": changed\n"), text);
        assertTrue(text.contains(firstNewSecret(r) + ": new\n"), text);
        assertFalse(text.contains("hand-edited-value-123"), text);
        for (Map.Entry<String, String> s : r.plan().secrets().entrySet()) {
            if (s.getValue().isEmpty()) {
                continue; // a key the app makes is empty until made: "" is in every text
            }
            assertFalse(text.contains(s.getValue()), "the value of " + s.getKey() + " is in the diff");
        }
    }

    @Test
    void aFileNoLongerGeneratedIsListedAndKept() {
        RenderedStack next = new RenderedStack(Map.of("compose.yaml", dev.berth.render.RenderedFile.text("a\n")));
        Map<String, ExistingFile> current = Map.of(
                "compose.yaml", new ExistingFile("a\n".getBytes(), 0644, 0, 0),
                "config/prometheus/prometheus.yml", new ExistingFile("x\n".getBytes(), 0644, 0, 0));
        StackDiff diff = StackDiff.between(current, next);
        assertTrue(diff.isEmpty(), "nothing to write");
        assertEquals("config/prometheus/prometheus.yml: no longer generated (kept as it is)\n", diff.render());
    }
}
