package dev.berth.wizardsteps.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.BusyboxImage;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.check.Status;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardModel;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's name on the Storage page, against this computer's real engine: a new stack is
 * called 'berth' unless a stack in another folder already is, and then after its own folder,
 * with a sentence why; a stack being changed keeps its name, and the check beside the field says
 * whose it is.
 */
@NeedsDocker
class StorageProjectNameTest {
    @TempDir
    Path tmp;
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final StorageViewModel vm = new StorageViewModel(ctx);
    private final List<String> containers = new ArrayList<>();

    @BeforeEach
    void engine() {
        RequiresDocker.engine();
    }

    @AfterEach
    void removeContainers() {
        containers.forEach(c -> ExternalTool.run(tmp, List.of("docker", "rm", "-f", c)));
        ctx.target().close();
    }

    /** A container of Compose project 'berth' started from {@code folder}, as Compose labels it. */
    private void otherStackNamedBerthIn(Path folder) throws Exception {
        Files.createDirectories(folder);
        String name = "berth-test-other-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(name);
        ExternalTool.Result r = ExternalTool.run(tmp, List.of("docker", "run", "-d", "--name", name,
                "--label", ComposeLabels.PROJECT + "=berth", "--label", ComposeLabels.WORKING_DIR + "=" + folder,
                BusyboxImage.ensure(tmp), "/bin/busybox", "sleep", "300"));
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void aNewStackIsNamedAfterItsFolderWhenAnotherStackIsCalledBerth() throws Exception {
        Path other = tmp.resolve("other");
        otherStackNamedBerthIn(other);
        vm.enter();
        vm.stackDirProperty().set(tmp.resolve("mo").toString());
        vm.pathLeft();

        assertEquals("berth-mo", vm.projectNameProperty().get());
        assertEquals("berth-mo", ctx.model().answers().projectName());
        assertTrue(vm.projectNameNoteProperty().get().contains("stack in " + other), vm.projectNameNoteProperty().get());
        assertEquals(Status.PASS, vm.projectNameCheck().statusProperty().get(), vm.projectNameCheck().textProperty().get());
        assertTrue(vm.isValid());
    }

    @Test
    void aNameThePersonTypesIsKeptAndCheckedAndAFreeBerthIsProposedWithoutANote() throws Exception {
        vm.enter();
        vm.stackDirProperty().set(tmp.resolve("mo").toString());
        vm.pathLeft();
        assertEquals("berth", vm.projectNameProperty().get(), "no stack elsewhere is called berth");
        assertEquals("", vm.projectNameNoteProperty().get());

        otherStackNamedBerthIn(tmp.resolve("other"));
        vm.projectNameProperty().set(""); // the person types the name: their choice from now on
        assertFalse(vm.projectNameMessageProperty().get().isEmpty(), "a blank name is not quietly 'berth'");
        vm.projectNameProperty().set("berth");
        ctx.checks().refreshAll();
        assertEquals("berth", vm.projectNameProperty().get());
        assertEquals(Status.FAIL, vm.projectNameCheck().statusProperty().get());
        assertTrue(vm.projectNameCheck().textProperty().get().contains("projectName: berth-mo"),
                vm.projectNameCheck().textProperty().get());

        vm.projectNameProperty().set("Media Stack");
        assertTrue(vm.projectNameMessageProperty().get().startsWith("must be lower-case letters"),
                vm.projectNameMessageProperty().get());
        assertFalse(vm.isValid());
    }

    @Test
    void aStackBeingChangedKeepsItsName() throws Exception {
        Path other = tmp.resolve("other");
        otherStackNamedBerthIn(other);
        ctx.model().setStart(WizardModel.Start.RECONFIGURE);
        ctx.model().setProjectName("berth");
        vm.enter();
        vm.stackDirProperty().set(tmp.resolve("mo").toString());
        vm.pathLeft();

        assertEquals("berth", vm.projectNameProperty().get());
        assertEquals(Status.FAIL, vm.projectNameCheck().statusProperty().get());
        assertTrue(vm.projectNameCheck().textProperty().get().contains("taken by the stack in " + other),
                vm.projectNameCheck().textProperty().get());
    }
}
