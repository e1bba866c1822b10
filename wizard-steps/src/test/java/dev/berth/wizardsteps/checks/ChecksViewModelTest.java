package dev.berth.wizardsteps.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.check.Status;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import org.junit.jupiter.api.Test;

/** Runs the real checks on this computer: what a person sees on a fresh machine. */
class ChecksViewModelTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final ChecksViewModel vm = new ChecksViewModel(ctx);

    @Test
    void beforeAnyRunEveryCheckIsWaitingAndNextIsBlocked() {
        assertEquals(ctx.checks().checks().size(), vm.rows().size());
        assertTrue(vm.rows().stream().allMatch(CheckRow::waiting));
        assertFalse(vm.isValid());
    }

    @Test
    void enteringConnectsAndRunsEveryCheck() {
        vm.enter();
        assertTrue(vm.rows().stream().noneMatch(CheckRow::waiting), vm.rows().toString());
        CheckRow os = vm.rows().getFirst();
        assertEquals(Status.PASS, os.status(), os.summary());
        CheckRow ports = vm.rows().stream().filter(r -> r.id().equals("ports")).findFirst().orElseThrow();
        assertEquals(Status.SKIP, ports.status());
        assertEquals("Runs once you have chosen storage and apps", ports.summary());
        boolean failed = vm.rows().stream().anyMatch(r -> r.status() == Status.FAIL);
        assertEquals(!failed, vm.isValid(), "FAILs block Next, WARNs do not: " + vm.rows());
        assertFalse(vm.summaryProperty().get().isEmpty());
    }

    @Test
    void aTargetThatCannotBeReachedSaysSoAndBlocksNext() {
        ctx.model().setTarget(new TargetAnswers(TargetAnswers.Kind.SSH, "127.0.0.1", 1, "nobody", null));
        vm.enter();
        assertFalse(vm.isValid());
        assertEquals("Cannot connect", vm.summaryProperty().get());
        assertFalse(vm.problemProperty().get().isEmpty());
    }

    @Test
    void aFixCommandIsCopied() {
        vm.copyFix(new CheckRow("x", "X", Status.FAIL, "broken", "", "sudo systemctl start docker", false));
        assertEquals(java.util.List.of("sudo systemctl start docker"), dialogs.copied);
    }
}
