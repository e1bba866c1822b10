package dev.berth.wizardsteps.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.check.Check;
import dev.berth.engine.check.Checks;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.testing.Delegating;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy's check before it changes anything runs the backend's checks, the System check page's
 * own: a backend with other checks (the guide's home server) gets those in the deploy too, so the
 * Deploy page never warns about what the System check page passed.
 */
class DeployChecksTest {
    @TempDir
    Path tmp;
    /** Two of Berth's checks, as a backend that runs only those on its System check page says. */
    private final List<Check> two = Checks.all().stream().filter(c -> c.id().equals("docker-engine") || c.id().equals("ports")).toList();
    private final StepContext ctx = StepContext.create(backendWith(two), new CurrentThreadTaskRunner(), new ScriptedDialogs());

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void theDeployOptionsCarryTheBackendsChecks() {
        assertEquals(2, two.size(), "the two checks this test picks are still Berth's");
        assertEquals(two, ctx.backend().deployOptions().checks());
        assertEquals(Checks.all().stream().map(Check::id).toList(),
                WizardBackend.standard().deployOptions().checks().stream().map(Check::id).toList(), "the real backend: all of Berth's");
    }

    @NeedsDocker
    @Test
    void theReviewedDeployChecksWithThem() {
        RequiresDocker.engine();
        StorageAnswers s = new StorageAnswers(tmp.resolve("stack").toString(), tmp.resolve("data").toString(),
                tmp.resolve("stack/config").toString(), 1000, 1000, "Europe/Berlin", false);
        Answers answers = Examples.answers("minimal-jellyfin").withStorage(s).withServices(List.of("jellyfin"));
        ctx.model().load(answers);
        ReviewViewModel vm = new ReviewViewModel(ctx, new DeploySession(ctx.backend()));
        vm.enter();

        assertEquals(ReviewViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.jobs().getFirst().startsWith("Check the target once more (2 checks;"), vm.jobs().toString());
    }

    private static WizardBackend backendWith(List<Check> checks) {
        return new Delegating() {
            @Override
            public List<Check> checks() {
                return checks;
            }
        };
    }
}
