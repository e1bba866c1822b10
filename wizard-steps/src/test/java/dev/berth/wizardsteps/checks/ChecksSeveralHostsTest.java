package dev.berth.wizardsteps.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The System check page for a stack on several machines, against real targets: this computer
 * (checked and measured for real) and an SSH machine nobody answers at.
 */
class ChecksSeveralHostsTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final ChecksViewModel vm = new ChecksViewModel(ctx);

    @AfterEach
    void close() {
        vm.close();
        ctx.close();
    }

    @Test
    void oneMachineKeepsTheSingleList() {
        Drafts.upToApps(ctx, "jellyfin");
        assertFalse(vm.severalHostsProperty().get());
        assertTrue(vm.hostSections().isEmpty());
        assertFalse(vm.rows().isEmpty());
    }

    @Test
    void everyMachineIsCheckedUnderItsNameAndTheirResourcesAreAddedUp() {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        ctx.model().setHosts(List.of(new HostAnswers("here", TargetAnswers.LOCAL, null),
                new HostAnswers("also-here", TargetAnswers.LOCAL, null)));
        vm.enter();

        assertTrue(vm.severalHostsProperty().get());
        assertEquals(List.of("here", "also-here"), vm.hostSections().stream().map(HostSection::name).toList());
        for (HostSection h : vm.hostSections()) {
            assertFalse(h.rows().isEmpty(), h.name() + " has its checks");
            assertTrue(h.resources().contains("memory"), h.resources());
            assertEquals(h.name() + " — this computer", h.heading());
        }
        assertTrue(vm.togetherProperty().get().startsWith("2 hosts: "), vm.togetherProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aMachineThatCannotBeReachedSaysSoUnderItsNameAndBlocksNext() {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        // Port 1 on this machine: nothing listens, so the connection is refused at once.
        ctx.model().setHosts(List.of(new HostAnswers("here", TargetAnswers.LOCAL, null),
                new HostAnswers("gone", new TargetAnswers(TargetAnswers.Kind.SSH, "127.0.0.1", 1, "media", null), null)));
        vm.enter();

        HostSection gone = vm.hostSections().get(1);
        assertTrue(gone.problem().contains("gone on the Target page"), gone.problem());
        assertTrue(gone.rows().isEmpty());
        assertFalse(vm.hostSections().getFirst().rows().isEmpty(), "the other machine is still checked");
        assertFalse(vm.validProperty().get());
        assertEquals("Cannot check gone", vm.summaryProperty().get());
    }
}
