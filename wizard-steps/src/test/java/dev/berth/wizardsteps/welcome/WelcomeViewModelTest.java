package dev.berth.wizardsteps.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.testsupport.RepoPaths;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardModel.Start;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final WelcomeViewModel vm = new WelcomeViewModel(ctx);

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
