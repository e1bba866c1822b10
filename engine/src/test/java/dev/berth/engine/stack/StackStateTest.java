package dev.berth.engine.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersSecrets;
import dev.berth.engine.deploy.JobContext;
import dev.berth.engine.deploy.WriteFilesJob;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PreviousPorts;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedFile;
import dev.berth.render.RenderedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {
    @TempDir
    Path tmp;
    private final LocalTarget target = new LocalTarget();

    @Test
    void aMissingFolderIsANewStack() throws Exception {
        StackState s = StackState.loadForDeploy(target, tmp.resolve("nothing").toString(), List.of("compose.yaml"), false);
        assertEquals(StackState.Kind.MISSING, s.kind());
        assertFalse(s.exists());
        assertTrue(s.answers().isEmpty());
        assertTrue(s.secrets().isEmpty());
        assertTrue(s.files().isEmpty());
    }

    @Test
    void anEmptyFolderMayBeFilled() throws Exception {
        StackState s = StackState.loadForDeploy(target, tmp.toString(), List.of("compose.yaml"), false);
        assertEquals(StackState.Kind.EMPTY, s.kind());
        assertTrue(s.exists());
    }

    /**
     * What a first install that failed after making its folders leaves (Berth never deletes a
     * folder): only empty folders. The retry may fill it; one file anywhere makes it someone else's.
     */
    @Test
    void aFolderHoldingOnlyEmptyFoldersMayBeFilledButOneFileAnywhereIsForeign() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("stack/config/jellyfin"));
        Files.createDirectories(tmp.resolve("stack/secrets"));
        Files.createDirectories(tmp.resolve("stack/config/prometheus/rules"));
        String stack = tmp.resolve("stack").toString();
        assertEquals(StackState.Kind.EMPTY, StackState.loadForDeploy(target, stack, List.of("compose.yaml"), false).kind());

        Files.writeString(tmp.resolve("stack/config/prometheus/rules/mine.yml"), "groups: []\n");
        assertThrows(StackState.ForeignStackException.class, () -> StackState.loadForDeploy(target, stack, List.of(), false));
        Files.delete(tmp.resolve("stack/config/prometheus/rules/mine.yml"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("/etc/hostname"));
        assertEquals(StackState.Kind.FOREIGN, StackState.load(target, stack, List.of()).kind(), "a link is not nothing");
    }

    @Test
    void aBerthStackGivesItsAnswersSecretsAndFiles() throws Exception {
        Answers answers = StackFixtures.answers("full-wireguard", tmp);
        RenderedStack stack = StackFixtures.deployFirst(target, answers);
        StackState s = StackState.loadForDeploy(target, StackFixtures.stackDir(answers), stack.files().keySet(), false);
        assertEquals(StackState.Kind.BERTH, s.kind());
        assertEquals(Optional.of(AnswersSecrets.strip(answers)), s.answers(), "berth.yaml holds the answers without secrets");
        assertEquals(stack.files().keySet(), s.files().keySet());
        assertArrayEquals(stack.file("compose.yaml").content(), s.files().get("compose.yaml").content());
        assertEquals(0600, s.files().get("secrets/" + s.secrets().firstKey()).mode());
    }

    @Test
    void renderingIntoABerthStackKeepsThePortsItPublishes() throws Exception {
        Answers answers = StackFixtures.answers("full-wireguard", tmp);
        RenderedStack stack = StackFixtures.deployFirst(target, answers);
        StackState s = StackState.loadForRendering(target, StackFixtures.stackDir(answers), false);
        assertEquals(PreviousPorts.fromCompose(stack.text("compose.yaml")), s.previousPorts());
        assertFalse(s.previousPorts().hostPorts().isEmpty());
        assertEquals(new java.util.TreeMap<>(stack.files().entrySet().stream().filter(f -> f.getKey().startsWith("secrets/"))
                .collect(java.util.stream.Collectors.toMap(f -> f.getKey().substring("secrets/".length()), f -> f.getValue().text()))),
                s.secrets());
    }

    @Test
    void anAdoptedFolderHasNoPortsToKeep() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("theirs"));
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n    ports:\n      - 8080:80\n");
        StackState adopted = StackState.loadForRendering(target, dir.toString(), true);
        assertTrue(adopted.files().containsKey("compose.yaml"), "read, for the backup and the diff");
        assertEquals(PreviousPorts.NONE, adopted.previousPorts());
    }

    @Test
    void aFolderBerthDidNotMakeIsRefusedUnlessAdopted() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("theirs"));
        Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/jellyfin_api_key"), "not ours");
        StackState.ForeignStackException e = assertThrows(StackState.ForeignStackException.class,
                () -> StackState.loadForDeploy(target, dir.toString(), List.of("compose.yaml"), false));
        assertEquals(dir + " on this computer already holds files that Berth did not make (there is no berth.yaml). "
                + "Nothing was changed. Choose a new or empty folder, or adopt this one (--adopt): Berth then backs up "
                + "the files it would replace and takes the folder over.", e.getMessage());
        assertEquals(dir + " on this computer already holds files that Berth did not make (there is no berth.yaml). "
                + "Nothing was changed.", e.refusal(), "for berth render, which cannot adopt");

        StackState adopted = StackState.loadForDeploy(target, dir.toString(), List.of("compose.yaml", "docker-compose.yml"), true);
        assertEquals(StackState.Kind.FOREIGN, adopted.kind());
        assertTrue(adopted.answers().isEmpty());
        assertTrue(adopted.secrets().isEmpty(), "a foreign secrets/ folder is not taken for Berth's secrets");
        assertEquals(List.of("docker-compose.yml"), List.copyOf(adopted.files().keySet()), "what adopting would back up");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("stack"), "x");
        var e = assertThrows(dev.berth.engine.target.TargetException.class,
                () -> StackState.load(target, file.toString(), List.of()));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    @Test
    void secretsRoundTripAndAReplanGivesTheSameBytes() throws Exception {
        Answers answers = StackFixtures.answers("full-wireguard", tmp);
        StackPlan first = StackFixtures.plan(answers, Map.of());
        RenderedStack stack = StackFixtures.render(first);
        String dir = StackFixtures.stackDir(answers);
        StackState empty = StackState.loadForDeploy(target, dir, stack.files().keySet(), false);
        new WriteFilesJob(empty, stack, Optional.empty()).execute(new JobContext(target, StackFixtures.CLOCK));

        StackState loaded = StackState.loadForDeploy(target, dir, stack.files().keySet(), false);
        assertEquals(first.secrets(), loaded.secrets(), "every secret comes back as it was");
        for (Map.Entry<String, RenderedFile> f : stack.files().entrySet()) {
            if (f.getValue().secret()) {
                assertEquals(0600, loaded.files().get(f.getKey()).mode(), f.getKey());
            }
        }
        // A re-run starts from berth.yaml (no typed secrets in it) and secrets/.
        StackPlan again = StackFixtures.plan(loaded.answers().orElseThrow(), loaded.secrets());
        RenderedStack second = StackFixtures.render(again);
        assertEquals(stack.files().keySet(), second.files().keySet());
        for (String path : stack.files().keySet()) {
            assertArrayEquals(stack.file(path).content(), second.file(path).content(), path + " is byte-identical");
        }
        assertTrue(StackDiff.between(loaded, second).isEmpty(), StackDiff.between(loaded, second).render());
    }
}
