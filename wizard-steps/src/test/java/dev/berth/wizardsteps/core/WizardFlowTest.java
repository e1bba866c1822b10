package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WizardFlowTest {
    private final StepContext context = TestContexts.create(new ScriptedDialogs());
    private final List<String> events = new ArrayList<>();

    /** A step whose validity and visibility the test sets. */
    private final class FakeStep extends StepViewModel {
        private final String name;

        FakeStep(String name, boolean valid) {
            super(context);
            this.name = name;
            setValid(valid);
        }

        void valid(boolean v) {
            setValid(v);
        }

        void shown(boolean v) {
            setShown(v);
        }

        @Override
        public String title() {
            return name;
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public void enter() {
            events.add("enter " + name);
        }

        @Override
        public void leave() {
            events.add("leave " + name);
        }
    }

    private final FakeStep one = new FakeStep("one", true);
    private final FakeStep two = new FakeStep("two", false);
    private final FakeStep three = new FakeStep("three", true);
    private final WizardFlow flow = new WizardFlow(List.of(one, two, three));

    @Test
    void nextFollowsTheCurrentStepsValidity() {
        flow.start();
        assertTrue(flow.canGoNextProperty().get());
        assertFalse(flow.canGoBackProperty().get());
        flow.next();
        assertSame(two, flow.current());
        assertFalse(flow.canGoNextProperty().get());
        flow.next();
        assertSame(two, flow.current(), "an invalid step keeps the person there");
        two.valid(true);
        assertTrue(flow.canGoNextProperty().get());
        flow.next();
        assertTrue(flow.onLastProperty().get());
        assertEquals(List.of("enter one", "leave one", "enter two", "leave two", "enter three"), events);
    }

    @Test
    void statesShowWhatWasVisitedAndWhatNeedsAttention() {
        flow.start();
        flow.next();
        assertEquals(StepStatus.COMPLETE, flow.statusProperty(one).get());
        assertEquals(StepStatus.NOT_VISITED, flow.statusProperty(two).get(), "a page being filled in for the first time is not flagged");
        flow.back();
        assertEquals(StepStatus.NEEDS_ATTENTION, flow.statusProperty(two).get(), "left with answers still missing");
        assertEquals(StepStatus.NOT_VISITED, flow.statusProperty(three).get());
    }

    @Test
    void hiddenStepsAreSkipped() {
        two.shown(false);
        flow.start();
        flow.next();
        assertSame(three, flow.current());
        flow.back();
        assertSame(one, flow.current());
    }

    @Test
    void theSidebarJumpsBackFreelyButForwardOnlyOverGoodAnswers() {
        flow.start();
        assertFalse(flow.canJumpTo(three), "three is beyond an invalid step");
        assertTrue(flow.canJumpTo(two));
        flow.jumpTo(two);
        two.valid(true);
        flow.next();
        assertTrue(flow.canJumpTo(one));
        flow.jumpTo(one);
        assertSame(one, flow.current());
        assertTrue(flow.canJumpTo(three), "visited, and everything before it is good");
    }
}
