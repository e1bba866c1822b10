package dev.berth.wizardsteps.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.install.InstallPlan;
import dev.berth.engine.install.InstallStep;
import dev.berth.engine.target.LocalTarget;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The "Install Docker…" dialog's model on this computer: the plan shown before anything runs,
 * and, with plans of harmless commands in place of the installer, the password, the output,
 * a failure and the re-check after success.
 */
class DockerInstallViewModelTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final LocalTarget target = new LocalTarget();
    private final DockerInstallViewModel vm = new DockerInstallViewModel(ctx, target);

    @AfterEach
    void close() {
        ctx.close();
        target.close();
    }

    private static InstallPlan.Commands plan(InstallStep... steps) {
        return new InstallPlan.Commands("harmless commands", "27.5.1", "2.32.4", List.of(steps));
    }

    @Test
    void thePlanForThisComputerIsShownAndNothingRuns() {
        vm.prepare();
        switch (vm.planProperty().get()) {
            case InstallPlan.Commands c -> {
                assertEquals(c.steps().size(), vm.commands().size());
                assertTrue(vm.commands().getFirst().startsWith("1. " + c.steps().getFirst().purpose() + "\n    "), vm.commands().toString());
                assertTrue(vm.messageProperty().get().startsWith("To install Docker 27.5.1"), vm.messageProperty().get());
            }
            case InstallPlan.Refused r -> {
                // This machine has Docker 20.10 already: the dialog says why and what to do.
                assertEquals("Berth cannot install Docker there: " + r.reason() + ". " + r.whatToDo() + ".", vm.messageProperty().get());
                assertFalse(vm.canRunProperty().get());
            }
        }
        assertTrue(vm.output().isEmpty(), "nothing ran before the person chose Install");
    }

    @Test
    void thePasswordIsWantedThenReachesOnlySudosInputAndTheFieldIsEmptied() {
        vm.show(plan(new InstallStep("Check the password", List.of("sh", "-c",
                "IFS= read -r pw; [ \"$pw\" = \"$1\" ] && echo password arrived", "sh", "s3cret pw"), true)));
        assertTrue(vm.needsPassword());
        assertFalse(vm.canRunProperty().get(), "no run without the sudo password");
        vm.passwordProperty().set("s3cret pw");
        assertTrue(vm.canRunProperty().get());
        vm.run();
        assertEquals("", vm.passwordProperty().get(), "the field does not keep the password");
        assertEquals(List.of("[1/1] Check the password", "$ sh -c 'IFS= read -r pw; [ \"$pw\" = \"$1\" ] && echo password arrived'"
                + " sh 's3cret pw'", "  password arrived"), vm.output());
        assertTrue(vm.installedProperty().get(), vm.messageProperty().get());
        assertEquals("Docker 27.5.1 and Compose 2.32.4 are installed. Checking again…", vm.messageProperty().get());
        assertFalse(ctx.checks().results().isEmpty(), "the checks ran again");
        assertFalse(vm.canRunProperty().get(), "done: nothing more to run");
    }

    @Test
    void aFailedCommandIsNamedAndTheInstallMayRunAgain() {
        vm.show(plan(new InstallStep("Fetch the key", List.of("sh", "-c", "echo 'no network' >&2; exit 6"), false)));
        vm.run();
        assertEquals("Step 1 of 1 (Fetch the key) failed on this computer: exit status 6 (no network).", vm.messageProperty().get());
        assertFalse(vm.installedProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.canRunProperty().get(), "every step is safe to run again");
    }
}
