package dev.berth.engine.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.StackContainers;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.plan.BackupPlan;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.BackupFiles;
import dev.berth.render.RenderedFile;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A deployed stand-in stack (Jellyfin) with backups to a local repository, the same on this
 * computer and over SSH: restic (Debian's, in its image) runs through the stack's real backup
 * script. The backup plan is made here as h1's planner will make it (the stack folder, the app's
 * folder inside it, Jellyfin stopped for the snapshot).
 */
final class BackupScenario {
    static final String PASSWORD = "correct horse battery staple";
    final Path root;
    final String project = StandInStacks.project();
    final StackPlan plan;
    final Path stack;
    final Path appFolder;
    final Path repository;
    BackupPlan backup;
    String container;

    BackupScenario(Path root, int uid) {
        this.root = root;
        Answers a = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), root, project);
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), uid, uid, s.timeZone(), false));
        this.plan = new Planner(Catalog.builtIn()).plan(a, Map.of());
        this.stack = Path.of(a.storage().stackDir());
        this.appFolder = Path.of(a.storage().configRoot(), "jellyfin");
        this.repository = root.resolve("disk/berth");
    }

    /** Deploys the stack, writes its backup files as the renderer does, and makes the repository with the script's init. */
    void deploy(Supplier<Target> connect) throws Exception {
        new ResticImages(root).restic();
        try (Target t = connect.get()) {
            DeploymentResult up = StandInStacks.up(t, plan, ComposeTool.PLUGIN);
            assertTrue(up instanceof DeploymentResult.Succeeded, up::toString);
        }
        container = containerOf("jellyfin");
        Files.createDirectories(root.resolve("disk"));
        owned(root.resolve("disk"));
        useRepository(repository.toString(), BackupAnswers.RepositoryKind.LOCAL);
        init(connect);
    }

    /** The script's init, as a deploy runs it: opens the repository, or makes it. */
    void init(Supplier<Target> connect) throws Exception {
        try (Target t = connect.get()) {
            ExecResult init = t.exec(List.of("sh", stack.resolve(BackupPlan.SCRIPT).toString(), "init"), Duration.ofMinutes(5));
            assertEquals(0, init.exitCode(), init.stdout() + init.stderr());
        }
    }

    /** The backup plan with another repository, its files written again. */
    void useRepository(String repo, BackupAnswers.RepositoryKind kind) throws Exception {
        backup = new BackupPlan(repo, kind, "berth-test-" + project, List.of(stack.toString()),
                List.of(stack + "/.berth/restic-cache"), List.of(new BackupPlan.StoppedApp("jellyfin",
                "keeps its library in SQLite")), new TreeMap<>(Map.of("jellyfin", appFolder.toString())), LocalTime.of(3, 30),
                BackupAnswers.Keep.DEFAULT, BackupAnswers.Scheduler.CONTAINER, ResticImages.RESTIC);
        writeBackupFiles(PASSWORD);
    }

    void writeBackupFiles(String password) throws Exception {
        Map<String, RenderedFile> files = new LinkedHashMap<>();
        BackupFiles.render(plan, backup, files);
        BackupStackFiles.writeFiles(stack, files);
        for (String written : files.keySet()) {
            Path f = stack.resolve(written);
            owned(f);
            owned(f.getParent());
        }
        Path secret = Files.writeString(stack.resolve("secrets/" + BackupPlan.PASSWORD_SECRET), password, StandardCharsets.UTF_8);
        owned(secret);
        owned(Files.createDirectories(stack.resolve(".berth")));
    }

    StackBackups backups(Target t) {
        return new StackBackups(t, plan, Optional.of(backup), stack.toString(), ComposeTool.PLUGIN, Clock.systemUTC());
    }

    /** Back up, lose files, restore one app, byte for byte, healthy again: twice, a folder with newer files and a deleted one. */
    void backUpAndRestore(Supplier<Target> connect) throws Exception {
        deploy(connect);
        backUpAndRestoreDeployed(connect);
    }

    void backUpAndRestoreDeployed(Supplier<Target> connect) throws Exception {
        byte[] db = new byte[300_000];
        new java.util.Random(11).nextBytes(db);
        Files.createDirectories(appFolder);
        owned(Files.write(appFolder.resolve("library.db"), db));
        owned(Files.writeString(appFolder.resolve("system.xml"), "<ServerConfiguration/>\n"));
        try (Target t = connect.get()) {
            StackBackups backups = backups(t);
            List<String> said = new ArrayList<>();
            BackupRun run = backups.backup(said::add, () -> false);
            assertTrue(run.snapshot().shortId().matches("[0-9a-f]{8}"), run::toString);
            assertTrue(run.snapshot().id().startsWith(run.snapshot().shortId()), run::toString);
            assertEquals(List.of("jellyfin"), run.stopped());
            assertTrue(run.appsDown().compareTo(Duration.ZERO) > 0 && run.appsDown().compareTo(run.took()) < 0, run::toString);
            assertTrue(said.contains("Stopping Jellyfin (keeps its library in SQLite)…"), said::toString);
            assertTrue(said.contains("Snapshot " + run.snapshot().shortId() + " saved."), said::toString);
            assertTrue(said.stream().anyMatch(l -> l.contains("Added to the repository:")), said::toString);
            assertTrue(running(container), "Jellyfin runs again after the backup");

            LastBackup last = StackBackups.last(t, stack.toString()).orElseThrow();
            assertTrue(last.ok(), last::toString);
            assertEquals(Optional.of(run.snapshot().shortId()), last.snapshot());
            List<Snapshot> snapshots = backups.snapshots();
            assertEquals(List.of(run.snapshot().id()), snapshots.stream().map(Snapshot::id).toList(), "the live pass is left out");

            // Lost a file, and one came that the snapshot does not have: moved aside with the folder.
            Files.delete(appFolder.resolve("library.db"));
            owned(Files.writeString(appFolder.resolve("newer.txt"), "after the backup\n"));
            RestorePreview preview = backups.previewRestore(Optional.empty(), Optional.of("jellyfin"));
            assertEquals(List.of(appFolder.toString()), preview.paths());
            assertEquals(List.of("jellyfin"), preview.stopped());
            RestoreOutcome outcome = backups.restore(preview, line -> { }, () -> false);
            assertTrue(outcome.healthy(), outcome::toString);
            assertArrayEquals(db, Files.readAllBytes(appFolder.resolve("library.db")));
            assertFalse(Files.exists(appFolder.resolve("newer.txt")), "the folder is the snapshot's");
            Path aside;
            try (var siblings = Files.list(appFolder.getParent())) {
                aside = siblings.filter(p -> p.getFileName().toString().startsWith("jellyfin.before-restore-")).findFirst().orElseThrow();
            }
            assertEquals("after the backup\n", Files.readString(aside.resolve("newer.txt")));
            assertTrue(String.join("\n", outcome.lines()).contains(aside.toString()), outcome::toString);

            // The whole folder deleted; the snapshot chosen by the start of its id.
            ExternalTool.run(root, List.of("rm", "-rf", appFolder.toString()));
            RestoreOutcome again = backups.restore(backups.previewRestore(Optional.of(run.snapshot().shortId().substring(0, 5)),
                    Optional.of("jellyfin")), line -> { }, () -> false);
            assertTrue(again.healthy(), again::toString);
            assertArrayEquals(db, Files.readAllBytes(appFolder.resolve("library.db")));
            assertEquals("<ServerConfiguration/>\n", Files.readString(appFolder.resolve("system.xml")));
            assertTrue(running(container), "Jellyfin runs after the restore");
        }
    }

    /**
     * The whole stack from the latest snapshot: its compose.yaml and an app's file lost, both back,
     * healthy again. Through docker-compose 1.29, which cannot stop a project whose file is missing.
     */
    void restoreWholeStack(Supplier<Target> connect) throws Exception {
        ExternalTool.require("docker-compose", "apt-get install docker-compose");
        byte[] compose = Files.readAllBytes(stack.resolve("compose.yaml"));
        byte[] db = Files.readAllBytes(appFolder.resolve("library.db"));
        Files.delete(stack.resolve("compose.yaml"));
        Files.delete(appFolder.resolve("library.db"));
        try (Target t = connect.get()) {
            StackBackups backups = new StackBackups(t, plan, Optional.of(backup), stack.toString(), ComposeTool.STANDALONE_V1,
                    Clock.systemUTC());
            String lastBefore = Files.readString(stack.resolve(BackupPlan.LAST_BACKUP));
            RestorePreview whole = backups.previewRestore(Optional.empty(), Optional.empty());
            assertEquals(List.of(stack.toString()), whole.paths());
            assertEquals(plan.services().stream().map(s -> s.name()).toList(), whole.stopped());
            RestoreOutcome outcome = backups.restore(whole, line -> { }, () -> false);
            assertTrue(outcome.healthy(), outcome::toString);
            assertArrayEquals(compose, Files.readAllBytes(stack.resolve("compose.yaml")));
            assertArrayEquals(db, Files.readAllBytes(appFolder.resolve("library.db")));
            assertEquals(lastBefore, Files.readString(stack.resolve(BackupPlan.LAST_BACKUP)), "the record of the last run stays");
            assertTrue(running(container));
        }
    }

    String containerOf(String service) throws Exception {
        try (LocalTarget local = new LocalTarget()) {
            for (Container c : StackContainers.of(local, project)) {
                if (service.equals(c.getLabels().get(ComposeLabels.SERVICE))) {
                    return c.getNames()[0].substring(1);
                }
            }
        }
        throw new AssertionError("no container of " + service);
    }

    static boolean running(String container) {
        try (LocalTarget local = new LocalTarget()) {
            return Boolean.TRUE.equals(local.docker().inspectContainerCmd(container).exec().getState().getRunning());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Owned by the stack's user, as a deploy as that user leaves it (the SSH test user must write there). */
    Path owned(Path p) throws Exception {
        Files.setAttribute(p, "unix:uid", plan.answers().storage().puid());
        Files.setAttribute(p, "unix:gid", plan.answers().storage().pgid());
        return p;
    }

    void cleanUp() {
        StandInStacks.remove(project);
        try (LocalTarget local = new LocalTarget()) {
            for (Container c : local.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(StackBackups.STACK_LABEL, stack.toString())).exec()) {
                local.docker().removeContainerCmd(c.getId()).withForce(true).exec();
            }
        } catch (Exception e) {
            // nothing left to remove
        }
        // restic wrote the repository and its cache as root: hand them back so the folder can go.
        ExternalTool.run(root, List.of("chmod", "-R", "u+rwX", root.toString()));
    }
}
