package dev.berth.wizardsteps.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.answers.TargetAnswers.Kind;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TargetSession;
import dev.berth.wizardsteps.core.WizardModel;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetViewModelTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final TargetViewModel vm = new TargetViewModel(ctx);

    @org.junit.jupiter.api.BeforeEach
    void openThePage() {
        vm.enter();
    }

    @Test
    void thisComputerIsGoodAsItIs() {
        assertTrue(vm.isValid());
        assertEquals("This computer", vm.summaryProperty().get());
        assertEquals(TargetAnswers.LOCAL, ctx.model().targetProperty().get());
    }

    @Test
    void aServerNeedsAHostAndAUserButSaysSoOnlyOnceTouched() {
        vm.kindProperty().set(Kind.SSH);
        assertFalse(vm.isValid());
        assertEquals("", vm.messageProperty("host").get(), "an empty form does not open in red");
        vm.testConnection(); // pressing on shows everything
        assertEquals("an SSH target needs a host and a user", vm.generalMessageProperty().get());
        vm.hostProperty().set("nas.local");
        vm.userProperty().set("media");
        assertTrue(vm.isValid());
        assertEquals("media@nas.local", vm.summaryProperty().get());
        assertEquals(new TargetAnswers(Kind.SSH, "nas.local", null, "media", null), ctx.model().targetProperty().get());
    }

    @Test
    void eachFieldShowsTheValidatorsMessageAsThePersonTypes() {
        vm.kindProperty().set(Kind.SSH);
        vm.hostProperty().set("nas.local");
        vm.userProperty().set("Media Server");
        assertEquals("is not a valid Linux user name (lower-case letters, digits, '_' or '-')", vm.messageProperty("user").get());
        assertFalse(vm.isValid());
        vm.userProperty().set("media");
        assertEquals("", vm.messageProperty("user").get());
        vm.portProperty().set("twenty-two");
        assertEquals("must be a number from 1 to 65535", vm.messageProperty("port").get());
        assertFalse(vm.isValid());
        vm.portProperty().set("2222");
        assertTrue(vm.isValid());
        assertEquals(2222, ctx.model().targetProperty().get().port());
    }

    @Test
    void answersLoadedFromAFileFillTheFields() {
        ctx.model().setTarget(new TargetAnswers(Kind.SSH, "nas.local", 2200, "media", "~/.ssh/id_ed25519"));
        assertEquals(Kind.SSH, vm.kindProperty().get());
        assertEquals("2200", vm.portProperty().get());
        assertEquals("~/.ssh/id_ed25519", vm.keyFileProperty().get());
        assertTrue(vm.isValid());
    }

    @Test
    void testConnectionLearnsAboutThisComputer() {
        vm.testConnection();
        assertEquals(TargetSession.State.CONNECTED, vm.connectionStateProperty().get(), vm.connectionMessageProperty().get());
        assertTrue(vm.connectionMessageProperty().get().startsWith("Connected to this computer"));
        assertTrue(vm.summaryProperty().get().startsWith("This computer, "), vm.summaryProperty().get());
    }

    @Test
    void changingAStackReadsItFromTheTarget(@TempDir Path dir) throws Exception {
        Path stack = dir.resolve("stack");
        Files.createDirectories(stack.resolve("secrets"));
        Files.copy(dev.berth.testsupport.RepoPaths.root().resolve("docs/examples/minimal-jellyfin.yaml"), stack.resolve("berth.yaml"));
        Files.writeString(stack.resolve("secrets/some_secret"), "kept");
        ctx.model().setStart(WizardModel.Start.RECONFIGURE);
        vm.stackDirProperty().set(stack.toString());
        assertFalse(vm.isValid(), "the stack must be found first");
        vm.testConnection();
        assertTrue(vm.isValid(), vm.stackMessageProperty().get());
        assertEquals(java.util.List.of("jellyfin"), ctx.model().servicesProperty().get());
        assertEquals("kept", ctx.model().previousSecretsProperty().get().get("some_secret"));
    }

    @Test
    void aFolderWithoutAStackSaysWhatToDo(@TempDir Path dir) {
        ctx.model().setStart(WizardModel.Start.RECONFIGURE);
        vm.stackDirProperty().set(dir.resolve("nothing-here").toString());
        vm.testConnection();
        assertFalse(vm.isValid());
        assertTrue(vm.stackMessageProperty().get().contains("does not exist on the target"), vm.stackMessageProperty().get());
    }
}
