package dev.berth.wizardsteps.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.render.FolderExport;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.RepoPaths;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardModel.Start;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final WelcomeViewModel vm = new WelcomeViewModel(ctx);

    /**
     * A stack with backups on, found on this computer: the page still finds it, and says when its
     * last backup ran once the engine can read that (until then it leaves the line out).
     */
    @Test
    void aStackWithBackupsIsFoundWithItsLastBackup(@TempDir Path dir) throws Exception {
        Answers base = Examples.answers("minimal-jellyfin");
        StorageAnswers s = base.storage();
        Answers answers = base.withStorage(new StorageAnswers(dir.resolve("stack").toString(), dir.resolve("data").toString(),
                        dir.resolve("config").toString(), s.puid(), s.pgid(), s.timeZone(), false))
                .withBackup(new BackupAnswers(true, dir.resolve("backups").toString(), null, null, null, null));
        FolderExport.write(new Renderer().render(new Planner(Catalog.builtIn()).plan(answers, Map.of())), dir.resolve("stack"));
        Files.createDirectories(dir.resolve("stack/.berth"));
        Files.writeString(dir.resolve("stack/.berth/last-backup.json"), "{\"time\":\"" + Instant.now().minusSeconds(3 * 3600 + 60)
                + "\",\"ok\":true,\"snapshot\":\"1a2b3c4d\",\"appsDownSeconds\":4,\"message\":\"\"}");
        ctx.model().load(answers);
        vm.enter();
        assertTrue(vm.stackFoundProperty().get(), vm.stackDescriptionProperty().get());
        String last = vm.stackLastBackupProperty().get();
        assertTrue(last.isEmpty() || last.startsWith("Last backup 3 hours ago (snapshot 1a2b3c4d"), last);
    }

    @Test
    void aNewStackMayGoOnAtOnce() {
        assertTrue(vm.isValid());
        assertEquals("A new stack", vm.summaryProperty().get());
    }

    @Test
    void anAnswersFileMustBeReadBeforeNext() {
        vm.startProperty().set(Start.ANSWERS_FILE);
        assertFalse(vm.isValid());
        assertEquals("From an answers file", vm.summaryProperty().get());
    }

    @Test
    void openingAFileFillsTheWholeDraft() {
        Path file = RepoPaths.root().resolve("docs/examples/remote-ssh.yaml");
        dialogs.chosenPaths.add(file);
        vm.chooseFile();
        assertTrue(vm.isValid());
        assertEquals("From remote-ssh.yaml", vm.summaryProperty().get());
        assertEquals(TargetAnswers.Kind.SSH, ctx.model().targetProperty().get().kind());
        assertEquals("/srv/media data", ctx.model().storageProperty().get().dataRoot());
        assertTrue(vm.fileMessageProperty().get().startsWith("Read remote-ssh.yaml: 4 apps on nas.local."),
                vm.fileMessageProperty().get());
    }

    @Test
    void aBrokenFileSaysWhatIsWrongAndBlocksNext(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("berth.yaml");
        Files.writeString(file, "schemaVersion: 1\ntarget: {kind: local}\nstorge: {}\n");
        vm.open(file);
        assertFalse(vm.isValid());
        assertTrue(vm.fileFailedProperty().get());
        assertTrue(vm.fileMessageProperty().get().contains("unknown field 'storge'"), vm.fileMessageProperty().get());
    }

    @Test
    void aFileGivenOnTheCommandLineIsReadOnEntering() {
        ctx.model().setAnswersFile(RepoPaths.root().resolve("docs/examples/minimal-jellyfin.yaml"));
        vm.enter();
        assertTrue(vm.isValid());
        assertEquals(java.util.List.of("jellyfin"), ctx.model().servicesProperty().get());
    }
}
