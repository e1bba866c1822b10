package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.stack.ServiceChange;
import dev.berth.engine.stack.ServiceChanges;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preview says happens to each service, held against what Compose then really does on
 * the engine (stand-in images), and a moved app folder root: refused until the person chooses,
 * and with the move the app finds its files in the new place.
 */
@NeedsDocker
class StackDeployerChangesTest {
    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;
    private final Recorded progress = new Recorded();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
    }

    private Answers sonarrStack() {
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr"));
        Answers a = DeployFixtures.answers(base, root, project);
        new StandInImages(root).build(DeployFixtures.plan(a).services().stream().map(p -> p.definition()).toList());
        return a;
    }

    private StackDeployer deployer() {
        return new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
    }

    private static DeployOptions options() {
        return DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(60));
    }

    private DeployPreview preview(Answers answers, DeployOptions options) throws Exception {
        return deployer().preview(answers, options);
    }

    private void deploy(DeployPreview preview) throws Exception {
        DeployOutcome outcome = deployer().deploy(preview, progress, () -> false);
        assertTrue(outcome.succeeded(), outcome::toString);
    }

    /** The services whose container Compose replaced, removed or created, from the ids before and after. */
    private static Set<String> touched(Map<String, String> before, Map<String, String> after) {
        Set<String> out = new TreeSet<>();
        before.forEach((s, id) -> {
            if (!id.equals(after.get(s))) {
                out.add(s);
            }
        });
        after.keySet().stream().filter(s -> !before.containsKey(s)).forEach(out::add);
        return out;
    }

    private static Set<String> predicted(ServiceChanges changes) {
        Set<String> out = new TreeSet<>();
        changes.changes().stream().filter(c -> !(c instanceof ServiceChange.Unchanged)).forEach(c -> out.add(c.service()));
        return out;
    }

    @Test
    void whatThePreviewSaysIsWhatComposeDoes() throws Exception {
        Answers answers = sonarrStack();
        DeployPreview first = preview(answers, options());
        assertTrue(first.services().changes().stream().allMatch(ServiceChange.Starts.class::isInstance), first.services()::toString);
        deploy(first);

        // Unchanged: nothing to say, and nothing happens.
        DeployPreview again = preview(answers, options());
        assertTrue(again.services().nothingChanges(), again.services()::toString);
        assertEquals(List.of(), again.services().sentences());

        // A port of qBittorrent: it is recreated for its port, and Compose v2 recreates Sonarr, which depends on it.
        Map<String, String> ids = DeployFixtures.containerIds(target, project);
        Map<String, Integer> ports = new TreeMap<>(answers.portOverrides());
        ports.put("qbittorrent", DeployFixtures.freePort());
        Answers moved = answers.withPortOverrides(ports);
        DeployPreview portChange = preview(moved, options());
        var qbit = assertInstanceOf(ServiceChange.Recreated.class, portChange.services().of("qbittorrent").orElseThrow());
        assertEquals(ServiceChange.Reason.Kind.PORTS, qbit.reasons().getFirst().kind());
        assertTrue(qbit.sentence().contains("because its published ports change: " + answers.portOverrides().get("qbittorrent")
                + ":8080/tcp → " + ports.get("qbittorrent") + ":8080/tcp"), qbit.sentence());
        deploy(portChange);
        Map<String, String> afterPort = DeployFixtures.containerIds(target, project);
        assertEquals(predicted(portChange.services()), touched(ids, afterPort), portChange.services().sentences()::toString);

        // Sonarr removed: it and the qBittorrent it pulled in stop and are removed; their settings stay.
        DeployPreview removal = preview(moved.withServices(List.of("jellyfin")), options());
        String configRoot = answers.storage().configRoot();
        assertEquals(List.of(
                "Sonarr stops and its container is removed; its settings are kept in " + configRoot + "/sonarr, so choosing "
                        + "it again brings them back.",
                "qBittorrent stops and its container is removed; its settings are kept in " + configRoot + "/qbittorrent, so "
                        + "choosing it again brings them back."), removal.services().sentences());
        deploy(removal);
        Map<String, String> afterRemoval = DeployFixtures.containerIds(target, project);
        assertEquals(Set.of("jellyfin"), afterRemoval.keySet());
        assertEquals(afterPort.get("jellyfin"), afterRemoval.get("jellyfin"));
        assertTrue(Files.isDirectory(Path.of(configRoot, "sonarr")), "settings kept");
    }

    private static Answers withConfigRoot(Answers a, String configRoot) {
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), configRoot, s.puid(), s.pgid(), s.timeZone(),
                s.hardwareTranscoding()));
    }

    @Test
    void aMovedAppFolderRootIsRefusedUntilChosenAndMovingTakesTheSettingsAlong() throws Exception {
        Answers answers = DeployFixtures.answers("minimal-jellyfin", root, project);
        new StandInImages(root).build(DeployFixtures.plan(answers).services().stream().map(p -> p.definition()).toList());
        deploy(preview(answers, options()));
        Path oldFolder = Path.of(answers.storage().configRoot(), "jellyfin");
        Files.writeString(oldFolder.resolve("library.db"), "the person's library\n");
        byte[] composeBefore = Files.readAllBytes(root.resolve("stack/compose.yaml"));
        Map<String, String> ids = DeployFixtures.containerIds(target, project);
        String newRoot = root.resolve("apps").toString();
        Answers movedRoot = withConfigRoot(answers, newRoot);

        // Without a choice: named in words, and refused with nothing changed.
        DeployPreview undecided = preview(movedRoot, options());
        assertTrue(undecided.folderChoiceNeeded());
        RootMove move = undecided.rootMoves().getFirst();
        assertEquals(RootMove.Root.CONFIG, move.root());
        assertEquals(List.of(oldFolder.toString()), move.folders().stream().map(RootMove.FolderMove::from).toList());
        assertTrue(undecided.folderChoiceMessage().contains("changes from " + answers.storage().configRoot() + " to " + newRoot),
                undecided.folderChoiceMessage());
        var refused = assertThrows(IllegalStateException.class, () -> deployer().deploy(undecided, progress, () -> false));
        assertTrue(refused.getMessage().contains("Nothing was changed"), refused.getMessage());
        assertTrue(java.util.Arrays.equals(composeBefore, Files.readAllBytes(root.resolve("stack/compose.yaml"))));
        assertEquals(ids, DeployFixtures.containerIds(target, project));
        assertTrue(Files.isRegularFile(oldFolder.resolve("library.db")));
        assertFalse(Files.exists(Path.of(newRoot)));

        // Something already in the new place: moving is refused, naming the field and the folder.
        Path inTheWay = Files.createDirectories(Path.of(newRoot, "jellyfin")).resolve("other.db");
        Files.writeString(inTheWay, "x");
        var blocked = assertThrows(InvalidAnswersException.class,
                () -> preview(movedRoot, options().withFolders(DeployOptions.FolderChoice.MOVE)));
        assertEquals("storage.configRoot", blocked.problems().getFirst().field());
        assertTrue(blocked.problems().getFirst().message().contains(Path.of(newRoot, "jellyfin") + " already holds files (other.db)"),
                blocked.problems()::toString);
        Files.delete(inTheWay);
        Files.delete(inTheWay.getParent());
        Files.delete(Path.of(newRoot));

        // With the move: the settings are in the new place and the app runs from there.
        DeployPreview moving = preview(movedRoot, options().withFolders(DeployOptions.FolderChoice.MOVE));
        assertFalse(moving.folderChoiceNeeded());
        assertTrue(moving.jobs().stream().anyMatch(MoveFoldersJob.class::isInstance), moving.jobs()::toString);
        var jellyfin = assertInstanceOf(ServiceChange.Recreated.class, moving.services().of("jellyfin").orElseThrow());
        assertEquals(ServiceChange.Reason.Kind.MOUNTS, jellyfin.reasons().getFirst().kind());
        DeployOutcome outcome = deployer().deploy(moving, progress, () -> false);
        assertTrue(outcome.succeeded(), outcome::toString);
        assertTrue(outcome.report().orElseThrow().ok(), outcome.report()::toString);
        assertEquals("the person's library\n", Files.readString(Path.of(newRoot, "jellyfin", "library.db")));
        assertFalse(Files.exists(oldFolder.resolve("library.db")));
        var container = target.docker().inspectContainerCmd(DeployFixtures.containerIds(target, project).get("jellyfin")).exec();
        assertTrue(container.getMounts().stream().anyMatch(m -> Path.of(newRoot, "jellyfin").toString().equals(m.getSource())),
                container.getMounts()::toString);
        assertTrue(container.getState().getRunning());
    }

    @Test
    void aMoveIsUndoneWhenALaterStepFails() throws Exception {
        Answers answers = DeployFixtures.answers("minimal-jellyfin", root, project);
        new StandInImages(root).build(DeployFixtures.plan(answers).services().stream().map(p -> p.definition()).toList());
        deploy(preview(answers, options()));
        Path oldFolder = Path.of(answers.storage().configRoot(), "jellyfin");
        Files.writeString(oldFolder.resolve("library.db"), "the person's library\n");
        byte[] composeBefore = Files.readAllBytes(root.resolve("stack/compose.yaml"));
        String newRoot = root.resolve("apps").toString();

        DeployOutcome outcome;
        StandInStacks.breakService("jellyfin", root);
        try {
            DeployPreview moving = preview(withConfigRoot(answers, newRoot),
                    options().withFolders(DeployOptions.FolderChoice.MOVE).withHealthTimeout(Duration.ofSeconds(20)));
            outcome = deployer().deploy(moving, progress, () -> false);
        } finally {
            StandInStacks.repair("jellyfin", root);
        }

        var rolledBack = assertInstanceOf(dev.berth.engine.deploy.DeploymentResult.RolledBack.class, outcome.result(), outcome::toString);
        assertTrue(rolledBack.undoErrors().isEmpty(), rolledBack.undoErrors()::toString);
        assertEquals("the person's library\n", Files.readString(oldFolder.resolve("library.db")), "moved back");
        assertFalse(Files.exists(Path.of(newRoot, "jellyfin", "library.db")));
        assertTrue(java.util.Arrays.equals(composeBefore, Files.readAllBytes(root.resolve("stack/compose.yaml"))));
        var container = target.docker().inspectContainerCmd(DeployFixtures.containerIds(target, project).get("jellyfin")).exec();
        assertTrue(container.getMounts().stream().anyMatch(m -> oldFolder.toString().equals(m.getSource())),
                container.getMounts()::toString);
    }
}
