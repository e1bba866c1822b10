package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AnswersValidator;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.MonitoringAnswers.Watchtower;
import dev.berth.answers.Problem;
import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The form base: one guard around fill, edit and validate; touched fields; problems worked out only once shown. */
class FormStepTest {
    private static final String TAUTULLI_NEEDS_PLEX = "Tautulli only reports on Plex: choose Plex on the Apps screen, or turn Tautulli off";

    private final CountingBackend backend = new CountingBackend();
    private final StepContext ctx = StepContext.create(backend, new CurrentThreadTaskRunner(), new ScriptedDialogs());
    private final TautulliStep step = new TautulliStep(ctx);

    @Test
    void anEditWritesOnceAndValidatesOnce() {
        Drafts.upToApps(ctx, "jellyfin");
        step.enter();
        step.reset();
        step.tautulli.set(true);
        assertEquals(1, step.writes(), "the model takes the edit once");
        assertEquals(1, step.validations, "the draft changing under its own write does not validate the page again");
        assertEquals(new MonitoringAnswers(false, true, false, false, Watchtower.OFF), ctx.model().monitoringProperty().get());
    }

    @Test
    void fillingFromTheModelIsNotAnEdit() {
        Drafts.upToApps(ctx, "jellyfin");
        step.enter();
        step.reset();
        ctx.model().setMonitoring(new MonitoringAnswers(false, true, false, false, Watchtower.UPDATE));
        assertTrue(step.tautulli.get());
        assertEquals(Watchtower.UPDATE, step.watchtower.get());
        // Two fields changed, but the fill ends in one edit: not one write and validation per field, and no loop.
        // (One validation for the draft changing, one at the end of the fill.)
        assertEquals(1, step.writes());
        assertEquals(2, step.validations);
        assertEquals(new MonitoringAnswers(false, true, false, false, Watchtower.UPDATE), ctx.model().monitoringProperty().get());
    }

    @Test
    void anotherPartChangingValidatesWithoutWriting() {
        Drafts.upToApps(ctx, "jellyfin");
        step.enter();
        step.tautulli.set(true);
        assertFalse(step.isValid());
        step.reset();
        ctx.model().setServices(List.of("plex"));
        assertEquals(0, step.writes());
        assertEquals(1, step.validations);
        assertTrue(step.isValid());
    }

    @Test
    void aMessageShowsOnceItsFieldIsTouched() {
        Drafts.upToApps(ctx, "jellyfin");
        step.enter();
        step.tautulli.set(true);
        assertFalse(step.isValid(), "the problem counts at once");
        assertEquals("", step.messageProperty("tautulli").get(), "but is not shown on a field the person has not touched");
        step.touchTautulli();
        assertEquals(TAUTULLI_NEEDS_PLEX, step.messageProperty("tautulli").get());
        assertEquals("", step.messageProperty("watchtower").get());
    }

    @Test
    void valuesFromAFileShowEveryMessage() {
        Drafts.upToApps(ctx, "jellyfin");
        step.enter();
        ctx.model().setMonitoring(new MonitoringAnswers(false, true, false, false, Watchtower.OFF));
        assertEquals(TAUTULLI_NEEDS_PLEX, step.messageProperty("tautulli").get());
    }

    @Test
    void problemsAreWorkedOutOnlyOnceThePageIsShown() {
        Drafts.upToApps(ctx, "jellyfin");
        step.tautulli.set(true);
        ctx.model().setServices(List.of("jellyfin", "sonarr"));
        assertEquals(0, step.validations);
        assertEquals(0, backend.validators, "no validator (and so no catalog) before the page is shown");
        assertTrue(step.summaries > 0, "the summary follows all along");
        assertEquals(new MonitoringAnswers(false, true, false, false, Watchtower.OFF), ctx.model().monitoringProperty().get());

        step.enter();
        step.tautulli.set(false);
        step.watchtower.set(Watchtower.NOTIFY);
        assertTrue(step.validations >= 3);
        assertEquals(1, backend.validators, "one validator, made the first time it is needed");
        assertTrue(step.isValid());
    }

    /** A form with two of the monitoring answers' fields, counting what the base does. */
    private static final class TautulliStep extends FormStep<MonitoringAnswers> {
        final BooleanProperty tautulli = new SimpleBooleanProperty(this, "tautulli");
        final ObjectProperty<Watchtower> watchtower = new SimpleObjectProperty<>(this, "watchtower", Watchtower.OFF);
        /** How often the model was asked to take the part (counted outside: the base is built before this object). */
        private final int[] writes;
        int validations;
        int summaries;

        TautulliStep(StepContext ctx) {
            this(ctx, new int[1]);
        }

        private TautulliStep(StepContext ctx, int[] writes) {
            super(ctx, "monitoring", List.of("tautulli", "watchtower"), ctx.model().monitoringProperty(), m -> {
                writes[0]++;
                ctx.model().setMonitoring(m);
            });
            this.writes = writes;
            editedOnChange(List.of(tautulli, watchtower));
            onDraftChange(this::validate);
        }

        int writes() {
            return writes[0];
        }

        void reset() {
            writes[0] = 0;
            validations = 0;
        }

        void touchTautulli() {
            touch("tautulli");
            validate();
        }

        @Override
        public String title() {
            return "Tautulli";
        }

        @Override
        public String description() {
            return "A form for testing the base.";
        }

        @Override
        protected MonitoringAnswers build() {
            return new MonitoringAnswers(false, tautulli.get(), false, false, watchtower.get());
        }

        @Override
        protected void fillFields(MonitoringAnswers m) {
            tautulli.set(m.tautulli());
            watchtower.set(m.watchtower());
        }

        @Override
        protected List<Problem> findProblems() {
            validations++;
            return draftProblems();
        }

        @Override
        protected List<String> filledFields() {
            return List.of(); // only what the test touches
        }

        @Override
        protected void updateSummary() {
            summaries++;
        }
    }

    /** The real backend, counting the validators it makes. */
    private static final class CountingBackend implements WizardBackend {
        private final WizardBackend real = WizardBackend.standard();
        int validators;

        @Override
        public Catalog catalog() {
            return real.catalog();
        }

        @Override
        public AnswersValidator validator() {
            validators++;
            return real.validator();
        }

        @Override
        public Target open(TargetAnswers target, Login login) throws TargetException {
            return real.open(target, login);
        }
    }
}
