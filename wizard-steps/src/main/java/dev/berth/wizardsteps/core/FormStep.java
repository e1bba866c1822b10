package dev.berth.wizardsteps.core;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.Problem;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A step that edits one part of the answers in a form: its fields, their messages, which of them
 * the person touched, the problems (worked out only once the page was shown), and the cycle
 * between the form and the {@link WizardModel}:
 *
 * <ul>
 *   <li><b>fill</b>: the model's part changed from elsewhere (a file, the stack on the target):
 *       the fields take its values, and every message shows;</li>
 *   <li><b>edited</b>: the person changed a field: the part is built from the fields and the
 *       model asked to take it, then the problems are shown;</li>
 *   <li><b>validate</b>: something else in the draft changed: the problems are shown again.</li>
 * </ul>
 *
 * <p>All three run behind one guard. Filling sets fields, which would each count as an edit and
 * write a half-filled part back; writing changes the draft, which would validate once more
 * before the write is done. While the guard is up neither happens: a fill ends in one edit, a
 * write in one validation.
 *
 * @param <A> the part of the answers the form edits, e.g. {@code VpnAnswers}
 */
public abstract class FormStep<A> extends StepViewModel {
    /** The part's name in the answers and their problems' paths, e.g. {@code vpn}. */
    protected final String part;
    protected final FieldMessages messages;
    private final Touches touches = new Touches();
    private final Consumer<A> write;
    /** The one re-entrancy guard: up while fields are filled from the model or the part is written to it. */
    private boolean updating;
    /** Problems are worked out once the page was shown: at start-up the catalog is still loading. */
    private boolean entered;
    private DraftProblems draftProblems;
    private AnswersValidator validator;

    /**
     * @param part      the part of the answers, e.g. {@code vpn}
     * @param fields    the fields the page shows, as its messages name them
     * @param modelPart the model's copy of the part, followed: a change from elsewhere fills the form
     * @param write     the model's command that takes the part, e.g. {@code model::setVpn}
     */
    protected FormStep(StepContext ctx, String part, List<String> fields, ReadOnlyObjectProperty<A> modelPart, Consumer<A> write) {
        super(ctx);
        this.part = part;
        this.messages = new FieldMessages(part, fields.toArray(String[]::new));
        this.write = Objects.requireNonNull(write);
        modelPart.addListener((o, was, now) -> {
            if (!updating && now != null && !now.equals(build())) {
                fill(now);
            }
        });
    }

    /** The part as the fields describe it now. */
    protected abstract A build();

    /** Sets the fields from the part (the guard is up: these changes are not edits). */
    protected abstract void fillFields(A value);

    /** Every problem to show on the page's fields, with paths under {@link #part}; called only once entered. */
    protected abstract List<Problem> findProblems();

    /** The fields that hold something: their messages show from now on. */
    protected abstract List<String> filledFields();

    /** What the page shows whatever its state, the sidebar's summary first; runs on every validation. */
    protected abstract void updateSummary();

    /** Before an edit is written: what the fields offer next (e.g. the connection types of the chosen provider). */
    protected void beforeWrite() {
    }

    /** Before a fill: what must be in place for the values to land (e.g. the apps on offer). */
    protected void beforeFill(A value) {
    }

    /** The page was shown for the first time (or again), before its first validation. */
    protected void entering() {
    }

    /** The messages are shown; by default the step is valid when none concerns it. */
    protected void shown(boolean clean) {
        setValid(clean);
    }

    /**
     * Whether an edit reaches the model before the page was shown. A page that proposes values
     * of its own (detected ids, suggested folders) keeps them out of the draft until the person saw them.
     */
    protected boolean writesBeforeEntered() {
        return true;
    }

    @Override
    public void enter() {
        entered = true;
        entering();
        edited();
    }

    /** The message to show beside a field; empty when it is fine or untouched. */
    public ReadOnlyStringProperty messageProperty(String field) {
        return messages.messageProperty(field);
    }

    /** Problems with the part as a whole, or on fields the page does not show. */
    public ReadOnlyStringProperty generalMessageProperty() {
        return messages.generalProperty();
    }

    /** Listens to the fields: each change is an edit. */
    protected final void editedOnChange(List<? extends Observable> fields) {
        fields.forEach(f -> f.addListener(o -> edited()));
    }

    /** Runs {@code onChange} when the draft changes, unless this step is the one changing it. */
    protected final void onDraftChange(Runnable onChange) {
        // A change listener: an invalidation listener misses changes while nobody reads the draft.
        ctx.model().answersProperty().addListener((o, was, now) -> {
            if (!updating) {
                onChange.run();
            }
        });
    }

    /** The person changed the form: the model takes the part, then the problems show. */
    protected final void edited() {
        if (updating) {
            return;
        }
        beforeWrite();
        if (entered || writesBeforeEntered()) {
            guarded(() -> write.accept(build()));
        }
        validate();
    }

    /** Shows the problems of the part as it is now (nothing before the page was entered). */
    protected final void validate() {
        updateSummary();
        if (!entered) {
            return;
        }
        boolean clean = messages.show(findProblems());
        filledFields().forEach(touches::add);
        touches.applyTo(messages);
        shown(clean);
    }

    /** Values from a file or the target: the fields take them, and every message shows. */
    protected final void fill(A value) {
        fill(value, true);
    }

    /** Values the person has not seen yet: the fields take them, messages show only once touched. */
    protected final void fillUntouched(A value) {
        fill(value, false);
    }

    /** Changes fields without counting as an edit (a suggestion made before the page was shown). */
    protected final void quietly(Runnable change) {
        guarded(change);
    }

    /** True while the form is filled from the model or writes to it: field changes then are not the person's. */
    protected final boolean updating() {
        return updating;
    }

    protected final boolean entered() {
        return entered;
    }

    /** The person touched a field (ticked an app, typed in a row): its message shows from now on. */
    protected final void touch(String field) {
        touches.add(field);
    }

    /** The draft as it is now. */
    protected final Answers draft() {
        return ctx.model().answers();
    }

    /** The draft's problems with this part, made the first time they are needed (the validator loads the catalog). */
    protected final List<Problem> draftProblems() {
        if (draftProblems == null) {
            draftProblems = new DraftProblems(validator());
        }
        return draftProblems.of(part, draft());
    }

    protected final AnswersValidator validator() {
        if (validator == null) {
            validator = ctx.backend().validator();
        }
        return validator;
    }

    private void fill(A value, boolean touchAll) {
        beforeFill(value);
        guarded(() -> fillFields(value));
        if (touchAll) {
            touches.addAll();
        }
        edited();
    }

    private void guarded(Runnable change) {
        boolean was = updating;
        updating = true;
        try {
            change.run();
        } finally {
            updating = was;
        }
    }
}
