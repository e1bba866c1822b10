package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step doing work that must not be left half-way (a deploy) holds the wizard on its page. */
class BusyStepTest {
    private final StepContext context = TestContexts.create(new ScriptedDialogs());

    private final class Step extends StepViewModel {
        private final String name;

        Step(String name) {
            super(context);
            this.name = name;
            setValid(true);
        }

        void busy(boolean b) {
            setBusy(b);
        }

        @Override
        public String title() {
            return name;
        }

        @Override
        public String description() {
            return "";
        }
    }

    private final Step one = new Step("one");
    private final Step two = new Step("two");
    private final Step three = new Step("three");
    private final WizardFlow flow = new WizardFlow(List.of(one, two, three));

    @Test
    void backNextAndTheSidebarWaitWhileTheStepIsBusy() {
        flow.start();
        flow.next();
        assertSame(two, flow.current());
        two.busy(true);
        assertFalse(flow.canGoBackProperty().get());
        assertFalse(flow.canGoNextProperty().get());
        assertFalse(flow.canJumpTo(one));
        flow.back();
        flow.jumpTo(one);
        assertSame(two, flow.current());

        two.busy(false);
        assertTrue(flow.canGoBackProperty().get());
        assertTrue(flow.canGoNextProperty().get());
        assertTrue(flow.canJumpTo(one));
    }

    @Test
    void nextIsLabelledNextUnlessTheStepSaysOtherwise() {
        assertEquals("_Next", one.nextLabel());
    }

    @Test
    void batchesReachTheUiInOrderAndNothingIsLost() {
        java.util.List<java.util.List<Integer>> batches = new java.util.ArrayList<>();
        var runner = new CurrentThreadTaskRunner();
        runner.execute(BackgroundTask.of("count", p -> {
            UiBatcher<Integer> toUi = new UiBatcher<>(p, batches::add);
            for (int i = 0; i < 5; i++) {
                toUi.accept(i);
            }
            return null;
        }));
        assertEquals(List.of(0, 1, 2, 3, 4), batches.stream().flatMap(List::stream).toList());
    }
}
